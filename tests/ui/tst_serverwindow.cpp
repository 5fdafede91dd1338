// The window on a PostgreSQL server project, as a teammate sees it. A server that asks for a
// password: the window asks for it (echo off), says so when the server refuses it and asks
// again, reports the server's refusal when the person cancels, and keeps a password that worked
// for this process only, so the window's own background connections reach the server too; a
// window nobody sees never asks. A teammate with the annotator role reviews under their
// database user's name and is not offered what is a lead's (import, commit, project settings).
// The server is a throwaway cluster with scram-sha-256 on its socket.
#include "mainwindow.h"
#include "postgrescluster.h"
#include "windowfixture.h"

#include "review/reviewsession.h"
#include "store/projectstore.h"
#include "store/serverconnection.h"

#include <QApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Boucle;
using namespace Boucle::Testing;

namespace {

const QString rightPassword = QStringLiteral("correct horse");

} // namespace

class TestServerWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void cancellingThePromptReportsTheServersRefusal();
    void aRefusedPasswordIsAskedAgainAndAGoodOneOpens();
    void aHiddenWindowNeverAsks();
    void anAnnotatorReviewsUnderTheirOwnNameAndIsOfferedNoLeadAction();
    void aViewerIsOfferedNoDecision();

private:
    // Answers the next password prompts in turn: each answer is typed and accepted, an empty
    // optional cancels. The prompts' texts and echo modes are kept.
    void answerPrompts(QList<std::optional<QString>> answers);
    ProjectLocation location() const;

    PostgresCluster m_cluster;
    WindowFixture m_fixture;
    QString m_url;
    QStringList m_promptTexts;
    QList<QLineEdit::EchoMode> m_echoModes;
};

void TestServerWindow::initTestCase()
{
    WindowFixture::isolateSettings(QStringLiteral("tst_serverwindow"));
    // Only the prompt may give a password: no password file, no PGPASSWORD.
    qputenv("PGPASSFILE", QFile::encodeName(QDir::tempPath() + QStringLiteral("/no-such-pgpass")));
    qunsetenv("PGPASSWORD");
    if (!ServerConnection::driverAvailable())
        QFAIL("Qt's PostgreSQL driver is not installed (Debian libqt6sql6-psql)");
    m_cluster.requirePassword(rightPassword);
    QVERIFY2(m_cluster.start(), qPrintable(m_cluster.problem()));
    m_url = m_cluster.projectUrl(QStringLiteral("guarded"));
    ProjectStore store;
    store.setServerPassword(rightPassword);
    const auto created = store.create(m_url, QDir::tempPath());
    QVERIFY2(!created, qPrintable(created.message));
}

void TestServerWindow::init()
{
    QVERIFY(m_fixture.prepare());
    ServerConnection::forgetPassword(location());
    m_promptTexts.clear();
    m_echoModes.clear();
}

void TestServerWindow::cleanup()
{
    m_fixture.reset();
}

ProjectLocation TestServerWindow::location() const
{
    return ProjectLocation::parse(m_url).value;
}

void TestServerWindow::answerPrompts(QList<std::optional<QString>> answers)
{
    if (answers.isEmpty())
        return;
    QTimer::singleShot(50, this, [this, answers]() mutable {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            answerPrompts(answers); // not shown yet: look again
            return;
        }
        m_promptTexts << dialog->labelText();
        m_echoModes << dialog->textEchoMode();
        const auto answer = answers.takeFirst();
        if (answer) {
            auto *field = dialog->findChild<QLineEdit *>();
            QVERIFY(field);
            field->setFocus();
            QTest::keyClicks(field, *answer);
            QTest::keyClick(field, Qt::Key_Return);
        } else {
            QTest::keyClick(dialog, Qt::Key_Escape);
        }
        answerPrompts(answers);
    });
}

void TestServerWindow::cancellingThePromptReportsTheServersRefusal()
{
    QVERIFY(m_fixture.showWindow());
    answerPrompts({std::nullopt});
    const auto error = m_fixture.window()->openProject(m_url);
    QVERIFY(error);
    QVERIFY2(ServerConnection::needsPassword(error), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("~/.pgpass")), qPrintable(error.message));
    QCOMPARE(m_promptTexts.size(), 1);
    QVERIFY2(m_promptTexts.first().contains(location().displayText()),
             qPrintable(m_promptTexts.first()));
    QCOMPARE(m_echoModes.first(), QLineEdit::Password);
    // Nothing was kept: a connection of its own still needs a password.
    ProjectStore store;
    QVERIFY(ServerConnection::needsPassword(store.open(m_url)));
}

void TestServerWindow::aRefusedPasswordIsAskedAgainAndAGoodOneOpens()
{
    QVERIFY(m_fixture.showWindow());
    answerPrompts({QStringLiteral("wrong"), rightPassword});
    const auto error = m_fixture.window()->openProject(m_url);
    QVERIFY2(!error, qPrintable(error.message));
    QCOMPARE(m_promptTexts.size(), 2);
    QVERIFY2(!m_promptTexts.at(0).contains(QStringLiteral("refused")),
             qPrintable(m_promptTexts.at(0)));
    QVERIFY2(m_promptTexts.at(1).contains(QStringLiteral("refused")),
             qPrintable(m_promptTexts.at(1)));
    QVERIFY2(m_fixture.window()->windowTitle().contains(location().displayText()),
             qPrintable(m_fixture.window()->windowTitle()));
    // An import or a loader opens a connection of its own: the password that worked is kept
    // for this process.
    ProjectStore background;
    const auto opened = background.open(m_url, ProjectStore::OpenMode::ReadOnly);
    QVERIFY2(!opened, qPrintable(opened.message));
}

