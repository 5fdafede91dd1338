// File ▸ Import… and File ▸ Export…: the dialogs recognise the format of what the user picks,
// ask only for what that format needs, and the transfers run for real on a worker thread.
#include "dataset/labelimporter.h"
#include "dialogs/backgroundtransfer.h"
#include "dialogs/exportdialog.h"
#include "dialogs/importdialog.h"
#include "dicomtestfiles.h"
#include "mainwindow.h"
#include "screenshots.h"
#include "temporaryproject.h"
#include "windowfixture.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QtTest>

using namespace Boucle;
using namespace Boucle::Testing;

namespace {

QPushButton *okButton(QDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

int indexOfData(QComboBox *box, int value)
{
    for (int i = 0; i < box->count(); ++i)
        if (box->itemData(i).toInt() == value)
            return i;
    return -1;
}

} // namespace

class TestTransferDialogs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { WindowFixture::isolateSettings(QStringLiteral("tst_transferdialogs")); }
    void cleanup() { m_window.reset(); }

    void importDialogRecognisesTheFormat()
    {
        TemporaryProject project;
        QVERIFY(project.isValid());
        QVERIFY(project.writeFile(QStringLiteral("instances.json"),
                                  "{\"images\": [], \"annotations\": [], \"categories\": []}"));
        QVERIFY(project.writeFile(QStringLiteral("detections.json"),
                                  "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 1, 1], "
                                  "\"score\": 0.5}]"));
        ImportDialog dialog;
        QVERIFY(!okButton(dialog)->isEnabled()); // nothing chosen yet
        dialog.setPath(project.filePath(QStringLiteral("instances.json")));
        QVERIFY2(dialog.detectedLabel()->text().contains(QLatin1String("COCO")),
                 qPrintable(dialog.detectedLabel()->text()));
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(!dialog.groundTruthField()->isEnabled());
        dialog.labelsChoice()->setChecked(true);
        QVERIFY(!dialog.modelField()->isEnabled()); // ground truth names no model
        const auto choice = dialog.choice();
        QVERIFY(choice.labels);
        QVERIFY(!choice.request.format); // recognised when run
        dialog.setPath(project.filePath(QStringLiteral("detections.json")));
        QVERIFY(dialog.groundTruthField()->isEnabled()); // COCO results need the image names
        dialog.setPath(project.filePath(QStringLiteral("nothing-here.json")));
        QVERIFY(dialog.detectedLabel()->text().contains(QLatin1String("does not exist")));
        QVERIFY(!okButton(dialog)->isEnabled());
        // A format chosen by hand is used as is.
        dialog.formatField()->setCurrentIndex(
                indexOfData(dialog.formatField(), int(InteropFormat::Yolo)));
        QCOMPARE(dialog.choice().request.format, InteropFormat::Yolo);

        dialog.setPath(project.filePath(QStringLiteral("instances.json")));
        dialog.formatField()->setCurrentIndex(0);
        dialog.resize(dialog.sizeHint().expandedTo(QSize(640, 0)));
        QString error;
        QVERIFY2(saveScreenshot(dialog.grab().toImage(), QStringLiteral("import-dialog.png"),
                                &error),
                 qPrintable(error));
    }

    void labelsImportRunsOnAWorkerThread()
    {
        TemporaryProject project;
        QVERIFY(project.isValid());
        QVERIFY(project.writeFile(QStringLiteral("a.png"), QByteArray()));
        QVERIFY(project.writeFile(QStringLiteral("labels.csv"), "sample,label\na.png,cat\n"));
        ImportDialog::Choice choice;
        choice.labels = true;
        choice.request.path = project.filePath(QStringLiteral("labels.csv"));
        QWidget parent;
        const auto outcome = BackgroundTransfer::runImport(&parent, project.projectPath(), choice,
                                                           QStringLiteral("ann"));
        QVERIFY2(outcome.success, qPrintable(outcome.summary + outcome.details));
        QVERIFY(outcome.summary.contains(QLatin1String("1 label changes")));
        ProjectStore reread;
        QVERIFY(!reread.open(project.projectPath(), ProjectStore::OpenMode::ReadOnly));
        QCOMPARE(reread.workingRevisions().size(), 1);
    }

