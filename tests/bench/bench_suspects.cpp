// bench_suspects [--serial] [--keep DIR] [--seed N]: finding flipped labels in OpenCV's digits,
// beside a numpy peer running the same method on the same probabilities.
//  - Data: the 5,000 digits with 5 % of the labels moved to another class at random (seeded).
//  - Boucle: the whole pass in-process, timed by part: features (deskew + gradient histograms),
//    5-fold cross-validation of the committee (folds in parallel unless --serial), confident
//    learning. Target: < 10 s in a release build.
//  - numpy: tests/bench/suspects_peer.py on the same out-of-sample probabilities and labels,
//    written as .npy files (reading them is not counted).
//  - Both rank their suspects; the table gives the precision and recall of the first k (k = the
//    number of flipped labels; precision over the suspects returned when fewer than k), and the
//    times. Target: Boucle's precision within 2 points of numpy's or better.
//  - For reference, the ranking without confident learning (every row by its normalised margin,
//    as if k were known), and confident learning on in-sample probabilities (the committee
//    scoring the rows it learned), which is what not to do.
//  - A second pair of rows times confident learning alone on a million synthetic rows of ten
//    classes, for both.
// Run from a release build.
#include "childprocess.h"
#include "npyfile.h"

#include "learning/crossvalidatedprobabilities.h"
#include "learning/datasetloader.h"
#include "learning/featurespace.h"
#include "triggers/confidentlearning.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <numeric>
#include <random>
#include <tuple>

using namespace Boucle;

