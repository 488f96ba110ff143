#include "ExportJob.h"

#include "library/Library.h"

#include <QThread>

namespace br::ui {

ExportJob::ExportJob(LibraryLocation library, Request request, QObject *parent)
    : QObject(parent), m_library(std::move(library)), m_request(std::move(request))
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
    m_thread = QThread::create([this] {
        Result<std::unique_ptr<Library>> library = Library::open(m_library);
        if (!library) {
            Q_EMIT finished(ExportCount(), library.errorMessage());
            return;
        }
        ExportWatch watch;
        watch.progress = [this](qint64 done, qint64 total) { Q_EMIT progress(done, total); };
        watch.cancel = &m_cancel;
        const Result<ExportCount> written =
            exportRecord(*library.value(), m_request.filter, m_request.path, m_request.format,
                         m_request.notes, watch);
        Q_EMIT finished(written ? written.value() : ExportCount(), written.errorMessage());
    });
    m_thread->setObjectName(QStringLiteral("export"));
    m_thread->start();
}

void ExportJob::cancel()
{
    m_cancel = true;
}

void ExportJob::wait()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
}

} // namespace br::ui
