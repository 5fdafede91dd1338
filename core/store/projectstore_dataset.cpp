// ProjectStore: the versioned dataset — label revisions, the working state, versions, labels as of
// a version, diffs and reverts.
//
// A revision's version_added is NULL while it is in the working state, the version number once
// committed, and 0 when it never became part of a version (superseded in the working state, or a
// no-op at commit). version_closed is the version that replaced it. "Labels as of V" is then
// version_added in [1, V] and (version_closed is NULL or > V); a diff reads only the revisions
// added or closed between the two versions.
#include "projectstore.h"

#include "auditedrows.h"
#include "recordcodec.h"
#include "storetransaction.h"
#include "versionhash.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QSqlQuery>

#include <map>

namespace Boucle {

using namespace RecordCodec;

namespace {

const QString revisionColumns = QStringLiteral(
        "r.id, r.sample_id, s.path, r.label_id, r.objects, r.author, r.reason, r.review_id,"
        " r.created_at, r.version_added, r.version_closed");

bool sameContent(const QString &labelA, const QJsonArray &objectsA, const QString &labelB,
                 const QJsonArray &objectsB)
{
    return labelA == labelB && objectsA == objectsB;
}

} // namespace

LabelRevision ProjectStore::revisionFromQuery(const QSqlQuery &query) const
{
    LabelRevision revision;
    revision.id = query.value(0).toLongLong();
    revision.sampleId = query.value(1).toLongLong();
    revision.samplePath = query.value(2).toString();
    revision.label = labelName(query.value(3));
    revision.objects = arrayFromJson(query.value(4).toString());
    revision.author = query.value(5).toString();
    revision.reason = query.value(6).toString();
    revision.reviewId = query.value(7).toLongLong();
    revision.createdAt = timeFromText(query.value(8).toString());
    revision.versionAdded = query.value(9).toInt();
    revision.versionClosed = query.value(10).toInt();
    return revision;
}

std::optional<LabelRevision> ProjectStore::currentRevision(SampleId sampleId) const
{
    // The working revision if there is one, else the one live in the head version.
    QSqlQuery &query = statement(
            QStringLiteral("SELECT %1 FROM label_revisions r JOIN samples s ON s.id ="
                           " r.sample_id WHERE r.sample_id = ? AND ((r.version_added IS NULL"
                           " AND r.superseded = 0) OR (r.version_added >= 1 AND"
                           " r.version_closed IS NULL)) ORDER BY r.version_added IS NULL"
                           " DESC, r.id DESC LIMIT 1")
                    .arg(revisionColumns));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    query.addBindValue(sampleId);
    if (query.exec() && query.next())
        return revisionFromQuery(query);
    return std::nullopt;
}

QString ProjectStore::currentLabel(SampleId sampleId) const
{
    const auto revision = currentRevision(sampleId);
    return revision ? revision->label : QString();
}

StoreError ProjectStore::addLabelRevision(LabelRevision &revision)
{
    if (revision.author.trimmed().isEmpty())
        return StoreError::make(StoreError::Code::InvalidArgument,
                                tr("a label change needs an author"));
    const auto sampleRecord = sample(revision.sampleId);
    if (!sampleRecord)
        return StoreError::make(StoreError::Code::NotFound,
                                tr("there is no sample %1").arg(revision.sampleId));
    revision.samplePath = sampleRecord->path;
    if (!revision.label.isEmpty() && isRetired(revision.label))
        return StoreError::make(StoreError::Code::InvalidArgument,
                                tr("the class '%1' is retired; it cannot be given to %2")
                                        .arg(revision.label, sampleRecord->path));
    const auto current = currentRevision(revision.sampleId);
    const QString currentLabelText = current ? current->label : QString();
    const QJsonArray currentObjects = current ? current->objects : QJsonArray();
    if (sameContent(currentLabelText, currentObjects, revision.label, revision.objects)) {
        revision.id = 0; // nothing changes: no revision is written
        return {};
    }

    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return transaction.beginError();
    if (!revision.label.isEmpty()) {
        if (auto error = ensureClasses({revision.label}))
            return error;
    }
    if (current && current->versionAdded == 0) {
        // The working state keeps one revision per sample; the older one stays as history.
        QSqlQuery &supersede = statement(
                QStringLiteral("UPDATE label_revisions SET superseded = 1, version_added = 0,"
                               " version_closed = 0 WHERE id = ?"));
        const QScopeGuard releaseSupersede([&supersede] { supersede.finish(); });
        supersede.addBindValue(current->id);
        if (!supersede.exec())
            return queryError(supersede,
                              tr("Replacing the working label of %1").arg(revision.samplePath));
    }
    if (!revision.createdAt.isValid())
        revision.createdAt = now();
    QSqlQuery &query = statement(
            QStringLiteral("INSERT INTO label_revisions (sample_id, label_id, objects, author,"
                           " reason, review_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    query.addBindValue(revision.sampleId);
    query.addBindValue(classIdVariant(revision.label));
    query.addBindValue(toCompactJson(revision.objects));
    query.addBindValue(revision.author);
    query.addBindValue(revision.reason);
    query.addBindValue(revision.reviewId ? QVariant(revision.reviewId)
                                         : QVariant(QMetaType::fromType<qint64>()));
    query.addBindValue(timeToText(revision.createdAt));
    if (!query.exec())
        return queryError(query, tr("Writing the label of %1").arg(revision.samplePath));
    revision.id = query.lastInsertId().toLongLong();
    revision.versionAdded = 0;
    revision.versionClosed = 0;
    if (auto error = appendAudit(AuditedRows::labelRevisions, revision.id, revision.author))
        return error;
    noteChange(Change::Labels);
    return transaction.commit();
}

QList<LabelRevision> ProjectStore::workingRevisions() const
{
    QList<LabelRevision> result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.exec(
            QStringLiteral("SELECT %1 FROM label_revisions r JOIN samples s ON s.id = r.sample_id"
                           " WHERE r.version_added IS NULL AND r.superseded = 0 ORDER BY r.id")
                    .arg(revisionColumns));
    while (query.next())
        result.append(revisionFromQuery(query));
    return result;
}

int ProjectStore::workingChangeCount() const
{
    // Working revisions that differ from the head: a change undone in the working state holds
    // what the head holds, and is no change (commitVersion drops it the same way).
    QSqlQuery query(m_db);
    if (query.exec(
                QStringLiteral("SELECT count(*) FROM label_revisions w LEFT JOIN label_revisions l"
                               " ON l.sample_id = w.sample_id AND l.version_added >= 1 AND "
                               "l.version_closed IS NULL"
                               " WHERE w.version_added IS NULL AND w.superseded = 0"
                               " AND (w.label_id IS NOT l.label_id OR COALESCE(w.objects, '') <>"
                               " COALESCE(l.objects, ''))"))
        && query.next())
        return query.value(0).toInt();
    return 0;
}

StoreError ProjectStore::commitVersion(const QString &author, const QString &message,
                                       VersionRecord *created)
{
    if (author.trimmed().isEmpty())
        return StoreError::make(StoreError::Code::InvalidArgument, tr("a version needs an author"));
    if (message.trimmed().isEmpty())
        return StoreError::make(StoreError::Code::InvalidArgument, tr("a version needs a message"));
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return transaction.beginError();

    const auto parentRecord = version(headVersion());
    const int parent = parentRecord ? parentRecord->number : 0;
    const int number = parent + 1;

    // Each working revision beside the revision it replaces in the head version.
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
            "SELECT w.id, w.label_id, w.objects, l.id, l.label_id, l.objects"
            " FROM label_revisions w LEFT JOIN label_revisions l ON l.sample_id = w.sample_id"
            " AND l.version_added >= 1 AND l.version_closed IS NULL"
            " WHERE w.version_added IS NULL AND w.superseded = 0"));
    if (!query.exec())
        return queryError(query, tr("Reading the working changes"));
    QList<qint64> toCommit;
    QList<qint64> toClose;
    QList<qint64> noOps;
    int added = 0;
    int changedCount = 0;
    int removed = 0;
    while (query.next()) {
        const qint64 workingId = query.value(0).toLongLong();
        const bool workingEmpty = query.value(1).isNull() && query.value(2).toString().isEmpty();
        const bool hasLive = !query.value(3).isNull();
        const bool liveEmpty
                = !hasLive || (query.value(4).isNull() && query.value(5).toString().isEmpty());
        const bool same = hasLive && query.value(1) == query.value(4)
                          && query.value(2).toString() == query.value(5).toString();
        if (same || (liveEmpty && workingEmpty)) {
            noOps.append(workingId);
            continue;
        }
        toCommit.append(workingId);
        if (hasLive)
            toClose.append(query.value(3).toLongLong());
        if (liveEmpty)
            ++added;
        else if (workingEmpty)
            ++removed;
        else
            ++changedCount;
    }
    query.finish();
    if (toCommit.isEmpty())
        return StoreError::make(
                StoreError::Code::Conflict,
                tr("nothing to commit: the working labels equal version %1").arg(parent));

    QSqlQuery update(m_db);
    update.prepare(QStringLiteral("UPDATE label_revisions SET version_added = ? WHERE id = ?"));
    for (const qint64 id : std::as_const(toCommit)) {
        update.addBindValue(number);
        update.addBindValue(id);
        if (!update.exec())
            return queryError(update, tr("Committing version %1").arg(number));
    }
    update.prepare(QStringLiteral("UPDATE label_revisions SET version_closed = ? WHERE id = ?"));
    for (const qint64 id : std::as_const(toClose)) {
        update.addBindValue(number);
        update.addBindValue(id);
        if (!update.exec())
            return queryError(update, tr("Committing version %1").arg(number));
    }
    update.prepare(QStringLiteral("UPDATE label_revisions SET superseded = 1, version_added = 0,"
                                  " version_closed = 0 WHERE id = ?"));
    for (const qint64 id : std::as_const(noOps)) {
        update.addBindValue(id);
        if (!update.exec())
            return queryError(update, tr("Committing version %1").arg(number));
    }

    VersionHashInput input;
    input.number = number;
    input.parent = parent;
    input.parentHash = parentRecord ? parentRecord->hash : QByteArray();
    input.author = author;
    input.message = message;
    input.createdAt = timeToText(now());
    input.added = added;
    input.changed = changedCount;
    input.removed = removed;
    input.total = (parentRecord ? parentRecord->total : 0) + added - removed;
    const QByteArray hash = computeVersionHash(m_db, input);

    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO versions (number, parent, hash, author, message,"
                                  " created_at, added, changed, removed, total)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(number);
    insert.addBindValue(parent);
    insert.addBindValue(QString::fromLatin1(hash));
    insert.addBindValue(author);
    insert.addBindValue(message);
    insert.addBindValue(input.createdAt);
    insert.addBindValue(added);
    insert.addBindValue(changedCount);
    insert.addBindValue(removed);
    insert.addBindValue(input.total);
    if (!insert.exec())
        return queryError(insert, tr("Committing version %1").arg(number));
    if (auto error = appendAudit(AuditedRows::versions, number, author))
        return error;
    noteChange(Change::Versions | Change::Labels);
    if (auto error = transaction.commit())
        return error;
    if (created)
        *created = *version(number);
    return {};
}

namespace {
const QString versionColumns = QStringLiteral(
        "number, parent, hash, author, message, created_at, added, changed, removed, total");

VersionRecord versionFromQuery(const QSqlQuery &query)
{
    VersionRecord record;
    record.number = query.value(0).toInt();
    record.parent = query.value(1).toInt();
    record.hash = query.value(2).toString().toLatin1();
    record.author = query.value(3).toString();
    record.message = query.value(4).toString();
    record.createdAt = timeFromText(query.value(5).toString());
    record.added = query.value(6).toInt();
    record.changed = query.value(7).toInt();
    record.removed = query.value(8).toInt();
    record.total = query.value(9).toInt();
    return record;
}
} // namespace

QList<VersionRecord> ProjectStore::versions() const
{
    QList<VersionRecord> result;
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("SELECT %1 FROM versions ORDER BY number").arg(versionColumns));
    while (query.next())
        result.append(versionFromQuery(query));
    return result;
}

std::optional<VersionRecord> ProjectStore::version(int number) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM versions WHERE number = ?").arg(versionColumns));
    query.addBindValue(number);
    if (query.exec() && query.next())
        return versionFromQuery(query);
    return std::nullopt;
}

