#include "demodocuments.h"

#include "documentpredictionlog.h"
#include "ocrrunner.h"

#include <QDir>
#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <random>

namespace Boucle {

namespace {

// A field the simulated layout model finds: where it was drawn (points) and what it says.
struct Field
{
    QString label;
    QString text;
    QRectF rect;
    int page = 0;
};

using Random = std::mt19937;

double uniform(Random &random, double low, double high)
{
    return std::uniform_real_distribution<double>(low, high)(random);
}

int uniformInt(Random &random, int low, int high)
{
    return std::uniform_int_distribution<int>(low, high)(random);
}

template<typename T, std::size_t N>
const T &pick(Random &random, const T (&values)[N])
{
    return values[std::size_t(uniformInt(random, 0, int(N) - 1))];
}

QFont font(const char *family, int pixelSize, bool bold = false, bool italic = false)
{
    QFont result(QString::fromLatin1(family));
    result.setPixelSize(pixelSize); // in points: the painters below work in PDF points
    result.setBold(bold);
    result.setItalic(italic);
    return result;
}

// Draws `text` with its baseline at `at` and returns the box it covers.
QRectF drawText(QPainter &painter, QPointF at, const QString &text, const QFont &textFont)
{
    painter.setFont(textFont);
    painter.drawText(at, text);
    const QFontMetricsF metrics(textFont);
    return QRectF(at.x(), at.y() - metrics.ascent(), metrics.horizontalAdvance(text),
                  metrics.ascent() + metrics.descent());
}

QRectF drawRightAligned(QPainter &painter, qreal right, qreal baseline, const QString &text,
                        const QFont &textFont)
{
    const qreal width = QFontMetricsF(textFont).horizontalAdvance(text);
    return drawText(painter, QPointF(right - width, baseline), text, textFont);
}

QString money(double value)
{
    return QString::number(value, 'f', 2);
}

// A document we draw: its pages and the fields on them.
struct DrawnDocument
{
    QString kind; // "invoice", "form"
    int pages = 1;
    std::function<QList<Field>(QPainter &, int page)> draw;
};

DrawnDocument makeInvoice(Random &random, int number)
{
    static const char *const vendors[]
            = {"Atelier Moreau SARL", "Northwind Supplies Ltd", "Brasserie du Port",
               "Helix Lab Equipment", "Papeterie Lambert"};
    static const char *const customers[]
            = {"Clinique Saint-Roch", "Harbour Logistics", "Ecole Jules Ferry",
               "Dr. Amelie Laurent", "Riverside Dental Care"};
    static const char *const items[]
            = {"Printer paper A4, box", "Nitrile gloves, size M", "Label roll 50 mm",
               "Toner cartridge black", "Sterile gauze pads",     "Archive boxes",
               "Service call, 1 hour",  "Delivery and handling",  "Calibration of scale",
               "Desk lamp LED"};
    struct Line
    {
        QString description;
        int quantity;
        double unitPrice;
    };
    const QString vendor = QString::fromLatin1(pick(random, vendors));
    const QString customer = QString::fromLatin1(pick(random, customers));
    const QString invoiceNumber
            = QStringLiteral("INV-2026-%1").arg(1000 + number * 37 % 9000, 4, 10, QLatin1Char('0'));
    const QString date = QStringLiteral("2026-%1-%2")
                                 .arg(uniformInt(random, 1, 11), 2, 10, QLatin1Char('0'))
                                 .arg(uniformInt(random, 1, 28), 2, 10, QLatin1Char('0'));
    QList<Line> lines;
    const int lineCount = uniformInt(random, 3, 7);
    for (int i = 0; i < lineCount; ++i)
        lines.append({QString::fromLatin1(pick(random, items)), uniformInt(random, 1, 12),
                      double(uniformInt(random, 150, 24000)) / 100.0});

    DrawnDocument document;
    document.kind = QStringLiteral("invoice");
    document.pages = 1;
    document.draw = [=](QPainter &painter, int) {
        QList<Field> fields;
        painter.setPen(Qt::black);
        fields.append({QStringLiteral("vendor_name"), vendor,
                       drawText(painter, {50, 70}, vendor, font("DejaVu Sans", 20, true))});
        drawText(painter, {50, 90}, QStringLiteral("12 rue des Lilas, 69003 Lyon"),
                 font("DejaVu Sans", 10));
        drawRightAligned(painter, 545, 70, QStringLiteral("INVOICE"),
                         font("DejaVu Sans", 24, true));
        const QFont label = font("DejaVu Sans", 11, true);
        const QFont value = font("DejaVu Sans", 11);
        drawText(painter, {50, 140}, QStringLiteral("Invoice no."), label);
        fields.append({QStringLiteral("invoice_number"), invoiceNumber,
                       drawText(painter, {150, 140}, invoiceNumber, value)});
        drawText(painter, {50, 160}, QStringLiteral("Date"), label);
        fields.append(
                {QStringLiteral("invoice_date"), date, drawText(painter, {150, 160}, date, value)});
        drawText(painter, {330, 140}, QStringLiteral("Bill to"), label);
        fields.append({QStringLiteral("customer_name"), customer,
                       drawText(painter, {330, 160}, customer, value)});

        qreal y = 220;
        painter.setPen(QPen(Qt::black, 1.0));
        painter.drawLine(QPointF(50, y - 16), QPointF(545, y - 16));
        drawText(painter, {55, y}, QStringLiteral("Description"), label);
        drawRightAligned(painter, 370, y, QStringLiteral("Qty"), label);
        drawRightAligned(painter, 460, y, QStringLiteral("Unit price"), label);
        drawRightAligned(painter, 540, y, QStringLiteral("Amount"), label);
        painter.drawLine(QPointF(50, y + 6), QPointF(545, y + 6));
        double subtotal = 0;
        for (const Line &line : lines) {
            y += 22;
            const double amount = line.quantity * line.unitPrice;
            subtotal += amount;
            drawText(painter, {55, y}, line.description, value);
            drawRightAligned(painter, 370, y, QString::number(line.quantity), value);
            drawRightAligned(painter, 460, y, money(line.unitPrice), value);
            drawRightAligned(painter, 540, y, money(amount), value);
        }
        painter.drawLine(QPointF(50, y + 10), QPointF(545, y + 10));
        const double vat = subtotal * 0.2;
        y += 34;
        drawRightAligned(painter, 460, y, QStringLiteral("Subtotal"), label);
        drawRightAligned(painter, 540, y, money(subtotal), value);
        y += 20;
        drawRightAligned(painter, 460, y, QStringLiteral("VAT 20%"), label);
        drawRightAligned(painter, 540, y, money(vat), value);
        y += 26;
        const QString total = money(subtotal + vat);
        drawRightAligned(painter, 460, y, QStringLiteral("Total due (EUR)"),
                         font("DejaVu Sans", 13, true));
        fields.append({QStringLiteral("invoice_total"), total,
                       drawRightAligned(painter, 540, y, total, font("DejaVu Sans", 13, true))});
        drawText(painter, {50, 780},
                 QStringLiteral("Payment within 30 days. IBAN FR76 3000 6000 0112 3456 7890 189."),
                 font("DejaVu Sans", 9));
        return fields;
    };
    return document;
}

DrawnDocument makeForm(Random &random)
{
    static const char *const names[]
            = {"Marie Dubois", "Jonas Becker", "Aisha Rahman", "Lucas Martin", "Sofia Rossi"};
    static const char *const streets[]
            = {"4 Elm Street, Leeds LS2 9JT", "18 avenue Foch, 75016 Paris",
               "Hauptstrasse 7, 10115 Berlin", "22 Via Roma, 00184 Roma"};
    const QString name = QString::fromLatin1(pick(random, names));
    const QString address = QString::fromLatin1(pick(random, streets));
    const QString birth = QStringLiteral("%1/%2/19%3")
                                  .arg(uniformInt(random, 1, 28), 2, 10, QLatin1Char('0'))
                                  .arg(uniformInt(random, 1, 12), 2, 10, QLatin1Char('0'))
                                  .arg(uniformInt(random, 40, 99));
    const QString phone = QStringLiteral("+33 6 %1 %2 %3 %4")
                                  .arg(uniformInt(random, 10, 99))
                                  .arg(uniformInt(random, 10, 99))
                                  .arg(uniformInt(random, 10, 99))
                                  .arg(uniformInt(random, 10, 99));
    const QString signedOn
            = QStringLiteral("%1/11/2026").arg(uniformInt(random, 1, 28), 2, 10, QLatin1Char('0'));
    DrawnDocument document;
    document.kind = QStringLiteral("form");
    document.pages = 2;
    document.draw = [=](QPainter &painter, int page) {
        QList<Field> fields;
        const QFont title = font("DejaVu Sans", 20, true);
        const QFont label = font("DejaVu Sans", 10);
        const QFont handwriting = font("DejaVu Serif", 14, false, true);
        painter.setPen(Qt::black);
        const auto box = [&](qreal y, const QString &caption, const QString &fieldLabel,
                             const QString &text) {
            drawText(painter, {60, y}, caption, label);
            painter.setPen(QPen(Qt::black, 0.8));
            painter.drawRect(QRectF(60, y + 6, 475, 30));
            painter.setPen(QPen(QColor(20, 40, 120)));
            fields.append(
                    {fieldLabel, text, drawText(painter, {70, y + 28}, text, handwriting), page});
            painter.setPen(Qt::black);
        };
        if (page == 0) {
            drawText(painter, {60, 80}, QStringLiteral("Patient registration form"), title);
            drawText(painter, {60, 102}, QStringLiteral("Please write clearly in the boxes below."),
                     label);
            box(150, QStringLiteral("Full name"), QStringLiteral("full_name"), name);
            box(210, QStringLiteral("Date of birth (dd/mm/yyyy)"), QStringLiteral("date_of_birth"),
                birth);
            box(270, QStringLiteral("Address"), QStringLiteral("address"), address);
            box(330, QStringLiteral("Phone"), QStringLiteral("phone"), phone);
            painter.drawRect(QRectF(60, 400, 12, 12));
            painter.drawLine(QPointF(62, 406), QPointF(66, 411));
            painter.drawLine(QPointF(66, 411), QPointF(71, 401));
            drawText(painter, {80, 411}, QStringLiteral("I agree to be contacted by phone"), label);
            drawText(painter, {60, 800}, QStringLiteral("Page 1 of 2"), label);
        } else {
            drawText(painter, {60, 80}, QStringLiteral("Declaration"), title);
            const QStringList paragraph
                    = {QStringLiteral("I declare that the information given in this form is"),
                       QStringLiteral("correct and complete to the best of my knowledge, and"),
                       QStringLiteral("I will report any change of address or telephone number.")};
            qreal y = 120;
            for (const QString &line : paragraph) {
                drawText(painter, {60, y}, line, font("DejaVu Sans", 11));
                y += 18;
            }
            box(230, QStringLiteral("Signed on"), QStringLiteral("signature_date"), signedOn);
            drawText(painter, {60, 800}, QStringLiteral("Page 2 of 2"), label);
        }
        return fields;
    };
    return document;
}

// The simulated layout model: mostly right, sometimes misreads a character with less confidence.
PredictedObject simulateField(Random &random, const Field &field, double scale, bool degraded)
{
    PredictedObject object;
    object.shape = PredictedObject::Shape::Box;
    object.label = field.label;
    object.page = field.page;
    const QRectF jittered = field.rect.adjusted(-uniform(random, 0, 2), -uniform(random, 0, 2),
                                                uniform(random, 0, 2), uniform(random, 0, 2));
    object.box = QRectF(jittered.topLeft() * scale, jittered.size() * scale);
    object.text = field.text;
    object.score = uniform(random, 0.72, 0.99);
    if (uniform(random, 0, 1) < (degraded ? 0.5 : 0.25) && !field.text.isEmpty()) {
        static const QHash<QChar, QChar> confusions
                = {{QLatin1Char('0'), QLatin1Char('8')}, {QLatin1Char('1'), QLatin1Char('7')},
                   {QLatin1Char('5'), QLatin1Char('6')}, {QLatin1Char('e'), QLatin1Char('c')},
                   {QLatin1Char('l'), QLatin1Char('1')}, {QLatin1Char('a'), QLatin1Char('o')},
                   {QLatin1Char('2'), QLatin1Char('Z')}, {QLatin1Char('9'), QLatin1Char('4')}};
        for (int i = int(object.text.size()) - 1; i >= 0; --i) {
            const auto it = confusions.constFind(object.text.at(i));
            if (it != confusions.constEnd()) {
                object.text[i] = *it;
                break;
            }
        }
        object.score = uniform(random, 0.2, 0.6);
    }
    if (degraded)
        object.score *= 0.85;
    return object;
}

QImage renderPageImage(const DrawnDocument &document, int page, double dpi, QList<Field> *fields)
{
    const double scale = dpi / 72.0;
    QImage image(qRound(DemoDocuments::pageWidthPoints * scale),
                 qRound(DemoDocuments::pageHeightPoints * scale), QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        painter.scale(scale, scale);
        *fields = document.draw(painter, page);
    }
    QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    const int dotsPerMeter = qRound(dpi / 0.0254);
    grey.setDotsPerMeterX(dotsPerMeter);
    grey.setDotsPerMeterY(dotsPerMeter);
    return grey;
}

DocumentError writePdf(const QString &path, const DrawnDocument &document, QList<Field> *fields)
{
    QPdfWriter writer(path);
    writer.setResolution(72); // one unit is one PDF point
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setCreator(QStringLiteral("Boucle demo documents"));
    writer.setTitle(QFileInfo(path).completeBaseName());
    QPainter painter;
    if (!painter.begin(&writer))
        return DocumentError::make(DocumentError::Code::NotFound, path,
                                   DemoDocuments::tr("the PDF cannot be written"));
    for (int page = 0; page < document.pages; ++page) {
        if (page > 0)
            writer.newPage();
        *fields += document.draw(painter, page);
    }
    painter.end();
    return {};
}

// A scan seen through a dusty glass: blurred, noisy, lower contrast.
bool degrade(const QString &from, const QString &to, unsigned int seed)
{
    const cv::Mat clean = cv::imread(from.toStdString(), cv::IMREAD_GRAYSCALE);
    if (clean.empty())
        return false;
    cv::Mat blurred;
    cv::GaussianBlur(clean, blurred, cv::Size(0, 0), 1.2);
    cv::Mat signal;
    blurred.convertTo(signal, CV_16S, 0.85, 25);
    cv::Mat noise(signal.size(), CV_16S);
    cv::RNG rng(seed);
    rng.fill(noise, cv::RNG::NORMAL, 0, 20);
    cv::Mat degraded;
    cv::add(signal, noise, signal);
    signal.convertTo(degraded, CV_8U);
    return cv::imwrite(to.toStdString(), degraded);
}

struct Note
{
    QString text;
    QList<PredictedObject> spans;
};

// Builds a note piece by piece so that each span's offsets are counted in code points.
class NoteBuilder
{
public:
    void add(const QString &text) { m_text += text; }
    void addSpan(const QString &text, const QString &label, double score)
    {
        PredictedObject span;
        span.shape = PredictedObject::Shape::Span;
        span.label = label;
        span.score = score;
        span.spanStart = int(m_text.toUcs4().size());
        m_text += text;
        span.spanEnd = int(m_text.toUcs4().size());
        span.text = text;
        m_spans.append(span);
    }
    Note note() const { return {m_text, m_spans}; }

private:
    QString m_text;
    QList<PredictedObject> m_spans;
};

Note makeNote(Random &random, bool markdown)
{
    static const char *const conditions[]
            = {"type 2 diabetes", "hypertension", "asthma", "atrial fibrillation"};
    static const char *const medications[] = {"metformin", "ramipril", "salbutamol", "apixaban"};
    static const char *const doses[] = {"500 mg", "5 mg", "100 µg", "2.5 mg"};
    static const char *const symptoms[] = {"fatigue", "dizziness", "a dry cough", "palpitations"};
    const auto score = [&] {
        return uniform(random, 0, 1) < 0.3 ? uniform(random, 0.25, 0.6)
                                           : uniform(random, 0.75, 0.99);
    };
    NoteBuilder builder;
    if (markdown) {
        builder.add(QStringLiteral("# Discharge summary\n\n**Diagnosis:** "));
        builder.addSpan(QString::fromUtf8(pick(random, conditions)), QStringLiteral("condition"),
                        score());
        builder.add(QStringLiteral("\n\n## Medication\n\n- "));
        builder.addSpan(QString::fromUtf8(pick(random, medications)), QStringLiteral("medication"),
                        score());
        builder.add(QStringLiteral(" "));
        builder.addSpan(QString::fromUtf8(pick(random, doses)), QStringLiteral("dose"), score());
        builder.add(
                QStringLiteral(" twice daily\n\n## Follow-up\n\nSeen by Dr. Lefèvre; reports "));
        builder.addSpan(QString::fromUtf8(pick(random, symptoms)), QStringLiteral("symptom"),
                        score());
        builder.add(QStringLiteral(" since the last visit. Review in 3 months.\n"));
    } else {
        builder.add(QStringLiteral("Follow-up visit, 2026-11-03.\nPatient with known "));
        builder.addSpan(QString::fromUtf8(pick(random, conditions)), QStringLiteral("condition"),
                        score());
        builder.add(QStringLiteral(", café worker, reports "));
        builder.addSpan(QString::fromUtf8(pick(random, symptoms)), QStringLiteral("symptom"),
                        score());
        builder.add(QStringLiteral(" for two weeks. Continues "));
        builder.addSpan(QString::fromUtf8(pick(random, medications)), QStringLiteral("medication"),
                        score());
        builder.add(QStringLiteral(" at "));
        builder.addSpan(QString::fromUtf8(pick(random, doses)), QStringLiteral("dose"), score());
        builder.add(QStringLiteral(" in the morning.\nBlood pressure 128/82; no new complaint.\n"));
    }
    return builder.note();
}

// Text is laid out with Qt's font database, which exists only in a QGuiApplication (a command-line
// tool may run with QT_QPA_PLATFORM=offscreen).
DocumentError needsGuiApplication(const QString &path)
{
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return {};
    return DocumentError::make(
            DocumentError::Code::ToolFailed, path,
            DemoDocuments::tr("drawing documents needs a QGuiApplication (fonts); "
                              "run with QT_QPA_PLATFORM=offscreen when there is no display"));
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

} // namespace

DemoDocumentSet DemoDocuments::generate(const QString &folder, const DemoDocumentOptions &options,
                                        const std::function<void(const QString &)> &progress)
{
    DemoDocumentSet set;
    set.folder = QDir(folder).absolutePath();
    const auto say = [&](const QString &message) {
        if (progress)
            progress(message);
    };
    if (const DocumentError error = needsGuiApplication(set.folder)) {
        set.errors.append(error);
        return set;
    }
    if (!QDir().mkpath(set.folder)) {
        set.errors.append(DocumentError::make(DocumentError::Code::NotFound, folder,
                                              tr("the folder cannot be created")));
        return set;
    }
    const QDir dir(set.folder);
    Random random(options.seed);
    QList<DocumentPrediction> predictions;
    const QString layoutModel = QStringLiteral("fieldfinder@1");

    QList<DrawnDocument> documents;
    QStringList names;
    for (int i = 0; i < options.invoices; ++i) {
        documents.append(makeInvoice(random, i + 1));
        names.append(QStringLiteral("invoice-%1").arg(i + 1, 3, 10, QLatin1Char('0')));
    }
    for (int i = 0; i < options.forms; ++i) {
        documents.append(makeForm(random));
        names.append(QStringLiteral("form-%1").arg(i + 1, 3, 10, QLatin1Char('0')));
    }

    struct PageImage
    {
        QString path;
        bool degraded;
    };
    QList<PageImage> pageImages;
    for (int d = 0; d < documents.size(); ++d) {
        const DrawnDocument &document = documents.at(d);
        const QString pdfPath = dir.filePath(names.at(d) + QStringLiteral(".pdf"));
        say(tr("Drawing %1").arg(QFileInfo(pdfPath).fileName()));
        QList<Field> fields;
        if (const DocumentError error = writePdf(pdfPath, document, &fields)) {
            set.errors.append(error);
            continue;
        }
        set.pdfs.append(pdfPath);
        DocumentPrediction pdfPrediction;
        pdfPrediction.sample = DocumentPredictionLog::samplePath(set.folder, pdfPath);
        pdfPrediction.model = layoutModel;
        pdfPrediction.label = document.kind;
        pdfPrediction.confidence = uniform(random, 0.7, 0.99);
        for (const Field &field : std::as_const(fields))
            pdfPrediction.objects.append(simulateField(random, field, 1.0, false));
        predictions.append(pdfPrediction);

        for (int page = 0; page < document.pages; ++page) {
            QList<Field> pageFields;
            const QImage image = renderPageImage(document, page, options.imageDpi, &pageFields);
            const QString imagePath
                    = dir.filePath(names.at(d) + QStringLiteral("-p%1.png").arg(page + 1));
            if (!image.save(imagePath)) {
                set.errors.append(DocumentError::make(DocumentError::Code::NotFound, imagePath,
                                                      tr("the page image cannot be written")));
                continue;
            }
            set.pageImages.append(imagePath);
            pageImages.append({imagePath, false});
            QList<PageImage> variants {{imagePath, false}};
            if (set.degradedImages.size() < options.degradedPages) {
                const QString degradedPath = dir.filePath(
                        names.at(d) + QStringLiteral("-p%1-degraded.png").arg(page + 1));
                if (degrade(imagePath, degradedPath,
                            options.seed + uint(set.degradedImages.size()))) {
                    set.degradedImages.append(degradedPath);
                    pageImages.append({degradedPath, true});
                    variants.append({degradedPath, true});
                } else {
                    set.errors.append(
                            DocumentError::make(DocumentError::Code::NotFound, degradedPath,
                                                tr("the degraded copy cannot be written")));
                }
            }
            for (const PageImage &variant : std::as_const(variants)) {
                DocumentPrediction imagePrediction;
                imagePrediction.sample
                        = DocumentPredictionLog::samplePath(set.folder, variant.path);
                imagePrediction.model = layoutModel;
                imagePrediction.label = document.kind;
                imagePrediction.confidence = uniform(random, 0.6, 0.99);
                for (Field field : std::as_const(pageFields)) {
                    field.page = 0; // a page image is a one-page sample
                    imagePrediction.objects.append(simulateField(
                            random, field, options.imageDpi / 72.0, variant.degraded));
                }
                predictions.append(imagePrediction);
            }
        }
    }

    for (int i = 0; i < options.notes; ++i) {
        const bool markdown = i % 2 == 1;
        const Note note = makeNote(random, markdown);
        const QString path = dir.filePath(
                QStringLiteral("note-%1.%2")
                        .arg(i + 1, 3, 10, QLatin1Char('0'))
                        .arg(markdown ? QStringLiteral("md") : QStringLiteral("txt")));
        if (!writeBytes(path, note.text.toUtf8())) {
            set.errors.append(DocumentError::make(DocumentError::Code::NotFound, path,
                                                  tr("the note cannot be written")));
            continue;
        }
        set.textDocuments.append(path);
        DocumentPrediction prediction;
        prediction.sample = DocumentPredictionLog::samplePath(set.folder, path);
        prediction.model = QStringLiteral("notes-ner@1");
        prediction.label
                = markdown ? QStringLiteral("discharge_summary") : QStringLiteral("follow_up_note");
        prediction.confidence = uniform(random, 0.6, 0.99);
        prediction.objects = note.spans;
        predictions.append(prediction);
    }

    if (options.runOcr) {
        const OcrRunner runner;
        if (!runner.isAvailable()) {
            set.ocrNote = runner.availabilityError().message();
        } else {
            const QString model = runner.modelKey();
            for (int i = 0; i < pageImages.size(); ++i) {
                const QString &path = pageImages.at(i).path;
                say(tr("Reading %1 with Tesseract (%2 of %3)")
                            .arg(QFileInfo(path).fileName())
                            .arg(i + 1)
                            .arg(pageImages.size()));
                const OcrWords words = runner.recognise(path);
                if (words.error) {
                    set.errors.append(words.error);
                    continue;
                }
                DocumentPrediction prediction;
                prediction.sample = DocumentPredictionLog::samplePath(set.folder, path);
                prediction.model = model;
                prediction.objects = words.words;
                predictions.append(prediction);
                ++set.ocrPageCount;
                set.ocrWordCount += words.words.size();
            }
        }
    } else {
        set.ocrNote = tr("OCR was not asked for");
    }

    set.predictionLog = dir.filePath(QStringLiteral("predictions.jsonl"));
    if (const DocumentError error = DocumentPredictionLog::write(set.predictionLog, predictions))
        set.errors.append(error);
    else
        set.predictionCount = predictions.size();
    return set;
}

DocumentError DemoDocuments::writeSimplePdf(const QString &path, int pages)
{
    if (const DocumentError error = needsGuiApplication(path))
        return error;
    QPdfWriter writer(path);
    writer.setResolution(72);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setCreator(QStringLiteral("Boucle"));
    QPainter painter;
    if (!painter.begin(&writer))
        return DocumentError::make(DocumentError::Code::NotFound, path,
                                   tr("the PDF cannot be written"));
    const QFont heading = font("DejaVu Sans", 18, true);
    const QFont body = font("DejaVu Serif", 10);
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        drawText(painter, {60, 70}, tr("Report page %1 of %2").arg(page + 1).arg(pages), heading);
        qreal y = 110;
        for (int line = 0; line < 48; ++line) {
            drawText(painter, {60, y},
                     QStringLiteral("Line %1: measured value %2, reference range 3.5 to 5.1, "
                                    "reviewed and signed.")
                             .arg(line + 1)
                             .arg((page * 31 + line * 7) % 97 / 10.0, 0, 'f', 1),
                     body);
            y += 14;
        }
        painter.setPen(QPen(Qt::gray, 0.5));
        for (int column = 0; column < 5; ++column)
            painter.drawRect(QRectF(60 + column * 95, 790, 90, 20));
        painter.setPen(Qt::black);
    }
    painter.end();
    return {};
}

} // namespace Boucle
