// Project hooks: batch_completed runs when the last item of a batch is decided and
// version_committed when a version is committed (in the window through HookRunner, on the
// command line through `boucle commit`), each with its environment, its JSON payload on stdin
// and its export; every run is recorded; a failing or slow hook never loses a decision.
#include "boucleprocess.h"
#include "dataset/datasetexporter.h"
#include "hooks/hookrunner.h"
#include "review/reviewsession.h"
#include "reviewfixture.h"
#include "temporaryproject.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// name=value lines of `env` output, for the BOUCLE_ variables.
QHash<QString, QString> boucleVariables(const QByteArray &envOutput)
{
    QHash<QString, QString> variables;
    for (const QByteArray &line : envOutput.split('\n')) {
        if (!line.startsWith("BOUCLE_"))
            continue;
        const int equals = line.indexOf('=');
        variables.insert(QString::fromUtf8(line.left(equals)),
                         QString::fromUtf8(line.mid(equals + 1)));
    }
    return variables;
}

QString quoted(const QString &path)
{
    return QLatin1Char('\'') + path + QLatin1Char('\'');
}

// A hook that writes what it was given (environment and stdin) beside the project.
QString recordingHook(const TemporaryProject &project, const QString &tag)
{
    return QStringLiteral("env > %1; cat > %2")
            .arg(quoted(project.filePath(tag + QStringLiteral(".env"))),
                 quoted(project.filePath(tag + QStringLiteral(".json"))));
}

} // namespace

class TestHooks : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void batchCompletedGetsEnvironmentPayloadAndExport();
    void batchRunsItsHookOnce();
    void versionCommittedFromTheCommandLine();
    void failingHookIsRecordedAndDecisionStays();
    void slowHookIsKilledAtTimeoutAfterDecisionIsDurable();
    void outputIsCapped();
    void hooksCommandSetsListsAndClears();
    void aServerProjectExportsIntoALocalFolder();

private:
    void decideAll();

    std::unique_ptr<TemporaryProject> m_project;
    std::unique_ptr<ReviewSession> m_session;
    std::unique_ptr<HookRunner> m_hooks;
    ReviewFixture m_fixture;
};

void TestHooks::init()
{
    m_project = std::make_unique<TemporaryProject>();
    QVERIFY(m_project->isValid());
    QVERIFY(!makeReviewFixture(m_project->store(), 4, m_fixture));
    m_session = std::make_unique<ReviewSession>(m_project->store());
    m_session->setReviewer(QStringLiteral("ada"));
    m_hooks = std::make_unique<HookRunner>(m_project->store());
    m_hooks->follow(*m_session);
}

void TestHooks::cleanup()
{
    m_hooks.reset();
    m_session.reset();
    m_project.reset();
}

// Items predict cat, dog, bird, fish in turn.
void TestHooks::decideAll()
{
    const auto &items = m_fixture.items;
    QVERIFY(!m_session->approve(items.at(0).id));
    QVERIFY(!m_session->override(items.at(1).id, QStringLiteral("cat")));
    QVERIFY(!m_session->skip(items.at(2).id));
    QVERIFY(!m_session->approve(items.at(3).id));
}

