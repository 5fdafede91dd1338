// Why an item was flagged, as a French-speaking reviewer reads it in the window: the reasons
// panel words each reason in French with decimal commas, made from what the trigger stored (the
// stored sentence stays English), the chips carry the triggers' display names and fixed colours,
// and a batch flagged before the committee triggers had names of their own still shows.
#include "panels/flagreasonspanel.h"
#include "policy/batchbuilder.h"
#include "policy/triggerpolicy.h"
#include "queue/queuemodel.h"
#include "queue/reasonchipsdelegate.h"
#include "reviewfixture.h"
#include "triggers/flagreasontext.h"
#include "triggers/triggernames.h"
#include "uilanguage.h"
#include "windowfixture.h"

#include <QDockWidget>
#include <QRegularExpression>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>

using namespace Boucle;
using namespace Boucle::Testing;

namespace {

const QLocale french(QLocale::French, QLocale::France);

// The reasons the queue shows on its current row, read as a person reads the chips.
struct Chips
{
    QStringList texts;
    QList<QColor> colours;
    QStringList triggers;
};

Chips chipsOnCurrentRow(MainWindow *window)
{
    Chips chips;
    auto *table = window->findChild<QTableView *>(QStringLiteral("queue"));
    if (!table)
        return chips;
    const QModelIndex current = table->currentIndex();
    const QModelIndex cell = table->model()->index(current.row(), QueueModel::ReasonsColumn);
    auto *delegate
            = qobject_cast<ReasonChipsDelegate *>(table->itemDelegateForColumn(cell.column()));
    if (!delegate)
        return chips;
    chips.triggers = cell.data(QueueModel::ReasonsRole).toStringList();
    for (const QString &trigger : std::as_const(chips.triggers)) {
        chips.texts.append(ReasonChipsDelegate::textOf(trigger));
        chips.colours.append(ReasonChipsDelegate::colourOf(trigger));
    }
    return chips;
}

} // namespace

class TestReasonLanguage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { WindowFixture::isolateSettings(QStringLiteral("tst_reasonlanguage")); }
    void init()
    {
        QVERIFY(m_fixture.prepare());
        // As the desktop does for a chosen language: its translators and its number format.
        QLocale::setDefault(french);
        QVERIFY(UiLanguage::install(french));
    }
    void cleanup()
    {
        m_fixture.reset();
        UiLanguage::uninstall();
        QLocale::setDefault(QLocale::c());
    }

    void reasonsSpeakTheReviewersLanguage();

private:
    WindowFixture m_fixture;
};

