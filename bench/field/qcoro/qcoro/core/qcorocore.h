// SPDX-FileCopyrightText: 2021 Daniel Vrátil <dvratil@kde.org>
//
// SPDX-License-Identifier: MIT

#include "qcoroiodevice.h"
#include "qcoroprocess.h"
#include "qcorosignal.h"
#include "qcorotimer.h"
#include "qcorofuture.h"

