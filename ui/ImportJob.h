#pragma once

#include "LibraryJob.h"
#include "library/Importer.h"

#include <QStringList>

namespace br::ui {

// Imports files and folders in the background (see LibraryJob); reports progress and the outcome
// through queued signals and stops between two pages when cancelled.
class ImportJob final : public LibraryJob
{
    Q_OBJECT

public:
    ImportJob(LibraryLocation library, QStringList paths, QObject *parent = nullptr);
    ~ImportJob() override;

    void start();

Q_SIGNALS:
    void progress(int done, int total, const QString &path);
    // Another program or person holds the library's write lock; the import waits for it.
    void waiting(const QString &holder);
    void finished(const br::ImportReport &report, const QString &error);

private:
    QStringList m_paths;
};

} // namespace br::ui

Q_DECLARE_METATYPE(br::ImportReport)
