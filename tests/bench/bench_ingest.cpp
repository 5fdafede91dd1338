// bench_ingest [LINES] [--keep DIR] [--import-only [--present]] [--reuse] [--keep-files]
//              [--absent-only]: the input side of the loop, side by side with its peers.
// (--keep-files leaves the sample files in DIR, so that a later `--keep DIR --reuse
// --import-only --present` imports with them present; --absent-only runs the three contenders
// with the files absent and stops.)
//  1. import of a generated LINES-line log (10 classes, 3 committee members, 16-d embeddings),
//     with the sample files absent and then present (LINES small PNG files, each its own file
//     as in a real dataset, removed at the end): Boucle vs the C-API floor (the same rows, same
//     schema, pragmas and library set-up, inserted with prepared statements in one transaction
//     through the sqlite3 C API from the values the generator made, with a stat() per path when
//     the files are present)
//     vs a Python stdlib peer (json + sqlite3). Each contender runs as a child process, so its CPU
//     time and peak memory are its own;
//  2. (trigger scoring is bench_flag's);
//  3. k-means diversity over 100,000 x 64 vs scikit-learn's MiniBatchKMeans.
// A missing peer (sqlite3, python3, numpy, scikit-learn) is reported, never a failure.
// Run from a release build; LINES defaults to 1,000,000.
#include "childprocess.h"
#include "ingest/logimporter.h"
#include "ingest/predictionlogreader.h"
#include "npyfile.h"
#include "policy/diversityselection.h"
#include "store/projectstore.h"
#include "store/schemamigrations.h"
#include "store/sqlitelibrarysetup.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Boucle;

namespace {

QTextStream out(stdout);

constexpr int classes = 10;
constexpr int members = 3;
constexpr int dimensions = 16;

void appendNumber(QByteArray &line, float value, int decimals)
{
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed,
                                   decimals)
                             .ptr;
    line.append(buffer, end - buffer);
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
    QString rows; // the values of every line, for the C-API floor (FloorRow after FloorRow)
    qint64 logBytes = 0;
};

// One generated line as the floor inserts it; the committee JSON text follows it.
struct FloorRow
{
    qint32 top = 0;
    float confidence = 0;
    float probs[classes] {};
    float embedding[dimensions] {};
    char time[32] {};
    quint32 committeeBytes = 0;
};

QByteArray samplePath(qint64 i)
{
    return "img/" + QByteArray::number(i).rightJustified(7, '0') + ".png";
}

// Writes the log and, from the same values, the rows the C-API floor inserts.
Generated generate(const QString &dir, qint64 lines)
{
    Generated generated;
    generated.log = dir + QStringLiteral("/predictions.jsonl");
    generated.rows = dir + QStringLiteral("/floor.rows");
    QFile log(generated.log), rows(generated.rows);
    if (!log.open(QIODevice::WriteOnly) || !rows.open(QIODevice::WriteOnly))
        qFatal("cannot write the benchmark files");
    QByteArray header = "{\"classes\": [";
    for (int k = 0; k < classes; ++k)
        header += (k ? ",\"c" : "\"c") + QByteArray::number(k) + '"';
    header += "]}\n";
    log.write(header);

    std::mt19937_64 random(2024);
    std::uniform_int_distribution<int> classPick(0, classes - 1);
    std::normal_distribution<float> gauss(0.0f, 1.0f);
    const QDateTime start(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    QByteArray line;
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
        const QByteArray path = samplePath(i);
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

        FloorRow row;
        for (int k = 1; k < classes; ++k)
            row.top = probs[k] > probs[row.top] ? k : row.top;
        row.confidence = probs[row.top];
        std::copy_n(probs, classes, row.probs);
        std::copy_n(embedding, dimensions, row.embedding);
        std::memcpy(row.time, time.constData(), std::min<size_t>(size_t(time.size()), 31));
        row.committeeBytes = quint32(committeeJson.size());
        rows.write(reinterpret_cast<const char *>(&row), sizeof row);
        rows.write(committeeJson);
    }
    generated.logBytes = log.size();
    return generated;
}

