#include "library/Importer.h"

#include "library/Library.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

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

ImportReport Importer::importPaths(const QStringList &paths, const ProgressFn &progress,
                                   const std::atomic_bool *cancel)
{
    ImportReport report;
    const QList<Source> sources = collect(paths, report.refused);
    const int total = static_cast<int>(sources.size());
    for (int i = 0; i < total; ++i) {
        if (cancel && cancel->load()) {
            report.cancelled = true;
            break;
        }
        if (progress)
            progress(i, total, sources[i].path);
        importOne(sources[i], report);
    }
    if (progress && !report.cancelled)
        progress(total, total, QString());
    return report;
}

void Importer::importOne(const Source &source, ImportReport &report)
{
    const auto refuse = [&](const QString &reason, Error::Kind kind = Error::Kind::Other) {
        if (source.reportRefusal || kind != Error::Kind::NotText)
            report.refused.append({source.path, reason});
        else
            ++report.skipped;
    };
    const QFileInfo info(source.path);
    if (info.size() > PageReader::kMaxFileBytes) {
        refuse(u"is too large (%1 MB; at most %2 MB)"_s.arg(info.size() / (1024 * 1024))
                   .arg(PageReader::kMaxFileBytes / (1024 * 1024)));
        return;
    }
    QFile file(source.path);
    if (!file.open(QIODevice::ReadOnly)) {
        refuse(u"cannot be read: %1"_s.arg(file.errorString()));
        return;
    }
    const QByteArray bytes = file.readAll();
    // The same bytes are the same page: known pages are not even decoded again.
    QByteArray sha256 = PageReader::digest(bytes);
    if (m_library.hasPage(sha256)) {
        ++report.duplicates;
        return;
    }
    Result<ReadPage> read = m_reader.readBytes(source.path, bytes, std::move(sha256));
    if (!read) {
        refuse(read.errorMessage(), read.error().kind);
        return;
    }
    Result<Library::Added> added = m_library.addPage(read.value());
    if (!added) {
        // A library error is never quiet, whatever kind of file it was.
        report.refused.append({source.path, u"could not be saved: %1"_s.arg(added.errorMessage())});
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
