#include "ImportJob.h"

#include "exchange/AnyImport.h"

namespace br::ui {

ImportJob::ImportJob(LibraryLocation library, QStringList paths, QObject *parent)
    : LibraryJob(std::move(library), false, parent), m_paths(std::move(paths))
{
    qRegisterMetaType<br::ImportReport>();
}

ImportJob::~ImportJob()
{
    cancel();
    wait();
}

void ImportJob::start()
{
    startWith(
        QStringLiteral("import"),
        [this](Library &library) {
            Importer::Watch watch;
            watch.progress = [this](int done, int total, const QString &path) {
                Q_EMIT progress(done, total, path);
            };
            watch.waiting = [this](const QString &holder) { Q_EMIT waiting(holder); };
            watch.cancel = cancelFlag();
            const AnyImportReport report = importAny(library, m_paths, watch);
            Q_EMIT finished(report.pages, QString());
        },
        [this](const QString &error) { Q_EMIT finished(ImportReport(), error); });
}

} // namespace br::ui