// The C-API floor: the rows of `rowsPath` into a new database `dbPath` with the project's
// schema, prepared statements, one transaction. With `present`, a stat() per sample path.
int floorChild(const QString &rowsPath, const QString &dbPath, const QString &dataRoot,
               bool present)
{
    setUpSqliteLibrary(); // as a project's process does (ProjectStore::open)
    QFile rows(rowsPath);
    if (!rows.open(QIODevice::ReadOnly))
        return 3;
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(dbPath).constData(), &db) != SQLITE_OK)
        return 3;
    auto exec = [db](const QByteArray &sql) {
        char *message = nullptr;
        if (sqlite3_exec(db, sql.constData(), nullptr, nullptr, &message) != SQLITE_OK) {
            QTextStream(stderr) << "floor: " << message << " in " << sql.left(200) << '\n';
            std::exit(4);
        }
    };
    // The pragmas a project connection sets (ProjectStore::open).
    exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
         " PRAGMA cache_size=-65536");
    for (int version = 1; version <= latestSchemaVersion(); ++version)
        for (const auto &statement : schemaMigration(version))
            exec(statement.toUtf8());
    exec("BEGIN IMMEDIATE");
    for (int k = 0; k < classes; ++k)
        exec("INSERT INTO classes (name, position) VALUES ('c" + QByteArray::number(k) + "', "
             + QByteArray::number(k) + ")");
    exec("INSERT INTO models (name, version, created_at) VALUES ('net', '1', "
         "'2024-01-01T00:00:00Z')");
    sqlite3_stmt *sample = nullptr, *prediction = nullptr;
    sqlite3_prepare_v3(db,
                       "INSERT INTO samples (path, kind, byte_size, width, height, missing, split,"
                       " added_at) VALUES (?, 'image', ?, 0, 0, ?, 'pool',"
                       " '2024-06-01T00:00:00.000Z')",
                       -1, SQLITE_PREPARE_PERSISTENT, &sample, nullptr);
    sqlite3_prepare_v3(db,
                       "INSERT INTO predictions (sample_id, model_id, label_id, confidence, probs,"
                       " committee, embedding, predicted_at, log_line)"
                       " VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)",
                       -1, SQLITE_PREPARE_PERSISTENT, &prediction, nullptr);
    if (!sample || !prediction)
        return 4;
    const QByteArray root = QFile::encodeName(dataRoot) + '/';
    FloorRow row;
    QByteArray committee;
    for (qint64 i = 0; rows.read(reinterpret_cast<char *>(&row), sizeof row) == sizeof row; ++i) {
        committee.resize(row.committeeBytes);
        rows.read(committee.data(), row.committeeBytes);
        const QByteArray path = samplePath(i);
        struct stat info
        { };
        const bool exists = present && ::stat((root + path).constData(), &info) == 0;
        sqlite3_bind_text(sample, 1, path.constData(), int(path.size()), SQLITE_STATIC);
        sqlite3_bind_int64(sample, 2, exists ? info.st_size : 0);
        sqlite3_bind_int(sample, 3, exists ? 0 : 1);
        if (sqlite3_step(sample) != SQLITE_DONE)
            return 5;
        sqlite3_reset(sample);
        sqlite3_bind_int64(prediction, 1, sqlite3_last_insert_rowid(db));
        sqlite3_bind_int64(prediction, 2, row.top + 1);
        sqlite3_bind_double(prediction, 3, double(row.confidence));
        sqlite3_bind_blob(prediction, 4, row.probs, sizeof row.probs, SQLITE_STATIC);
        sqlite3_bind_text(prediction, 5, committee.constData(), int(committee.size()),
                          SQLITE_STATIC);
        sqlite3_bind_blob(prediction, 6, row.embedding, sizeof row.embedding, SQLITE_STATIC);
        sqlite3_bind_text(prediction, 7, row.time, -1, SQLITE_STATIC);
        sqlite3_bind_int64(prediction, 8, i + 2);
        if (sqlite3_step(prediction) != SQLITE_DONE)
            return 5;
        sqlite3_reset(prediction);
    }
    sqlite3_finalize(sample);
    sqlite3_finalize(prediction);
    exec("COMMIT");
    return sqlite3_close(db) == SQLITE_OK ? 0 : 6;
}

