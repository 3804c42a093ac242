#ifndef CONCURRENCPP_H
#define CONCURRENCPP_H

#include "concurrencpp/forward_declarations.h"
#include "concurrencpp/platform_defs.h"

#include "concurrencpp/timers/timer.h"
#include "concurrencpp/timers/timer_queue.h"
#include "concurrencpp/runtime/runtime.h"
#include "concurrencpp/results/result.h"
#include "concurrencpp/results/lazy_result.h"
#include "concurrencpp/results/make_result.h"
#include "concurrencpp/results/when_result.h"
#include "concurrencpp/results/shared_result.h"
#include "concurrencpp/results/shared_result_awaitable.h"
#include "concurrencpp/results/promises.h"
#include "concurrencpp/results/resume_on.h"
#include "concurrencpp/results/generator.h"
#include "concurrencpp/executors/executor_all.h"
#include "concurrencpp/threads/async_lock.h"
#include "concurrencpp/threads/async_condition_variable.h"

#endif