void TestHooks::batchCompletedGetsEnvironmentPayloadAndExport()
{
    auto &store = m_project->store();
    QVERIFY(!store.setSetting(QStringLiteral("hooks.batch_completed"),
                              recordingHook(*m_project, QStringLiteral("batch"))));
    QSignalSpy finished(m_hooks.get(), &HookRunner::hookFinished);
    const auto &items = m_fixture.items;
    QVERIFY(!m_session->approve(items.at(0).id));
    QVERIFY(!m_session->override(items.at(1).id, QStringLiteral("cat")));
    QVERIFY(!m_session->skip(items.at(2).id));
    QCoreApplication::processEvents();
    QCOMPARE(m_hooks->runningCount(), 0); // three of four decided: nothing runs
    QVERIFY(!m_session->approve(items.at(3).id));
    QVERIFY(finished.wait(20000));

    const auto runs = store.hookRuns();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.at(0).event, QStringLiteral("batch_completed"));
    QCOMPARE(runs.at(0).outcome, HookRunRecord::Outcome::Succeeded);
    QCOMPARE(runs.at(0).exitCode, 0);
    QCOMPARE(runs.at(0).batchId, m_fixture.batch.id);

    const auto variables
            = boucleVariables(readAll(m_project->filePath(QStringLiteral("batch.env"))));
    QCOMPARE(variables.value(QStringLiteral("BOUCLE_EVENT")), QStringLiteral("batch_completed"));
    QCOMPARE(variables.value(QStringLiteral("BOUCLE_PROJECT")), m_project->projectPath());
    QCOMPARE(variables.value(QStringLiteral("BOUCLE_BATCH")), m_fixture.batch.name);
    QCOMPARE(variables.value(QStringLiteral("BOUCLE_BATCH_ID")),
             QString::number(m_fixture.batch.id));
    QCOMPARE(variables.value(QStringLiteral("BOUCLE_VERSION")), QStringLiteral("0"));
    const QString exportPath = variables.value(QStringLiteral("BOUCLE_EXPORT_PATH"));
    QCOMPARE(exportPath,
             m_project->projectPath()
                     + QStringLiteral(".exports/batch-%1.jsonl").arg(m_fixture.batch.id));

    // The batch's decisions, one line per item in review order.
    const auto lines = readAll(exportPath).trimmed().split('\n');
    QCOMPARE(lines.size(), 4);
    const auto second = QJsonDocument::fromJson(lines.at(1)).object();
    QCOMPARE(second.value(QStringLiteral("decision")).toString(), QStringLiteral("overridden"));
    QCOMPARE(second.value(QStringLiteral("predicted")).toString(), QStringLiteral("dog"));
    QCOMPARE(second.value(QStringLiteral("label")).toString(), QStringLiteral("cat"));
    QCOMPARE(second.value(QStringLiteral("reviewer")).toString(), QStringLiteral("ada"));

    const auto payload
            = QJsonDocument::fromJson(readAll(m_project->filePath(QStringLiteral("batch.json"))))
                      .object();
    QCOMPARE(payload.value(QStringLiteral("event")).toString(), QStringLiteral("batch_completed"));
    QCOMPARE(payload.value(QStringLiteral("project")).toString(), m_project->projectPath());
    QCOMPARE(payload.value(QStringLiteral("batch")).toObject().value(QStringLiteral("name")),
             QJsonValue(m_fixture.batch.name));
    QCOMPARE(payload.value(QStringLiteral("export_path")).toString(), exportPath);
    const auto counts = payload.value(QStringLiteral("counts")).toObject();
    QCOMPARE(counts.value(QStringLiteral("approved")).toInt(), 2);
    QCOMPARE(counts.value(QStringLiteral("overridden")).toInt(), 1);
    QCOMPARE(counts.value(QStringLiteral("relabelled")).toInt(), 0);
    QCOMPARE(counts.value(QStringLiteral("skipped")).toInt(), 1);
    QCOMPARE(counts.value(QStringLiteral("escalated")).toInt(), 0);
    const auto perClass = payload.value(QStringLiteral("per_class")).toObject();
    QCOMPARE(perClass.value(QStringLiteral("dog")).toObject().value(QStringLiteral("overridden")),
             QJsonValue(1));
    QCOMPARE(perClass.value(QStringLiteral("cat")).toObject().value(QStringLiteral("approved")),
             QJsonValue(1));
    QCOMPARE(perClass.value(QStringLiteral("bird")).toObject().value(QStringLiteral("skipped")),
             QJsonValue(1));
}

void TestHooks::batchRunsItsHookOnce()
{
    QVERIFY(!m_project->store().setSetting(QStringLiteral("hooks.batch_completed"),
                                           QStringLiteral("true")));
    QSignalSpy finished(m_hooks.get(), &HookRunner::hookFinished);
    decideAll();
    QVERIFY(finished.wait(20000));
    // Undoing the last decision and redoing it completes the batch again: no second run.
    QVERIFY(!m_session->undo());
    QVERIFY(!m_session->redo());
    QCoreApplication::processEvents();
    QCOMPARE(m_hooks->runningCount(), 0);
    QCOMPARE(m_project->store().hookRuns().size(), 1);
}

