// requireStored: a benchmark that timed a write the store refused would print a lie; it stops
// and says what failed instead.
#pragma once

#include "store/storeerror.h"

#include <cstdio>
#include <cstdlib>

inline void requireStored(const Boucle::StoreError &error, const char *what)
{
    if (!error)
        return;
    std::fprintf(stderr, "%s failed: %s\n", what, qPrintable(error.message));
    std::exit(1);
}
