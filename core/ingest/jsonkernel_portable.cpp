// The JSON Lines parser with simdjson's builtin kernel: whatever the compiler's flags allow
// (the "fallback" kernel for plain x86-64). It runs on every processor the program runs on.
#include "jsonkernelprelude.h"
#include "jsonkernels.h"

#include <simdjson.h>

#define BOUCLE_JSON_KERNEL PortableJsonKernel
#include "jsonlinekernel.inc"

namespace Boucle {

const char *portableJsonKernelName()
{
    return simdjson::builtin_implementation()->name().c_str();
}

} // namespace Boucle
