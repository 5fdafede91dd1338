// HeatmapFile: .npy files that NumPy can read, and back; 16-bit grey PNG.
#include "hostilefiles.h"
#include "learning/heatmapfile.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

using namespace Boucle;

class tst_HeatmapFile : public QObject
{
    Q_OBJECT

private slots:
    void npyRoundTrip_data();
    void npyRoundTrip();
    void readsFloat16AndUint8_data();
    void readsFloat16AndUint8();
    void refusesBrokenFiles_data();
    void refusesBrokenFiles();
    void greyPng16();
    void hostileFiles_data();
    void hostileFiles();
    void numpyReadsIt();
};

void tst_HeatmapFile::npyRoundTrip_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    QTest::newRow("1x1") << 1 << 1;
    QTest::newRow("digit tile") << 20 << 20;
    QTest::newRow("wide") << 3 << 700;
    QTest::newRow("five-digit shape") << 10 << 12345;
}

void tst_HeatmapFile::npyRoundTrip()
{
    QFETCH(int, rows);
    QFETCH(int, cols);
    cv::Mat map(rows, cols, CV_32F);
    cv::RNG rng(rows * 31 + cols);
    rng.fill(map, cv::RNG::UNIFORM, -1.0, 1.0);
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("map.npy"));
    QString error;
    QVERIFY2(HeatmapFile::writeNpy(path, map, &error), qPrintable(error));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QCOMPARE(bytes.left(8), QByteArray("\x93NUMPY\x01\x00", 8));
    const int headerSize = static_cast<unsigned char>(bytes.at(8))
                           | (static_cast<unsigned char>(bytes.at(9)) << 8);
    QCOMPARE((10 + headerSize) % 64, 0); // data aligned as NumPy writes it
    QCOMPARE(bytes.at(10 + headerSize - 1), '\n');
    QVERIFY(bytes.mid(10, headerSize).contains("'descr': '<f4'"));
    QCOMPARE(bytes.size(), qsizetype(10 + headerSize + rows * cols * 4));

    const auto back = HeatmapFile::readNpy(path, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->rows, rows);
    QCOMPARE(back->cols, cols);
    QCOMPARE(cv::norm(*back, map, cv::NORM_INF), 0.0);
}

void tst_HeatmapFile::readsFloat16AndUint8_data()
{
    QTest::addColumn<QByteArray>("descr");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<float>("first");
    QTest::addColumn<float>("last");
    // 1.0 and -2.0 in IEEE half precision, little-endian.
    QTest::newRow("float16") << QByteArray("<f2") << QByteArray("\x00\x3c\x00\xc0", 4) << 1.0f
                             << -2.0f;
    QTest::newRow("uint8") << QByteArray("|u1") << QByteArray("\x07\xff", 2) << 7.0f << 255.0f;
}

void tst_HeatmapFile::readsFloat16AndUint8()
{
    QFETCH(QByteArray, descr);
    QFETCH(QByteArray, data);
    QFETCH(float, first);
    QFETCH(float, last);
    QByteArray header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (1, 2), }";
    header.append(QByteArray(64 - 10 - header.size() - 1, ' '));
    header.append('\n');
    QByteArray bytes("\x93NUMPY\x01\x00", 8);
    bytes.append(char(header.size()));
    bytes.append(char(0));
    bytes.append(header);
    bytes.append(data);
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("map.npy"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    QString error;
    const auto map = HeatmapFile::readNpy(path, &error);
    QVERIFY2(map, qPrintable(error));
    QCOMPARE(map->at<float>(0, 0), first);
    QCOMPARE(map->at<float>(0, 1), last);
}

