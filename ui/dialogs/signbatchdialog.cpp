#include "signbatchdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace Boucle {

SignBatchDialog::SignBatchDialog(const QString &batchName, const QString &knownSignerId,
                                 std::function<QString(const QString &)> printedNameOf,
                                 QWidget *parent)
    : QDialog(parent)
    , m_printedNameOf(std::move(printedNameOf))
    , m_id(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_printedName(new QLabel(this))
    , m_reviewed(new QRadioButton(tr("I &reviewed this batch"), this))
    , m_approved(new QRadioButton(tr("I &approve this batch"), this))
    , m_responsible(new QRadioButton(tr("I take re&sponsibility for this batch"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Sign batch %1").arg(batchName));
    m_id->setObjectName(QStringLiteral("signerIdField"));
    m_password->setObjectName(QStringLiteral("signerPasswordField"));
    m_printedName->setObjectName(QStringLiteral("printedNameLabel"));
    m_password->setEchoMode(QLineEdit::Password);

    auto *intro = new QLabel(tr("Your signature records your printed name, the time and its "
                                "meaning, bound to the decisions of batch %1 as they stand now. "
                                "After it, the batch's decisions no longer change.")
                                     .arg(batchName),
                             this);
    intro->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&User id:"), m_id);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(tr("Printed name:"), m_printedName);
    if (!knownSignerId.isEmpty()) {
        // §11.200: after the first signing of a session only the password is asked again.
        m_id->setText(knownSignerId);
        m_id->setReadOnly(true);
        m_id->setFocusPolicy(Qt::NoFocus);
    }

    auto *meaningBox = new QGroupBox(tr("Meaning of the signature"), this);
    auto *meanings = new QVBoxLayout(meaningBox);
    for (QRadioButton *button : {m_reviewed, m_approved, m_responsible})
        meanings->addWidget(button);
    m_reviewed->setChecked(true);

    auto *sign = m_buttons->addButton(tr("Sign"), QDialogButtonBox::AcceptRole);
    sign->setObjectName(QStringLiteral("signButton"));
    sign->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_id, &QLineEdit::textChanged, this, &SignBatchDialog::updatePrintedName);
    auto updateSign = [this, sign] {
        sign->setEnabled(!m_id->text().trimmed().isEmpty() && !m_password->text().isEmpty());
    };
    connect(m_id, &QLineEdit::textChanged, this, updateSign);
    connect(m_password, &QLineEdit::textChanged, this, updateSign);
    updateSign();
    updatePrintedName();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(meaningBox);
    layout->addWidget(m_buttons);
    (knownSignerId.isEmpty() ? m_id : m_password)->setFocus();
}

void SignBatchDialog::updatePrintedName()
{
    const QString id = m_id->text().trimmed();
    const QString name = id.isEmpty() ? QString() : m_printedNameOf(id);
    m_printedName->setText(
            name.isEmpty()
                    ? (id.isEmpty() ? QString() : tr("%1 is not enrolled as a signer").arg(id))
                    : name);
}

QString SignBatchDialog::signerId() const
{
    return m_id->text().trimmed();
}

QString SignBatchDialog::password() const
{
    return m_password->text();
}

SignatureMeaning SignBatchDialog::meaning() const
{
    if (m_approved->isChecked())
        return SignatureMeaning::Approved;
    if (m_responsible->isChecked())
        return SignatureMeaning::Responsible;
    return SignatureMeaning::Reviewed;
}

} // namespace Boucle