namespace {

QTextStream out(stdout);

struct Ranking
{
    bool ok = false;
    QString note;
    double seconds = -1; // the method only
    double cpuSeconds = -1;
    std::vector<qsizetype> rows; // most suspect first
};

struct Score
{
    qsizetype top = 0;
    double precision = 0;
    double recall = 0;
};

Score score(const std::vector<qsizetype> &rows, const std::vector<quint8> &flipped,
            qsizetype flipCount)
{
    Score s;
    s.top = std::min<qsizetype>(flipCount, qsizetype(rows.size()));
    qsizetype hits = 0;
    for (qsizetype k = 0; k < s.top; ++k)
        hits += flipped[size_t(rows[size_t(k)])];
    s.precision = s.top ? double(hits) / double(s.top) : 0.0;
    s.recall = flipCount ? double(hits) / double(flipCount) : 0.0;
    return s;
}

QString findPython()
{
    // Debian's interpreter first: that is where python3-numpy lives.
    if (QFile::exists(QStringLiteral("/usr/bin/python3")))
        return QStringLiteral("/usr/bin/python3");
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

// The peer's two rankings: pruning by noise rate, then the lowest margins per class.
struct PeerRankings
{
    Ranking noiseRate;
    Ranking perClass;
};

// Writes the probabilities and labels, runs the peer and reads its rankings back.
PeerRankings runPeer(const QString &dir, const cv::Mat &probabilities,
                     const std::vector<int> &labels)
{
    PeerRankings rankings;
    auto fail = [&rankings](const QString &note) {
        rankings.noiseRate.note = rankings.perClass.note = note;
        return rankings;
    };
    QDir().mkpath(dir);
    const QString python = findPython();
    const QString log = dir + QStringLiteral("/peer.txt");
    if (python.isEmpty()
        || !Bench::runChild(python, {QStringLiteral("-c"), QStringLiteral("import numpy")}, log).ok)
        return fail(QStringLiteral("numpy MISSING (Debian python3-numpy)"));
    const auto rows = qint64(probabilities.rows);
    if (!writeNpy(dir + QStringLiteral("/probs.npy"), probabilities.ptr<float>(), "<f4",
                  {rows, qint64(probabilities.cols)}, 4)
        || !writeNpy(dir + QStringLiteral("/labels.npy"), labels.data(), "<i4", {rows}, 4))
        return fail(QStringLiteral("cannot write the .npy files in ") + dir);
    const QString script = QStringLiteral(BOUCLE_BENCH_DIR "/suspects_peer.py");
    const auto run = Bench::runChild(python, {script, dir}, log);
    if (!run.ok)
        return fail(run.error);
    // One line per ranking: its name and the seconds it took.
    QHash<QByteArray, double> times;
    for (const QByteArray &line : run.output.trimmed().split('\n')) {
        const auto fields = line.trimmed().split(' ');
        if (fields.size() == 2)
            times.insert(fields.at(0), fields.at(1).toDouble());
    }
    auto read = [&](const char *name, Ranking &ranking) {
        QFile list(dir + QStringLiteral("/peer_%1.txt").arg(QLatin1String(name)));
        if (!list.open(QIODevice::ReadOnly)) {
            ranking.note = QStringLiteral("the peer wrote no ranking");
            return;
        }
        for (const QByteArray &line : list.readAll().split('\n')) {
            if (!line.trimmed().isEmpty())
                ranking.rows.push_back(line.trimmed().toLongLong());
        }
        ranking.seconds = times.value(name, -1);
        ranking.ok = true;
    };
    read("noise_rate", rankings.noiseRate);
    read("per_class", rankings.perClass);
    return rankings;
}

QString seconds(double value)
{
    if (value < 0)
        return QStringLiteral("-");
    return value < 1 ? QString::number(value * 1e3, 'f', 1) + QStringLiteral(" ms")
                     : QString::number(value, 'f', 2) + QStringLiteral(" s");
}

void row(const QString &what, const QString &suspects, const QString &precision,
         const QString &recall, const QString &time, const QString &note = {})
{
    out << what.leftJustified(52) << suspects.rightJustified(9) << precision.rightJustified(11)
        << recall.rightJustified(9) << time.rightJustified(11) << "  " << note << '\n';
    out.flush();
}

void rankingRow(const QString &what, const Ranking &ranking, const std::vector<quint8> &flipped,
                qsizetype flipCount, const QString &note = {})
{
    if (!ranking.ok) {
        row(what, QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("-"),
            QStringLiteral("-"), ranking.note);
        return;
    }
    const Score s = score(ranking.rows, flipped, flipCount);
    row(what, QString::number(ranking.rows.size()), QString::number(s.precision, 'f', 3),
        QString::number(s.recall, 'f', 3), seconds(ranking.seconds),
        note.isEmpty() ? ranking.note : note);
}

// A million rows of ten classes with sharp predictions and 1 % of the labels flipped.
void syntheticTable(cv::Mat &probabilities, std::vector<int> &labels, std::vector<quint8> &flipped)
{
    constexpr int classes = 10;
    constexpr int rows = 1'000'000;
    probabilities.create(rows, classes, CV_32F);
    labels.assign(size_t(rows), 0);
    flipped.assign(size_t(rows), 0);
    std::mt19937 random(11);
    std::uniform_int_distribution<int> pick(0, classes - 1);
    std::uniform_real_distribution<float> noise(0.0f, 1.0f);
    for (int r = 0; r < rows; ++r) {
        const int truth = pick(random);
        auto *p = probabilities.ptr<float>(r);
        float sum = 0;
        for (int k = 0; k < classes; ++k) {
            p[k] = noise(random) + (k == truth ? 8.0f : 0.0f);
            sum += p[k];
        }
        for (int k = 0; k < classes; ++k)
            p[k] /= sum;
        labels[size_t(r)] = truth;
        if (r % 100 == 0) {
            labels[size_t(r)] = (truth + 1 + pick(random) % (classes - 1)) % classes;
            flipped[size_t(r)] = 1;
        }
    }
}

Ranking ours(const cv::Mat &probabilities, const std::vector<int> &labels, int classes,
             ConfidentLearning::Selection selection, ConfidentLearningResult *keep = nullptr)
{
    Ranking ranking;
    QElapsedTimer timer;
    timer.start();
    const double cpu = Bench::ownCpuSeconds();
    auto result = ConfidentLearning::find(
            std::span<const float>(probabilities.ptr<float>(), probabilities.total()), classes,
            labels, ConfidentLearning::Ranking::NormalisedMargin, selection);
    ranking.seconds = double(timer.nsecsElapsed()) / 1e9;
    ranking.cpuSeconds = Bench::ownCpuSeconds() - cpu;
    ranking.ok = result.ok();
    ranking.note = result.error;
    for (const auto &suspect : result.suspects)
        ranking.rows.push_back(suspect.row);
    if (keep)
        *keep = std::move(result);
    return ranking;
}

// The baseline without confident learning: every labelled row ranked by the normalised margin
// of its label, lowest first.
Ranking marginOnly(const cv::Mat &probabilities, const std::vector<int> &labels)
{
    Ranking ranking;
    QElapsedTimer timer;
    timer.start();
    std::vector<std::pair<double, qsizetype>> scored;
    for (int r = 0; r < probabilities.rows; ++r) {
        const int given = labels[size_t(r)];
        const auto *p = probabilities.ptr<float>(r);
        float other = -1;
        for (int k = 0; k < probabilities.cols; ++k) {
            if (k != given)
                other = std::max(other, p[k]);
        }
        scored.emplace_back((double(p[given]) - double(other) + 1.0) / 2.0, r);
    }
    std::sort(scored.begin(), scored.end());
    for (const auto &entry : scored)
        ranking.rows.push_back(entry.second);
    ranking.seconds = double(timer.nsecsElapsed()) / 1e9;
    ranking.ok = true;
    ranking.note = QStringLiteral("every row is a suspect");
    return ranking;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const auto arguments = app.arguments();
    bool serial = false;
    unsigned seed = 2021;
    QString keep;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--serial")) {
            serial = true;
        } else if (argument == QLatin1String("--keep") && i + 1 < arguments.size()) {
            keep = arguments.at(++i);
        } else if (argument == QLatin1String("--seed") && i + 1 < arguments.size()) {
            seed = arguments.at(++i).toUInt();
        } else {
            QTextStream(stderr) << "usage: bench_suspects [--serial] [--keep DIR] [--seed N]\n";
            return 2;
        }
    }
    QTemporaryDir temporary;
    const QString dir = keep.isEmpty() ? temporary.path() : keep;
    QDir().mkpath(dir);

