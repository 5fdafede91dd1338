// RegularFile: opens a file that a project names (a sample, a heatmap) for reading only when it
// is a regular file, and never blocks doing so: a named pipe, a device or a socket (directly or
// through a symbolic link) is refused before anything reads from it, as is a file larger than the
// caller's cap. The descriptor stays non-blocking, so even a /proc or sysfs file cannot stall a
// read. One object per file; any thread, one at a time.
#pragma once

#include <QFile>
#include <QString>

#include <optional>

namespace Boucle {

class RegularFile
{
public:
    RegularFile() = default;
    RegularFile(const RegularFile &) = delete;
    RegularFile &operator=(const RegularFile &) = delete;

    // Opens `path` read-only if it is a regular file of at most `maxBytes`. On failure returns
    // false and reason() says why in a sentence fragment ("it is a named pipe (FIFO), not a
    // regular file").
    bool open(const QString &path, qint64 maxBytes);
    bool isOpen() const { return m_file.isOpen(); }
    QString reason() const { return m_reason; }
    // The size when it was opened.
    qint64 size() const { return m_size; }
    // The open file (random access); null when open() failed.
    QIODevice *device() { return m_file.isOpen() ? &m_file : nullptr; }
    // Reads up to `count` bytes from `offset`; fewer when the file is shorter.
    QByteArray read(qint64 offset, qint64 count);

    // The same rule for a caller that reads through a QFile of its own (a log read line by
    // line): opens `path` into `file`, or returns false with *reason set.
    static bool openInto(QFile &file, const QString &path, qint64 maxBytes, QString *reason);
    // The whole file, as it was when opened, or nullopt with *reason set.
    static std::optional<QByteArray> readAll(const QString &path, qint64 maxBytes, QString *reason);
    // "the file is 1.1 GB, more than the 64 MB Boucle reads for it".
    static QString tooLargeReason(qint64 size, qint64 maxBytes);
    // "12.5 MB" (decimal units, as file managers show them).
    static QString describeBytes(qint64 bytes);

private:
    QFile m_file;
    QString m_reason;
    qint64 m_size = 0;
};

} // namespace Boucle
