#include "argumentparser.h"

#include <QCoreApplication>

namespace Boucle::Cli {

ArgumentParser::ArgumentParser(QStringList valueOptions, QStringList switches)
    : m_valueOptions(std::move(valueOptions))
    , m_switches(std::move(switches))
{ }

bool ArgumentParser::parse(const QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (!argument.startsWith(QLatin1String("-")) || argument == QLatin1String("-")) {
            m_positionals.append(argument);
            continue;
        }
        QString name = argument;
        QString inlineValue;
        bool hasInlineValue = false;
        const auto equals = argument.indexOf(QLatin1Char('='));
        if (equals > 0) {
            name = argument.left(equals);
            inlineValue = argument.mid(equals + 1);
            hasInlineValue = true;
        }
        if (m_switches.contains(name) && !hasInlineValue) {
            m_setSwitches.insert(name);
        } else if (m_valueOptions.contains(name)) {
            if (hasInlineValue) {
                m_values[name].append(inlineValue);
            } else if (i + 1 < arguments.size()) {
                m_values[name].append(arguments.at(++i));
            } else {
                m_error = QCoreApplication::translate("ArgumentParser", "option %1 needs a value")
                                  .arg(name);
                return false;
            }
        } else {
            m_error = QCoreApplication::translate("ArgumentParser", "unknown option %1").arg(name);
            return false;
        }
    }
    return true;
}

bool ArgumentParser::isSet(const QString &option) const
{
    return m_setSwitches.contains(option) || m_values.contains(option);
}

QString ArgumentParser::value(const QString &option, const QString &fallback) const
{
    const auto found = m_values.constFind(option);
    return found == m_values.constEnd() ? fallback : found->constLast();
}

QStringList ArgumentParser::values(const QString &option) const
{
    return m_values.value(option);
}

} // namespace Boucle::Cli
