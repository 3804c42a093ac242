///////////////////////////////////////////////////////////////////////////////
// Copyright (c) Andreas Buhr
// Licenced under MIT license. See LICENSE.txt for details.
///////////////////////////////////////////////////////////////////////////////
#ifndef CPPCORO_CPPCORO_DOCTEST_H_INCLUDED
#define CPPCORO_CPPCORO_DOCTEST_H_INCLUDED

#define DOCTEST_CONFIG_USE_STD_HEADERS
#include "doctest.h"

#endif

