#include "OthersWatcher.h"

#include "Workspace.h"

namespace br::ui {

OthersWatcher::OthersWatcher(Workspace &workspace, std::function<bool()> busy, QObject *parent)
    : QObject(parent), m_workspace(workspace), m_busy(std::move(busy))
{
    if (const Result<qint64> now = m_workspace.library().changesByOthers())
        m_seen = now.value();
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &OthersWatcher::check);
    m_timer.start();
}

void OthersWatcher::acknowledge()
{
    if (const Result<qint64> now = m_workspace.library().changesByOthers())
        m_seen = now.value();
}

void OthersWatcher::check()
{
    if (m_busy && m_busy())
        return;
    const Result<qint64> now = m_workspace.library().changesByOthers();
    if (!now || now.value() == m_seen)
        return; // a connection that cannot be asked just shows no one else's work
    m_seen = now.value();
    m_workspace.notifyChangedElsewhere();
}

} // namespace br::ui
