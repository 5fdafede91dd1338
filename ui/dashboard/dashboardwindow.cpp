#include "dashboardwindow.h"

#include "dashboardwidget.h"
#include "store/projectstore.h"

#include <QEvent>
#include <QFileInfo>
#include <QVBoxLayout>

namespace Boucle {

DashboardWindow::DashboardWindow(ProjectStore &store, QWidget *owner)
    : QWidget(nullptr, Qt::Window)
    , m_owner(owner)
{
    setObjectName(QStringLiteral("dashboardWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Audit dashboard — %1").arg(QFileInfo(store.path()).fileName()));
    resize(1200, 800);
    auto *layout = new QVBoxLayout(this);
    m_dashboard = new DashboardWidget(store, this);
    layout->addWidget(m_dashboard);
    if (owner) {
        owner->installEventFilter(this);
        connect(owner, &QObject::destroyed, this, &QWidget::close);
    }
    // The dashboard follows the store's changes: it cannot outlive it.
    connect(&store, &QObject::destroyed, this, &QWidget::close);
}

DashboardWindow::~DashboardWindow()
{
    if (m_owner)
        m_owner->removeEventFilter(this);
}

bool DashboardWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_owner && event->type() == QEvent::Close)
        close();
    return QWidget::eventFilter(watched, event);
}

} // namespace Boucle
