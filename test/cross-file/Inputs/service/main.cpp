// Calls into no other file of the project.
int main() { return 0; }
