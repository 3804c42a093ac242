// RUN: %check_async_tidy %s async-missing-cancellation %t
// Token types no table names, recognised by their shape (InferTokens): a
// const query whether cancellation was requested, no member that requests
// it, and a probe member or a name that says token.

namespace rpc {
class StopToken {
public:
  bool isCancelled() const;
};
class Interrupt {
public:
  bool is_cancellation_requested() const;
  bool can_be_cancelled() const;
};

// Look-alikes: a source requests cancellation; a flag with no token name or
// probe; a query that is not a const bool member.
class CancelSource {
public:
  bool isCancelled() const;
  void cancel();
  StopToken token() const;
};
class Flag {
public:
  bool cancelled() const;
};
class Job {
public:
  bool isCancelled();
  bool canBeCancelled() const;
};

void call(int method, StopToken token = {});
void stream(int id);
void stream(int id, const Interrupt &interrupt);
void send(int method, CancelSource *source = nullptr);
void poll(int fd, Flag flag = {});
void run(int step, Job job = {});
} // namespace rpc

void handler(rpc::StopToken token, const rpc::Interrupt &interrupt) {
  rpc::call(42);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: call to 'call' does not pass the cancellation token 'token' the function holds; pass it as its 'token' argument [async-missing-cancellation]
  // CHECK-MESSAGES: :[[@LINE-11]]:33: note: 'call' takes a cancellation token here, defaulted
  // CHECK-MESSAGES: :[[@LINE-4]]:29: note: the function holds the token 'token' here
  // CHECK-MESSAGES: :[[@LINE-41]]:7: note: 'rpc::StopToken' is treated as a cancellation token: it has 'isCancelled', and its name says 'token'
  // CHECK-FIXES: {{^}}  rpc::call(42, token);
  rpc::stream(7);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: call to 'stream' does not pass the cancellation token 'interrupt' the function holds; pass it to the overload that accepts a 'rpc::Interrupt' [async-missing-cancellation]
  // CHECK-MESSAGES: :[[@LINE-15]]:38: note: this overload of 'stream' accepts a cancellation token
  // CHECK-MESSAGES: :[[@LINE-10]]:58: note: the function holds the token 'interrupt' here
  // CHECK-MESSAGES: :[[@LINE-43]]:7: note: 'rpc::Interrupt' is treated as a cancellation token: it has 'is_cancellation_requested' and 'can_be_cancelled'
  // CHECK-FIXES: {{^}}  rpc::stream(7, interrupt);
}

void look_alikes(rpc::CancelSource &source, rpc::Flag flag, rpc::Job job) {
  rpc::send(1);
  rpc::poll(2);
  rpc::run(3);
}
