#include "doublereviewdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace Boucle {

DoubleReviewDialog::DoubleReviewDialog(const QStringList &classes, const DoubleReviewPolicy &policy,
                                       QWidget *parent)
    : QDialog(parent)
    , m_share(new QSpinBox(this))
    , m_classes(new QListWidget(this))
{
    setWindowTitle(tr("Double review"));
    setObjectName(QStringLiteral("doubleReviewDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *explanation = new QLabel(
            tr("Items chosen here get a second, independent answer from another reviewer, who "
               "does not see the first one. Answers that agree become the label; a disagreement "
               "or an escalation goes to the adjudication queue, where the adjudicator's decision "
               "becomes the label. Every answer is kept."),
            this);
    explanation->setWordWrap(true);
    layout->addWidget(explanation);
    auto *form = new QFormLayout;
    m_share->setRange(0, 100);
    m_share->setSuffix(tr(" %"));
    m_share->setValue(int(std::lround(policy.share * 100.0)));
    m_share->setToolTip(tr("The same items are chosen on every machine: the choice follows each "
                           "item's number."));
    form->addRow(tr("Share of all items:"), m_share);
    for (const QString &name : classes) {
        auto *item = new QListWidgetItem(name, m_classes);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(policy.classes.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
    form->addRow(tr("Every item of these classes\n(predicted or answered):"), m_classes);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

DoubleReviewPolicy DoubleReviewDialog::policy() const
{
    DoubleReviewPolicy policy;
    policy.share = m_share->value() / 100.0;
    for (int row = 0; row < m_classes->count(); ++row) {
        const auto *item = m_classes->item(row);
        if (item->checkState() == Qt::Checked)
            policy.classes.append(item->text());
    }
    return policy;
}

} // namespace Boucle
