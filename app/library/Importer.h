#pragma once

#include "library/PageReader.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace br {

class Library;

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
    int duplicates = 0; // same bytes as a page already in the library
    int skipped = 0;    // files inside folders that are not text pages (images, archives, ...)
    QList<Refusal> refused;
    bool cancelled = false;
};

// Imports page files and folders into a library: each page in its own transaction, so a refused or
// failing file leaves everything else — and the library — as it was. Pages are read and split on
// a second thread while the calling thread writes; progress is reported on the calling thread.
class Importer final
{
public:
    explicit Importer(Library &library);

    // One file to read. Files named by the user, and *.txt files in folders, are reported when
    // refused; other files found in folders are skipped quietly when they are not text at all
    // (images, archives), and reported when they are text but no page (HTML, mixed encodings).
    struct Source
    {
        QString path;
        bool reportRefusal = true;
    };
    // The files `paths` stand for, folders walked recursively in name order.
    static QList<Source> collect(const QStringList &paths, QList<Refusal> &refused);

    using ProgressFn = std::function<void(int done, int total, const QString &path)>;
    ImportReport importPaths(const QStringList &paths, const ProgressFn &progress = {},
                             const std::atomic_bool *cancel = nullptr);

private:
    struct ReadItem; // what the reading thread hands to the writing one for each file
    static ReadItem readOne(const PageReader &reader, const Source &source,
                            const QSet<QByteArray> &known);
    void store(ReadItem item, ImportReport &report);

    Library &m_library;
};

} // namespace br
