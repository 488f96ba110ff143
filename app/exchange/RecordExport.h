#pragma once

#include "core/Result.h"
#include "library/Library.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace br {

// The export formats: csv and xlsx (the article list, or with `notes` one row per highlight),
// w3c (W3C Web Annotation JSON-LD), qdpx (a REFI-QDA project) and qdc (its codebook).
const QStringList &exportFormats();
// The format a file's suffix names (.xlsx, .jsonld / .json, .qdpx, .qdc; csv otherwise).
QString exportFormatFromSuffix(const QString &path);

// What an export wrote.
struct ExportCount
{
    qsizetype articles = 0;
    qsizetype highlights = 0;
    qsizetype codes = 0;
};

// What a long export tells while it runs, and how it is stopped.
struct ExportWatch
{
    // Articles written so far of about `total` (0 when not known); called every few hundred.
    std::function<void(qint64 done, qint64 total)> progress;
    // While set, the export stops and leaves no file (an error saying so).
    const std::atomic_bool *cancel = nullptr;
};

// Writes the articles of `filter` to `path` in `format`, through QSaveFile (OutputFile): whole or
// not at all.
Result<ExportCount> exportRecord(Library &library, const ArticleFilter &filter, const QString &path,
                                 const QString &format, bool notes, const ExportWatch &watch = {});

} // namespace br
