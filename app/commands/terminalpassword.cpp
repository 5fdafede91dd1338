#include "terminalpassword.h"

#include <cstdio>
#include <iterator>
#include <termios.h>
#include <unistd.h>

namespace Boucle::Cli {

namespace {

QString chopped(const char *line)
{
    QString text = QString::fromLocal8Bit(line);
    while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r')))
        text.chop(1);
    return text;
}

} // namespace

bool atTerminal()
{
    return isatty(STDIN_FILENO) != 0;
}

std::optional<QString> readPassword(const QString &prompt)
{
    char line[1024] = {};
    if (!atTerminal()) {
        const bool read = std::fgets(line, sizeof line, stdin) != nullptr;
        const QString password = chopped(line);
        std::fill(std::begin(line), std::end(line), '\0');
        if (!read)
            return std::nullopt;
        return password;
    }
    FILE *terminal = std::fopen("/dev/tty", "r+");
    if (!terminal)
        return std::nullopt;
    const int descriptor = fileno(terminal);
    termios saved {};
    const bool canHide = tcgetattr(descriptor, &saved) == 0;
    if (canHide) {
        termios hidden = saved;
        hidden.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(descriptor, TCSAFLUSH, &hidden);
    }
    std::fprintf(terminal, "%s", qPrintable(prompt));
    std::fflush(terminal);
    const bool read = std::fgets(line, sizeof line, terminal) != nullptr;
    if (canHide)
        tcsetattr(descriptor, TCSAFLUSH, &saved);
    std::fputc('\n', terminal);
    std::fclose(terminal);
    const QString password = chopped(line);
    std::fill(std::begin(line), std::end(line), '\0');
    if (!read)
        return std::nullopt;
    return password;
}

} // namespace Boucle::Cli
