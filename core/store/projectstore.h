// ProjectStore: the one access object for a Boucle project: a file (SQLite, WAL, foreign keys on),
// the embedded default, or a schema on a PostgreSQL server (ProjectLocation). All SQL of the
// application lives behind this class (core/store); where the two back ends differ, the SQL goes
// through StoreDialect. It offers a typed API over
// samples, models, predictions, batches, reviews, label revisions and versions, a scoped
// transaction (StoreTransaction) and one change signal.
//
// Threads: a ProjectStore and its connection belong to the thread that opened it. Another thread
// opens its own ProjectStore on the same project; WAL (or the server) lets readers run beside one
// writer, and the busy timeout (an advisory lock's timeout on the server) makes a second writer
// wait rather than fail.
#pragma once

#include "automationrecords.h"
#include "itemlease.h"
#include "projectlocation.h"
#include "projectroles.h"
#include "records/contentobservation.h"
#include "records/projectrecords.h"
#include "reviewround.h"
#include "signaturerecords.h"
#include "storeerror.h"
#include "storeresult.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

class QSqlError;
class QSqlQuery;

namespace Boucle {

class StoreTransaction;

class ProjectStore : public QObject
{
    Q_OBJECT

public:
    enum class Change {
        Classes = 0x001,
        Samples = 0x002,
        Models = 0x004,
        Predictions = 0x008,
        Batches = 0x010,
        Reviews = 0x020,
        Labels = 0x040,
        Versions = 0x080,
        Settings = 0x100,
        Automation = 0x200, // hook runs and the watch ledger
    };
    Q_DECLARE_FLAGS(Changes, Change)
    Q_FLAG(Changes)

    enum class OpenMode { ReadWrite, ReadOnly };

    // The head of the audit chain: how many entries it holds and the hash of the last one. Kept
    // outside the project (printed by verify and commit, or written to an anchor file), it lets
    // verify tell that the chain was cut or rewritten since.
    struct AuditHead
    {
        qint64 entries = 0;
        QByteArray hash; // lower-case hex; empty for an empty chain
    };

    // What `verify` found: intact, or the first row whose content no longer matches the chain.
    struct VerifyReport
    {
        bool intact = true;
        QString problem; // names table, row id and what differs
        int auditEntries = 0;
        int versionsChecked = 0;
        qint64 sealedRows = 0; // rows checked through range seals (predictions, samples, ...)
        AuditHead head;
        bool anchorMatched = false; // an anchor was given and the chain still holds it
    };

    static constexpr int currentSchemaVersion = 1;
    static constexpr qint32 applicationId = 0x426F7563; // "Bouc"

    explicit ProjectStore(QObject *parent = nullptr);
    ~ProjectStore() override;

    // Creates a new project; refuses to touch an existing one. For a file, dataRoot may be
    // relative to the project's folder and empty means the project's folder; a server project
    // has no folder, so its data root is kept absolute (relative to the current folder, which
    // empty means). A text is read by ProjectLocation::parse: a path or a postgresql:// address.
    StoreError create(const QString &location, const QString &dataRoot = {});
    StoreError create(const ProjectLocation &location, const QString &dataRoot = {});
    // Opens an existing project, migrating an older schema (ReadWrite only).
    StoreError open(const QString &location, OpenMode mode = OpenMode::ReadWrite);
    StoreError open(const ProjectLocation &location, OpenMode mode = OpenMode::ReadWrite);
    // Opens up to a given schema version only; for tests that write fixtures of older schemas.
    StoreError createAtSchemaVersion(const QString &location, int schemaVersion,
                                     const QString &dataRoot = {});
    StoreError createAtSchemaVersion(const ProjectLocation &location, int schemaVersion,
                                     const QString &dataRoot = {});
    // The password for the next open or create of a server project that asks for one (a prompt's
    // answer); handed to libpq and forgotten once used. ~/.pgpass needs none.
    void setServerPassword(const QString &password) { m_password = password; }
    void close();

