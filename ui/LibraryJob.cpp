#include "LibraryJob.h"

#include <QThread>

namespace br::ui {

LibraryJob::LibraryJob(LibraryLocation library, bool readOnly, QObject *parent)
    : QObject(parent), m_library(std::move(library)), m_readOnly(readOnly)
{
}

LibraryJob::~LibraryJob()
{
    wait();
}

void LibraryJob::startWith(const QString &name, std::function<void(Library &)> work,
                           std::function<void(const QString &error)> unopened)
{
    m_thread = QThread::create([this, work = std::move(work), unopened = std::move(unopened)] {
        Result<std::unique_ptr<Library>> library = Library::open(m_library, m_readOnly);
        if (!library) {
            unopened(library.errorMessage());
            return;
        }
        work(*library.value());
    });
    m_thread->setObjectName(name);
    m_thread->start();
}

bool LibraryJob::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void LibraryJob::wait()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
}

} // namespace br::ui
