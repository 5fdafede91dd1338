// The JSON Lines parser with simdjson's "icelake" kernel (AVX-512 BW/VL/VBMI2 and the haswell
// set), compiled for that instruction set only inside the target region below; the reader uses
// it only when the processor has it (PredictionLogReader::jsonKernels()).
#include "jsonkernelprelude.h"
#include "jsonkernels.h"

#if BOUCLE_X86_JSON_KERNELS

#define SIMDJSON_BUILTIN_IMPLEMENTATION icelake
// Not always_inline: the standard templates simdjson instantiates (std::pair of its values) are
// compiled for the baseline and may not have the kernel's functions forced into them; inside
// the region the optimiser still inlines them.
#define simdjson_inline inline
BOUCLE_TARGET_PUSH("avx512f,avx512dq,avx512cd,avx512bw,avx512vbmi,avx512vbmi2,avx512vl,avx2,bmi,"
                   "bmi2,pclmul,lzcnt,popcnt")
#include <simdjson.h>

#define BOUCLE_JSON_KERNEL IcelakeJsonKernel
#include "jsonlinekernel.inc"
BOUCLE_TARGET_POP

#endif
