#include "ocrrunner.h"

#include "tesseracttsvreader.h"

#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>

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

} // namespace Boucle