    bool isOpen() const;
    bool isReadOnly() const { return m_readOnly; }
    // True for a project on a PostgreSQL server: no file, no folder, no file locks.
    bool isServer() const { return m_server; }
    // The project file's absolute path, or a server project's address (never with a password).
    QString path() const { return m_path; }
    QString dataRoot() const;
    QString absoluteSamplePath(const QString &samplePath) const;
    int schemaVersion() const;

    // The time written into rows; tests replace it to make histories reproducible.
    void setClock(std::function<QDateTime()> clock);
    QDateTime now() const;

    // Project settings (policy, blind mode, ...), as text.
    QString setting(const QString &key, const QString &fallback = {}) const;
    StoreError setSetting(const QString &key, const QString &value);

    // Taxonomy. Classes are retired, never deleted, so old labels keep their meaning.
    QList<ClassRecord> classes(bool includeRetired = false) const;
    QStringList classNames(bool includeRetired = false) const;
    StoreError ensureClasses(const QStringList &names);
    std::optional<qint64> classId(const QString &name) const;
    StoreError retireClass(const QString &name);
    bool isRetired(const QString &name) const;

    // Samples. Adding a path that exists returns the stored row (id filled in).
    StoreError addSample(SampleRecord &sample);
    std::optional<SampleRecord> sample(SampleId id) const;
    std::optional<SampleRecord> sampleByPath(const QString &path) const;
    QList<SampleRecord> samples(int offset = 0, int limit = -1) const;
    qint64 sampleCount() const;
    StoreError setSampleMissing(SampleId id, bool missing);

    // Models, by name@version. Adding an existing one returns it.
    StoreError addModel(ModelRecord &model);
    std::optional<ModelRecord> model(ModelId id) const;
    std::optional<ModelRecord> modelByKey(const QString &name, const QString &version) const;
    QList<ModelRecord> models() const;
    StoreError setModelMetrics(ModelId id, const QJsonObject &metrics, int trainedOnVersion);

    // Predictions, one per (sample, model). Adding an existing pair keeps the stored one.
    StoreError addPrediction(PredictionRecord &prediction);
    std::optional<PredictionRecord> prediction(PredictionId id) const;
    QList<PredictionRecord> predictionsForSample(SampleId sampleId) const;
    qint64 predictionCount() const;

    // Batches and their items, in review order.
    StoreError addBatch(BatchRecord &batch, QList<BatchItemRecord> &items);
    QList<BatchRecord> batches() const;
    std::optional<BatchRecord> batch(BatchId id) const;
    std::optional<BatchRecord> batchByName(const QString &name) const;
    QList<BatchItemRecord> batchItems(BatchId batchId, int offset = 0, int limit = -1) const;
    std::optional<BatchItemRecord> batchItem(BatchItemId id) const;
    int batchItemCount(BatchId batchId) const;

    // Reviews are append-only; a Revoke review undoes an earlier one. Recording a review also
    // sets its batch item's status. ReviewSession is the caller; it groups a review with the
    // label revision it causes in one StoreTransaction.
    StoreError recordReview(ReviewRecord &review);
    std::optional<ReviewRecord> review(ReviewId id) const;
    QList<ReviewRecord> reviewsForSample(SampleId sampleId) const;
    QList<ReviewRecord> reviewsForBatchItem(BatchItemId itemId) const;
    StoreError setBatchItemStatus(BatchItemId itemId, ReviewStatus status);

