#include "imaging/dicomseries.h"

#include "imaging/dicomdataset_p.h"
#include "imaging/dicomfile.h"
#include "imaging/regularfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QtConcurrent/QtConcurrentMap>

#include <dcmtk/dcmdata/dcdeftag.h>

#include <algorithm>

namespace Boucle {

namespace {

struct FileHeader
{
    QString path;
    std::optional<DicomHeader> header;
    QString error;
};

std::vector<FileHeader> readHeaders(const QStringList &paths)
{
    // Headers only, a few kilobytes a file; in parallel, since a series is hundreds of files.
    return QtConcurrent::blockingMapped<std::vector<FileHeader>>(paths, [](const QString &path) {
        FileHeader file;
        file.path = path;
        file.header = DicomHeader::read(path, &file.error);
        return file;
    });
}

// The files a DICOMDIR lists as images, as paths under its folder (Referenced File ID is a list
// of path components).
std::optional<QStringList> dicomDirImages(const QString &path, QString *error)
{
    DcmFileFormat file;
    if (!DicomDataset::load(path, file, error))
        return std::nullopt;
    DcmSequenceOfItems *records = nullptr;
    if (file.getDataset()->findAndGetSequence(DCM_DirectoryRecordSequence, records).bad()
        || !records) {
        *error = DicomDataset::fileError(
                path, QCoreApplication::translate(
                              "Boucle::DicomSeries",
                              "the attribute DirectoryRecordSequence (0004,1220) is missing"));
        return std::nullopt;
    }
    const QDir folder = QFileInfo(path).absoluteDir();
    QStringList images;
    for (unsigned long i = 0; i < records->card(); ++i) {
        DcmItem *record = records->getItem(i);
        OFString type;
        if (!record || record->findAndGetOFString(DCM_DirectoryRecordType, type).bad()
            || type != "IMAGE")
            continue;
        OFString components;
        if (record->findAndGetOFStringArray(DCM_ReferencedFileID, components).bad())
            continue;
        const QString relative = QString::fromLatin1(components.c_str())
                                         .trimmed()
                                         .replace(QLatin1Char('\\'), QLatin1Char('/'));
        // A DICOMDIR names files below its own folder only.
        if (relative.isEmpty() || relative.startsWith(QLatin1Char('/'))
            || relative.split(QLatin1Char('/')).contains(QLatin1String("..")))
            continue;
        QString found = folder.filePath(relative);
        if (!QFileInfo::exists(found)) {
            // Media file systems are case-insensitive; DICOMDIRs name files in capitals.
            const QString lower = folder.filePath(relative.toLower());
            if (QFileInfo::exists(lower))
                found = lower;
        }
        images.append(found);
    }
    if (images.isEmpty()) {
        *error = DicomDataset::fileError(
                path,
                QCoreApplication::translate("Boucle::DicomSeries", "the DICOMDIR lists no image"));
        return std::nullopt;
    }
    return images;
}

QString describeSeries(const QMap<QString, int> &counts)
{
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts.append(QCoreApplication::translate("Boucle::DicomSeries", "%1 (%n file(s))", nullptr,
                                                 it.value())
                             .arg(it.key().isEmpty() ? QCoreApplication::translate(
                                          "Boucle::DicomSeries", "no Series Instance UID")
                                                     : it.key()));
    return parts.join(QLatin1String(", "));
}

} // namespace

struct DicomSeries::Data
{
    QString path;
    DicomHeader header;
    QList<DicomSlice> slices;
    QStringList skipped;
};

QString DicomSeries::path() const
{
    return d ? d->path : QString();
}

int DicomSeries::sliceCount() const
{
    return d ? int(d->slices.size()) : 0;
}

const DicomSlice &DicomSeries::slice(int index) const
{
    return d->slices.at(index);
}

const DicomHeader &DicomSeries::header() const
{
    return d->header;
}

QStringList DicomSeries::skippedFiles() const
{
    return d ? d->skipped : QStringList();
}

int DicomSeries::indexOfInstance(const QString &sopInstanceUid) const
{
    if (!d || sopInstanceUid.isEmpty())
        return -1;
    for (int i = 0; i < d->slices.size(); ++i) {
        if (d->slices[i].sopInstanceUid == sopInstanceUid)
            return i;
    }
    return -1;
}

bool DicomSeries::isDicomPath(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return true;
    RegularFile file;
    return file.open(path, std::numeric_limits<qint64>::max())
           && DicomHeader::hasDicomMarker(file.read(0, DicomHeader::markerEnd));
}

std::optional<DicomSeries> DicomSeries::open(const QString &path, QString *error,
                                             const QString &seriesInstanceUid)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    auto data = std::make_shared<Data>();
    data->path = path;
    QStringList candidates;
    bool listed = false; // the files come from a folder or a DICOMDIR, not one file
    const QFileInfo info(path);
    if (info.isDir()) {
        const QDir folder(path);
        for (const QString &name : folder.entryList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name))
            candidates.append(folder.filePath(name));
        if (candidates.isEmpty())
            return fail(QCoreApplication::translate("Boucle::DicomSeries",
                                                    "Cannot read %1: the folder holds no file")
                                .arg(QDir::toNativeSeparators(path)));
        listed = true;
    } else {
        QString reason;
        const std::optional<DicomHeader> header = DicomHeader::read(path, &reason);
        if (!header)
            return fail(reason);
        if (header->isDicomDir) {
            const auto images = dicomDirImages(path, &reason);
            if (!images)
                return fail(reason);
            candidates = *images;
            listed = true;
        } else {
            candidates.append(path);
        }
    }

    std::vector<FileHeader> files = readHeaders(candidates);
    // Keep the images; note the rest.
    QMap<QString, int> seriesCounts;
    std::vector<FileHeader> images;
    for (FileHeader &file : files) {
        if (!file.header) {
            if (!listed)
                return fail(file.error);
            data->skipped.append(file.error);
            continue;
        }
        if (file.header->isDicomDir)
            continue;
        ++seriesCounts[file.header->seriesInstanceUid];
        images.push_back(std::move(file));
    }
    if (images.empty())
        return fail(QCoreApplication::translate("Boucle::DicomSeries",
                                                "Cannot read %1: it holds no DICOM image%2")
                            .arg(QDir::toNativeSeparators(path),
                                 data->skipped.isEmpty()
                                         ? QString()
                                         : QStringLiteral(" (") + data->skipped.first()
                                                   + QStringLiteral(")")));
    QString chosen = seriesInstanceUid;
    if (chosen.isEmpty()) {
        if (seriesCounts.size() > 1)
            return fail(QCoreApplication::translate(
                                "Boucle::DicomSeries",
                                "Cannot read %1 as one series: it holds %2 series: %3")
                                .arg(QDir::toNativeSeparators(path))
                                .arg(seriesCounts.size())
                                .arg(describeSeries(seriesCounts)));
        chosen = seriesCounts.firstKey();
    } else if (!seriesCounts.contains(chosen)) {
        return fail(
                QCoreApplication::translate("Boucle::DicomSeries",
                                            "Cannot read %1: it holds no series %2 (it holds %3)")
                        .arg(QDir::toNativeSeparators(path), chosen, describeSeries(seriesCounts)));
    }
    std::vector<FileHeader> series;
    for (FileHeader &file : images) {
        if (file.header->seriesInstanceUid == chosen) {
            series.push_back(std::move(file));
        } else {
            data->skipped.append(
                    QCoreApplication::translate("Boucle::DicomSeries", "%1: another series (%2)")
                            .arg(QDir::toNativeSeparators(file.path),
                                 file.header->seriesInstanceUid));
        }
    }

    // Order the files: by position along the normal when every file has one, else by Instance
    // Number when every file has one, else by name (the folder listing's order).
    const DicomHeader &first = *series.front().header;
    const auto normal = first.sliceNormal();
    const auto positionOf = [&](const DicomHeader &header) -> std::optional<double> {
        if (!normal || !header.imagePosition)
            return std::nullopt;
        const auto &p = *header.imagePosition;
        return p[0] * (*normal)[0] + p[1] * (*normal)[1] + p[2] * (*normal)[2];
    };
    const bool allPositioned = std::all_of(series.begin(), series.end(), [&](const auto &file) {
        return file.header->frames == 1 && positionOf(*file.header).has_value();
    });
    const bool allNumbered = std::all_of(series.begin(), series.end(), [](const auto &file) {
        return file.header->instanceNumber.has_value();
    });
    std::stable_sort(series.begin(), series.end(), [&](const FileHeader &a, const FileHeader &b) {
        if (allPositioned) {
            const double pa = *positionOf(*a.header);
            const double pb = *positionOf(*b.header);
            if (pa != pb)
                return pa < pb;
        }
        if (allNumbered && *a.header->instanceNumber != *b.header->instanceNumber)
            return *a.header->instanceNumber < *b.header->instanceNumber;
        return a.path < b.path;
    });

    data->header = *series.front().header;
    for (const FileHeader &file : series) {
        const DicomHeader &header = *file.header;
        if (header.size() != first.size() || header.photometric != first.photometric
            || header.samplesPerPixel != first.samplesPerPixel) {
            return fail(
                    QCoreApplication::translate(
                            "Boucle::DicomSeries",
                            "Cannot read %1 as one series: %2 is %3 × %4 %5, but %6 is %7 × %8 %9")
                            .arg(QDir::toNativeSeparators(path), QFileInfo(header.path).fileName())
                            .arg(header.columns)
                            .arg(header.rows)
                            .arg(header.photometric, QFileInfo(first.path).fileName())
                            .arg(first.columns)
                            .arg(first.rows)
                            .arg(first.photometric));
        }
        for (int frame = 0; frame < header.frames; ++frame) {
            DicomSlice slice;
            slice.filePath = file.path;
            slice.frame = frame;
            slice.instanceNumber = header.instanceNumber;
            slice.sopInstanceUid = header.sopInstanceUid;
            if (header.frames == 1)
                slice.position = positionOf(header);
            data->slices.append(slice);
        }
    }
    DicomSeries result;
    result.d = std::move(data);
    return result;
}