void TestServerWindow::aHiddenWindowNeverAsks()
{
    MainWindow hidden;
    const auto error = hidden.openProject(m_url);
    QVERIFY(ServerConnection::needsPassword(error));
    QVERIFY(!QApplication::activeModalWidget());
}

void TestServerWindow::anAnnotatorReviewsUnderTheirOwnNameAndIsOfferedNoLeadAction()
{
    ProjectStore owner;
    owner.setServerPassword(rightPassword);
    QVERIFY(!owner.open(m_url));
    QString problem;
    {
        ProjectStore admin;
        admin.setServerPassword(rightPassword);
        QVERIFY(!admin.open(m_url));
        QSqlQuery create(admin.database());
        QVERIFY2(create.exec(QStringLiteral("CREATE ROLE alice LOGIN PASSWORD 'alice pw'")),
                 qPrintable(create.lastError().text()));
    }
    const auto granted = owner.grantRole(QStringLiteral("alice"), ProjectRole::Annotator);
    QVERIFY2(!granted, qPrintable(granted.message));

    QVERIFY(m_fixture.showWindow());
    answerPrompts({QStringLiteral("alice pw")});
    const QString aliceUrl = QString(m_url).replace(QStringLiteral("postgresql://postgres@"),
                                                    QStringLiteral("postgresql://alice@"));
    const auto error = m_fixture.window()->openProject(aliceUrl);
    QVERIFY2(!error, qPrintable(error.message));
    MainWindow *window = m_fixture.window();
    // The settings say "ada"; the server only takes alice's own name from her.
    QCOMPARE(window->store()->sessionUser(), QStringLiteral("alice"));
    QCOMPARE(window->session()->reviewer(), QStringLiteral("alice"));
    QVERIFY2(window->lastMessage().contains(QStringLiteral("alice is an annotator")),
             qPrintable(window->lastMessage()));
    const auto actions = window->findChildren<QAction *>();
    auto named = [&](const QString &text) -> QAction * {
        for (QAction *action : actions)
            if (action->text().remove(QLatin1Char('&')).startsWith(text))
                return action;
        return nullptr;
    };
    for (const QString &lead : {QStringLiteral("Commit"), QStringLiteral("Import")}) {
        QAction *action = named(lead);
        QVERIFY2(action, qPrintable(lead));
        QVERIFY2(!action->isEnabled(), qPrintable(lead));
    }
    QAction *exporting = named(QStringLiteral("Export"));
    QVERIFY(exporting);
    QVERIFY(exporting->isEnabled());
}

void TestServerWindow::aViewerIsOfferedNoDecision()
{
    ProjectStore owner;
    owner.setServerPassword(rightPassword);
    QVERIFY(!owner.open(m_url));
    {
        QSqlQuery create(owner.database());
        QVERIFY2(create.exec(QStringLiteral("CREATE ROLE victor LOGIN PASSWORD 'victor pw'")),
                 qPrintable(create.lastError().text()));
    }
    const auto granted = owner.grantRole(QStringLiteral("victor"), ProjectRole::Viewer);
    QVERIFY2(!granted, qPrintable(granted.message));

    QVERIFY(m_fixture.showWindow());
    answerPrompts({QStringLiteral("victor pw")});
    const QString victorUrl = QString(m_url).replace(QStringLiteral("postgresql://postgres@"),
                                                     QStringLiteral("postgresql://victor@"));
    const auto error = m_fixture.window()->openProject(victorUrl);
    QVERIFY2(!error, qPrintable(error.message));
    MainWindow *window = m_fixture.window();
    QVERIFY2(window->lastMessage().contains(QStringLiteral("victor is a viewer")),
             qPrintable(window->lastMessage()));
    QVERIFY2(window->lastMessage().contains(QStringLiteral("not changed")),
             qPrintable(window->lastMessage()));
    int decisions = 0;
    for (QAction *action : window->findChildren<QAction *>()) {
        const QString text = action->text().remove(QLatin1Char('&'));
        for (const QString &decision :
             {QStringLiteral("Approve"), QStringLiteral("Override"), QStringLiteral("Relabel")}) {
            if (text.startsWith(decision)) {
                ++decisions;
                QVERIFY2(!action->isEnabled(), qPrintable(text));
            }
        }
    }
    QVERIFY(decisions >= 3);
    // Closing the project gives the next one its keys back.
    window->closeProject();
    for (QAction *action : window->findChildren<QAction *>()) {
        if (action->text().remove(QLatin1Char('&')) == QStringLiteral("Approve"))
            QVERIFY(action->isEnabled());
    }
}

QTEST_MAIN(TestServerWindow)
#include "tst_serverwindow.moc"
