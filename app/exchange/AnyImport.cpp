#include "exchange/AnyImport.h"

#include "exchange/HtmlPage.h"
#include "library/Library.h"

namespace br {

using namespace Qt::StringLiterals;

AnyImportReport importAny(Library &library, const QStringList &paths, const Importer::Watch &watch)
{
    AnyImportReport any;
    QStringList pagePaths;
    for (const QString &path : paths) {
        if (!path.endsWith(u".qdpx"_s, Qt::CaseInsensitive)) {
            pagePaths.append(path);
            continue;
        }
        Result<QdpxImportReport> project = importQdpx(library, path);
        if (!project) {
            // The reader's message names the file; the refusal names it once.
            QString reason = project.errorMessage();
            if (reason.startsWith(path + u": "_s))
                reason.remove(0, path.size() + 2);
            any.pages.refused.append({path, reason});
            continue;
        }
        for (const QString &reason : project->refused)
            any.pages.refused.append({path, reason});
        any.pages.pagesImported += project->pages;
        any.pages.articles += project->articles;
        any.pages.duplicates += project->duplicates;
        any.projects.append({path, project.value()});
    }
    if (pagePaths.isEmpty())
        return any;
    const ImportReport pages =
        Importer(library, exchangePageFormats()).importPaths(pagePaths, watch);
    any.pages.pagesImported += pages.pagesImported;
    any.pages.articles += pages.articles;
    any.pages.duplicates += pages.duplicates;
    any.pages.newPages += pages.newPages;
    any.pages.skipped += pages.skipped;
    any.pages.refused += pages.refused;
    any.pages.cancelled = pages.cancelled;
    return any;
}

} // namespace br
