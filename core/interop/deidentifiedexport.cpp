#include "deidentifiedexport.h"

#include "atomicoutput.h"
#include "dicomdeidentifier.h"
#include "imaging/dicomheader.h"
#include "progress/progresssink.h"
#include "store/projectfileidentity.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace Boucle {

QString DeidentifiedExportResult::summary(const DeidentifiedExportRequest &request) const
{
    QString text = QCoreApplication::translate(
                           "Boucle::DeidentifiedExport",
                           "wrote %1 de-identified DICOM files of version %2 to %3 (patients: %4, "
                           "objects: %5)")
                           .arg(files)
                           .arg(request.version)
                           .arg(QDir::toNativeSeparators(request.output))
                           .arg(patients)
                           .arg(objects);
    if (!leftOut.isEmpty())
        text += QCoreApplication::translate("Boucle::DeidentifiedExport",
                                            " (%1 samples left out: not DICOM images)")
                        .arg(leftOut.size());
    if (!warnings.isEmpty())
        text += QCoreApplication::translate("Boucle::DeidentifiedExport",
                                            " (%1 files may have text burned into their pixels)")
                        .arg(warnings.size());
    return text;
}

namespace DeidentifiedExport {

QString caseId(int number)
{
    return QStringLiteral("case-%1").arg(number, 4, 10, QLatin1Char('0'));
}

DeidentifiedExportResult run(const ProjectStore &store, const DeidentifiedExportRequest &request,
                             ProgressSink *progress)
{
    DeidentifiedExportResult result;
    if (isProjectDatabaseFile(store.path(), request.output)) {
        result.error = QCoreApplication::translate(
                               "Boucle::DeidentifiedExport",
                               "%1 is the project file or one of its SQLite files; choose another "
                               "output")
                               .arg(QDir::toNativeSeparators(request.output));
        return result;
    }
    // The prefix goes into Patient's Name (PN: '^' and '=' have meanings) and Patient ID (LO,
    // 64 characters): plain letters, digits and a few marks keep it a valid value of both.
    static const QRegularExpression plainPrefix(QStringLiteral("^[A-Za-z0-9 ._-]{0,32}$"));
    if (!plainPrefix.match(request.pseudonymPrefix).hasMatch()) {
        result.error = QCoreApplication::translate(
                               "Boucle::DeidentifiedExport",
                               "the pseudonym prefix '%1' may hold up to 32 letters, digits, "
                               "spaces, '.', '_' and '-'")
                               .arg(request.pseudonymPrefix);
        return result;
    }
    const auto read = store.labelsAt(request.version);
    if (read.isError()) {
        result.error = read.error.message;
        return result;
    }
    AtomicOutput output(request.output, AtomicOutput::Kind::Folder, store.path());
    if (!output.begin()) {
        result.error = output.error();
        return result;
    }
    const QDir staging(output.stagingPath());
    DicomDeidentifier deidentifier(request.pseudonymPrefix);
    QSet<QString> patients;
    QByteArray labels;
    const QList<LabelledSample> &samples = read.value;
    const QString what = QCoreApplication::translate("Boucle::DeidentifiedExport",
                                                     "De-identifying the DICOM files of version %1")
                                 .arg(request.version);
    for (qsizetype i = 0; i < samples.size(); ++i) {
        if (progress) {
            progress->progress(i, samples.size(), what);
            if (progress->isCancelled()) {
                result.cancelled = true;
                return result;
            }
        }
        const LabelledSample &labelled = samples.at(i);
        const auto sample = store.sample(labelled.sampleId);
        if (!sample)
            continue;
        const QString absolute = store.absoluteSamplePath(sample->path);
        if (sample->kind != QLatin1String("image")) {
            result.leftOut.append(QCoreApplication::translate("Boucle::DeidentifiedExport",
                                                              "%1: not an image (%2)")
                                          .arg(sample->path, sample->kind));
            continue;
        }
        if (!QFileInfo(absolute).isFile()) {
            result.error = QCoreApplication::translate("Boucle::DeidentifiedExport",
                                                       "Cannot read %1: the file is missing")
                                   .arg(QDir::toNativeSeparators(absolute));
            return result;
        }
        QString error;
        QFile probe(absolute);
        if (!probe.open(QIODevice::ReadOnly)) {
            result.error = QCoreApplication::translate("Boucle::DeidentifiedExport",
                                                       "Cannot read %1: %2")
                                   .arg(QDir::toNativeSeparators(absolute), probe.errorString());
            return result;
        }
        const bool isDicom = DicomHeader::hasDicomMarker(probe.read(DicomHeader::markerEnd));
        probe.close();
        if (!isDicom) {
            result.leftOut.append(QCoreApplication::translate("Boucle::DeidentifiedExport",
                                                              "%1: not a DICOM file")
                                          .arg(sample->path));
            continue;
        }
        // The header is checked as it is when the sample opens, so that a damaged file stops the
        // export with the same message.
        const auto header = DicomHeader::read(absolute, &error);
        if (!header) {
            result.error = error;
            return result;
        }
        if (header->isDicomDir) {
            result.leftOut.append(
                    QCoreApplication::translate(
                            "Boucle::DeidentifiedExport",
                            "%1: a DICOMDIR (import its images as samples to export them)")
                            .arg(sample->path));
            continue;
        }
        const QString id = caseId(result.files + 1);
        const QString fileName = id + QStringLiteral(".dcm");
        const DicomDeidentification done
                = deidentifier.deidentify(absolute, staging.filePath(fileName));
        if (!done.isSuccess()) {
            result.error = done.error;
            return result;
        }
        if (!done.warning.isEmpty())
            result.warnings.append(done.warning);
        patients.insert(done.patientPseudonym);
        ++result.files;
        result.objects += int(labelled.objects.size());
        // Keys in alphabetical order, as in the native JSON Lines export.
        QJsonObject line {{QStringLiteral("id"), id},
                          {QStringLiteral("patient"), done.patientPseudonym},
                          {QStringLiteral("sample"), fileName}};
        if (!labelled.label.isEmpty())
            line.insert(QStringLiteral("label"), labelled.label);
        if (!labelled.objects.isEmpty())
            line.insert(QStringLiteral("objects"), labelled.objects);
        labels += QJsonDocument(line).toJson(QJsonDocument::Compact);
        labels += '\n';
    }
    if (result.files == 0) {
        result.error = QCoreApplication::translate("Boucle::DeidentifiedExport",
                                                   "version %1 has no DICOM image to export")
                               .arg(request.version);
        return result;
    }
    result.patients = int(patients.size());
    if (!output.writeFile(QString::fromLatin1(labelsFileName), labels) || !output.commit()) {
        result.error = output.error();
        return result;
    }
    return result;
}

} // namespace DeidentifiedExport

} // namespace Boucle
