// The kernels of the JSON Lines parser, one per jsonkernel_<name>.cpp. Private to
// predictionlogreader.cpp and those files.
#pragma once

#include "predictionlogreader.h"

// Target regions for the x86-64 kernels (GCC and clang spell them differently).
#if (defined(__x86_64__) || defined(_M_AMD64)) && (defined(__GNUC__) || defined(__clang__))
#define BOUCLE_X86_JSON_KERNELS 1
#if defined(__clang__)
#define BOUCLE_TARGET_PUSH(T) \
    _Pragma(BOUCLE_TARGET_STRING( \
            clang attribute push(__attribute__((target(T))), apply_to = function)))
#define BOUCLE_TARGET_POP _Pragma("clang attribute pop")
#else
#define BOUCLE_TARGET_PUSH(T) \
    _Pragma("GCC push_options") _Pragma(BOUCLE_TARGET_STRING(GCC target(T)))
#define BOUCLE_TARGET_POP _Pragma("GCC pop_options")
#endif
#define BOUCLE_TARGET_STRING2(x) #x
#define BOUCLE_TARGET_STRING(x) BOUCLE_TARGET_STRING2(x)
#else
#define BOUCLE_X86_JSON_KERNELS 0
#endif

namespace Boucle {

// The value of BOUCLE_JSON_KERNEL in each kernel's file.
enum JsonKernelId : int {
    PortableJsonKernel = 0, // simdjson's builtin kernel for the compiler's flags ("fallback")
    HaswellJsonKernel = 1,  // AVX2
    IcelakeJsonKernel = 2,  // AVX-512
};

// The builtin kernel's name, from the file that compiles it.
const char *portableJsonKernelName();

template<>
std::unique_ptr<PredictionLogReader::JsonKernel>
PredictionLogReader::makeJsonParser<PortableJsonKernel>(PredictionLogReader &reader);
#if BOUCLE_X86_JSON_KERNELS
template<>
std::unique_ptr<PredictionLogReader::JsonKernel>
PredictionLogReader::makeJsonParser<HaswellJsonKernel>(PredictionLogReader &reader);
template<>
std::unique_ptr<PredictionLogReader::JsonKernel>
PredictionLogReader::makeJsonParser<IcelakeJsonKernel>(PredictionLogReader &reader);
#endif

} // namespace Boucle
