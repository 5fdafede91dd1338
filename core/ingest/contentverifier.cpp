#include "contentverifier.h"

#include "datarootfile.h"
#include "progress/progresssink.h"
#include "samplecontenthasher.h"
#include "store/projectstore.h"

#include <QCoreApplication>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

namespace Boucle {

namespace {

// Samples read, hashed and recorded per round (one transaction each).
constexpr int samplesPerRound = 512;

struct Hashed
{
    ContentObservation observation;
    SampleContentHasher::Outcome outcome = SampleContentHasher::Outcome::Missing;
    QString problem;
};

} // namespace

QString ContentFinding::line() const
{
    switch (kind) {
    case Kind::Changed:
        return change.sinceImport
                       ? QCoreApplication::translate("Boucle::ContentVerifier",
                                                     "%1: changed since it was imported: %2")
                                 .arg(path, change.differences())
                       : QCoreApplication::translate(
                                 "Boucle::ContentVerifier",
                                 "%1: changed since it was last checked on %2: %3")
                                 .arg(path,
                                      change.since.toLocalTime().toString(
                                              QStringLiteral("yyyy-MM-dd HH:mm")),
                                      change.differences());
    case Kind::Missing:
        return QCoreApplication::translate("Boucle::ContentVerifier",
                                           "%1: missing (it was there before)")
                .arg(path);
    case Kind::Unreadable:
        return QCoreApplication::translate("Boucle::ContentVerifier", "%1: cannot be checked: %2")
                .arg(path, problem);
    }
    return {};
}

ContentVerifier::ContentVerifier(ProjectStore &store)
    : m_store(store)
{ }

void ContentVerifier::setThreadCount(int threads)
{
    m_threads = threads;
}

ContentReport ContentVerifier::run(ProgressSink *progress)
{
    ContentReport report;
    const DataRootFile root(m_store.dataRoot(), m_store.path());
    QThreadPool pool;
    if (m_threads > 0)
        pool.setMaxThreadCount(m_threads);
    const qint64 total = m_store.sampleCount();
    const QString what
            = QCoreApplication::translate("Boucle::ContentVerifier", "Reading the sample files");
    for (SampleId after = 0;;) {
        QList<SampleRecord> samples;
        if (auto error = m_store.sampleFilesAfter(after, samplesPerRound, &samples)) {
            report.error = error.message;
            return report;
        }
        if (samples.isEmpty())
            break;
        after = samples.constLast().id;
        const QList<Hashed> results = QtConcurrent::blockingMapped<QList<Hashed>>(
                &pool, samples, [&root](const SampleRecord &sample) {
                    Hashed hashed;
                    hashed.observation.sampleId = sample.id;
                    hashed.observation.source = ContentObservation::Source::Verify;
                    hashed.outcome = SampleContentHasher::hash(root, sample.path,
                                                               hashed.observation, &hashed.problem);
                    return hashed;
                });
        QList<ContentObservation> seen;
        for (qsizetype i = 0; i < samples.size(); ++i) {
            const SampleRecord &sample = samples.at(i);
            const Hashed &result = results.at(i);
            ++report.samples;
            ContentFinding finding;
            finding.path = sample.path;
            switch (result.outcome) {
            case SampleContentHasher::Outcome::Hashed: {
                ++report.hashed;
                finding.change = SampleFileChange::compare(
                        sample, m_store.contentObservations(sample.id), result.observation);
                if (finding.change.changed)
                    report.findings.append(finding);
                else
                    ++report.unchanged;
                seen.append(result.observation);
                break;
            }
            case SampleContentHasher::Outcome::Missing:
                if (sample.missing && m_store.contentObservations(sample.id).isEmpty()) {
                    ++report.neverPresent;
                } else {
                    finding.kind = ContentFinding::Kind::Missing;
                    report.findings.append(finding);
                }
                break;
            case SampleContentHasher::Outcome::Refused:
            case SampleContentHasher::Outcome::Unstable:
            case SampleContentHasher::Outcome::Cancelled:
                finding.kind = ContentFinding::Kind::Unreadable;
                finding.problem = result.problem;
                report.findings.append(finding);
                break;
            }
        }
        if (!m_store.isReadOnly()) {
            if (auto error = m_store.addContentObservations(seen)) {
                report.error = error.message;
                return report;
            }
        }
        if (progress)
            progress->progress(report.samples, total, what);
    }
    return report;
}

} // namespace Boucle
