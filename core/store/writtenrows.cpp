#include "writtenrows.h"
#include "sqliteconnection.h"

#include "auditedrows.h"
#include "digestpipeline.h"
#include "rowdigest.h"
#include "sha256.h"

#include <QHash>
#include <QMutex>

#include <optional>

namespace Boucle {

struct WrittenRows::State
{
    QByteArray kind; // the table's name: each row's digest starts with it
    int columns = 0; // sealed columns after the id
    qint64 maxRows = 0;
    qint64 firstId = 0;
    qint64 nextId = 0;
    bool abandoned = false;
    std::string digests; // filled by the pipeline's thread
    Sha256 row;          // the pipeline's thread only
    std::optional<DigestPipeline> pipeline;
};

namespace {

struct Registry
{
    QMutex mutex;
    QHash<std::pair<const void *, QString>, std::shared_ptr<WrittenRows::State>> byTable;
};

Registry &registry()
{
    static Registry instance;
    return instance;
}

} // namespace

WrittenRows::WrittenRows(const QSqlDatabase &db, const QString &table, int schema, qint64 maxRows)
{
    const void *connection = sqliteConnectionOf(db);
    const int columns = AuditedRows::sealedColumnCount(table, schema) - 1;
    if (!connection || columns <= 0)
        return;
    auto state = std::make_shared<State>();
    state->kind = table.toUtf8();
    state->columns = columns;
    state->maxRows = maxRows;
    State *raw = state.get();
    state->pipeline.emplace([raw](qint64 id, QByteArrayView encoded) {
        const size_t at = raw->digests.size();
        raw->digests.resize(at + Sha256::size);
        rowDigestInto(raw->row, raw->kind, id, encoded, raw->digests.data() + at);
    });
    QMutexLocker lock(&registry().mutex);
    registry().byTable.insert({connection, table}, state);
    m_state = std::move(state);
}

WrittenRows::~WrittenRows()
{
    if (!m_state)
        return;
    QMutexLocker lock(&registry().mutex);
    for (auto it = registry().byTable.begin(); it != registry().byTable.end();) {
        if (it.value() == m_state)
            it = registry().byTable.erase(it);
        else
            ++it;
    }
}

void WrittenRows::add(qint64 id, const RowEncoding &row)
{
    State *state = m_state.get();
    if (!state || state->abandoned)
        return;
    const bool tooMany = state->nextId - state->firstId >= state->maxRows;
    if (tooMany || row.columns() != state->columns || (state->nextId != 0 && id != state->nextId)) {
        state->abandoned = true;
        state->pipeline.reset();
        state->digests.clear();
        return;
    }
    if (state->nextId == 0)
        state->firstId = id;
    state->nextId = id + 1;
    state->pipeline->add(id, row.bytes());
}

std::optional<WrittenRows::Digested> WrittenRows::take(const void *connection, const QString &table)
{
    std::shared_ptr<State> state;
    {
        QMutexLocker lock(&registry().mutex);
        state = registry().byTable.take({connection, table});
    }
    if (!state || state->abandoned || state->nextId == 0)
        return std::nullopt;
    state->pipeline->finish();
    state->pipeline.reset();
    // Whatever the writer adds from now on belongs to no seal this class serves.
    state->abandoned = true;
    Digested digested;
    digested.firstId = state->firstId;
    digested.digests = std::move(state->digests);
    if (digested.count() != state->nextId - state->firstId)
        return std::nullopt;
    return digested;
}

} // namespace Boucle
