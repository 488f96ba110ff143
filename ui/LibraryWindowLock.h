#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace br::ui {

// One window per library on this machine's session. A second window on the same library would be
// a second writer with its own file dialogs and imports, a second chance to break SQLite's locks
// (see NameOnlyIconProvider) and a second undo history that knows nothing of the first. So the
// first window listens on a local socket named after the library's canonical path; a program
// started on the same library finds it there, asks it to come to the front, and ends.
class LibraryWindowLock final : public QObject
{
    Q_OBJECT
public:
    explicit LibraryWindowLock(const QString &libraryPath, QObject *parent = nullptr);

    // Makes this process the library's window and listens for later starts on it; false when
    // another window has the library (it was asked to come forward) and this start should end.
    // Called before the library is opened, so that two starts in quick succession cannot both
    // become its window.
    bool claim();

Q_SIGNALS:
    void activationRequested();

private:
    bool handOver() const;

    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace br::ui
