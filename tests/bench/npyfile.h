// writeNpy: an array written as a NumPy .npy file (format 1.0, C order), so that a numpy peer
// reads exactly the values a benchmark measured Boucle on.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

inline bool writeNpy(const QString &path, const void *data, const char *descr,
                     const QList<qint64> &shape, qint64 itemBytes)
{
    QByteArray dims;
    qint64 count = 1;
    for (const qint64 d : shape) {
        dims += QByteArray::number(d) + ", ";
        count *= d;
    }
    if (shape.size() > 1)
        dims.chop(1);
    QByteArray header = "{'descr': '" + QByteArray(descr) + "', 'fortran_order': False, 'shape': ("
                        + dims.trimmed() + "), }";
    while ((10 + header.size() + 1) % 64 != 0)
        header += ' ';
    header += '\n';
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const quint16 length = quint16(header.size());
    return file.write("\x93NUMPY\x01\x00", 8) == 8
           && file.write(reinterpret_cast<const char *>(&length), 2) == 2
           && file.write(header) == header.size()
           && file.write(static_cast<const char *>(data), count * itemBytes) == count * itemBytes;
}
