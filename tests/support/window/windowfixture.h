// One review window over a temporary project, for the GUI tests: the settings isolated, the
// reviewer named, the project made by the test, the window shown at a chosen size and the first
// sample prepared; keys pressed where a person's focus would be; what is on disk read through a
// second connection, as another process would see it. Test thread only.
#pragma once

#include "mainwindow.h"
#include "store/projectstore.h"

#include <QSize>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace Boucle::Testing {

class WindowFixture
{
public:
    // Test mode for QStandardPaths and an application name of the suite's own, so the suites
    // never share settings. Call from initTestCase().
    static void isolateSettings(const QString &suiteName);

    // A fresh folder and project path; settings cleared and `reviewer` remembered. Call from
    // init(). False when the folder cannot be made.
    bool prepare(const QString &reviewer = QStringLiteral("ada"));
    // Closes the window before the folder goes. Call from cleanup().
    void reset();

    QString folder() const;
    QString projectPath() const { return m_projectPath; }
    QString filePath(const QString &name) const;

    // Creates the project file and lets `fill` write into it (classes, samples, a batch…).
    StoreError createProject(const std::function<StoreError(ProjectStore &)> &fill);

    // Shows a window of `size`, waits until it is active, opens the project and waits for the
    // first sample. The error is the project's, if it would not open. A window already open goes
    // first (destroyed, not closed), so the new one reads the settings (the reviewer) as they are.
    StoreError openWindow(QSize size = QSize(1400, 860));
    // A window with no project yet, shown and active; false when it never became active.
    bool showWindow(QSize size = QSize(1400, 860));
    // Opens the project in the window showWindow() made, and waits for the first sample.
    StoreError openProject();
    // Closes the window as a person does (it saves its settings) and destroys it.
    void closeWindow();
    MainWindow *window() const { return m_window.get(); }

    // Lets the prefetcher and the event loop finish what the last step started.
    void settle();
    // A key as a person presses it: to the focused widget, else to the window.
    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    // Text typed into the focused widget (a comment, a class search).
    void typeText(const QString &text);

    // What another process sees in the project file.
    QString labelOnDisk(SampleId sample) const;
    ReviewStatus statusOnDisk(BatchItemId item) const;
    QList<ReviewRecord> reviewsOnDisk(BatchItemId item) const;

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_projectPath;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace Boucle::Testing
