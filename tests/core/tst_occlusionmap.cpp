// OcclusionMap on real digits: the map has the tile's size and is larger on the ink.
#include "learning/committee.h"
#include "learning/datasetloader.h"
#include "learning/featurespace.h"
#include "learning/occlusionmap.h"

#include <QTest>

#include <opencv2/imgproc.hpp>

using namespace Boucle;

class tst_OcclusionMap : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void largerWhereTheDigitIs_data();
    void largerWhereTheDigitIs();
    void blankImageGivesAFlatMap();

private:
    std::optional<LabelledSamples> m_samples;
    std::optional<FeatureSpace> m_space;
    std::optional<Committee> m_committee;
};

void tst_OcclusionMap::initTestCase()
{
    if (!QFile::exists(DatasetLoader::defaultPath(QStringLiteral("digits"))))
        QSKIP("opencv-doc is not installed");
    QString error;
    m_samples = DatasetLoader::load(QStringLiteral("digits"), &error);
    QVERIFY2(m_samples, qPrintable(error));
    // Train on 40 tiles of each digit (every 12th tile), test on others.
    std::vector<int> train;
    for (int i = 0; i < m_samples->size(); i += 12)
        train.push_back(i);
    const auto subset = m_samples->subset(train);
    m_space = FeatureSpace::fit(subset);
    m_committee.emplace(10);
    m_committee->train(m_space->transform(subset), subset.labels);
}

void tst_OcclusionMap::largerWhereTheDigitIs_data()
{
    QTest::addColumn<int>("index");
    for (const int index : {5, 503, 1007, 1501, 2005, 2503, 3001, 3505, 4003, 4501})
        QTest::newRow(qPrintable(QStringLiteral("tile %1").arg(index))) << index;
}

void tst_OcclusionMap::largerWhereTheDigitIs()
{
    QFETCH(int, index);
    const cv::Mat &image = m_samples->images[static_cast<std::size_t>(index)];
    const cv::Mat map = OcclusionMap::compute(*m_committee, *m_space, image);
    QCOMPARE(map.type(), CV_32F);
    QCOMPARE(map.rows, image.rows);
    QCOMPARE(map.cols, image.cols);
    // Far from the ink (more than a patch away) masking changes nothing.
    cv::Mat ink = image > 40;
    cv::Mat near;
    cv::dilate(ink, near, cv::Mat::ones(9, 9, CV_8U));
    const double onInk = cv::mean(cv::abs(map), ink)[0];
    const double farAway = cv::countNonZero(~near) > 0 ? cv::mean(cv::abs(map), ~near)[0] : 0.0;
    QVERIFY2(onInk > 0.0, qPrintable(QStringLiteral("mean drop on ink %1").arg(onInk)));
    QVERIFY2(onInk > farAway,
             qPrintable(QStringLiteral("ink %1, background %2").arg(onInk).arg(farAway)));
    QCOMPARE(farAway, 0.0);
}

void tst_OcclusionMap::blankImageGivesAFlatMap()
{
    const cv::Mat blank = cv::Mat::zeros(20, 20, CV_8U);
    const cv::Mat map = OcclusionMap::compute(*m_committee, *m_space, blank);
    QCOMPARE(map.size(), blank.size());
    QCOMPARE(cv::countNonZero(map), 0);
}

QTEST_GUILESS_MAIN(tst_OcclusionMap)
#include "tst_occlusionmap.moc"
