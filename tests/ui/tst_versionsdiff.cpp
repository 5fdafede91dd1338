// The Versions panel as a reviewer reads it: decisions taken by keys and undone by Ctrl+Z show
// in the diff of the working state at once, an undone override leaves no row, any version can be
// compared with the working state (every change after it included), and the line naming the
// diff is never cut, in French either.
#include "panels/versionspanel.h"
#include "reviewfixture.h"
#include "uilanguage.h"
#include "windowfixture.h"

#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

namespace {

// A row as the table shows it: sample, old → new, who, comment.
struct ShownRow
{
    QString sample;
    QString change;
    QString who;
    QString comment;
};

StoreError addLabel(ProjectStore &store, SampleId sample, const QString &label,
                    const QString &author)
{
    LabelRevision revision;
    revision.sampleId = sample;
    revision.label = label;
    revision.author = author;
    revision.reason = QStringLiteral("earlier annotation");
    return store.addLabelRevision(revision);
}

} // namespace

class TestVersionsDiff : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void undoneOverrideLeavesNoRow();
    void anyVersionAgainstTheWorkingState();
    void diffLineIsNotCutInFrench();

private:
    // Version 1 labels sample 1 "dog" (Carl); version 2 labels sample 0 "cat" (Bob). The batch's
    // first item is sample 0, predicted "cat".
    void openProjectWithTwoVersions();
    VersionsPanel *showPanel();
    QList<ShownRow> rows() const;
    void chooseFrom(int version);

    WindowFixture m_fixture;
    ReviewFixture m_review;
    VersionsPanel *m_panel = nullptr;
};

void TestVersionsDiff::initTestCase()
{
    WindowFixture::isolateSettings(QStringLiteral("tst_versionsdiff"));
}

void TestVersionsDiff::init()
{
    QVERIFY(m_fixture.prepare());
}

void TestVersionsDiff::cleanup()
{
    m_panel = nullptr;
    m_fixture.reset();
    UiLanguage::uninstall();
}

void TestVersionsDiff::openProjectWithTwoVersions()
{
    const QString images = m_fixture.filePath(QStringLiteral("images"));
    QVERIFY(!m_fixture.createProject([this, images](ProjectStore &store) -> StoreError {
        if (auto error = makeReviewFixture(store, 6, m_review, images))
            return error;
        if (auto error = addLabel(store, m_review.items.at(1).sampleId, QStringLiteral("dog"),
                                  QStringLiteral("carl")))
            return error;
        if (auto error = store.commitVersion(QStringLiteral("carl"), QStringLiteral("first")))
            return error;
        if (auto error = addLabel(store, m_review.items.at(0).sampleId, QStringLiteral("cat"),
                                  QStringLiteral("bob")))
            return error;
        return store.commitVersion(QStringLiteral("bob"), QStringLiteral("second"));
    }));
    QVERIFY(!m_fixture.openWindow(QSize(1400, 900)));
}

VersionsPanel *TestVersionsDiff::showPanel()
{
    auto *panel = m_fixture.window()->findChild<VersionsPanel *>();
    auto *dock = m_fixture.window()->findChild<QDockWidget *>(QStringLiteral("versionsDock"));
    if (!panel || !dock || !dock->isAncestorOf(panel))
        return nullptr;
    // As from View ▸ Panels, should it have been closed.
    if (dock->isHidden())
        dock->toggleViewAction()->trigger();
    m_fixture.settle();
    return dock->isVisible() ? panel : nullptr;
}

QList<ShownRow> TestVersionsDiff::rows() const
{
    QList<ShownRow> shown;
    const QTableWidget *table = m_panel->diffTable();
    for (int row = 0; row < table->rowCount(); ++row) {
        auto text = [table, row](int column) {
            return table->item(row, column) ? table->item(row, column)->text() : QString();
        };
        shown.append({text(0), text(1), text(2), text(4)});
    }
    return shown;
}

void TestVersionsDiff::chooseFrom(int version)
{
    // Double-clicking the version in the log compares it with the working state (a person's
    // double-click: a click, then the second press).
    QTableWidget *log = m_panel->logTable();
    for (int row = 0; row < log->rowCount(); ++row) {
        if (log->item(row, 0)->text() == QStringLiteral("v%1").arg(version)) {
            const QRect cell = log->visualRect(log->model()->index(row, 0));
            QTest::mouseClick(log->viewport(), Qt::LeftButton, {}, cell.center());
            QTest::mouseDClick(log->viewport(), Qt::LeftButton, {}, cell.center());
            QCoreApplication::processEvents();
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("v%1 is not in the log").arg(version)));
}

