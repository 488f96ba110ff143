#pragma once

#include "exchange/ReportRequest.h"

#include <QStringList>

namespace br::cli {

// Exit statuses of the command line.
enum ExitCode : int
{
    Success = 0,
    PartialFailure = 1,
    UsageError = 2
};

// Runs `bulletin-reader [--db PATH] COMMAND ...` (arguments as in main's argv, program name first)
// and returns the exit status. Output goes to stdout, messages to stderr.
int run(const QStringList &arguments);

// The organisation, name and version every run of the program gives Qt (settings, data folders).
void setApplicationNames();

// The PDF writer `report --format pdf` uses (set by the program, which links the charts); without
// one, PDF reports are refused with a message.
void setPdfReportWriter(PdfReportWriter writer);
const PdfReportWriter &pdfReportWriter();

} // namespace br::cli
