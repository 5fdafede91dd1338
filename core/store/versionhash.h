// The hash of a dataset version: it covers the parent's hash, the version's own fields and every
// change it made (revision id, sample, label, objects), read in sample order from the database.
// Used by ProjectStore's commit and verify; the thread of the connection.
#pragma once

#include "storeerror.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

namespace Boucle {

struct VersionHashInput
{
    int number = 0;
    int parent = 0;
    QByteArray parentHash;
    QString author;
    QString message;
    QString createdAt;
    int added = 0;
    int changed = 0;
    int removed = 0;
    int total = 0;
};

// A read that fails sets `error` (when given); the hash is then of no use.
QByteArray computeVersionHash(const QSqlDatabase &db, const VersionHashInput &input,
                              StoreError *error = nullptr);

} // namespace Boucle
