// SQLite's memory methods (sqlitesmallblocks.h): sizes are rounded as SQLite is told, contents
// survive a resize, freed small blocks are kept per thread up to the cap and handed out again,
// and a block freed on another thread than the one that took it is kept there.
#include "store/sqlitesmallblocks.h"

#include <QTest>

#include <cstring>
#include <thread>
#include <vector>

using namespace Boucle;

namespace {

void fill(void *block, int bytes, unsigned char seed)
{
    auto *data = static_cast<unsigned char *>(block);
    for (int i = 0; i < bytes; ++i)
        data[i] = static_cast<unsigned char>(seed + i * 7);
}

bool holds(const void *block, int bytes, unsigned char seed)
{
    const auto *data = static_cast<const unsigned char *>(block);
    for (int i = 0; i < bytes; ++i) {
        if (data[i] != static_cast<unsigned char>(seed + i * 7))
            return false;
    }
    return true;
}

} // namespace

class TestSqliteSmallBlocks : public QObject
{
    Q_OBJECT

private slots:
    void sizesAreRoundedAsSqliteIsTold_data();
    void sizesAreRoundedAsSqliteIsTold();
    void resizingKeepsTheFirstBytes_data();
    void resizingKeepsTheFirstBytes();
    void freedSmallBlocksAreHandedOutAgain();
    void keptBlocksStopAtTheCap();
    void largeBlocksAreNeverKept();
    void blocksFreedOnAnotherThreadAreKeptThere();
};

void TestSqliteSmallBlocks::sizesAreRoundedAsSqliteIsTold_data()
{
    QTest::addColumn<int>("asked");
    QTest::addColumn<int>("given");
    QTest::newRow("1 byte") << 1 << 64;
    QTest::newRow("64 bytes") << 64 << 64;
    QTest::newRow("65 bytes") << 65 << 128;
    QTest::newRow("552 bytes") << 552 << 576;
    QTest::newRow("1024 bytes") << 1024 << 1024;
    QTest::newRow("1025 bytes") << 1025 << 1032;
    QTest::newRow("4112 bytes") << 4112 << 4112;
}

void TestSqliteSmallBlocks::sizesAreRoundedAsSqliteIsTold()
{
    QFETCH(int, asked);
    QFETCH(int, given);
    QCOMPARE(SqliteSmallBlocks::roundUp(asked), given);
    void *block = SqliteSmallBlocks::allocate(asked);
    QVERIFY(block);
    QCOMPARE(SqliteSmallBlocks::sizeOf(block), given);
    QCOMPARE(reinterpret_cast<quintptr>(block) % 16, quintptr(0));
    fill(block, given, 3); // every usable byte is the caller's
    QVERIFY(holds(block, given, 3));
    SqliteSmallBlocks::release(block);
    QCOMPARE(SqliteSmallBlocks::allocate(0), nullptr);
    SqliteSmallBlocks::release(nullptr);
}

void TestSqliteSmallBlocks::resizingKeepsTheFirstBytes_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::newRow("small, within its size") << 70 << 120;
    QTest::newRow("small to larger small") << 100 << 900;
    QTest::newRow("small to large") << 500 << 5000;
    QTest::newRow("large to larger") << 2000 << 100000;
    QTest::newRow("large to smaller large") << 9000 << 3000;
    QTest::newRow("large to small") << 3000 << 200;
    QTest::newRow("small to smaller") << 1000 << 10;
}

void TestSqliteSmallBlocks::resizingKeepsTheFirstBytes()
{
    QFETCH(int, from);
    QFETCH(int, to);
    void *block = SqliteSmallBlocks::allocate(from);
    QVERIFY(block);
    fill(block, from, 11);
    void *resized = SqliteSmallBlocks::resize(block, to);
    QVERIFY(resized);
    QVERIFY(SqliteSmallBlocks::sizeOf(resized) >= to);
    QVERIFY(holds(resized, std::min(from, to), 11));
    fill(resized, SqliteSmallBlocks::sizeOf(resized), 5);
    SqliteSmallBlocks::release(resized);
    // As realloc: nothing becomes a new block; a size of 0 frees.
    void *fresh = SqliteSmallBlocks::resize(nullptr, 40);
    QVERIFY(fresh);
    QCOMPARE(SqliteSmallBlocks::resize(fresh, 0), nullptr);
}

void TestSqliteSmallBlocks::freedSmallBlocksAreHandedOutAgain()
{
    const int keptBefore = SqliteSmallBlocks::keptByThisThread();
    std::vector<void *> blocks;
    for (int i = 0; i < 10; ++i)
        blocks.push_back(SqliteSmallBlocks::allocate(300));
    for (void *block : blocks)
        SqliteSmallBlocks::release(block);
    QCOMPARE(SqliteSmallBlocks::keptByThisThread(), keptBefore + 10);
    // The last freed first; a request of another size within the same rounding takes them too.
    for (auto it = blocks.rbegin(); it != blocks.rend(); ++it)
        QCOMPARE(SqliteSmallBlocks::allocate(260), *it);
    QCOMPARE(SqliteSmallBlocks::keptByThisThread(), keptBefore);
    for (void *block : blocks)
        SqliteSmallBlocks::release(block);
}

void TestSqliteSmallBlocks::keptBlocksStopAtTheCap()
{
    constexpr int extra = 25;
    std::vector<void *> blocks;
    for (int i = 0; i < SqliteSmallBlocks::blocksPerSize + extra; ++i)
        blocks.push_back(SqliteSmallBlocks::allocate(SqliteSmallBlocks::maxCachedSize));
    const int keptBefore = SqliteSmallBlocks::keptByThisThread();
    for (void *block : blocks)
        SqliteSmallBlocks::release(block);
    const int kept = SqliteSmallBlocks::keptByThisThread() - keptBefore;
    QVERIFY2(kept <= SqliteSmallBlocks::blocksPerSize, qPrintable(QString::number(kept)));
    QVERIFY(kept > 0);
}

void TestSqliteSmallBlocks::largeBlocksAreNeverKept()
{
    const int keptBefore = SqliteSmallBlocks::keptByThisThread();
    for (int i = 0; i < 5; ++i)
        SqliteSmallBlocks::release(
                SqliteSmallBlocks::allocate(SqliteSmallBlocks::maxCachedSize + 1));
    QCOMPARE(SqliteSmallBlocks::keptByThisThread(), keptBefore);
}

void TestSqliteSmallBlocks::blocksFreedOnAnotherThreadAreKeptThere()
{
    std::vector<void *> blocks;
    for (int i = 0; i < 20; ++i) {
        blocks.push_back(SqliteSmallBlocks::allocate(200));
        fill(blocks.back(), 200, static_cast<unsigned char>(i));
    }
    const int keptHere = SqliteSmallBlocks::keptByThisThread();
    int keptThere = -1;
    bool intact = true;
    // The other thread ends with the blocks in its lists: they go back to the system then
    // (a sanitizer build reports them as leaked otherwise).
    std::thread other([&] {
        for (size_t i = 0; i < blocks.size(); ++i) {
            intact = intact && holds(blocks[i], 200, static_cast<unsigned char>(i));
            SqliteSmallBlocks::release(blocks[i]);
        }
        keptThere = SqliteSmallBlocks::keptByThisThread();
    });
    other.join();
    QVERIFY(intact);
    QCOMPARE(keptThere, 20);
    QCOMPARE(SqliteSmallBlocks::keptByThisThread(), keptHere);
}

QTEST_GUILESS_MAIN(TestSqliteSmallBlocks)
#include "tst_sqlitesmallblocks.moc"
