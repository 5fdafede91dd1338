// SignBatchDialog: the electronic signature of a batch (21 CFR Part 11 §11.50, §11.200): the user
// id and the password at the first signing of a window's session, the password alone after that
// (the id then shown, not editable); the meaning (reviewed, approved, responsible); and the
// printed name that the signature will record, looked up as the id is typed. The window signs
// with what the dialog gives. GUI thread only.
#pragma once

#include "store/signaturerecords.h"

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace Boucle {

class SignBatchDialog : public QDialog
{
    Q_OBJECT

public:
    // `printedNameOf` gives the printed name of an enrolled signer (empty when not enrolled).
    // A `knownSignerId` (this window already signed once) is kept and only the password asked.
    SignBatchDialog(const QString &batchName, const QString &knownSignerId,
                    std::function<QString(const QString &)> printedNameOf,
                    QWidget *parent = nullptr);

    QString signerId() const;
    QString password() const;
    SignatureMeaning meaning() const;

    QLineEdit *idField() const { return m_id; }
    QLineEdit *passwordField() const { return m_password; }
    QLabel *printedNameLabel() const { return m_printedName; }

private:
    void updatePrintedName();

    std::function<QString(const QString &)> m_printedNameOf;
    QLineEdit *m_id;
    QLineEdit *m_password;
    QLabel *m_printedName;
    QRadioButton *m_reviewed;
    QRadioButton *m_approved;
    QRadioButton *m_responsible;
    QDialogButtonBox *m_buttons;
};

} // namespace Boucle
