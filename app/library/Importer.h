#pragma once

#include "library/PageReader.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <vector>

namespace br {

class PageStore;

// A file that was not imported, and why, in words a user can act on.
struct Refusal
{
    QString path;
    QString reason;
};

struct ImportReport
{
    int pagesImported = 0;
    int articles = 0;
    int duplicates = 0;     // same bytes as a page already in the library
    QList<qint64> newPages; // the pages added, in the order they were read: what to show first
    QList<Refusal> skipped; // files inside folders that are not text at all (images, archives, ...)
    QList<Refusal> refused; // every other file that was found and not imported, with the reason
    bool cancelled = false;
};

// What the caller watches an import by, and stops it with.
struct ImportWatch
{
    using ProgressFn = std::function<void(int done, int total, const QString &path)>;
    // Called while the import waits for another writer to let the library go, with who holds it
    // ("" when the system does not tell).
    using WaitingFn = std::function<void(const QString &holder)>;
    ProgressFn progress;
    WaitingFn waiting;
    const std::atomic_bool *cancel = nullptr;
};

// Imports page files and folders into a library. Pages are read and split on a thread per core
// while the calling thread writes them, in batches of about kBatchCharacters of text, each batch
// one transaction (the search index is built much faster in large pieces); a refused file never
// reaches a batch, and a batch that cannot be saved is saved again page by page, so a failing
// page leaves everything else — and the library — as it was. Progress is reported on the
// calling thread.
class Importer final
{
public:
    // `formats`: readers of page formats other than plain text (saved e-paper HTML).
    explicit Importer(PageStore &pages, PageFormats formats = {});

    // One file to read. Files named by the user, and *.txt files in folders, are refused when they
    // are no page; other files found in folders are listed as skipped when they are not text at
    // all (images, archives), and refused when they are text but no page (HTML, mixed encodings).
    struct Source
    {
        QByteArray nativePath; // the bytes the system knows it by: any name opens
        QString path;          // as shown (LocalFile::displayName)
        bool reportRefusal = true;
    };
    // The regular files `paths` stand for, folders walked recursively in the byte order of their
    // names, links followed once. Everything else found there — a folder that cannot be read, a
    // FIFO, a device, a socket, a link to nothing — is refused with its reason, never left out.
    static QList<Source> collect(const QStringList &paths, QList<Refusal> &refused);

    // About 9 MB of Chinese text (some 800 pages): building the index of 100,000 articles in
    // such batches takes 1.11 × FTS5's own 'rebuild' (bench_search), 1.22 × with half of it,
    // 2.4 × page by page.
    static constexpr qsizetype kBatchCharacters = 3'000'000;
    // How far the readers may read ahead of the writer: pages, and characters of their text
    // (a page read takes about six times its text's size in memory).
    static constexpr size_t kReadAheadPages = 1024;
    static constexpr size_t kReadAheadCharacters = 12'000'000;
    // How far the readers' priority is below the writer's (nice): on two cores, three threads
    // shared alike left the writer two thirds of one while its batches kept the readers waiting.
    static constexpr int kReaderNice = 10;
    // Pages are read by this many threads at most (one per core).
    static constexpr int kMaxReaders = 8;
    static int readerCount(qsizetype pages);

    using ProgressFn = ImportWatch::ProgressFn;
    using Watch = ImportWatch;
    ImportReport importPaths(const QStringList &paths, const Watch &watch = {});

private:
    struct ReadItem; // what a reading thread hands to the writing one for each file
    // A cancel stops the reading of a long page part-way.
    static ReadItem readOne(const PageReader &reader, const Source &source,
                            const QSet<QByteArray> &known, const std::atomic_bool *cancel);
    // Counts a file that is not written (a duplicate, a refusal).
    static void count(const ReadItem &item, ImportReport &report);
    void store(const std::vector<ReadItem> &batch, ImportReport &report, const Watch &watch);

    PageStore &m_pages;
    PageFormats m_formats;
};

} // namespace br
