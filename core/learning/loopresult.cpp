// LoopResult's files: the accuracy curves as CSV and as a PNG chart.
#include "loopsimulation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

namespace Boucle {

namespace {

bool ensureFolder(const QString &path, QString *error)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (QDir().mkpath(folder))
        return true;
    if (error)
        *error = QCoreApplication::translate("Boucle::LoopResult", "cannot create the folder %1")
                         .arg(folder);
    return false;
}

bool writeText(const QString &path, const QString &text, QString *error)
{
    if (!ensureFolder(path, error))
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = QCoreApplication::translate("Boucle::LoopResult", "cannot write %1: %2")
                             .arg(path, file.errorString());
        return false;
    }
    file.write(text.toUtf8());
    if (!file.commit()) {
        if (error)
            *error = QCoreApplication::translate("Boucle::LoopResult", "cannot write %1: %2")
                             .arg(path, file.errorString());
        return false;
    }
    return true;
}

// Colours that stay distinct for the six strategies (BGR for OpenCV).
const cv::Scalar LineColours[] = {
        {128, 128, 128}, {40, 120, 230}, {60, 160, 40},
        {180, 90, 30},   {150, 50, 170}, {30, 30, 200},
};

} // namespace

bool LoopResult::writeCsv(const QString &curvePath, const QString &summaryPath,
                          QString *error) const
{
    QString curve;
    QTextStream curveOut(&curve);
    curveOut << "labels";
    for (const auto kind : strategies)
        curveOut << ',' << AcquisitionStrategy::name(kind);
    curveOut << '\n';
    for (std::size_t i = 0; i < labelCounts.size(); ++i) {
        curveOut << labelCounts[i];
        for (std::size_t k = 0; k < accuracy.size(); ++k)
            curveOut << ',' << QString::number(accuracy[k][i], 'f', 5);
        curveOut << '\n';
    }
    curveOut.flush();
    if (!writeText(curvePath, curve, error))
        return false;

    QString summary;
    QTextStream summaryOut(&summary);
    summaryOut << "strategy,labels_to_target,saving_vs_random,final_accuracy,full_pool_accuracy,"
                  "target_accuracy\n";
    for (int k = 0; k < strategies.size(); ++k) {
        const int labels = labelsToTarget(k);
        const double saving = savingVsRandom(k);
        summaryOut << AcquisitionStrategy::name(strategies.at(k)) << ','
                   << (labels > 0 ? QString::number(labels) : QString()) << ','
                   << (std::isnan(saving) ? QString() : QString::number(saving, 'f', 4)) << ','
                   << QString::number(accuracy[static_cast<std::size_t>(k)].back(), 'f', 5) << ','
                   << QString::number(fullPoolAccuracy, 'f', 5) << ','
                   << QString::number(target(), 'f', 5) << '\n';
    }
    summaryOut.flush();
    return writeText(summaryPath, summary, error);
}