void tst_HeatmapFile::refusesBrokenFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not npy") << QByteArray("PNG....") << QStringLiteral("signature");
    auto npy = [](const QByteArray &header, const QByteArray &data) {
        QByteArray bytes("\x93NUMPY\x01\x00", 8);
        bytes.append(char(header.size()));
        bytes.append(char(0));
        return bytes + header + data;
    };
    QTest::newRow("3-D") << npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2, 2), }\n",
                                QByteArray(32, '\0'))
                         << QStringLiteral("2-D");
    QTest::newRow("truncated data") << npy(
            "{'descr': '<f4', 'fortran_order': False, 'shape': (4, 4), }\n", QByteArray(8, '\0'))
                                    << QStringLiteral("shorter");
    QTest::newRow("float64") << npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1), }\n",
                                    QByteArray(8, '\0'))
                             << QStringLiteral("<f8");
}

void tst_HeatmapFile::refusesBrokenFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("broken.npy"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    QString error;
    QVERIFY(!HeatmapFile::readNpy(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void tst_HeatmapFile::greyPng16()
{
    const cv::Mat map = (cv::Mat_<float>(1, 4) << -0.5f, 0.0f, 0.5f, 2.0f);
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("map.png"));
    QString error;
    QVERIFY2(HeatmapFile::writeGreyPng16(path, map, &error), qPrintable(error));
    const cv::Mat grey = cv::imread(QFile::encodeName(path).toStdString(), cv::IMREAD_UNCHANGED);
    QCOMPARE(grey.type(), CV_16UC1);
    QCOMPARE(grey.at<ushort>(0, 0), ushort(0));
    QCOMPARE(grey.at<ushort>(0, 2), ushort(32768));
    QCOMPARE(grey.at<ushort>(0, 3), ushort(65535));
}

void tst_HeatmapFile::numpyReadsIt()
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        QSKIP("python3 is not installed");
    const cv::Mat map = (cv::Mat_<float>(2, 3) << 0.25f, -1.0f, 3.5f, 0.0f, 1e-3f, 7.0f);
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("map.npy"));
    QVERIFY(HeatmapFile::writeNpy(path, map, nullptr));
    QProcess process;
    process.start(python, {QStringLiteral("-c"),
                           QStringLiteral("import sys, numpy; a = numpy.load(sys.argv[1]); "
                                          "print(a.dtype, a.shape, a[0, 2], a[1, 2])"),
                           path});
    QVERIFY(process.waitForFinished(30000));
    const QByteArray output = process.readAllStandardOutput().trimmed();
    if (process.exitCode() != 0 && process.readAllStandardError().contains("No module named"))
        QSKIP("numpy is not installed");
    QCOMPARE(output, QByteArray("float32 (2, 3) 3.5 7.0"));
}

// A sparse array claiming a gigabyte, a link to /dev/zero (which never ends) and a named pipe
// (which blocks whoever opens it): refused from the header or the file's type.
void tst_HeatmapFile::hostileFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("sparse 16384 x 16384") << "sparse"
                                          << "is 16384 x 16384 values";
    QTest::newRow("sparse 5000 x 5000") << "claim"
                                        << "is 5000 x 5000 values";
    QTest::newRow("symbolic link to /dev/zero") << "devzero"
                                                << "character device";
    QTest::newRow("named pipe") << "fifo"
                                << "named pipe (FIFO)";
}

void tst_HeatmapFile::hostileFiles()
{
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("heat.npy"));
    std::unique_ptr<Boucle::Testing::FifoWatchdog> watchdog;
    if (kind == QLatin1String("sparse")) {
        QVERIFY(Boucle::Testing::writeSparseNpy(path, 16384, 16384));
    } else if (kind == QLatin1String("claim")) {
        // 100 MB on paper, within the file cap: the shape itself is refused.
        QVERIFY(Boucle::Testing::writeSparseNpy(path, 5000, 5000));
    } else if (kind == QLatin1String("devzero")) {
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), path));
    } else {
        QVERIFY(Boucle::Testing::makeFifo(path));
        watchdog = std::make_unique<Boucle::Testing::FifoWatchdog>(path);
    }
    QString error;
    QVERIFY(!HeatmapFile::readNpy(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    if (watchdog)
        QVERIFY(!watchdog->readerSeen());
}

QTEST_GUILESS_MAIN(tst_HeatmapFile)
#include "tst_heatmapfile.moc"