    // Double review and adjudication (projectstore_adjudication.cpp). A review's role is recorded
    // beside it, append-only and audited; recording it also brings the item's stage up to date.
    // An item's round is derived from its standing reviews and their roles (a review without a
    // role, written before schema 3, counts as a single answer).
    StoreError recordReviewRole(ReviewId reviewId, ReviewRole role);
    std::optional<ReviewRole> reviewRole(ReviewId reviewId) const;
    ReviewRound reviewRound(BatchItemId itemId) const;
    // Re-derives the stage kept for the queues' filters (after an undo, for instance).
    StoreError refreshReviewStage(BatchItemId itemId);
    // The reviews of a sample that `viewer` may see: the answers of a round that waits for a
    // second reviewer are hidden from everyone but their author, so the second answer is blind.
    QList<ReviewRecord> reviewsVisibleTo(SampleId sampleId, const QString &viewer) const;
    // The items of every batch at `stage`, in batch and review order.
    QList<BatchItemRecord> itemsAtStage(ReviewStage stage) const;

    // The versioned dataset. A revision joins the working state; commitVersion() makes a version
    // of the working state. Versions are numbered from 1; version 0 is the empty dataset.
    StoreError addLabelRevision(LabelRevision &revision);
    std::optional<LabelRevision> currentRevision(SampleId sampleId) const; // working state
    QString currentLabel(SampleId sampleId) const;                         // working state
    QList<LabelRevision> workingRevisions() const;
    // Samples whose working label differs from the head version's.
    int workingChangeCount() const;
    StoreError commitVersion(const QString &author, const QString &message,
                             VersionRecord *created = nullptr);
    QList<VersionRecord> versions() const;
    std::optional<VersionRecord> version(int number) const;
    // Finds a version by number ("3", "v3") or by a unique prefix of its hash.
    std::optional<VersionRecord> findVersion(const QString &numberOrHash) const;
    int headVersion() const;
    // The labelled samples as of `version`, in path order, one at a time: `visit` returns false
    // to stop. A read that fails returns its error (visit may have seen some rows before it).
    StoreError forEachLabelAt(int version,
                              const std::function<bool(const LabelledSample &)> &visit) const;
    // The same, gathered; a read that fails is the error, never an empty list.
    StoreResult<QList<LabelledSample>> labelsAt(int version) const;
    QString labelAt(SampleId sampleId, int version) const;
    // The working state as a side of diff(): the head version and the uncommitted revisions.
    static constexpr int workingState = -1;
    // The samples whose label or objects differ between the two sides (versions or
    // workingState), compared sample by sample: a change undone or changed back leaves no row.
    // Each row names the latest decision that gave the sample what it holds on the later side.
    // Reads only the revisions made after the earlier side. A read that fails is the error,
    // never an empty list.
    StoreResult<QList<VersionChange>> diff(int fromVersion, int toVersion) const;
    // Writes new working revisions that undo what `version` changed (where not changed since).
    StoreError revertVersion(int version, const QString &author, int *revisionsWritten = nullptr);
    QList<LabelRevision> sampleHistory(SampleId sampleId) const;

    // What Boucle did on its own (projectstore_automation.cpp, schema 5): the hooks it ran and
    // the ledger of `boucle watch`. Written outside the audit chain; runs are listed newest first.
    StoreError addHookRun(HookRunRecord &run);
    QList<HookRunRecord> hookRuns(int limit = 100) const;
    std::optional<HookRunRecord> hookRun(qint64 id) const;
    bool hasHookRun(const QString &event, BatchId batchId) const;
    StoreError addWatchedFile(WatchedFileRecord &file);
    // The newest ledger row of `path`, and whether the ledger holds `path` with that content.
    std::optional<WatchedFileRecord> latestWatchedFile(const QString &path) const;
    bool hasWatchedFile(const QString &path, const QByteArray &sha256) const;
    QList<WatchedFileRecord> watchedFiles() const;

