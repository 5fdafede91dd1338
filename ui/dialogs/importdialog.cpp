#include "importdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace Boucle {

namespace {

// A line edit with a Browse… button for a file or, with `folder`, a folder.
QWidget *withBrowse(QLineEdit *field, QWidget *parent, const QString &title, bool allowFolder)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field, 1);
    auto *file = new QPushButton(ImportDialog::tr("File…"), row);
    layout->addWidget(file);
    QObject::connect(file, &QPushButton::clicked, row, [field, parent, title] {
        const QString path = QFileDialog::getOpenFileName(parent, title, field->text());
        if (!path.isEmpty())
            field->setText(path);
    });
    if (allowFolder) {
        auto *folder = new QPushButton(ImportDialog::tr("Folder…"), row);
        layout->addWidget(folder);
        QObject::connect(folder, &QPushButton::clicked, row, [field, parent, title] {
            const QString path = QFileDialog::getExistingDirectory(parent, title, field->text());
            if (!path.isEmpty())
                field->setText(path);
        });
    }
    return row;
}

} // namespace

ImportDialog::ImportDialog(QWidget *parent)
    : QDialog(parent)
    , m_predictions(new QRadioButton(tr("A model's &predictions"), this))
    , m_labels(new QRadioButton(tr("Existing ground &truth (labels)"), this))
    , m_path(new QLineEdit(this))
    , m_format(new QComboBox(this))
    , m_detected(new QLabel(this))
    , m_images(new QLineEdit(this))
    , m_groundTruth(new QLineEdit(this))
    , m_model(new QLineEdit(this))
{
    setWindowTitle(tr("Import"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    auto *kind = new QWidget(this);
    auto *kindLayout = new QVBoxLayout(kind);
    kindLayout->setContentsMargins(0, 0, 0, 0);
    kindLayout->addWidget(m_predictions);
    kindLayout->addWidget(m_labels);
    m_predictions->setChecked(true);
    form->addRow(tr("What it holds:"), kind);
    form->addRow(tr("File or &folder:"), withBrowse(m_path, this, tr("Import"), true));
    m_format->addItem(tr("Recognise from the file"));
    for (const InteropFormat format :
         {InteropFormat::Native, InteropFormat::Coco, InteropFormat::CocoResults,
          InteropFormat::Yolo, InteropFormat::Voc, InteropFormat::LabelStudio,
          InteropFormat::Labelme, InteropFormat::Cvat})
        m_format->addItem(InteropFormats::displayName(format), int(format));
    form->addRow(tr("F&ormat:"), m_format);
    m_detected->setWordWrap(true);
    form->addRow(QString(), m_detected);
    m_images->setPlaceholderText(
            tr("the format's own: beside the file (YOLO: images/ beside labels/)"));
    form->addRow(tr("&Images start in:"),
                 withBrowse(m_images, this, tr("Where the file's image paths start"), true));
    m_groundTruth->setPlaceholderText(tr("COCO results name images by id: the ground-truth file"));
    form->addRow(tr("COCO &ground truth:"),
                 withBrowse(m_groundTruth, this, tr("COCO ground truth"), false));
    m_model->setPlaceholderText(tr("name@version, when the file names no model"));
    form->addRow(tr("&Model:"), m_model);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_path, &QLineEdit::textChanged, this, &ImportDialog::refresh);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ImportDialog::refresh);
    connect(m_labels, &QRadioButton::toggled, this, &ImportDialog::refresh);
    setMinimumWidth(560);
    refresh();
}

void ImportDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

ImportDialog::Choice ImportDialog::choice() const
{
    Choice choice;
    choice.labels = m_labels->isChecked();
    choice.request.path = m_path->text().trimmed();
    if (m_format->currentIndex() > 0)
        choice.request.format = InteropFormat(m_format->currentData().toInt());
    choice.request.imagesFolder = m_images->text().trimmed();
    choice.request.cocoGroundTruth = m_groundTruth->text().trimmed();
    choice.request.model = m_model->text().trimmed();
    return choice;
}

void ImportDialog::refresh()
{
    const Choice current = choice();
    std::optional<InteropFormat> format = current.request.format;
    QString reason;
    if (!format && !current.request.path.isEmpty()) {
        format = InteropFormats::detect(current.request.path, &reason);
        m_detected->setText(
                format ? tr("Recognised as %1.").arg(InteropFormats::displayName(*format))
                       : reason);
    } else {
        m_detected->clear();
    }
    const bool cocoResults = format == InteropFormat::CocoResults;
    m_groundTruth->setEnabled(cocoResults);
    m_model->setEnabled(!current.labels);
    if (auto *ok = findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok))
        ok->setEnabled(!current.request.path.isEmpty() && format.has_value());
}

} // namespace Boucle
