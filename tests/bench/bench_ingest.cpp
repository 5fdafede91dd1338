// bench_ingest [LINES] [--keep DIR] [--import-only] [--reuse]: the input side of the loop, side by
// side with its peers.
//  1. import of a generated LINES-line log (10 classes, 3 committee members, 16-d embeddings):
//     Boucle vs the raw SQLite floor (the same rows inserted by the sqlite3 shell, same schema and
//     pragmas) vs a Python stdlib peer (json + sqlite3);
//  2. (trigger scoring is bench_flag's);
//  3. k-means diversity over 100,000 x 64 vs scikit-learn's MiniBatchKMeans.
// A missing peer (sqlite3, python3, numpy, scikit-learn) is reported, never a failure.
// Run from a release build; LINES defaults to 1,000,000.
#include "ingest/logimporter.h"
#include "ingest/predictionlogreader.h"
#include "policy/diversityselection.h"
#include "store/projectstore.h"
#include "store/schemamigrations.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <random>
#include <sys/resource.h>

using namespace Boucle;

namespace {

QTextStream out(stdout);

constexpr int classes = 10;
constexpr int members = 3;
constexpr int dimensions = 16;

// CPU seconds (user + system) of this process, or of its waited-for children: the machine may be
// shared, so wall time alone can mislead.
double cpuSeconds(int who)
{
    rusage usage {};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

long peakRssMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

void appendNumber(QByteArray &line, float value, int decimals)
{
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed,
                                   decimals)
                             .ptr;
    line.append(buffer, end - buffer);
}

void appendHex(QByteArray &sql, const float *values, int count)
{
    sql.append("X'");
    sql.append(
            QByteArray(reinterpret_cast<const char *>(values), count * int(sizeof(float))).toHex());
    sql.append('\'');
}

// Probabilities as printed with 4 decimals, and the floats they read back as.
void makeProbs(std::mt19937_64 &random, int truth, float sharpness, float *probs)
{
    std::normal_distribution<float> noise(0.0f, 1.0f);
    float logits[classes], sum = 0;
    for (int k = 0; k < classes; ++k) {
        logits[k] = std::exp(noise(random) + (k == truth ? sharpness : 0.0f));
        sum += logits[k];
    }
    for (int k = 0; k < classes; ++k) {
        char buffer[32];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, logits[k] / sum,
                                       std::chars_format::fixed, 4)
                                 .ptr;
        std::from_chars(buffer, end, probs[k]);
    }
}

struct Generated
{
    QString log;
    QString floorSql;
    qint64 logBytes = 0;
};

