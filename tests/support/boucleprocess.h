// Runs the boucle binary as a script would, and keeps what it printed. Test thread only.
#pragma once

#include <QProcessEnvironment>
#include <QStringList>

namespace Boucle::Testing {

struct BoucleRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

BoucleRun runBoucle(const QStringList &arguments, const QString &workingDirectory = {},
                    int timeoutMs = 120000,
                    const QProcessEnvironment &environment
                    = QProcessEnvironment::systemEnvironment());
QString boucleBinary();

} // namespace Boucle::Testing