    // What was seen of the sample files (projectstore_content.cpp, schema 7), outside the audit
    // chain. Adding writes all of `observations` in one transaction (ids filled in).
    StoreError addContentObservations(QList<ContentObservation> &observations);
    // A sample's observations, oldest first.
    QList<ContentObservation> contentObservations(SampleId sampleId) const;
    // The sample's content hash: the one taken at import, else the newest observed; empty when
    // the file was never hashed.
    QByteArray knownContentHash(SampleId sampleId) const;
    // Up to `limit` samples after `afterId` (by id) that are not missing and were never hashed.
    QList<SampleRecord> samplesAwaitingHash(SampleId afterId, int limit) const;
    qint64 samplesAwaitingHashCount() const;
    // Up to `limit` samples after `afterId`, by id, with what a content check compares: id, path,
    // kind, sha256, byteSize, missing and addedAt (a cursor: no OFFSET scan at a million rows).
    // A failed read is an error, never an empty page.
    StoreError sampleFilesAfter(SampleId afterId, int limit, QList<SampleRecord> *samples) const;

    // Leases (projectstore_leases.cpp, schema 10): many reviewers on one batch. Each ProjectStore
    // is one session (a random id: one per window or process). A lease holds one pass of an
    // item for its session until it expires (leaseDuration(), the project's setting, else
    // defaultLeaseMinutes). A decision or an undo on an item whose lease this session lost, or
    // that another session holds live, is refused inside its write transaction and writes
    // nothing; an item nobody holds is decided as before.
    static constexpr int defaultLeaseMinutes = 10;
    static QString leaseMinutesKey();
    // Reviewers who may steal a lease: the project setting leaseLeadsKey(), names separated by
    // commas.
    static QString leaseLeadsKey();
    QString leaseSession() const;
    int leaseMinutes() const;
    StoreError setLeaseMinutes(int minutes);
    // The first item of the batch, in review order, that waits for an answer `reviewer` may give
    // (the first answer of an undecided item, or the second answer of one whose first answer is
    // someone else's) and that no other session holds; leased to this session in one statement
    // (two sessions asking at once never get the same item). Items in `passOver` are left out.
    // nullopt when no such item is left.
    StoreResult<std::optional<ItemLease>> takeNextItem(BatchId batchId, const QString &reviewer,
                                                       const QSet<BatchItemId> &passOver = {});
    // Leases the item's current pass to this session (the item a window shows); refused with a
    // sentence naming the holder when another session holds it live.
    StoreResult<ItemLease> takeLease(BatchItemId itemId, const QString &reviewer);
    // Extends every lease this session holds; returns the items it lost meanwhile.
    StoreResult<QList<BatchItemId>> renewLeases();
    // Ends this session's lease on the item (all of them: releaseLeases()).
    StoreError releaseLease(BatchItemId itemId);
    StoreError releaseLeases();
    // A lead takes a live lease of another session to this one (its holder being `lead`); the
    // steal is audited with the previous holder and the reason. Anyone else is refused.
    StoreResult<ItemLease> stealLease(BatchItemId itemId, const QString &lead,
                                      const QString &reason);
    // Every lease held now (not yet expired), by item and pass (projectstore_leaselist.cpp).
    StoreResult<QList<ItemLease>> liveLeases() const;
    // The lease on the item's current pass, live or not; nullopt when never leased.
    std::optional<ItemLease> currentLease(BatchItemId itemId) const;
    bool holdsLease(BatchItemId itemId) const;
    // The refusal of a decision (or, with anyPass, an undo) on the item, when this session lost
    // its lease or another session holds it live; no error otherwise. recordReview() checks it;
    // a write that records no review of the item (a step on one of its objects) checks it inside
    // its own transaction. An item of a signed batch is refused to everyone (signatures).
    StoreError leaseRefusal(BatchItemId itemId, bool anyPass);

    // Roles (projectstore_roles.cpp, schema 11): on a server project, the role of this
    // connection's database user (the strongest held; Owner for the schema's owner or a
    // superuser), asked of the server; on a file, Owner (the file's permissions are the boundary).
    ProjectRole currentRole() const;
    // The database user of a server project's connection (empty for a file): the name the server
    // requires on the reviews and leases of a member of the project's roles.
    QString sessionUser() const { return m_sessionUser; }
    struct RoleMember
    {
        QString user;
        ProjectRole role = ProjectRole::None;
    };
    // The owner, then each direct member of the project's roles, strongest role first.
    StoreResult<QList<RoleMember>> roleMembers() const;
    // Makes an existing database user a member of the project's role, or no longer one.
    StoreError grantRole(const QString &user, ProjectRole role);
    StoreError revokeRole(const QString &user, ProjectRole role);
    // The statements of schema 11 on the server: the roles, their GRANTs and triggers.
    static QStringList serverRoleStatements(const QString &schema);

