#pragma once

#include "analysis/CampaignSuggester.h"
#include "analysis/PlaceRecognizer.h"
#include "analysis/UnitRecognizer.h"
#include "core/Result.h"
#include "library/StoreTypes.h"
#include "text/Page.h"
#include "text/PageDetailsFinder.h"
#include "text/PageSplitter.h"
#include "text/TextDecoder.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <functional>

namespace br {

// A page file read, decoded, split and analysed: everything the importer stores for it.
struct ReadPage
{
    QString path;      // as given
    QString fileName;  // without folders
    QByteArray sha256; // hex digest of the file's bytes: the same bytes are the same page
    qint64 byteSize = 0;
    DecodedText decoded;
    Page page;
    QList<ArticlePlaces> places; // by article, in page order
    QList<UnitSuggestion> units; // by article, in page order
    QList<StoredBody> bodies;    // by article, in page order, as the store writes them: made by
                                 // an import's readers; when missing, by the store
    PageDetails details;         // its publication, date and page number as the page and file say
    QString importedAt;          // when it was first imported (a copy keeps it); "": now
    QString importedBy;          // by whom, with importedAt; else this connection's user
};

// Readers of page formats other than plain text, given by the layers above the store (the
// exchange layer reads saved e-paper HTML): a reader turns the decoded document into articles,
// or says why it cannot. A format without a reader is refused with a message.
struct PageFormats
{
    std::function<Result<Page>(const QString &html)> html;
};

// The one pipeline from bytes to articles with suggestions and places, shared by `segment`,
// `import` and the window: decode, split, suggest, recognise places and units. Touches no library.
class PageReader final
{
public:
    explicit PageReader(PageFormats formats = {});

    // Larger page files are refused before they are read. A page is some 20 KB of text; 64 MB is
    // a few thousand pages in one file, split in about 90 s and 400 MB of memory (the split is
    // linear: 1,000,000 lines, 75 MB, took 100 s and 497 MB), while a 300 MB file would take
    // gigabytes.
    static constexpr qint64 kMaxFileBytes = 64LL * 1024 * 1024;
    // An archive of pages (a REFI-QDA project) is not split as one: its own, larger limit.
    static constexpr qint64 kMaxArchiveBytes = 512LL * 1024 * 1024;

    Result<ReadPage> readFile(const QString &path) const;
    // The bytes of a page file named by its native path: only a regular file of at most
    // kMaxFileBytes, and never one of the files of a library this process has open (reading it
    // would drop SQLite's locks on it: see LibraryFiles).
    static Result<QByteArray> readPageBytes(const QByteArray &nativePath,
                                            qint64 maxBytes = kMaxFileBytes);
    // `sha256` is the hex digest of `bytes` when the caller has it already; computed otherwise.
    // While *cancel is set the reading stops (see PageSplitter::split; an error saying so).
    Result<ReadPage> readBytes(const QString &path, const QByteArray &bytes,
                               QByteArray sha256 = QByteArray(),
                               const std::atomic_bool *cancel = nullptr) const;
    static QByteArray digest(const QByteArray &bytes);

    // The split alone, for a page read before (a re-split with this engine): its text by the
    // splitter, or an HTML page by the HTML reader (refused when there is none).
    Result<Page> split(const QString &text) const;
    // What the analysis finds of a page's articles, in page order: each article's suggestions
    // (set in `articles`), places and unit.
    struct PageAnalysis
    {
        QList<ArticlePlaces> places;
        QList<UnitSuggestion> units;
    };
    PageAnalysis analyse(QList<Article> &articles) const;

private:
    PageFormats m_formats;
    PageSplitter m_splitter;
    CampaignSuggester m_suggester;
    PlaceRecognizer m_places;
    UnitRecognizer m_units;
};

} // namespace br