    QString error;
    auto samples = DatasetLoader::load(QStringLiteral("digits"), &error);
    if (!samples) {
        out << "bench_suspects: " << error << " (Debian package opencv-doc)\n";
        return 1;
    }
    const int classes = samples->classCount();
    std::mt19937 random(seed);
    std::vector<int> order(size_t(samples->size()));
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), random);
    const qsizetype flipCount = samples->size() / 20;
    std::vector<quint8> flipped(size_t(samples->size()), 0);
    std::uniform_int_distribution<int> shift(1, classes - 1);
    for (qsizetype k = 0; k < flipCount; ++k) {
        const auto r = size_t(order[size_t(k)]);
        samples->labels[r] = (samples->labels[r] + shift(random)) % classes;
        flipped[r] = 1;
    }
    double load[1] {};
    out << "bench_suspects: " << samples->size() << " digits, " << flipCount
        << " labels flipped (seed " << seed << "), 5-fold cross-validation of the committee ("
        << (serial ? "folds one after the other" : "folds in parallel") << "), machine load "
        << QString::number(getloadavg(load, 1) == 1 ? load[0] : -1.0, 'f', 2) << "\n\n";

    // The whole pass, timed by part.
    QElapsedTimer total;
    total.start();
    const double totalCpu = Bench::ownCpuSeconds();
    QElapsedTimer part;
    part.start();
    const FeatureSpace space = FeatureSpace::fit(*samples);
    const cv::Mat features = space.transform(*samples);
    const double featureSeconds = double(part.nsecsElapsed()) / 1e9;
    part.restart();
    CrossValidatedProbabilities::Options options;
    options.parallel = !serial;
    options.parameters = Committee::parametersFor(samples->name);
    const auto probabilities = CrossValidatedProbabilities::compute(features, samples->labels,
                                                                    classes, options, &error);
    if (!probabilities) {
        out << "cross-validation failed: " << error << '\n';
        return 1;
    }
    const double foldSeconds = double(part.nsecsElapsed()) / 1e9;
    ConfidentLearningResult result;
    const Ranking boucle = ours(probabilities->probabilities, samples->labels, classes,
                                ConfidentLearning::Selection::PruneByNoiseRate, &result);
    const double totalSeconds = double(total.nsecsElapsed()) / 1e9;
    const double totalCpuSeconds = Bench::ownCpuSeconds() - totalCpu;

    int correct = 0;
    for (int r = 0; r < samples->size(); ++r) {
        cv::Point top;
        cv::minMaxLoc(probabilities->probabilities.row(r), nullptr, nullptr, nullptr, &top);
        correct += top.x == samples->labels[size_t(r)] ? 1 : 0;
    }
    out << "Boucle, the whole pass: " << seconds(totalSeconds) << " wall, "
        << seconds(totalCpuSeconds) << " CPU (target < 10 s): features " << seconds(featureSeconds)
        << ", cross-validation " << seconds(foldSeconds) << ", confident learning "
        << seconds(boucle.seconds) << '\n';
    out << "out-of-sample agreement with the (noisy) labels "
        << QString::number(100.0 * correct / samples->size(), 'f', 1)
        << " %; estimated label errors " << QString::number(result.estimatedErrorTotal, 'f', 1)
        << " (flipped " << flipCount << ")\n\n";

    row(QStringLiteral("contender"), QStringLiteral("suspects"), QStringLiteral("precision"),
        QStringLiteral("recall"), QStringLiteral("time"));
    const QString topK = QStringLiteral(" (top %1)").arg(flipCount);
    const Ranking boucleByClass = ours(probabilities->probabilities, samples->labels, classes,
                                       ConfidentLearning::Selection::LowestScorePerClass);
    const PeerRankings peer = runPeer(dir + QStringLiteral("/digits"), probabilities->probabilities,
                                      samples->labels);
    rankingRow(QStringLiteral("Boucle, pruning by noise rate") + topK, boucle, flipped, flipCount);
    rankingRow(QStringLiteral("numpy, pruning by noise rate") + topK, peer.noiseRate, flipped,
               flipCount);
    rankingRow(QStringLiteral("Boucle, lowest margin per class") + topK, boucleByClass, flipped,
               flipCount);
    rankingRow(QStringLiteral("numpy, lowest margin per class") + topK, peer.perClass, flipped,
               flipCount);
    rankingRow(QStringLiteral("margin alone, k known") + topK,
               marginOnly(probabilities->probabilities, samples->labels), flipped, flipCount);
    // What in-sample probabilities would give: the committee scoring the rows it learned.
    Committee inSample(classes, options.kinds, options.parameters);
    inSample.train(features, samples->labels);
    rankingRow(QStringLiteral("in-sample probabilities, noise rate") + topK,
               ours(inSample.predict(features).probabilities, samples->labels, classes,
                    ConfidentLearning::Selection::PruneByNoiseRate),
               flipped, flipCount, QStringLiteral("not out-of-sample: do not do this"));
    out << '\n';
    for (const auto &[name, ours, theirs] :
         {std::tuple {"pruning by noise rate", &boucle, &peer.noiseRate},
          std::tuple {"lowest margin per class", &boucleByClass, &peer.perClass}}) {
        if (!theirs->ok)
            continue;
        out << name << ": same ranking as numpy: " << (ours->rows == theirs->rows ? "yes" : "no")
            << "; precision difference "
            << QString::number(100.0
                                       * (score(ours->rows, flipped, flipCount).precision
                                          - score(theirs->rows, flipped, flipCount).precision),
                               'f', 1)
            << " points (target >= -2)\n";
    }

    // Confident learning alone, a million rows.
    out << '\n';
    cv::Mat million;
    std::vector<int> millionLabels;
    std::vector<quint8> millionFlipped;
    syntheticTable(million, millionLabels, millionFlipped);
    const auto millionFlips
            = qsizetype(std::count(millionFlipped.begin(), millionFlipped.end(), quint8(1)));
    const QString topMillion = QStringLiteral(" (top %1)").arg(millionFlips);
    rankingRow(QStringLiteral("Boucle, 1M x 10, pruning by noise rate") + topMillion,
               ours(million, millionLabels, 10, ConfidentLearning::Selection::PruneByNoiseRate),
               millionFlipped, millionFlips);
    rankingRow(QStringLiteral("Boucle, 1M x 10, lowest margin per class") + topMillion,
               ours(million, millionLabels, 10, ConfidentLearning::Selection::LowestScorePerClass),
               millionFlipped, millionFlips);
    const PeerRankings millionPeer
            = runPeer(dir + QStringLiteral("/synthetic"), million, millionLabels);
    rankingRow(QStringLiteral("numpy, 1M x 10, pruning by noise rate") + topMillion,
               millionPeer.noiseRate, millionFlipped, millionFlips);
    rankingRow(QStringLiteral("numpy, 1M x 10, lowest margin per class") + topMillion,
               millionPeer.perClass, millionFlipped, millionFlips);
    return 0;
}