void TestReasonLanguage::reasonsSpeakTheReviewersLanguage()
{
    // Batch 1 as an older Boucle stored it (sentences only, "committee"); then a batch flagged
    // now by the policy's triggers over the same predictions.
    ReviewFixture fixture;
    QVERIFY(!m_fixture.createProject([&](ProjectStore &store) {
        if (StoreError error
            = makeReviewFixture(store, 4, fixture, m_fixture.filePath(QStringLiteral("images"))))
            return error;
        TriggerPolicy policy;
        policy.includeOpenBatches = true;
        policy.controlShare = 0;
        policy.lowConfidence.threshold = 0.9;
        policy.margin.enabled = false;
        policy.entropy.enabled = false;
        BatchBuilder builder(store);
        return builder.build(policy, QStringLiteral("flagged"), 10, QStringLiteral("lead")).error;
    }));
    QVERIFY(!m_fixture.openWindow());
    MainWindow *window = m_fixture.window();
    auto *panel = window->findChild<FlagReasonsPanel *>();
    QVERIFY(panel);

    // The older batch opens first: its reasons show the sentences they were stored with, under
    // the display names of the one naming function.
    QString text = panel->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("Pourquoi il a été signalé")), qPrintable(text));
    QVERIFY2(text.contains(triggerDisplayName(QStringLiteral("low_confidence"))), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("low_confidence")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("confidence 0.35 below 0.80")), qPrintable(text));
    Chips chips = chipsOnCurrentRow(window);
    QCOMPARE(chips.triggers, QStringList {QStringLiteral("low_confidence")});
    QCOMPARE(chips.texts, QStringList {triggerDisplayName(QStringLiteral("low_confidence"))});

    // The second item of the older batch was flagged by "committee": still shown, as it was.
    auto *table = window->findChild<QTableView *>(QStringLiteral("queue"));
    QVERIFY(table);
    const QRect second = table->visualRect(table->model()->index(1, QueueModel::LabelColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, second.center());
    m_fixture.settle();
    chips = chipsOnCurrentRow(window);
    QCOMPARE(chips.triggers,
             (QStringList {QStringLiteral("low_confidence"), QStringLiteral("committee")}));
    QCOMPARE(chips.texts.at(1), triggerDisplayName(QStringLiteral("committee")));
    text = panel->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("1 of 2 models disagree")), qPrintable(text));

    // The reviewer clicks the newer batch in the Batches panel.
    auto *dock = window->findChild<QDockWidget *>(QStringLiteral("batchesDock"));
    QVERIFY(dock);
    auto *batches = dock->findChild<QTreeWidget *>();
    QVERIFY(batches);
    const auto found = batches->findItems(QStringLiteral("flagged"), Qt::MatchExactly);
    QCOMPARE(found.size(), 1);
    const QRect rect = batches->visualItemRect(found.first());
    QTest::mouseClick(batches->viewport(), Qt::LeftButton, {}, rect.center());
    m_fixture.settle();

    // What the store holds for the item on screen: English sentences and their details.
    ProjectStore other;
    QVERIFY(!other.open(m_fixture.projectPath(), ProjectStore::OpenMode::ReadOnly));
    const auto batch = other.batchByName(QStringLiteral("flagged"));
    QVERIFY(batch);
    const auto items = other.batchItems(batch->id);
    const auto itemId = table->currentIndex().data(QueueModel::ItemIdRole).toLongLong();
    const auto item = std::find_if(items.cbegin(), items.cend(),
                                   [itemId](const auto &i) { return i.id == itemId; });
    QVERIFY(item != items.cend());
    QVERIFY(!item->reasons.isEmpty());

    text = panel->toPlainText();
    static const QRegularExpression frenchDecimal(QStringLiteral("\\d,\\d\\d"));
    QStringList stored;
    for (const FlagReason &reason : item->reasons) {
        QVERIFY2(!reason.details.isEmpty(), qPrintable(reason.trigger));
        stored.append(reason.trigger);
        const QString shown = reasonSentence(reason, french);
        // Made now, in French, with decimal commas; the stored English is not what shows.
        QVERIFY2(text.contains(shown), qPrintable(shown + QStringLiteral("\n---\n") + text));
        QVERIFY2(shown != reason.reason, qPrintable(shown));
        QVERIFY2(!text.contains(reason.reason), qPrintable(reason.reason));
        QVERIFY2(shown.contains(frenchDecimal), qPrintable(shown));
        QVERIFY2(text.contains(triggerDisplayName(reason.trigger)), qPrintable(reason.trigger));
        QVERIFY2(!text.contains(reason.trigger), qPrintable(reason.trigger));
    }
    QVERIFY(stored.contains(QStringLiteral("low_confidence")));
    // The catalogue's own words: "confidence %1 below %2" reads "confiance %1 sous %2".
    QVERIFY2(text.contains(QRegularExpression(QStringLiteral("confiance 0,\\d\\d sous 0,90"))),
             qPrintable(text));

    // The chips name the same triggers with the same function, in colours fixed per trigger.
    chips = chipsOnCurrentRow(window);
    QCOMPARE(chips.triggers, stored);
    for (qsizetype i = 0; i < chips.triggers.size(); ++i) {
        QCOMPARE(chips.texts.at(i), triggerDisplayName(chips.triggers.at(i)));
        QCOMPARE(chips.colours.at(i), triggerColour(chips.triggers.at(i)));
    }
}

QTEST_MAIN(TestReasonLanguage)
#include "tst_reasonlanguage.moc"
