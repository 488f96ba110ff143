#include "ImportJob.h"

#include "exchange/AnyImport.h"
#include "library/Library.h"

#include <QThread>

namespace br::ui {

ImportJob::ImportJob(LibraryLocation library, QStringList paths, QObject *parent)
    : QObject(parent), m_library(std::move(library)), m_paths(std::move(paths))
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
    m_thread = QThread::create([this] {
        Result<std::unique_ptr<Library>> library = Library::open(m_library);
        if (!library) {
            Q_EMIT finished(ImportReport(), library.errorMessage());
            return;
        }
        Importer::Watch watch;
        watch.progress = [this](int done, int total, const QString &path) {
            Q_EMIT progress(done, total, path);
        };
        watch.waiting = [this](const QString &holder) { Q_EMIT waiting(holder); };
        watch.cancel = &m_cancel;
        const AnyImportReport report = importAny(*library.value(), m_paths, watch);
        Q_EMIT finished(report.pages, QString());
    });
    m_thread->setObjectName(QStringLiteral("import"));
    m_thread->start();
}

void ImportJob::cancel()
{
    m_cancel = true;
}

bool ImportJob::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void ImportJob::wait()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
}

} // namespace br::ui