std::optional<VersionRecord> ProjectStore::findVersion(const QString &numberOrHash) const
{
    QString text = numberOrHash.trimmed();
    if (text.startsWith(QLatin1Char('v')) || text.startsWith(QLatin1Char('V')))
        text = text.mid(1);
    bool isNumber = false;
    const int number = text.toInt(&isNumber);
    if (isNumber && text.size() < 8)
        return version(number);
    if (text.size() < 4)
        return std::nullopt;
    QSqlQuery query(m_db);
    query.prepare(
            QStringLiteral("SELECT %1 FROM versions WHERE hash LIKE ? ORDER BY number LIMIT 2")
                    .arg(versionColumns));
    query.addBindValue(text.toLower() + QLatin1Char('%'));
    if (!query.exec() || !query.next())
        return std::nullopt;
    const auto found = versionFromQuery(query);
    if (query.next())
        return std::nullopt; // ambiguous prefix
    return found;
}

int ProjectStore::headVersion() const
{
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("SELECT COALESCE(MAX(number), 0) FROM versions")) && query.next())
        return query.value(0).toInt();
    return 0;
}

QList<LabelledSample> ProjectStore::labelsAt(int versionNumber) const
{
    QList<LabelledSample> result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
            "SELECT r.sample_id, s.path, r.label_id, r.objects FROM label_revisions r"
            " JOIN samples s ON s.id = r.sample_id"
            " WHERE r.version_added BETWEEN 1 AND ? AND (r.version_closed IS NULL OR"
            " r.version_closed > ?) AND (r.label_id IS NOT NULL OR r.objects <> '')"
            " ORDER BY s.path"));
    query.addBindValue(versionNumber);
    query.addBindValue(versionNumber);
    if (!query.exec())
        return result;
    while (query.next()) {
        result.append({query.value(0).toLongLong(), query.value(1).toString(),
                       labelName(query.value(2)), arrayFromJson(query.value(3).toString())});
    }
    return result;
}

