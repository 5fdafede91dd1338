// .npy heatmaps as models write them (np.save), and the messages for files that are not.
#include "hostilefiles.h"
#include "imaging/npyarray.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cstring>

using namespace Boucle;

namespace {

// Builds a .npy file the way NumPy does: magic, version, header length, a padded dict header.
QByteArray npy(int major, const QByteArray &dict, const QByteArray &data)
{
    const int prefix = major == 1 ? 10 : 12;
    QByteArray header = dict;
    while ((prefix + header.size() + 1) % 64 != 0)
        header.append(' ');
    header.append('\n');
    QByteArray bytes("\x93NUMPY", 6);
    bytes.append(char(major));
    bytes.append(char(0));
    if (major == 1) {
        char length[2];
        qToLittleEndian<quint16>(quint16(header.size()), length);
        bytes.append(length, 2);
    } else {
        char length[4];
        qToLittleEndian<quint32>(quint32(header.size()), length);
        bytes.append(length, 4);
    }
    return bytes + header + data;
}

QByteArray dict(const char *descr, bool fortran, const char *shape)
{
    return QByteArray("{'descr': '") + descr + "', 'fortran_order': " + (fortran ? "True" : "False")
           + ", 'shape': " + shape + ", }";
}

template<typename T>
QByteArray raw(std::initializer_list<T> values, bool bigEndian = false)
{
    QByteArray bytes;
    for (T value : values) {
        char buffer[sizeof(T)];
        std::memcpy(buffer, &value, sizeof(T));
        if (bigEndian)
            std::reverse(buffer, buffer + sizeof(T));
        bytes.append(buffer, sizeof(T));
    }
    return bytes;
}

QByteArray halfFloats(std::initializer_list<quint16> bits, bool bigEndian = false)
{
    return raw<quint16>(bits, bigEndian);
}

} // namespace

class tst_NpyArray : public QObject
{
    Q_OBJECT

private slots:
    void goodFiles_data();
    void goodFiles();
    void badFiles_data();
    void badFiles();
    void framesOfAThreeDimensionalArray();
    void readsFromDisk();
    void hostileFiles_data();
    void hostileFiles();
    void largestAllowedShapeReads();
};

void tst_NpyArray::goodFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::addColumn<QVector<float>>("values");

    const QVector<float> six {0.0f, 0.25f, 0.5f, 0.75f, 1.0f, 2.0f};
    const auto f4 = raw<float>({0.0f, 0.25f, 0.5f, 0.75f, 1.0f, 2.0f});
    QTest::newRow("v1 <f4") << npy(1, dict("<f4", false, "(2, 3)"), f4) << 2 << 3 << six;
    QTest::newRow("v2 <f4") << npy(2, dict("<f4", false, "(2, 3)"), f4) << 2 << 3 << six;
    QTest::newRow("v3 <f4") << npy(3, dict("<f4", false, "(2, 3)"), f4) << 2 << 3 << six;
    QTest::newRow("big-endian >f4") << npy(1, dict(">f4", false, "(2, 3)"),
                                           raw<float>({0.0f, 0.25f, 0.5f, 0.75f, 1.0f, 2.0f}, true))
                                    << 2 << 3 << six;
    // 0, 0.25, 0.5, 0.75, 1, 2 as IEEE half floats.
    QTest::newRow("<f2") << npy(1, dict("<f2", false, "(2, 3)"),
                                halfFloats({0x0000, 0x3400, 0x3800, 0x3a00, 0x3c00, 0x4000}))
                         << 2 << 3 << six;
    QTest::newRow(">f2") << npy(1, dict(">f2", false, "(2, 3)"),
                                halfFloats({0x0000, 0x3400, 0x3800, 0x3a00, 0x3c00, 0x4000}, true))
                         << 2 << 3 << six;
    QTest::newRow("<f8") << npy(1, dict("<f8", false, "(2, 3)"),
                                raw<double>({0.0, 0.25, 0.5, 0.75, 1.0, 2.0}))
                         << 2 << 3 << six;
    QTest::newRow("|u1") << npy(1, dict("|u1", false, "(1, 3)"), QByteArray("\x00\x80\xff", 3)) << 1
                         << 3 << QVector<float> {0.0f, 128.0f, 255.0f};
    // Fortran order stores columns: [[0, 0.5, 1], [0.25, 0.75, 2]] column by column.
    QTest::newRow("fortran order") << npy(1, dict("<f4", true, "(2, 3)"),
                                          raw<float>({0.0f, 0.75f, 0.25f, 1.0f, 0.5f, 2.0f}))
                                   << 2 << 3 << six;
    QTest::newRow("batch axis of 1 dropped")
            << npy(1, dict("<f4", false, "(1, 2, 3)"), f4) << 2 << 3 << six;
    QTest::newRow("channel axis of 1 dropped")
            << npy(1, dict("<f4", false, "(2, 3, 1)"), f4) << 2 << 3 << six;
}

