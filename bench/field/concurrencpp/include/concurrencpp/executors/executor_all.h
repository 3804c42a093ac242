#ifndef CONCURRENCPP_EXECUTORS_ALL_H
#define CONCURRENCPP_EXECUTORS_ALL_H

#include "concurrencpp/executors/derivable_executor.h"
#include "concurrencpp/executors/inline_executor.h"
#include "concurrencpp/executors/thread_pool_executor.h"
#include "concurrencpp/executors/thread_executor.h"
#include "concurrencpp/executors/worker_thread_executor.h"
#include "concurrencpp/executors/manual_executor.h"

#endif
