// The queue holds a bounded number of pages of rows: reading far more rows than it keeps (a
// reviewer scrolling a large batch from top to bottom and back) returns each row's own item and
// never more than the bound of pages.
#include "queue/queuemodel.h"
#include "reviewfixture.h"
#include "store/projectstore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

class TestQueueModelPages : public QObject
{
    Q_OBJECT

private slots:
    void readsBeyondItsPagesAndBack();
};

void TestQueueModelPages::readsBeyondItsPagesAndBack()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ProjectStore store;
    QVERIFY(!store.create(dir.filePath(QStringLiteral("pages.boucle")), dir.path()));
    ReviewFixture fixture;
    // 60 pages of 256 rows: more than the 48 the model keeps.
    const int items = 256 * 60;
    QVERIFY(!makeReviewFixture(store, items, fixture));
    QueueModel model;
    model.setBatch(&store, fixture.batch.id);
    QCOMPARE(model.rowCount(), items);
    for (int pass = 0; pass < 2; ++pass) {
        for (int row = 0; row < items; row += 97) {
            const int at = pass == 0 ? row : items - 1 - row;
            QCOMPARE(model.itemAt(at), fixture.items.at(at).id);
        }
        QVERIFY(model.loadedPageCount() <= 48);
    }
}

QTEST_MAIN(TestQueueModelPages)
#include "tst_queuemodelpages.moc"
