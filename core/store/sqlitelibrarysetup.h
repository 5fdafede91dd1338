// How this process sets up the SQLite library (the one Qt's SQLite driver links too), once,
// before its first connection opens:
// - multi-thread mode instead of serialized: a connection is used by one thread at a time (Qt's
//   rule for a QSqlDatabase, and this code's: a thread that reads a project opens its own store),
//   so the mutex SQLite otherwise takes and releases around every call (each bind, each step) is
//   not needed;
// - no memory statistics: SQLite would otherwise count every allocation under a global mutex,
//   for figures this application never reads;
// - its memory through SqliteSmallBlocks: freed small blocks kept per thread and handed out
//   again, as the lookaside memory Debian's build leaves out would.
// On a million-line import these calls were about a tenth of the import's time. Where SQLite was
// already started by something else in the process, it stays as it is (serialized, which is
// safe with any use) and this does nothing.
#pragma once

namespace Boucle {

// Any thread; the first call sets the library up, the others return at once. True when the
// settings above are in effect.
bool setUpSqliteLibrary();

} // namespace Boucle
