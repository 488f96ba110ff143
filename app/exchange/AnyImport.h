#pragma once

#include "exchange/QdpxImport.h"
#include "library/Importer.h"

namespace br {

// What `import` and the window's import bring in: page files and folders (plain text and saved
// e-paper HTML) through the importer, REFI-QDA projects (.qdpx) through their own reader.
struct AnyImportReport
{
    ImportReport pages; // everything, projects' pages, duplicates and refusals included
    struct Project
    {
        QString path;
        QdpxImportReport report;
    };
    QList<Project> projects; // the projects read
};

AnyImportReport importAny(Library &library, const QStringList &paths,
                          const Importer::Watch &watch = {});

} // namespace br
