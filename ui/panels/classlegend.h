// ClassLegend: which key chooses which class, in one line under the decision bar ("1 cat · 2 dog
// · …"), wrapped when the window is narrow. Classes without a key are chosen by search (/), and
// the legend says so. GUI thread only.
#pragma once

#include <QLabel>

namespace Boucle {

class ClassLegend : public QLabel
{
    Q_OBJECT

public:
    explicit ClassLegend(QWidget *parent = nullptr);

    // `keys` as ClassKeys::keysFor gives them: a Qt key per class, 0 for none.
    void setClasses(const QStringList &classes, const QList<int> &keys);
    // The entries as plain text, for tests and tooltips: "1 cat", "2 dog", …
    QStringList entries() const { return m_entries; }

private:
    QStringList m_entries;
};

} // namespace Boucle
