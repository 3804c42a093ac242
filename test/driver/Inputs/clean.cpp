#include <future>
int main() {
  std::future<int> f;
  return f.valid() ? f.get() : 0;
}
