#include "cppcoro/task.hpp"
cppcoro::task<void> flush();
cppcoro::task<void> run() {
      flush(  );
  co_return;
}