void TestHooks::versionCommittedFromTheCommandLine()
{
    decideAll();
    auto &store = m_project->store();
    QVERIFY(!store.setSetting(QStringLiteral("hooks.version_committed"),
                              recordingHook(*m_project, QStringLiteral("version"))));
    m_hooks.reset();
    m_session.reset();
    store.close();

    const auto run = runBoucle({QStringLiteral("commit"), m_project->projectPath(),
                                QStringLiteral("-m"), QStringLiteral("reviewed")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains(QStringLiteral("hook version_committed: succeeded (exit 0)")),
             qPrintable(run.err));

    const auto variables
            = boucleVariables(readAll(m_project->filePath(QStringLiteral("version.env"))));
    QCOMPARE(variables.value(QStringLiteral("BOUCLE_EVENT")), QStringLiteral("version_committed"));
    QCOMPARE(variables.value(QStringLiteral("BOUCLE_VERSION")), QStringLiteral("1"));
    QCOMPARE(variables.value(QStringLiteral("BOUCLE_BATCH")), QString());
    const QString exportPath = variables.value(QStringLiteral("BOUCLE_EXPORT_PATH"));
    QCOMPARE(exportPath, m_project->projectPath() + QStringLiteral(".exports/v1.jsonl"));

    ProjectStore reopened;
    QVERIFY(!reopened.open(m_project->projectPath()));
    // The export is the version's labels as `boucle export` writes them.
    QCOMPARE(readAll(exportPath),
             DatasetExporter(reopened).render(1, DatasetExporter::Format::JsonLines).value);
    const auto payload
            = QJsonDocument::fromJson(readAll(m_project->filePath(QStringLiteral("version.json"))))
                      .object();
    QCOMPARE(payload.value(QStringLiteral("version")).toInt(), 1);
    QVERIFY(payload.value(QStringLiteral("batch")).isNull());
    // Approve cat, override dog -> cat, approve fish: three labels joined version 1.
    const auto counts = payload.value(QStringLiteral("counts")).toObject();
    QCOMPARE(counts.value(QStringLiteral("approved")).toInt(), 2);
    QCOMPARE(counts.value(QStringLiteral("overridden")).toInt(), 1);
    QCOMPARE(payload.value(QStringLiteral("changes")).toObject().value(QStringLiteral("total")),
             QJsonValue(3));
    const auto runs = reopened.hookRuns();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.at(0).event, QStringLiteral("version_committed"));
    QCOMPARE(runs.at(0).version, 1);
}

void TestHooks::failingHookIsRecordedAndDecisionStays()
{
    QVERIFY(!m_project->store().setSetting(QStringLiteral("hooks.batch_completed"),
                                           QStringLiteral("echo training failed >&2; exit 3")));
    QSignalSpy finished(m_hooks.get(), &HookRunner::hookFinished);
    decideAll();
    QVERIFY(finished.wait(20000));
    m_hooks.reset();
    m_session.reset();
    m_project->store().close();

    ProjectStore reopened;
    QVERIFY(!reopened.open(m_project->projectPath(), ProjectStore::OpenMode::ReadOnly));
    const auto runs = reopened.hookRuns();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.at(0).outcome, HookRunRecord::Outcome::Failed);
    QCOMPARE(runs.at(0).exitCode, 3);
    QCOMPARE(runs.at(0).output, QByteArray("training failed\n"));
    const auto batch = reopened.batch(m_fixture.batch.id);
    QCOMPARE(batch->decidedCount, 4);
    QCOMPARE(reopened.currentLabel(m_fixture.items.at(1).sampleId), QStringLiteral("cat"));
}

