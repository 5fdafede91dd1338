#include "boucleprocess.h"

#include <QProcess>

namespace Boucle::Testing {

QString boucleBinary()
{
#ifdef BOUCLE_BINARY
    return QStringLiteral(BOUCLE_BINARY);
#else
    return qEnvironmentVariable("BOUCLE_BINARY");
#endif
}

BoucleRun runBoucle(const QStringList &arguments, const QString &workingDirectory, int timeoutMs,
                    const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(boucleBinary(), arguments);
    BoucleRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("timed out");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace Boucle::Testing
