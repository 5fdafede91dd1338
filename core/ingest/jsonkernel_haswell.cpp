// The JSON Lines parser with simdjson's "haswell" kernel (AVX2, BMI1, PCLMUL, LZCNT), compiled
// for that instruction set only inside the target region below; the reader uses it only when
// the processor has it (PredictionLogReader::jsonKernels()).
#include "jsonkernelprelude.h"
#include "jsonkernels.h"

#if BOUCLE_X86_JSON_KERNELS

#define SIMDJSON_BUILTIN_IMPLEMENTATION haswell
// Not always_inline: the standard templates simdjson instantiates (std::pair of its values) are
// compiled for the baseline and may not have the kernel's functions forced into them; inside
// the region the optimiser still inlines them.
#define simdjson_inline inline
BOUCLE_TARGET_PUSH("avx2,bmi,pclmul,lzcnt")
#include <simdjson.h>

#define BOUCLE_JSON_KERNEL HaswellJsonKernel
#include "jsonlinekernel.inc"
BOUCLE_TARGET_POP

#endif
