#include "fuzzinput.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace Boucle::Fuzzing {

QString scratchFolder()
{
    static const std::unique_ptr<QTemporaryDir> folder = [] {
        auto made = std::make_unique<QTemporaryDir>(QDir::tempPath()
                                                    + QStringLiteral("/boucle-fuzz-XXXXXX"));
        if (!made->isValid()) {
            std::fprintf(stderr, "fuzz: cannot make a temporary folder\n");
            std::abort();
        }
        return made;
    }();
    return folder->path();
}

QString writeInput(const QString &name, const uint8_t *data, size_t size)
{
    const QString path = QDir(scratchFolder()).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(reinterpret_cast<const char *>(data), qint64(size)) != qint64(size)) {
        std::fprintf(stderr, "fuzz: cannot write %s\n", qPrintable(path));
        std::abort();
    }
    return path;
}

void quietQtMessages()
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        if (type == QtFatalMsg) {
            std::fprintf(stderr, "%s\n", qPrintable(message));
            std::abort();
        }
    });
}

} // namespace Boucle::Fuzzing