// Writes the log and, from the same values, the SQL script the sqlite3 shell runs as the floor.
Generated generate(const QString &dir, qint64 lines)
{
    Generated generated;
    generated.log = dir + QStringLiteral("/predictions.jsonl");
    generated.floorSql = dir + QStringLiteral("/floor.sql");
    QFile log(generated.log), sql(generated.floorSql);
    if (!log.open(QIODevice::WriteOnly) || !sql.open(QIODevice::WriteOnly))
        qFatal("cannot write the benchmark files");
    QByteArray header = "{\"classes\": [";
    QByteArray script
            = "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=FULL;\nPRAGMA foreign_keys=ON;\n";
    for (const auto &statement : schemaMigration(1))
        script += statement.toUtf8() + ";\n";
    script += "BEGIN IMMEDIATE;\n";
    for (int k = 0; k < classes; ++k) {
        header += (k ? ",\"c" : "\"c") + QByteArray::number(k) + '"';
        script += "INSERT INTO classes (name, position) VALUES ('c" + QByteArray::number(k) + "', "
                  + QByteArray::number(k) + ");\n";
    }
    header += "]}\n";
    script += "INSERT INTO models (name, version, created_at) VALUES ('net', '1', "
              "'2024-01-01T00:00:00Z');\n";
    log.write(header);
    sql.write(script);

    std::mt19937_64 random(2024);
    std::uniform_int_distribution<int> classPick(0, classes - 1);
    std::normal_distribution<float> gauss(0.0f, 1.0f);
    const QDateTime start(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    QByteArray line, row;
    float probs[classes], committee[members][classes], embedding[dimensions];
    for (qint64 i = 0; i < lines; ++i) {
        const int truth = classPick(random);
        makeProbs(random, truth, 2.5f, probs);
        for (auto &member : committee)
            makeProbs(random, truth, 2.0f, member);
        for (int j = 0; j < dimensions; ++j) {
            const float value = float(truth % 4) + gauss(random);
            char buffer[32];
            const auto end = std::to_chars(buffer, buffer + sizeof buffer, value,
                                           std::chars_format::fixed, 3)
                                     .ptr;
            std::from_chars(buffer, end, embedding[j]);
        }
        const QByteArray path = "img/" + QByteArray::number(i).rightJustified(7, '0') + ".png";
        const QByteArray time = start.addSecs(i * 35 * 86400 / std::max<qint64>(1, lines))
                                        .toString(Qt::ISODateWithMs)
                                        .toLatin1();
        line.clear();
        line += "{\"sample\":\"" + path + "\",\"model\":\"net@1\",\"probs\":[";
        for (int k = 0; k < classes; ++k) {
            if (k)
                line += ',';
            appendNumber(line, probs[k], 4);
        }
        line += "],\"committee\":[";
        QByteArray committeeJson = "[";
        for (int m = 0; m < members; ++m) {
            const QByteArray head = (m ? ",{\"model\":\"c" : "{\"model\":\"c")
                                    + QByteArray::number(m) + "@1\",\"probs\":[";
            line += head;
            committeeJson += head;
            for (int k = 0; k < classes; ++k) {
                if (k) {
                    line += ',';
                    committeeJson += ',';
                }
                appendNumber(line, committee[m][k], 4);
                char buffer[32];
                const auto end = std::to_chars(buffer, buffer + sizeof buffer, committee[m][k]).ptr;
                committeeJson.append(buffer, end - buffer);
            }
            line += "]}";
            committeeJson += "]}";
        }
        committeeJson += ']';
        line += "],\"embedding\":[";
        for (int j = 0; j < dimensions; ++j) {
            if (j)
                line += ',';
            appendNumber(line, embedding[j], 3);
        }
        line += "],\"time\":\"" + time + "\"}\n";
        log.write(line);

        int top = 0;
        for (int k = 1; k < classes; ++k)
            top = probs[k] > probs[top] ? k : top;
        row.clear();
        row += "INSERT INTO samples (path, kind, sha256, byte_size, width, height, missing, split,"
               " metadata, added_at) VALUES ('"
               + path
               + "', 'image', NULL, 0, 0, 0, 1, 'pool', NULL, '2024-06-01T00:00:00.000Z');\n";
        row += "INSERT INTO predictions (sample_id, model_id, label_id, confidence, probs, "
               "committee,"
               " embedding, objects, heatmap, predicted_at, truth_id, report, upstream_flags,"
               " metadata, log_line) VALUES ("
               + QByteArray::number(i + 1) + ", 1, " + QByteArray::number(top + 1) + ", "
               + QByteArray::number(double(probs[top]), 'g', 9) + ", ";
        appendHex(row, probs, classes);
        row += ", '" + committeeJson + "', ";
        appendHex(row, embedding, dimensions);
        row += ", NULL, NULL, '" + time + "', NULL, NULL, NULL, NULL, " + QByteArray::number(i + 2)
               + ");\n";
        sql.write(row);
    }
    sql.write("COMMIT;\n");
    generated.logBytes = log.size();
    return generated;
}

QString findPython()
{
    // Debian's interpreter first: that is where python3-numpy and python3-sklearn live.
    if (QFile::exists(QStringLiteral("/usr/bin/python3")))
        return QStringLiteral("/usr/bin/python3");
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

bool pythonHas(const QString &python, const QString &module)
{
    if (python.isEmpty())
        return false;
    QProcess process;
    process.start(python, {QStringLiteral("-c"), QStringLiteral("import %1").arg(module)});
    return process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit
           && process.exitCode() == 0;
}

// Runs a program; returns wall seconds, or -1 with `error` set.
double timed(const QString &program, const QStringList &arguments, QString *error,
             const QString &stdinFile = {}, QByteArray *stdoutText = nullptr)
{
    QProcess process;
    if (!stdinFile.isEmpty())
        process.setStandardInputFile(stdinFile);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForStarted(60000)) {
        *error = process.errorString();
        return -1;
    }
    process.waitForFinished(-1);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QString::fromUtf8(process.readAllStandardError()).left(600);
        return -1;
    }
    if (stdoutText)
        *stdoutText = process.readAllStandardOutput();
    return seconds;
}

