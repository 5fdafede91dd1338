// ConfusionMatrix: the model's predictions against the labels reviewers settled on, and the
// per-class numbers a lead reads from it (reviewed count, error rate with its Wilson interval,
// precision, recall, the classes each one is mistaken for). Built from weighted outcomes so that
// the store can hand over grouped counts and a test can hand over single samples.
// A plain value; any thread.
#pragma once

#include "rateestimate.h"

#include <QList>
#include <QStringList>
#include <QVector>

#include <optional>

namespace Boucle {

// One reviewed sample (or `count` identical ones). Indices point into the class list; -1 means
// "no label" (the model gave none), which counts as an error of the reviewed class.
struct ClassOutcome
{
    int predicted = -1;
    int reviewed = -1;
    qint64 count = 1;
};

struct Confusion
{
    int predicted = -1;
    QString predictedName;
    qint64 count = 0;
};

struct ClassErrors
{
    int index = -1;
    QString name;
    qint64 reviewed = 0;  // samples whose reviewed label is this class
    qint64 predicted = 0; // reviewed samples the model put in this class
    qint64 correct = 0;
    RateEstimate errorRate;          // share of this class's reviewed samples the model got wrong
    std::optional<double> precision; // none when the model never predicted the class
    std::optional<double> recall;    // none when no reviewed sample has the class
    QList<Confusion> topConfusions;  // what the model said instead, most frequent first
};

class ConfusionMatrix
{
public:
    ConfusionMatrix() = default;
    ConfusionMatrix(const QStringList &classNames, const QList<ClassOutcome> &outcomes);

    const QStringList &classNames() const { return m_classNames; }
    int classCount() const { return int(m_classNames.size()); }
    // Rows are reviewed labels, columns predictions.
    qint64 cell(int reviewed, int predicted) const;
    qint64 unpredicted(int reviewed) const; // reviewed samples the model gave no label
    qint64 total() const { return m_total; }
    qint64 correct() const { return m_correct; }
    RateEstimate accuracy() const { return RateEstimate::wilson(m_correct, m_total); }
    RateEstimate errorRate() const { return RateEstimate::wilson(m_total - m_correct, m_total); }
    qint64 largestCell() const;

    QList<ClassErrors> perClass(int topConfusions = 3) const;

private:
    QStringList m_classNames;
    QVector<qint64> m_cells; // classCount x classCount, row-major (reviewed, predicted)
    QVector<qint64> m_unpredicted;
    qint64 m_total = 0;
    qint64 m_correct = 0;
};

} // namespace Boucle
