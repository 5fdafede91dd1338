// DashboardWindow: the audit dashboard in a window of its own. It is a top-level window with no
// parent widget, so the desktop stacks it like any other window: the review window can come in
// front of it when a listed sample is opened (a dialog owned by the review window would always
// stay above it). It closes with its owner and when the store it shows goes away, and deletes
// itself when closed. GUI thread.
#pragma once

#include "records/projectrecords.h"

#include <QPointer>
#include <QWidget>

namespace Boucle {

class DashboardWidget;
class ProjectStore;

class DashboardWindow : public QWidget
{
    Q_OBJECT

public:
    // `owner` (the review window) is not the parent: its closing or destruction closes this one.
    DashboardWindow(ProjectStore &store, QWidget *owner);
    ~DashboardWindow() override;

    DashboardWidget *dashboard() const { return m_dashboard; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<QWidget> m_owner;
    DashboardWidget *m_dashboard = nullptr;
};

} // namespace Boucle
