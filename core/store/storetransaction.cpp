#include "storetransaction.h"

#include "projectnotification.h"
#include "projectstore.h"
#include "storedialect.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace Boucle {

StoreTransaction::StoreTransaction(ProjectStore &store)
    : m_store(store)
{
    if (!store.isOpen()) {
        m_beginError = StoreError::make(
                StoreError::Code::Failed,
                QCoreApplication::translate("ProjectStore", "no project is open"));
        m_finished = true;
        return;
    }
    if (store.isReadOnly()) {
        m_beginError = StoreError::make(
                StoreError::Code::ReadOnly,
                QCoreApplication::translate("ProjectStore",
                                            "%1 is open read-only; nothing was changed")
                        .arg(store.path()));
        m_finished = true;
        return;
    }
    if (store.m_transactionDepth == 0) {
        m_outermost = true;
        // IMMEDIATE (on the server, the project's advisory lock) takes the write lock now, so a
        // second writer waits on the busy timeout here instead of failing half-way through its
        // work.
        QSqlQuery begin(store.database());
        const auto statements = StoreDialect::beginWrite(StoreDialect::backendOf(store.database()));
        for (qsizetype i = 0; i < statements.size(); ++i) {
            if (begin.exec(statements.at(i)))
                continue;
            m_beginError = store.queryError(
                    begin, QCoreApplication::translate("ProjectStore", "starting a change"));
            if (i > 0)
                QSqlQuery(store.database()).exec(QStringLiteral("ROLLBACK"));
            m_finished = true;
            return;
        }
        begin.finish();
        store.m_transactionFailed = false;
        store.m_lastAuditHash.clear();
        store.m_pendingChanges = {};
        store.noteSealStart();
    }
    ++store.m_transactionDepth;
}

StoreTransaction::~StoreTransaction()
{
    if (!m_finished)
        rollback();
}

StoreError StoreTransaction::commit()
{
    if (m_beginError)
        return m_beginError;
    if (m_finished)
        return {};
    m_finished = true;
    --m_store.m_transactionDepth;
    if (!m_outermost)
        return {};
    QSqlQuery query(m_store.database());
    if (m_store.m_transactionFailed) {
        query.exec(QStringLiteral("ROLLBACK"));
        m_store.m_pendingChanges = {};
        m_store.m_classIds.clear();
        return StoreError::make(StoreError::Code::Failed,
                                QCoreApplication::translate("ProjectStore",
                                                            "a part of the change failed; nothing "
                                                            "was written"));
    }
    // The rows this transaction added are sealed in the audit chain with it, or not at all.
    if (auto error = m_store.sealWrittenRows()) {
        query.exec(QStringLiteral("ROLLBACK"));
        m_store.m_pendingChanges = {};
        m_store.m_lastAuditHash.clear();
        return error;
    }
    // A server project tells the other sessions what changed, inside the transaction: the
    // notice is delivered when the commit lands and never when it does not.
    if (m_store.m_pendingChanges && m_store.isServer()) {
        QSqlQuery &notify = m_store.statement(QStringLiteral("SELECT pg_notify(?, ?)"));
        notify.addBindValue(ProjectNotification::channel(m_store.m_project));
        notify.addBindValue(
                ProjectNotification::payload(m_store.m_pendingChanges, m_store.leaseSession()));
        if (!notify.exec()) {
            const auto error = m_store.queryError(
                    notify, QCoreApplication::translate("ProjectStore", "saving a change"));
            notify.finish();
            query.exec(QStringLiteral("ROLLBACK"));
            m_store.m_pendingChanges = {};
            m_store.m_lastAuditHash.clear();
            m_store.m_classIds.clear();
            return error;
        }
        notify.finish();
    }
    if (!query.exec(QStringLiteral("COMMIT"))) {
        const auto error = m_store.queryError(
                query, QCoreApplication::translate("ProjectStore", "saving a change"));
        QSqlQuery(m_store.database()).exec(QStringLiteral("ROLLBACK"));
        m_store.m_pendingChanges = {};
        m_store.m_classIds.clear();
        return error;
    }
    const auto changes = m_store.m_pendingChanges;
    m_store.m_pendingChanges = {};
    if (changes)
        emit m_store.changed(changes);
    return {};
}

void StoreTransaction::rollback()
{
    if (m_finished)
        return;
    m_finished = true;
    --m_store.m_transactionDepth;
    if (!m_outermost) {
        // An inner part gave up: the outermost transaction must not commit the rest.
        m_store.m_transactionFailed = true;
        return;
    }
    QSqlQuery(m_store.database()).exec(QStringLiteral("ROLLBACK"));
    m_store.m_pendingChanges = {};
    m_store.m_lastAuditHash.clear();
    m_store.m_classIds.clear(); // classes added inside the transaction are gone
}

} // namespace Boucle
