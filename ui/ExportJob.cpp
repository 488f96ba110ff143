#include "ExportJob.h"

namespace br::ui {

ExportJob::ExportJob(LibraryLocation library, Request request, QObject *parent)
    : LibraryJob(std::move(library), true, parent), m_request(std::move(request))
{
    qRegisterMetaType<br::ExportCount>();
}

ExportJob::~ExportJob()
{
    cancel();
    wait();
}

void ExportJob::start()
{
    startWith(
        QStringLiteral("export"),
        [this](Library &library) {
            ExportWatch watch;
            watch.progress = [this](qint64 done, qint64 total) { Q_EMIT progress(done, total); };
            watch.cancel = cancelFlag();
            const Result<ExportCount> written =
                exportRecord(library, m_request.filter, m_request.path, m_request.format,
                             m_request.notes, watch);
            Q_EMIT finished(written ? written.value() : ExportCount(), written.errorMessage());
        },
        [this](const QString &error) { Q_EMIT finished(ExportCount(), error); });
}

} // namespace br::ui
