#include "decisionbar.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace Boucle {

DecisionBar::DecisionBar(QWidget *parent)
    : QWidget(parent)
    , m_classes(new QComboBox(this))
    , m_comment(new QLineEdit(this))
    , m_hint(new QLabel(this))
    , m_buttons(new QWidget(this))
{
    // Two rows, so the bar fits beside a queue on a 1366 px screen: the decisions, then the class
    // and the comment they use.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_buttons);
    auto *fields = new QHBoxLayout;
    auto *pickerLabel = new QLabel(tr("&Class:"), this);
    pickerLabel->setBuddy(m_classes);
    fields->addWidget(pickerLabel);
    m_classes->setEditable(true);
    m_classes->setInsertPolicy(QComboBox::NoInsert);
    m_classes->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_classes->setMinimumContentsLength(12);
    m_classes->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_classes->completer()->setFilterMode(Qt::MatchContains);
    m_classes->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_classes->lineEdit()->setPlaceholderText(tr("Type to search"));
    fields->addWidget(m_classes, 1);
    auto *commentLabel = new QLabel(tr("Co&mment:"), this);
    commentLabel->setBuddy(m_comment);
    fields->addWidget(commentLabel);
    m_comment->setPlaceholderText(tr("Why (required to override when the project says so)"));
    m_comment->setToolTip(m_comment->placeholderText());
    m_comment->setClearButtonEnabled(true);
    m_comment->setMinimumWidth(120);
    fields->addWidget(m_comment, 2);
    layout->addLayout(fields);
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);

    connect(m_comment, &QLineEdit::returnPressed, this, &DecisionBar::editingDone);
    connect(m_classes->lineEdit(), &QLineEdit::returnPressed, this, [this] {
        chooseClass(m_classes->currentText());
        emit editingDone();
    });
    connect(m_classes, &QComboBox::activated, this,
            [this](int index) { emit classChosen(m_classes->itemText(index)); });
}

void DecisionBar::setActions(const QList<QAction *> &decisionActions)
{
    auto *layout = new QHBoxLayout(m_buttons);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QAction *action : decisionActions) {
        auto *button = new QToolButton(m_buttons);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setToolTip(QStringLiteral("%1 (%2)").arg(
                action->text().remove(QLatin1Char('&')),
                action->shortcut().toString(QKeySequence::NativeText)));
        // A decision that only some items take (keeping a doubted label) shows with its action.
        button->setVisible(action->isVisible());
        connect(action, &QAction::changed, button,
                [button, action] { button->setVisible(action->isVisible()); });
        layout->addWidget(button);
    }
    layout->addStretch();
}

void DecisionBar::setClasses(const QStringList &classes)
{
    m_classes->clear();
    for (int i = 0; i < classes.size(); ++i)
        m_classes->addItem(i < 9 ? QStringLiteral("%1").arg(classes[i]) : classes[i]);
    m_classes->setCurrentIndex(-1);
    m_classes->setEditText({});
}

QString DecisionBar::chosenClass() const
{
    const int index = m_classes->findText(m_classes->currentText(), Qt::MatchFixedString);
    return index >= 0 ? m_classes->itemText(index) : QString();
}

void DecisionBar::chooseClass(int index)
{
    if (index < 0 || index >= m_classes->count())
        return;
    m_classes->setCurrentIndex(index);
    emit classChosen(m_classes->itemText(index));
}

bool DecisionBar::chooseClass(const QString &name)
{
    int index = m_classes->findText(name, Qt::MatchFixedString);
    if (index < 0) // the first class containing what was typed
        index = m_classes->findText(name, Qt::MatchContains);
    if (index < 0)
        return false;
    chooseClass(index);
    return true;
}

QString DecisionBar::comment() const
{
    return m_comment->text().trimmed();
}

void DecisionBar::clearComment()
{
    m_comment->clear();
}

void DecisionBar::setHint(const QString &text)
{
    m_hint->setText(text);
}

} // namespace Boucle
