#include "sqlitelibrarysetup.h"

#include "sqlitesmallblocks.h"

#include <sqlite3.h>

namespace Boucle {

bool setUpSqliteLibrary()
{
    // A static's initializer runs once even when several threads get here at the same time.
    static const bool configured = [] {
        // SQLITE_MISUSE once the library is initialised: then nothing changes.
        if (sqlite3_config(SQLITE_CONFIG_MULTITHREAD) != SQLITE_OK)
            return false;
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        SqliteSmallBlocks::install();
        return sqlite3_initialize() == SQLITE_OK;
    }();
    return configured;
}

} // namespace Boucle
