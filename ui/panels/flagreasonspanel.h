// FlagReasonsPanel: "why it was flagged" for the item on screen: every reason with its score, the
// top class probabilities as bars, each committee member's vote, the known truth, and the sample's
// history of label revisions and reviews. In blind review it shows only that the prediction is
// hidden. The history leaves out the answers the viewer may not see yet (a first answer waiting
// for the viewer's independent second one). GUI thread only.
#pragma once

#include "store/batchitemquery.h"

#include <QTextBrowser>

namespace Boucle {

class ProjectStore;

class FlagReasonsPanel : public QTextBrowser
{
    Q_OBJECT

public:
    explicit FlagReasonsPanel(QWidget *parent = nullptr);

    void showItem(const ProjectStore &store, const BatchItemRow &row, bool revealed,
                  const QString &blindAnswer);
    void showNothing();
    // The reviewer looking at the panel; empty: nobody's own answers are shown while blind.
    void setViewer(const QString &viewer) { m_viewer = viewer; }

private:
    QString m_viewer;
};

} // namespace Boucle
