// What is recorded of sample files after import (schema 7): the import's stat (in the sample's
// row from schema 15), the background hasher's SHA-256 with the size and time it was taken at,
// the sentence a changed file gets, and projects of schema 6 upgraded to hold them.
#include "ingest/backgroundcontenthasher.h"
#include "ingest/datarootfile.h"
#include "ingest/logimporter.h"
#include "ingest/samplefilechange.h"
#include "ingest/samplefileprobe.h"
#include "store/projectstore.h"
#include "store/schemamigrations.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/time.h>

using namespace Boucle;

namespace {

QByteArray sha256Of(const QByteArray &content)
{
    return QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// Moves the file's modification time, as an editor saving it a minute later would.
bool setModified(const QString &path, qint64 seconds)
{
    const timeval times[2] = {{seconds, 0}, {seconds, 0}};
    return ::utimes(QFile::encodeName(path).constData(), times) == 0;
}

// A hashed observation of `content` as the background hasher records it, at `seconds`.
QList<ContentObservation> hashedObservation(SampleId sample, const QByteArray &content,
                                            qint64 seconds)
{
    QList<ContentObservation> observed(1);
    observed[0].sampleId = sample;
    observed[0].sha256 = sha256Of(content);
    observed[0].byteSize = content.size();
    observed[0].modifiedNs = seconds * 1000000000;
    return observed;
}

} // namespace

class TestContentObservations : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void importRecordsWhatItSaw();
    void logImportRecordsEverySample();
    void backgroundHasherHashesEachFileOnce();
    void backgroundHasherTakesUpWhereTheStoreLeftOff();
    void changedFileIsNoticed();
    void touchedButUnchangedFileIsNotAChange();
    void missingFileIsNoticed();
    void observationsAreAppendOnly();
    void schema6ProjectIsUpgraded();

private:
    // A project whose data root holds `count` files, each added through the import's probe.
    void makeProject(int count);
    QString dataFile(int i) const
    {
        return m_dir->filePath(QStringLiteral("data/images/%1.png").arg(i));
    }
    QByteArray contentOf(int i) const { return QByteArray(1000 + i * 10, char('a' + i)); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectStore> m_store;
    QList<SampleId> m_ids;
};

void TestContentObservations::init()
{
    m_store.reset();
    m_ids.clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestContentObservations::makeProject(int count)
{
    m_store = std::make_unique<ProjectStore>();
    QVERIFY(!m_store->create(m_dir->filePath(QStringLiteral("p.boucle")), QStringLiteral("data")));
    const DataRootFile root(m_store->dataRoot(), m_store->path());
    for (int i = 0; i < count; ++i) {
        QVERIFY(writeFile(dataFile(i), contentOf(i)));
        QVERIFY(setModified(dataFile(i), 1700000000 + i));
        SampleRecord sample;
        sample.path = QStringLiteral("images/%1.png").arg(i);
        QString refusal;
        QVERIFY(SampleFileProbe::inspect(root, sample.path, sample, &refusal));
        QVERIFY(!m_store->addSample(sample));
        m_ids.append(sample.id);
    }
}

void TestContentObservations::importRecordsWhatItSaw()
{
    makeProject(2);
    const auto seen = m_store->contentObservations(m_ids.at(1));
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.at(0).source, ContentObservation::Source::Import);
    QCOMPARE(seen.at(0).byteSize, contentOf(1).size());
    QCOMPARE(seen.at(0).modifiedNs, qint64(1700000001) * 1000000000);
    QVERIFY(!seen.at(0).isHashed());
    QVERIFY(m_store->knownContentHash(m_ids.at(1)).isEmpty());
    QCOMPARE(m_store->samplesAwaitingHashCount(), 2);
    QCOMPARE(SampleFileChange::noticeFor(*m_store, m_ids.at(1)), QString());
}

// A prediction log's samples are written in bulk: every one of them, not only the first, keeps
// what the import saw of its file.
void TestContentObservations::logImportRecordsEverySample()
{
    m_store = std::make_unique<ProjectStore>();
    QVERIFY(!m_store->create(m_dir->filePath(QStringLiteral("p.boucle")), QStringLiteral("data")));
    constexpr int count = 5;
    QByteArray log;
    for (int i = 0; i < count; ++i) {
        QVERIFY(writeFile(dataFile(i), contentOf(i)));
        QVERIFY(setModified(dataFile(i), 1700000000 + i));
        log += QStringLiteral("{\"sample\": \"images/%1.png\", \"model\": \"m@1\", \"label\": "
                              "\"a\", \"confidence\": 0.5}\n")
                       .arg(i)
                       .toUtf8();
    }
    // One line names a file that is not there: it is stored as missing, with nothing seen.
    log += "{\"sample\": \"images/gone.png\", \"model\": \"m@1\", \"label\": \"a\", "
           "\"confidence\": 0.5}\n";
    const QString logPath = m_dir->filePath(QStringLiteral("data/log.jsonl"));
    QVERIFY(writeFile(logPath, log));
    LogImporter importer(*m_store);
    const auto report = importer.import(logPath);
    QVERIFY2(report.isSuccess(), qPrintable(report.summary() + report.problemList()));
    for (int i = 0; i < count; ++i) {
        const auto sample = m_store->sampleByPath(QStringLiteral("images/%1.png").arg(i));
        QVERIFY(sample);
        const auto seen = m_store->contentObservations(sample->id);
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.at(0).source, ContentObservation::Source::Import);
        QCOMPARE(seen.at(0).byteSize, contentOf(i).size());
        QCOMPARE(seen.at(0).modifiedNs, qint64(1700000000 + i) * 1000000000);
    }
    const auto gone = m_store->sampleByPath(QStringLiteral("images/gone.png"));
    QVERIFY(gone && gone->missing);
    QVERIFY(m_store->contentObservations(gone->id).isEmpty());
    // Kept in the samples' rows: no observation row of its own, nothing for the missing file.
    QSqlQuery query(m_store->database());
    QVERIFY(query.exec(
            QStringLiteral("SELECT (SELECT count(*) FROM content_observations),"
                           " (SELECT count(*) FROM samples WHERE modified_ns IS NULL)")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    QCOMPARE(query.value(1).toInt(), 1);
    const auto first = m_store->sampleByPath(QStringLiteral("images/0.png"));
    const auto seen = m_store->contentObservations(first->id);
    QCOMPARE(seen.at(0).id, qint64(0));
    QCOMPARE(seen.at(0).observedAt, first->addedAt);
}

void TestContentObservations::backgroundHasherHashesEachFileOnce()
{
    makeProject(7);
    {
        BackgroundContentHasher hasher(*m_store);
        hasher.setThreadCount(3);
        hasher.setBatchSize(2);
        QSignalSpy finished(&hasher, &BackgroundContentHasher::finished);
        hasher.start();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(0).at(0).toLongLong(), 7);
        QCOMPARE(finished.at(0).at(1).toString(), QString());
    }
    for (int i = 0; i < 7; ++i) {
        const auto seen = m_store->contentObservations(m_ids.at(i));
        QCOMPARE(seen.size(), 2);
        const ContentObservation &hashed = seen.at(1);
        QCOMPARE(hashed.source, ContentObservation::Source::Background);
        QCOMPARE(hashed.sha256, sha256Of(contentOf(i)));
        QCOMPARE(hashed.byteSize, contentOf(i).size());
        QCOMPARE(hashed.modifiedNs, qint64(1700000000 + i) * 1000000000);
        QVERIFY(hashed.observedAt.isValid());
        QCOMPARE(m_store->knownContentHash(m_ids.at(i)), sha256Of(contentOf(i)));
    }
    QCOMPARE(m_store->samplesAwaitingHashCount(), 0);
    // Nothing left: a second pass reads nothing.
    BackgroundContentHasher again(*m_store);
    QSignalSpy finished(&again, &BackgroundContentHasher::finished);
    again.start();
    QVERIFY(finished.count() == 1 || finished.wait(20000));
    QCOMPARE(finished.at(0).at(0).toLongLong(), 0);
}

void TestContentObservations::backgroundHasherTakesUpWhereTheStoreLeftOff()
{
    makeProject(5);
    // An earlier run wrote the first two before the application quit.
    QList<ContentObservation> earlier(2);
    for (int i = 0; i < 2; ++i) {
        earlier[i].sampleId = m_ids.at(i);
        earlier[i].sha256 = sha256Of(contentOf(i));
        earlier[i].byteSize = contentOf(i).size();
        earlier[i].modifiedNs = qint64(1700000000 + i) * 1000000000;
    }
    QVERIFY(!m_store->addContentObservations(earlier));
    QCOMPARE(m_store->samplesAwaitingHashCount(), 3);
    BackgroundContentHasher hasher(*m_store);
    QSignalSpy finished(&hasher, &BackgroundContentHasher::finished);
    hasher.start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(0).at(0).toLongLong(), 3);
    QCOMPARE(m_store->contentObservations(m_ids.at(0)).size(), 2); // import + the earlier run
    QCOMPARE(m_store->samplesAwaitingHashCount(), 0);
}