// Boucle's import of `log` into a new project `projectPath` over `dataRoot`.
int importChild(const QString &log, const QString &projectPath, const QString &dataRoot)
{
    ProjectStore store;
    if (auto error = store.create(projectPath, dataRoot)) {
        QTextStream(stderr) << "cannot create the project: " << error.message << '\n';
        return 3;
    }
    LogImporter importer(store);
    const auto report = importer.import(log);
    if (!report.isSuccess()) {
        QTextStream(stderr) << "import failed: " << report.summary() << '\n'
                            << report.problemList().left(2000);
        return 4;
    }
    return 0;
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

const char *pythonImportPeer = R"PY(
import json, os, sqlite3, struct, sys
log, db, schema = sys.argv[1], sys.argv[2], sys.argv[3]
con = sqlite3.connect(db, isolation_level=None)
con.execute("PRAGMA journal_mode=WAL"); con.execute("PRAGMA synchronous=FULL"); con.execute("PRAGMA foreign_keys=ON")
con.execute("PRAGMA cache_size=-65536")
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
    const auto arguments = app.arguments();
    // The contenders of section 1, run as children of this benchmark.
    if (arguments.size() == 5 && arguments.at(1) == QLatin1String("--child-import"))
        return importChild(arguments.at(2), arguments.at(3), arguments.at(4));
    if (arguments.size() == 6 && arguments.at(1) == QLatin1String("--child-floor"))
        return floorChild(arguments.at(2), arguments.at(3), arguments.at(4),
                          arguments.at(5) == QLatin1String("present"));

    qint64 lines = 1000000;
    QString keep;
    bool importOnly = false;  // for profiling the import alone
    bool reuse = false;       // with --keep: import the log generated by an earlier run
    bool intoPresent = false; // with --import-only: into the project of the files-present run
    bool keepFiles = false;   // leave the sample files for a later --present
    bool absentOnly = false;  // the files-absent contenders only
    for (int i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--keep") && i + 1 < arguments.size())
            keep = arguments.at(++i);
        else if (arguments.at(i) == QLatin1String("--import-only"))
            importOnly = true;
        else if (arguments.at(i) == QLatin1String("--reuse"))
            reuse = true;
        else if (arguments.at(i) == QLatin1String("--present"))
            intoPresent = true;
        else if (arguments.at(i) == QLatin1String("--keep-files"))
            keepFiles = true;
        else if (arguments.at(i) == QLatin1String("--absent-only"))
            absentOnly = true;
        else
            lines = arguments.at(i).toLongLong();
    }
    if (lines <= 0) {
        QTextStream(stderr)
                << "usage: bench_ingest [LINES] [--keep DIR] [--import-only [--present]] [--reuse]"
                   " [--keep-files] [--absent-only]\n";
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
        generated.rows = dir + QStringLiteral("/floor.rows");
        generated.logBytes = QFileInfo(generated.log).size();
    } else {
        generated = generate(dir, lines);
    }
    out << "generated " << (generated.logBytes >> 20) << " MiB of log in "
        << seconds(double(timer.nsecsElapsed()) / 1e9)
        << "; JSON kernel: " << PredictionLogReader::jsonKernels().constFirst()
        << " (this processor runs " << PredictionLogReader::jsonKernels().join(QStringLiteral(", "))
        << ")\n\n";

    // 0. Reading and checking alone (no database), to show where the import's time goes.
    {
        PredictionLogReader::Options options;
        options.dataRoot = dir;
        PredictionLogReader reader(options);
        LogEntry entry;
        qint64 entries = 0;
        const double before = Bench::ownCpuSeconds();
        if (reader.open(generated.log)) {
            while (reader.next(entry) != PredictionLogReader::Result::End)
                ++entries;
        }
        const double cpu = Bench::ownCpuSeconds() - before;
        out << "read + check the log only, " << reader.jsonKernel() << " kernel: " << seconds(cpu)
            << " CPU, " << entries << " lines, "
            << QString::number(double(generated.logBytes >> 20) / cpu, 'f', 0) << " MiB/s\n";
    }

    // 1. Import, with the sample files absent and then present.
    const QString self = QCoreApplication::applicationFilePath();
    const QString absentProject = dir + QStringLiteral("/bench.boucle");
    // Each contender starts with nothing of the one before still to be written: without this,
    // the kernel wrote the previous contender's 600 MB database back during the next one's run.
    auto settle = [] {
        ::sync();
    };
    auto importOurs = [&](const QString &project) {
        QFile::remove(project);
        QFile::remove(project + QStringLiteral("-wal"));
        QFile::remove(project + QStringLiteral("-shm"));
        settle();
        return Bench::runChild(self,
                               {QStringLiteral("--child-import"), generated.log, project, dir});
    };
    if (importOnly) {
        const auto run = importOurs(intoPresent ? dir + QStringLiteral("/bench-present.boucle")
                                                : absentProject);
        out << "import: " << seconds(run.wall) << " wall, " << seconds(run.cpu) << " CPU, "
            << long(run.peakMiB) << " MiB peak " << run.error << '\n';
        return run.error.isEmpty() ? 0 : 1;
    }
    const QString python = findPython();
    QString error;
    {
        QFile schema(dir + QStringLiteral("/schema.sql"));
        if (schema.open(QIODevice::WriteOnly))
            for (int version = 1; version <= latestSchemaVersion(); ++version)
                schema.write(schemaMigration(version).join(QStringLiteral(";\n")).toUtf8() + ";\n");
    }
    const QString pythonScript
            = writeScript(dir, QStringLiteral("import_peer.py"), pythonImportPeer);

    struct Line
    {
        QString who;
        bool present;
        Bench::ChildRun run;
    };
    QList<Line> results;
    auto contenders = [&](bool present) {
        const QString tag = present ? QStringLiteral("present") : QStringLiteral("absent");
        const QString floorDb = dir + QStringLiteral("/floor-%1.db").arg(tag);
        QFile::remove(floorDb);
        settle();
        results.append({QStringLiteral("C-API floor"), present,
                        Bench::runChild(self, {QStringLiteral("--child-floor"), generated.rows,
                                               floorDb, dir, tag})});
        if (!python.isEmpty()) {
            const QString peerDb = dir + QStringLiteral("/python-%1.db").arg(tag);
            QFile::remove(peerDb);
            settle();
            results.append({QStringLiteral("Python json+sqlite3"), present,
                            Bench::runChild(python, {pythonScript, generated.log, peerDb,
                                                     dir + QStringLiteral("/schema.sql")})});
        } else {
            results.append({QStringLiteral("Python: MISSING"), present, {}});
        }
        results.append({QStringLiteral("Boucle import"), present,
                        importOurs(present ? dir + QStringLiteral("/bench-present.boucle")
                                           : absentProject)});
    };
    contenders(false);
    for (const auto &line : std::as_const(results))
        out << "  " << line.who << " (files absent): " << seconds(line.run.wall) << '\n';
    out.flush();

    // The sample files: the same small PNG written LINES times, each file its own inode (a
    // real dataset has no hard links; a link shares its inode and its cached page).
    const QString seed = dir + QStringLiteral("/seed.png");
    if (!absentOnly) {
        QImage image(32, 24, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        image.save(seed, "PNG");
    }
    if (!absentOnly) {
        QDir().mkpath(dir + QStringLiteral("/img"));
        timer.restart();
        QFile seedFile(seed);
        const QByteArray png
                = seedFile.open(QIODevice::ReadOnly) ? seedFile.readAll() : QByteArray();
        const QByteArray folder = QFile::encodeName(dir) + '/';
        for (qint64 i = 0; i < lines; ++i) {
            const QByteArray target = folder + samplePath(i);
            const int fd
                    = ::open(target.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
            if (fd < 0 || ::write(fd, png.constData(), size_t(png.size())) != png.size()) {
                QTextStream(stderr) << "cannot write " << target << ": " << strerror(errno) << '\n';
                return 1;
            }
            ::close(fd);
        }
        const double made = double(timer.nsecsElapsed()) / 1e9;
        // On disk before any contender runs: the kernel writing a million new files back in the
        // background would slow whichever import ran then.
        timer.restart();
        ::sync();
        out << "made " << lines << " sample files in " << seconds(made) << ", written to disk in "
            << seconds(double(timer.nsecsElapsed()) / 1e9) << "\n";
        out.flush();
        contenders(true);
        timer.restart();
        for (qint64 i = 0; i < lines && !keepFiles; ++i)
            ::unlink((folder + samplePath(i)).constData());
        if (!keepFiles) {
            QDir(dir + QStringLiteral("/img")).removeRecursively();
            QFile::remove(seed);
            ::sync();
        }
        out << "removed them in " << seconds(double(timer.nsecsElapsed()) / 1e9) << "\n\n";
    }

    auto find = [&](const QString &who, bool present) -> const Bench::ChildRun * {
        for (const auto &line : std::as_const(results))
            if (line.who == who && line.present == present)
                return &line.run;
        return nullptr;
    };
    out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                    .arg(QStringLiteral("import of %1 lines").arg(lines), -28)
                    .arg(QStringLiteral("sample files"), -13)
                    .arg(QStringLiteral("wall s"), 9)
                    .arg(QStringLiteral("CPU s"), 9)
                    .arg(QStringLiteral("peak RSS"), 10)
                    .arg(QStringLiteral("wall / floor"), 13);
    for (const auto &line : std::as_const(results)) {
        const Bench::ChildRun *floorRun = find(QStringLiteral("C-API floor"), line.present);
        const bool ok = line.run.ok;
        out << QStringLiteral("%1 %2 %3 %4 %5 %6")
                        .arg(line.who, -28)
                        .arg(line.present ? QStringLiteral("present") : QStringLiteral("absent"),
                             -13)
                        .arg(ok ? QString::number(line.run.wall, 'f', 2) : QStringLiteral("-"), 9)
                        .arg(ok ? QString::number(line.run.cpu, 'f', 2) : QStringLiteral("-"), 9)
                        .arg(ok ? QStringLiteral("%1 MiB").arg(long(line.run.peakMiB))
                                : QStringLiteral("-"),
                             10)
                        .arg(ok && floorRun && floorRun->ok ? QStringLiteral("%1x").arg(
                                     line.run.wall / floorRun->wall, 0, 'f', 2)
                                                            : QStringLiteral("-"),
                             13)
            << (line.run.error.isEmpty() ? QString() : QStringLiteral("  ") + line.run.error)
            << '\n';
    }
    const Bench::ChildRun *oursAbsent = find(QStringLiteral("Boucle import"), false);
    const Bench::ChildRun *oursPresent = find(QStringLiteral("Boucle import"), true);
    const Bench::ChildRun *floorAbsent = find(QStringLiteral("C-API floor"), false);
    const Bench::ChildRun *pythonAbsent = find(QStringLiteral("Python json+sqlite3"), false);
    auto ratio = [](const Bench::ChildRun *a, const Bench::ChildRun *b, bool cpu) {
        if (!a || !b || !a->ok || !b->ok)
            return QStringLiteral("-");
        return QString::number(cpu ? a->cpu / b->cpu : a->wall / b->wall, 'f', 2);
    };
    out << "targets (wall, CPU): files absent " << ratio(oursAbsent, floorAbsent, false) << "x, "
        << ratio(oursAbsent, floorAbsent, true) << "x the floor (<= 1.5x); "
        << ratio(pythonAbsent, oursAbsent, false) << "x, " << ratio(pythonAbsent, oursAbsent, true)
        << "x faster than Python (>= 5x); files present " << ratio(oursPresent, oursAbsent, false)
        << "x, " << ratio(oursPresent, oursAbsent, true) << "x files absent (<= 1.3x)\n\n";
    out.flush();
    if (!oursAbsent || !oursAbsent->ok)
        return 1;
    if (absentOnly)
        return 0;
    ProjectStore store;
    if (auto openError = store.open(absentProject)) {
        out << "cannot open the imported project: " << openError.message << '\n';
        return 1;
    }

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
    out << "peak memory of the whole run: " << long(Bench::ownPeakMiB()) << " MiB\n";
    return 0;
}
