// Fuzzes LabelImporter on a whole label file: CSV `sample,label` (fuzz_labelimporter_csv) or
// JSON Lines (fuzz_labelimporter_jsonl, built with BOUCLE_FUZZ_JSONL), imported into one real
// project in a scratch folder, as `boucle import-labels` does. Besides the sanitizers, checks the
// all-or-nothing rule: a refused file changes no label, an accepted one counts its rows.
#include "dataset/labelimporter.h"
#include "fuzzinput.h"
#include "store/projectstore.h"

#include <QDir>

#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace Boucle;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_labelimporter: %s\n", what);
        std::abort();
    }
}

ProjectStore &store()
{
    static const std::unique_ptr<ProjectStore> project = [] {
        auto made = std::make_unique<ProjectStore>();
        const QString folder = Fuzzing::scratchFolder();
        const StoreError error
                = made->create(QDir(folder).filePath(QStringLiteral("project.boucle")), folder);
        if (error.isError()) {
            std::fprintf(stderr, "fuzz_labelimporter: cannot create the project: %s\n",
                         qPrintable(error.message));
            std::abort();
        }
        return made;
    }();
    return *project;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Fuzzing::quietQtMessages();
    store();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
#ifdef BOUCLE_FUZZ_JSONL
    const QString name = QStringLiteral("labels.jsonl");
#else
    const QString name = QStringLiteral("labels.csv");
#endif
    const QString path = Fuzzing::writeInput(name, data, size);
    const qint64 samplesBefore = store().sampleCount();
    const int changesBefore = store().workingChangeCount();
    LabelImporter importer(store());
    const LabelImporter::Result result = importer.importFile(path, QStringLiteral("fuzz"));
    if (result.error.isError()) {
        check(store().sampleCount() == samplesBefore, "a refused file added samples");
        check(store().workingChangeCount() == changesBefore, "a refused file changed labels");
    } else {
        check(result.problems.isEmpty(), "an accepted file has problems");
        check(result.rows > 0, "an accepted file has no rows");
        check(result.revisions <= result.rows, "more revisions than rows");
    }
    return 0;
}
