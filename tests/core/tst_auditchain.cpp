// verify() finds rows altered behind Boucle's back with the sqlite3 shell, and names the first.
#include "store/projectstore.h"
#include "temporaryproject.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Boucle;

class TestAuditChain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void intactProjectVerifies();
    void tamperingIsNamed_data();
    void tamperingIsNamed();

private:
    // A project with two versions, reviews and label revisions; closed so the shell can edit it.
    void buildHistory(Testing::TemporaryProject &project);
    QString m_sqlite;
};

void TestAuditChain::initTestCase()
{
    m_sqlite = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (m_sqlite.isEmpty())
        QSKIP("the sqlite3 shell (Debian package sqlite3) is not installed");
}

void TestAuditChain::buildHistory(Testing::TemporaryProject &project)
{
    auto &store = project.store();
    QList<SampleId> ids;
    for (int i = 0; i < 4; ++i) {
        SampleRecord sample;
        sample.path = QStringLiteral("%1.png").arg(i);
        QVERIFY(!store.addSample(sample));
        ids.append(sample.id);
        LabelRevision revision {
                0,  sample.id, {}, QStringLiteral("cat"), {}, QStringLiteral("ann"), {}, 0,
                {}, 0,         0};
        QVERIFY(!store.addLabelRevision(revision));
    }
    QVERIFY(!store.commitVersion(QStringLiteral("ann"), QStringLiteral("seed")));
    for (int i = 0; i < 2; ++i) {
        ReviewRecord review;
        review.sampleId = ids[i];
        review.reviewer = QStringLiteral("bob");
        review.action = ReviewAction::Override;
        review.label = QStringLiteral("dog");
        review.comment = QStringLiteral("tail");
        QVERIFY(!store.recordReview(review));
        LabelRevision revision {0,
                                ids[i],
                                {},
                                QStringLiteral("dog"),
                                {},
                                QStringLiteral("bob"),
                                QStringLiteral("tail"),
                                review.id,
                                {},
                                0,
                                0};
        QVERIFY(!store.addLabelRevision(revision));
    }
    QVERIFY(!store.commitVersion(QStringLiteral("bob"), QStringLiteral("corrections")));
    QVERIFY(store.verify().intact);
    store.close();
}

void TestAuditChain::intactProjectVerifies()
{
    Testing::TemporaryProject project;
    buildHistory(project);
    ProjectStore store;
    QVERIFY(!store.open(project.projectPath(), ProjectStore::OpenMode::ReadOnly));
    const auto report = store.verify();
    QVERIFY2(report.intact, qPrintable(report.problem));
    QCOMPARE(report.versionsChecked, 2);
    QCOMPARE(report.auditEntries, 4 + 1 + 2 + 2 + 1);
}

void TestAuditChain::tamperingIsNamed_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected");
    QTest::newRow("label changed")
            << QStringLiteral("UPDATE label_revisions SET label_id = 2 WHERE id = 3;")
            << QStringLiteral("label_revisions row 3 was altered");
    QTest::newRow("author changed")
            << QStringLiteral("UPDATE label_revisions SET author = 'eve' WHERE id = 6;")
            << QStringLiteral("label_revisions row 6 was altered");
    QTest::newRow("review comment changed") << QStringLiteral(
            "DROP TRIGGER reviews_no_update; UPDATE reviews SET comment = 'x' WHERE id = 2;")
                                            << QStringLiteral("reviews row 2 was altered");
    QTest::newRow("review deleted")
            << QStringLiteral("DROP TRIGGER reviews_no_delete; PRAGMA foreign_keys=OFF; DELETE "
                              "FROM reviews WHERE id = 1;")
            << QStringLiteral("reviews row 1 was deleted");
    QTest::newRow("version message changed")
            << QStringLiteral("UPDATE versions SET message = 'nothing to see' WHERE number = 1;")
            << QStringLiteral("versions row 1 was altered");
    QTest::newRow("revision moved to another version")
            << QStringLiteral("UPDATE label_revisions SET version_added = 1 WHERE id = 6;")
            << QStringLiteral("version 1 no longer matches");
    QTest::newRow("revision inserted")
            << QStringLiteral(
                       "INSERT INTO label_revisions (sample_id, label_id, author, created_at)"
                       " VALUES (1, 1, 'eve', '2026-01-01');")
            << QStringLiteral("label_revisions row 7 was added outside Boucle");
    QTest::newRow("audit row rewritten") << QStringLiteral(
            "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'eve' WHERE id = 2;")
                                         << QStringLiteral("audit row 2 was altered");
}

void TestAuditChain::tamperingIsNamed()
{
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    Testing::TemporaryProject project;
    buildHistory(project);

    QProcess shell;
    shell.start(m_sqlite, {project.projectPath(), sql});
    QVERIFY(shell.waitForFinished(30000));
    QVERIFY2(shell.exitCode() == 0, shell.readAllStandardError().constData());

    ProjectStore store;
    QVERIFY(!store.open(project.projectPath(), ProjectStore::OpenMode::ReadOnly));
    const auto report = store.verify();
    QVERIFY(!report.intact);
    QVERIFY2(report.problem.contains(expected), qPrintable(report.problem));
}

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_auditchain.moc"
