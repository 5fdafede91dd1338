#include "versionhash.h"

#include "storedigest.h"

#include "storecursor.h"

#include <QVariant>

namespace Boucle {

QByteArray computeVersionHash(const QSqlDatabase &db, const VersionHashInput &input,
                              StoreError *error)
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
    // Read through the C API; StoreCursor::variantText gives each value as the QVariant text
    // earlier releases digested, so the hash of every existing version is unchanged.
    StoreCursor cursor(db, "SELECT id, sample_id, label_id, objects FROM label_revisions"
                           " WHERE version_added = ? ORDER BY sample_id, id");
    cursor.bind(1, input.number);
    QString text;
    while (cursor.next()) {
        for (int column = 0; column < 4; ++column) {
            if (cursor.variantText(column, &text))
                digest.add(text);
            else
                digest.add(QVariant());
        }
    }
    if (error && cursor.failed())
        *error = cursor.error(QStringLiteral("version %1").arg(input.number));
    return digest.hex();
}

} // namespace Boucle
