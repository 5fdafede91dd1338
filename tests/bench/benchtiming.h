// What the benchmark runners measure with: percentiles, CPU time (on a shared machine wall time
// also counts other processes' turns) and resident memory. Header only; runners include it.
#pragma once

#include <QByteArray>
#include <QFile>

#include <algorithm>
#include <ctime>
#include <vector>

namespace Boucle::Bench {

inline double percentile(std::vector<double> values, double q)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(q * double(values.size())))];
}

inline double cpuMilliseconds(clockid_t clock)
{
    timespec now {};
    clock_gettime(clock, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// CPU time of the calling thread (the GUI thread, for the workspace's runners).
inline double threadCpuMs()
{
    return cpuMilliseconds(CLOCK_THREAD_CPUTIME_ID);
}

// CPU time of the whole process, worker threads included.
inline double processCpuMs()
{
    return cpuMilliseconds(CLOCK_PROCESS_CPUTIME_ID);
}

inline double residentMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// The peak resident memory (VmHWM) of the process so far, in MB.
inline double peakResidentMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// Resets VmHWM to the current resident size (Linux 4.0 and later), so that the next peak
// belongs to what runs next. Returns false where the kernel does not allow it.
inline bool resetPeakResident()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

} // namespace Boucle::Bench