    void cocoGoesInAndOutThroughTheWindowsTransfers()
    {
        TemporaryProject project;
        QVERIFY(project.isValid());
        QImage image(20, 10, QImage::Format_RGB32);
        image.fill(Qt::white);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        QVERIFY(project.writeFile(QStringLiteral("images/a.png"), png));
        QVERIFY(project.writeFile(
                QStringLiteral("images/instances.json"),
                R"({"images": [{"id": 4, "file_name": "a.png", "width": 20, "height": 10}],
 "categories": [{"id": 9, "name": "car"}],
 "annotations": [{"id": 1, "image_id": 4, "category_id": 9, "bbox": [1.5, 2, 3, 4]}]})"));
        ImportDialog dialog;
        dialog.labelsChoice()->setChecked(true);
        dialog.setPath(project.filePath(QStringLiteral("images/instances.json")));
        QWidget parent;
        const auto imported = BackgroundTransfer::runImport(&parent, project.projectPath(),
                                                            dialog.choice(), QStringLiteral("ann"));
        QVERIFY2(imported.success, qPrintable(imported.summary + imported.details));
        QVERIFY(!project.store().commitVersion(QStringLiteral("ann"), QStringLiteral("coco")));

        ExportDialog exportDialog(project.store());
        exportDialog.formatField()->setCurrentIndex(2); // COCO
        QCOMPARE(exportDialog.choice().request.format, InteropFormat::Coco);
        exportDialog.outputField()->setText(project.filePath(QStringLiteral("out.json")));
        const auto exported = BackgroundTransfer::runExport(&parent, project.projectPath(),
                                                            exportDialog.choice());
        QVERIFY2(exported.success, qPrintable(exported.summary));
        QFile written(project.filePath(QStringLiteral("out.json")));
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QJsonObject coco = QJsonDocument::fromJson(written.readAll()).object();
        // The category keeps the number the imported file gave it.
        QCOMPARE(coco.value(QStringLiteral("categories"))
                         .toArray()
                         .first()
                         .toObject()
                         .value(QStringLiteral("id"))
                         .toInt(),
                 9);
        const QJsonArray bbox = coco.value(QStringLiteral("annotations"))
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(QStringLiteral("bbox"))
                                        .toArray();
        QCOMPARE(bbox, QJsonArray({1.5, 2, 3, 4}));
    }

