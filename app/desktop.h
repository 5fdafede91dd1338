// Starts the review workspace (Qt Widgets) and runs its event loop.
#pragma once

namespace Boucle {
int runDesktop(int argc, char *argv[]);
}
