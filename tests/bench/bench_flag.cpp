// bench_flag [ROWS] [--project FILE] [--keep DIR] [--boucle PATH] [--size N]: flagging a batch
// from a million predictions, beside a numpy peer scoring the same predictions.
//  - The project: ROWS predictions (default 1,000,000; 10 classes, 3 committee members with
//    probabilities, 16-d embeddings, 35 days of prediction times, a few user reports and upstream
//    flags), written by this runner; or --project FILE, e.g. the bench.boucle that
//    `bench_ingest --keep DIR` leaves (copied, and its samples marked present, since that
//    benchmark stores every sample as missing).
//  - Boucle in-process: BatchBuilder::build with the default policy (every trigger on) and a
//    batch of --size items (default 200), in a child process of its own so that its peak
//    resident memory is its own; it prints where the time went.
//  - `boucle flag` as a process on the same project (a copy, so both flag the same rows).
//  - numpy: the same measures over the same predictions, read from .npy files (reading the
//    store is not counted for it); a missing numpy is reported, never a failure.
// Every contender reports wall seconds, CPU seconds (user + system) and peak resident memory.
// Run from a release build.
#include "childprocess.h"
#include "npyfile.h"
#include "policy/batchbuilder.h"
#include "policy/triggerpolicy.h"
#include "records/predictiontable.h"
#include "store/predictionbulkwriter.h"
#include "store/predictiontablequery.h"
#include "store/projectstore.h"
#include "store/storetransaction.h"
#include "triggers/committeetriggers.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <cmath>
#include <random>

using namespace Boucle;

