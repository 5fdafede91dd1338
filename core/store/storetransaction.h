// StoreTransaction: a scoped write transaction on a ProjectStore. It begins IMMEDIATE (so two
// writers queue on the busy timeout instead of dead-locking), commits durably on commit(), and
// rolls back when it goes out of scope uncommitted. Nested transactions join the outermost one.
// Same thread as its store.
#pragma once

#include "storeerror.h"

namespace Boucle {

class ProjectStore;

class StoreTransaction
{
public:
    explicit StoreTransaction(ProjectStore &store);
    ~StoreTransaction();
    StoreTransaction(const StoreTransaction &) = delete;
    StoreTransaction &operator=(const StoreTransaction &) = delete;

    // The error of BEGIN, if it failed (locked database, read-only file).
    const StoreError &beginError() const { return m_beginError; }
    StoreError commit();
    void rollback();

private:
    ProjectStore &m_store;
    StoreError m_beginError;
    bool m_finished = false;
    bool m_outermost = false;
};

} // namespace Boucle
