// RUN: %check_async_tidy %s async-detached-dangling-reference %t

#include <string>
#include <thread>

// A function object that keeps a reference to what its constructor was
// given: the copy that the thread runs still refers to the caller's local.
struct Counter {
  int &count;
  explicit Counter(int &c) : count(c) {}
  void operator()() { ++count; }
};

struct Logger {
  const std::string *line;
  explicit Logger(const std::string *l) : line(l) {}
  void operator()() const { (void)line->size(); }
};

// Copies what it is given: no reference survives the constructor.
struct Snapshot {
  std::string text;
  explicit Snapshot(const std::string &t) : text(t) {}
  void operator()() const { (void)text.size(); }
};

void detached_counter() {
  int hits = 0;
  Counter counter(hits);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'hits' is destroyed when its scope ends, but it is bound to member 'count' of function object 'Counter', whose copy is passed to work detached by 'std::thread::detach'; copy or move it into the work, or share its ownership [async-detached-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE+4]]:10: note: the work is detached here
  // CHECK-MESSAGES: :[[@LINE-4]]:7: note: 'hits' is declared here
  // CHECK-MESSAGES: :[[@LINE+3]]:1: note: 'hits' is destroyed here
  std::thread worker(counter);
  worker.detach();
}

void detached_temporary_logger() {
  std::string line = "x";
  std::thread(Logger(&line)).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'line' is destroyed when its scope ends, but it is bound to member 'line' of function object 'Logger', whose copy is passed to work detached by 'std::thread::detach'
  // CHECK-MESSAGES: :[[@LINE-2]]:30: note: the work is detached here
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: 'line' is declared here
  // CHECK-MESSAGES: :[[@LINE+1]]:1: note: 'line' is destroyed here
}

// Joined, copied, or referring to a global: nothing dangles.
int total = 0;
void joined_counter() {
  int hits = 0;
  std::thread worker{Counter(hits)};
  worker.join();
}
void detached_snapshot() {
  std::string text = "y";
  std::thread(Snapshot(text)).detach();
}
void detached_global_counter() { std::thread(Counter(total)).detach(); }