QString ProjectStore::labelAt(SampleId sampleId, int versionNumber) const
{
    QSqlQuery &query = statement(
            QStringLiteral("SELECT label_id FROM label_revisions WHERE sample_id = ? AND"
                           " version_added BETWEEN 1 AND ? AND (version_closed IS NULL OR"
                           " version_closed > ?)"));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    query.addBindValue(sampleId);
    query.addBindValue(versionNumber);
    query.addBindValue(versionNumber);
    if (query.exec() && query.next())
        return labelName(query.value(0));
    return {};
}

namespace {

// What a sample holds on one side of a diff, and the revision that put it there.
struct DiffSide
{
    qint64 revisionId = 0; // 0: the sample has no revision on this side
    QString path;
    QString label;
    QJsonArray objects;
    QString author;
    QString reason;
    QString createdAt;
    bool writtenByUndo = false; // the revision's review revokes an earlier one
};

bool sameContent(const DiffSide &a, const DiffSide &b)
{
    return sameContent(a.label, a.objects, b.label, b.objects);
}

// The columns DiffSide is read from: r is a revision, s its sample, v its review.
const QString diffSideColumns
        = QStringLiteral("r.id, s.path, r.label_id, r.objects, r.author, r.reason, r.created_at,"
                         " v.action = 'revoke', r.sample_id");
const QString diffSideTables
        = QStringLiteral(" FROM label_revisions r JOIN samples s ON s.id = r.sample_id"
                         " LEFT JOIN reviews v ON v.id = r.review_id");

} // namespace