void writeNpy(const QString &path, const void *data, const char *descr, const QList<qint64> &shape,
              qint64 itemBytes)
{
    QByteArray dims;
    qint64 count = 1;
    for (const auto d : shape) {
        dims += QByteArray::number(d) + ", ";
        count *= d;
    }
    if (shape.size() > 1)
        dims.chop(1);
    QByteArray header = "{'descr': '" + QByteArray(descr) + "', 'fortran_order': False, 'shape': ("
                        + dims.trimmed() + "), }";
    while ((10 + header.size() + 1) % 64 != 0)
        header += ' ';
    header += '\n';
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write("\x93NUMPY\x01\x00", 8);
    const quint16 length = quint16(header.size());
    file.write(reinterpret_cast<const char *>(&length), 2);
    file.write(header);
    file.write(static_cast<const char *>(data), count * itemBytes);
}

const char *pythonImportPeer = R"PY(
import json, os, sqlite3, struct, sys
log, db, schema = sys.argv[1], sys.argv[2], sys.argv[3]
con = sqlite3.connect(db, isolation_level=None)
con.execute("PRAGMA journal_mode=WAL"); con.execute("PRAGMA synchronous=FULL"); con.execute("PRAGMA foreign_keys=ON")
for statement in open(schema).read().split(";\n"):
    if statement.strip(): con.execute(statement)
con.execute("BEGIN IMMEDIATE")
folder = os.path.dirname(os.path.abspath(log))
classes, class_ids, models, line_no = [], {}, {}, 0
with open(log, encoding="utf-8") as f:
    for text in f:
        line_no += 1
        obj = json.loads(text)
        if "classes" in obj and "sample" not in obj:
            for position, name in enumerate(obj["classes"]):
                cur = con.execute("INSERT INTO classes (name, position) VALUES (?, ?)", (name, position))
                class_ids[name] = cur.lastrowid
            classes = obj["classes"]
            continue
        model = obj["model"]
        if model not in models:
            name, version = model.rsplit("@", 1)
            models[model] = con.execute("INSERT INTO models (name, version, created_at) VALUES (?, ?, '2024-01-01')", (name, version)).lastrowid
        path = obj["sample"]
        missing = 0 if os.path.exists(os.path.join(folder, path)) else 1
        sid = con.execute("INSERT INTO samples (path, kind, missing, split, added_at) VALUES (?, 'image', ?, 'pool', '2024-06-01')", (path, missing)).lastrowid
        probs = obj["probs"]
        top = max(range(len(probs)), key=probs.__getitem__)
        committee = json.dumps(obj.get("committee", []), separators=(",", ":"))
        emb = obj.get("embedding", [])
        con.execute("INSERT INTO predictions (sample_id, model_id, label_id, confidence, probs, committee, embedding, predicted_at, log_line)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (sid, models[model], class_ids[classes[top]], probs[top], struct.pack("<%df" % len(probs), *probs),
                     committee, struct.pack("<%df" % len(emb), *emb), obj.get("time"), line_no))
con.execute("COMMIT")
)PY";

const char *sklearnPeer = R"PY(
import sys, time, numpy as np
from sklearn.cluster import MiniBatchKMeans
X = np.load(sys.argv[1])
start = time.perf_counter()
model = MiniBatchKMeans(n_clusters=int(sys.argv[2]), n_init=1, random_state=0, batch_size=1024).fit(X)
elapsed = time.perf_counter() - start
print(elapsed, model.inertia_)
)PY";

QString writeScript(const QString &dir, const QString &name, const char *text)
{
    const QString path = dir + QLatin1Char('/') + name;
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(text);
    return path;
}

void row(const QString &what, const QString &ours, const QString &peer, const QString &peerName,
         const QString &ratio)
{
    out << what.leftJustified(34) << ours.rightJustified(12) << peer.rightJustified(12) << "  "
        << peerName.leftJustified(26) << ratio << '\n';
    out.flush();
}

