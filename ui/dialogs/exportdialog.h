// ExportDialog: File ▸ Export… — which labels (a committed version) or which predictions (a
// batch's, as pre-annotations for another tool) to write, in which format, where. Formats that
// write a folder (YOLO, VOC, labelme, ImageFolder) ask for a folder. "De-identify DICOM" writes a
// version's DICOM samples through the Basic Profile into a folder instead (DeidentifiedExport).
// GUI thread only.
#pragma once

#include "dataset/datasetexporter.h"
#include "interop/deidentifiedexport.h"
#include "interop/outsideexport.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QRadioButton;

namespace Boucle {

class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    struct Choice
    {
        std::optional<DatasetExporter::Format> native; // jsonl or csv, through DatasetExporter
        OutsideExportRequest request;                  // otherwise
        // De-identified DICOM: when set, the other fields are not used.
        std::optional<DeidentifiedExportRequest> deidentified;
    };

    ExportDialog(const ProjectStore &store, QWidget *parent = nullptr);

    Choice choice() const;
    // Whether the chosen format writes a folder rather than a file.
    bool writesFolder() const;

    QRadioButton *versionChoice() const { return m_fromVersion; }
    QRadioButton *batchChoice() const { return m_fromBatch; }
    QComboBox *versionField() const { return m_version; }
    QComboBox *batchField() const { return m_batch; }
    QComboBox *formatField() const { return m_format; }
    QLineEdit *outputField() const { return m_output; }
    QCheckBox *deidentifyField() const { return m_deidentify; }
    QLineEdit *pseudonymPrefixField() const { return m_pseudonymPrefix; }

private:
    void refresh();

    QRadioButton *m_fromVersion;
    QRadioButton *m_fromBatch;
    QComboBox *m_version;
    QComboBox *m_batch;
    QComboBox *m_format;
    QLineEdit *m_output;
    QCheckBox *m_deidentify;
    QLineEdit *m_pseudonymPrefix;
};

} // namespace Boucle
