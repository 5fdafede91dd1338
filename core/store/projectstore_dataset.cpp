// ProjectStore: the versioned dataset — label revisions, the working state, versions, labels as of
// a version, diffs and reverts.
//
// A revision's version_added is NULL while it is in the working state, the version number once
// committed, and 0 when it never became part of a version (superseded in the working state, or a
// no-op at commit). The version that replaced a committed revision is its row in label_closures
// (appended at commit; the revision's own row is not rewritten). "Labels as of V" is then
// version_added in [1, V] and no closure at or before V; a diff reads only the revisions added or
// closed between the two versions.
#include "projectstore.h"

#include "auditedrows.h"
#include "directstatement.h"
#include "recordcodec.h"
#include "storecursor.h"
#include "storedialect.h"
#include "storetransaction.h"
#include "versionhash.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

#include <map>

namespace Boucle {

using namespace RecordCodec;

namespace {

const QString revisionColumns = QStringLiteral(
        "r.id, r.sample_id, s.path, r.label_id, r.objects, r.author, r.reason, r.review_id,"
        " r.created_at, r.version_added,"
        " (SELECT version FROM label_closures c WHERE c.revision_id = r.id)");

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
    // The working revision if there is one, else the one live in the head version: the newest
    // committed one, since each commit closes the committed revisions before it.
    QSqlQuery &query = statement(
            QStringLiteral("SELECT %1 FROM label_revisions r JOIN samples s ON s.id ="
                           " r.sample_id WHERE r.sample_id = ? AND ((r.version_added IS NULL"
                           " AND r.superseded = 0) OR r.version_added >= 1)"
                           " ORDER BY r.version_added IS NULL DESC, r.id DESC LIMIT 1")
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
    // One read for what deciding needs: the sample's path, whether the class is retired, and
    // the id, state and content of the revision the sample holds now (its working one, else
    // the head's).
    QSqlQuery &current = statement(QStringLiteral(
            "SELECT s.path, (SELECT retired FROM classes WHERE name = ?), r.id,"
            " r.version_added IS NULL, r.label_id, r.objects FROM samples s"
            " LEFT JOIN label_revisions r ON r.id = (SELECT id FROM label_revisions"
            " WHERE sample_id = s.id AND ((version_added IS NULL AND superseded = 0) OR"
            " version_added >= 1)"
            " ORDER BY version_added IS NULL DESC, id DESC LIMIT 1)"
            " WHERE s.id = ?"));
    const QScopeGuard releaseCurrent([&current] { current.finish(); });
    const QByteArray labelUtf8 = revision.label.toUtf8();
    // What the read found: the sample's revision now (its id, whether it is the working one, its
    // label, its objects), if it has one.
    struct Found
    {
        QString path;
        bool retired = false;
        std::optional<qint64> revisionId;
        bool working = false;
        QVariant labelId;
        QString objects;
    };
    std::optional<Found> found;
    // A project file binds and reads through the C API (tens of thousands of these run in one
    // review import); a failed step, and a server project, go through Qt below.
    DirectStatement direct(current);
    if (direct.isValid()) {
        if (revision.label.isEmpty())
            direct.bindNull(1);
        else
            direct.bindText(1, labelUtf8);
        direct.bind(2, revision.sampleId);
        if (direct.step()) {
            Found row;
            row.path = QString::fromUtf8(direct.utf8(0));
            row.retired = direct.int64(1) != 0;
            if (!direct.isNull(2)) {
                row.revisionId = direct.int64(2);
                row.working = direct.int64(3) != 0;
                if (!direct.isNull(4))
                    row.labelId = QVariant(qint64(direct.int64(4)));
                row.objects = QString::fromUtf8(direct.utf8(5));
            }
            found = std::move(row);
        } else if (!direct.failed()) {
            return StoreError::make(StoreError::Code::NotFound,
                                    tr("there is no sample %1").arg(revision.sampleId));
        }
        direct.reset();
    }
    if (!found) {
        current.addBindValue(revision.label.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                      : QVariant(revision.label));
        current.addBindValue(revision.sampleId);
        if (!current.exec())
            return queryError(current, tr("Reading the label of sample %1").arg(revision.sampleId));
        if (!current.next()) {
            if (current.lastError().isValid())
                return queryError(current,
                                  tr("Reading the label of sample %1").arg(revision.sampleId));
            return StoreError::make(StoreError::Code::NotFound,
                                    tr("there is no sample %1").arg(revision.sampleId));
        }
        Found row;
        row.path = current.value(0).toString();
        row.retired = current.value(1).toBool();
        if (!current.value(2).isNull()) {
            row.revisionId = current.value(2).toLongLong();
            row.working = current.value(3).toBool();
            row.labelId = current.value(4);
            row.objects = current.value(5).toString();
        }
        found = std::move(row);
    }
    revision.samplePath = found->path;
    if (found->retired)
        return StoreError::make(StoreError::Code::InvalidArgument,
                                tr("the class '%1' is retired; it cannot be given to %2")
                                        .arg(revision.label, revision.samplePath));
    qint64 workingId = 0; // the sample's revision in the working state, if it has one
    bool unchanged = false;
    if (found->revisionId) {
        if (found->working)
            workingId = *found->revisionId;
        if (labelName(found->labelId) == revision.label) {
            const QString &objects = found->objects;
            unchanged = (objects.isEmpty() ? QJsonArray() : arrayFromJson(objects))
                        == revision.objects;
        }
    } else {
        unchanged = revision.label.isEmpty() && revision.objects.isEmpty();
    }
    current.finish();
    if (unchanged) {
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
    if (workingId != 0) {
        // The working state keeps one revision per sample; the older one stays as history.
        QSqlQuery &supersede = statement(
                QStringLiteral("UPDATE label_revisions SET superseded = 1, version_added = 0,"
                               " version_closed = 0 WHERE id = ?"));
        const QScopeGuard releaseSupersede([&supersede] { supersede.finish(); });
        supersede.addBindValue(workingId);
        if (!supersede.exec())
            return queryError(supersede,
                              tr("Replacing the working label of %1").arg(revision.samplePath));
    }
    if (!revision.createdAt.isValid())
        revision.createdAt = now();
    QSqlQuery &query = statement(
            QStringLiteral("INSERT INTO label_revisions (sample_id, label_id, objects, author,"
                           " reason, review_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                           " RETURNING id"));
    const QScopeGuard releaseQuery([&query] { query.finish(); });
    const QVariant classId = classIdVariant(revision.label);
    const QString objects = toCompactJson(revision.objects);
    const QString createdAt = timeToText(revision.createdAt);
    revision.id = 0;
    DirectStatement insert(query);
    if (insert.isValid()) {
        const QByteArray objectsUtf8 = objects.toUtf8(), authorUtf8 = revision.author.toUtf8(),
                         reasonUtf8 = revision.reason.toUtf8(), timeUtf8 = createdAt.toUtf8();
        insert.bind(1, revision.sampleId);
        if (classId.isNull())
            insert.bindNull(2);
        else
            insert.bind(2, classId.toLongLong());
        // Qt binds a null QString as NULL and an empty one as ''; so does this.
        auto bindString = [&insert](int index, const QString &text, const QByteArray &utf8) {
            if (text.isNull())
                insert.bindNull(index);
            else
                insert.bindText(index, utf8);
        };
        bindString(3, objects, objectsUtf8);
        bindString(4, revision.author, authorUtf8);
        bindString(5, revision.reason, reasonUtf8);
        if (revision.reviewId)
            insert.bind(6, revision.reviewId);
        else
            insert.bindNull(6);
        bindString(7, createdAt, timeUtf8);
        if (insert.step())
            revision.id = insert.int64(0);
        insert.reset();
    }
    if (revision.id == 0) {
        query.addBindValue(revision.sampleId);
        query.addBindValue(classId);
        query.addBindValue(objects);
        query.addBindValue(revision.author);
        query.addBindValue(revision.reason);
        query.addBindValue(revision.reviewId ? QVariant(revision.reviewId)
                                             : QVariant(QMetaType::fromType<qint64>()));
        query.addBindValue(createdAt);
        if (!query.exec())
            return queryError(query, tr("Writing the label of %1").arg(revision.samplePath));
        revision.id = StoreDialect::returnedId(query);
    }
    revision.versionAdded = 0;
    revision.versionClosed = 0;
    // From schema 8 the transaction seals its revisions by range when it commits; before, each
    // revision gets an entry of its own.
    if (!m_sealStart.contains(AuditedRows::labelRevisions)) {
        if (auto error = appendAudit(AuditedRows::labelRevisions, revision.id, revision.author))
            return error;
    }
    noteChange(Change::Labels);
    return transaction.commit();
}

QList<LabelRevision> ProjectStore::workingRevisions() const
{
    QList<LabelRevision> result;
    QSqlQuery query(m_db);
    StoreDialect::readForward(query);
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
    if (query.exec(QStringLiteral(
                "SELECT count(*) FROM label_revisions w LEFT JOIN label_revisions l"
                " ON l.sample_id = w.sample_id AND l.version_added >= 1 AND NOT EXISTS"
                " (SELECT 1 FROM label_closures c WHERE c.revision_id = l.id)"
                " WHERE w.version_added IS NULL AND w.superseded = 0"
                " AND (w.label_id IS DISTINCT FROM l.label_id OR COALESCE(w.objects, '') <>"
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

    // Each working revision beside the revision it replaces in the head version, classified by
    // SQLite: 0 no-op (the head holds the same, or both are empty), 1 added, 2 changed,
    // 3 removed. Only the no-ops' ids come back; the rest is counted.
    StoreCursor classify(
            m_db,
            QStringLiteral(
                    "SELECT w.id, CASE"
                    " WHEN (l.id IS NOT NULL AND w.label_id IS NOT DISTINCT FROM l.label_id"
                    "       AND COALESCE(w.objects, '') = COALESCE(l.objects, ''))"
                    "   OR ((l.id IS NULL OR (l.label_id IS NULL AND COALESCE(l.objects, '') = ''))"
                    "       AND w.label_id IS NULL AND COALESCE(w.objects, '') = '') THEN 0"
                    " WHEN l.id IS NULL OR (l.label_id IS NULL AND COALESCE(l.objects, '') = '') "
                    "THEN 1"
                    " WHEN w.label_id IS NULL AND COALESCE(w.objects, '') = '' THEN 3"
                    " ELSE 2 END"
                    " FROM label_revisions w LEFT JOIN label_revisions l ON l.sample_id = "
                    "w.sample_id"
                    " AND l.version_added >= 1 AND NOT EXISTS (SELECT 1 FROM label_closures c"
                    " WHERE c.revision_id = l.id)"
                    " WHERE w.version_added IS NULL AND w.superseded = 0"));
    QList<qint64> noOps;
    int counts[4] = {0, 0, 0, 0};
    while (classify.next()) {
        const auto kind = classify.int64(1);
        ++counts[kind];
        if (kind == 0)
            noOps.append(classify.int64(0));
    }
    if (classify.failed())
        return classify.error(tr("Reading the working changes"));
    const int added = counts[1];
    const int changedCount = counts[2];
    const int removed = counts[3];
    if (added + changedCount + removed == 0)
        return StoreError::make(
                StoreError::Code::Conflict,
                tr("nothing to commit: the working labels equal version %1").arg(parent));

    // A no-op leaves the working state without joining the version.
    QSqlQuery &drop
            = statement(QStringLiteral("UPDATE label_revisions SET superseded = 1,"
                                       " version_added = 0, version_closed = 0 WHERE id = ?"));
    const QScopeGuard releaseDrop([&drop] { drop.finish(); });
    for (const qint64 id : std::as_const(noOps)) {
        drop.addBindValue(id);
        if (!drop.exec())
            return queryError(drop, tr("Committing version %1").arg(number));
    }
    // Every working revision left joins the version and closes the head's revision of its
    // sample: two statements whatever the number of changes. The closures are appended rows;
    // the closed revisions themselves, scattered over the table, are not written.
    QSqlQuery &close = statement(QStringLiteral(
            "INSERT INTO label_closures (revision_id, version) SELECT l.id, ? FROM"
            " label_revisions w JOIN label_revisions l ON l.sample_id = w.sample_id"
            " AND l.version_added >= 1 AND NOT EXISTS (SELECT 1 FROM label_closures c"
            " WHERE c.revision_id = l.id)"
            " WHERE w.version_added IS NULL AND w.superseded = 0 ORDER BY l.id"));
    const QScopeGuard releaseClose([&close] { close.finish(); });
    close.addBindValue(number);
    if (!close.exec())
        return queryError(close, tr("Committing version %1").arg(number));
    QSqlQuery &join = statement(QStringLiteral("UPDATE label_revisions SET version_added = ?"
                                               " WHERE version_added IS NULL AND superseded = 0"));
    const QScopeGuard releaseJoin([&join] { join.finish(); });
    join.addBindValue(number);
    if (!join.exec())
        return queryError(join, tr("Committing version %1").arg(number));

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
    StoreError hashError;
    const QByteArray hash = computeVersionHash(m_db, input, &hashError);
    if (hashError)
        return hashError;

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

StoreError ProjectStore::forEachLabelAt(
        int versionNumber, const std::function<bool(const LabelledSample &)> &visit) const
{
    StoreCursor cursor(m_db,
                       "SELECT r.sample_id, s.path, r.label_id, r.objects FROM label_revisions r"
                       " JOIN samples s ON s.id = r.sample_id"
                       " WHERE r.version_added BETWEEN 1 AND ?1 AND r.id NOT IN (SELECT"
                       " revision_id FROM label_closures WHERE version <= ?1)"
                       " AND (r.label_id IS NOT NULL OR r.objects <> '')"
                       " ORDER BY s.path");
    cursor.bind(1, versionNumber);
    LabelledSample labelled;
    qint64 lastClass = -1;
    while (cursor.next()) {
        labelled.sampleId = cursor.int64(0);
        labelled.samplePath = cursor.text(1);
        if (cursor.isNull(2)) {
            labelled.label.clear();
            lastClass = -1;
        } else if (const qint64 classId = cursor.int64(2); classId != lastClass) {
            labelled.label = labelName(classId);
            lastClass = classId;
        }
        const QByteArrayView objects = cursor.utf8(3);
        labelled.objects = objects.isEmpty() ? QJsonArray() : arrayFromJson(cursor.text(3));
        if (!visit(labelled))
            return {};
    }
    if (cursor.failed())
        return cursor.error(tr("Reading the labels of version %1").arg(versionNumber));
    return {};
}

StoreResult<QList<LabelledSample>> ProjectStore::labelsAt(int versionNumber) const
{
    StoreResult<QList<LabelledSample>> result;
    result.error = forEachLabelAt(versionNumber, [&result](const LabelledSample &labelled) {
        result.value.append(labelled);
        return true;
    });
    if (result.error)
        result.value.clear();
    return result;
}

QString ProjectStore::labelAt(SampleId sampleId, int versionNumber) const
{
    QSqlQuery &query = statement(
            QStringLiteral("SELECT label_id FROM label_revisions r WHERE sample_id = ? AND"
                           " version_added BETWEEN 1 AND ? AND NOT EXISTS (SELECT 1 FROM"
                           " label_closures c WHERE c.revision_id = r.id AND c.version <= ?)"));
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

StoreResult<QList<VersionChange>> ProjectStore::diff(int fromVersion, int toVersion) const
{
    // Working state is later than every version. `low` is always a version; `high` is a version
    // or the working state.
    const int head = headVersion();
    auto order = [head](int side) {
        return side == workingState ? head + 1 : side;
    };
    StoreResult<QList<VersionChange>> result;
    QList<VersionChange> &changes = result.value;
    if (fromVersion == toVersion || order(fromVersion) == order(toVersion))
        return result;
    const QString what
            = tr("Comparing %1 with %2")
                      .arg(fromVersion == workingState ? tr("the working state")
                                                       : tr("version %1").arg(fromVersion),
                           toVersion == workingState ? tr("the working state")
                                                     : tr("version %1").arg(toVersion));
    const bool reversed = order(fromVersion) > order(toVersion);
    const int low = reversed ? toVersion : fromVersion;
    const int high = reversed ? fromVersion : toVersion;
    const bool toWorking = high == workingState;

    auto sideFrom = [this](const StoreCursor &cursor, int first) {
        DiffSide side;
        side.revisionId = cursor.int64(first);
        side.path = cursor.text(first + 1);
        side.label = cursor.isNull(first + 2) ? QString() : labelName(cursor.int64(first + 2));
        const QByteArrayView objects = cursor.utf8(first + 3);
        side.objects = objects.isEmpty() ? QJsonArray() : arrayFromJson(cursor.text(first + 3));
        side.author = cursor.text(first + 4);
        side.reason = cursor.text(first + 5);
        side.createdAt = cursor.text(first + 6);
        side.writtenByUndo = cursor.int64(first + 7) != 0;
        return side;
    };
    auto read = [this, &sideFrom, &what](const QString &condition, const QList<qint64> &values,
                                         std::map<SampleId, DiffSide> &into) -> StoreError {
        StoreCursor cursor(m_db, QStringLiteral("SELECT ") + diffSideColumns + diffSideTables
                                         + QStringLiteral(" WHERE ") + condition);
        for (int i = 0; i < values.size(); ++i)
            cursor.bind(i + 1, values.at(i));
        while (cursor.next())
            into[cursor.int64(8)] = sideFrom(cursor, 0);
        if (cursor.failed())
            return cursor.error(what);
        return {};
    };

    // Only samples whose revisions changed after `low` can differ: those that a later version
    // gave a revision to, and those with a working revision.
    std::map<SampleId, DiffSide> before; // as of `low`, where a later version replaced it
    std::map<SampleId, DiffSide> after;  // as of `high`
    if (toWorking) {
        if (auto error = read(QStringLiteral("r.id IN (SELECT revision_id FROM label_closures"
                                             " WHERE version > ?) AND +r.version_added BETWEEN 1"
                                             " AND ?"),
                              {low, low}, before))
            return StoreResult<QList<VersionChange>>::failure(error);
        if (auto error = read(QStringLiteral("r.version_added > ? AND NOT EXISTS (SELECT 1 FROM"
                                             " label_closures c WHERE c.revision_id = r.id)"),
                              {low}, after))
            return StoreResult<QList<VersionChange>>::failure(error);
        // A working revision wins over the head's; where no version after `low` touched the
        // sample, the head's revision is also what it held as of `low`.
        StoreCursor cursor(
                m_db,
                QStringLiteral("SELECT ") + diffSideColumns
                        + QStringLiteral(", l.id, s.path, l.label_id, l.objects, l.author,"
                                         " l.reason, l.created_at, lv.action = 'revoke'")
                        + diffSideTables
                        + QStringLiteral(" LEFT JOIN label_revisions l ON l.sample_id = r.sample_id"
                                         " AND l.version_added >= 1 AND NOT EXISTS (SELECT 1"
                                         " FROM label_closures c WHERE c.revision_id = l.id)"
                                         " LEFT JOIN reviews lv ON lv.id = l.review_id"
                                         " WHERE r.version_added IS NULL AND r.superseded = 0"));
        while (cursor.next()) {
            const SampleId sampleId = cursor.int64(8);
            const bool changedByVersion = after.count(sampleId) != 0;
            after[sampleId] = sideFrom(cursor, 0);
            if (!changedByVersion && !cursor.isNull(9))
                before[sampleId] = sideFrom(cursor, 9);
        }
        if (cursor.failed())
            return StoreResult<QList<VersionChange>>::failure(cursor.error(what));
    } else {
        // The revisions closed between the two versions, found through the index of closures
        // by version (version_added BETWEEN 1 AND low is nearly every revision of the project)
        // and read in id order: the IN list is sorted, so the table is read in the order it was
        // written instead of one scattered page per revision.
        if (auto error = read(QStringLiteral("r.id IN (SELECT revision_id FROM label_closures"
                                             " WHERE version > ? AND version <= ?) AND"
                                             " +r.version_added BETWEEN 1 AND ?"),
                              {low, high, low}, before))
            return StoreResult<QList<VersionChange>>::failure(error);
        if (auto error = read(QStringLiteral("r.version_added > ? AND r.version_added <= ? AND"
                                             " NOT EXISTS (SELECT 1 FROM label_closures c WHERE"
                                             " c.revision_id = r.id AND c.version <= ?)"),
                              {low, high, high}, after))
            return StoreResult<QList<VersionChange>>::failure(error);
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
            StoreCursor cursor(m_db,
                               QStringLiteral("SELECT ") + diffSideColumns + diffSideTables
                                       + QStringLiteral(" WHERE r.sample_id = ? AND r.id > ? AND"
                                                        " r.id < ? AND NOT EXISTS (SELECT 1 FROM"
                                                        " reviews u WHERE u.revokes_review_id ="
                                                        " r.review_id) ORDER BY r.id DESC"));
            cursor.bind(1, sampleId);
            cursor.bind(2, oldSide.revisionId);
            cursor.bind(3, newSide.revisionId);
            while (cursor.next()) {
                const DiffSide earlier = sideFrom(cursor, 0);
                if (!earlier.writtenByUndo && sameContent(earlier, newSide)) {
                    author = earlier;
                    break;
                }
            }
            if (cursor.failed())
                return StoreResult<QList<VersionChange>>::failure(cursor.error(what));
        }
        change.author = author.author;
        change.when = timeFromText(author.createdAt);
        change.reason = author.reason;
        changes.append(change);
    }
    std::sort(changes.begin(), changes.end(), [](const VersionChange &a, const VersionChange &b) {
        return a.samplePath < b.samplePath;
    });
    return result;
}

StoreError ProjectStore::revertVersion(int versionNumber, const QString &author,
                                       int *revisionsWritten)
{
    if (!version(versionNumber))
        return StoreError::make(StoreError::Code::NotFound,
                                tr("there is no version %1").arg(versionNumber));
    const auto changes = diff(versionNumber - 1, versionNumber);
    if (changes.isError())
        return changes.error;
    StoreTransaction transaction(*this);
    if (transaction.beginError())
        return transaction.beginError();
    int written = 0;
    for (const auto &change : changes.value) {
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
