// The versioned dataset against a naive model: random histories of label changes and commits are
// replayed in memory, and every "labels as of V" and every diff must match the store's answer.
#include "dataset/datasetexporter.h"
#include "store/projectstore.h"
#include "store/storetransaction.h"
#include "temporaryproject.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>

#include <map>

using namespace Boucle;

namespace {

using Labels = std::map<QString, QString>; // sample path -> label

struct NaiveHistory
{
    Labels working;
    std::vector<Labels> versions {Labels {}}; // versions[0] is the empty dataset

    void set(const QString &path, const QString &label)
    {
        if (label.isEmpty())
            working.erase(path);
        else
            working[path] = label;
    }
    bool commit()
    {
        if (working == versions.back())
            return false;
        versions.push_back(working);
        return true;
    }
};

Labels toMap(const QList<LabelledSample> &labels)
{
    Labels map;
    for (const auto &labelled : labels)
        map[labelled.samplePath] = labelled.label;
    return map;
}

} // namespace

class TestVersionedDataset : public QObject
{
    Q_OBJECT

private slots:
    void matchesNaiveReplay_data();
    void matchesNaiveReplay();
    void undoInWorkingStateIsNotAChange();
    void revertWritesInverseRevisions();
    void exportIsByteIdenticalForTheSameVersion();
    void diffOfLargeDatasetReadsOnlyChanges();
    void failedReadIsAnErrorNotAnEmptyDataset();
};

void TestVersionedDataset::matchesNaiveReplay_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("samples");
    QTest::addColumn<int>("steps");
    for (quint32 seed : {1u, 2u, 3u, 17u, 99u})
        QTest::addRow("seed %u", seed) << seed << int(8 + seed % 13) << 160;
}

