// BatchItemQuery::firstRowWithStatus: the row a window starts on is the first undecided item in
// the queue's own filter and order, checked against a scan of every row.
#include "review/reviewsession.h"
#include "reviewfixture.h"
#include "store/batchitemquery.h"
#include "store/projectstore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

class TestBatchItemQuery : public QObject
{
    Q_OBJECT

private slots:
    void firstPendingRowInAnyOrder_data();
    void firstPendingRowInAnyOrder();
};

void TestBatchItemQuery::firstPendingRowInAnyOrder_data()
{
    QTest::addColumn<int>("order");
    QTest::addColumn<QString>("trigger");
    QTest::newRow("review order") << int(BatchItemOrder::Position) << QString();
    QTest::newRow("confidence ascending") << int(BatchItemOrder::ConfidenceAscending) << QString();
    QTest::newRow("confidence descending, committee only")
            << int(BatchItemOrder::ConfidenceDescending) << QStringLiteral("committee");
    QTest::newRow("predicted label") << int(BatchItemOrder::PredictedLabel) << QString();
}

void TestBatchItemQuery::firstPendingRowInAnyOrder()
{
    QFETCH(int, order);
    QFETCH(QString, trigger);
    QTemporaryDir dir;
    ProjectStore store;
    QVERIFY(!store.create(dir.filePath(QStringLiteral("p.boucle")), dir.path()));
    ReviewFixture fixture;
    QVERIFY(!makeReviewFixture(store, 40, fixture));
    ReviewSession session(store);
    session.setReviewer(QStringLiteral("ada"));
    // Decide every item but a few scattered ones, so that the first pending row differs by order.
    QList<BatchItemId> decided;
    for (int i = 0; i < fixture.items.size(); ++i) {
        if (i != 13 && i != 22 && i != 37)
            decided.append(fixture.items.at(i).id);
    }
    QVERIFY(!session.approveAll(decided));

    BatchItemFilter filter;
    filter.trigger = trigger;
    const BatchItemQuery query(store, fixture.batch.id, filter, BatchItemOrder(order));
    const auto rows = query.rows(0, query.count());
    QCOMPARE(rows.size(), query.count());
    std::optional<int> scanned;
    for (int row = 0; row < rows.size() && !scanned; ++row) {
        if (rows.at(row).item.status == ReviewStatus::Pending)
            scanned = row;
    }
    QVERIFY(scanned.has_value());
    QCOMPARE(query.firstRowWithStatus(ReviewStatus::Pending), scanned);

    // None left: no row.
    QList<BatchItemId> rest;
    for (const int i : {13, 22, 37})
        rest.append(fixture.items.at(i).id);
    QVERIFY(!session.approveAll(rest));
    QCOMPARE(query.firstRowWithStatus(ReviewStatus::Pending), std::nullopt);
}

QTEST_GUILESS_MAIN(TestBatchItemQuery)
#include "tst_batchitemquery.moc"