std::optional<DicomSeries> DicomSeries::openSeriesOf(const QString &filePath, QString *error,
                                                     int *sliceOfFile)
{
    const std::optional<DicomHeader> header = DicomHeader::read(filePath, error);
    if (!header)
        return std::nullopt;
    std::optional<DicomSeries> series;
    if (header->isDicomDir || header->frames > 1 || header->seriesInstanceUid.isEmpty())
        series = open(filePath, error);
    else
        series = open(QFileInfo(filePath).absolutePath(), error, header->seriesInstanceUid);
    if (series && sliceOfFile) {
        const int index = series->indexOfInstance(header->sopInstanceUid);
        *sliceOfFile = std::max(0, index);
    }
    return series;
}

QImage DicomSeries::decodeSlice(int index, DicomHeader *header, QString *error) const
{
    if (!d || index < 0 || index >= d->slices.size()) {
        if (error)
            *error = QCoreApplication::translate("Boucle::DicomSeries",
                                                 "Cannot read %1: it has no slice %2 (it has %3)")
                             .arg(QDir::toNativeSeparators(path()))
                             .arg(index + 1)
                             .arg(sliceCount());
        return {};
    }
    const DicomSlice &slice = d->slices[index];
    return DicomFile::decodeFrame(slice.filePath, slice.frame, header, error);
}

} // namespace Boucle
