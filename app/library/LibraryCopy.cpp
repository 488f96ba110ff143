#include "library/LibraryCopy.h"

#include "library/Library.h"
#include "library/PageReader.h"

#include <QSet>

namespace br {

using namespace Qt::StringLiterals;

namespace {

// The tags a person made, which `to` must know before an article carries them.
Status copyOwnTags(Library &from, Library &to)
{
    QSet<QString> builtin;
    for (const Campaign &c : builtinCampaigns())
        builtin.insert(c.id);
    const Result<QList<Campaign>> campaigns = from.campaigns();
    if (!campaigns)
        return campaigns.error();
    for (const Campaign &c : campaigns.value()) {
        if (builtin.contains(c.id))
            continue;
        if (Result<QString> added = to.addTag(c.nameZh, c.color, c.id); !added)
            return Error{u"the tag %1: %2"_s.arg(c.nameZh, added.errorMessage())};
    }
    return {};
}

Status copyMergesAndViews(Library &from, Library &to)
{
    const Result<QList<std::pair<QString, QString>>> merges = from.unitMerges();
    if (!merges)
        return merges.error();
    for (const auto &[alias, unit] : merges.value()) {
        if (Status s = to.mergeUnit(alias, unit); !s)
            return s;
    }
    const Result<QList<SavedView>> views = from.savedViews();
    if (!views)
        return views.error();
    for (const SavedView &view : views.value()) {
        if (Result<qint64> added = to.addSavedView(view); !added)
            return added.error();
    }
    return {};
}

// One page: the page as imported, then its articles with everything kept of them.
Status copyPage(Library &from, Library &to, qint64 pageId, bool corrected, CopyReport &report)
{
    const Result<PageDetail> page = from.page(pageId);
    if (!page)
        return page.error();
    ReadPage read;
    read.path = page->sourcePath;
    read.fileName = page->fileName;
    read.sha256 = page->sha256;
    read.byteSize = page->byteSize;
    read.decoded.text = page->rawText;
    read.decoded.encoding = page->encoding;
    read.page.masthead = page->masthead;
    read.importedAt = page->importedAt;
    read.importedBy = page->importedBy;
    read.details = page->details();
    const Result<PageStore::Added> added = to.addPage(read);
    if (!added)
        return Error{u"the page %1: %2"_s.arg(page->fileName, added.errorMessage())};
    if (added->duplicate)
        return Error{u"the page %1 is in the library twice"_s.arg(page->fileName)};
    const Result<QList<qint64>> ids = from.pageArticleIds(pageId);
    if (!ids)
        return ids.error();
    const Result<QList<StoredArticle>> articles = from.storedArticles(ids.value());
    if (!articles)
        return articles.error();
    const Result<QList<qint64>> stored = to.replaceArticles(
        added->pageId, {}, articles.value(), corrected ? std::optional<bool>(true) : std::nullopt);
    if (!stored)
        return Error{u"the articles of page %1: %2"_s.arg(page->fileName, stored.errorMessage())};
    if (stored.value() != ids.value())
        return Error{u"the articles of page %1 did not keep their ids"_s.arg(page->fileName)};
    if (corrected) {
        if (Status s = to.setPageCorrected(added->pageId, page->corrected); !s)
            return s;
    }
    report.pages += 1;
    report.articles += articles->size();
    for (const StoredArticle &a : articles.value()) {
        report.tags += a.tags.size();
        report.annotations += a.annotations.size();
    }
    return {};
}

} // namespace

Result<CopyReport> copyLibrary(Library &from, Library &to,
                               const std::function<void(qint64, qint64)> &progress)
{
    // The source as it is now, whatever its other users do meanwhile.
    const Result<std::unique_ptr<Library::Snapshot>> snapshot = from.beginSnapshot();
    if (!snapshot)
        return snapshot.error();
    const Result<QList<std::pair<qint64, bool>>> pages = from.pagesForResplit();
    if (!pages)
        return pages.error();
    Result<std::unique_ptr<Library::Batch>> batch = to.beginBatch();
    if (!batch)
        return batch.error();
    // Looked at under the writers' lock: two copies into one new library cannot both find it
    // empty.
    const Result<qint64> existing = to.pageCount();
    if (!existing)
        return existing.error();
    if (existing.value() > 0)
        return Error{u"%1 already holds %2 pages: a library is copied into a new, empty one"_s
                         .arg(to.location().shown())
                         .arg(existing.value())};
    if (Status s = copyOwnTags(from, to); !s)
        return s.error();
    if (Status s = copyMergesAndViews(from, to); !s)
        return s.error();
    CopyReport report;
    for (const auto &[pageId, corrected] : pages.value()) {
        if (Status s = copyPage(from, to, pageId, corrected, report); !s)
            return s.error();
        if (progress)
            progress(report.pages, pages->size());
    }
    if (Status s = batch.value()->commit(); !s)
        return s.error();
    return report;
}

} // namespace br
