#include "confusionmatrix.h"

#include <algorithm>

namespace Boucle {

ConfusionMatrix::ConfusionMatrix(const QStringList &classNames, const QList<ClassOutcome> &outcomes)
    : m_classNames(classNames)
    , m_cells(qsizetype(classNames.size()) * classNames.size(), 0)
    , m_unpredicted(classNames.size(), 0)
{
    const int n = classCount();
    for (const auto &outcome : outcomes) {
        // A sample without a reviewed label has nothing to be compared with.
        if (outcome.reviewed < 0 || outcome.reviewed >= n || outcome.count <= 0)
            continue;
        m_total += outcome.count;
        if (outcome.predicted < 0 || outcome.predicted >= n) {
            m_unpredicted[outcome.reviewed] += outcome.count;
            continue;
        }
        m_cells[qsizetype(outcome.reviewed) * n + outcome.predicted] += outcome.count;
        if (outcome.predicted == outcome.reviewed)
            m_correct += outcome.count;
    }
}

qint64 ConfusionMatrix::cell(int reviewed, int predicted) const
{
    const int n = classCount();
    if (reviewed < 0 || reviewed >= n || predicted < 0 || predicted >= n)
        return 0;
    return m_cells.at(qsizetype(reviewed) * n + predicted);
}

qint64 ConfusionMatrix::unpredicted(int reviewed) const
{
    return reviewed >= 0 && reviewed < classCount() ? m_unpredicted.at(reviewed) : 0;
}

qint64 ConfusionMatrix::largestCell() const
{
    return m_cells.isEmpty() ? 0 : *std::max_element(m_cells.cbegin(), m_cells.cend());
}

QList<ClassErrors> ConfusionMatrix::perClass(int topConfusions) const
{
    const int n = classCount();
    QList<ClassErrors> rows;
    rows.reserve(n);
    for (int c = 0; c < n; ++c) {
        ClassErrors row;
        row.index = c;
        row.name = m_classNames.at(c);
        row.correct = cell(c, c);
        row.reviewed = m_unpredicted.at(c);
        for (int p = 0; p < n; ++p) {
            row.reviewed += cell(c, p);
            row.predicted += cell(p, c);
        }
        row.errorRate = RateEstimate::wilson(row.reviewed - row.correct, row.reviewed);
        if (row.predicted > 0)
            row.precision = double(row.correct) / double(row.predicted);
        if (row.reviewed > 0)
            row.recall = double(row.correct) / double(row.reviewed);

        QList<Confusion> confusions;
        for (int p = 0; p < n; ++p) {
            if (p != c && cell(c, p) > 0)
                confusions.append({p, m_classNames.at(p), cell(c, p)});
        }
        // Most frequent first; ties keep the class order so the table is stable.
        std::stable_sort(confusions.begin(), confusions.end(),
                         [](const Confusion &a, const Confusion &b) { return a.count > b.count; });
        if (topConfusions >= 0 && confusions.size() > topConfusions)
            confusions.resize(topConfusions);
        row.topConfusions = confusions;
        rows.append(row);
    }
    return rows;
}

} // namespace Boucle