    // Electronic signatures (projectstore_signatures.cpp, schema 13; docs/signatures.md). In a
    // file a signer's password is kept as a salted PBKDF2 hash; on a server the signer is the
    // connection's database user and the server checks the password (a connection of its own).
    StoreError enrolSigner(const QString &id, const QString &printedName, const QString &password);
    std::optional<SignerRecord> signer(const QString &id) const;
    QList<SignerRecord> signers() const;
    // No error when `password` is the signer's.
    StoreError checkSignerPassword(const QString &id, const QString &password) const;
    // Signs a batch whose every item has a final decision; refused (nothing written) for an
    // unknown signer, a wrong password, an empty batch, an undecided item or the same signer and
    // meaning twice. From then on a decision, undo or edit of its items is refused.
    StoreResult<SignatureRecord> signBatch(BatchId batchId, SignatureMeaning meaning,
                                           const QString &signerId, const QString &password);
    // The signatures of a batch (0: of every batch), oldest first.
    QList<SignatureRecord> signatures(BatchId batchId = 0) const;
    // Lower-case hex SHA-256 of the batch's items and standing decisions: what a signature binds.
    QByteArray batchContentHash(BatchId batchId) const;
    // "signature 3: Name (id), time, as approved, on batch 'b'", for messages.
    QString signatureSentence(const SignatureRecord &signature) const;
    // The statements of schema 13 on the server: who may enrol and sign, in their own name only.
    static QStringList serverSignatureStatements(const QString &schema);

    // Recomputes the audit chain and the version chain, checks every audited table against them
    // and recomputes the derived state (revision bookkeeping, item statuses, review stages);
    // names the first altered row. With an anchor, also checks that the chain still holds it at
    // its position.
    VerifyReport verify(const std::optional<AuditHead> &anchor = std::nullopt) const;

    // Copies this project (open, at the latest schema) with its whole history into a new project
    // at `target`, a file or a server project that does not exist yet: every row of every table
    // with its id, so that the audit chain, the versions and their hashes are the same on both
    // ends. The rows are written in one transaction, then the copy is verified and its audit head
    // compared with this one; on any failure nothing is left at `target`. `rowsCopied` counts
    // the rows written.
    StoreError copyTo(const ProjectLocation &target, qint64 *rowsCopied = nullptr) const;
    AuditHead auditHead() const;

    // For core/store's own classes (transactions, migrations); not for callers elsewhere.
    QSqlDatabase &database() { return m_db; }

signals:
    void changed(Boucle::ProjectStore::Changes what);

private:
    // What the import saw of a sample file is in its row (samples.modified_ns, schema 15).
    bool keepsImportSeenInSampleRow() const;
    friend class StoreTransaction;

