// StoreResult<T>: what a store read returns when it can fail: the value, or the error that kept
// it from being read. A failed read is never an empty value that looks like "nothing there".
// A plain value; any thread.
#pragma once

#include "storeerror.h"

#include <utility>

namespace Boucle {

template<typename T>
struct [[nodiscard]] StoreResult
{
    T value {};
    StoreError error;

    bool isError() const { return error.isError(); }
    explicit operator bool() const { return !error.isError(); }

    static StoreResult failure(StoreError error) { return StoreResult {T {}, std::move(error)}; }
};

} // namespace Boucle
