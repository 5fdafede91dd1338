// Fuzzes PredictionLogReader on a whole log: the JSON Lines form (fuzz_predictionlogreader_jsonl)
// or the CSV form (fuzz_predictionlogreader_csv, built with BOUCLE_FUZZ_CSV). The reader takes a
// path, so each input is written to a scratch file first. Besides the sanitizers, checks the
// contract every accepted line keeps: finite scores in [0, 1], probabilities in the reader's class
// order, finite embeddings, sample paths inside the data root.
#include "fuzzinput.h"
#include "ingest/predictionlogreader.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace Boucle;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_predictionlogreader: %s\n", what);
        std::abort();
    }
}

bool isProbability(double value)
{
    return std::isfinite(value) && value >= 0.0 && value <= 1.0;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Fuzzing::quietQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
#ifdef BOUCLE_FUZZ_CSV
    const QString name = QStringLiteral("log.csv");
#else
    const QString name = QStringLiteral("log.jsonl");
#endif
    const QString path = Fuzzing::writeInput(name, data, size);

    PredictionLogReader::Options options;
    options.dataRoot = Fuzzing::scratchFolder();
    options.projectClasses = {QStringLiteral("cat"), QStringLiteral("dog")};
    // Small enough that the fuzzer reaches the "line too long" path with short inputs.
    options.maxLineBytes = 2048;
    PredictionLogReader reader(options);
    if (!reader.open(path))
        return 0;
    LogEntry entry;
    for (;;) {
        const auto result = reader.next(entry);
        if (result == PredictionLogReader::Result::End
            || result == PredictionLogReader::Result::Failed)
            break;
        if (result == PredictionLogReader::Result::Invalid)
            continue;
        const PredictionRecord &prediction = entry.prediction;
        check(!entry.samplePath.isEmpty(), "an accepted line has no sample path");
        // "...x/a.png" is a folder named "...x"; only a ".." component climbs.
        check(entry.samplePath != QLatin1String("..")
                      && !entry.samplePath.startsWith(QLatin1String("../")),
              "an accepted sample path leaves the data root");
        check(isProbability(prediction.confidence), "confidence is not a number in [0, 1]");
        check(prediction.probs.size() <= reader.classes().size(),
              "more probabilities than classes");
        for (float p : prediction.probs)
            check(isProbability(p), "a probability is not a number in [0, 1]");
        for (const auto &vote : prediction.committee) {
            check(vote.probs.size() <= reader.classes().size(),
                  "a committee member has more probabilities than classes");
            for (float p : vote.probs)
                check(isProbability(p), "a committee probability is not a number in [0, 1]");
        }
        for (float value : prediction.embedding)
            check(std::isfinite(value), "an embedding value is not finite");
        for (const auto &object : prediction.objects)
            check(std::isfinite(object.score), "an object's score is not finite");
        check(reader.bytesRead() <= reader.fileSize(), "read more bytes than the file holds");
    }
    return 0;
}
