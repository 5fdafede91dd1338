#include "terminalprogress.h"

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#define BOUCLE_ISATTY _isatty
#define BOUCLE_FILENO _fileno
#else
#include <unistd.h>
#define BOUCLE_ISATTY isatty
#define BOUCLE_FILENO fileno
#endif

namespace Boucle::Cli {

TerminalProgress::TerminalProgress(QTextStream &err)
    : m_err(err)
    , m_enabled(BOUCLE_ISATTY(BOUCLE_FILENO(stderr)) != 0)
{ }

TerminalProgress::~TerminalProgress()
{
    finish();
}

void TerminalProgress::progress(qint64 done, qint64 total, const QString &what)
{
    if (!m_enabled)
        return;
    if (m_sinceLast.isValid() && m_sinceLast.elapsed() < 200 && done < total)
        return;
    m_sinceLast.restart();
    m_err << '\r' << what;
    if (total > 0)
        m_err << ": " << (100 * done / total) << " %";
    m_err << "\x1b[K";
    m_err.flush();
    m_shown = true;
}

void TerminalProgress::finish()
{
    if (m_shown) {
        m_err << "\r\x1b[K";
        m_err.flush();
        m_shown = false;
    }
}

} // namespace Boucle::Cli
