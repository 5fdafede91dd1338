// The JSON Lines parser with simdjson's "haswell" kernel (AVX2, BMI1, PCLMUL, LZCNT), compiled
// for that instruction set only inside the target region below; the reader uses it only when
// the processor has it (PredictionLogReader::jsonKernels()).
#include "jsonkernelprelude.h"
#include "jsonkernels.h"

#if BOUCLE_X86_JSON_KERNELS

#define SIMDJSON_BUILTIN_IMPLEMENTATION haswell
BOUCLE_TARGET_PUSH("avx2,bmi,pclmul,lzcnt")
#include <simdjson.h>

#define BOUCLE_JSON_KERNEL HaswellJsonKernel
#include "jsonlinekernel.inc"
BOUCLE_TARGET_POP

#endif
