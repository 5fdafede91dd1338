// The distinct sample paths of an import's chunk, found by the hash the reading thread took:
// numbered in order of first appearance, told apart by their text when their hashes collide,
// and forgotten by clear() while the table is kept.
#include "ingest/chunkpathindex.h"
#include "ingest/importpipeline.h"

#include <QTest>

#include <deque>

using namespace Boucle;

class TestChunkPathIndex : public QObject
{
    Q_OBJECT

private slots:
    void numbersPathsInOrderOfFirstAppearance();
    void collidingHashesAreToldApartByText();
    void clearForgetsThePaths();
    void growsPastTheFirstTable();
};

void TestChunkPathIndex::numbersPathsInOrderOfFirstAppearance()
{
    const QStringList paths {QStringLiteral("a.png"), QStringLiteral("b.png"),
                             QStringLiteral("a.png"), QStringLiteral("c.png"),
                             QStringLiteral("b.png")};
    ChunkPathIndex index;
    QList<int> numbers;
    QList<bool> additions;
    for (const auto &path : paths) {
        bool added = false;
        numbers.append(index.findOrAdd(ImportPipeline::pathHashOf(path), path, &added));
        additions.append(added);
    }
    QCOMPARE(numbers, (QList<int> {0, 1, 0, 2, 1}));
    QCOMPARE(additions, (QList<bool> {true, true, false, true, false}));
    QCOMPARE(index.size(), 3);
}

void TestChunkPathIndex::collidingHashesAreToldApartByText()
{
    const QString first = QStringLiteral("img/1.png");
    const QString second = QStringLiteral("img/2.png");
    const QString firstAgain = QStringLiteral("img/1.png");
    ChunkPathIndex index;
    bool added = false;
    QCOMPARE(index.findOrAdd(42, first, &added), 0);
    QVERIFY(added);
    QCOMPARE(index.findOrAdd(42, second, &added), 1);
    QVERIFY(added);
    QCOMPARE(index.findOrAdd(42, firstAgain, &added), 0);
    QVERIFY(!added);
    QCOMPARE(index.findOrAdd(42, second, &added), 1);
    QVERIFY(!added);
}

void TestChunkPathIndex::clearForgetsThePaths()
{
    const QString path = QStringLiteral("x.png");
    ChunkPathIndex index;
    bool added = false;
    index.findOrAdd(7, path, &added);
    index.clear();
    QCOMPARE(index.size(), 0);
    QCOMPARE(index.findOrAdd(7, path, &added), 0);
    QVERIFY(added);
}

void TestChunkPathIndex::growsPastTheFirstTable()
{
    std::deque<QString> paths; // stable addresses: the index keeps pointers
    for (int i = 0; i < 5000; ++i)
        paths.push_back(QStringLiteral("img/%1.png").arg(i));
    ChunkPathIndex index;
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 5000; ++i) {
            bool added = false;
            // Few distinct hashes: long probe runs, and every lookup compares text.
            const quint64 hash = quint64(i % 97);
            QCOMPARE(index.findOrAdd(hash, paths[size_t(i)], &added), i);
            QCOMPARE(added, round == 0);
        }
    }
    QCOMPARE(index.size(), 5000);
}

QTEST_GUILESS_MAIN(TestChunkPathIndex)
#include "tst_chunkpathindex.moc"
