// Wide taxonomies and hostile sample files at import: a classes header of N classes, a CSV log
// with N p_<class> columns, ProjectStore::ensureClasses with N names, and an import whose log
// names a FIFO and /dev/zero (refused, never read). Each must grow linearly: the seed took 43 s
// for a 100k-class header and 47 s for 100k p_ columns, and never returned on a FIFO.
// Usage: bench_taxonomy [N ...] (default 10000 40000 100000).
#include "benchrequire.h"
#include "benchtiming.h"
#include "ingest/logimporter.h"
#include "store/projectstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/stat.h>

using namespace Boucle;

namespace {

QTextStream out(stdout);

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// Milliseconds of process CPU time that `work` takes, or -1 when it reports failure.
template<typename Work>
double measure(Work &&work)
{
    const double before = Bench::processCpuMs();
    if (!work())
        return -1;
    return Bench::processCpuMs() - before;
}

QString ms(double value)
{
    return value < 0 ? QStringLiteral("failed")
                     : QString::number(value, 'f', 0) + QStringLiteral(" ms");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QList<int> sizes;
    for (int i = 1; i < argc; ++i)
        sizes.append(QByteArray(argv[i]).toInt());
    if (sizes.isEmpty())
        sizes = {10000, 40000, 100000};
    out << QStringLiteral("classes").leftJustified(10)
        << QStringLiteral("header import").rightJustified(16)
        << QStringLiteral("CSV p_ import").rightJustified(16)
        << QStringLiteral("ensureClasses").rightJustified(16) << '\n';
    for (const int n : std::as_const(sizes)) {
        QTemporaryDir dir;
        QByteArray header = "{\"classes\": [";
        QByteArray csvHeader = "sample,model";
        QByteArray csvRow;
        QStringList names;
        for (int i = 0; i < n; ++i) {
            const QByteArray name = "class" + QByteArray::number(i);
            header += (i ? ",\"" : "\"") + name + '"';
            csvHeader += ",p_" + name;
            csvRow += i == 0 ? ",1" : ",0";
            names.append(QString::fromLatin1(name) + QStringLiteral("_x"));
        }
        header += "]}\n{\"sample\": \"a.png\", \"model\": \"m@1\", \"label\": \"class0\", "
                  "\"confidence\": 0.5}\n";
        QByteArray csv = csvHeader + '\n';
        for (int row = 0; row < 10; ++row)
            csv += "s" + QByteArray::number(row) + ".png,m@1" + csvRow + '\n';
        writeFile(dir.filePath(QStringLiteral("header.jsonl")), header);
        writeFile(dir.filePath(QStringLiteral("wide.csv")), csv);

        auto importInto = [&](const QString &project, const QString &log) {
            ProjectStore store;
            if (store.create(dir.filePath(project), dir.path()))
                return false;
            LogImporter importer(store);
            return importer.import(dir.filePath(log)).isSuccess();
        };
        const double headerMs = measure([&] {
            return importInto(QStringLiteral("h.boucle"), QStringLiteral("header.jsonl"));
        });
        const double csvMs = measure(
                [&] { return importInto(QStringLiteral("c.boucle"), QStringLiteral("wide.csv")); });
        ProjectStore store;
        requireStored(store.create(dir.filePath(QStringLiteral("e.boucle")), dir.path()), "create");
        const double ensureMs = measure([&] { return !store.ensureClasses(names); });
        out << QString::number(n).leftJustified(10) << ms(headerMs).rightJustified(16)
            << ms(csvMs).rightJustified(16) << ms(ensureMs).rightJustified(16) << '\n';
        out.flush();
    }

    // Special files named by a log: refused in well under a second, never read.
    QTemporaryDir dir;
    ::mkfifo(QFile::encodeName(dir.filePath(QStringLiteral("pipe.png"))).constData(), 0600);
    QFile::link(QStringLiteral("/dev/zero"), dir.filePath(QStringLiteral("zero.png")));
    writeFile(
            dir.filePath(QStringLiteral("special.jsonl")),
            "{\"sample\": \"pipe.png\", \"model\": \"m@1\", \"label\": \"a\", \"confidence\": 1}\n"
            "{\"sample\": \"zero.png\", \"model\": \"m@1\", \"label\": \"a\", \"confidence\": "
            "1}\n");
    ProjectStore store;
    requireStored(store.create(dir.filePath(QStringLiteral("s.boucle")), dir.path()), "create");
    LogImporter importer(store);
    ImportOptions options;
    options.skipInvalid = true;
    importer.setOptions(options);
    QElapsedTimer wall;
    wall.start();
    const auto report = importer.import(dir.filePath(QStringLiteral("special.jsonl")));
    out << "\nlog naming a FIFO and /dev/zero: " << wall.elapsed() << " ms wall, "
        << report.invalidLines << " lines refused\n";
    for (const auto &problem : report.problems)
        out << "  " << problem.toString() << '\n';
    return 0;
}