    void exportDialogOffersEveryFormatAndRunsTheExport()
    {
        TemporaryProject project;
        QVERIFY(project.isValid());
        QVERIFY(project.writeFile(QStringLiteral("labels.csv"), "sample,label\na.png,cat\n"));
        QVERIFY(project.writeFile(QStringLiteral("a.png"), QByteArray()));
        ImportDialog::Choice choice;
        choice.labels = true;
        choice.request.path = project.filePath(QStringLiteral("labels.csv"));
        QWidget parent;
        QVERIFY(BackgroundTransfer::runImport(&parent, project.projectPath(), choice,
                                              QStringLiteral("ann"))
                        .success);
        QVERIFY(!project.store().commitVersion(QStringLiteral("ann"), QStringLiteral("seed")));

        ExportDialog dialog(project.store());
        QCOMPARE(dialog.versionField()->count(), 1);
        QVERIFY(!dialog.batchChoice()->isEnabled()); // no batch yet
        QCOMPARE(dialog.formatField()->count(), 11);
        QVERIFY(!okButton(dialog)->isEnabled()); // no output yet
        dialog.outputField()->setText(project.filePath(QStringLiteral("out.jsonl")));
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(!dialog.writesFolder());
        const auto exportChoice = dialog.choice();
        QCOMPARE(exportChoice.native, DatasetExporter::Format::JsonLines);
        QCOMPARE(exportChoice.request.version, 1);
        const auto outcome
                = BackgroundTransfer::runExport(&dialog, project.projectPath(), exportChoice);
        QVERIFY2(outcome.success, qPrintable(outcome.summary));
        QFile written(project.filePath(QStringLiteral("out.jsonl")));
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), QByteArray("{\"label\":\"cat\",\"sample\":\"a.png\"}\n"));

        for (int i = 0; i < dialog.formatField()->count(); ++i) {
            dialog.formatField()->setCurrentIndex(i);
            if (dialog.formatField()->currentText().startsWith(QLatin1String("YOLO")))
                break;
        }
        QVERIFY(dialog.writesFolder());
        QCOMPARE(dialog.choice().request.format, InteropFormat::Yolo);
        QString error;
        QVERIFY2(saveScreenshot(dialog.grab().toImage(), QStringLiteral("export-dialog.png"),
                                &error),
                 qPrintable(error));
    }

    void deidentifiedDicomExportFromTheDialog()
    {
        TemporaryProject project;
        QVERIFY(project.isValid());
        DicomTestImage image;
        image.burnedInAnnotation = QStringLiteral("YES");
        image.allocate();
        QVERIFY(QDir().mkpath(project.filePath(QStringLiteral("scans"))));
        QCOMPARE(writeDicomFile(project.filePath(QStringLiteral("scans/IM1.dcm")), image),
                 QString());
        AnnotationSet set;
        AnnotatedImage scan;
        scan.path = QStringLiteral("scans/IM1.dcm");
        scan.size = QSize(image.columns, image.rows);
        scan.label = QStringLiteral("nodule");
        set.images = {scan};
        LabelImporter importer(project.store());
        const auto imported = importer.importSet(set, project.filePath(QStringLiteral("gt.json")),
                                                 project.directory(), QStringLiteral("ann"));
        QVERIFY2(!imported.error, qPrintable(imported.error.message));
        QVERIFY(!project.store().commitVersion(QStringLiteral("ann"), QStringLiteral("v1")));

        ExportDialog dialog(project.store());
        QVERIFY(!dialog.pseudonymPrefixField()->isEnabled());
        dialog.deidentifyField()->setChecked(true);
        QVERIFY(dialog.writesFolder());
        QVERIFY(!dialog.formatField()->isEnabled());
        QVERIFY(dialog.pseudonymPrefixField()->isEnabled());
        dialog.pseudonymPrefixField()->setText(QStringLiteral("anon-"));
        const QString out = project.filePath(QStringLiteral("shared"));
        dialog.outputField()->setText(out);
        QVERIFY(okButton(dialog)->isEnabled());
        const auto choice = dialog.choice();
        QVERIFY(choice.deidentified);
        QCOMPARE(choice.deidentified->version, 1);
        QCOMPARE(choice.deidentified->pseudonymPrefix, QStringLiteral("anon-"));
        const auto outcome = BackgroundTransfer::runExport(&dialog, project.projectPath(), choice);
        QVERIFY2(outcome.success, qPrintable(outcome.summary));
        // The burned-in annotation is reported, naming the file.
        QVERIFY2(outcome.details.contains(QLatin1String("IM1.dcm")), qPrintable(outcome.details));
        QFile labels(QDir(out).filePath(QStringLiteral("labels.jsonl")));
        QVERIFY(labels.open(QIODevice::ReadOnly));
        QCOMPARE(labels.readAll(),
                 QByteArray("{\"id\":\"case-0001\",\"label\":\"nodule\",\"patient\":\"anon-0001\","
                            "\"sample\":\"case-0001.dcm\"}\n"));
        QVERIFY(QFile::exists(QDir(out).filePath(QStringLiteral("case-0001.dcm"))));
    }

    void fileMenuOffersImportAndExportOnceAProjectIsOpen()
    {
        QVERIFY(m_window.prepare());
        QVERIFY(!m_window.createProject({}));
        QVERIFY(m_window.showWindow());
        QAction *import = nullptr;
        QAction *exportAction = nullptr;
        for (QAction *action : m_window.window()->menuBar()->actions().first()->menu()->actions()) {
            if (action->text() == MainWindow::tr("&Import…"))
                import = action;
            if (action->text() == MainWindow::tr("&Export…"))
                exportAction = action;
        }
        QVERIFY(import && exportAction);
        QVERIFY(!import->isEnabled());
        QVERIFY(!exportAction->isEnabled());
        QVERIFY(!m_window.openProject());
        QVERIFY(import->isEnabled());
        QVERIFY(exportAction->isEnabled());
    }

private:
    WindowFixture m_window;
};

QTEST_MAIN(TestTransferDialogs)
#include "tst_transferdialogs.moc"
