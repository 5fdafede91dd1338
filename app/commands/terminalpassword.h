// A password for a command, never from its command line: asked on the terminal with echo off
// when a person is there, else read as one line from standard input (a script pipes it, as to
// `passwd --stdin`). Main thread only.
#pragma once

#include "command.h"

#include <optional>

namespace Boucle::Cli {

// Asks `prompt` on the terminal (echo off), or reads one line of standard input when it is not a
// terminal. nullopt when nothing could be read.
std::optional<QString> readPassword(const QString &prompt);
// True when standard input is a terminal (a person may be asked twice to confirm).
bool atTerminal();

} // namespace Boucle::Cli
