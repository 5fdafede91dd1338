// ProjectStore: the roles of a server project (schema 11). Four group roles of the server, named
// after the project's schema, each a member of the next weaker one (viewer < annotator < expert <
// lead), so a member of a stronger role holds every right of the weaker ones. The GRANTs say which
// tables each may read and write; three triggers say what a GRANT cannot: only an expert (or a
// lead) adjudicates, only a lead takes a live lease from its holder, and nobody but the project's
// owner writes a review, a lease or a steal in someone else's name. The owner of the schema (its
// creator) and superusers are never refused: they own the tables, and tests and tools that write
// for many reviewer names through one login keep working.
#include "projectroles.h"
#include "projectstore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace Boucle {

namespace ProjectRoles {

QString roleWord(ProjectRole role)
{
    switch (role) {
    case ProjectRole::Viewer:
        return QStringLiteral("viewer");
    case ProjectRole::Annotator:
        return QStringLiteral("annotator");
    case ProjectRole::Expert:
        return QStringLiteral("expert");
    case ProjectRole::Lead:
        return QStringLiteral("lead");
    case ProjectRole::Owner:
        return QStringLiteral("owner");
    case ProjectRole::None:
        break;
    }
    return QStringLiteral("none");
}

std::optional<ProjectRole> roleFromWord(const QString &word)
{
    for (const auto role : groupRoles()) {
        if (roleWord(role) == word.toLower())
            return role;
    }
    return std::nullopt;
}

QList<ProjectRole> groupRoles()
{
    return {ProjectRole::Viewer, ProjectRole::Annotator, ProjectRole::Expert, ProjectRole::Lead};
}

QString serverRoleName(const QString &schema, ProjectRole role)
{
    const QString suffix = QLatin1Char('_') + roleWord(role);
    // A schema name is ASCII (lower-case letters, digits, '_'): one byte a character.
    constexpr int limit = 63;
    if (schema.size() + suffix.size() <= limit)
        return schema + suffix;
    // Two long schemas that share their first characters must not share their roles.
    const QString hash = QString::fromLatin1(
            QCryptographicHash::hash(schema.toUtf8(), QCryptographicHash::Sha256).toHex().left(8));
    return schema.left(limit - suffix.size() - hash.size() - 1) + QLatin1Char('_') + hash + suffix;
}

QString withArticle(ProjectRole role)
{
    switch (role) {
    case ProjectRole::Viewer:
        return QCoreApplication::translate("Boucle::ProjectRoles", "a viewer");
    case ProjectRole::Annotator:
        return QCoreApplication::translate("Boucle::ProjectRoles", "an annotator");
    case ProjectRole::Expert:
        return QCoreApplication::translate("Boucle::ProjectRoles", "an expert");
    case ProjectRole::Lead:
        return QCoreApplication::translate("Boucle::ProjectRoles", "a lead");
    case ProjectRole::Owner:
        return QCoreApplication::translate("Boucle::ProjectRoles", "the owner");
    case ProjectRole::None:
        break;
    }
    return QCoreApplication::translate("Boucle::ProjectRoles", "nobody");
}

} // namespace ProjectRoles