QString seconds(double s)
{
    return s < 0 ? QStringLiteral("-") : QString::number(s, 'f', 2) + QStringLiteral(" s");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    qint64 lines = 1000000;
    QString keep;
    bool importOnly = false; // for profiling the import alone
    bool reuse = false;      // with --keep: import the log generated by an earlier run
    const auto arguments = app.arguments();
    for (int i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--keep") && i + 1 < arguments.size())
            keep = arguments.at(++i);
        else if (arguments.at(i) == QLatin1String("--import-only"))
            importOnly = true;
        else if (arguments.at(i) == QLatin1String("--reuse"))
            reuse = true;
        else
            lines = arguments.at(i).toLongLong();
    }
    if (lines <= 0) {
        QTextStream(stderr)
                << "usage: bench_ingest [LINES] [--keep DIR] [--import-only] [--reuse]\n";
        return 2;
    }
    QTemporaryDir temporary;
    const QString dir = keep.isEmpty() ? temporary.path() : keep;
    QDir().mkpath(dir);
    out << "bench_ingest: " << lines << " lines, " << classes << " classes, " << members
        << " committee members, " << dimensions << "-d embeddings; work dir " << dir << "\n";

    QElapsedTimer timer;
    timer.start();
    Generated generated;
    if (reuse) {
        generated.log = dir + QStringLiteral("/predictions.jsonl");
        generated.floorSql = dir + QStringLiteral("/floor.sql");
        generated.logBytes = QFileInfo(generated.log).size();
    } else {
        generated = generate(dir, lines);
    }
    out << "generated " << (generated.logBytes >> 20) << " MiB of log in "
        << seconds(double(timer.nsecsElapsed()) / 1e9) << " (sample files absent: every sample"
        << " is stored as missing, in every contender)\n\n";
    row(QStringLiteral("measure"), QStringLiteral("Boucle"), QStringLiteral("peer"),
        QStringLiteral("peer name"), QStringLiteral("Boucle vs peer"));

    // 0. Reading and checking alone (no database), to show where the import's time goes.
    {
        PredictionLogReader::Options options;
        options.dataRoot = dir;
        PredictionLogReader reader(options);
        LogEntry entry;
        qint64 entries = 0;
        timer.restart();
        const double before = cpuSeconds(RUSAGE_SELF);
        if (reader.open(generated.log)) {
            while (reader.next(entry) != PredictionLogReader::Result::End)
                ++entries;
        }
        row(QStringLiteral("read + check the log only (CPU)"),
            seconds(cpuSeconds(RUSAGE_SELF) - before), {}, {},
            QStringLiteral("%1 lines, %2 MiB/s")
                    .arg(entries)
                    .arg(double(generated.logBytes >> 20) / (cpuSeconds(RUSAGE_SELF) - before), 0,
                         'f', 0));
    }

    // 1. Import.
    const QString projectPath = dir + QStringLiteral("/bench.boucle");
    QFile::remove(projectPath);
    ProjectStore store;
    if (auto error = store.create(projectPath, dir)) {
        out << "cannot create the project: " << error.message << '\n';
        return 1;
    }
    LogImporter importer(store);
    timer.restart();
    const double cpuBefore = cpuSeconds(RUSAGE_SELF);
    const auto report = importer.import(generated.log);
    const double ours = double(timer.nsecsElapsed()) / 1e9;
    const double oursCpu = cpuSeconds(RUSAGE_SELF) - cpuBefore;
    if (!report.isSuccess()) {
        out << "import failed: " << report.summary() << '\n' << report.problemList().left(2000);
        return 1;
    }
    const long importRss = peakRssMiB();
    if (importOnly) {
        out << "import: " << seconds(ours) << " wall, " << seconds(oursCpu) << " CPU, " << importRss
            << " MiB peak\n";
        return 0;
    }

    QString error;
    double floor = -1, floorCpu = -1;
    const QString sqlite = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (!sqlite.isEmpty()) {
        const QString floorDb = dir + QStringLiteral("/floor.db");
        QFile::remove(floorDb);
        const double childBefore = cpuSeconds(RUSAGE_CHILDREN);
        floor = timed(sqlite, {floorDb}, &error, generated.floorSql);
        floorCpu = cpuSeconds(RUSAGE_CHILDREN) - childBefore;
        if (floor < 0)
            out << "sqlite3 floor failed: " << error << '\n';
    }
    row(QStringLiteral("import (wall)"), seconds(ours), seconds(floor),
        sqlite.isEmpty() ? QStringLiteral("sqlite3 shell: MISSING")
                         : QStringLiteral("raw sqlite3 shell floor"),
        floor > 0 ? QStringLiteral("%1x the floor (target <= 2x)").arg(ours / floor, 0, 'f', 2)
                  : QString());

    const QString python = findPython();
    double pythonImport = -1, pythonCpu = -1;
    if (!python.isEmpty()) {
        QFile schema(dir + QStringLiteral("/schema.sql"));
        if (schema.open(QIODevice::WriteOnly))
            schema.write(schemaMigration(1).join(QStringLiteral(";\n")).toUtf8() + ";\n");
        schema.close();
        const QString peerDb = dir + QStringLiteral("/python.db");
        QFile::remove(peerDb);
        const double childBefore = cpuSeconds(RUSAGE_CHILDREN);
        pythonImport = timed(python,
                             {writeScript(dir, QStringLiteral("import_peer.py"), pythonImportPeer),
                              generated.log, peerDb, schema.fileName()},
                             &error);
        pythonCpu = cpuSeconds(RUSAGE_CHILDREN) - childBefore;
        if (pythonImport < 0)
            out << "python peer failed: " << error << '\n';
    }
    row(QStringLiteral("import (wall)"), seconds(ours), seconds(pythonImport),
        python.isEmpty() ? QStringLiteral("python3: MISSING")
                         : QStringLiteral("python json+sqlite3"),
        pythonImport > 0
                ? QStringLiteral("%1x faster (target >= 4x)").arg(pythonImport / ours, 0, 'f', 2)
                : QString());
    row(QStringLiteral("import (CPU)"), seconds(oursCpu), seconds(floorCpu),
        QStringLiteral("raw sqlite3 shell floor"),
        floorCpu > 0 ? QStringLiteral("%1x the floor").arg(oursCpu / floorCpu, 0, 'f', 2)
                     : QString());
    row(QStringLiteral("import (CPU)"), seconds(oursCpu), seconds(pythonCpu),
        QStringLiteral("python json+sqlite3"),
        pythonCpu > 0 ? QStringLiteral("%1x faster").arg(pythonCpu / oursCpu, 0, 'f', 2)
                      : QString());
    row(QStringLiteral("import lines per second"), QString::number(qint64(double(lines) / ours)),
        {}, {}, {});
    row(QStringLiteral("peak memory after import"), QStringLiteral("%1 MiB").arg(importRss), {}, {},
        QStringLiteral("target < 1024 MiB"));

    // 2. Trigger scoring: see bench_flag.
    const bool haveNumpy = pythonHas(python, QStringLiteral("numpy"));

    // 3. k-means diversity over 100,000 x 64 (fewer when the run is smaller).
    const qsizetype points = std::min<qsizetype>(100000, lines);
    constexpr int wide = 64, k = 100;
    std::vector<float> data(size_t(points) * wide);
    {
        std::mt19937_64 random(7);
        std::normal_distribution<float> gauss(0.0f, 1.0f);
        std::vector<float> centres(size_t(50) * wide);
        for (auto &value : centres)
            value = gauss(random) * 5.0f;
        std::uniform_int_distribution<int> pick(0, 49);
        for (qsizetype i = 0; i < points; ++i) {
            const int c = pick(random);
            for (int j = 0; j < wide; ++j)
                data[size_t(i) * wide + size_t(j)]
                        = centres[size_t(c) * wide + size_t(j)] + gauss(random);
        }
    }
    timer.restart();
    const auto clusters = Diversity::kmeans(data.data(), points, wide, k, 1);
    const double kmeansTime = double(timer.nsecsElapsed()) / 1e9;
    double inertia = 0;
    for (qsizetype i = 0; i < points; ++i) {
        const float *x = data.data() + i * wide;
        const float *c = clusters.centers.data() + qsizetype(clusters.assignment[size_t(i)]) * wide;
        for (int j = 0; j < wide; ++j)
            inertia += double(x[j] - c[j]) * double(x[j] - c[j]);
    }
    double sklearnTime = -1, sklearnInertia = 0;
    const bool haveSklearn = haveNumpy && pythonHas(python, QStringLiteral("sklearn"));
    if (haveSklearn) {
        writeNpy(dir + QStringLiteral("/kmeans.npy"), data.data(), "<f4", {points, wide}, 4);
        QByteArray text;
        if (timed(python,
                  {writeScript(dir, QStringLiteral("kmeans_peer.py"), sklearnPeer),
                   dir + QStringLiteral("/kmeans.npy"), QString::number(k)},
                  &error, {}, &text)
            < 0) {
            out << "scikit-learn peer failed: " << error << '\n';
        } else {
            const auto parts = text.trimmed().split(' ');
            sklearnTime = parts.value(0).toDouble();
            sklearnInertia = parts.value(1).toDouble();
        }
    }
    row(QStringLiteral("k-means %1x%2, k=%3").arg(points).arg(wide).arg(k), seconds(kmeansTime),
        seconds(sklearnTime),
        haveSklearn ? QStringLiteral("sklearn MiniBatchKMeans")
                    : QStringLiteral("scikit-learn: MISSING"),
        sklearnTime > 0 ? QStringLiteral("%1x faster (target >= 1x)")
                                  .arg(sklearnTime / kmeansTime, 0, 'f', 2)
                        : QString());
    if (sklearnTime > 0)
        out << "  inertia: Boucle " << QString::number(inertia, 'g', 6) << ", scikit-learn "
            << QString::number(sklearnInertia, 'g', 6) << " (lower is tighter)\n";
    out << "peak memory of the whole run: " << peakRssMiB() << " MiB\n";
    return 0;
}
