// The window's part of electronic signatures: Review ▸ Sign batch… and the signatures of the
// batch shown, in the status bar (docs/signatures.md).
#include "mainwindow.h"

#include "dialogs/signbatchdialog.h"
#include "store/projectstore.h"

#include <QLabel>

namespace Boucle {

namespace {

QString meaningWord(SignatureMeaning meaning)
{
    switch (meaning) {
    case SignatureMeaning::Reviewed:
        return MainWindow::tr("reviewed");
    case SignatureMeaning::Approved:
        return MainWindow::tr("approved");
    case SignatureMeaning::Responsible:
        return MainWindow::tr("responsible");
    }
    return {};
}

} // namespace

void MainWindow::signShownBatch()
{
    if (!m_store || !m_batch) {
        say(tr("Open a batch to sign it."), true);
        return;
    }
    const auto batch = m_store->batch(m_batch);
    if (!batch)
        return;
    SignBatchDialog dialog(
            batch->name, m_signerId,
            [this](const QString &id) {
                const auto signer = m_store->signer(id);
                return signer ? signer->printedName : QString();
            },
            this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto signature
            = m_store->signBatch(m_batch, dialog.meaning(), dialog.signerId(), dialog.password());
    if (signature.isError()) {
        say(signature.error.message, true);
        return;
    }
    // The id is kept for this window only after a signature that went through.
    m_signerId = dialog.signerId();
    say(tr("Batch %1 signed by %2 as %3.")
                .arg(batch->name, signature.value.printedName,
                     meaningWord(signature.value.meaning)));
    showSignatures();
    showCurrent(); // the item's history lists the signature
}

void MainWindow::showSignatures()
{
    if (!m_signaturesLabel)
        return;
    const auto signatures
            = m_store && m_batch ? m_store->signatures(m_batch) : QList<SignatureRecord>();
    if (signatures.isEmpty()) {
        m_signaturesLabel->clear();
        m_signaturesLabel->setToolTip(QString());
        return;
    }
    QStringList lines;
    for (const auto &signature : signatures)
        lines.append(tr("%1, %2, %3")
                             .arg(signature.printedName,
                                  signature.signedAt.toUTC().toString(
                                          QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")),
                                  meaningWord(signature.meaning)));
    m_signaturesLabel->setText(tr("Signed: %1").arg(lines.join(QStringLiteral("; "))));
    m_signaturesLabel->setToolTip(tr("This batch is signed; its decisions no longer change."));
}

} // namespace Boucle