namespace {

QTextStream out(stdout);

constexpr int classes = 10;
constexpr int members = 3;
constexpr int dimensions = 16;

// Probabilities that sum to 1, peaked at `truth` by `sharpness`.
void makeProbs(std::mt19937_64 &random, int truth, float sharpness, QVector<float> &probs)
{
    std::normal_distribution<float> noise(0.0f, 1.0f);
    probs.resize(classes);
    float sum = 0;
    for (int k = 0; k < classes; ++k) {
        probs[k] = std::exp(noise(random) + (k == truth ? sharpness : 0.0f));
        sum += probs[k];
    }
    for (auto &p : probs)
        p /= sum;
}

int topOf(const QVector<float> &probs)
{
    return int(std::max_element(probs.cbegin(), probs.cend()) - probs.cbegin());
}

// Child mode: writes the project.
int generate(const QString &path, qint64 rows)
{
    QFile::remove(path);
    ProjectStore store;
    if (auto error = store.create(path, QFileInfo(path).absolutePath())) {
        out << "cannot create the project: " << error.message << '\n';
        return 1;
    }
    QStringList names;
    for (int k = 0; k < classes; ++k)
        names.append(QStringLiteral("c%1").arg(k));
    ModelRecord model;
    model.name = QStringLiteral("net");
    model.version = QStringLiteral("1");
    if (store.ensureClasses(names) || store.addModel(model)) {
        out << "cannot write the classes or the model\n";
        return 1;
    }
    StoreTransaction transaction(store);
    PredictionBulkWriter writer(store);
    std::mt19937_64 random(2024);
    std::uniform_int_distribution<int> classPick(0, classes - 1);
    std::normal_distribution<float> gauss(0.0f, 1.0f);
    const QDateTime start(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    for (qint64 i = 0; i < rows; ++i) {
        SampleRecord sample;
        sample.path = QStringLiteral("img/%1.png").arg(i, 7, 10, QLatin1Char('0'));
        sample.kind = QStringLiteral("image");
        if (auto error = writer.addSample(sample)) {
            out << "cannot write a sample: " << error.message << '\n';
            return 1;
        }
        // The last week leans towards c0, so that drift has something to find.
        const bool lastWeek = i * 35 >= rows * 28;
        const int truth = lastWeek && i % 3 == 0 ? 0 : classPick(random);
        PredictionRecord prediction;
        prediction.sampleId = sample.id;
        prediction.modelId = model.id;
        makeProbs(random, truth, 2.5f, prediction.probs);
        const int top = topOf(prediction.probs);
        prediction.label = names.at(top);
        prediction.confidence = prediction.probs[top];
        for (int m = 0; m < members; ++m) {
            CommitteeVote vote;
            vote.model = QStringLiteral("c%1@1").arg(m);
            makeProbs(random, truth, 2.0f, vote.probs);
            vote.label = names.at(topOf(vote.probs));
            prediction.committee.append(vote);
        }
        prediction.embedding.resize(dimensions);
        for (auto &value : prediction.embedding)
            value = float(truth % 4) + gauss(random);
        prediction.predictedAt = start.addSecs(i * 35 * 86400 / std::max<qint64>(1, rows));
        if (i % 5000 == 17)
            prediction.report = QStringLiteral("the box is on the wrong animal");
        if (i % 2000 == 3)
            prediction.upstreamFlags.append(
                    {QStringLiteral("ood_detector"), QStringLiteral("score 0.97")});
        prediction.logLine = i + 2;
        bool added = false;
        if (auto error = writer.addPrediction(prediction, &added)) {
            out << "cannot write a prediction: " << error.message << '\n';
            return 1;
        }
    }
    if (auto error = writer.flush()) {
        out << "cannot write the rows: " << error.message << '\n';
        return 1;
    }
    if (auto error = transaction.commit()) {
        out << "cannot commit: " << error.message << '\n';
        return 1;
    }
    return 0;
}

// Child mode: the flag path in-process, with where its time went.
int flagInProcess(const QString &path, int size)
{
    ProjectStore store;
    if (auto error = store.open(path)) {
        out << "cannot open the project: " << error.message << '\n';
        return 1;
    }
    const TriggerPolicy policy;
    QElapsedTimer timer;
    timer.start();
    double cpu = Bench::ownCpuSeconds();
    PredictionTable table;
    PredictionTableQuery query(store);
    query.setColumns(BatchBuilder::columnsFor(policy));
    query.setCommitteeFold(&Triggers::foldCommitteeDivergence);
    if (auto error = query.load(table)) {
        out << "cannot read the predictions: " << error.message << '\n';
        return 1;
    }
    out << "read " << table.rows << " predictions: " << double(timer.nsecsElapsed()) / 1e9
        << " s wall, " << Bench::ownCpuSeconds() - cpu << " s CPU\n";
    timer.restart();
    cpu = Bench::ownCpuSeconds();
    const auto selection
            = BatchBuilder::select(table, std::vector<quint8>(size_t(table.rows), 1), policy, size);
    out << "score and select " << selection.items.size()
        << " items: " << double(timer.nsecsElapsed()) / 1e9 << " s wall, "
        << Bench::ownCpuSeconds() - cpu << " s CPU; fired:";
    for (auto it = selection.fired.cbegin(); it != selection.fired.cend(); ++it)
        out << ' ' << it.key() << ' ' << it.value();
    out << '\n';
    return 0;
}

// The in-process path end to end, as `boucle flag` runs it: BatchBuilder::build.
int buildInProcess(const QString &path, int size)
{
    ProjectStore store;
    if (auto error = store.open(path)) {
        out << "cannot open the project: " << error.message << '\n';
        return 1;
    }
    BatchBuilder builder(store);
    const auto result = builder.build(TriggerPolicy(), QStringLiteral("bench"), size);
    if (result.error) {
        out << "flag failed: " << result.error.message << '\n';
        return 1;
    }
    out << result.selection.items.size() << " items from " << result.selection.candidates
        << " flagged among " << result.selection.eligible << '\n';
    return 0;
}

// The same measures as Boucle's triggers, over the same predictions; prints the scoring time
// and what fired. Reading the .npy files is in its wall time, not in the scoring time.
const char *numpyPeer = R"PY(
import sys, time, numpy as np
d = sys.argv[1]
conf = np.load(d + "/conf.npy"); label = np.load(d + "/label.npy"); probs = np.load(d + "/probs.npy")
votes = np.load(d + "/votes.npy"); cprobs = np.load(d + "/cprobs.npy"); emb = np.load(d + "/emb.npy"); t = np.load(d + "/time.npy")
C = probs.shape[1]
start = time.perf_counter()
low = conf < 0.5
top2 = np.partition(probs, C - 2, axis=1)[:, -2:]
margin = top2[:, 1] - top2[:, 0]
ent = -(probs * np.log(probs + 1e-30)).sum(axis=1) / np.log(C)
allv = np.concatenate([label[:, None], votes], axis=1)
counts = (allv[:, :, None] == np.arange(C)[None, None, :]).sum(axis=1).astype(np.float32)
M = allv.shape[1]
share = counts / M
vote_entropy = -(share * np.log(np.where(share > 0, share, 1))).sum(axis=1) / np.log(min(M, C))
P = np.concatenate([probs[:, None, :], cprobs], axis=1)
cons = P.mean(axis=1, keepdims=True)
kl = (np.where(P > 0, P * np.log(np.where(P > 0, P, 1) / np.where(cons > 0, cons, 1)), 0)).sum(axis=2).mean(axis=1)
rng = np.random.default_rng(1)
fit = emb[rng.choice(len(emb), size=min(20000, len(emb)), replace=False)]
centers = fit[rng.choice(len(fit), size=8, replace=False)]
for _ in range(20):
    dd = (fit ** 2).sum(1)[:, None] - 2 * fit @ centers.T + (centers ** 2).sum(1)[None, :]
    a = dd.argmin(1)
    centers = np.stack([fit[a == k].mean(0) if (a == k).any() else centers[k] for k in range(8)])
dist = ((emb ** 2).sum(1)[:, None] - 2 * emb @ centers.T + (centers ** 2).sum(1)[None, :]).min(1)
outlier = dist > np.percentile(dist, 99)
tmax = t.max(); day = 86400000
recent = t > tmax - 7 * day; ref = (t > tmax - 35 * day) & ~recent
def shares(x, n): return np.maximum(np.bincount(x, minlength=n) / max(1, len(x)), 1e-4)
q, r = shares(label[ref], C), shares(label[recent], C)
psi_class = ((r - q) * np.log(r / q)).sum()
bins = np.clip((conf * 10).astype(np.int64), 0, 9)
q, r = shares(bins[ref], 10), shares(bins[recent], 10)
psi_conf = ((r - q) * np.log(r / q)).sum()
priority = low * (1 - conf) + (margin < 0.1) * (1 - margin) + (ent >= 0.8) * ent + (vote_entropy >= 0.5) * vote_entropy + (kl >= 0.3) * kl + outlier
top = np.argpartition(-priority, 200)[:200]
elapsed = time.perf_counter() - start
print(elapsed, int(low.sum()), int((margin < 0.1).sum()), int((ent >= 0.8).sum()), int((vote_entropy >= 0.5).sum()), int((kl >= 0.3).sum()), int(outlier.sum()))
)PY";

// Writes the predictions as the numpy peer reads them.
bool exportForNumpy(const QString &path, const QString &dir)
{
    ProjectStore store;
    if (store.open(path))
        return false;
    PredictionTable table;
    PredictionTableQuery query(store);
    if (query.load(table))
        return false;
    const auto n = table.rows;
    std::vector<qint32> votes(size_t(n) * members, -1);
    std::vector<float> committeeProbs(size_t(n) * members * classes, 0.0f);
    for (qsizetype r = 0; r < n; ++r) {
        const qint32 begin = table.committeeStart[size_t(r)];
        for (int m = 0; m < members && begin + m < table.committeeStart[size_t(r) + 1]; ++m) {
            votes[size_t(r) * members + size_t(m)] = table.committeeLabel[size_t(begin + m)];
            std::copy_n(table.committeeProbs.begin() + qsizetype(begin + m) * classes, classes,
                        committeeProbs.begin() + (r * members + m) * classes);
        }
    }
    writeNpy(dir + QStringLiteral("/conf.npy"), table.confidence.data(), "<f4", {n}, 4);
    writeNpy(dir + QStringLiteral("/label.npy"), table.label.data(), "<i4", {n}, 4);
    writeNpy(dir + QStringLiteral("/probs.npy"), table.probs.data(), "<f4", {n, classes}, 4);
    writeNpy(dir + QStringLiteral("/votes.npy"), votes.data(), "<i4", {n, members}, 4);
    writeNpy(dir + QStringLiteral("/cprobs.npy"), committeeProbs.data(), "<f4",
             {n, members, classes}, 4);
    writeNpy(dir + QStringLiteral("/emb.npy"), table.embedding.data(), "<f4",
             {n, table.embeddingSize}, 4);
    writeNpy(dir + QStringLiteral("/time.npy"), table.time.data(), "<i8", {n}, 8);
    return true;
}

QString findPython()
{
    // Debian's interpreter first: that is where python3-numpy lives.
    if (QFile::exists(QStringLiteral("/usr/bin/python3")))
        return QStringLiteral("/usr/bin/python3");
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

QString findBoucle(const QString &given)
{
    if (!given.isEmpty())
        return given;
    // build/<preset>/tests/bench/bench_flag -> build/<preset>/app/boucle
    const QDir here(QCoreApplication::applicationDirPath());
    for (const auto &candidate :
         {QStringLiteral("../../app/boucle"), QStringLiteral("../../boucle"),
          QStringLiteral("../../bin/boucle")}) {
        if (QFileInfo(here.filePath(candidate)).isExecutable())
            return QFileInfo(here.filePath(candidate)).canonicalFilePath();
    }
    return QStandardPaths::findExecutable(QStringLiteral("boucle"));
}

// A project flagged twice must not see the first batch: each contender gets a fresh copy.
bool copyProject(const QString &from, const QString &to)
{
    QFile::remove(to);
    QFile::remove(to + QStringLiteral("-wal"));
    QFile::remove(to + QStringLiteral("-shm"));
    return QFile::copy(from, to);
}

void row(const QString &what, const Bench::ChildRun &measured, const QString &note = {})
{
    auto number = [](double value, const char *unit) {
        return value < 0 ? QStringLiteral("-")
                         : QString::number(value, 'f', unit[0] == 'M' ? 0 : 2) + QLatin1Char(' ')
                                   + QLatin1String(unit);
    };
    out << what.leftJustified(40) << number(measured.wall, "s").rightJustified(10)
        << number(measured.cpu, "s").rightJustified(10)
        << number(measured.peakMiB, "MiB").rightJustified(10) << "  " << note << '\n';
    out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const auto arguments = app.arguments();
    // Child modes.
    if (arguments.size() == 4 && arguments.at(1) == QLatin1String("--generate"))
        return generate(arguments.at(2), arguments.at(3).toLongLong());
    if (arguments.size() == 4 && arguments.at(1) == QLatin1String("--in-process"))
        return flagInProcess(arguments.at(2), arguments.at(3).toInt());
    if (arguments.size() == 4 && arguments.at(1) == QLatin1String("--build"))
        return buildInProcess(arguments.at(2), arguments.at(3).toInt());
    if (arguments.size() == 4 && arguments.at(1) == QLatin1String("--export"))
        return exportForNumpy(arguments.at(2), arguments.at(3)) ? 0 : 1;

    qint64 rows = 1000000;
    int size = 200;
    QString project, keep, boucleGiven;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--project") && i + 1 < arguments.size())
            project = arguments.at(++i);
        else if (argument == QLatin1String("--keep") && i + 1 < arguments.size())
            keep = arguments.at(++i);
        else if (argument == QLatin1String("--boucle") && i + 1 < arguments.size())
            boucleGiven = arguments.at(++i);
        else if (argument == QLatin1String("--size") && i + 1 < arguments.size())
            size = arguments.at(++i).toInt();
        else
            rows = argument.toLongLong();
    }
    if (rows <= 0 || size <= 0) {
        QTextStream(stderr) << "usage: bench_flag [ROWS] [--project FILE] [--keep DIR]"
                               " [--boucle PATH] [--size N]\n";
        return 2;
    }
    QTemporaryDir temporary;
    const QString dir = keep.isEmpty() ? temporary.path() : keep;
    QDir().mkpath(dir);
    const QString self = QCoreApplication::applicationFilePath();
    const QString log = dir + QStringLiteral("/child.txt");
    const QString source = dir + QStringLiteral("/flag-source.boucle");

    if (project.isEmpty()) {
        out << "bench_flag: writing " << rows << " predictions (" << classes << " classes, "
            << members << " committee members, " << dimensions << "-d embeddings) to " << source
            << '\n';
        const auto made = Bench::runChild(
                self, {QStringLiteral("--generate"), source, QString::number(rows)}, log);
        if (!made.ok) {
            out << "generating the project failed: " << made.error << '\n';
            return 1;
        }
        out << "written in " << QString::number(made.wall, 'f', 1) << " s\n";
    } else {
        out << "bench_flag: the predictions of " << project << '\n';
        if (!copyProject(project, source)) {
            out << "cannot copy " << project << '\n';
            return 1;
        }
        // bench_ingest stores its samples as missing; a batch only offers present ones.
        ProjectStore store;
        if (auto error = store.open(source)) {
            out << "cannot open " << source << ": " << error.message << '\n';
            return 1;
        }
        QSqlQuery(store.database()).exec(QStringLiteral("UPDATE samples SET missing = 0"));
    }
    out << "batch of " << size << " items, default policy (every trigger on); machine load "
        << QString::number(
                   [] {
                       double load[1] {};
                       return getloadavg(load, 1) == 1 ? load[0] : -1.0;
                   }(),
                   'f', 2)
        << "\n\n";
    out << QStringLiteral("contender").leftJustified(40)
        << QStringLiteral("wall").rightJustified(10) << QStringLiteral("CPU").rightJustified(10)
        << QStringLiteral("peak RSS").rightJustified(10) << '\n';

    const QString copy = dir + QStringLiteral("/flag.boucle");
    // 1. In-process, read + score + select (no batch written), with its breakdown.
    copyProject(source, copy);
    const auto inProcess = Bench::runChild(
            self, {QStringLiteral("--in-process"), copy, QString::number(size)}, log);
    row(QStringLiteral("Boucle in-process: read, score, select"), inProcess,
        inProcess.ok ? QString() : inProcess.error);
    const QByteArray breakdown = inProcess.output;
    // 2. In-process BatchBuilder::build (the batch stored).
    copyProject(source, copy);
    const auto built
            = Bench::runChild(self, {QStringLiteral("--build"), copy, QString::number(size)}, log);
    row(QStringLiteral("Boucle in-process: BatchBuilder::build"), built,
        built.ok ? QString::fromUtf8(built.output.trimmed()) : built.error);
    // 3. `boucle flag` as a process.
    const QString boucle = findBoucle(boucleGiven);
    if (boucle.isEmpty()) {
        row(QStringLiteral("boucle flag: MISSING (--boucle PATH)"), Bench::ChildRun());
    } else {
        copyProject(source, copy);
        const auto flagged = Bench::runChild(boucle,
                                             {QStringLiteral("flag"), copy,
                                              QStringLiteral("--name"), QStringLiteral("bench"),
                                              QStringLiteral("--size"), QString::number(size)},
                                             log);
        row(QStringLiteral("boucle flag (process)"), flagged,
            flagged.ok ? QStringLiteral("target < 3 s, < 300 MB") : flagged.error);
    }
    // 4. numpy.
    const QString python = findPython();
    const bool haveNumpy
            = !python.isEmpty()
              && Bench::runChild(python, {QStringLiteral("-c"), QStringLiteral("import numpy")},
                                 log)
                         .ok;
    if (!haveNumpy) {
        row(QStringLiteral("numpy: MISSING"), Bench::ChildRun());
    } else {
        const auto exported = Bench::runChild(self, {QStringLiteral("--export"), source, dir}, log);
        QFile script(dir + QStringLiteral("/flag_peer.py"));
        if (script.open(QIODevice::WriteOnly))
            script.write(numpyPeer);
        script.close();
        const auto peer
                = exported.ok ? Bench::runChild(python, {script.fileName(), dir}, log) : exported;
        if (!peer.ok) {
            row(QStringLiteral("numpy peer failed"), Bench::ChildRun(), peer.error);
        } else {
            const auto fields = peer.output.trimmed().split(' ');
            Bench::ChildRun scoring;
            scoring.wall = fields.value(0).toDouble();
            row(QStringLiteral("numpy: load .npy, score, top 200"), peer);
            row(QStringLiteral("numpy: score and top 200 only"), scoring,
                QStringLiteral("fired: %1").arg(QString::fromUtf8(fields.mid(1).join(' '))));
        }
    }
    out << "\nBoucle in-process breakdown:\n" << breakdown;
    return 0;
}
