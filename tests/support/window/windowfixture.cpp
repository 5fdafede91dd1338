#include "windowfixture.h"

#include "imaging/sampleprefetcher.h"

#include <QApplication>
#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

namespace Boucle::Testing {

void WindowFixture::isolateSettings(const QString &suiteName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BoucleTests"));
    QCoreApplication::setApplicationName(suiteName);
}

bool WindowFixture::prepare(const QString &reviewer)
{
    reset();
    QSettings().clear();
    QSettings().setValue(QStringLiteral("reviewer"), reviewer);
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid())
        return false;
    m_projectPath = m_dir->filePath(QStringLiteral("review.boucle"));
    return true;
}

void WindowFixture::reset()
{
    m_window.reset();
    m_dir.reset();
    m_projectPath.clear();
}

QString WindowFixture::folder() const
{
    return m_dir ? m_dir->path() : QString();
}

QString WindowFixture::filePath(const QString &name) const
{
    return m_dir ? m_dir->filePath(name) : QString();
}

StoreError WindowFixture::createProject(const std::function<StoreError(ProjectStore &)> &fill)
{
    ProjectStore store;
    if (StoreError error = store.create(m_projectPath, folder()))
        return error;
    return fill ? fill(store) : StoreError();
}

StoreError WindowFixture::openWindow(QSize size)
{
    if (!showWindow(size))
        return StoreError::make(StoreError::Code::Failed,
                                QStringLiteral("the window never became active"));
    return openProject();
}

bool WindowFixture::showWindow(QSize size)
{
    m_window.reset();
    m_window = std::make_unique<MainWindow>();
    m_window->resize(size);
    m_window->show();
    m_window->activateWindow();
    return QTest::qWaitForWindowActive(m_window.get());
}

StoreError WindowFixture::openProject()
{
    if (!m_window)
        return StoreError::make(StoreError::Code::Failed, QStringLiteral("no window to open in"));
    StoreError error = m_window->openProject(m_projectPath);
    settle();
    return error;
}

void WindowFixture::closeWindow()
{
    if (m_window)
        m_window->close();
    m_window.reset();
}

void WindowFixture::settle()
{
    if (!m_window)
        return;
    m_window->prefetcher()->waitForDone();
    QCoreApplication::processEvents();
}

void WindowFixture::press(int key, Qt::KeyboardModifiers modifiers)
{
    // After a dialog closes the offscreen platform leaves no window active, where a desktop
    // gives the focus back to the window: do what the desktop does.
    if (!QApplication::activeWindow() && m_window) {
        m_window->activateWindow();
        (void) QTest::qWaitForWindowActive(m_window.get());
    }
    QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get();
    QTest::keyClick(target, Qt::Key(key), modifiers);
    QCoreApplication::processEvents();
}

void WindowFixture::typeText(const QString &text)
{
    QTest::keyClicks(QApplication::focusWidget(), text);
}

QString WindowFixture::labelOnDisk(SampleId sample) const
{
    ProjectStore other;
    if (other.open(m_projectPath, ProjectStore::OpenMode::ReadOnly))
        return {};
    return other.currentLabel(sample);
}

ReviewStatus WindowFixture::statusOnDisk(BatchItemId item) const
{
    ProjectStore other;
    if (other.open(m_projectPath, ProjectStore::OpenMode::ReadOnly))
        return ReviewStatus::Pending;
    const auto record = other.batchItem(item);
    return record ? record->status : ReviewStatus::Pending;
}

QList<ReviewRecord> WindowFixture::reviewsOnDisk(BatchItemId item) const
{
    ProjectStore other;
    if (other.open(m_projectPath, ProjectStore::OpenMode::ReadOnly))
        return {};
    return other.reviewsForBatchItem(item);
}

} // namespace Boucle::Testing
