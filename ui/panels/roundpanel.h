// RoundPanel: the answers of the item's current double-review round side by side (reviewer,
// role, decision, label, comment), so an adjudicator decides with every answer in view. While the
// round waits for the viewer's second answer it shows only that an answer exists, never what it
// was. GUI thread only.
#pragma once

#include "store/reviewround.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace Boucle {

class RoundPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RoundPanel(QWidget *parent = nullptr);

    // `round` as the viewer may see it; `hiddenAnswers` answers were left out of it.
    void showRound(const ReviewRound &round, int hiddenAnswers);
    void showNothing();

    QTableWidget *table() const { return m_table; }
    QString summary() const;

    static QString roleText(ReviewRole role);

private:
    QLabel *m_summary;
    QTableWidget *m_table;
};

} // namespace Boucle
