// bench_dashboard: how long the lead's dashboard takes to refresh with a million reviews.
//
// Generates a temporary project (10 classes, 3 model versions, 250 000 samples, 975 000 batch
// items in 100 batches, 1 000 000 reviews by 5 reviewers, 2.5 % of items reviewed twice, 3
// dataset versions), then times ReviewAnalyticsQuery::load() + AuditReport::compute() for each
// filter, the first (cold) read, and an incremental refresh after 1 000 more reviews.
//
// Peer, in the same run: the straightforward design that asks SQLite for each table on every
// refresh; here only its confusion-matrix GROUP BY (one table of seven) is timed.
//
// The generator writes rows with SQL through the store's connection, in one transaction:
// recording a million reviews one by one through ProjectStore (audit chain, status update,
// durable commit each) would take hours and measures something else. It follows
// core/store/schemamigrations.cpp and must follow it when the schema changes.
//
// Usage: bench_dashboard [REVIEWS] [--project FILE]
//   REVIEWS defaults to 1000000; run from a release build. With --project, an existing FILE is
//   reused (generation takes minutes) and a missing one is generated there and kept.
#include "metrics/auditreport.h"
#include "report/reviewanalyticsquery.h"
#include "store/projectstore.h"
#include "store/recordcodec.h"
#include "store/storetransaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <cmath>
#include <ctime>

using namespace Boucle;
using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);

constexpr int classCount = 10;
constexpr int modelCount = 3;
constexpr int batchCount = 100;
const QStringList reviewerNames = {u"ann"_s, u"bob"_s, u"cat"_s, u"dan"_s, u"eve"_s};
const QStringList triggerNames = {u"low_confidence"_s, u"margin"_s,  u"entropy"_s,
                                  u"committee"_s,      u"outlier"_s, u"drift"_s};
const QDateTime start(QDate(2026, 1, 5), QTime(8, 0), Qt::UTC);

bool exec(QSqlQuery &query, const char *what)
{
    if (query.exec())
        return true;
    out << "generation failed (" << what << "): " << query.lastError().text() << '\n';
    return false;
}

struct Generated
{
    qint64 reviews = 0;
    qint64 firstReviewTimeSecs = 0;
};

