// DatasetLoader on opencv-doc's real files and on broken ones.
#include "learning/datasetloader.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

class tst_DatasetLoader : public QObject
{
    Q_OBJECT

private slots:
    void realDataSets_data();
    void realDataSets();
    void digitsKeepFileOrder();
    void missingFileNamesThePackage_data();
    void missingFileNamesThePackage();
    void badLetterLineNamesTheLine();
    void subsetKeepsTheChosenSamples();
};

void tst_DatasetLoader::realDataSets_data()
{
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("classes");
    QTest::addColumn<int>("firstLabel");
    QTest::addColumn<int>("perClassOfFirst");
    QTest::newRow("digits") << QStringLiteral("digits") << 5000 << 10 << 0 << 500;
    // The UCI file starts with a 'T' and holds 796 of them.
    QTest::newRow("letters") << QStringLiteral("letters") << 20000 << 26 << 19 << 796;
}

void tst_DatasetLoader::realDataSets()
{
    QFETCH(QString, dataset);
    QFETCH(int, count);
    QFETCH(int, classes);
    QFETCH(int, firstLabel);
    QFETCH(int, perClassOfFirst);
    if (!QFile::exists(DatasetLoader::defaultPath(dataset)))
        QSKIP("opencv-doc is not installed");
    QString error;
    const auto samples = DatasetLoader::load(dataset, &error);
    QVERIFY2(samples, qPrintable(error));
    QCOMPARE(samples->size(), count);
    QCOMPARE(samples->classCount(), classes);
    QCOMPARE(samples->labels.front(), firstLabel);
    QCOMPARE(static_cast<int>(
                     std::count(samples->labels.begin(), samples->labels.end(), firstLabel)),
             perClassOfFirst);
    if (samples->hasImages()) {
        QCOMPARE(static_cast<int>(samples->images.size()), count);
        QCOMPARE(samples->images.front().rows, 20);
        QCOMPARE(samples->images.front().cols, 20);
    } else {
        QCOMPARE(samples->raw.rows, count);
        QCOMPARE(samples->raw.cols, 16);
        // First line: T,2,8,3,5,1,8,13,0,6,6,10,8,0,8,0,8
        QCOMPARE(samples->raw.at<float>(0, 0), 2.0f);
        QCOMPARE(samples->raw.at<float>(0, 6), 13.0f);
        QCOMPARE(samples->raw.at<float>(0, 15), 8.0f);
    }
}

void tst_DatasetLoader::digitsKeepFileOrder()
{
    if (!QFile::exists(DatasetLoader::defaultPath(QStringLiteral("digits"))))
        QSKIP("opencv-doc is not installed");
    QString error;
    const auto samples = DatasetLoader::load(QStringLiteral("digits"), &error);
    QVERIFY2(samples, qPrintable(error));
    // Five rows of 100 tiles per digit.
    for (int digit = 0; digit < 10; ++digit) {
        QCOMPARE(samples->labels[static_cast<std::size_t>(digit * 500)], digit);
        QCOMPARE(samples->labels[static_cast<std::size_t>(digit * 500 + 499)], digit);
    }
    // Every tile holds ink; loading twice gives the same pixels.
    const auto again = DatasetLoader::load(QStringLiteral("digits"), &error);
    QVERIFY(again);
    for (const int index : {0, 1234, 4999}) {
        QVERIFY(cv::countNonZero(samples->images[static_cast<std::size_t>(index)]) > 10);
        QCOMPARE(cv::norm(samples->images[static_cast<std::size_t>(index)],
                          again->images[static_cast<std::size_t>(index)], cv::NORM_L1),
                 0.0);
    }
}

void tst_DatasetLoader::missingFileNamesThePackage_data()
{
    QTest::addColumn<bool>("digits");
    QTest::newRow("digits") << true;
    QTest::newRow("letters") << false;
}

void tst_DatasetLoader::missingFileNamesThePackage()
{
    QFETCH(bool, digits);
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("absent.data"));
    QString error;
    const auto samples = digits ? DatasetLoader::loadDigits(path, &error)
                                : DatasetLoader::loadLetters(path, &error);
    QVERIFY(!samples);
    QVERIFY2(error.contains(QLatin1String("opencv-doc")), qPrintable(error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

void tst_DatasetLoader::badLetterLineNamesTheLine()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("letters.data"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("A,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16\n"
               "B,1,2,3,4,5,6,7,8,9,10,11,12,13,14,x,16\n");
    file.close();
    QString error;
    QVERIFY(!DatasetLoader::loadLetters(path, &error));
    QVERIFY2(error.contains(QLatin1String("line 2")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("field 16")), qPrintable(error));
}

void tst_DatasetLoader::subsetKeepsTheChosenSamples()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("letters.data"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("A,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16\n"
               "C,2,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16\n"
               "Z,3,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16\n");
    file.close();
    QString error;
    const auto samples = DatasetLoader::loadLetters(path, &error);
    QVERIFY2(samples, qPrintable(error));
    const auto subset = samples->subset({2, 0});
    QCOMPARE(subset.size(), 2);
    QCOMPARE(subset.labels, (std::vector<int> {25, 0}));
    QCOMPARE(subset.raw.at<float>(0, 0), 3.0f);
    QCOMPARE(subset.raw.at<float>(1, 0), 1.0f);
}

QTEST_GUILESS_MAIN(tst_DatasetLoader)
#include "tst_datasetloader.moc"
