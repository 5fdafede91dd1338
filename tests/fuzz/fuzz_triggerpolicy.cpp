// Fuzzes TriggerPolicy::load on a policy file. Besides the sanitizers, checks that an accepted
// policy survives its own round trip: what toJson() writes, fromJson() reads back unchanged (a
// batch stores its policy this way and rebuilds from it).
#include "fuzzinput.h"
#include "policy/triggerpolicy.h"

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
    const QString path = Fuzzing::writeInput(QStringLiteral("policy.json"), data, size);
    QString error;
    const auto policy = TriggerPolicy::load(path, &error);
    if (!policy) {
        if (error.isEmpty()) {
            std::fprintf(stderr, "fuzz_triggerpolicy: a refused policy has no message\n");
            std::abort();
        }
        return 0;
    }
    const QJsonObject written = policy->toJson();
    QString againError;
    const auto again = TriggerPolicy::fromJson(written, &againError);
    if (!again || again->toJson() != written) {
        std::fprintf(stderr, "fuzz_triggerpolicy: the policy does not read back: %s\n",
                     qPrintable(againError));
        std::abort();
    }
    return 0;
}