void TestVersionedDataset::matchesNaiveReplay()
{
    QFETCH(quint32, seed);
    QFETCH(int, samples);
    QFETCH(int, steps);
    QRandomGenerator random(seed);
    Testing::TemporaryProject project;
    auto &store = project.store();
    const QStringList classes {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    QList<SampleId> ids;
    QStringList paths;
    for (int i = 0; i < samples; ++i) {
        SampleRecord sample;
        sample.path = QStringLiteral("s/%1.png").arg(i, 3, 10, QLatin1Char('0'));
        QVERIFY(!store.addSample(sample));
        ids.append(sample.id);
        paths.append(sample.path);
    }
    NaiveHistory naive;
    for (int step = 0; step < steps; ++step) {
        const int roll = int(random.bounded(10));
        if (roll < 8) {
            const int which = int(random.bounded(samples));
            // One change in ten removes the label.
            const QString label
                    = random.bounded(10) == 0 ? QString() : classes.at(int(random.bounded(3)));
            LabelRevision revision;
            revision.sampleId = ids.at(which);
            revision.label = label;
            revision.author = QStringLiteral("r%1").arg(step % 3);
            revision.reason = QStringLiteral("step %1").arg(step);
            QVERIFY(!store.addLabelRevision(revision));
            naive.set(paths.at(which), label);
        } else {
            const bool naiveCommitted = naive.commit();
            const auto error = store.commitVersion(QStringLiteral("lead"),
                                                   QStringLiteral("step %1").arg(step));
            QCOMPARE(!error.isError(), naiveCommitted);
        }
    }
    const int head = int(naive.versions.size()) - 1;
    QCOMPARE(store.headVersion(), head);
    for (int v = 0; v <= head; ++v) {
        QCOMPARE(toMap(store.labelsAt(v).value), naive.versions.at(size_t(v)));
        if (v > 0)
            QCOMPARE(store.version(v)->total, int(naive.versions.at(size_t(v)).size()));
    }
    for (int from = 0; from <= head; ++from) {
        for (int to = 0; to <= head; ++to) {
            const Labels &old = naive.versions.at(size_t(from));
            const Labels &now = naive.versions.at(size_t(to));
            std::map<QString, std::pair<QString, QString>> expected;
            for (const auto &[path, label] : old) {
                const auto found = now.find(path);
                const QString newLabel = found == now.end() ? QString() : found->second;
                if (newLabel != label)
                    expected[path] = {label, newLabel};
            }
            for (const auto &[path, label] : now) {
                if (!old.count(path))
                    expected[path] = {QString(), label};
            }
            std::map<QString, std::pair<QString, QString>> actual;
            for (const auto &change : store.diff(from, to).value)
                actual[change.samplePath] = {change.oldLabel, change.newLabel};
            QVERIFY2(actual == expected,
                     qPrintable(QStringLiteral("diff %1 -> %2").arg(from).arg(to)));
        }
    }
    QVERIFY(store.verify().intact);
}

void TestVersionedDataset::undoInWorkingStateIsNotAChange()
{
    Testing::TemporaryProject project;
    auto &store = project.store();
    SampleRecord sample;
    sample.path = QStringLiteral("a.png");
    QVERIFY(!store.addSample(sample));
    LabelRevision first {0,  sample.id, {}, QStringLiteral("cat"), {}, QStringLiteral("ann"), {}, 0,
                         {}, 0,         0};
    QVERIFY(!store.addLabelRevision(first));
    QVERIFY(!store.commitVersion(QStringLiteral("ann"), QStringLiteral("v1")));
    LabelRevision slip {0,  sample.id, {}, QStringLiteral("dog"), {}, QStringLiteral("ann"), {}, 0,
                        {}, 0,         0};
    QVERIFY(!store.addLabelRevision(slip));
    LabelRevision back {0,
                        sample.id,
                        {},
                        QStringLiteral("cat"),
                        {},
                        QStringLiteral("ann"),
                        QStringLiteral("undo"),
                        0,
                        {},
                        0,
                        0};
    QVERIFY(!store.addLabelRevision(back));
    QCOMPARE(store.currentLabel(sample.id), QStringLiteral("cat"));
    // Nothing differs from version 1, so there is nothing to commit; the history keeps all three.
    QCOMPARE(store.commitVersion(QStringLiteral("ann"), QStringLiteral("v2")).code,
             StoreError::Code::Conflict);
    QCOMPARE(store.sampleHistory(sample.id).size(), 3);
}

void TestVersionedDataset::revertWritesInverseRevisions()
{
    Testing::TemporaryProject project;
    auto &store = project.store();
    QList<SampleId> ids;
    for (int i = 0; i < 4; ++i) {
        SampleRecord sample;
        sample.path = QStringLiteral("%1.png").arg(i);
        QVERIFY(!store.addSample(sample));
        ids.append(sample.id);
        LabelRevision revision {
                0, sample.id, {}, QStringLiteral("a"), {}, QStringLiteral("ann"), {}, 0, {}, 0, 0};
        QVERIFY(!store.addLabelRevision(revision));
    }
    QVERIFY(!store.commitVersion(QStringLiteral("ann"), QStringLiteral("v1")));
    for (int i = 0; i < 3; ++i) {
        LabelRevision revision {
                0, ids[i], {}, QStringLiteral("b"), {}, QStringLiteral("bob"), {}, 0, {}, 0, 0};
        QVERIFY(!store.addLabelRevision(revision));
    }
    QVERIFY(!store.commitVersion(QStringLiteral("bob"), QStringLiteral("v2")));
    // Sample 2 changed again after version 2: the revert leaves it alone.
    LabelRevision later {0,  ids[2], {}, QStringLiteral("c"), {}, QStringLiteral("cy"), {}, 0,
                         {}, 0,      0};
    QVERIFY(!store.addLabelRevision(later));
    QVERIFY(!store.commitVersion(QStringLiteral("cy"), QStringLiteral("v3")));

    int written = 0;
    QVERIFY(!store.revertVersion(2, QStringLiteral("lead"), &written));
    QCOMPARE(written, 2);
    QCOMPARE(store.currentLabel(ids[0]), QStringLiteral("a"));
    QCOMPARE(store.currentLabel(ids[1]), QStringLiteral("a"));
    QCOMPARE(store.currentLabel(ids[2]), QStringLiteral("c"));
    VersionRecord v4;
    QVERIFY(!store.commitVersion(QStringLiteral("lead"), QStringLiteral("revert v2"), &v4));
    QCOMPARE(v4.changed, 2);
    QCOMPARE(store.diff(3, 4).value.at(0).reason, QStringLiteral("revert of version 2"));
    QCOMPARE(store.revertVersion(9, QStringLiteral("lead")).code, StoreError::Code::NotFound);
}

void TestVersionedDataset::exportIsByteIdenticalForTheSameVersion()
{
    Testing::TemporaryProject project;
    auto &store = project.store();
    for (int i = 0; i < 20; ++i) {
        SampleRecord sample;
        sample.path = QStringLiteral("d/%1,\"odd\".png").arg(19 - i);
        QVERIFY(!store.addSample(sample));
        LabelRevision revision {0,  sample.id,
                                {}, QStringLiteral("class %1").arg(i % 3),
                                {}, QStringLiteral("ann"),
                                {}, 0,
                                {}, 0,
                                0};
        QVERIFY(!store.addLabelRevision(revision));
    }
    QVERIFY(!store.commitVersion(QStringLiteral("ann"), QStringLiteral("v1")));
    DatasetExporter exporter(store);
    const QByteArray jsonl = exporter.render(1, DatasetExporter::Format::JsonLines).value;
    const QByteArray csv = exporter.render(1, DatasetExporter::Format::Csv).value;
    QCOMPARE(jsonl.count('\n'), 20);
    QVERIFY(csv.startsWith("sample,label\n"));
    QVERIFY(csv.contains("\"d/0,\"\"odd\"\".png\",class 1\n"));

    // Later work does not change what version 1 exports.
    const auto first = store.sampleByPath(QStringLiteral("d/0,\"odd\".png"));
    LabelRevision change {
            0, first->id, {}, QStringLiteral("other"), {}, QStringLiteral("bob"), {}, 0, {}, 0, 0};
    QVERIFY(!store.addLabelRevision(change));
    QVERIFY(!store.commitVersion(QStringLiteral("bob"), QStringLiteral("v2")));
    QCOMPARE(exporter.render(1, DatasetExporter::Format::JsonLines).value, jsonl);
    QCOMPARE(exporter.render(1, DatasetExporter::Format::Csv).value, csv);
    QVERIFY(exporter.render(2, DatasetExporter::Format::Csv).value != csv);

    const QString path = project.filePath(QStringLiteral("out.csv"));
    int written = 0;
    QVERIFY(!exporter.exportVersion(1, DatasetExporter::Format::Csv, path, &written));
    QCOMPARE(written, 20);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), csv);
    QCOMPARE(exporter.exportVersion(5, DatasetExporter::Format::Csv, path).code,
             StoreError::Code::NotFound);
}

