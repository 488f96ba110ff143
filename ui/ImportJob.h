#pragma once

#include "library/Importer.h"
#include "library/LibraryLocation.h"

#include <QObject>
#include <QStringList>

#include <atomic>

class QThread;

namespace br::ui {

// Imports files and folders on a worker thread with its own connection to the library, so the
// window stays responsive; reports progress and the outcome through queued signals and stops
// between two pages when cancelled.
class ImportJob final : public QObject
{
    Q_OBJECT

public:
    ImportJob(LibraryLocation library, QStringList paths, QObject *parent = nullptr);
    ~ImportJob() override;

    void start();
    void cancel();
    bool isRunning() const;
    // Blocks until the worker has finished (used when the window closes mid-import).
    void wait();

Q_SIGNALS:
    void progress(int done, int total, const QString &path);
    // Another program or person holds the library's write lock; the import waits for it.
    void waiting(const QString &holder);
    void finished(const br::ImportReport &report, const QString &error);

private:
    LibraryLocation m_library; // opened on the import's own thread
    QStringList m_paths;
    std::atomic_bool m_cancel = false;
    QThread *m_thread = nullptr;
};

} // namespace br::ui

Q_DECLARE_METATYPE(br::ImportReport)
