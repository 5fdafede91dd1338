// InputRules: the limits and checks shared by every reader of outside files (prediction logs,
// label files): what a class name may be, how many classes a project may hold, which byte-order
// marks mean a file is not UTF-8. Free functions; any thread.
#pragma once

#include <QByteArrayView>
#include <QString>

namespace Boucle::InputRules {

// A class name (a label) longer than this is refused: it is a mistake, and a 200 MB "label"
// would otherwise be held, hashed and stored.
constexpr qsizetype maxClassNameBytes = 4096;
// Classes one project may hold; a header listing more is refused before anything is stored.
constexpr qsizetype maxClasses = 100000;
// Sample paths are file paths: PATH_MAX on Linux.
constexpr qsizetype maxPathBytes = 4096;

// Empty when `name` may name a class; otherwise what is wrong with it ("a class name is blank").
QString classNameProblem(const QString &name);

// Empty when the first bytes of a file may start UTF-8 text; otherwise "the file is UTF-16; save
// it as UTF-8" (or UTF-32).
QString encodingProblem(QByteArrayView start);

// A short piece of input quoted for a message: control characters written as \uXXXX so that
// the message shows what is there.
QString quoted(QByteArrayView text);

} // namespace Boucle::InputRules
