#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

namespace br::ui {

class Workspace;

// Shows what others do to the open library: every kIntervalMs it asks the library whether
// another connection committed a change (another window or the command line on the same file, a
// colleague on the same server: Library::changesByOthers) and, when one did, has the workspace
// show the library anew. While `busy` says so — a person typing a note — the change waits, so
// nothing moves under the cursor.
class OthersWatcher final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kIntervalMs = 1500;

    OthersWatcher(Workspace &workspace, std::function<bool()> busy, QObject *parent = nullptr);

    // Asks now, without waiting for the timer (tests, and after the person stops typing).
    void check();
    // What the library holds now counts as seen: this window's own work done on a connection of
    // its own (an import) is not somebody else's.
    void acknowledge();

private:
    Workspace &m_workspace;
    std::function<bool()> m_busy;
    QTimer m_timer;
    qint64 m_seen = -1;
};

} // namespace br::ui
