// Everything the JSON Lines kernels (jsonlinekernel.inc) use besides simdjson itself. Each
// jsonkernel_<name>.cpp includes this before it switches the instruction set, so that the Qt and
// standard library functions these headers define inline are compiled for the baseline processor
// in every file: only the kernel's own functions carry the wider instruction set.
#pragma once

#include "datarootfile.h"
#include "inputrules.h"
#include "predictionlogreader.h"
#include "records/committeetext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPolygonF>

// The standard headers simdjson.h includes.
#include <algorithm>
#include <atomic>
#include <cassert>
#include <cfloat>
#include <cinttypes>
#include <climits>
#include <cmath>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <iomanip>
#include <iterator>
#include <limits>
#include <memory>
#include <mutex>
#include <numeric>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>
#if defined(__x86_64__) || defined(_M_AMD64)
#include <immintrin.h>
#include <x86intrin.h>
#endif