namespace {

QString identifier(const QString &name)
{
    QString escaped = name;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString literal(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

// What an annotator writes when deciding, undoing, commenting and holding leases: found by
// running the review path as an annotator and granting what the server refused.
const QStringList annotatorInserts = {
        QStringLiteral("reviews"),       QStringLiteral("review_roles"),
        QStringLiteral("review_stages"), QStringLiteral("label_revisions"),
        QStringLiteral("leases"),        QStringLiteral("audit"),
        QStringLiteral("audit_ranges"),
};

// Tables only a lead writes (besides the columns of others an annotator may not touch).
const QStringList leadOnlyTables = {
        QStringLiteral("project"),
        QStringLiteral("classes"),
        QStringLiteral("samples"),
        QStringLiteral("models"),
        QStringLiteral("predictions"),
        QStringLiteral("batches"),
        QStringLiteral("batch_item_reasons"),
        QStringLiteral("versions"),
        QStringLiteral("label_closures"),
        QStringLiteral("lease_steals"),
        QStringLiteral("hook_runs"),
        QStringLiteral("watched_files"),
        QStringLiteral("content_observations"),
        QStringLiteral("boucle_schema"),
};

// The sentences the triggers raise; the store recognises them to word its refusal.
const QString adjudicationRefusal = QStringLiteral("adjudicating needs the expert role");
const QString stealRefusal
        = QStringLiteral("taking a live lease from its holder needs the lead role");
const QString nameRefusal = QStringLiteral("writes in the name of");

} // namespace

QStringList ProjectStore::serverRoleStatements(const QString &schema)
{
    using namespace ProjectRoles;
    const QString s = identifier(schema);
    const QString viewer = identifier(serverRoleName(schema, ProjectRole::Viewer));
    const QString annotator = identifier(serverRoleName(schema, ProjectRole::Annotator));
    const QString expert = identifier(serverRoleName(schema, ProjectRole::Expert));
    const QString lead = identifier(serverRoleName(schema, ProjectRole::Lead));
    QStringList statements;
    // The roles belong to the whole server; a project made again under a dropped one's name
    // finds them there.
    QString create = QStringLiteral("DO $roles$ BEGIN");
    for (const auto role : groupRoles()) {
        const QString name = serverRoleName(schema, role);
        create += QStringLiteral(" IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = %1)"
                                 " THEN CREATE ROLE %2 NOLOGIN; END IF;")
                          .arg(literal(name), identifier(name));
    }
    create += QStringLiteral(" END $roles$");
    statements << create;
    statements << QStringLiteral("GRANT %1 TO %2").arg(viewer, annotator)
               << QStringLiteral("GRANT %1 TO %2").arg(annotator, expert)
               << QStringLiteral("GRANT %1 TO %2").arg(expert, lead);
    // viewer: reads everything.
    statements << QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2").arg(s, viewer)
               << QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA %1 TO %2").arg(s, viewer);
    // annotator: decisions, undo, comments (a review's column), leases and the audit chain's
    // append; an item's status; the bookkeeping of the revision a decision replaces.
    for (const auto &table : annotatorInserts)
        statements << QStringLiteral("GRANT INSERT ON %1.%2 TO %3").arg(s, table, annotator);
    statements << QStringLiteral("GRANT DELETE ON %1.review_stages TO %2").arg(s, annotator)
               << QStringLiteral("GRANT UPDATE ON %1.leases TO %2").arg(s, annotator)
               << QStringLiteral("GRANT UPDATE (status) ON %1.batch_items TO %2").arg(s, annotator)
               << QStringLiteral("GRANT UPDATE (superseded, version_added, version_closed) ON"
                                 " %1.label_revisions TO %2")
                          .arg(s, annotator)
               << QStringLiteral("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %1 TO %2")
                          .arg(s, annotator);
    // lead: every row of the project (the append-only triggers still refuse rewrites; TRUNCATE,
    // which no trigger sees, stays the owner's), but not the schema's version.
    statements << QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA"
                                 " %1 TO %2")
                          .arg(s, lead)
               << QStringLiteral("REVOKE INSERT, UPDATE, DELETE ON %1.boucle_schema FROM %2")
                          .arg(s, lead);
    // Tables a later schema adds get the same reading and writing rights.
    statements << QStringLiteral("ALTER DEFAULT PRIVILEGES IN SCHEMA %1 GRANT SELECT ON TABLES TO"
                                 " %2")
                          .arg(s, viewer)
               << QStringLiteral("ALTER DEFAULT PRIVILEGES IN SCHEMA %1 GRANT SELECT, INSERT,"
                                 " UPDATE, DELETE ON TABLES TO %2")
                          .arg(s, lead)
               << QStringLiteral("ALTER DEFAULT PRIVILEGES IN SCHEMA %1 GRANT USAGE, SELECT ON"
                                 " SEQUENCES TO %2")
                          .arg(s, annotator);
    // The owner of the schema (its creator) and superusers are never refused.
    statements << QStringLiteral("CREATE FUNCTION %1.boucle_role_exempt() RETURNS boolean"
                                 " LANGUAGE sql STABLE AS $body$ SELECT pg_has_role(session_user,"
                                 " n.nspowner, 'MEMBER') FROM pg_namespace n WHERE n.nspname = %2"
                                 " $body$")
                          .arg(s, literal(schema));
    const QString expertLiteral = literal(serverRoleName(schema, ProjectRole::Expert));
    const QString leadLiteral = literal(serverRoleName(schema, ProjectRole::Lead));
    auto trigger = [&](const QString &name, const QString &when, const QString &table,
                       const QString &body) {
        statements << QStringLiteral("CREATE FUNCTION %1.boucle_%2() RETURNS trigger LANGUAGE"
                                     " plpgsql AS $body$ BEGIN IF NOT %1.boucle_role_exempt() THEN"
                                     " %3 END IF; RETURN NEW; END $body$")
                              .arg(s, name, body)
                   << QStringLiteral("CREATE TRIGGER %1 BEFORE %2 ON %3.%4 FOR EACH ROW EXECUTE"
                                     " FUNCTION %3.boucle_%1()")
                              .arg(name, when, s, table);
    };
    auto ownName = [&](const QString &column) {
        return QStringLiteral("IF NEW.%1 IS DISTINCT FROM session_user::text THEN RAISE EXCEPTION"
                              " USING ERRCODE = 'insufficient_privilege', MESSAGE ="
                              " format('%s %2 %s', session_user, NEW.%1); END IF;")
                .arg(column, nameRefusal);
    };
    trigger(QStringLiteral("reviews_own_name"), QStringLiteral("INSERT"), QStringLiteral("reviews"),
            ownName(QStringLiteral("reviewer")));
    trigger(QStringLiteral("lease_steals_own_name"), QStringLiteral("INSERT"),
            QStringLiteral("lease_steals"), ownName(QStringLiteral("lead")));
    trigger(QStringLiteral("leases_own_name"), QStringLiteral("INSERT OR UPDATE"),
            QStringLiteral("leases"),
            ownName(QStringLiteral("holder"))
                    + QStringLiteral(
                              " IF TG_OP = 'UPDATE' AND OLD.session_id IS DISTINCT FROM"
                              " NEW.session_id AND OLD.expires_ms > (extract(epoch FROM"
                              " clock_timestamp()) * 1000)::bigint AND NOT"
                              " pg_has_role(session_user, %1, 'MEMBER') THEN RAISE EXCEPTION"
                              " USING ERRCODE = 'insufficient_privilege', MESSAGE = %2; END IF;")
                              .arg(leadLiteral, literal(stealRefusal)));
    trigger(QStringLiteral("review_roles_adjudicator"), QStringLiteral("INSERT"),
            QStringLiteral("review_roles"),
            QStringLiteral("IF NEW.role = 'adjudication' AND NOT pg_has_role(session_user, %1,"
                           " 'MEMBER') THEN RAISE EXCEPTION USING ERRCODE ="
                           " 'insufficient_privilege', MESSAGE = %2; END IF;")
                    .arg(expertLiteral, literal(adjudicationRefusal)));
    return statements;
}

ProjectRole ProjectStore::currentRole() const
{
    if (!m_server)
        return ProjectRole::Owner;
    QSqlQuery query(m_db);
    query.prepare(
            QStringLiteral("SELECT session_user, (SELECT pg_has_role(session_user,"
                           " n.nspowner, 'MEMBER') FROM pg_namespace n WHERE n.nspname = ?)"));
    query.addBindValue(m_project);
    if (!query.exec() || !query.next())
        return m_role;
    m_sessionUser = query.value(0).toString();
    if (query.value(1).toBool()) {
        m_role = ProjectRole::Owner;
        return m_role;
    }
    m_role = ProjectRole::None;
    for (const auto role : ProjectRoles::groupRoles()) {
        QSqlQuery member(m_db);
        member.prepare(QStringLiteral("SELECT pg_has_role(session_user, r.oid, 'MEMBER')"
                                      " FROM pg_roles r WHERE r.rolname = ?"));
        member.addBindValue(ProjectRoles::serverRoleName(m_project, role));
        if (member.exec() && member.next() && member.value(0).toBool())
            m_role = role;
    }
    return m_role;
}

StoreResult<QList<ProjectStore::RoleMember>> ProjectStore::roleMembers() const
{
    using Result = StoreResult<QList<RoleMember>>;
    if (!m_server)
        return Result::failure(StoreError::make(
                StoreError::Code::InvalidArgument,
                tr("%1 is a project file: its readers and writers are whoever the file's "
                   "permissions let in; roles belong to server projects")
                        .arg(m_path)));
    QList<RoleMember> members;
    QSqlQuery owner(m_db);
    owner.prepare(QStringLiteral("SELECT pg_get_userbyid(nspowner) FROM pg_namespace"
                                 " WHERE nspname = ?"));
    owner.addBindValue(m_project);
    if (!owner.exec() || !owner.next())
        return Result::failure(queryError(owner, tr("Reading the roles of %1").arg(m_path)));
    members.append({owner.value(0).toString(), ProjectRole::Owner});
    const auto groups = ProjectRoles::groupRoles();
    // Direct members that are not the project's own group roles (a lead is an expert's member).
    QStringList groupNames;
    for (const auto role : groups)
        groupNames.append(ProjectRoles::serverRoleName(m_project, role));
    for (auto role = groups.crbegin(); role != groups.crend(); ++role) {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("SELECT u.rolname FROM pg_auth_members m"
                                     " JOIN pg_roles g ON g.oid = m.roleid"
                                     " JOIN pg_roles u ON u.oid = m.member"
                                     " WHERE g.rolname = ? ORDER BY u.rolname"));
        query.addBindValue(ProjectRoles::serverRoleName(m_project, *role));
        if (!query.exec())
            return Result::failure(queryError(query, tr("Reading the roles of %1").arg(m_path)));
        while (query.next()) {
            const QString user = query.value(0).toString();
            if (!groupNames.contains(user))
                members.append({user, *role});
        }
    }
    return {members, {}};
}

