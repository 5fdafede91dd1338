// NpyArray: a 2-D NumPy array read from a .npy file, as float values in row-major order, or one
// plane of a 3-D array (frames x rows x columns: a heatmap per frame of a multi-frame sample).
// Models write heatmaps this way (np.save). Reads format versions 1, 2 and 3, little- and
// big-endian float16/32/64 and integer dtypes, and C or Fortran order; anything else is refused
// with a message that names the file and what is wrong. Plain value; any thread.
#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

namespace Boucle {

struct NpyArray
{
    int rows = 0;
    int columns = 0;
    int planes = 1;        // the first axis of a 3-D array; 1 for a 2-D one
    int plane = 0;         // the plane read
    QString dtype;         // as written in the header, e.g. "<f4"
    QVector<float> values; // rows * columns, row-major
    QString error;         // empty when the array was read

    bool isValid() const { return error.isEmpty() && rows > 0 && columns > 0; }

    // Reads the header first and refuses, before allocating, a plane of more values than
    // ImageLimits::maxHeatmapValues; a path that is not a regular file is never opened. Of a
    // 3-D array only plane `plane` is read (an error names a plane beyond the last); a 2-D
    // array is read whatever `plane` says.
    static NpyArray read(const QString &path, int plane = 0);
    // sourceName only serves the error message.
    static NpyArray parse(const QByteArray &bytes, const QString &sourceName, int plane = 0);

private:
    struct Header;
    static QString parseHeader(const QByteArray &preamble, const QString &sourceName,
                               Header *result);
    static NpyArray convertData(const Header &header, const char *data);
    static NpyArray arrayOf(const Header &header);
    static QString truncatedData(qint64 expected, qint64 found);
};

} // namespace Boucle