QList<VersionChange> ProjectStore::diff(int fromVersion, int toVersion) const
{
    // Working state is later than every version. `low` is always a version; `high` is a version
    // or the working state.
    const int head = headVersion();
    auto order = [head](int side) {
        return side == workingState ? head + 1 : side;
    };
    QList<VersionChange> changes;
    if (fromVersion == toVersion || order(fromVersion) == order(toVersion))
        return changes;
    const bool reversed = order(fromVersion) > order(toVersion);
    const int low = reversed ? toVersion : fromVersion;
    const int high = reversed ? fromVersion : toVersion;
    const bool toWorking = high == workingState;

    auto sideFrom = [this](const QSqlQuery &query, int first) {
        DiffSide side;
        side.revisionId = query.value(first).toLongLong();
        side.path = query.value(first + 1).toString();
        side.label = labelName(query.value(first + 2));
        side.objects = arrayFromJson(query.value(first + 3).toString());
        side.author = query.value(first + 4).toString();
        side.reason = query.value(first + 5).toString();
        side.createdAt = query.value(first + 6).toString();
        side.writtenByUndo = query.value(first + 7).toBool();
        return side;
    };
    auto read = [this, &sideFrom](const QString &condition, const QVariantList &values,
                                  std::map<SampleId, DiffSide> &into) {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT ") + diffSideColumns + diffSideTables
                      + QStringLiteral(" WHERE ") + condition);
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec())
            return;
        while (query.next())
            into[query.value(8).toLongLong()] = sideFrom(query, 0);
    };

    // Only samples whose revisions changed after `low` can differ: those that a later version
    // gave a revision to, and those with a working revision.
    std::map<SampleId, DiffSide> before; // as of `low`, where a later version replaced it
    std::map<SampleId, DiffSide> after;  // as of `high`
    if (toWorking) {
        // The unary + keeps SQLite on the index of the range that holds few rows, not on the one
        // that holds every live label.
        read(QStringLiteral("r.version_closed > ? AND +r.version_added BETWEEN 1 AND ?"),
             {low, low}, before);
        read(QStringLiteral("r.version_added > ? AND +r.version_closed IS NULL"), {low}, after);
        // A working revision wins over the head's; where no version after `low` touched the
        // sample, the head's revision is also what it held as of `low`.
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT ") + diffSideColumns
                      + QStringLiteral(", l.id, s.path, l.label_id, l.objects, l.author, l.reason,"
                                       " l.created_at, lv.action = 'revoke'")
                      + diffSideTables
                      + QStringLiteral(" LEFT JOIN label_revisions l ON l.sample_id = r.sample_id"
                                       " AND l.version_added >= 1 AND l.version_closed IS NULL"
                                       " LEFT JOIN reviews lv ON lv.id = l.review_id"
                                       " WHERE r.version_added IS NULL AND r.superseded = 0"));
        if (query.exec()) {
            while (query.next()) {
                const SampleId sampleId = query.value(8).toLongLong();
                const bool changedByVersion = after.count(sampleId) != 0;
                after[sampleId] = sideFrom(query, 0);
                if (!changedByVersion && !query.value(9).isNull())
                    before[sampleId] = sideFrom(query, 9);
            }
        }
    } else {
        read(QStringLiteral("r.version_closed > ? AND r.version_closed <= ? AND r.version_added"
                            " BETWEEN 1 AND ?"),
             {low, high, low}, before);
        read(QStringLiteral("r.version_added > ? AND r.version_added <= ? AND (r.version_closed"
                            " IS NULL OR r.version_closed > ?)"),
             {low, high, high}, after);
    }

    for (const auto &[sampleId, newSide] : after) {
        const auto found = before.find(sampleId);
        const DiffSide oldSide = found == before.end() ? DiffSide {} : found->second;
        if (sameContent(oldSide, newSide))
            continue;
        VersionChange change;
        change.sampleId = sampleId;
        change.samplePath = newSide.path;
        change.oldLabel = reversed ? newSide.label : oldSide.label;
        change.newLabel = reversed ? oldSide.label : newSide.label;
        change.oldObjects = reversed ? newSide.objects : oldSide.objects;
        change.newObjects = reversed ? oldSide.objects : newSide.objects;
        // Who and why: the latest decision that gave the sample what it holds at the later side.
        // An undo only brings an earlier decision back, so that decision (itself not undone) is
        // named when it came after `low`; otherwise the undo itself is what changed the sample.
        DiffSide author = newSide;
        if (newSide.writtenByUndo) {
            QSqlQuery &query
                    = statement(QStringLiteral("SELECT ") + diffSideColumns + diffSideTables
                                + QStringLiteral(" WHERE r.sample_id = ? AND r.id > ? AND r.id < ?"
                                                 " AND NOT EXISTS (SELECT 1 FROM reviews u"
                                                 " WHERE u.revokes_review_id = r.review_id)"
                                                 " ORDER BY r.id DESC"));
            const QScopeGuard releaseQuery([&query] { query.finish(); });
            query.addBindValue(sampleId);
            query.addBindValue(oldSide.revisionId);
            query.addBindValue(newSide.revisionId);
            if (query.exec()) {
                while (query.next()) {
                    const DiffSide earlier = sideFrom(query, 0);
                    if (!earlier.writtenByUndo && sameContent(earlier, newSide)) {
                        author = earlier;
                        break;
                    }
                }
            }
        }
        change.author = author.author;
        change.when = timeFromText(author.createdAt);
        change.reason = author.reason;
        changes.append(change);
    }
    std::sort(changes.begin(), changes.end(), [](const VersionChange &a, const VersionChange &b) {
        return a.samplePath < b.samplePath;
    });
    return changes;
}

