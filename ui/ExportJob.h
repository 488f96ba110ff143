#pragma once

#include "exchange/RecordExport.h"
#include "library/LibraryLocation.h"

#include <QObject>
#include <QString>

#include <atomic>

class QThread;

namespace br::ui {

// Exports the record on a worker thread with its own connection to the library (as ImportJob
// imports), so the window stays responsive while tens of thousands of rows are written; reports
// progress and the outcome through queued signals, and leaves no file when cancelled.
class ExportJob final : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        ArticleFilter filter;
        QString path;
        QString format;
        bool notes = false;
    };
    ExportJob(LibraryLocation library, Request request, QObject *parent = nullptr);
    ~ExportJob() override;

    const Request &request() const { return m_request; }
    void start();
    void cancel();
    // Blocks until the worker has finished (used when the window closes mid-export).
    void wait();

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    // `error` is empty when the file was written.
    void finished(const br::ExportCount &count, const QString &error);

private:
    LibraryLocation m_library; // opened on the export's own thread
    Request m_request;
    std::atomic_bool m_cancel = false;
    QThread *m_thread = nullptr;
};

} // namespace br::ui

Q_DECLARE_METATYPE(br::ExportCount)
