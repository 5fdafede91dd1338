#include "backgroundcontenthasher.h"

#include "store/projectstore.h"

#include <QTimer>

namespace Boucle {

namespace {
// Samples read from the store per round; small, so the store's thread is never held long.
constexpr int samplesPerRound = 128;
} // namespace

BackgroundContentHasher::BackgroundContentHasher(ProjectStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_root(store.dataRoot(), store.path())
{
    m_pool.setMaxThreadCount(1);
    // Idle priority (SCHED_IDLE on Linux): the review and the decoders always come first.
    m_pool.setThreadPriority(QThread::IdlePriority);
}

BackgroundContentHasher::~BackgroundContentHasher()
{
    m_cancelled.store(true);
    m_pool.clear();
    m_pool.waitForDone();
}

void BackgroundContentHasher::setThreadCount(int threads)
{
    m_pool.setMaxThreadCount(qMax(1, threads));
}

void BackgroundContentHasher::setBatchSize(int results)
{
    m_batchSize = qMax(1, results);
}

void BackgroundContentHasher::start()
{
    if (m_running || !m_store.isOpen() || m_store.isReadOnly())
        return;
    m_running = true;
    m_cursor = 0;
    fetchMore();
}

void BackgroundContentHasher::fetchMore()
{
    if (!m_running)
        return;
    const auto samples = m_store.samplesAwaitingHash(m_cursor, samplesPerRound);
    if (samples.isEmpty()) {
        finish({});
        return;
    }
    for (const auto &sample : samples) {
        m_cursor = sample.id;
        ++m_outstanding;
        m_pool.start([this, id = sample.id, path = sample.path] {
            ContentObservation observation;
            observation.sampleId = id;
            observation.source = ContentObservation::Source::Background;
            QString problem;
            const auto outcome
                    = SampleContentHasher::hash(m_root, path, observation, &problem, &m_cancelled);
            if (outcome == SampleContentHasher::Outcome::Cancelled)
                return; // the destructor is waiting; nothing is posted
            QMetaObject::invokeMethod(
                    this, [this, observation, outcome] { take(observation, outcome); },
                    Qt::QueuedConnection);
        });
    }
}

void BackgroundContentHasher::take(const ContentObservation &observation,
                                   SampleContentHasher::Outcome outcome)
{
    --m_outstanding;
    if (!m_running)
        return;
    if (outcome == SampleContentHasher::Outcome::Hashed)
        m_pending.append(observation);
    if (m_pending.size() >= m_batchSize && !flush())
        return;
    if (m_outstanding == 0) {
        if (!flush())
            return;
        // The next round after the events already waiting (a key press, a repaint).
        QTimer::singleShot(0, this, &BackgroundContentHasher::fetchMore);
    }
}

bool BackgroundContentHasher::flush()
{
    if (m_pending.isEmpty())
        return true;
    if (!m_store.isOpen()) {
        finish({});
        return false;
    }
    if (auto error = m_store.addContentObservations(m_pending)) {
        finish(error.message);
        return false;
    }
    m_hashed += m_pending.size();
    m_pending.clear();
    return true;
}

void BackgroundContentHasher::finish(const QString &problem)
{
    if (!m_running)
        return;
    m_running = false;
    m_pending.clear();
    emit finished(m_hashed, problem);
}

} // namespace Boucle