StoreError ProjectStore::changeRole(const QString &user, ProjectRole role, bool grant)
{
    if (!m_server)
        return StoreError::make(StoreError::Code::InvalidArgument,
                                tr("%1 is a project file: who may read or write it is a matter "
                                   "of the file's permissions; roles belong to server projects")
                                        .arg(m_path));
    if (m_readOnly)
        return StoreError::make(StoreError::Code::ReadOnly,
                                tr("%1 is open read-only; no role was changed").arg(m_path));
    if (!ProjectRoles::groupRoles().contains(role))
        return StoreError::make(StoreError::Code::InvalidArgument,
                                tr("the roles are viewer, annotator, expert and lead"));
    const QString group = ProjectRoles::serverRoleName(m_project, role);
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT (SELECT count(*) FROM pg_roles WHERE rolname = ?),"
                                 " (SELECT count(*) FROM pg_roles WHERE rolname = ?),"
                                 " (SELECT count(*) FROM pg_auth_members m"
                                 " JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u"
                                 " ON u.oid = m.member WHERE g.rolname = ? AND u.rolname = ?)"));
    query.addBindValue(user);
    query.addBindValue(group);
    query.addBindValue(group);
    query.addBindValue(user);
    if (!query.exec() || !query.next())
        return queryError(query, tr("Reading the roles of %1").arg(m_path));
    const QString word = ProjectRoles::roleWord(role);
    if (query.value(0).toLongLong() == 0)
        return StoreError::make(StoreError::Code::NotFound,
                                tr("the server of %1 has no database user %2; create it first "
                                   "(on Debian: sudo -u postgres createuser %2); nothing was "
                                   "changed")
                                        .arg(m_path, user));
    if (query.value(1).toLongLong() == 0)
        return StoreError::make(StoreError::Code::NotFound,
                                tr("%1 has no roles yet (its role %2 is missing); open it once "
                                   "as its owner to upgrade it; nothing was changed")
                                        .arg(m_path, group));
    const bool member = query.value(2).toLongLong() > 0;
    if (grant && member)
        return StoreError::make(StoreError::Code::Conflict,
                                tr("%1 is already %2 on %3; nothing was changed")
                                        .arg(user, ProjectRoles::withArticle(role), m_project));
    if (!grant && !member)
        return StoreError::make(StoreError::Code::Conflict,
                                tr("%1 has no %2 role on %3 (a role given through another one "
                                   "is revoked there); nothing was changed")
                                        .arg(user, word, m_project));
    const QString sql
            = grant ? QStringLiteral("GRANT %1 TO %2") : QStringLiteral("REVOKE %1 FROM %2");
    QSqlQuery change(m_db);
    if (!change.exec(sql.arg(identifier(group), identifier(user)))) {
        if (change.lastError().nativeErrorCode() == QLatin1String("42501"))
            return StoreError::make(StoreError::Code::ReadOnly,
                                    tr("only the owner of %1 or a user allowed to manage roles "
                                       "(CREATEROLE) may give or take roles; nothing was changed")
                                            .arg(m_project));
        return queryError(change, grant ? tr("Giving %1 the %2 role").arg(user, word)
                                        : tr("Taking the %2 role from %1").arg(user, word));
    }
    return {};
}

