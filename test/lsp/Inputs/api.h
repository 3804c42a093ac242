#pragma once
#include "cppcoro/task.hpp"

cppcoro::task<void> flush();
