// SqliteSmallBlocks: the memory SQLite asks for, with freed small blocks kept per thread and
// handed out again. SQLite as Debian builds it has no lookaside memory (SQLITE_OMIT_LOOKASIDE),
// so every run of a statement takes its cursors and record buffers from the system allocator
// and gives them back when it ends: about fourteen blocks of 14 to 552 bytes per imported line,
// where the system allocator's consolidation of freed blocks showed up in the profile of a
// million-line import. A block of up to maxCachedSize bytes is rounded up to a multiple of 64
// and, once freed, kept in a list of its size for the thread that freed it (up to
// blocksPerSize blocks a size; the rest go back to the system), so the next statement's run
// takes it back in a few instructions. Larger blocks go to the system allocator directly. A
// thread's kept blocks are released when the thread ends. In an AddressSanitizer build the kept
// blocks are poisoned, so a use after SQLite freed one is still reported.
#pragma once

namespace Boucle::SqliteSmallBlocks {

inline constexpr int granularity = 64;
inline constexpr int maxCachedSize = 1024;
inline constexpr int blocksPerSize = 128;

// SQLite's memory methods (sqlite3_mem_methods), callable on their own for tests. allocate
// returns nullptr when the system has no memory left; resize keeps the first bytes, like
// realloc; sizeOf is the usable size (at least what was asked); roundUp is what allocate gives
// for a request of that size.
void *allocate(int bytes);
void release(void *block);
void *resize(void *block, int bytes);
int sizeOf(void *block);
int roundUp(int bytes);

// Installs the methods above into SQLite. Only before the library is initialised
// (setUpSqliteLibrary calls it then); false when SQLite refused them.
bool install();

// Blocks kept by the calling thread, all sizes together: more than none once SQLite freed a
// small block on this thread with these methods installed (tests read it).
int keptByThisThread();

} // namespace Boucle::SqliteSmallBlocks
