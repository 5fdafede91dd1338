// What every project sub-command does first: open the project named on the command line, or say
// on stderr why it cannot be opened. Also the default author of changes made from a shell.
#pragma once

#include "argumentparser.h"
#include "command.h"
#include "store/projectstore.h"

#include <limits>
#include <memory>

namespace Boucle::Cli {

std::unique_ptr<ProjectStore> openProject(const QString &path, CommandContext &context,
                                          ProjectStore::OpenMode mode
                                          = ProjectStore::OpenMode::ReadWrite);
// When `error` says the server at `address` wants a password (or refused the one given) and a
// person is at the terminal, asks for it there (echo off) and keeps it for this process; true
// when one was given, so the caller tries again.
bool askServerPassword(const QString &address, const StoreError &error, CommandContext &context);
// --author when given, else $BOUCLE_AUTHOR, else the login name.
QString authorName(const QString &given);
// Prints "boucle NAME: message" on stderr and returns Failure.
int fail(CommandContext &context, const QString &command, const QString &message);
// "there is no version 'X' (the project has versions 1 to N)", or says there are none yet.
QString unknownVersion(const QString &given, int head);
int usage(CommandContext &context, const QString &command, const QString &message);
// The --format of a listing command: text (the default) or json, into *json. Anything else is a
// usage error, said on stderr; the command then returns UsageError.
bool readTextOrJson(CommandContext &context, const QString &command, const ArgumentParser &parser,
                    bool *json);
// A whole-number option (--size, --limit, --folds, ...) from `minimum` to `maximum`, into *value
// when it is given (else *value is left as it was). Anything else is a usage error said on
// stderr ("--size expects a whole number from 1, not 'ten'"); the command then returns
// UsageError.
bool readWholeNumber(CommandContext &context, const QString &command, const ArgumentParser &parser,
                     const QString &option, int minimum, int *value,
                     int maximum = std::numeric_limits<int>::max());

} // namespace Boucle::Cli
