// DecisionBar: the row under the sample: one button per decision (driven by the main window's
// actions, so keys, menus and buttons are the same thing), the class picker (type to search in a
// large taxonomy) and the comment field. Return in either field hands the keyboard back to the
// queue, so the next decision is again one key. GUI thread only.
#pragma once

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;

namespace Boucle {

class DecisionBar : public QWidget
{
    Q_OBJECT

public:
    explicit DecisionBar(QWidget *parent = nullptr);

    void setActions(const QList<QAction *> &decisionActions);
    void setClasses(const QStringList &classes);
    QString chosenClass() const;
    void chooseClass(int index); // 0-based; ignored out of range
    bool chooseClass(const QString &name);
    QString comment() const;
    void clearComment();
    void setHint(const QString &text);

    QComboBox *classPicker() const { return m_classes; }
    QLineEdit *commentField() const { return m_comment; }

signals:
    // Return pressed in the class picker or the comment field.
    void editingDone();
    void classChosen(const QString &label);

private:
    QComboBox *m_classes;
    QLineEdit *m_comment;
    QLabel *m_hint;
    QWidget *m_buttons;
};

} // namespace Boucle
