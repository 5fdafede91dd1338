#include "exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace Boucle {

namespace {

// The format list's entries: the native forms first, then the outside formats.
enum class Entry {
    Jsonl,
    Csv,
    Coco,
    CocoResults,
    Yolo,
    Voc,
    LabelStudio,
    Labelme,
    Cvat,
    ImageFolder,
    ImageFolderCsv
};

} // namespace

ExportDialog::ExportDialog(const ProjectStore &store, QWidget *parent)
    : QDialog(parent)
    , m_fromVersion(new QRadioButton(tr("The labels of a &version"), this))
    , m_fromBatch(new QRadioButton(tr("The predictions of a &batch (pre-annotations)"), this))
    , m_version(new QComboBox(this))
    , m_batch(new QComboBox(this))
    , m_format(new QComboBox(this))
    , m_output(new QLineEdit(this))
    , m_deidentify(new QCheckBox(tr("De-identify &DICOM (Basic Profile)"), this))
    , m_pseudonymPrefix(new QLineEdit(DeidentifiedExportRequest().pseudonymPrefix, this))
{
    setWindowTitle(tr("Export"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    const QList<VersionRecord> versions = store.versions();
    for (auto it = versions.crbegin(); it != versions.crend(); ++it)
        m_version->addItem(tr("v%1 — %2 labelled samples — %3")
                                   .arg(it->number)
                                   .arg(it->total)
                                   .arg(it->message),
                           it->number);
    for (const BatchRecord &batch : store.batches())
        m_batch->addItem(tr("%1 (%2 items)").arg(batch.name).arg(batch.itemCount),
                         qlonglong(batch.id));
    m_fromVersion->setChecked(true);
    m_fromVersion->setEnabled(!versions.isEmpty());
    m_fromBatch->setEnabled(m_batch->count() > 0);
    if (versions.isEmpty() && m_batch->count() > 0)
        m_fromBatch->setChecked(true);
    form->addRow(tr("Write:"), m_fromVersion);
    form->addRow(tr("&Version:"), m_version);
    form->addRow(QString(), m_fromBatch);
    form->addRow(tr("Ba&tch:"), m_batch);
    const std::pair<Entry, QString> entries[] = {
            {Entry::Jsonl, tr("Boucle JSON Lines")},
            {Entry::Csv, tr("CSV (sample,label)")},
            {Entry::Coco, InteropFormats::displayName(InteropFormat::Coco)},
            {Entry::CocoResults, InteropFormats::displayName(InteropFormat::CocoResults)},
            {Entry::Yolo, tr("YOLO (folder: images/, labels/, data.yaml)")},
            {Entry::Voc, tr("Pascal VOC (folder of XML files)")},
            {Entry::LabelStudio, InteropFormats::displayName(InteropFormat::LabelStudio)},
            {Entry::Labelme, tr("labelme (folder of JSON files)")},
            {Entry::Cvat, InteropFormats::displayName(InteropFormat::Cvat)},
            {Entry::ImageFolder, tr("ImageFolder (folder of class folders)")},
            {Entry::ImageFolderCsv, tr("ImageFolder as CSV (path,label)")},
    };
    for (const auto &[entry, text] : entries)
        m_format->addItem(text, int(entry));
    form->addRow(tr("F&ormat:"), m_format);
    m_deidentify->setToolTip(
            tr("Writes the version's DICOM samples as case-0001.dcm, … with DICOM PS3.15's Basic "
               "Profile applied (names, IDs, dates and UIDs removed or replaced), and their "
               "labels in labels.jsonl. Text burned into the pixels is not removed."));
    form->addRow(QString(), m_deidentify);
    m_pseudonymPrefix->setToolTip(
            tr("Patient's Name and Patient ID become this prefix and a number, one per patient"));
    form->addRow(tr("&Pseudonym prefix:"), m_pseudonymPrefix);
    auto *outputRow = new QWidget(this);
    auto *outputLayout = new QHBoxLayout(outputRow);
    outputLayout->setContentsMargins(0, 0, 0, 0);
    outputLayout->addWidget(m_output, 1);
    auto *browse = new QPushButton(tr("Choose…"), outputRow);
    outputLayout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path
                = writesFolder()
                          ? QFileDialog::getExistingDirectory(this, tr("Export into"),
                                                              m_output->text())
                          : QFileDialog::getSaveFileName(this, tr("Export as"), m_output->text());
        if (!path.isEmpty())
            m_output->setText(path);
    });
    form->addRow(tr("&Write to:"), outputRow);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_output, &QLineEdit::textChanged, this, &ExportDialog::refresh);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::refresh);
    connect(m_fromBatch, &QRadioButton::toggled, this, &ExportDialog::refresh);
    connect(m_deidentify, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_fromVersion->setChecked(true);
        refresh();
    });
    setMinimumWidth(640);
    refresh();
}

