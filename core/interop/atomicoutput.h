// AtomicOutput: an export's output appears whole or not at all. A file is written beside its
// final name and renamed over it; a folder (YOLO, VOC, labelme, ImageFolder) is built as a
// hidden sibling and then swapped in, so a training script never reads half an export and a
// failed or cancelled export leaves the previous one as it was. Refuses to write over the
// project's database files. One object per output; any thread.
#pragma once

#include <QByteArray>
#include <QString>

namespace Boucle {

class AtomicOutput
{
public:
    enum class Kind { File, Folder };

    // `projectPath`, when set, is the project file: the output must not be it or its WAL/SHM.
    AtomicOutput(const QString &finalPath, Kind kind, const QString &projectPath = {});
    ~AtomicOutput(); // removes whatever was staged when commit() was not reached
    AtomicOutput(const AtomicOutput &) = delete;
    AtomicOutput &operator=(const AtomicOutput &) = delete;

    // Prepares the staging file or folder. False with error() set.
    bool begin();
    // File: the staged file's path. Folder: the staged folder's path; files go under it.
    QString stagingPath() const { return m_staging; }
    // Folder: writes `bytes` to `relativePath` under the staged folder (creating subfolders).
    bool writeFile(const QString &relativePath, const QByteArray &bytes);
    // Folder: a symbolic link at `relativePath` pointing to `target` (an absolute path).
    bool link(const QString &relativePath, const QString &target);
    // File: writes the whole content.
    bool writeAll(const QByteArray &bytes);
    // Makes the output visible under its final path. False with error() set; nothing changed.
    bool commit();

    QString error() const { return m_error; }

private:
    bool fail(const QString &message);

    QString m_final;
    QString m_staging;
    QString m_projectPath;
    Kind m_kind;
    bool m_committed = false;
    QString m_error;
};

} // namespace Boucle
