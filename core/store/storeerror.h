// StoreError: what went wrong with a project file, in words a user can act on.
// A plain value; any thread.
#pragma once

#include <QString>

namespace Boucle {

struct [[nodiscard]] StoreError
{
    enum class Code {
        None,
        NotFound,        // the file or row does not exist
        NotAProject,     // the file is not a Boucle project (or not SQLite at all)
        Corrupt,         // SQLite says the file is damaged
        NewerSchema,     // written by a newer Boucle
        ReadOnly,        // the file or its folder cannot be written
        Locked,          // another process held the lock past the busy timeout
        InvalidArgument, // a caller passed something the store refuses (unknown class, bad path)
        Conflict,        // the change would break an invariant (nothing to commit, duplicate name)
        Failed,          // any other database failure
    };

    Code code = Code::None;
    QString message;

    bool isError() const { return code != Code::None; }
    explicit operator bool() const { return isError(); }

    static StoreError make(Code code, const QString &message) { return StoreError {code, message}; }
};

} // namespace Boucle