bool ExportDialog::writesFolder() const
{
    if (m_deidentify->isChecked())
        return true;
    switch (Entry(m_format->currentData().toInt())) {
    case Entry::Yolo:
    case Entry::Voc:
    case Entry::Labelme:
    case Entry::ImageFolder:
        return true;
    default:
        return false;
    }
}

ExportDialog::Choice ExportDialog::choice() const
{
    Choice choice;
    OutsideExportRequest &request = choice.request;
    request.output = m_output->text().trimmed();
    if (m_deidentify->isChecked()) {
        DeidentifiedExportRequest deidentified;
        deidentified.version = m_version->currentData().toInt();
        deidentified.output = request.output;
        if (!m_pseudonymPrefix->text().trimmed().isEmpty())
            deidentified.pseudonymPrefix = m_pseudonymPrefix->text().trimmed();
        choice.deidentified = deidentified;
        request.version = deidentified.version;
        return choice;
    }
    if (m_fromBatch->isChecked())
        request.batch = m_batch->currentData().toLongLong();
    else
        request.version = m_version->currentData().toInt();
    switch (Entry(m_format->currentData().toInt())) {
    case Entry::Jsonl:
        choice.native = DatasetExporter::Format::JsonLines;
        break;
    case Entry::Csv:
        choice.native = DatasetExporter::Format::Csv;
        break;
    case Entry::Coco:
        request.format = InteropFormat::Coco;
        break;
    case Entry::CocoResults:
        request.format = InteropFormat::CocoResults;
        break;
    case Entry::Yolo:
        request.format = InteropFormat::Yolo;
        break;
    case Entry::Voc:
        request.format = InteropFormat::Voc;
        break;
    case Entry::LabelStudio:
        request.format = InteropFormat::LabelStudio;
        break;
    case Entry::Labelme:
        request.format = InteropFormat::Labelme;
        break;
    case Entry::Cvat:
        request.format = InteropFormat::Cvat;
        break;
    case Entry::ImageFolder:
        request.format = InteropFormat::ImageFolder;
        break;
    case Entry::ImageFolderCsv:
        request.format = InteropFormat::ImageFolder;
        request.imageFolderAsCsv = true;
        break;
    }
    return choice;
}

void ExportDialog::refresh()
{
    const Choice current = choice();
    // A batch's predictions go out in an outside format: the native forms hold labels.
    const bool batchNeedsOutside = m_fromBatch->isChecked() && current.native.has_value();
    // De-identified DICOM is a version's samples in a format of its own.
    const bool deidentify = m_deidentify->isChecked();
    m_format->setEnabled(!deidentify);
    m_fromBatch->setEnabled(!deidentify && m_batch->count() > 0);
    m_pseudonymPrefix->setEnabled(deidentify);
    m_version->setEnabled(m_fromVersion->isChecked());
    m_batch->setEnabled(m_fromBatch->isChecked());
    m_output->setPlaceholderText(writesFolder() ? tr("a folder (replaced whole)") : tr("a file"));
    const bool hasSource = m_fromBatch->isChecked() ? m_batch->count() > 0 : m_version->count() > 0;
    if (auto *ok = findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)) {
        ok->setEnabled(hasSource && !current.request.output.isEmpty() && !batchNeedsOutside);
        ok->setToolTip(batchNeedsOutside ? tr("A batch's predictions are written in an outside "
                                              "format (COCO results, Label Studio, …)")
                                         : QString());
    }
}

} // namespace Boucle
