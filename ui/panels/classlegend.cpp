#include "panels/classlegend.h"

#include <QKeySequence>

#include <algorithm>

namespace Boucle {

ClassLegend::ClassLegend(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("classLegend"));
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

void ClassLegend::setClasses(const QStringList &classes, const QList<int> &keys)
{
    m_entries.clear();
    QStringList shown;
    int unkeyed = 0;
    for (int i = 0; i < classes.size(); ++i) {
        const int key = keys.value(i);
        if (key == 0) {
            ++unkeyed;
            continue;
        }
        const QString keyText = QKeySequence(key).toString(QKeySequence::NativeText);
        m_entries.append(keyText + QLatin1Char(' ') + classes.at(i));
        shown.append(QStringLiteral("<b>%1</b>&nbsp;%2")
                             .arg(keyText.toHtmlEscaped(), classes.at(i).toHtmlEscaped()));
    }
    // Digits named by their own key need no table: say the rule once.
    const bool keysAreNames
            = !m_entries.isEmpty() && unkeyed == 0
              && std::all_of(m_entries.cbegin(), m_entries.cend(), [](const QString &e) {
                     const QStringList parts = e.split(QLatin1Char(' '));
                     return parts.size() == 2 && parts[0] == parts[1];
                 });
    if (keysAreNames) {
        setText(tr("Class keys: each digit key chooses the class of that name (%1–%2).")
                        .arg(classes.first(), classes.last()));
        setToolTip(m_entries.join(QLatin1Char('\n')));
        return;
    }
    QString html = shown.join(QStringLiteral(" · "));
    if (unkeyed > 0)
        html += QStringLiteral(" · ") + tr("%1 more: / to search").arg(unkeyed).toHtmlEscaped();
    setText(classes.isEmpty() ? QString() : tr("Class keys: %1").arg(html));
    setToolTip(m_entries.join(QLatin1Char('\n')));
}

} // namespace Boucle
