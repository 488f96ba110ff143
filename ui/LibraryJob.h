#pragma once

#include "library/Library.h"
#include "library/LibraryLocation.h"

#include <QObject>

#include <atomic>
#include <functional>

class QThread;

namespace br::ui {

// Work on the library (an import, an export) run on a thread of its own with a connection of its
// own, so the window stays responsive; cancel() asks the work to stop at its next step. A job
// reports through queued signals of its own class; each job's destructor cancels and waits
// (here it would be too late: the job's own members are gone by then).
class LibraryJob : public QObject
{
    Q_OBJECT

public:
    void cancel() { m_cancel = true; }
    bool isCancelled() const { return m_cancel; }
    bool isRunning() const;
    // Blocks until the worker has finished (used when the window closes mid-job).
    void wait();

protected:
    // `readOnly`: the job only reads the library (an export), on a read-only connection.
    LibraryJob(LibraryLocation library, bool readOnly, QObject *parent);
    ~LibraryJob() override;

    // Runs `work` on the job's thread, or `unopened` with the reason the library did not open.
    void startWith(const QString &name, std::function<void(Library &)> work,
                   std::function<void(const QString &error)> unopened);
    const std::atomic_bool *cancelFlag() const { return &m_cancel; }

private:
    LibraryLocation m_library; // opened on the job's own thread
    bool m_readOnly;
    std::atomic_bool m_cancel = false;
    QThread *m_thread = nullptr;
};

} // namespace br::ui
