// DicomHeaderDialog: a DICOM file's header as a list a clinician searches: tag, keyword, value
// representation and value, sequences nested under their attribute, a filter over all four.
// Reads the header only (never the pixels); a file that is not DICOM shows why. GUI thread.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QTreeWidget;

namespace Boucle {

class DicomHeaderDialog : public QDialog
{
    Q_OBJECT

public:
    explicit DicomHeaderDialog(QWidget *parent = nullptr);

    // Shows the header of `path`; false (and the reason in the dialog) when it cannot be read.
    bool showFile(const QString &path);
    QTreeWidget *attributeTree() const { return m_tree; }
    QLineEdit *filterField() const { return m_filter; }

private:
    void applyFilter(const QString &text);

    QLabel *m_file;
    QLineEdit *m_filter;
    QTreeWidget *m_tree;
};

} // namespace Boucle