void tst_NpyArray::goodFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, rows);
    QFETCH(int, columns);
    QFETCH(QVector<float>, values);
    const NpyArray array = NpyArray::parse(bytes, QStringLiteral("heatmap.npy"));
    QVERIFY2(array.isValid(), qPrintable(array.error));
    QCOMPARE(array.rows, rows);
    QCOMPARE(array.columns, columns);
    QCOMPARE(array.values, values);
}

void tst_NpyArray::badFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");

    const auto f4 = raw<float>({0.0f, 0.25f, 0.5f, 0.75f});
    QTest::newRow("not npy") << QByteArray("PK\x03\x04 a zip file, maybe npz") << "magic";
    QTest::newRow("empty") << QByteArray() << "magic";
    QTest::newRow("version 4") << npy(1, dict("<f4", false, "(2, 2)"), f4).replace(6, 1, "\x04")
                               << "version 4";
    QTest::newRow("truncated header")
            << npy(1, dict("<f4", false, "(2, 2)"), f4).left(40) << "truncated";
    QTest::newRow("truncated data")
            << npy(1, dict("<f4", false, "(2, 2)"), f4.left(10)) << "16 bytes expected, 10 found";
    QTest::newRow("4-D") << npy(1, dict("<f4", false, "(2, 2, 2, 2)"), f4 + f4 + f4 + f4)
                         << "4 dimensions";
    QTest::newRow("3-D in Fortran order")
            << npy(1, dict("<f4", true, "(2, 2, 2)"), f4 + f4) << "C order";
    QTest::newRow("1-D") << npy(1, dict("<f4", false, "(4,)"), f4) << "1 dimensions";
    QTest::newRow("complex") << npy(1, dict("<c8", false, "(2, 2)"), f4 + f4) << "'<c8'";
    QTest::newRow("strings") << npy(1, dict("<U4", false, "(2, 2)"), f4 + f4) << "'<U4'";
    QTest::newRow("object") << npy(1, dict("|O", false, "(2, 2)"), f4) << "'|O'";
    QTest::newRow("no shape") << npy(1, "{'descr': '<f4', 'fortran_order': False, }", f4)
                              << "shape";
    QTest::newRow("bad shape") << npy(1, dict("<f4", false, "(two, 2)"), f4) << "two, 2";
}

void tst_NpyArray::badFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    const NpyArray array = NpyArray::parse(bytes, QStringLiteral("/data/maps/heat.npy"));
    QVERIFY(!array.isValid());
    QVERIFY2(array.error.contains(QLatin1String("/data/maps/heat.npy")), qPrintable(array.error));
    QVERIFY2(array.error.contains(reason), qPrintable(array.error));
}

void tst_NpyArray::framesOfAThreeDimensionalArray()
{
    // Three frames of 2 x 2: frame k holds k, k + 0.25, k + 0.5, k + 0.75.
    const QByteArray f4 = raw<float>(
            {0.0f, 0.25f, 0.5f, 0.75f, 1.0f, 1.25f, 1.5f, 1.75f, 2.0f, 2.25f, 2.5f, 2.75f});
    const QByteArray bytes = npy(1, dict("<f4", false, "(3, 2, 2)"), f4);
    const NpyArray second = NpyArray::parse(bytes, QStringLiteral("frames.npy"), 1);
    QVERIFY2(second.isValid(), qPrintable(second.error));
    QCOMPARE(second.planes, 3);
    QCOMPARE(second.plane, 1);
    QCOMPARE(second.rows, 2);
    QCOMPARE(second.columns, 2);
    QCOMPARE(second.values, (QVector<float> {1.0f, 1.25f, 1.5f, 1.75f}));

    // Converted types are read per frame too (int16, big-endian).
    const NpyArray converted = NpyArray::parse(
            npy(1, dict(">i2", false, "(2, 1, 3)"), raw<qint16>({1, 2, 3, -4, -5, -6}, true)),
            QStringLiteral("frames.npy"), 1);
    QVERIFY2(converted.isValid(), qPrintable(converted.error));
    QCOMPARE(converted.values, (QVector<float> {-4.0f, -5.0f, -6.0f}));

    const NpyArray beyond = NpyArray::parse(bytes, QStringLiteral("frames.npy"), 3);
    QVERIFY(!beyond.isValid());
    QVERIFY2(beyond.error.contains(QLatin1String("frame 3")), qPrintable(beyond.error));
    QVERIFY2(beyond.error.contains(QLatin1String("3 frames (0 to 2)")), qPrintable(beyond.error));

    // From disk only the frame asked for is read; a missing last frame is named.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("frames.npy"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes.left(bytes.size() - 8)); // the last frame is cut in half
    file.close();
    const NpyArray first = NpyArray::read(path, 0);
    QVERIFY2(first.isValid(), qPrintable(first.error));
    QCOMPARE(first.values, (QVector<float> {0.0f, 0.25f, 0.5f, 0.75f}));
    const NpyArray cut = NpyArray::read(path, 2);
    QVERIFY(!cut.isValid());
    QVERIFY2(cut.error.contains(QLatin1String("16 bytes expected, 8 found")),
             qPrintable(cut.error));

    // A 2-D array is the same field for any frame.
    const NpyArray flat = NpyArray::parse(npy(1, dict("<f4", false, "(2, 2)"), f4.left(16)),
                                          QStringLiteral("flat.npy"), 5);
    QVERIFY2(flat.isValid(), qPrintable(flat.error));
    QCOMPARE(flat.planes, 1);
    QCOMPARE(flat.plane, 0);
}

