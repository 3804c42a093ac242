// RUN: %check_async_tidy --check-suffixes=,INFER %s async-missing-cancellation %t -- \
// RUN:   --config="{CheckOptions: {async-missing-cancellation.TokenTypes: 'app::Abort(Flag|Signal)'}}"
// RUN: %check_async_tidy %s async-missing-cancellation %t.noinfer -- \
// RUN:   --config="{CheckOptions: {InferTokens: false, async-missing-cancellation.TokenTypes: 'app::Abort(Flag|Signal)'}}"
// TokenTypes names token types the tables and the shape rule miss;
// InferTokens: false (shared with the other Infer* options) turns the
// shape rule off.

namespace app {
struct AbortFlag {
  bool raised() const;
};
class CancelToken {
public:
  bool is_cancelled() const;
};
struct Abortion {
  bool raised() const;
};
void upload(int size, AbortFlag flag = {});
void download(int size, CancelToken token = {});
void reset(int size, Abortion abortion = {});
} // namespace app

void sync(app::AbortFlag flag, app::CancelToken token, app::Abortion abortion) {
  app::upload(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: call to 'upload' does not pass the cancellation token 'flag' the function holds; pass it as its 'flag' argument [async-missing-cancellation]
  // CHECK-MESSAGES: :[[@LINE-8]]:33: note: 'upload' takes a cancellation token here, defaulted
  // CHECK-MESSAGES: :[[@LINE-4]]:26: note: the function holds the token 'flag' here
  // CHECK-FIXES: {{^}}  app::upload(1, flag);
  app::download(2);
  // CHECK-MESSAGES-INFER: :[[@LINE-1]]:8: warning: call to 'download' does not pass the cancellation token 'token' the function holds; pass it as its 'token' argument [async-missing-cancellation]
  // CHECK-MESSAGES-INFER: :[[@LINE-12]]:37: note: 'download' takes a cancellation token here, defaulted
  // CHECK-MESSAGES-INFER: :[[@LINE-9]]:49: note: the function holds the token 'token' here
  // CHECK-MESSAGES-INFER: :[[@LINE-22]]:7: note: 'app::CancelToken' is treated as a cancellation token: it has 'is_cancelled', and its name says 'token'
  // CHECK-FIXES-INFER: {{^}}  app::download(2, token);
  app::reset(3); // Abortion matches neither the regex nor the shape rule
}
