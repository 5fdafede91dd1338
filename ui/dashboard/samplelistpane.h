// SampleListPane: the samples behind a number the lead clicked in the dashboard (a confusion
// cell, a detector count), listed inside the dashboard: sample, reviewed label, prediction and
// its confidence, sortable by any column. Double-click or Enter on a row asks for that sample to
// be opened (sampleActivated); the dashboard itself stays where it is. GUI thread.
#pragma once

#include "dashboardloader.h"

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace Boucle {

class SampleListPane : public QWidget
{
    Q_OBJECT

public:
    enum Column { SampleColumn, ReviewedColumn, PredictedColumn, ConfidenceColumn };

    explicit SampleListPane(QWidget *parent = nullptr);

    void showLoading(const QString &title);
    void showList(const DashboardSampleList &list);
    void clear();

    QTableView *table() const { return m_table; }
    QString title() const;
    // The sample of a row as the view shows it (after sorting).
    SampleId sampleAt(int row) const;

signals:
    void sampleActivated(Boucle::SampleId sample);

private:
    QLabel *m_title = nullptr;
    QLabel *m_hint = nullptr;
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace Boucle