void tst_NpyArray::readsFromDisk()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("map.npy"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(npy(1, dict("<f4", false, "(2, 2)"), raw<float>({0.1f, 0.2f, 0.3f, 0.4f})));
    file.close();
    const NpyArray array = NpyArray::read(path);
    QVERIFY2(array.isValid(), qPrintable(array.error));
    QCOMPARE(array.values.last(), 0.4f);

    const NpyArray missing = NpyArray::read(dir.filePath(QStringLiteral("gone.npy")));
    QVERIFY(!missing.isValid());
    QVERIFY(missing.error.contains(QLatin1String("gone.npy")));
    QVERIFY(missing.error.contains(QLatin1String("does not exist")));
}

// A sparse file claiming 16384 x 16384 floats (1 GB that costs nothing on disk), a header
// claiming a gigabyte, and paths that are not regular files: refused from the header or the
// file's type, before anything is allocated or read.
void tst_NpyArray::hostileFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("sparse 16384 x 16384")
            << "sparse"
            << "is 16384 x 16384 values; Boucle shows heatmaps up to 16.8 million";
    QTest::newRow("tall 1 x 20000000") << "tall"
                                       << "is 20000000 x 1 values";
    QTest::newRow("header of a gigabyte") << "header"
                                          << "the header is 1073741824 bytes long";
    QTest::newRow("symbolic link to /dev/zero") << "devzero"
                                                << "character device";
    QTest::newRow("named pipe") << "fifo"
                                << "named pipe (FIFO), not a regular file";
}

void tst_NpyArray::hostileFiles()
{
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("heat.npy"));
    std::unique_ptr<Testing::FifoWatchdog> watchdog;
    if (kind == QLatin1String("sparse")) {
        QVERIFY(Testing::writeSparseNpy(path, 16384, 16384));
    } else if (kind == QLatin1String("tall")) {
        QVERIFY(Testing::writeSparseNpy(path, 1, 20'000'000));
    } else if (kind == QLatin1String("header")) {
        QByteArray bytes("\x93NUMPY\x02\x00\x00\x00\x00\x40", 12); // 2^30 bytes of header
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes + dict("<f4", false, "(2, 2)"));
    } else if (kind == QLatin1String("devzero")) {
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), path));
    } else {
        QVERIFY(Testing::makeFifo(path));
        watchdog = std::make_unique<Testing::FifoWatchdog>(path);
    }
    const NpyArray array = NpyArray::read(path);
    QVERIFY(!array.isValid());
    QVERIFY(array.values.isEmpty());
    QVERIFY2(array.error.contains(path), qPrintable(array.error));
    QVERIFY2(array.error.contains(reason), qPrintable(array.error));
    if (watchdog)
        QVERIFY(!watchdog->readerSeen());

    // The same claim in memory is refused from the header alone.
    if (kind == QLatin1String("sparse")) {
        const NpyArray parsed = NpyArray::parse(npy(1, dict("<f4", false, "(16384, 16384)"), {}),
                                                QStringLiteral("heat.npy"));
        QVERIFY(parsed.values.isEmpty());
        QVERIFY2(parsed.error.contains(reason), qPrintable(parsed.error));
    }
}

// 4096 x 4096 float32 (64 MiB), the largest heatmap Boucle shows, still reads.
void tst_NpyArray::largestAllowedShapeReads()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fine.npy"));
    QVERIFY(Testing::writeSparseNpy(path, 4096, 4096));
    const NpyArray array = NpyArray::read(path);
    QVERIFY2(array.isValid(), qPrintable(array.error));
    QCOMPARE(array.rows, 4096);
    QCOMPARE(array.columns, 4096);
    QCOMPARE(array.values.last(), 0.0f);
}

QTEST_GUILESS_MAIN(tst_NpyArray)
#include "tst_npyarray.moc"
