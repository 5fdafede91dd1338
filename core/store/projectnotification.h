// ProjectNotification: what a write transaction of a server project tells the other sessions
// when it commits (PostgreSQL NOTIFY; see docs/live-updates.md). The channel is named for the
// project's schema and stays within PostgreSQL's 63-byte identifiers; the payload is a compact
// JSON object with the change flags (ProjectStore::Changes, as a number) and the session
// (ProjectStore::leaseSession()) that committed, so a window can tell its own changes and a
// script with psql's LISTEN can tell what changed. Pure functions; any thread.
#pragma once

#include "projectstore.h"

#include <QString>

#include <optional>

namespace Boucle::ProjectNotification {

// The longest channel name PostgreSQL keeps (NAMEDATALEN - 1 bytes).
constexpr int maxChannelLength = 63;

// `boucle_<project>`; a project name too long for that keeps its first letters and ends with a
// hash of the whole name, so two long names never share a channel by truncation.
QString channel(const QString &project);

struct Message
{
    ProjectStore::Changes changes;
    QString session;
};

// {"changes":<flags>,"session":"<session>"}
QString payload(ProjectStore::Changes changes, const QString &session);
// nullopt for a payload Boucle did not write (a person's NOTIFY from psql, say).
std::optional<Message> parse(const QString &payload);

} // namespace Boucle::ProjectNotification
