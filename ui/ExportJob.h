#pragma once

#include "LibraryJob.h"
#include "exchange/RecordExport.h"

#include <QString>

namespace br::ui {

// Exports the record in the background (see LibraryJob), so the window stays responsive while
// tens of thousands of rows are written; leaves no file when cancelled.
class ExportJob final : public LibraryJob
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

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    // `error` is empty when the file was written.
    void finished(const br::ExportCount &count, const QString &error);

private:
    Request m_request;
};

} // namespace br::ui

Q_DECLARE_METATYPE(br::ExportCount)