bool LoopResult::writeChart(const QString &path, QString *error) const
{
    if (labelCounts.empty() || accuracy.empty()) {
        if (error)
            *error = QCoreApplication::translate(
                    "Boucle::LoopResult", "nothing to chart: the simulation produced no step");
        return false;
    }
    constexpr int Width = 1000;
    constexpr int Height = 600;
    constexpr int Left = 80;
    constexpr int Right = 250;
    constexpr int Top = 50;
    constexpr int Bottom = 70;
    cv::Mat image(Height, Width, CV_8UC3, cv::Scalar(255, 255, 255));
    const int plotWidth = Width - Left - Right;
    const int plotHeight = Height - Top - Bottom;

    double low = target();
    double high = fullPoolAccuracy;
    for (const auto &curve : accuracy) {
        for (const double value : curve) {
            low = std::min(low, value);
            high = std::max(high, value);
        }
    }
    low = std::floor(low * 20.0) / 20.0;
    high = std::min(1.0, std::ceil(high * 50.0) / 50.0 + 0.01);
    const double xMax = labelCounts.back();
    auto toPoint = [&](double labels, double value) {
        const int x = Left + static_cast<int>(std::lround(labels / xMax * plotWidth));
        const int y
                = Top + static_cast<int>(std::lround((high - value) / (high - low) * plotHeight));
        return cv::Point(x, y);
    };
    const auto font = cv::FONT_HERSHEY_SIMPLEX;
    const cv::Scalar ink(40, 40, 40);
    const cv::Scalar grid(225, 225, 225);

    // Grid, ticks and tick labels.
    for (int i = 0; i <= 5; ++i) {
        const double value = low + (high - low) * i / 5.0;
        const cv::Point p = toPoint(0, value);
        cv::line(image, p, cv::Point(Left + plotWidth, p.y), grid, 1, cv::LINE_AA);
        cv::putText(image, QString::number(value * 100.0, 'f', 1).toStdString(),
                    cv::Point(Left - 60, p.y + 5), font, 0.45, ink, 1, cv::LINE_AA);
    }
    for (int i = 0; i <= 5; ++i) {
        const double labels = xMax * i / 5.0;
        const cv::Point p = toPoint(labels, low);
        cv::line(image, cv::Point(p.x, Top), p, grid, 1, cv::LINE_AA);
        cv::putText(image, QString::number(std::lround(labels)).toStdString(),
                    cv::Point(p.x - 15, p.y + 20), font, 0.45, ink, 1, cv::LINE_AA);
    }
    cv::rectangle(image, cv::Point(Left, Top), cv::Point(Left + plotWidth, Top + plotHeight), ink,
                  1);
    cv::putText(image, QCoreApplication::translate("Boucle::LoopResult", "Labels").toStdString(),
                cv::Point(Left + plotWidth / 2 - 25, Height - 20), font, 0.55, ink, 1, cv::LINE_AA);
    cv::putText(image,
                QCoreApplication::translate("Boucle::LoopResult", "Held-out accuracy (%)")
                        .toStdString(),
                cv::Point(10, Top - 15), font, 0.55, ink, 1, cv::LINE_AA);
    cv::putText(image,
                QCoreApplication::translate("Boucle::LoopResult",
                                            "Active learning on %1: mean of %2 seeds")
                        .arg(dataset)
                        .arg(seeds)
                        .toStdString(),
                cv::Point(Left + 150, 25), font, 0.6, ink, 1, cv::LINE_AA);

    // The target: 99 % of the accuracy on the whole pool, dashed.
    const int targetY = toPoint(0, target()).y;
    for (int x = Left; x < Left + plotWidth; x += 12)
        cv::line(image, cv::Point(x, targetY),
                 cv::Point(std::min(x + 6, Left + plotWidth), targetY), cv::Scalar(0, 0, 0), 1,
                 cv::LINE_AA);
    cv::putText(image,
                QCoreApplication::translate("Boucle::LoopResult", "99% of the full-pool accuracy")
                        .toStdString(),
                cv::Point(Left + plotWidth - 250, targetY + 16), font, 0.4, ink, 1, cv::LINE_AA);

    for (std::size_t k = 0; k < accuracy.size(); ++k) {
        const cv::Scalar colour = LineColours[k % std::size(LineColours)];
        std::vector<cv::Point> points;
        for (std::size_t i = 0; i < labelCounts.size(); ++i)
            points.push_back(toPoint(labelCounts[i], std::max(low, accuracy[k][i])));
        cv::polylines(image, points, false, colour, 2, cv::LINE_AA);
        // Legend.
        const int y = Top + 40 + static_cast<int>(k) * 24;
        const int x = Left + plotWidth + 12;
        cv::line(image, cv::Point(x, y), cv::Point(x + 24, y), colour, 3, cv::LINE_AA);
        const int labels = labelsToTarget(static_cast<int>(k));
        const QString text = AcquisitionStrategy::name(strategies.at(static_cast<int>(k)))
                             + (labels > 0 ? QStringLiteral(" (%1)").arg(labels) : QString());
        cv::putText(image, text.toStdString(), cv::Point(x + 30, y + 5), font, 0.45, ink, 1,
                    cv::LINE_AA);
    }

    if (!ensureFolder(path, error))
        return false;
    bool written = false;
    try {
        written = cv::imwrite(QFile::encodeName(path).toStdString(), image);
    } catch (const cv::Exception &) {
        written = false;
    }
    if (!written && error)
        *error = QCoreApplication::translate("Boucle::LoopResult", "cannot write the chart %1")
                         .arg(path);
    return written;
}

} // namespace Boucle
