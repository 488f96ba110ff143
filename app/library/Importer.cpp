#include "library/Importer.h"

#include "library/Stores.h"

#include "core/OrderedQueue.h"

#include "core/LocalFile.h"

#include <QCoreApplication>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include <sys/resource.h>
#include <unistd.h>

#include <dirent.h>
#include <sys/stat.h>

namespace br {

using namespace Qt::StringLiterals;

Importer::Importer(PageStore &pages, PageFormats formats)
    : m_pages(pages), m_formats(std::move(formats))
{
}

namespace {

// Walks folders by the bytes of their names (QDirIterator decodes names, and one that is not UTF-8
// could then not be opened again) and names everything it cannot take.
class FolderWalk final
{
public:
    FolderWalk(QList<Importer::Source> &sources, QList<Refusal> &refused)
        : m_sources(sources), m_refused(refused)
    {
    }

    void walk(const QByteArray &folder)
    {
        if (const std::optional<LocalFile::Identity> id = LocalFile::identity(folder)) {
            if (m_visited.contains(*id))
                return; // a link back to a folder already walked
            m_visited.append(*id);
        }
        DIR *dir = ::opendir(folder.constData());
        if (!dir) {
            refuse(folder,
                   QCoreApplication::translate("Importer", "is a folder that cannot be read: %1")
                       .arg(QString::fromLocal8Bit(std::strerror(errno))));
            return;
        }
        QList<QByteArray> names;
        errno = 0;
        while (const dirent *entry = ::readdir(dir)) {
            const QByteArray name(entry->d_name);
            if (name != "." && name != "..")
                names.append(name);
        }
        const int readError = errno;
        ::closedir(dir);
        if (readError != 0) {
            refuse(folder,
                   QCoreApplication::translate("Importer", "is a folder that cannot be read: %1")
                       .arg(QString::fromLocal8Bit(std::strerror(readError))));
        }
        std::sort(names.begin(), names.end());
        const QByteArray prefix = folder.endsWith('/') ? folder : folder + '/';
        for (const QByteArray &name : names)
            visit(prefix + name, name);
    }

private:
    void visit(const QByteArray &path, const QByteArray &name)
    {
        struct stat st;
        if (::stat(path.constData(), &st) != 0) {
            const int error = errno;
            struct stat link;
            if (::lstat(path.constData(), &link) == 0 && S_ISLNK(link.st_mode))
                refuse(path, QCoreApplication::translate("Importer", "is a link to nothing"));
            else
                refuse(path, QCoreApplication::translate("Importer", "cannot be read: %1")
                                 .arg(QString::fromLocal8Bit(std::strerror(error))));
            return;
        }
        if (S_ISDIR(st.st_mode)) {
            walk(path);
            return;
        }
        if (!S_ISREG(st.st_mode)) {
            refuse(path, QCoreApplication::translate("Importer", "is %1, not a page file")
                             .arg(LocalFile::irregularKind(path)));
            return;
        }
        m_sources.append({path, LocalFile::displayName(path), name.toLower().endsWith(".txt")});
    }

    void refuse(const QByteArray &path, const QString &reason)
    {
        m_refused.append({LocalFile::displayName(path), reason});
    }

