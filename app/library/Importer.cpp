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
    BoundedQueue<ReadItem> queue(8);
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

    int done = 0;
    while (std::optional<ReadItem> item = queue.pop()) {
        if (cancel && cancel->load()) {
            report.cancelled = true;
            break;
        }
        if (progress)
            progress(done, total, item->path);
        store(std::move(*item), report);
        ++done;
    }
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

void Importer::store(ReadItem item, ImportReport &report)
{
    switch (item.outcome) {
    case ReadItem::Outcome::Duplicate:
        ++report.duplicates;
        return;
    case ReadItem::Outcome::Refused:
        if (item.reportRefusal || item.error.kind != Error::Kind::NotText)
            report.refused.append({item.path, item.error.message});
        else
            ++report.skipped;
        return;
    case ReadItem::Outcome::Read:
        break;
    }
    Result<Library::Added> added = m_library.addPage(item.page);
    if (!added) {
        // A library error is never quiet, whatever kind of file it was.
        report.refused.append({item.path, u"could not be saved: %1"_s.arg(added.errorMessage())});
        return;
    }
    if (added->duplicate) {
        ++report.duplicates;
        return;
    }
    ++report.pagesImported;
    report.articles += added->articles;
}

} // namespace br
