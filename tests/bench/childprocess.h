// A benchmark contender run as a child process of its own, so that its CPU time and peak
// resident memory are its own (not the runner's, nor another contender's). Header only.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QString>
#include <QStringList>

#include <vector>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace Boucle::Bench {

struct ChildRun
{
    bool ok = false;
    double wall = -1; // seconds
    double cpu = -1;  // seconds, user + system
    double peakMiB = -1;
    QByteArray output; // stdout and stderr, when an output file was given
    QString error;
};

inline double cpuSeconds(const rusage &usage)
{
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// CPU seconds (user + system) of this process so far.
inline double ownCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return cpuSeconds(usage);
}

// Peak resident memory of this process so far.
inline double ownPeakMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

// Runs `program` to its end and waits for it with wait4. With an output file, the child's
// stdout and stderr go there and are read back into `output`; without one, they are inherited.
inline ChildRun runChild(const QString &program, const QStringList &arguments,
                         const QString &outputFile = {})
{
    ChildRun run;
    std::vector<QByteArray> storage {QFile::encodeName(program)};
    for (const auto &argument : arguments)
        storage.push_back(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (auto &text : storage)
        argv.push_back(text.data());
    argv.push_back(nullptr);
    const QByteArray outputPath = QFile::encodeName(outputFile);
    fflush(stdout);
    fflush(stderr);
    QElapsedTimer timer;
    timer.start();
    // fork, not posix_spawn: Linux starts a process's peak memory at that of the memory it
    // replaces at exec, which for posix_spawn's shared-memory child is this runner's.
    const pid_t child = fork();
    if (child == 0) {
        // Only async-signal-safe calls between fork and exec.
        if (!outputPath.isEmpty()) {
            const int fd = ::open(outputPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (fd >= 0) {
                dup2(fd, STDOUT_FILENO);
                dup2(fd, STDERR_FILENO);
            }
        }
        execv(argv[0], argv.data());
        _exit(127);
    }
    if (child < 0) {
        run.error = QStringLiteral("cannot start %1").arg(program);
        return run;
    }
    int status = 0;
    rusage usage {};
    wait4(child, &status, 0, &usage);
    run.wall = double(timer.nsecsElapsed()) / 1e9;
    run.cpu = cpuSeconds(usage);
    run.peakMiB = double(usage.ru_maxrss) / 1024.0;
    if (!outputFile.isEmpty()) {
        QFile output(outputFile);
        if (output.open(QIODevice::ReadOnly))
            run.output = output.readAll();
    }
    run.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (!run.ok) {
        run.error = run.output.isEmpty()
                            ? QStringLiteral("%1 failed (status %2)").arg(program).arg(status)
                            : QString::fromUtf8(run.output.right(600));
    }
    return run;
}

} // namespace Boucle::Bench
