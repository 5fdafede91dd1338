#include "logproblem.h"

#include <QCoreApplication>

namespace Boucle {

QString LogProblem::toString() const
{
    if (line <= 0 && !field.isEmpty()) // a JSON path locates it where no line is known
        return QCoreApplication::translate("Boucle::LogProblem", "%1: field '%2': %3")
                .arg(file, field, message);
    if (line <= 0)
        return QCoreApplication::translate("Boucle::LogProblem", "%1: %2").arg(file, message);
    if (field.isEmpty())
        return QCoreApplication::translate("Boucle::LogProblem", "%1:%2: %3")
                .arg(file)
                .arg(line)
                .arg(message);
    return QCoreApplication::translate("Boucle::LogProblem", "%1:%2: field '%3': %4")
            .arg(file)
            .arg(line)
            .arg(field, message);
}

} // namespace Boucle
