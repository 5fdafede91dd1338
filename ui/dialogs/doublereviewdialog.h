// DoubleReviewDialog: sets the project's double-review policy: the share of items a second
// reviewer answers, and the classes whose every item is answered twice. GUI thread only.
#pragma once

#include "review/doublereviewpolicy.h"

#include <QDialog>

class QListWidget;
class QSpinBox;

namespace Boucle {

class DoubleReviewDialog : public QDialog
{
    Q_OBJECT

public:
    DoubleReviewDialog(const QStringList &classes, const DoubleReviewPolicy &policy,
                       QWidget *parent = nullptr);

    DoubleReviewPolicy policy() const;

    QSpinBox *shareField() const { return m_share; }
    QListWidget *classList() const { return m_classes; }

private:
    QSpinBox *m_share;
    QListWidget *m_classes;
};

} // namespace Boucle
