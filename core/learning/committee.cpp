#include "committee.h"

namespace Boucle {

int CommitteePrediction::topClass(int row) const
{
    cv::Point location;
    cv::minMaxLoc(probabilities.row(row), nullptr, nullptr, nullptr, &location);
    return location.x;
}

float CommitteePrediction::confidence(int row) const
{
    double top = 0;
    cv::minMaxLoc(probabilities.row(row), nullptr, &top);
    return static_cast<float>(top);
}

std::vector<int> CommitteePrediction::topClasses() const
{
    std::vector<int> classes(static_cast<std::size_t>(probabilities.rows));
    for (int i = 0; i < probabilities.rows; ++i)
        classes[static_cast<std::size_t>(i)] = topClass(i);
    return classes;
}

int CommitteePrediction::memberTopClass(int member, int row) const
{
    cv::Point location;
    cv::minMaxLoc(memberProbabilities[static_cast<std::size_t>(member)].row(row), nullptr, nullptr,
                  nullptr, &location);
    return location.x;
}

std::vector<Committee::Kind> Committee::defaultKinds()
{
    return {Kind::Svm, Kind::Knn, Kind::Forest};
}

CommitteeMember::Parameters Committee::parametersFor(const QString &dataset)
{
    CommitteeMember::Parameters parameters;
    if (dataset == QLatin1String("letters")) {
        parameters.svmC = 10.0;
        parameters.svmGamma = 0.2;
        parameters.neighbours = 5;
        parameters.hiddenUnits = 64;
    }
    return parameters;
}

Committee::Committee(int classCount, std::vector<Kind> kinds,
                     CommitteeMember::Parameters parameters)
    : m_classCount(classCount)
{
    for (const Kind kind : kinds)
        m_members.push_back(CommitteeMember::create(kind, parameters));
}

Committee::Committee(Committee &&) noexcept = default;
Committee &Committee::operator=(Committee &&) noexcept = default;
Committee::~Committee() = default;

QStringList Committee::memberNames() const
{
    QStringList names;
    for (const auto &member : m_members)
        names.append(member->name());
    return names;
}

void Committee::train(const cv::Mat &features, const std::vector<int> &labels)
{
    for (auto &member : m_members)
        member->train(features, labels, m_classCount);
    m_trained = true;
}

CommitteePrediction Committee::predict(const cv::Mat &features) const
{
    CommitteePrediction prediction;
    prediction.probabilities = cv::Mat::zeros(features.rows, m_classCount, CV_32F);
    prediction.memberNames = memberNames();
    for (const auto &member : m_members) {
        cv::Mat probabilities = member->predictProbabilities(features);
        prediction.probabilities += probabilities;
        prediction.memberProbabilities.push_back(std::move(probabilities));
    }
    if (!m_members.empty())
        prediction.probabilities /= static_cast<double>(m_members.size());
    return prediction;
}

} // namespace Boucle
