#include "schemamigrations.h"

namespace Boucle {

namespace {

// Schema 1: the entities of the design. Labels live only in label_revisions (ground truth is
// never overwritten); version_added/version_closed make "labels as of V" and "diff V1..V2"
// index range scans whose cost follows the number of changes.
const QStringList migration1 = {
        QStringLiteral("CREATE TABLE project (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE classes (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
                       " position INTEGER NOT NULL, retired INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral(
                "CREATE TABLE samples (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE,"
                " kind TEXT NOT NULL DEFAULT 'image', sha256 TEXT, byte_size INTEGER,"
                " width INTEGER, height INTEGER, missing INTEGER NOT NULL DEFAULT 0,"
                " split TEXT NOT NULL DEFAULT 'pool', metadata TEXT, added_at TEXT NOT NULL)"),
        QStringLiteral(
                "CREATE TABLE models (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                " version TEXT NOT NULL, created_at TEXT NOT NULL, trained_on_version INTEGER,"
                " metrics TEXT, UNIQUE (name, version))"),
        QStringLiteral("CREATE TABLE predictions (id INTEGER PRIMARY KEY,"
                       " sample_id INTEGER NOT NULL REFERENCES samples(id),"
                       " model_id INTEGER NOT NULL REFERENCES models(id),"
                       " label_id INTEGER REFERENCES classes(id), confidence REAL, probs BLOB,"
                       " committee TEXT, embedding BLOB, objects TEXT, heatmap TEXT,"
                       " predicted_at TEXT, truth_id INTEGER REFERENCES classes(id), report TEXT,"
                       " upstream_flags TEXT, metadata TEXT, log_line INTEGER,"
                       " UNIQUE (sample_id, model_id))"),
        QStringLiteral("CREATE INDEX predictions_model ON predictions (model_id)"),
        QStringLiteral("CREATE TABLE batches (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
                       " created_at TEXT NOT NULL, created_by TEXT, policy TEXT,"
                       " source TEXT NOT NULL DEFAULT 'policy')"),
        QStringLiteral(
                "CREATE TABLE batch_items (id INTEGER PRIMARY KEY,"
                " batch_id INTEGER NOT NULL REFERENCES batches(id),"
                " position INTEGER NOT NULL, sample_id INTEGER NOT NULL REFERENCES samples(id),"
                " prediction_id INTEGER REFERENCES predictions(id),"
                " priority REAL NOT NULL DEFAULT 0, control INTEGER NOT NULL DEFAULT 0,"
                " status TEXT NOT NULL DEFAULT 'pending', UNIQUE (batch_id, position))"),
        QStringLiteral("CREATE INDEX batch_items_sample ON batch_items (sample_id)"),
        QStringLiteral("CREATE TABLE batch_item_reasons (id INTEGER PRIMARY KEY,"
                       " batch_item_id INTEGER NOT NULL REFERENCES batch_items(id),"
                       " trigger_name TEXT NOT NULL, score REAL NOT NULL, reason TEXT NOT NULL)"),
        QStringLiteral(
                "CREATE INDEX batch_item_reasons_item ON batch_item_reasons (batch_item_id)"),
        QStringLiteral("CREATE TABLE reviews (id INTEGER PRIMARY KEY,"
                       " batch_item_id INTEGER REFERENCES batch_items(id),"
                       " sample_id INTEGER NOT NULL REFERENCES samples(id),"
                       " prediction_id INTEGER REFERENCES predictions(id), reviewer TEXT NOT NULL,"
                       " action TEXT NOT NULL, label_id INTEGER REFERENCES classes(id),"
                       " blind_label_id INTEGER REFERENCES classes(id), objects TEXT, comment TEXT,"
                       " started_at TEXT, finished_at TEXT NOT NULL,"
                       " revokes_review_id INTEGER REFERENCES reviews(id))"),
        QStringLiteral("CREATE INDEX reviews_sample ON reviews (sample_id)"),
        QStringLiteral("CREATE INDEX reviews_item ON reviews (batch_item_id)"),
        QStringLiteral(
                "CREATE TABLE label_revisions (id INTEGER PRIMARY KEY,"
                " sample_id INTEGER NOT NULL REFERENCES samples(id),"
                " label_id INTEGER REFERENCES classes(id), objects TEXT,"
                " author TEXT NOT NULL, reason TEXT, review_id INTEGER REFERENCES reviews(id),"
                " created_at TEXT NOT NULL, version_added INTEGER, version_closed INTEGER,"
                " superseded INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral(
                "CREATE INDEX label_revisions_added ON label_revisions (version_added, sample_id)"),
        QStringLiteral("CREATE INDEX label_revisions_closed ON label_revisions (version_closed, "
                       "sample_id)"),
        QStringLiteral("CREATE INDEX label_revisions_sample ON label_revisions (sample_id, id)"),
        QStringLiteral(
                "CREATE TABLE versions (number INTEGER PRIMARY KEY, parent INTEGER NOT NULL,"
                " hash TEXT NOT NULL UNIQUE, author TEXT NOT NULL, message TEXT NOT NULL,"
                " created_at TEXT NOT NULL, added INTEGER NOT NULL, changed INTEGER NOT NULL,"
                " removed INTEGER NOT NULL, total INTEGER NOT NULL)"),
        // Each entry's hash covers the previous entry's hash, so the chain needs no copy of it.
        QStringLiteral("CREATE TABLE audit (id INTEGER PRIMARY KEY, at TEXT NOT NULL,"
                       " actor TEXT NOT NULL, subject TEXT NOT NULL, subject_id INTEGER NOT NULL,"
                       " digest BLOB NOT NULL, hash BLOB NOT NULL)"),
        // The chain is append-only; these refuse edits made through SQL, and verify() catches the
        // rest (a dropped trigger, a file edited by hand).
        QStringLiteral("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN"
                       " SELECT RAISE(ABORT, 'the audit chain is append-only'); END"),
        QStringLiteral("CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN"
                       " SELECT RAISE(ABORT, 'the audit chain is append-only'); END"),
        QStringLiteral("CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews BEGIN"
                       " SELECT RAISE(ABORT, 'reviews are append-only'); END"),
        QStringLiteral("CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews BEGIN"
                       " SELECT RAISE(ABORT, 'reviews are append-only'); END"),
};

// Schema 2: finding whether a review was undone is an index lookup, not a scan of all reviews
// (recording a decision checks it).
const QStringList migration2 = {
        QStringLiteral("CREATE INDEX reviews_revokes ON reviews (revokes_review_id)"),
};

// Schema 3: double review and adjudication. A review's role (single, first, second,
// adjudication) lives beside it in review_roles rather than in a new column of reviews, so the
// audit digests of reviews written before this schema stay what they were; role rows are
// append-only and audited like reviews. review_stages is derived from the reviews and their
// roles (rewritten after every decision) so that the queues filter on it with an index.
const QStringList migration3 = {
        QStringLiteral("CREATE TABLE review_roles (review_id INTEGER PRIMARY KEY"
                       " REFERENCES reviews(id), role TEXT NOT NULL)"),
        QStringLiteral("CREATE TRIGGER review_roles_no_update BEFORE UPDATE ON review_roles BEGIN"
                       " SELECT RAISE(ABORT, 'review roles are append-only'); END"),
        QStringLiteral("CREATE TRIGGER review_roles_no_delete BEFORE DELETE ON review_roles BEGIN"
                       " SELECT RAISE(ABORT, 'review roles are append-only'); END"),
        QStringLiteral("CREATE TABLE review_stages (batch_item_id INTEGER PRIMARY KEY"
                       " REFERENCES batch_items(id), stage TEXT NOT NULL,"
                       " round_start INTEGER REFERENCES reviews(id))"),
        QStringLiteral("CREATE INDEX review_stages_stage ON review_stages (stage)"),
};

// Schema 4: the rest of what a reviewer sees and an export contains is audited too. Rows written
// in bulk (classes, models, samples, predictions, batches, batch items and their reasons) are
// sealed by one audit entry per table and write transaction; audit_ranges keeps what each such
// entry sealed (see AuditedRows). Upgrading seals the rows already there, as they are then. The
// triggers refuse, through SQL, the edits Boucle never makes; verify() catches the rest.
const QStringList migration4 = {
        QStringLiteral("CREATE TABLE audit_ranges (audit_id INTEGER PRIMARY KEY"
                       " REFERENCES audit(id), first_id INTEGER NOT NULL,"
                       " last_id INTEGER NOT NULL, row_count INTEGER NOT NULL,"
                       " row_ids TEXT NOT NULL, row_tags BLOB NOT NULL,"
                       " rows_digest BLOB NOT NULL)"),
        QStringLiteral("CREATE TRIGGER audit_ranges_no_update BEFORE UPDATE ON audit_ranges BEGIN"
                       " SELECT RAISE(ABORT, 'the audit chain is append-only'); END"),
        QStringLiteral("CREATE TRIGGER audit_ranges_no_delete BEFORE DELETE ON audit_ranges BEGIN"
                       " SELECT RAISE(ABORT, 'the audit chain is append-only'); END"),
        QStringLiteral("CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions BEGIN"
                       " SELECT RAISE(ABORT, 'versions are append-only'); END"),
        QStringLiteral("CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions BEGIN"
                       " SELECT RAISE(ABORT, 'versions are append-only'); END"),
        // A revision's content never changes; its bookkeeping only moves forward (working ->
        // committed or superseded, open -> closed).
        QStringLiteral(
                "CREATE TRIGGER label_revisions_no_rewrite BEFORE UPDATE ON label_revisions"
                " WHEN NEW.id IS NOT OLD.id OR NEW.sample_id IS NOT OLD.sample_id"
                " OR NEW.label_id IS NOT OLD.label_id OR NEW.objects IS NOT OLD.objects"
                " OR NEW.author IS NOT OLD.author OR NEW.reason IS NOT OLD.reason"
                " OR NEW.review_id IS NOT OLD.review_id OR NEW.created_at IS NOT OLD.created_at"
                " OR (OLD.version_added IS NOT NULL"
                " AND NEW.version_added IS NOT OLD.version_added)"
                " OR (OLD.version_closed IS NOT NULL"
                " AND NEW.version_closed IS NOT OLD.version_closed)"
                " OR NEW.superseded < OLD.superseded"
                // A revision joins (or closes at) only the version being committed, or 0.
                " OR (OLD.version_added IS NULL AND NEW.version_added IS NOT NULL"
                " AND NEW.version_added NOT IN (0, (SELECT COALESCE(MAX(number), 0) + 1"
                " FROM versions)))"
                " OR (OLD.version_closed IS NULL AND NEW.version_closed IS NOT NULL"
                " AND NEW.version_closed NOT IN (0, (SELECT COALESCE(MAX(number), 0) + 1"
                " FROM versions)))"
                " BEGIN"
                " SELECT RAISE(ABORT, 'label revisions are append-only'); END"),
        QStringLiteral("CREATE TRIGGER label_revisions_no_delete BEFORE DELETE ON label_revisions"
                       " BEGIN SELECT RAISE(ABORT, 'label revisions are append-only'); END"),
        QStringLiteral("CREATE TRIGGER classes_no_rename BEFORE UPDATE OF id, name, position ON"
                       " classes BEGIN SELECT RAISE(ABORT, 'classes are retired, never"
                       " renamed'); END"),
        QStringLiteral("CREATE TRIGGER classes_no_unretire BEFORE UPDATE OF retired ON classes"
                       " WHEN NEW.retired < OLD.retired BEGIN"
                       " SELECT RAISE(ABORT, 'a retired class stays retired'); END"),
        QStringLiteral("CREATE TRIGGER classes_no_delete BEFORE DELETE ON classes BEGIN"
                       " SELECT RAISE(ABORT, 'classes are retired, never deleted'); END"),
        QStringLiteral("CREATE TRIGGER samples_no_rewrite BEFORE UPDATE OF id, path, kind, sha256,"
                       " byte_size, width, height, split, metadata, added_at ON samples BEGIN"
                       " SELECT RAISE(ABORT, 'samples are append-only'); END"),
        QStringLiteral("CREATE TRIGGER samples_no_delete BEFORE DELETE ON samples BEGIN"
                       " SELECT RAISE(ABORT, 'samples are append-only'); END"),
        QStringLiteral("CREATE TRIGGER models_no_rewrite BEFORE UPDATE OF id, name, version,"
                       " created_at ON models BEGIN"
                       " SELECT RAISE(ABORT, 'models are append-only'); END"),
        QStringLiteral("CREATE TRIGGER models_no_delete BEFORE DELETE ON models BEGIN"
                       " SELECT RAISE(ABORT, 'models are append-only'); END"),
        QStringLiteral("CREATE TRIGGER predictions_no_update BEFORE UPDATE ON predictions BEGIN"
                       " SELECT RAISE(ABORT, 'predictions are append-only'); END"),
        QStringLiteral("CREATE TRIGGER predictions_no_delete BEFORE DELETE ON predictions BEGIN"
                       " SELECT RAISE(ABORT, 'predictions are append-only'); END"),
        QStringLiteral("CREATE TRIGGER batches_no_update BEFORE UPDATE ON batches BEGIN"
                       " SELECT RAISE(ABORT, 'batches are append-only'); END"),
        QStringLiteral("CREATE TRIGGER batches_no_delete BEFORE DELETE ON batches BEGIN"
                       " SELECT RAISE(ABORT, 'batches are append-only'); END"),
        QStringLiteral("CREATE TRIGGER batch_items_no_rewrite BEFORE UPDATE OF id, batch_id,"
                       " position, sample_id, prediction_id, priority, control ON batch_items"
                       " BEGIN SELECT RAISE(ABORT, 'batch items are append-only'); END"),
        QStringLiteral("CREATE TRIGGER batch_items_no_delete BEFORE DELETE ON batch_items BEGIN"
                       " SELECT RAISE(ABORT, 'batch items are append-only'); END"),
        QStringLiteral("CREATE TRIGGER batch_item_reasons_no_update BEFORE UPDATE ON"
                       " batch_item_reasons BEGIN"
                       " SELECT RAISE(ABORT, 'reasons are append-only'); END"),
        QStringLiteral("CREATE TRIGGER batch_item_reasons_no_delete BEFORE DELETE ON"
                       " batch_item_reasons BEGIN"
                       " SELECT RAISE(ABORT, 'reasons are append-only'); END"),
};

// Schema 5: what Boucle did on its own around the labels: the hooks it ran and the files `boucle
// watch` took from a folder (its ledger, so a restart imports nothing twice). They are records of
// events, not of the dataset, so they stay outside the audit chain.
const QStringList migration5 = {
        QStringLiteral("CREATE TABLE hook_runs (id INTEGER PRIMARY KEY, event TEXT NOT NULL,"
                       " batch_id INTEGER REFERENCES batches(id), version INTEGER NOT NULL,"
                       " command TEXT NOT NULL, started_at TEXT NOT NULL,"
                       " duration_ms INTEGER NOT NULL, outcome TEXT NOT NULL,"
                       " exit_code INTEGER NOT NULL, output BLOB NOT NULL,"
                       " output_truncated INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX hook_runs_batch ON hook_runs (event, batch_id)"),
        QStringLiteral("CREATE TABLE watched_files (id INTEGER PRIMARY KEY, path TEXT NOT NULL,"
                       " byte_size INTEGER NOT NULL, modified_at TEXT NOT NULL,"
                       " sha256 TEXT NOT NULL, outcome TEXT NOT NULL, message TEXT NOT NULL,"
                       " batch_id INTEGER REFERENCES batches(id), recorded_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX watched_files_path ON watched_files (path, sha256)"),
};

// Schema 6: each reason keeps its trigger's numbers and parameters (compact JSON), so that its
// sentence is made in the reader's language when it is shown. Older reasons keep only their
// sentence (details NULL); the audit seal digests the column only where it holds a value, so
// their seals stay valid.
const QStringList migration6 = {
        QStringLiteral("ALTER TABLE batch_item_reasons ADD COLUMN details TEXT"),
};

// Schema 7: what was seen of each sample file after it was added: its size and modification time
// (nanoseconds since the epoch), and its SHA-256 once hashed (NULL for a stat alone), taken at
// import, by the background hasher or by `verify --content`. samples.sha256 stays what the import
// wrote (the audit seal covers it); a file's content is its newest observation. Observations are
// records of the file system, not of the dataset: outside the audit chain, but never rewritten.
const QStringList migration7 = {
        QStringLiteral("CREATE TABLE content_observations (id INTEGER PRIMARY KEY,"
                       " sample_id INTEGER NOT NULL REFERENCES samples(id), sha256 TEXT,"
                       " byte_size INTEGER NOT NULL, modified_ns INTEGER NOT NULL,"
                       " observed_at TEXT NOT NULL, source TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX content_observations_sample ON content_observations"
                       " (sample_id, id)"),
        QStringLiteral("CREATE TRIGGER content_observations_no_update BEFORE UPDATE ON"
                       " content_observations BEGIN"
                       " SELECT RAISE(ABORT, 'content observations are append-only'); END"),
        QStringLiteral("CREATE TRIGGER content_observations_no_delete BEFORE DELETE ON"
                       " content_observations BEGIN"
                       " SELECT RAISE(ABORT, 'content observations are append-only'); END"),
};

// Schema 8: label revisions written from now on are sealed by range, one audit entry per write
// transaction (see AuditedRows), like the rows written in bulk; revisions written before keep the
// entry each one has. The index of version_closed holds only closed revisions: "which revisions
// did versions V1..V2 close" is all it answers, and leaving out the open ones (nearly every row)
// spares a commit the removal of each revision it closes from that index.
const QStringList migration8 = {
        QStringLiteral("DROP INDEX label_revisions_closed"),
        QStringLiteral("CREATE INDEX label_revisions_closed ON label_revisions (version_closed,"
                       " sample_id) WHERE version_closed IS NOT NULL"),
};

// Schema 9: a commit records the revisions it closes in label_closures, one appended row each,
// instead of setting version_closed on each of them. Those revisions are scattered over the
// whole table (one page each: a commit of 10,000 changes in a project of a million samples
// rewrote ~40 MB of pages); the closures are written one after the other. A revision's
// closing version is its closure's; version_closed keeps what commits before schema 9 wrote
// (copied here into label_closures, which is complete from now on and the only one read).
const QStringList migration9 = {
        QStringLiteral("CREATE TABLE label_closures (revision_id INTEGER PRIMARY KEY"
                       " REFERENCES label_revisions(id), version INTEGER NOT NULL)"),
        QStringLiteral("INSERT INTO label_closures (revision_id, version) SELECT id,"
                       " version_closed FROM label_revisions WHERE version_closed >= 1"),
        QStringLiteral("CREATE INDEX label_closures_version ON label_closures (version)"),
        QStringLiteral("DROP INDEX label_revisions_closed"),
        // A revision is closed only by the version being committed, and once.
        QStringLiteral("CREATE TRIGGER label_closures_next_version BEFORE INSERT ON label_closures"
                       " WHEN NEW.version IS NOT (SELECT COALESCE(MAX(number), 0) + 1"
                       " FROM versions) BEGIN"
                       " SELECT RAISE(ABORT, 'a revision closes only at the version being"
                       " committed'); END"),
        QStringLiteral("CREATE TRIGGER label_closures_no_update BEFORE UPDATE ON label_closures"
                       " BEGIN SELECT RAISE(ABORT, 'label closures are append-only'); END"),
        QStringLiteral("CREATE TRIGGER label_closures_no_delete BEFORE DELETE ON label_closures"
                       " BEGIN SELECT RAISE(ABORT, 'label closures are append-only'); END"),
};

// Schema 10: leases, so that many reviewers clear one batch together. A lease holds one review
// pass of one batch item (1: the first or only answer, 2: the second answer of a double review,
// 3: adjudication) for one open window (session_id, a random id) of a reviewer (holder), until
// expires_ms (milliseconds since the epoch, UTC). One row per item and pass: taking a lease is
// one upsert that only overwrites a row of the same session or one that expired; releasing it
// sets its expiry to now and keeps the row, so a window that lost an item can say who took it.
// Leases are bookkeeping, outside the audit chain; a lead's steal of a live lease is recorded in
// lease_steals, append-only and audited row by row.
const QStringList migration10 = {
        QStringLiteral("CREATE TABLE leases (batch_item_id INTEGER NOT NULL"
                       " REFERENCES batch_items(id), pass INTEGER NOT NULL,"
                       " holder TEXT NOT NULL, session_id TEXT NOT NULL,"
                       " acquired_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL,"
                       " PRIMARY KEY (batch_item_id, pass))"),
        QStringLiteral("CREATE INDEX leases_session ON leases (session_id)"),
        QStringLiteral("CREATE TABLE lease_steals (id INTEGER PRIMARY KEY,"
                       " batch_item_id INTEGER NOT NULL REFERENCES batch_items(id),"
                       " pass INTEGER NOT NULL, lead TEXT NOT NULL,"
                       " previous_holder TEXT NOT NULL, previous_session TEXT NOT NULL,"
                       " previous_acquired_ms INTEGER NOT NULL, reason TEXT NOT NULL,"
                       " stolen_ms INTEGER NOT NULL)"),
        QStringLiteral("CREATE TRIGGER lease_steals_no_update BEFORE UPDATE ON lease_steals BEGIN"
                       " SELECT RAISE(ABORT, 'lease steals are append-only'); END"),
        QStringLiteral("CREATE TRIGGER lease_steals_no_delete BEFORE DELETE ON lease_steals BEGIN"
                       " SELECT RAISE(ABORT, 'lease steals are append-only'); END"),
};

// Schema 11: the roles of a server project (viewer, annotator, expert, lead), made by
// ProjectStore::serverRoleStatements() since they are named after the project's schema. A
// project file has none: whoever may write the file may do everything, so this step is empty.
const QStringList migration11 = {};

// Schema 12: the pending items of each batch in review order, for a reviewer's next item. With
// the (batch, position) index alone, finding the first free item walked past every item already
// decided: on a 100k-item batch with 20 reviewers the search grew with the work done.
const QStringList migration12 = {
        QStringLiteral("CREATE INDEX batch_items_pending ON batch_items (batch_id, position)"
                       " WHERE status = 'pending'"),
};

// Schema 13: electronic signatures (signaturerecords.h). A signer is enrolled once (in a file,
// with a salted PBKDF2 hash of the password; on a server the database checks the password and
// the hash columns stay empty) and audited by rowid. A signature binds a batch to the SHA-256 of
// its standing decisions and is audited row by row; both tables are append-only, and a review
// of an item whose batch is signed is refused through SQL too.
const QStringList migration13 = {
        QStringLiteral("CREATE TABLE signers (id TEXT PRIMARY KEY, printed_name TEXT NOT NULL,"
                       " password_hash BLOB, salt BLOB, iterations INTEGER NOT NULL DEFAULT 0,"
                       " enrolled_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TRIGGER signers_no_update BEFORE UPDATE ON signers BEGIN"
                       " SELECT RAISE(ABORT, 'signers are append-only'); END"),
        QStringLiteral("CREATE TRIGGER signers_no_delete BEFORE DELETE ON signers BEGIN"
                       " SELECT RAISE(ABORT, 'signers are append-only'); END"),
        QStringLiteral("CREATE TABLE signatures (id INTEGER PRIMARY KEY,"
                       " batch_id INTEGER NOT NULL REFERENCES batches(id),"
                       " review_id INTEGER REFERENCES reviews(id),"
                       " signer_id TEXT NOT NULL REFERENCES signers(id),"
                       " printed_name TEXT NOT NULL, meaning TEXT NOT NULL,"
                       " signed_at TEXT NOT NULL, content_hash TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX signatures_batch ON signatures (batch_id)"),
        QStringLiteral("CREATE TRIGGER signatures_no_update BEFORE UPDATE ON signatures BEGIN"
                       " SELECT RAISE(ABORT, 'signatures are append-only'); END"),
        QStringLiteral("CREATE TRIGGER signatures_no_delete BEFORE DELETE ON signatures BEGIN"
                       " SELECT RAISE(ABORT, 'signatures are append-only'); END"),
        QStringLiteral("CREATE TRIGGER reviews_signed_batch BEFORE INSERT ON reviews"
                       " WHEN EXISTS (SELECT 1 FROM batch_items i JOIN signatures s"
                       " ON s.batch_id = i.batch_id WHERE i.id = NEW.batch_item_id) BEGIN"
                       " SELECT RAISE(ABORT, 'the batch of this item is signed'); END"),
};

// Schema 14: the frame of a multi-frame sample that a prediction is about (NULL: none named).
const QStringList migration14 = {
        QStringLiteral("ALTER TABLE predictions ADD COLUMN frame INTEGER"),
};

// Schema 15: what an import saw of a sample file, its modification time (nanoseconds since the
// epoch, UTC) beside the size the row already holds, is kept in the sample's row instead of a
// content_observations row of its own: a million files present wrote a million more rows and
// index entries on the thread that sets the pace of the import. NULL for a missing file and for
// rows written before; their observation rows stay where they are. Like those rows, it is
// outside the audit chain and written once.
const QStringList migration15 = {
        QStringLiteral("ALTER TABLE samples ADD COLUMN modified_ns INTEGER"),
        QStringLiteral("CREATE TRIGGER samples_observed_no_rewrite BEFORE UPDATE OF modified_ns"
                       " ON samples BEGIN SELECT RAISE(ABORT, 'what the import saw of a sample"
                       " file is kept as it was'); END"),
};

const QList<QStringList> &allMigrations()
{
    static const QList<QStringList> migrations
            = {migration1,  migration2,  migration3,  migration4,  migration5,
               migration6,  migration7,  migration8,  migration9,  migration10,
               migration11, migration12, migration13, migration14, migration15};
    return migrations;
}

} // namespace

QStringList schemaMigration(int number)
{
    const auto &migrations = allMigrations();
    if (number < 1 || number > migrations.size())
        return {};
    return migrations.at(number - 1);
}

int latestSchemaVersion()
{
    return int(allMigrations().size());
}

} // namespace Boucle
