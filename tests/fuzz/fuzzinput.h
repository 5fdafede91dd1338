// Shared by the fuzz targets: a scratch folder for readers that take a file path, the input
// written there, and Qt's messages kept quiet so that libFuzzer's own output stays readable.
// One fuzzing thread; the folder lives as long as the process.
#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace Boucle::Fuzzing {

// A private temporary folder, made on first use and removed at exit.
QString scratchFolder();

// Writes the input to scratchFolder()/name, replacing what was there; the file's path.
QString writeInput(const QString &name, const uint8_t *data, size_t size);

// The input as a QByteArray that shares nothing with libFuzzer's buffer.
inline QByteArray inputBytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Drops qDebug/qInfo/qWarning output (readers report problems through return values);
// qFatal still aborts.
void quietQtMessages();

} // namespace Boucle::Fuzzing