bool generate(ProjectStore &store, qint64 reviewTarget, Generated &generated)
{
    QRandomGenerator generator(7);
    auto *random = &generator;
    QStringList classes;
    for (int c = 0; c < classCount; ++c)
        classes.append(u"class %1"_s.arg(c));
    if (store.ensureClasses(classes))
        return false;
    QList<qint64> classIds;
    for (const auto &name : classes)
        classIds.append(*store.classId(name));
    QList<qint64> modelIds;
    for (int m = 0; m < modelCount; ++m) {
        ModelRecord model {0, u"net"_s, QString::number(m + 1), start.addDays(30 * m), m, {}};
        if (store.addModel(model))
            return false;
        modelIds.append(model.id);
    }

    const qint64 itemTarget = reviewTarget * 975 / 1000;
    const qint64 sampleCount = std::max<qint64>(100, reviewTarget / 4);
    StoreTransaction transaction(store);
    if (transaction.beginError())
        return false;
    auto &db = store.database();
    const QString added = RecordCodec::timeToText(start);

    QSqlQuery query(db);
    query.prepare(u"INSERT INTO samples (id, path, added_at) VALUES (?, ?, ?)"_s);
    QVector<int> truth(sampleCount + 1);
    for (qint64 s = 1; s <= sampleCount; ++s) {
        truth[s] = int(random->bounded(classCount));
        query.addBindValue(s);
        query.addBindValue(u"samples/%1.png"_s.arg(s));
        query.addBindValue(added);
        if (!exec(query, "samples"))
            return false;
    }
    // Later models are right more often: 70 %, 78 %, 86 %.
    QVector<int> predicted(sampleCount * modelCount + 1);
    query.prepare(u"INSERT INTO predictions (id, sample_id, model_id, label_id, confidence)"
                  " VALUES (?, ?, ?, ?, ?)"_s);
    for (int m = 0; m < modelCount; ++m) {
        for (qint64 s = 1; s <= sampleCount; ++s) {
            const qint64 id = m * sampleCount + s;
            const bool right = random->generateDouble() < 0.70 + 0.08 * m;
            const int label = right ? truth[s] : int(random->bounded(classCount));
            predicted[id] = label;
            const double u = random->generateDouble();
            query.addBindValue(id);
            query.addBindValue(s);
            query.addBindValue(modelIds.at(m));
            query.addBindValue(classIds.at(label));
            query.addBindValue(right ? 0.5 + 0.5 * std::sqrt(u) : u);
            if (!exec(query, "predictions"))
                return false;
        }
    }
    query.prepare(u"INSERT INTO batches (id, name, created_at) VALUES (?, ?, ?)"_s);
    for (int b = 1; b <= batchCount; ++b) {
        query.addBindValue(b);
        query.addBindValue(u"batch-%1"_s.arg(b, 3, 10, QLatin1Char('0')));
        query.addBindValue(added);
        if (!exec(query, "batches"))
            return false;
    }

    // Three dataset versions at the end of each third of the reviews.
    const qint64 secondsPerReview = 7;
    const qint64 span = reviewTarget * secondsPerReview;
    generated.firstReviewTimeSecs = start.toSecsSinceEpoch();
    query.prepare(
            u"INSERT INTO versions (number, parent, hash, author, message, created_at,"
            " added, changed, removed, total) VALUES (?, ?, ?, 'lead', 'bench', ?, 0, 0, 0, 0)"_s);
    for (int v = 1; v <= 3; ++v) {
        query.addBindValue(v);
        query.addBindValue(v - 1);
        query.addBindValue(u"%1"_s.arg(v, 64, 10, QLatin1Char('0')));
        query.addBindValue(RecordCodec::timeToText(start.addSecs(span * v / 3)));
        if (!exec(query, "versions"))
            return false;
    }

    QSqlQuery item(db);
    item.prepare(u"INSERT INTO batch_items (id, batch_id, position, sample_id, prediction_id,"
                 " control, status) VALUES (?, ?, ?, ?, ?, ?, 'approved')"_s);
    QSqlQuery reason(db);
    reason.prepare(u"INSERT INTO batch_item_reasons (batch_item_id, trigger_name, score, reason)"
                   " VALUES (?, ?, 0.5, 'bench')"_s);
    QSqlQuery review(db);
    review.prepare(
            u"INSERT INTO reviews (id, batch_item_id, sample_id, prediction_id, reviewer,"
            " action, label_id, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    QSqlQuery revision(db);
    revision.prepare(u"INSERT INTO label_revisions (sample_id, label_id, author, review_id,"
                     " created_at, version_added) VALUES (?, ?, ?, ?, ?, ?)"_s);
    qint64 reviewId = 0;
    for (qint64 i = 0; i < itemTarget && reviewId < reviewTarget; ++i) {
        const qint64 itemId = i + 1;
        const int batch = int(i * batchCount / itemTarget) + 1;
        const qint64 sample = 1 + qint64(random->bounded(quint32(sampleCount)));
        const int model = int(std::min<qint64>(modelCount - 1, i * modelCount / itemTarget));
        const qint64 prediction = model * sampleCount + sample;
        const bool control = random->generateDouble() < 0.1;
        item.addBindValue(itemId);
        item.addBindValue(batch);
        item.addBindValue(i);
        item.addBindValue(sample);
        item.addBindValue(prediction);
        item.addBindValue(control ? 1 : 0);
        if (!exec(item, "batch items"))
            return false;
        const int reasonCount = control ? 1 : 1 + int(random->bounded(2));
        for (int r = 0; r < reasonCount; ++r) {
            reason.addBindValue(itemId);
            reason.addBindValue(
                    control ? u"control"_s
                            : triggerNames.at(int(random->bounded(int(triggerNames.size())))));
            if (!exec(reason, "reasons"))
                return false;
        }
        // One item in 39 gets a second, independent review.
        const int answers = i % 39 == 0 ? 2 : 1;
        const int firstReviewer = int(random->bounded(int(reviewerNames.size())));
        for (int a = 0; a < answers && reviewId < reviewTarget; ++a) {
            ++reviewId;
            const bool modelRight = predicted[prediction] == truth[sample];
            // Reviewers see the truth 95 % of the time.
            const int label = random->generateDouble() < 0.95 ? truth[sample]
                                                              : int(random->bounded(classCount));
            const bool skip = random->generateDouble() < 0.02;
            const QString action = skip                             ? u"skip"_s
                                   : label == predicted[prediction] ? u"approve"_s
                                                                    : u"override"_s;
            const QDateTime finished = start.addSecs(reviewId * secondsPerReview);
            const double seconds = -8.0 * std::log(1.0 - random->generateDouble()) + 0.5;
            review.addBindValue(reviewId);
            review.addBindValue(itemId);
            review.addBindValue(sample);
            review.addBindValue(prediction);
            review.addBindValue(reviewerNames.at((firstReviewer + a) % reviewerNames.size()));
            review.addBindValue(action);
            review.addBindValue(skip ? QVariant(QMetaType::fromType<qint64>())
                                     : QVariant(classIds.at(label)));
            review.addBindValue(
                    RecordCodec::timeToText(finished.addMSecs(-qint64(seconds * 1000.0))));
            review.addBindValue(RecordCodec::timeToText(finished));
            if (!exec(review, "reviews"))
                return false;
            if (action == u"override"_s) {
                revision.addBindValue(sample);
                revision.addBindValue(classIds.at(label));
                revision.addBindValue(reviewerNames.at(firstReviewer));
                revision.addBindValue(reviewId);
                revision.addBindValue(RecordCodec::timeToText(finished));
                revision.addBindValue(int(std::min<qint64>(3, reviewId * 3 / reviewTarget + 1)));
                if (!exec(revision, "label revisions"))
                    return false;
            }
            Q_UNUSED(modelRight);
        }
    }
    generated.reviews = reviewId;
    return !transaction.commit();
}

// Appends reviews the way the review session would (one transaction each).
bool appendReviews(ProjectStore &store, int count, qint64 afterSecs)
{
    for (int i = 0; i < count; ++i) {
        ReviewRecord review;
        review.batchItemId = 1 + i;
        const auto item = store.batchItem(review.batchItemId);
        if (!item)
            return false;
        review.sampleId = item->sampleId;
        review.predictionId = item->predictionId;
        review.reviewer = u"fay"_s;
        review.action = ReviewAction::Approve;
        review.finishedAt = QDateTime::fromSecsSinceEpoch(afterSecs + i, Qt::UTC);
        review.startedAt = review.finishedAt.addSecs(-4);
        if (store.recordReview(review))
            return false;
    }
    return true;
}

std::pair<double, double> peerConfusionSeconds(ProjectStore &store)
{
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    QSqlQuery query(store.database());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT p.label_id, COALESCE(r.label_id, p.label_id), COUNT(*)"
                    " FROM reviews r JOIN predictions p ON p.id = r.prediction_id"
                    " WHERE r.action IN ('approve', 'override', 'relabel')"
                    " AND r.id NOT IN (SELECT revokes_review_id FROM reviews"
                    " WHERE revokes_review_id IS NOT NULL) GROUP BY 1, 2"_s))
        return {-1.0, -1.0};
    qint64 rows = 0;
    while (query.next())
        ++rows;
    return {double(timer.nsecsElapsed()) / 1e9, double(std::clock() - cpuStart) / CLOCKS_PER_SEC};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    qint64 target = 1000000;
    QString projectPath;
    const QStringList arguments = app.arguments().mid(1);
    for (int i = 0; i < arguments.size(); ++i) {
        if (arguments.at(i) == u"--project"_s && i + 1 < arguments.size())
            projectPath = arguments.at(++i);
        else
            target = arguments.at(i).toLongLong();
    }
    QTemporaryDir dir;
    if (projectPath.isEmpty())
        projectPath = dir.filePath(u"bench.boucle"_s);
    ProjectStore store;
    QElapsedTimer timer;
    timer.start();
    Generated generated;
    generated.firstReviewTimeSecs = start.toSecsSinceEpoch();
    if (QFileInfo::exists(projectPath)) {
        if (const auto error = store.open(projectPath)) {
            out << error.message << '\n';
            return 1;
        }
        out << "Reusing " << projectPath << '\n';
    } else {
        if (store.create(projectPath, QFileInfo(projectPath).absolutePath())) {
            out << "cannot create " << projectPath << '\n';
            return 1;
        }
        if (!generate(store, target, generated))
            return 1;
        out << "Generated " << generated.reviews << " reviews in " << timer.elapsed() / 1000.0
            << " s\n";
    }
    out << '\n';
    out.flush();

    ReviewAnalyticsQuery query(store);
    AuditInputs inputs;
    const std::clock_t coldCpuStart = std::clock();
    timer.restart();
    if (auto error = query.refresh()) {
        out << error.message << '\n';
        return 1;
    }
    const double coldSeconds = timer.nsecsElapsed() / 1e9;
    const double coldCpu = double(std::clock() - coldCpuStart) / CLOCKS_PER_SEC;

    const qint64 weekStart = generated.firstReviewTimeSecs + target * 7 / 2;
    struct Case
    {
        QString name;
        AnalyticsFilter filter;
    };
    QList<Case> cases;
    cases.append({u"no filter"_s, {}});
    {
        AnalyticsFilter f;
        f.batch = u"batch-042"_s;
        cases.append({u"batch batch-042"_s, f});
    }
    {
        AnalyticsFilter f;
        f.model = u"net@2"_s;
        cases.append({u"model net@2"_s, f});
    }
    {
        AnalyticsFilter f;
        f.datasetVersion = 2;
        cases.append({u"dataset version 2"_s, f});
    }
    {
        AnalyticsFilter f;
        f.reviewer = u"bob"_s;
        cases.append({u"reviewer bob"_s, f});
    }
    {
        AnalyticsFilter f;
        f.from = QDateTime::fromSecsSinceEpoch(weekStart, Qt::UTC);
        f.to = f.from.addDays(7);
        cases.append({u"one week"_s, f});
    }
    {
        AnalyticsFilter f;
        f.model = u"net@3"_s;
        f.reviewer = u"ann"_s;
        f.from = QDateTime::fromSecsSinceEpoch(weekStart, Qt::UTC);
        cases.append({u"model + reviewer + from"_s, f});
    }

    out << "Cold read of " << query.decisionCount() << " decisions: " << coldSeconds << " s (cpu "
        << coldCpu << " s)\n\n";
    out << "Times are wall-clock seconds; cpu is this process's processor time over the same\n"
           "interval (the machine may be shared).\n";
    out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                    .arg(u"filter"_s, -26)
                    .arg(u"load s"_s, 9)
                    .arg(u"compute s"_s, 10)
                    .arg(u"total s"_s, 9)
                    .arg(u"cpu s"_s, 8)
                    .arg(u"reviewed"_s, 9);
    for (const auto &c : std::as_const(cases)) {
        const std::clock_t cpuStart = std::clock();
        timer.restart();
        if (auto error = query.load(c.filter, inputs)) {
            out << c.name << ": " << error.message << '\n';
            return 1;
        }
        const double loadSeconds = timer.nsecsElapsed() / 1e9;
        timer.restart();
        const auto report = AuditReport::compute(inputs);
        const double computeSeconds = timer.nsecsElapsed() / 1e9;
        const double cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
        out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                        .arg(c.name, -26)
                        .arg(loadSeconds, 9, 'f', 3)
                        .arg(computeSeconds, 10, 'f', 3)
                        .arg(loadSeconds + computeSeconds, 9, 'f', 3)
                        .arg(cpuSeconds, 8, 'f', 3)
                        .arg(report.confusion.total(), 9);
        out.flush();
    }

    // A few reviews recorded the way the review session does, then the dashboard follows.
    const int appended = 20;
    const qint64 endSecs = generated.firstReviewTimeSecs + target * 7 + 60;
    timer.restart();
    if (!appendReviews(store, appended, endSecs)) {
        out << "appending reviews failed\n";
        return 1;
    }
    const double perReview = timer.nsecsElapsed() / 1e9 / appended;
    timer.restart();
    if (query.load({}, inputs))
        return 1;
    const double incremental = timer.nsecsElapsed() / 1e9;
    out << "\nProjectStore::recordReview with this many reviews: " << perReview
        << " s per review\n";
    out << "After " << appended << " more reviews, refresh + load (no filter): " << incremental
        << " s\n";

    const auto [peerWall, peerCpu] = peerConfusionSeconds(store);
    out << "\nPeer (SQL GROUP BY on every refresh), confusion matrix only, no filter: " << peerWall
        << " s (cpu " << peerCpu << " s)\n";
    out << "(the other six tables would each cost a similar scan; not timed)\n";
    return 0;
}
