// The roles of a server project (schema 11): four group roles (NOLOGIN) of the PostgreSQL server,
// named after the project's schema, whose members are the team's database users. The server
// enforces them (GRANTs and triggers); the store turns its refusals into sentences and the UI may
// ask ProjectStore::currentRole() what to offer. A project file has no roles: its boundary is the
// file's permissions. Any thread.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Boucle {

enum class ProjectRole {
    None,      // no role on the project (or a project file: the UI decides)
    Viewer,    // reads everything, writes nothing
    Annotator, // decides, undoes, comments, holds leases
    Expert,    // also adjudicates
    Lead,      // everything: imports, batches, versions, settings, lease steals
    Owner,     // the project's creator (or a superuser): full rights, never refused
};

namespace ProjectRoles {

// The schema version that makes the roles (a server-only step; nothing on a file).
constexpr int schemaVersion = 11;

// viewer, annotator, expert, lead: the words of the command line and of the messages.
QString roleWord(ProjectRole role);
std::optional<ProjectRole> roleFromWord(const QString &word);
// The four group roles, weakest first.
QList<ProjectRole> groupRoles();
// The server role of `role` on the project `schema`: `<schema>_<word>`, shortened (with a hash of
// the schema) to PostgreSQL's 63 bytes when the schema's name is long.
QString serverRoleName(const QString &schema, ProjectRole role);
// "an annotator", "a lead", ...: for sentences.
QString withArticle(ProjectRole role);

} // namespace ProjectRoles
} // namespace Boucle
