#include "roundpanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Boucle {

namespace {

QString decisionText(const RoundAnswer &answer)
{
    switch (answer.action) {
    case ReviewAction::Approve:
        return RoundPanel::tr("Approved");
    case ReviewAction::Override:
        return RoundPanel::tr("Overridden");
    case ReviewAction::Relabel:
        return RoundPanel::tr("Relabelled");
    case ReviewAction::Escalate:
        return RoundPanel::tr("Escalated");
    case ReviewAction::Skip:
    case ReviewAction::Revoke:
        break;
    }
    return {};
}

} // namespace

RoundPanel::RoundPanel(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("roundPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels(
            {tr("Reviewer"), tr("Role"), tr("Decision"), tr("Label"), tr("Comment")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    layout->addWidget(m_table);
    showNothing();
}

QString RoundPanel::roleText(ReviewRole role)
{
    switch (role) {
    case ReviewRole::Single:
        return tr("Single");
    case ReviewRole::First:
        return tr("First");
    case ReviewRole::Second:
        return tr("Second");
    case ReviewRole::Adjudication:
        return tr("Adjudicator");
    }
    return {};
}

void RoundPanel::showNothing()
{
    m_table->setRowCount(0);
    m_summary->clear();
    hide();
}

QString RoundPanel::summary() const
{
    return m_summary->text();
}

void RoundPanel::showRound(const ReviewRound &round, int hiddenAnswers)
{
    // A single answer that settled its item needs no panel.
    if (round.stage == ReviewStage::None
        || (round.stage == ReviewStage::Settled && round.answers.size() < 2)) {
        showNothing();
        return;
    }
    switch (round.stage) {
    case ReviewStage::AwaitingSecond:
        m_summary->setText(
                hiddenAnswers > 0
                        ? tr("<b>Second review.</b> Another reviewer answered; give your own "
                             "answer: theirs shows once you have.")
                        : tr("<b>Waiting for a second reviewer.</b> Your answer becomes the label "
                             "when another reviewer agrees."));
        break;
    case ReviewStage::Adjudication:
        m_summary->setText(tr("<b>Adjudication.</b> The answers below disagree or were escalated; "
                              "your decision becomes the label."));
        break;
    case ReviewStage::Settled:
        m_summary->setText(tr("<b>Settled:</b> %1").arg(round.settledLabel().toHtmlEscaped()));
        break;
    case ReviewStage::None:
        break;
    }
    m_table->setRowCount(int(round.answers.size()));
    const QLocale locale;
    for (int row = 0; row < round.answers.size(); ++row) {
        const RoundAnswer &answer = round.answers.at(row);
        const QStringList cells = {answer.reviewer, roleText(answer.role), decisionText(answer),
                                   answer.label, answer.comment};
        for (int column = 0; column < cells.size(); ++column) {
            auto *cell = new QTableWidgetItem(cells.at(column));
            if (column == 0)
                cell->setToolTip(
                        locale.toString(answer.finishedAt.toLocalTime(), QLocale::ShortFormat));
            m_table->setItem(row, column, cell);
        }
    }
    m_table->resizeColumnsToContents();
    show();
}

} // namespace Boucle