void TestVersionsDiff::undoneOverrideLeavesNoRow()
{
    openProjectWithTwoVersions();
    m_panel = showPanel();
    QVERIFY(m_panel);
    // The newest version against the working state, nothing changed yet.
    QCOMPARE(m_panel->fromBox()->currentText(), QStringLiteral("v2"));
    QVERIFY(rows().isEmpty());

    // Sample 0 is a cat in version 2; the reviewer says dog, then takes it back.
    m_fixture.press(Qt::Key_2);
    m_fixture.press(Qt::Key_O);
    const SampleId first = m_review.items.at(0).sampleId;
    QCOMPARE(m_fixture.labelOnDisk(first), QStringLiteral("dog"));
    QList<ShownRow> shown = rows();
    QCOMPARE(shown.size(), 1);
    QCOMPARE(shown.first().sample, QStringLiteral("images/sample_0000.png"));
    QCOMPARE(shown.first().change, QStringLiteral("cat → dog"));
    QCOMPARE(shown.first().who, QStringLiteral("ada"));

    m_fixture.press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_fixture.labelOnDisk(first), QStringLiteral("cat"));
    QVERIFY(rows().isEmpty());
    QVERIFY2(m_panel->diffSummary()->text().contains(QStringLiteral("no sample differs")),
             qPrintable(m_panel->diffSummary()->text()));
    QVERIFY2(m_panel->toBox()->currentText().contains(QStringLiteral("(0 change")),
             qPrintable(m_panel->toBox()->currentText()));

    // Against version 1 the sample is what version 2 made it, by Bob, not by the undo.
    chooseFrom(1);
    QCOMPARE(m_panel->fromBox()->currentText(), QStringLiteral("v1"));
    shown = rows();
    QCOMPARE(shown.size(), 1);
    QCOMPARE(shown.first().change, QStringLiteral("(none) → cat"));
    QCOMPARE(shown.first().who, QStringLiteral("bob"));
    QVERIFY2(!shown.first().comment.contains(QStringLiteral("undo")),
             qPrintable(shown.first().comment));

    // Redo brings the override back.
    m_fixture.press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    shown = rows();
    QCOMPARE(shown.size(), 1);
    QCOMPARE(shown.first().change, QStringLiteral("(none) → dog"));
    QCOMPARE(shown.first().who, QStringLiteral("ada"));
}

void TestVersionsDiff::anyVersionAgainstTheWorkingState()
{
    openProjectWithTwoVersions();
    m_panel = showPanel();
    QVERIFY(m_panel);
    // Approve sample 0 (a cat already: no change), override sample 1 (dog in version 1) to
    // bird, approve sample 2 (bird, never labelled).
    m_fixture.press(Qt::Key_A);
    m_fixture.press(Qt::Key_3);
    m_fixture.press(Qt::Key_O);
    m_fixture.press(Qt::Key_A);
    QCOMPARE(m_fixture.labelOnDisk(m_review.items.at(2).sampleId), QStringLiteral("bird"));

    auto changes = [this] {
        QStringList list;
        for (const auto &row : rows())
            list.append(row.sample.section(QLatin1Char('/'), -1) + QLatin1Char(' ') + row.change);
        return list;
    };
    QCOMPARE(changes(), (QStringList {QStringLiteral("sample_0001.png dog → bird"),
                                      QStringLiteral("sample_0002.png (none) → bird")}));
    // Version 1 against the working state includes what version 2 changed.
    chooseFrom(1);
    QCOMPARE(changes(), (QStringList {QStringLiteral("sample_0000.png (none) → cat"),
                                      QStringLiteral("sample_0001.png dog → bird"),
                                      QStringLiteral("sample_0002.png (none) → bird")}));
    // The empty dataset, chosen in the box by keys.
    QComboBox *from = m_panel->fromBox();
    from->setFocus();
    m_fixture.press(Qt::Key_Home);
    QCOMPARE(from->currentText(), QStringLiteral("empty (v0)"));
    QCOMPARE(changes().size(), 3);
    QCOMPARE(changes().at(1), QStringLiteral("sample_0001.png (none) → bird"));
    // Two versions compared: only what version 2 did.
    QComboBox *to = m_panel->toBox();
    to->setFocus();
    m_fixture.press(Qt::Key_Up);
    QCOMPARE(to->currentText(), QStringLiteral("v2"));
    from->setFocus();
    m_fixture.press(Qt::Key_Down);
    QCOMPARE(from->currentText(), QStringLiteral("v1"));
    QCOMPARE(changes(), (QStringList {QStringLiteral("sample_0000.png (none) → cat")}));
    QCOMPARE(rows().first().who, QStringLiteral("bob"));
}

void TestVersionsDiff::diffLineIsNotCutInFrench()
{
    QVERIFY(UiLanguage::install(QLocale(QLocale::French, QLocale::France)));
    openProjectWithTwoVersions();
    m_panel = showPanel();
    QVERIFY(m_panel);
    m_fixture.press(Qt::Key_2);
    m_fixture.press(Qt::Key_O);
    chooseFrom(1);
    QCOMPARE(rows().size(), 1);

    // A narrow dock: the line naming the diff wraps instead of losing its end, the boxes keep
    // their whole text in a tooltip, and every column title fits its column or says it whole.
    auto *dock = m_fixture.window()->findChild<QDockWidget *>(QStringLiteral("versionsDock"));
    QVERIFY(dock);
    dock->setFloating(true);
    dock->resize(240, 700);
    m_fixture.settle();
    QTest::qWait(50); // the floating dock's first layout pass
    QLabel *summary = m_panel->diffSummary();
    QVERIFY(summary->isVisible());
    QVERIFY(summary->width() <= m_panel->width());
    QVERIFY2(summary->height() >= summary->heightForWidth(summary->width()),
             qPrintable(summary->text()));
    QVERIFY2(summary->fontMetrics().horizontalAdvance(summary->text()) > summary->width(),
             "the French line is long enough to need wrapping here");
    for (QComboBox *box : {m_panel->fromBox(), m_panel->toBox()}) {
        QVERIFY(box->width() <= m_panel->width());
        QCOMPARE(box->toolTip(), box->currentText());
    }
    const QHeaderView *header = m_panel->diffTable()->horizontalHeader();
    for (int column = 0; column < header->count(); ++column) {
        const QString title = m_panel->diffTable()->horizontalHeaderItem(column)->text();
        const bool fits = header->sectionSize(column) >= header->sectionSizeHint(column);
        const bool told = m_panel->diffTable()->horizontalHeaderItem(column)->toolTip() == title;
        QVERIFY2(fits || told, qPrintable(title));
    }
    QCOMPARE(m_panel->diffTable()->horizontalHeaderItem(1)->text(),
             QStringLiteral("Ancienne → nouvelle"));
}

QTEST_MAIN(TestVersionsDiff)
#include "tst_versionsdiff.moc"