void TestVersionedDataset::diffOfLargeDatasetReadsOnlyChanges()
{
    // 3,000 labelled samples, then a version that changes 5: the diff names exactly those 5.
    Testing::TemporaryProject project;
    auto &store = project.store();
    QList<SampleId> ids;
    {
        StoreTransaction transaction(store);
        for (int i = 0; i < 3000; ++i) {
            SampleRecord sample;
            sample.path = QStringLiteral("big/%1.png").arg(i, 5, 10, QLatin1Char('0'));
            QVERIFY(!store.addSample(sample));
            ids.append(sample.id);
            LabelRevision revision {
                    0,  sample.id, {}, QStringLiteral("a"), {}, QStringLiteral("ann"), {}, 0,
                    {}, 0,         0};
            QVERIFY(!store.addLabelRevision(revision));
        }
        QVERIFY(!transaction.commit());
    }
    QVERIFY(!store.commitVersion(QStringLiteral("ann"), QStringLiteral("v1")));
    for (int i = 0; i < 5; ++i) {
        LabelRevision revision {
                0, ids[i * 600], {}, QStringLiteral("b"), {}, QStringLiteral("bob"), {}, 0, {}, 0,
                0};
        QVERIFY(!store.addLabelRevision(revision));
    }
    VersionRecord v2;
    QVERIFY(!store.commitVersion(QStringLiteral("bob"), QStringLiteral("v2"), &v2));
    QCOMPARE(v2.changed, 5);
    QCOMPARE(v2.total, 3000);
    const auto changes = store.diff(1, 2).value;
    QCOMPARE(changes.size(), 5);
    QCOMPARE(changes.at(0).oldLabel, QStringLiteral("a"));
    QCOMPARE(changes.at(0).newLabel, QStringLiteral("b"));
    QCOMPARE(changes.at(0).author, QStringLiteral("bob"));
    QCOMPARE(store.labelAt(ids[0], 1), QStringLiteral("a"));
    QCOMPARE(store.labelAt(ids[0], 2), QStringLiteral("b"));
    QCOMPARE(store.labelsAt(2).value.size(), 3000);
}