    StoreError openConnection(const QString &path, OpenMode mode, bool mustExist);
    StoreError openServerConnection(const ProjectLocation &location, OpenMode mode);
    StoreError openServer(const ProjectLocation &location, OpenMode mode);
    StoreError createServer(const ProjectLocation &location, int schemaVersion,
                            const QString &dataRoot);
    StoreError serverProjectExists(bool *exists);
    StoreError configureConnection();
    StoreError checkIdentity();
    StoreError serverQueryError(const QSqlQuery &query, const QString &what) const;
    StoreError migrate(int targetVersion);
    StoreError initialiseProject(const QString &dataRoot);
    StoreError queryError(const QSqlQuery &query, const QString &what) const;
    // A server's refusal for want of a role, as a sentence naming the user, role and action.
    StoreError roleRefusal(const QSqlError &error, const QString &what) const;
    StoreError changeRole(const QString &user, ProjectRole role, bool grant);
    // Records the row, as now stored, in the audit chain.
    StoreError appendAudit(const QString &table, qint64 rowId, const QString &actor);
    // Appends an entry with a digest already computed; returns the new entry's id.
    StoreError appendAuditEntry(const QString &subject, qint64 subjectId, const QString &actor,
                                const QByteArray &digest, qint64 *entryId = nullptr);
    // Range seals (AuditedRows): notes where each sealed table ends when a write transaction
    // begins, and seals the rows the transaction added just before it commits.
    void noteSealStart();
    StoreError sealWrittenRows();
    // Leases: the refusal of a second answer by the first reviewer.
    StoreError secondAnswerRefusal(BatchItemId itemId, ReviewId reviewId, const QString &reviewer);
    // The digests of lease_steals rows, by id, for verify() (empty before schema 10).
    QHash<qint64, QByteArray> leaseStealDigests() const;
    // Signatures: the refusal of a change to an item of a signed batch (leaseRefusal() asks
    // it); the digests verify() checks; the first signature whose batch no longer matches it.
    StoreError signedItemRefusal(BatchItemId itemId);
    StoreError serverPasswordRefusal(const QString &id, const QString &password) const;
    QHash<qint64, QByteArray> signatureDigests() const;
    QHash<qint64, QByteArray> signerDigests() const;
    QString signatureProblem() const;
    // The highest id of each table (0 when empty), in one statement.
    std::optional<QList<qint64>> highestIds(const QStringList &tables) const;
    // verify()'s recomputation of derived state; empty when it agrees, else the problem.
    QString revisionBookkeepingProblem(const QSet<qint64> &versionNumbers) const;
    QString derivedReviewStateProblem() const;
    void noteChange(Changes what);
    QString labelName(const QVariant &classId) const;
    QVariant classIdVariant(const QString &name) const;
    // A prepared statement kept for the life of the connection; hot paths reuse it instead of
    // parsing the same SQL again. Not re-entrant for the same SQL text.
    QSqlQuery &statement(const QString &sql) const;
    PredictionRecord predictionFromQuery(const QSqlQuery &query) const;
    ReviewRecord reviewFromQuery(const QSqlQuery &query) const;
    LabelRevision revisionFromQuery(const QSqlQuery &query) const;
    StoreError refreshBatchItemStatus(BatchItemId itemId);

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    QString m_dataRoot;
    QString m_project;  // a server project's schema
    QString m_password; // for the next server connection only
    bool m_server = false;
    // The session's role and database user, read at opening (a refusal is worded from them).
    mutable ProjectRole m_role = ProjectRole::None;
    mutable QString m_sessionUser;
    bool m_readOnly = false;
    // A server project's schema version, read once per connection (a round trip, asked at every
    // write transaction); -1 while unknown or while a migration runs.
    mutable int m_serverSchemaVersion = -1;
    // Schema 15 or later, once seen (keepsImportSeenInSampleRow).
    mutable bool m_importSeenInSampleRow = false;
    bool m_migrating = false;
    // create() makes the tables only, without the project's first settings (copyTo's target).
    bool m_createEmpty = false;
    int m_transactionDepth = 0;
    bool m_transactionFailed = false;
    Changes m_pendingChanges;
    std::function<QDateTime()> m_clock;
    mutable QHash<QString, qint64> m_classIds;
    mutable std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    QByteArray m_lastAuditHash; // valid inside the outermost write transaction only
    mutable QString m_leaseSession;
    QSet<std::pair<BatchItemId, int>> m_heldLeases; // (item, pass) this session took
    // Highest id of each sealed table when the outermost write transaction began; empty when it
    // began before schema 4 (the upgrade then seals every row already there).
    QHash<QString, qint64> m_sealStart;
};

} // namespace Boucle

Q_DECLARE_OPERATORS_FOR_FLAGS(Boucle::ProjectStore::Changes)
