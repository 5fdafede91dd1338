// ImportDialog: File ▸ Import… — what to bring into the project (a model's predictions or
// existing ground truth), from which file or folder, in which format (recognised from the file
// unless chosen), with where its image paths start, and for COCO results the ground-truth file
// naming the images. GUI thread only.
#pragma once

#include "interop/outsideimport.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace Boucle {

class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    struct Choice
    {
        OutsideImportRequest request;
        bool labels = false; // ground truth (import-labels) rather than predictions
    };

    explicit ImportDialog(QWidget *parent = nullptr);

    void setPath(const QString &path);
    Choice choice() const;

    QLineEdit *pathField() const { return m_path; }
    QComboBox *formatField() const { return m_format; }
    QRadioButton *labelsChoice() const { return m_labels; }
    QLineEdit *imagesField() const { return m_images; }
    QLineEdit *groundTruthField() const { return m_groundTruth; }
    QLineEdit *modelField() const { return m_model; }
    QLabel *detectedLabel() const { return m_detected; }

private:
    void refresh();

    QRadioButton *m_predictions;
    QRadioButton *m_labels;
    QLineEdit *m_path;
    QComboBox *m_format;
    QLabel *m_detected;
    QLineEdit *m_images;
    QLineEdit *m_groundTruth;
    QLineEdit *m_model;
};

} // namespace Boucle
