// Imports existing ground truth (CSV `sample,label` or JSON Lines {"sample":…,"label":…}) into
// the working state as label revisions. All-or-nothing: a file with any bad row changes nothing
// and every problem is reported with its line and field. Same thread as the store.
#pragma once

#include "store/projectstore.h"

#include <QStringList>

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

private:
    ProjectStore &m_store;
};

} // namespace Boucle
