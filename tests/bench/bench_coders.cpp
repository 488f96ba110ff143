// Two people coding the same articles at the same time, each in a process of their own: tagging
// and untagging, highlighting with notes, removing some, and editing notes they share, for a
// while. Then every success each reported is looked for in the library: nothing lost, every
// clash reported. Prints one line:
//   store=file|server seconds=… coders=2 articles=… tags=… notes=… removed=… shared_edits=…
//   conflicts=… errors=… lost=…
// Usage: bench_coders LOCATION [SECONDS=60] [ARTICLES=1000]
//   LOCATION: a new library (a file, or an empty database's postgresql:// URL); the seed pages
//   are imported until it holds ARTICLES.

#include "PageGenerator.h"

#include "library/Library.h"
#include "library/PageReader.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QTextStream>

#include <cstdio>

using namespace br;
using namespace Qt::StringLiterals;

namespace {

constexpr int kSharedNotes = 20;

std::unique_ptr<Library> openOrDie(const QString &location)
{
    Result<std::unique_ptr<Library>> library = Library::open(location);
    if (!library) {
        std::fprintf(stderr, "%s\n", qPrintable(library.errorMessage()));
        std::exit(1);
    }
    return std::move(library).value();
}

// The articles both coders work on, and the notes they share (one on each of the first articles).
QList<qint64> articleIds(Library &library, int wanted)
{
    QList<qint64> ids;
    for (const ArticleSummary &a : library.articles().value()) {
        if (ids.size() == wanted)
            break;
        ids.append(a.id);
    }
    return ids;
}

// The shared notes: the first made on each of the first articles (the lowest id there).
QList<qint64> sharedNoteIds(Library &library, const QList<qint64> &articles)
{
    QList<qint64> ids;
    for (qsizetype i = 0; i < kSharedNotes && i < articles.size(); ++i) {
        qint64 first = 0;
        for (const Annotation &a : library.annotations(articles[i]).value())
            first = first == 0 ? a.id : std::min(first, a.id);
        ids.append(first);
    }
    return ids;
}

Annotation annotationById(Library &library, qint64 articleId, qint64 id)
{
    for (const Annotation &a : library.annotations(articleId).value())
        if (a.id == id)
            return a;
    return Annotation();
}

// One coder: prints what succeeded, one line each, and its counts.
int code(const QString &location, const QString &name, int seconds, int articleCount)
{
    std::unique_ptr<Library> library = openOrDie(location);
    const QList<qint64> articles = articleIds(*library, articleCount);
    const QList<qint64> shared = sharedNoteIds(*library, articles);
    const QString tag = u"coder-"_s + name;
    QRandomGenerator random(static_cast<quint32>(qHash(name)));
    QTextStream out(stdout);
    QHash<qint64, bool> tagged;
    QList<qint64> ownNotes;
    int conflicts = 0;
    int errors = 0;
    int edits = 0;
    const QDeadlineTimer deadline(seconds * 1000);
    while (!deadline.hasExpired()) {
        const qint64 article = articles[random.bounded(static_cast<int>(articles.size()))];
        const int op = random.bounded(10);
        if (op < 4) { // a tag on or off
            const bool on = !tagged.value(article, false);
            if (library->setCampaign(article, tag, on)) {
                tagged[article] = on;
                ++edits;
            } else {
                ++errors;
            }
        } else if (op < 7) { // a highlight with a note
            const QString text = library->article(article)->article.plainText();
            const int at = random.bounded(std::max(1, static_cast<int>(text.size()) - 4));
            Annotation a = Annotation::forSelection(article, text, at, at + 3, u"#ffe066"_s);
            a.note = u"%1 #%2"_s.arg(name).arg(edits);
            if (const Result<qint64> id = library->addAnnotation(a)) {
                out << "note " << id.value() << ' ' << a.note << '\n';
                ownNotes.append(id.value());
                ++edits;
            } else {
                ++errors;
            }
        } else if (op < 8 && !ownNotes.isEmpty()) { // one of one's own taken back
            const qint64 id = ownNotes.takeAt(random.bounded(static_cast<int>(ownNotes.size())));
            if (library->removeAnnotation(id)) {
                out << "removed " << id << '\n';
                ++edits;
            } else {
                ++errors;
            }
        } else { // a note both work on: saved only over what was seen
            const qint64 id = shared[random.bounded(static_cast<int>(shared.size()))];
            const qsizetype index = shared.indexOf(id);
            const Annotation seen = annotationById(*library, articles[index], id);
            const QString note = u"%1 edit %2"_s.arg(name).arg(edits);
            const Status saved = library->setAnnotationNote(id, note, seen.note);
            if (saved) {
                out << "shared " << id << ' ' << note << '\n';
                ++edits;
            } else if (saved.error().kind == Error::Kind::Stale) {
                ++conflicts;
            } else {
                ++errors;
            }
        }
    }
    for (auto it = tagged.cbegin(); it != tagged.cend(); ++it)
        out << "tag " << it.key() << ' ' << (it.value() ? 1 : 0) << '\n';
    out << "counts " << conflicts << ' ' << errors << '\n';
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 6 && args[1] == u"--coder"_s)
        return code(args[2], args[3], args[4].toInt(), args[5].toInt());
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_coders LOCATION [SECONDS] [ARTICLES]\n");
        return 2;
    }
    const QString location = args[1];
    const int seconds = args.size() > 2 ? args[2].toInt() : 60;
    const int wanted = args.size() > 3 ? args[3].toInt() : 1000;

    std::unique_ptr<Library> library = openOrDie(location);
    {
        bench::PageGenerator generator(QStringLiteral(BR_SEEDS_DIR), 4242);
        const PageReader reader;
        for (int page = 0; library->articleCount().value() < wanted; ++page) {
            Result<ReadPage> read =
                reader.readBytes(u"coders_%1.txt"_s.arg(page), generator.page(page));
            if (read && !library->addPage(read.value())) {
                std::fprintf(stderr, "cannot store the pages\n");
                return 1;
            }
        }
    }
    const QList<qint64> articles = articleIds(*library, wanted);
    for (qsizetype i = 0; i < kSharedNotes; ++i) {
        const QString text = library->article(articles[i])->article.plainText();
        Annotation a = Annotation::forSelection(articles[i], text, 0, 2, u"#ffe066"_s);
        a.note = u"shared"_s;
        if (!library->addAnnotation(a))
            return 1;
    }
    const QStringList coders{u"a"_s, u"b"_s};
    for (const QString &coder : coders)
        if (!library->addTag(u"coder-"_s + coder, u"#336699"_s, u"coder-"_s + coder))
            return 1;

    std::vector<std::unique_ptr<QProcess>> processes;
    for (const QString &coder : coders) {
        auto process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process->start(
            QCoreApplication::applicationFilePath(),
            {u"--coder"_s, location, coder, QString::number(seconds), QString::number(wanted)});
        processes.push_back(std::move(process));
    }
    int tags = 0, notes = 0, removed = 0, sharedEdits = 0, conflicts = 0, errors = 0, lost = 0;
    QHash<qint64, QStringList> sharedWrites; // every note a shared one was saved as
    for (size_t c = 0; c < processes.size(); ++c) {
        QProcess &process = *processes[c];
        if (!process.waitForFinished((seconds + 120) * 1000) || process.exitCode() != 0) {
            std::fprintf(stderr, "coder %s failed\n", qPrintable(coders[c]));
            return 1;
        }
        QHash<qint64, QString> added;
        const QStringList lines = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n');
        for (const QString &line : lines) {
            const QStringList f = line.split(u' ');
            if (f.value(0) == u"note"_s) {
                added[f[1].toLongLong()] = line.section(u' ', 2);
            } else if (f.value(0) == u"removed"_s) {
                added.remove(f[1].toLongLong());
                ++removed;
            } else if (f.value(0) == u"shared"_s) {
                sharedWrites[f[1].toLongLong()].append(line.section(u' ', 2));
                ++sharedEdits;
            } else if (f.value(0) == u"tag"_s) {
                ++tags;
                const bool expected = f[2] == u"1"_s;
                const bool found = library->article(f[1].toLongLong())
                                       ->campaigns.contains(u"coder-"_s + coders[c]);
                lost += expected != found ? 1 : 0;
            } else if (f.value(0) == u"counts"_s) {
                conflicts += f[1].toInt();
                errors += f[2].toInt();
            }
        }
        // Every highlight a coder made and did not take back is there with its note.
        QHash<qint64, QString> stored;
        for (const qint64 article : articles)
            for (const Annotation &a : library->annotations(article).value())
                stored[a.id] = a.note;
        for (auto it = added.cbegin(); it != added.cend(); ++it) {
            ++notes;
            lost += stored.value(it.key()) != it.value() ? 1 : 0;
        }
    }
    // A shared note ends as one of the saves made over what was seen (or as it began).
    const QList<qint64> shared = sharedNoteIds(*library, articles);
    for (qsizetype index = 0; index < shared.size(); ++index) {
        const qint64 id = shared[index];
        const QString final = annotationById(*library, articles[index], id).note;
        if (!sharedWrites.value(id).contains(final) && final != u"shared"_s)
            ++lost;
    }
    std::printf("store=%s seconds=%d coders=%d articles=%lld tags=%d notes=%d removed=%d "
                "shared_edits=%d conflicts=%d errors=%d lost=%d\n",
                library->location().isFile() ? "file" : "server", seconds,
                static_cast<int>(coders.size()), static_cast<long long>(articles.size()), tags,
                notes, removed, sharedEdits, conflicts, errors, lost);
    return lost == 0 && errors == 0 ? 0 : 1;
}
