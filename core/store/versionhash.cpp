#include "versionhash.h"

#include "storedigest.h"

#include <QSqlQuery>

namespace Boucle {

QByteArray computeVersionHash(const QSqlDatabase &db, const VersionHashInput &input)
{
    StoreDigest digest("version");
    digest.add(input.number)
            .add(input.parent)
            .add(QString::fromLatin1(input.parentHash))
            .add(input.author)
            .add(input.message)
            .add(input.createdAt)
            .add(input.added)
            .add(input.changed)
            .add(input.removed)
            .add(input.total);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, sample_id, label_id, objects FROM label_revisions"
                                 " WHERE version_added = ? ORDER BY sample_id, id"));
    query.addBindValue(input.number);
    if (query.exec()) {
        while (query.next()) {
            digest.add(query.value(0)).add(query.value(1)).add(query.value(2)).add(query.value(3));
        }
    }
    return digest.hex();
}

} // namespace Boucle
