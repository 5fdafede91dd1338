// Fuzzes NpyArray::parse, the heatmap reader for NumPy's .npy files. Besides the sanitizers,
// checks that a read array holds exactly rows x columns values.
#include "fuzzinput.h"
#include "imaging/npyarray.h"

#include <cstdio>
#include <cstdlib>

using namespace Boucle;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Fuzzing::quietQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const NpyArray array
            = NpyArray::parse(Fuzzing::inputBytes(data, size), QStringLiteral("fuzz.npy"));
    if (!array.isValid()) {
        if (array.error.isEmpty() && (array.rows > 0 && array.columns > 0)) {
            std::fprintf(stderr, "fuzz_npyarray: refused without a message\n");
            std::abort();
        }
        return 0;
    }
    if (qint64(array.values.size()) != qint64(array.rows) * array.columns) {
        std::fprintf(stderr, "fuzz_npyarray: %d x %d array holds %lld values\n", array.rows,
                     array.columns, static_cast<long long>(array.values.size()));
        std::abort();
    }
    return 0;
}