void TestHooks::slowHookIsKilledAtTimeoutAfterDecisionIsDurable()
{
    auto &store = m_project->store();
    const QString started = m_project->filePath(QStringLiteral("started"));
    QVERIFY(!store.setSetting(QStringLiteral("hooks.timeout_seconds"), QStringLiteral("1")));
    QVERIFY(!store.setSetting(
            QStringLiteral("hooks.batch_completed"),
            QStringLiteral("echo begun; touch %1; sleep 60").arg(quoted(started))));
    QSignalSpy finished(m_hooks.get(), &HookRunner::hookFinished);
    decideAll();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(started), 20000);
    // The hook is running: another connection already sees every decision.
    {
        ProjectStore other;
        QVERIFY(!other.open(m_project->projectPath(), ProjectStore::OpenMode::ReadOnly));
        QCOMPARE(other.batch(m_fixture.batch.id)->decidedCount, 4);
        QCOMPARE(other.hookRuns().size(), 0);
    }
    QVERIFY(finished.wait(30000));
    const auto runs = store.hookRuns();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.at(0).outcome, HookRunRecord::Outcome::TimedOut);
    QCOMPARE(runs.at(0).exitCode, -1);
    QVERIFY(runs.at(0).output.startsWith("begun\n"));
    QVERIFY2(runs.at(0).output.contains("killed after 1 second"), runs.at(0).output.constData());
    QVERIFY(runs.at(0).durationMs < 30000);
    QCOMPARE(store.batch(m_fixture.batch.id)->decidedCount, 4);
}

void TestHooks::outputIsCapped()
{
    QVERIFY(!m_project->store().setSetting(QStringLiteral("hooks.batch_completed"),
                                           QStringLiteral("yes x | head -c 200000")));
    QSignalSpy finished(m_hooks.get(), &HookRunner::hookFinished);
    decideAll();
    QVERIFY(finished.wait(20000));
    const auto run = m_project->store().hookRuns().at(0);
    QCOMPARE(run.outcome, HookRunRecord::Outcome::Succeeded);
    QCOMPARE(run.output.size(), HookRunRecord::outputCap);
    QVERIFY(run.outputTruncated);
}

void TestHooks::hooksCommandSetsListsAndClears()
{
    m_hooks.reset();
    m_session.reset();
    m_project->store().close();
    const QString project = m_project->projectPath();
    auto run = runBoucle({QStringLiteral("hooks"), project, QStringLiteral("--batch-completed"),
                          QStringLiteral("make train"), QStringLiteral("--version-committed"),
                          QStringLiteral("./deploy.sh"), QStringLiteral("--timeout"),
                          QStringLiteral("30")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("batch_completed: make train\n")),
             qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("version_committed: ./deploy.sh\n")));
    QVERIFY(run.out.contains(QStringLiteral("timeout: 30 s\n")));
    run = runBoucle({QStringLiteral("hooks"), project, QStringLiteral("--clear"),
                     QStringLiteral("version_committed")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("version_committed: (not set)\n")));
    QVERIFY(run.out.contains(QStringLiteral("batch_completed: make train\n")));
    run = runBoucle({QStringLiteral("hooks"), project, QStringLiteral("--runs")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("no hook has run")));
    run = runBoucle({QStringLiteral("hooks"), project, QStringLiteral("--clear"),
                     QStringLiteral("sometimes")});
    QCOMPARE(run.exitCode, 2);
}

// A server project has no folder: its address must not become one (a "postgresql:" folder in
// the current one); its hooks' exports go to a folder of the user's local data.
void TestHooks::aServerProjectExportsIntoALocalFolder()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString address
            = QStringLiteral("postgresql://ana@db.lab:5433/boucle?project=digits&host=/run/pg");
    const QString folder = HookInvocation::exportFolder(address);
    const QString local = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QVERIFY2(folder.startsWith(local + QStringLiteral("/server-exports/")), qPrintable(folder));
    QCOMPARE(QFileInfo(folder).fileName(), QStringLiteral("_run_pg_boucle_digits"));
    QCOMPARE(HookInvocation::workingFolder(address), folder);
    QVERIFY(!folder.contains(QStringLiteral("postgresql:")));
    // A file project keeps its exports beside it.
    QCOMPARE(HookInvocation::exportFolder(QStringLiteral("/data/a.boucle")),
             QStringLiteral("/data/a.boucle.exports"));
    QCOMPARE(HookInvocation::workingFolder(QStringLiteral("/data/a.boucle")),
             QStringLiteral("/data"));
}

QTEST_GUILESS_MAIN(TestHooks)
#include "tst_hooks.moc"
