// A small parser for a sub-command's arguments: positionals and --options with values,
// with messages that say which argument is wrong. Main thread only.
#pragma once

#include <QHash>
#include <QSet>
#include <QStringList>

namespace Boucle::Cli {

class ArgumentParser
{
public:
    // valueOptions take a value (--out FILE or --out=FILE); switches take none (--skip-invalid).
    ArgumentParser(QStringList valueOptions, QStringList switches);

    // False with error() set when an option is unknown or lacks its value.
    bool parse(const QStringList &arguments);
    QString error() const { return m_error; }

    const QStringList &positionals() const { return m_positionals; }
    QString positional(int index) const { return m_positionals.value(index); }
    bool isSet(const QString &option) const;
    QString value(const QString &option, const QString &fallback = {}) const;
    QStringList values(const QString &option) const;

private:
    QStringList m_valueOptions;
    QStringList m_switches;
    QStringList m_positionals;
    QHash<QString, QStringList> m_values;
    QSet<QString> m_setSwitches;
    QString m_error;
};

} // namespace Boucle::Cli
