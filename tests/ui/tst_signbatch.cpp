// A clinician signs a decided batch from the keyboard alone: Review ▸ Sign batch… (Ctrl+Shift+S)
// asks the user id and the password the first time, shows the printed name that will be
// recorded, takes the meaning by its key, and records the signature; the second signing in the
// same window asks only the password. The status bar shows who signed, when and with which
// meaning; a wrong password signs nothing and says so.
#include "dialogs/signbatchdialog.h"
#include "mainwindow.h"
#include "panels/flagreasonspanel.h"
#include "reviewfixture.h"
#include "store/projectstore.h"
#include "windowfixture.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

using namespace Boucle;
using namespace Boucle::Testing;

namespace {

const QString password = QStringLiteral("s3cret pass");

} // namespace

class TestSignBatch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void signsByKeyboardThenAsksOnlyThePassword();

private:
    // Presses Ctrl+Shift+S and, once the dialog is up, lets `fill` work in it.
    void signWith(const std::function<void(SignBatchDialog &)> &fill);
    QList<SignatureRecord> signaturesOnDisk() const;

    WindowFixture m_window;
    ReviewFixture m_fixture;
};

void TestSignBatch::initTestCase()
{
    WindowFixture::isolateSettings(QStringLiteral("tst_signbatch"));
}

void TestSignBatch::init()
{
    QVERIFY(m_window.prepare());
}

void TestSignBatch::cleanup()
{
    m_window.reset();
}

void TestSignBatch::signWith(const std::function<void(SignBatchDialog &)> &fill)
{
    bool seen = false;
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [&seen, &fill, poll] {
        auto *dialog = qobject_cast<SignBatchDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll->stop();
        poll->deleteLater();
        seen = true;
        fill(*dialog);
        // A check that failed inside leaves the dialog open: close it so the test ends.
        if (dialog->isVisible())
            dialog->reject();
    });
    poll->start(20);
    m_window.press(Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(seen);
}

QList<SignatureRecord> TestSignBatch::signaturesOnDisk() const
{
    ProjectStore store;
    if (store.open(m_window.projectPath(), ProjectStore::OpenMode::ReadOnly))
        return {};
    return store.signatures(m_fixture.batch.id);
}

void TestSignBatch::signsByKeyboardThenAsksOnlyThePassword()
{
    QVERIFY(!m_window.createProject([this](ProjectStore &store) {
        if (StoreError error = makeReviewFixture(store, 2, m_fixture))
            return error;
        return store.enrolSigner(QStringLiteral("ann"), QStringLiteral("Dr Ann Smith"), password);
    }));
    QVERIFY(!m_window.openWindow());
    for (int i = 0; i < 2; ++i)
        m_window.press(Qt::Key_A);
    QTRY_COMPARE(m_window.statusOnDisk(m_fixture.items.at(1).id), ReviewStatus::Approved);

    // A wrong password: nothing is signed, and the window says why.
    signWith([](SignBatchDialog &dialog) {
        QVERIFY(dialog.idField()->hasFocus());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("ann"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("not it"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    });
    QTRY_VERIFY(m_window.window()->statusBar()->currentMessage().contains(
            QStringLiteral("password of ann is wrong")));
    QVERIFY(signaturesOnDisk().isEmpty());

    // The first signing: id, password, the printed name shown, the meaning by its key.
    QString shownName;
    signWith([&shownName](SignBatchDialog &dialog) {
        QVERIFY(dialog.idField()->hasFocus());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("ann"));
        shownName = dialog.printedNameLabel()->text();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY(dialog.passwordField()->hasFocus());
        QCOMPARE(dialog.passwordField()->echoMode(), QLineEdit::Password);
        QTest::keyClicks(QApplication::focusWidget(), password);
        // To the meanings (the checked one takes the focus), one down: approved.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QCOMPARE(dialog.meaning(), SignatureMeaning::Approved);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    });
    QCOMPARE(shownName, QStringLiteral("Dr Ann Smith"));
    QTRY_COMPARE(signaturesOnDisk().size(), 1);
    auto signatures = signaturesOnDisk();
    QCOMPARE(signatures.at(0).printedName, QStringLiteral("Dr Ann Smith"));
    QCOMPARE(signatures.at(0).signerId, QStringLiteral("ann"));
    QCOMPARE(signatures.at(0).meaning, SignatureMeaning::Approved);
    QVERIFY(qAbs(signatures.at(0).signedAt.secsTo(QDateTime::currentDateTimeUtc())) < 3600);
    const QString shown = m_window.window()->signaturesLabel()->text();
    QVERIFY2(shown.contains(QStringLiteral("Dr Ann Smith")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("approved")), qPrintable(shown));
    // The history of the item shown lists the signature of its batch.
    QTRY_VERIFY(m_window.window()->reasonsPanel()->toPlainText().contains(
            QStringLiteral("batch signed by Dr Ann Smith (ann) as approved")));

    // The second signing in this window: the id is kept, only the password is asked.
    signWith([](SignBatchDialog &dialog) {
        QVERIFY(dialog.idField()->isReadOnly());
        QCOMPARE(dialog.idField()->text(), QStringLiteral("ann"));
        QVERIFY(dialog.passwordField()->hasFocus());
        QTest::keyClicks(QApplication::focusWidget(), password);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        for (int i = 0; i < 2; ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QCOMPARE(dialog.meaning(), SignatureMeaning::Responsible);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    });
    QTRY_COMPARE(signaturesOnDisk().size(), 2);
    signatures = signaturesOnDisk();
    QCOMPARE(signatures.at(1).meaning, SignatureMeaning::Responsible);
    QVERIFY(m_window.window()->signaturesLabel()->text().contains(QStringLiteral("responsible")));

    // The signed batch takes no more decisions: undo is refused with the signature named.
    m_window.press(Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY(m_window.window()->statusBar()->currentMessage().contains(
            QStringLiteral("signed batch")));
    QCOMPARE(m_window.statusOnDisk(m_fixture.items.at(1).id), ReviewStatus::Approved);
}

QTEST_MAIN(TestSignBatch)
#include "tst_signbatch.moc"
