#include "hookrunsdialog.h"

#include "hooks/hookinvocation.h"
#include "store/projectstore.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Boucle {

HookRunsDialog::HookRunsDialog(const ProjectStore &store, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Hook runs"));
    auto *layout = new QVBoxLayout(this);

    QStringList set;
    for (auto event : {HookEvent::BatchCompleted, HookEvent::VersionCommitted}) {
        const QString command = store.setting(HookInvocation::settingKey(event)).trimmed();
        set.append(tr("%1: %2").arg(HookInvocation::eventName(event),
                                    command.isEmpty() ? tr("(not set)") : command));
    }
    auto *settings = new QLabel(set.join(QLatin1Char('\n')), this);
    settings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(settings);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *runs = new QTreeWidget(splitter);
    runs->setRootIsDecorated(false);
    runs->setHeaderLabels(
            {tr("Started"), tr("Event"), tr("For"), tr("Outcome"), tr("Exit"), tr("Seconds")});
    auto *output = new QPlainTextEdit(splitter);
    output->setReadOnly(true);
    output->setPlaceholderText(tr("The output of the selected run"));
    layout->addWidget(splitter, 1);

    for (const auto &run : store.hookRuns(500)) {
        auto *row = new QTreeWidgetItem(runs);
        row->setText(0, QLocale().toString(run.startedAt.toLocalTime(), QLocale::ShortFormat));
        row->setText(1, run.event);
        row->setText(2, run.batchId > 0 ? tr("batch %1").arg(run.batchId)
                                        : tr("version %1").arg(run.version));
        row->setText(3, hookOutcomeName(run.outcome));
        row->setText(4, run.exitCode >= 0 ? QString::number(run.exitCode) : QString());
        row->setText(5, QString::number(run.durationMs / 1000.0, 'f', 1));
        QString text = tr("$ %1\n").arg(run.command) + QString::fromUtf8(run.output);
        if (run.outputTruncated)
            text += tr("\n[output cut at %1 KiB]").arg(HookRunRecord::outputCap / 1024);
        row->setData(0, Qt::UserRole, text);
    }
    if (runs->topLevelItemCount() == 0)
        output->setPlainText(tr("No hook has run in this project."));
    connect(runs, &QTreeWidget::currentItemChanged, output, [output](QTreeWidgetItem *current) {
        output->setPlainText(current ? current->data(0, Qt::UserRole).toString() : QString());
    });
    runs->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    if (runs->topLevelItemCount() > 0)
        runs->setCurrentItem(runs->topLevelItem(0));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(720, 480);
}

} // namespace Boucle
