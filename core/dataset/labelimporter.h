// Imports existing ground truth (CSV `sample,label` or JSON Lines {"sample":…,"label":…}) into
// the working state as label revisions. All-or-nothing: a file with any bad row changes nothing
// and every problem is reported with its line and field. Same thread as the store.
#pragma once

#include "interop/annotationset.h"
#include "store/projectstore.h"

#include <QStringList>

#include <functional>

namespace Boucle {

class LabelImporter
{
public:
    struct Result
    {
        StoreError error;     // set when nothing was imported
        QStringList problems; // "labels.csv:12: field 'label': empty"
        int rows = 0;
        int revisions = 0;      // labels that changed the working state
        int newSamples = 0;     // samples the project did not know
        int missingSamples = 0; // of which the file was not found under the data root
    };

    explicit LabelImporter(ProjectStore &store);

    Result importFile(const QString &path, const QString &author);
    // Ground truth read from an outside format (AnnotationReaders): each image becomes a working
    // label revision carrying its image-level label and its objects (StoredObject's form).
    // Image paths are relative to `imagesFolder`. `alsoInTransaction` runs inside the same
    // transaction after the labels are written (the class-id map of the format).
    Result importSet(const AnnotationSet &set, const QString &path, const QString &imagesFolder,
                     const QString &author,
                     const std::function<StoreError()> &alsoInTransaction = {});

private:
    struct Row;
    void storeRows(const QList<Row> &rows, const QString &path, const QString &author,
                   Result &result, const std::function<StoreError()> &alsoInTransaction = {});

    ProjectStore &m_store;
    QStringList m_classesFirst; // classes to add before the labels, in the format's order
};

} // namespace Boucle
