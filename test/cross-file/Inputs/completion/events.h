#pragma once
#include "boost/asio.hpp"
#include "cppcoro/async_manual_reset_event.hpp"

// Helpers defined in events.cpp; their callers in client.cpp see only
// these declarations.
void finishLoad(cppcoro::async_manual_reset_event &Loaded);
void markDone(cppcoro::async_manual_reset_event &Loaded);
void finishOn(cppcoro::async_manual_reset_event &Loaded,
              boost::asio::io_context &Context);
void logLoad(cppcoro::async_manual_reset_event &Loaded);

#include "gate.h"
// Opens the gate: its waiters resume on the caller's thread.
void openGate(Gate &G);
