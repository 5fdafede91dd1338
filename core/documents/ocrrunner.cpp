#include "ocrrunner.h"

#include "pdfdocument.h"
#include "tesseracttsvreader.h"

#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cmath>

namespace Boucle {

namespace {

QProcessEnvironment singleThreadEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("OMP_THREAD_LIMIT"), QStringLiteral("1"));
    return environment;
}

} // namespace

OcrRunner::OcrRunner(QString language, QString program)
    : m_language(std::move(language))
    , m_requestedProgram(std::move(program))
{
    if (m_requestedProgram.isEmpty()) {
        m_program = QStandardPaths::findExecutable(QStringLiteral("tesseract"));
    } else {
        const QFileInfo info(m_requestedProgram);
        if (info.isFile() && info.isExecutable())
            m_program = info.absoluteFilePath();
        else
            m_program = QStandardPaths::findExecutable(m_requestedProgram);
    }
}

DocumentError OcrRunner::availabilityError() const
{
    if (isAvailable())
        return {};
    const QString name
            = m_requestedProgram.isEmpty() ? QStringLiteral("tesseract") : m_requestedProgram;
    return DocumentError::make(DocumentError::Code::ToolMissing, name,
                               tr("Tesseract is not installed (no '%1' program found on PATH); "
                                  "install the Debian package tesseract-ocr to read scanned pages")
                                       .arg(name));
}

QString OcrRunner::version() const
{
    if (!isAvailable() || !m_version.isEmpty())
        return m_version;
    QProcess process;
    process.start(m_program, {QStringLiteral("--version")});
    if (!process.waitForFinished(15000))
        return {};
    // "tesseract 5.3.0" on the first line (older versions print it on stderr).
    const QString output
            = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("tesseract "))) {
            m_version = trimmed.mid(10).trimmed();
            if (m_version.startsWith(QLatin1Char('v')))
                m_version.remove(0, 1);
            break;
        }
    }
    return m_version;
}

QString OcrRunner::modelKey() const
{
    const QString reported = version();
    return QStringLiteral("tesseract@")
           + (reported.isEmpty() ? QStringLiteral("unknown") : reported);
}

OcrWords OcrRunner::recognise(const QString &imagePath, int page) const
{
    using Code = DocumentError::Code;
    OcrWords result;
    if (!isAvailable()) {
        result.error = availabilityError();
        return result;
    }
    if (!QFileInfo(imagePath).isFile()) {
        result.error
                = DocumentError::make(Code::NotFound, imagePath, tr("the image does not exist"));
        return result;
    }
    QProcess process;
    process.setProcessEnvironment(singleThreadEnvironment());
    process.start(m_program, {imagePath, QStringLiteral("-"), QStringLiteral("-l"), m_language,
                              QStringLiteral("tsv")});
    if (!process.waitForStarted(15000)) {
        result.error = DocumentError::make(Code::ToolFailed, imagePath,
                                           tr("Tesseract (%1) could not be started: %2")
                                                   .arg(m_program, process.errorString()));
        return result;
    }
    if (!process.waitForFinished(m_timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.error = DocumentError::make(
                Code::ToolFailed, imagePath,
                tr("Tesseract did not finish within %1 s").arg(m_timeoutMs / 1000));
        return result;
    }
    const QByteArray output = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString detail = QString::fromUtf8(process.readAllStandardError()).trimmed();
        result.error = DocumentError::make(Code::ToolFailed, imagePath,
                                           tr("Tesseract failed (exit code %1): %2")
                                                   .arg(process.exitCode())
                                                   .arg(detail.section(QLatin1Char('\n'), -1)));
        return result;
    }
    result = TesseractTsvReader::parse(output, tr("Tesseract output for %1").arg(imagePath));
    for (auto &word : result.words)
        word.page += page;
    return result;
}

OcrWords OcrRunner::recognisePdf(const QString &pdfPath, double dpi,
                                 const std::function<void(int, int)> &pageDone) const
{
    using Code = DocumentError::Code;
    OcrWords result;
    if (!isAvailable()) {
        result.error = availabilityError();
        return result;
    }
    PdfDocument document;
    if (const DocumentError error = document.open(pdfPath)) {
        result.error = error;
        return result;
    }
    const QTemporaryDir scratch;
    if (!scratch.isValid()) {
        result.error = DocumentError::make(
                Code::ToolFailed, pdfPath,
                tr("no temporary folder for the rendered pages (%1)").arg(scratch.errorString()));
        return result;
    }
    const int pages = document.pageCount();
    result.pageCount = pages;
    for (int page = 0; page < pages; ++page) {
        // A page too large for `dpi` is read at the resolution that still fits.
        double pageDpi = dpi;
        const QSize pixels = document.pixelSize(page, dpi);
        const double area = double(pixels.width()) * pixels.height();
        if (area > double(PdfDocument::maxRenderPixels))
            pageDpi = std::floor(dpi * std::sqrt(double(PdfDocument::maxRenderPixels) / area));
        const RenderedPage rendered = document.render(page, pageDpi);
        if (rendered.error) {
            result.words.clear();
            result.error = DocumentError::make(rendered.error.code, pdfPath,
                                               tr("page %1 cannot be rendered for Tesseract: %2")
                                                       .arg(page + 1)
                                                       .arg(rendered.error.reason));
            return result;
        }
        // Tesseract reads grey pages best; a transparent page background becomes white.
        QImage flat(rendered.image.size(), QImage::Format_RGB32);
        flat.fill(Qt::white);
        {
            QPainter painter(&flat);
            painter.drawImage(0, 0, rendered.image);
        }
        const QString imagePath = scratch.filePath(QStringLiteral("page-%1.png").arg(page + 1));
        if (!flat.convertToFormat(QImage::Format_Grayscale8).save(imagePath, "PNG")) {
            result.words.clear();
            result.error
                    = DocumentError::make(Code::ToolFailed, pdfPath,
                                          tr("page %1: the rendered page cannot be written to %2")
                                                  .arg(page + 1)
                                                  .arg(scratch.path()));
            return result;
        }
        const OcrWords read = recognise(imagePath, page);
        QFile::remove(imagePath);
        if (read.error) {
            result.words.clear();
            result.error
                    = DocumentError::make(read.error.code, pdfPath,
                                          tr("page %1: %2").arg(page + 1).arg(read.error.reason));
            return result;
        }
        // Pixels of the rendered page back to the page's points.
        const QSizeF points = document.pageSize(page);
        const double sx = points.width() / std::max(1, flat.width());
        const double sy = points.height() / std::max(1, flat.height());
        for (PredictedObject word : read.words) {
            word.box = QRectF(word.box.x() * sx, word.box.y() * sy, word.box.width() * sx,
                              word.box.height() * sy);
            word.page = page;
            result.words.append(word);
        }
        if (pageDone)
            pageDone(page, pages);
    }
    return result;
}

} // namespace Boucle
