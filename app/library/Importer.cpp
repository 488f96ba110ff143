#include "library/Importer.h"

#include "library/Library.h"

#include "core/BoundedQueue.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <thread>

namespace br {

using namespace Qt::StringLiterals;

Importer::Importer(Library &library) : m_library(library) {}

QList<Importer::Source> Importer::collect(const QStringList &paths, QList<Refusal> &refused)
{
    QList<Source> sources;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            refused.append({path, u"does not exist"_s});
            continue;
        }
        if (!info.isDir()) {
            sources.append({path, true});
            continue;
        }
        if (!info.isReadable() || !info.isExecutable()) {
            refused.append({path, u"is a folder that cannot be read (permission denied)"_s});
            continue;
        }
        QStringList found;
        QDirIterator it(path, QDir::Files | QDir::NoDotAndDotDot | QDir::Readable | QDir::System,
                        QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
        while (it.hasNext())
            found.append(it.next());
        // Unreadable files inside the folder are reported rather than silently left out.
        QDirIterator unreadable(path, QDir::Files | QDir::NoDotAndDotDot,
                                QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
        while (unreadable.hasNext()) {
            const QString file = unreadable.next();
            if (!QFileInfo(file).isReadable())
                refused.append({file, u"cannot be read (permission denied)"_s});
        }
        std::sort(found.begin(), found.end());
        for (const QString &file : found)
            sources.append({file, file.endsWith(u".txt"_s, Qt::CaseInsensitive)});
    }
    return sources;
}

struct Importer::ReadItem
{
    QString path;
    bool reportRefusal = true;
    enum class Outcome
    {
        Read,
        Duplicate,
        Refused
    } outcome = Outcome::Refused;
    Error error;
    ReadPage page;
};

ImportReport Importer::importPaths(const QStringList &paths, const ProgressFn &progress,
                                   const std::atomic_bool *cancel)
{
    ImportReport report;
    const QList<Source> sources = collect(paths, report.refused);
    const int total = static_cast<int>(sources.size());
    // Pages already in the library are recognised by their digest before they are decoded.
    const QSet<QByteArray> known = m_library.pageDigests();

    // Reading, decoding, splitting and analysing run on a thread of their own while this thread
    // writes the previous pages: the two halves of an import take about as long as each other.
    // Room for the pages read while a batch is indexed (about 0.3 s, 150 pages), so that the
    // reading thread does not wait for it.
    BoundedQueue<ReadItem> queue(256);
    std::atomic_bool stop = false;
    std::thread reader([&] {
        const PageReader pageReader;
        for (const Source &source : sources) {
            if (stop.load() || (cancel && cancel->load()))
                break;
            if (!queue.push(readOne(pageReader, source, known)))
                break;
        }
        queue.close();
    });

    // Pages are written in batches (one transaction each), so that the search index is built
    // in large pieces; a cancelled import keeps the pages read before it.
    std::vector<ReadItem> batch;
    qsizetype batchCharacters = 0;
    const auto storeBatch = [&] {
        store(batch, report);
        batch.clear();
        batchCharacters = 0;
    };
    int done = 0;
    while (std::optional<ReadItem> item = queue.pop()) {
        if (cancel && cancel->load()) {
            report.cancelled = true;
            break;
        }
        if (progress)
            progress(done, total, item->path);
        ++done;
        if (item->outcome != ReadItem::Outcome::Read) {
            count(*item, report);
            continue;
        }
        batchCharacters += item->page.decoded.text.size();
        batch.push_back(std::move(*item));
        if (batchCharacters >= kBatchCharacters)
            storeBatch();
    }
    storeBatch();
    stop = true;
    queue.close();
    reader.join();
    if (cancel && cancel->load() && done < total)
        report.cancelled = true;
    if (progress && !report.cancelled)
        progress(total, total, QString());
    return report;
}

Importer::ReadItem Importer::readOne(const PageReader &pageReader, const Source &source,
                                     const QSet<QByteArray> &known)
{
    ReadItem item;
    item.path = source.path;
    item.reportRefusal = source.reportRefusal;
    const QFileInfo info(source.path);
    if (info.size() > PageReader::kMaxFileBytes) {
        item.error = Error{u"is too large (%1 MB; at most %2 MB)"_s.arg(info.size() / (1024 * 1024))
                               .arg(PageReader::kMaxFileBytes / (1024 * 1024))};
        return item;
    }
    QFile file(source.path);
    if (!file.open(QIODevice::ReadOnly)) {
        item.error = Error{u"cannot be read: %1"_s.arg(file.errorString())};
        return item;
    }
    const QByteArray bytes = file.readAll();
    QByteArray sha256 = PageReader::digest(bytes);
    if (known.contains(sha256)) {
        item.outcome = ReadItem::Outcome::Duplicate;
        return item;
    }
    Result<ReadPage> read = pageReader.readBytes(source.path, bytes, std::move(sha256));
    if (!read) {
        item.error = read.error();
        return item;
    }
    item.outcome = ReadItem::Outcome::Read;
    item.page = std::move(read).value();
    return item;
}

void Importer::count(const ReadItem &item, ImportReport &report)
{
    if (item.outcome == ReadItem::Outcome::Duplicate) {
        ++report.duplicates;
    } else if (item.reportRefusal || item.error.kind != Error::Kind::NotText) {
        report.refused.append({item.path, item.error.message});
    } else {
        ++report.skipped;
    }
}

void Importer::store(const std::vector<ReadItem> &batch, ImportReport &report)
{
    if (batch.empty())
        return;
    QList<const ReadPage *> pages;
    for (const ReadItem &item : batch)
        pages.append(&item.page);
    Result<QList<Library::Added>> added = m_library.addPages(pages);
    if (!added && batch.size() > 1) {
        // Something in the batch could not be saved: page by page, to save every other page
        // and say which one it was.
        for (const ReadItem &item : batch)
            store({item}, report);
        return;
    }
    if (!added) {
        // A library error is never quiet, whatever kind of file it was.
        report.refused.append(
            {batch.front().path, u"could not be saved: %1"_s.arg(added.errorMessage())});
        return;
    }
    for (const Library::Added &page : added.value()) {
        if (page.duplicate) {
            ++report.duplicates;
            continue;
        }
        ++report.pagesImported;
        report.articles += page.articles;
    }
}

} // namespace br
