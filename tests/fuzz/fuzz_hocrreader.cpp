// Fuzzes HocrReader::parse on hOCR (XHTML) text. Besides the sanitizers, checks that every word
// read has a confidence in [0, 1] and a page number that is not negative.
#include "documents/hocrreader.h"
#include "fuzzinput.h"

#include <cmath>
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
    const OcrWords words
            = HocrReader::parse(Fuzzing::inputBytes(data, size), QStringLiteral("fuzz.hocr"));
    for (const auto &word : words.words) {
        if (!(std::isfinite(word.score) && word.score >= 0.0 && word.score <= 1.0)) {
            std::fprintf(stderr, "fuzz_hocrreader: a word's confidence is %g\n", word.score);
            std::abort();
        }
        if (word.page < 0) {
            std::fprintf(stderr, "%s: a word is on page %d\n", __FILE__, word.page);
            std::abort();
        }
    }
    return 0;
}