    QList<Importer::Source> &m_sources;
    QList<Refusal> &m_refused;
    QList<LocalFile::Identity> m_visited; // the folders on the way, against loops of links
};

} // namespace

QList<Importer::Source> Importer::collect(const QStringList &paths, QList<Refusal> &refused)
{
    QList<Source> sources;
    for (const QString &path : paths) {
        const QByteArray native = LocalFile::nativePath(path);
        struct stat st;
        if (::stat(native.constData(), &st) != 0) {
            refused.append({path, errno == ENOENT
                                      ? QCoreApplication::translate("Importer", "does not exist")
                                      : QString::fromLocal8Bit(std::strerror(errno))});
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            FolderWalk(sources, refused).walk(native);
            continue;
        }
        // A file named by the user is read whatever it is called; readOne refuses what is no
        // regular file.
        sources.append({native, LocalFile::displayName(native), true});
    }
    return sources;
}

int Importer::readerCount(qsizetype pages)
{
    // A reader per core: the writer needs a core only part of the time (it waits for pages
    // more than it writes), so it takes its share from the readers.
    const int cores = static_cast<int>(std::thread::hardware_concurrency());
    return static_cast<int>(
        std::clamp<qsizetype>(std::min<qsizetype>(pages, cores), 1, kMaxReaders));
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

ImportReport Importer::importPaths(const QStringList &paths, const Watch &watch)
{
    const ProgressFn &progress = watch.progress;
    const std::atomic_bool *cancel = watch.cancel;
    ImportReport report;
    const QList<Source> sources = collect(paths, report.refused);
    const int total = static_cast<int>(sources.size());
    // Pages already in the library are recognised by their digest before they are decoded.
    const QSet<QByteArray> known = m_pages.pageDigests();

    // Reading, decoding, splitting and analysing run on every core while this thread writes the
    // previous pages in order. The writer is the one part that cannot be shared out, so the
    // readers yield the processor to it (a lower priority) and it never waits for its turn, and
    // they may read well ahead (a window of pages, and of characters, for memory) so that they do
    // not wait for it while it indexes a batch.
    OrderedQueue<ReadItem> queue(kReadAheadPages, kReadAheadCharacters);
    std::atomic_bool stop = false;
    std::atomic_size_t nextSource = 0;
    std::atomic_int readersLeft = readerCount(sources.size());
    const auto read = [&] {
        // Below the writer's, whatever the process was started with (`nice import …`). A failure
        // leaves the thread at the priority it had: nothing depends on it but speed.
        const auto self = static_cast<id_t>(gettid());
        errno = 0;
        const int niceness = getpriority(PRIO_PROCESS, self);
        if (errno == 0)
            (void)setpriority(PRIO_PROCESS, self, std::min(19, niceness + kReaderNice));
        const PageReader pageReader(m_formats);
        // A number taken is always pushed (or the queue closed): the writer waits for each number
        // in turn, and one left out would keep it waiting while another reader waits for room.
        while (!stop.load() && !(cancel && cancel->load())) {
            const size_t n = nextSource++;
            if (n >= static_cast<size_t>(sources.size()))
                break;
            ReadItem item = readOne(pageReader, sources[static_cast<qsizetype>(n)], known, cancel);
            const auto characters = static_cast<size_t>(item.page.decoded.text.size());
            if (!queue.push(n, std::move(item), characters))
                break;
        }
        if (--readersLeft == 0)
            queue.close();
    };
    std::vector<std::thread> readers;
    for (int r = readersLeft.load(); r > 0; --r)
        readers.emplace_back(read);

    // Pages are written in batches (one transaction each), so that the search index is built
    // in large pieces; a cancelled import keeps the pages read before it.
    std::vector<ReadItem> batch;
    qsizetype batchCharacters = 0;
    m_pages.setWaitCancel(cancel);
    const auto storeBatch = [&] {
        store(batch, report, watch);
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
        // A full batch is written; so is one of a third of that when the next page is not read
        // yet, rather than wait for it (the first batch most of all: the readers are just
        // starting). Not smaller: every batch adds index segments to merge, and with the readers
        // as fast as they are now the writer is what the import waits for.
        if (batchCharacters >= kBatchCharacters ||
            (batchCharacters >= kBatchCharacters / 3 && !queue.nextIsReady()))
            storeBatch();
    }
    storeBatch();
    m_pages.setWaitCancel(nullptr);
    stop = true;
    queue.close();
    for (std::thread &reader : readers)
        reader.join();
    if (cancel && cancel->load() && done < total)
        report.cancelled = true;
    if (progress && !report.cancelled)
        progress(total, total, QString());
    return report;
}

Importer::ReadItem Importer::readOne(const PageReader &pageReader, const Source &source,
                                     const QSet<QByteArray> &known, const std::atomic_bool *cancel)
{
    ReadItem item;
    item.path = source.path;
    item.reportRefusal = source.reportRefusal;
    Result<QByteArray> read = PageReader::readPageBytes(source.nativePath);
    if (!read) {
        item.error = read.error();
        return item;
    }
    const QByteArray bytes = std::move(read).value();
    QByteArray sha256 = PageReader::digest(bytes);
    if (known.contains(sha256)) {
        item.outcome = ReadItem::Outcome::Duplicate;
        return item;
    }
    Result<ReadPage> page = pageReader.readBytes(source.path, bytes, std::move(sha256), cancel);
    if (!page) {
        item.error = page.error();
        return item;
    }
    item.outcome = ReadItem::Outcome::Read;
    item.page = std::move(page).value();
    // What the writer binds and indexes, made here on a reader's thread rather than on the one
    // that writes (and not by every reading of a page: `segment` stores nothing).
    item.page.bodies.reserve(item.page.page.articles.size());
    for (const Article &article : item.page.page.articles)
        item.page.bodies.append(StoredBody::forImport(article));
    return item;
}

void Importer::count(const ReadItem &item, ImportReport &report)
{
    if (item.outcome == ReadItem::Outcome::Duplicate) {
        ++report.duplicates;
    } else if (item.reportRefusal || item.error.kind != Error::Kind::NotText) {
        report.refused.append({item.path, item.error.message});
    } else {
        report.skipped.append({item.path, item.error.message});
    }
}

namespace {

// The batch's pages added, waiting for as long as another writer holds the library (and the
// import is not cancelled).
Result<QList<PageStore::Added>> addWaiting(PageStore &store, const QList<const ReadPage *> &pages,
                                           const ImportWatch &watch)
{
    Result<QList<PageStore::Added>> added = store.addPages(pages);
    // Each try waits for the lock up to the busy timeout; between tries the person is told who
    // holds it, and a cancel ends the wait at once.
    while (!added && added.error().kind == Error::Kind::Busy &&
           !(watch.cancel && watch.cancel->load())) {
        if (watch.waiting)
            watch.waiting(store.writeLockHolder());
        // Each try normally waits the busy timeout itself; should one come back at once, the
        // loop still does not spin.
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        added = store.addPages(pages);
    }
    return added;
}

} // namespace

void Importer::store(const std::vector<ReadItem> &batch, ImportReport &report, const Watch &watch)
{
    if (batch.empty())
        return;
    QList<const ReadPage *> pages;
    for (const ReadItem &item : batch)
        pages.append(&item.page);
    const Result<QList<PageStore::Added>> added = addWaiting(m_pages, pages, watch);
    if (!added && added.error().kind == Error::Kind::Busy) {
        // Cancelled while another writer held the library: these pages wait for the next import,
        // like the ones not read yet.
        report.cancelled = true;
        return;
    }
    if (!added && batch.size() > 1) {
        // Something in the batch could not be saved: page by page, to save every other page
        // and say which one it was.
        for (const ReadItem &item : batch)
            store({item}, report, watch);
        return;
    }
    if (!added) {
        // A library error is never quiet, whatever kind of file it was.
        report.refused.append(
            {batch.front().path, u"could not be saved: %1"_s.arg(added.errorMessage())});
        return;
    }
    for (const PageStore::Added &page : added.value()) {
        if (page.duplicate) {
            ++report.duplicates;
            continue;
        }
        ++report.pagesImported;
        report.articles += page.articles;
        report.newPages.append(page.pageId);
    }
}

} // namespace br
