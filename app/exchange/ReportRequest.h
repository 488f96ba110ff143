#pragma once

#include "core/Result.h"

#include <QString>

#include <functional>

namespace br {

class Library;

// What a coverage report covers: rows by `by`, one campaign or all, suggestions counted or not.
struct ReportRequest
{
    QString by = QStringLiteral("county");
    QString campaign;
    bool countSuggested = false;
    bool withNotes = true; // a last part lists every highlight and note, article by article
};

// Writes the printable PDF report of `request` to `path`. The PDF needs charts, which need the
// widgets the core does not link: the program hands the command line its writer at start-up.
using PdfReportWriter =
    std::function<Status(Library &library, const ReportRequest &request, const QString &path)>;

} // namespace br