void TestContentObservations::changedFileIsNoticed()
{
    makeProject(2);
    const qint64 before = contentOf(0).size();
    QVERIFY(writeFile(dataFile(0), QByteArray(98, 'z')));
    QVERIFY(setModified(dataFile(0), 1800000000));
    const QString notice = SampleFileChange::noticeFor(*m_store, m_ids.at(0));
    const QLocale locale;
    const QString expected
            = QStringLiteral(
                      "This file changed since it was imported (size %1 → %2 bytes, modified %3).")
                      .arg(locale.toString(before), locale.toString(98),
                           QDateTime::fromSecsSinceEpoch(1800000000)
                                   .toLocalTime()
                                   .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    QCOMPARE(notice, expected);
    QCOMPARE(SampleFileChange::noticeFor(*m_store, m_ids.at(1)), QString());

    // Same size, new content and time: the time tells at once; the hash, once taken, says it.
    QVERIFY(writeFile(dataFile(1), QByteArray(contentOf(1).size(), 'q')));
    QVERIFY(setModified(dataFile(1), 1800000000));
    QVERIFY(SampleFileChange::noticeFor(*m_store, m_ids.at(1)).contains(QLatin1String("modified")));
    BackgroundContentHasher hasher(*m_store);
    QSignalSpy finished(&hasher, &BackgroundContentHasher::finished);
    hasher.start();
    QVERIFY(finished.wait(20000));
    QVERIFY(SampleFileChange::noticeFor(*m_store, m_ids.at(1))
                    .startsWith(QLatin1String("This file changed since it was imported (")));
}

void TestContentObservations::touchedButUnchangedFileIsNotAChange()
{
    makeProject(1);
    {
        BackgroundContentHasher hasher(*m_store);
        QSignalSpy finished(&hasher, &BackgroundContentHasher::finished);
        hasher.start();
        QVERIFY(finished.wait(20000));
    }
    // Touched: the time alone differs, so the file is flagged until it is hashed again.
    QVERIFY(setModified(dataFile(0), 1800000000));
    QVERIFY(!SampleFileChange::noticeFor(*m_store, m_ids.at(0)).isEmpty());
    auto again = hashedObservation(m_ids.at(0), contentOf(0), 1800000000);
    QVERIFY(!m_store->addContentObservations(again));
    QCOMPARE(SampleFileChange::noticeFor(*m_store, m_ids.at(0)), QString());
}

void TestContentObservations::missingFileIsNoticed()
{
    makeProject(1);
    QVERIFY(QFile::remove(dataFile(0)));
    const QString notice = SampleFileChange::noticeFor(*m_store, m_ids.at(0));
    QVERIFY2(notice.contains(QLatin1String("no longer there")), qPrintable(notice));
    QVERIFY(notice.contains(QLatin1String("images/0.png")));
}

void TestContentObservations::observationsAreAppendOnly()
{
    makeProject(1);
    auto hashed = hashedObservation(m_ids.at(0), contentOf(0), 1700000000);
    QVERIFY(!m_store->addContentObservations(hashed));
    QSqlQuery query(m_store->database());
    QVERIFY(!query.exec(QStringLiteral("UPDATE content_observations SET byte_size = 1")));
    QVERIFY(!query.exec(QStringLiteral("DELETE FROM content_observations")));
    // What the import saw, in the sample's row, is written once too.
    QVERIFY(!query.exec(QStringLiteral("UPDATE samples SET modified_ns = 1")));
    QVERIFY(!query.exec(QStringLiteral("UPDATE samples SET modified_ns = NULL")));
    const auto seen = m_store->contentObservations(m_ids.at(0));
    QCOMPARE(seen.size(), 2);
    QCOMPARE(seen.at(0).source, ContentObservation::Source::Import);
    QCOMPARE(seen.at(0).modifiedNs, qint64(1700000000) * 1000000000);
    QCOMPARE(seen.at(1).source, ContentObservation::Source::Background);
    const auto report = m_store->verify();
    QVERIFY2(report.intact, qPrintable(report.problem));
}

void TestContentObservations::schema6ProjectIsUpgraded()
{
    const QString copy = m_dir->filePath(QStringLiteral("copy.boucle"));
    QVERIFY(QFile::copy(QStringLiteral(BOUCLE_TEST_DATA_DIR "/schema-6.boucle"), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    ProjectStore store;
    const auto error = store.open(copy);
    QVERIFY2(!error, qPrintable(error.message));
    QVERIFY(store.schemaVersion() >= 7);
    const auto sample = store.sampleByPath(QStringLiteral("images/1.png"));
    QVERIFY(sample);
    // The import-time hash stays where it was, and is still the sample's content.
    QCOMPARE(sample->sha256, QByteArray(64, 'b'));
    QVERIFY(store.contentObservations(sample->id).isEmpty());
    QCOMPARE(store.knownContentHash(sample->id), QByteArray(64, 'b'));
    QList<ContentObservation> seen(1);
    seen[0].sampleId = sample->id;
    seen[0].sha256 = QByteArray(64, 'c');
    seen[0].byteSize = 10;
    seen[0].modifiedNs = 5;
    seen[0].source = ContentObservation::Source::Verify;
    QVERIFY(!store.addContentObservations(seen));
    const auto read = store.contentObservations(sample->id);
    QCOMPARE(read.size(), 1);
    QCOMPARE(read.at(0).sha256, QByteArray(64, 'c'));
    QCOMPARE(read.at(0).source, ContentObservation::Source::Verify);
    QCOMPARE(store.knownContentHash(sample->id), QByteArray(64, 'b'));
    // Samples hashed at import are never waited for.
    QCOMPARE(store.samplesAwaitingHashCount(), 0);
    const auto report = store.verify();
    QVERIFY2(report.intact, qPrintable(report.problem));
}

QTEST_GUILESS_MAIN(TestContentObservations)
#include "tst_contentobservations.moc"