StoreError ProjectStore::grantRole(const QString &user, ProjectRole role)
{
    return changeRole(user, role, true);
}

StoreError ProjectStore::revokeRole(const QString &user, ProjectRole role)
{
    return changeRole(user, role, false);
}

StoreError ProjectStore::roleRefusal(const QSqlError &error, const QString &what) const
{
    const QString detail = error.databaseText().trimmed();
    const QString user = m_sessionUser.isEmpty() ? QStringLiteral("?") : m_sessionUser;
    QString action = what.isEmpty() ? what : what.left(1).toLower() + what.mid(1);
    auto refusal = [this](const QString &message) {
        return StoreError::make(StoreError::Code::ReadOnly, message);
    };
    const int named = detail.indexOf(nameRefusal);
    if (named >= 0) {
        // The first line is the trigger's sentence; PostgreSQL adds its context below.
        const QString other
                = detail.mid(named + nameRefusal.size()).section(QLatin1Char('\n'), 0, 0).trimmed();
        return refusal(tr("%1 may not write in the name of %2 on project %3: a reviewer's name "
                          "on a server project is their database user; nothing was changed")
                               .arg(user, other, m_project));
    }
    ProjectRole needed = ProjectRole::Lead;
    if (detail.contains(adjudicationRefusal)) {
        needed = ProjectRole::Expert;
        action = tr("adjudicating");
    } else if (detail.contains(stealRefusal)) {
        action = tr("taking an item another reviewer holds");
    } else {
        static const QRegularExpression table(QStringLiteral("for (?:table|relation) (\\w+)"));
        const auto match = table.match(detail);
        const bool leadTable = match.hasMatch() && leadOnlyTables.contains(match.captured(1));
        if (!leadTable && (m_role == ProjectRole::Viewer || m_role == ProjectRole::None))
            needed = ProjectRole::Annotator;
    }
    if (m_role == ProjectRole::None)
        return refusal(tr("%1 has no role on project %2: %3 needs the %4 role; nothing was "
                          "changed (its owner gives roles: boucle roles ADDRESS grant %1 ROLE)")
                               .arg(user, m_project, action, ProjectRoles::roleWord(needed)));
    return refusal(tr("%1 is %2 on project %3: %4 needs the %5 role; nothing was changed")
                           .arg(user, ProjectRoles::withArticle(m_role), m_project, action,
                                ProjectRoles::roleWord(needed)));
}

} // namespace Boucle
