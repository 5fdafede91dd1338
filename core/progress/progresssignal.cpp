#include "progresssignal.h"

#include <QMutexLocker>

namespace Boucle {

ProgressSignal::ProgressSignal(QObject *parent)
    : QObject(parent)
{ }

void ProgressSignal::progress(qint64 done, qint64 total, const QString &what)
{
    {
        QMutexLocker lock(&m_mutex);
        const bool finished = total > 0 && done >= total;
        if (m_sinceLast.isValid() && !finished && m_sinceLast.elapsed() < m_intervalMs)
            return;
        m_sinceLast.restart();
    }
    emit progressed(done, total, what);
}

} // namespace Boucle
