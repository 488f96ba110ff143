#pragma once

// For the GUI tests: a window's export, which runs in the background, waited for.
#include "ui/MainWindow.h"

#include <QSignalSpy>

namespace br::test {

// Starts the export and waits for it: true when the file was written.
inline bool exportAndWait(ui::MainWindow &window, const QString &path, const QString &format,
                          bool notes)
{
    QSignalSpy finished(&window, &ui::MainWindow::exportFinished);
    if (!window.exportRecordTo(path, format, notes) || !finished.wait(60000))
        return false;
    return finished.front().front().toBool();
}

inline bool exportAndWait(ui::MainWindow &window, const QString &path)
{
    return exportAndWait(window, path, exportFormatFromSuffix(path), false);
}

} // namespace br::test