// A version whose labels cannot be read is an error everywhere, never an empty dataset: an
// export that reads nothing writes nothing (and leaves an earlier file as it was).
void TestVersionedDataset::failedReadIsAnErrorNotAnEmptyDataset()
{
    Testing::TemporaryProject project;
    auto &store = project.store();
    for (int i = 0; i < 3; ++i) {
        SampleRecord sample;
        sample.path = QStringLiteral("img/%1.png").arg(i);
        QVERIFY(!store.addSample(sample));
        LabelRevision revision;
        revision.sampleId = sample.id;
        revision.label = QStringLiteral("cat");
        revision.author = QStringLiteral("ann");
        QVERIFY(!store.addLabelRevision(revision));
    }
    QVERIFY(!store.commitVersion(QStringLiteral("ann"), QStringLiteral("v1")));
    QCOMPARE(store.labelsAt(1).value.size(), 3);
    const QString earlier = project.filePath(QStringLiteral("earlier.csv"));
    {
        QFile file(earlier);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("kept\n");
    }

    // The table of revisions is gone (a damaged file, in a copy).
    // (On a server, the closures that refer to it go with it.)
    QVERIFY(QSqlQuery(store.database())
                    .exec(store.isServer() ? QStringLiteral("DROP TABLE label_revisions CASCADE")
                                           : QStringLiteral("DROP TABLE label_revisions")));

    const auto labels = store.labelsAt(1);
    QVERIFY(labels.isError());
    QVERIFY(labels.value.isEmpty());
    QVERIFY2(labels.error.message.contains(QStringLiteral("label_revisions")),
             qPrintable(labels.error.message));
    int visited = 0;
    QVERIFY(store.forEachLabelAt(1, [&visited](const LabelledSample &) {
        ++visited;
        return true;
    }));
    QCOMPARE(visited, 0);
    QVERIFY(store.diff(0, 1).isError());
    QVERIFY(store.diff(1, ProjectStore::workingState).isError());
    QVERIFY(store.revertVersion(1, QStringLiteral("ann")));

    DatasetExporter exporter(store);
    QVERIFY(exporter.render(1, DatasetExporter::Format::Csv).isError());
    const QString fresh = project.filePath(QStringLiteral("fresh.csv"));
    const auto error = exporter.exportVersion(1, DatasetExporter::Format::Csv, fresh);
    QVERIFY(error);
    QVERIFY2(error.message.contains(QStringLiteral("nothing was written")),
             qPrintable(error.message));
    QVERIFY(!QFile::exists(fresh));
    QVERIFY(exporter.exportVersion(1, DatasetExporter::Format::JsonLines, earlier));
    QFile kept(earlier);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("kept\n"));
}

QTEST_GUILESS_MAIN(TestVersionedDataset)
#include "tst_versioneddataset.moc"