StoreError ProjectStore::revertVersion(int versionNumber, const QString &author,
                                       int *revisionsWritten)
{
    if (!version(versionNumber))
        return StoreError::make(StoreError::Code::NotFound,
                                tr("there is no version %1").arg(versionNumber));
    const auto changes = diff(versionNumber - 1, versionNumber);
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return transaction.beginError();
    int written = 0;
    for (const auto &change : changes) {
        // Only where the sample still carries what that version gave it.
        if (currentLabel(change.sampleId) != change.newLabel)
            continue;
        LabelRevision revision;
        revision.sampleId = change.sampleId;
        revision.label = change.oldLabel;
        revision.author = author;
        revision.reason = tr("revert of version %1").arg(versionNumber);
        if (auto error = addLabelRevision(revision))
            return error;
        if (revision.id != 0)
            ++written;
    }
    if (auto error = transaction.commit())
        return error;
    if (revisionsWritten)
        *revisionsWritten = written;
    return {};
}

QList<LabelRevision> ProjectStore::sampleHistory(SampleId sampleId) const
{
    QList<LabelRevision> result;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM label_revisions r JOIN samples s ON s.id ="
                                 " r.sample_id WHERE r.sample_id = ? ORDER BY r.id")
                          .arg(revisionColumns));
    query.addBindValue(sampleId);
    if (query.exec()) {
        while (query.next())
            result.append(revisionFromQuery(query));
    }
    return result;
}

} // namespace Boucle
