// The store on both of its engines: the SQLite file and a PostgreSQL server (a real one, started
// by ctest). What a person does gives the same library on either, the figures are the same for
// the same articles, and the search keeps its contract.

#include "PageGenerator.h"
#include "exchange/Tabular.h"
#include "library/ArticleEditor.h"
#include "library/Importer.h"
#include "library/Library.h"
#include "library/LibraryCopy.h"
#include "library/Migrations.h"
#include "library/PageReader.h"
#include "library/PgDatabase.h"
#include "library/PgSchema.h"
#include "library/SqliteDatabase.h"
#include "testsupport/CliProcess.h"
#include "testsupport/FailDevice.h"
#include "testsupport/LibrarySupport.h"
#include "testsupport/SearchSupport.h"
#include "testsupport/ServerSupport.h"
#include "testsupport/TestSupport.h"

#include <QBuffer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace br;
using namespace Qt::StringLiterals;

namespace {

// What two libraries must agree on, row by row, as text.
QStringList summaryLines(Library &library)
{
    QStringList lines;
    for (const ArticleSummary &a : library.articles().value()) {
        QStringList suggested;
        for (const CampaignSuggestion &s : a.suggestions)
            suggested.append(s.campaign + u'=' + QString::number(s.score, 'f', 6));
        lines.append(QStringList{QString::number(a.id), a.pageFile, QString::number(a.order),
                                 a.kicker, a.title, a.campaigns.join(u','), suggested.join(u','),
                                 QString::number(a.annotations)}
                         .join(u'|'));
    }
    return lines;
}

QStringList coverageLines(Library &library)
{
    QStringList lines;
    for (const QString &by : coverageDimensions()) {
        for (const bool suggested : {false, true}) {
            for (const CoverageRow &row : library.coverage(by, QString(), suggested).value())
                lines.append(u"%1|%2|%3|%4|%5|%6"_s.arg(by, row.key, row.campaign)
                                 .arg(row.articles)
                                 .arg(row.suggested)
                                 .arg(suggested));
        }
    }
    for (const auto &[unit, count] : library.units().value())
        lines.append(u"unit|%1|%2"_s.arg(unit).arg(count));
    return lines;
}

QStringList tableLines(const Result<Tabular> &table)
{
    QStringList lines{table->header.join(u'|')};
    for (const QVariantList &row : table->rows) {
        QStringList cells;
        for (const QVariant &cell : row)
            cells.append(cell.toString());
        lines.append(cells.join(u'|'));
    }
    return lines;
}

int importSeeds(Library &library)
{
    Importer importer(library);
    return importer
        .importPaths({test::seedsPath(), test::dataPath(u"pages"_s),
                      test::dataPath(u"encodings/big5.txt"_s)})
        .pagesImported;
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A new, empty library on `backend` ("file" or "server"), named after `name`.
    std::unique_ptr<Library> fresh(const QString &backend, const QString &name)
    {
        const QString location = backend == u"file"_s ? m_dir.filePath(name + u".sqlite3"_s)
                                                      : test::freshServerLibrary(name);
        Result<std::unique_ptr<Library>> library = Library::open(location);
        if (!library)
            qFatal("cannot open %s: %s", qPrintable(location), qPrintable(library.errorMessage()));
        return std::move(library).value();
    }

    // Another connection to `library`, as the person `coder`: on a file the name the program
    // takes from $BULLETIN_READER_USER, on the server a login role of that name that may read
    // and write every table (what a team's administrator grants each coder).
    static std::unique_ptr<Library> openAs(const Library &library, const QString &coder)
    {
        QString location = library.location().text();
        if (!library.location().isFile()) {
            test::serverRole(coder);
            location.replace(u"postgresql://postgres@"_s, u"postgresql://%1@"_s.arg(coder));
        } else {
            qputenv("BULLETIN_READER_USER", coder.toUtf8());
        }
        Result<std::unique_ptr<Library>> opened = Library::open(location);
        qunsetenv("BULLETIN_READER_USER");
        if (!opened)
            qFatal("cannot open %s: %s", qPrintable(location), qPrintable(opened.errorMessage()));
        return std::move(opened).value();
    }

    static void backends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("file") << u"file"_s;
        QTest::newRow("server") << u"server"_s;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // The seeds in a file and on a server: the same articles, suggestions, coverage in every
    // dimension (suggestions counted in or not), units and exported rows.
    void importsAndCountsTheSame()
    {
        const std::unique_ptr<Library> file = fresh(u"file"_s, u"same"_s);
        const std::unique_ptr<Library> server = fresh(u"server"_s, u"same"_s);
        QCOMPARE(importSeeds(*file), 8);
        QCOMPARE(importSeeds(*server), 8);
        QCOMPARE(server->pageCount().value(), file->pageCount().value());
        QCOMPARE(server->articleCount().value(), file->articleCount().value());
        QCOMPARE(summaryLines(*server), summaryLines(*file));
        QCOMPARE(coverageLines(*server), coverageLines(*file));
        QCOMPARE(tableLines(Tables::articles(*server, {})),
                 tableLines(Tables::articles(*file, {})));
        // Sorted by title, pinyin on both.
        ArticleFilter byTitle;
        byTitle.sort = ArticleFilter::Sort::Title;
        QStringList fileTitles, serverTitles;
        for (const ArticleSummary &a : file->articles(byTitle).value())
            fileTitles.append(a.title);
        for (const ArticleSummary &a : server->articles(byTitle).value())
            serverTitles.append(a.title);
        QCOMPARE(serverTitles, fileTitles);
        // The same bytes again add nothing.
        QCOMPARE(importSeeds(*server), 0);
        QCOMPARE(server->articleCount().value(), file->articleCount().value());
    }

    // Every article holding each term as a substring after folding (1- and 2-character terms
    // too), none holding a -term: the server's pair index against a scan, on the seeds and on
    // generated pages.
    void searchOnAServerKeepsTheContract()
    {
        const std::unique_ptr<Library> server = fresh(u"server"_s, u"search"_s);
        QCOMPARE(importSeeds(*server), 8);
        bench::PageGenerator generator(test::seedsPath(), 7);
        const PageReader reader;
        for (int page = 0; page < 60; ++page) {
            Result<ReadPage> read = reader.readBytes(u"p%1.txt"_s.arg(page), generator.page(page));
            QVERIFY(read.ok());
            QVERIFY(server->addPage(read.value()).ok());
        }
        test::compareWithBruteForce(*server, test::corpusOf(*server), 300);
        // Best first: an article with the term in its headline before one with it in passing.
        const Result<QList<SearchHit>> hits = server->search(u"扶贫"_s, QString(), 3);
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), 3);
        QVERIFY2(hits->front().title.contains(u"扶贫"_s), qPrintable(hits->front().title));
        QVERIFY(hits->front().snippet.contains(kMatchStart));
    }

    // Lists and exports walk the articles a chunk at a time: every article once, in the list's
    // order, with its own tags and suggestions on either side of a chunk's end; the walk stops
    // when asked to; the CSV written as it goes is the table's, and a full disk is an error.
    void theListIsWalkedAChunkAtATime_data() { backends(); }
    void theListIsWalkedAChunkAtATime()
    {
        QFETCH(QString, backend);
        const std::unique_ptr<Library> library = fresh(backend, u"walk"_s);
        QCOMPARE(importSeeds(*library), 8);
        bench::PageGenerator generator(test::seedsPath(), 11);
        const PageReader reader;
        QList<const ReadPage *> pages;
        std::vector<ReadPage> read;
        read.reserve(200);
        for (int page = 0; page < 200; ++page) {
            Result<ReadPage> one = reader.readBytes(u"p%1.txt"_s.arg(page), generator.page(page));
            QVERIFY(one.ok());
            read.push_back(std::move(one).value());
            pages.append(&read.back());
        }
        QVERIFY(library->addPages(pages).ok());
        const qint64 count = library->articleCount().value();
        QVERIFY2(count > 1200, qPrintable(QString::number(count))); // more than one chunk

        // The list's order, by the query alone (date, page, place on the page).
        QList<qint64> walked;
        QVERIFY(library
                    ->forEachArticle({},
                                     [&](ArticleSummary &a) {
                                         walked.append(a.id);
                                         return true;
                                     })
                    .ok());
        QCOMPARE(walked.size(), count);
        QCOMPARE(QSet<qint64>(walked.cbegin(), walked.cend()).size(), count);
        // Tags on both sides of the first chunk's end reach their own articles.
        const QList<qint64> tagged{walked[998], walked[999], walked[1000], walked[1001]};
        QVERIFY(library->setCampaign(tagged[1], u"anti-crime"_s, true).ok());
        QVERIFY(library->setCampaign(tagged[2], u"poverty-relief"_s, true).ok());
        const auto idsOf = [](const QList<CampaignSuggestion> &suggestions) {
            QStringList ids;
            for (const CampaignSuggestion &s : suggestions)
                ids.append(s.campaign + u':' + QString::number(s.score));
            return ids;
        };
        int seen = 0;
        QStringList wrong;
        QVERIFY(library
                    ->forEachArticle({},
                                     [&](ArticleSummary &a) {
                                         const QStringList expected =
                                             a.id == tagged[1]   ? QStringList{u"anti-crime"_s}
                                             : a.id == tagged[2] ? QStringList{u"poverty-relief"_s}
                                                                 : QStringList{};
                                         if (a.campaigns != expected)
                                             wrong.append(u"tags of %1"_s.arg(a.id));
                                         if (seen++ % 50 == 0 &&
                                             idsOf(library->article(a.id)->article.suggestions) !=
                                                 idsOf(a.suggestions))
                                             wrong.append(u"suggestions of %1"_s.arg(a.id));
                                         return true;
                                     })
                    .ok());
        QCOMPARE(wrong, QStringList());
        QCOMPARE(seen, count);
        // Stopped by the visitor: no error, no row after.
        int taken = 0;
        QVERIFY(library
                    ->forEachArticle({},
                                     [&](ArticleSummary &) {
                                         ++taken;
                                         return taken < 1001;
                                     })
                    .ok());
        QCOMPARE(taken, 1001);
        // The walk is one read: a tag another connection sets on a later chunk's article while
        // the first chunk is visited is not in it, and is in the next walk.
        const std::unique_ptr<Library> other = openAs(*library, u"walker"_s);
        const qint64 later = walked[1100];
        const auto tagsOfLater = [&](bool tagMeanwhile) {
            QStringList tags;
            bool tagSet = false;
            const Status done = library->forEachArticle({}, [&](ArticleSummary &a) {
                if (tagMeanwhile && !tagSet) {
                    tagSet = other->setCampaign(later, u"civilization-city"_s, true).ok();
                    if (!tagSet)
                        return false;
                }
                if (a.id == later)
                    tags = a.campaigns;
                return true;
            });
            return done.ok() && (tagSet || !tagMeanwhile) ? tags : QStringList{u"failed"_s};
        };
        QCOMPARE(tagsOfLater(true), QStringList());
        QCOMPARE(tagsOfLater(false), QStringList{u"civilization-city"_s});

        const Result<Tabular> table = Tables::articles(*library, {});
        QCOMPARE(table->rows.size(), count);
        QBuffer csv;
        csv.open(QIODevice::WriteOnly);
        const Result<qint64> rows = writeArticlesCsv(csv, *library, {});
        QCOMPARE(rows.value(), count);
        QCOMPARE(csv.data(), toCsv(table.value()));
        test::FailDevice full(100'000);
        full.open(QIODevice::WriteOnly);
        const Result<qint64> refused = writeArticlesCsv(full, *library, {});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(u"No space left on device"_s),
                 qPrintable(refused.errorMessage()));
    }

    void editsAreKeptAndAttributed_data() { backends(); }
    void editsAreKeptAndAttributed()
    {
        QFETCH(QString, backend);
        std::unique_ptr<Library> library = fresh(backend, u"edits"_s);
        QCOMPARE(importSeeds(*library), 8);
        const qint64 id = library->articles().value().front().id;
        QVERIFY(library->setCampaign(id, u"anti-crime"_s, true).ok());
        const Result<QString> own = library->addTag(u"乡村振兴"_s, u"#336699"_s);
        QVERIFY(own.ok());
        QVERIFY(library->setCampaign(id, own.value(), true).ok());
        const qint64 note = test::highlight(*library, id, u"黑恶势力"_s, u"第一条"_s);
        QVERIFY(library->setAnnotationNote(note, u"第一条\n第二行"_s).ok());
        QVERIFY(library->setCounty(id, u"371522"_s).ok());
        QVERIFY(library->setUnit(id, u"卫计委"_s).ok());
        QVERIFY(library->mergeUnit(u"卫计委"_s, u"卫生计生委"_s).ok());
        QVERIFY(
            library->addSavedView(SavedView{0, u"创城"_s, u"文明"_s, QString(), QString()}).ok());
        const qint64 pageId = library->article(id)->pageId;
        QVERIFY(library->setPageDetails(pageId, u"聊城日报"_s, u"2018-11-02"_s, u"A3"_s).ok());
        const QString author = library->author();
        QVERIFY(!author.isEmpty());
        const LibraryLocation where = library->location();
        library.reset();

        // Another connection sees all of it.
        library = Library::open(where).value();
        const ArticleDetail detail = library->article(id).value();
        QCOMPARE(detail.campaigns, (QStringList{u"anti-crime"_s, own.value()}));
        QCOMPARE(detail.mainCounty, 371522);
        QVERIFY(detail.countyCorrected);
        QCOMPARE(detail.unit, u"卫生计生委"_s);
        const QList<Annotation> notes = library->annotations(id).value();
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes.front().quote, u"黑恶势力"_s);
        QCOMPARE(notes.front().note, u"第一条\n第二行"_s);
        QCOMPARE(notes.front().author, author);
        // Who set each tag and imported the page, as the note names its author.
        QCOMPARE(detail.tags.size(), 2);
        for (const ArticleTag &tag : detail.tags)
            QCOMPARE(tag.setBy, author);
        QCOMPARE(library->page(pageId)->importedBy, author);
        // Who corrected the county and the unit, and when.
        QCOMPARE(detail.countyMark.by, author);
        QCOMPARE(detail.unitMark.by, author);
        QVERIFY(!detail.countyMark.at.isEmpty() && !detail.unitMark.at.isEmpty());
        if (backend == u"server"_s)
            QCOMPARE(author, u"postgres"_s); // the connection's role
        QCOMPARE(library->savedViews().value().front().query, u"文明"_s);
        QCOMPARE(library->page(pageId)->publication, u"聊城日报"_s);
        const QStringList month = [&] {
            QStringList keys;
            for (const CoverageRow &row : library->coverage(u"month"_s).value())
                keys.append(row.key);
            return keys;
        }();
        QVERIFY(month.contains(u"2018-11"_s));
    }

    // Two people code the same articles: each one's judgments are kept apart, yes and no, as
    // tagged, untagged or marked coded; they follow an article through a merge and a copy; an
    // undo puts a person's own back; the figures are those worked out by hand.
    void eachCodersJudgmentsAreKept_data() { backends(); }
    void eachCodersJudgmentsAreKept()
    {
        QFETCH(QString, backend);
        const std::unique_ptr<Library> first = fresh(backend, u"coding"_s);
        QCOMPARE(importSeeds(*first), 8);
        const std::unique_ptr<Library> li = openAs(*first, u"li"_s);
        const std::unique_ptr<Library> wang = openAs(*first, u"wang"_s);
        QCOMPARE(li->author(), u"li"_s);
        QCOMPARE(wang->author(), u"wang"_s);
        const QList<ArticleSummary> all = first->articles().value();
        const qint64 a1 = all[0].id, a2 = all[1].id, a3 = all[2].id;
        const QString poverty = u"poverty-relief"_s, crime = u"anti-crime"_s;

        QVERIFY(li->setCampaign(a1, poverty, true).ok());
        QVERIFY(li->setCampaign(a2, poverty, true).ok());
        QVERIFY(li->markCoded(a3).ok());                     // none applies
        QVERIFY(wang->markCoded(a1).ok());                   // agrees with the tag li set
        QVERIFY(wang->setCampaign(a2, poverty, false).ok()); // does not
        QVERIFY(wang->setCampaign(a3, crime, true).ok());

        const QList<Coding> codings = first->codings().value();
        const auto judgment = [&](qint64 article, const QString &coder, const QString &campaign) {
            for (const Coding &c : codings) {
                if (c.articleId == article && c.coder == coder && c.campaign == campaign)
                    return c.applies ? 1 : 0;
            }
            return -1;
        };
        QCOMPARE(judgment(a1, u"li"_s, poverty), 1);
        QCOMPARE(judgment(a1, u"li"_s, crime), -1);
        QCOMPARE(judgment(a3, u"li"_s, crime), 0);
        QCOMPARE(judgment(a1, u"wang"_s, poverty), 1);
        QCOMPARE(judgment(a1, u"wang"_s, crime), 0);
        QCOMPARE(judgment(a2, u"wang"_s, poverty), 0);
        QCOMPARE(judgment(a3, u"wang"_s, crime), 1);
        QCOMPARE(first->article(a2)->campaigns, QStringList()); // the record: wang took it off
        QVERIFY(!first->markCoded(999999).ok());

        // li yes yes no, wang yes no no: po 2/3, pe 2/3 * 1/3 + 1/3 * 2/3 = 4/9, kappa 0.4.
        const QList<CampaignAgreement> rows = Agreement::measure(codings, {poverty, crime});
        QCOMPARE(rows[0].coders, (QStringList{u"li"_s, u"wang"_s}));
        QCOMPARE(rows[0].confusion, (Confusion{1, 1, 0, 1}));
        QCOMPARE(qRound(*rows[0].kappa * 1000), 400);
        QCOMPARE(rows[0].disagreements, (QList<qint64>{a2}));
        QCOMPARE(rows[1].confusion, (Confusion{0, 0, 1, 2}));
        QCOMPARE(rows[1].disagreements, (QList<qint64>{a3}));

        // An undo of li's marking a3 coded takes back only what that step left: li's own
        // judgments, not wang's, and not one li made again since.
        const auto own = [&](const Library &coder, qint64 article) {
            QList<Coding> mine;
            const QList<Coding> judgedNow = first->codings(article).value();
            for (const Coding &c : judgedNow) {
                if (c.coder == coder.author())
                    mine.append(c);
            }
            return mine;
        };
        const auto tagOf = [&](qint64 article, const QString &campaign) {
            std::optional<ArticleTag> found;
            const ArticleDetail detail = first->article(article).value();
            for (const ArticleTag &t : detail.tags) {
                if (t.campaign == campaign)
                    found = t;
            }
            return found;
        };
        const CodingStep marked{a3, QString(), std::nullopt, std::nullopt, {}, own(*li, a3)};
        QCOMPARE(marked.ownAfter.size(), 3); // a judgment of each campaign
        QVERIFY(li->setCampaign(a3, u"civilization-city"_s, true).ok()); // judged again since
        QVERIFY(li->undoCodingStep(marked).ok());
        QCOMPARE(own(*li, a3).size(), 1);
        QCOMPARE(own(*li, a3).front().campaign, u"civilization-city"_s);
        QCOMPARE(own(*wang, a3).size(), 1);

        // A tag step's undo takes the tag off only while it is the one the step set: wang
        // untagged and tagged it again since, and it stays (wang's); li's judgment goes.
        CodingStep tagged{a1, crime, tagOf(a1, crime), std::nullopt, own(*li, a1), {}};
        QVERIFY(li->setCampaign(a1, crime, true).ok());
        tagged.tagAfter = tagOf(a1, crime);
        tagged.ownAfter = own(*li, a1);
        QVERIFY(tagged.tagAfter && !tagged.tagBefore);
        QVERIFY(wang->setCampaign(a1, crime, false).ok());
        QVERIFY(wang->setCampaign(a1, crime, true).ok());
        QVERIFY(li->undoCodingStep(tagged).ok());
        QCOMPARE(tagOf(a1, crime)->setBy, u"wang"_s);
        QCOMPARE(own(*li, a1).size(), 1); // poverty relief, as before the step
        // Untouched since, it goes back as it was: an untag's undo gives the tag back to who
        // set it.
        CodingStep untagged{a1, crime, tagOf(a1, crime), std::nullopt, own(*li, a1), {}};
        QVERIFY(li->setCampaign(a1, crime, false).ok());
        untagged.ownAfter = own(*li, a1);
        QVERIFY(li->undoCodingStep(untagged).ok());
        QCOMPARE(tagOf(a1, crime), untagged.tagBefore);
        QCOMPARE(own(*li, a1), untagged.ownBefore);

        // Merged with the next article, a1 keeps both people's judgments.
        const QString passage = first->article(a2)->article.plainText().mid(20, 8);
        ArticleEditor editor(*first);
        Result<ArticleRewrite> merged = editor.merge(a1, a2);
        QVERIFY(merged.ok() && editor.apply(merged.value()).ok());
        QList<Coding> onMerged = first->codings(a1).value();
        QStringList kept;
        for (const Coding &c : onMerged)
            kept.append(u"%1 %2 %3"_s.arg(c.coder, c.campaign).arg(c.applies));
        QVERIFY2(kept.contains(u"li poverty-relief 1"_s), qPrintable(kept.join(u"; "_s)));
        QVERIFY2(kept.contains(u"wang poverty-relief 1"_s), qPrintable(kept.join(u"; "_s)));
        QVERIFY2(kept.contains(u"wang anti-crime 1"_s), qPrintable(kept.join(u"; "_s)));
        // wang codes the merged article since; an undo of the merge, and its redo, keep that
        // (and wang's tag) on the article it was made on.
        QVERIFY(wang->setCampaign(a1, u"civilization-city"_s, true).ok());
        // ... and highlights a passage of what was the second article, with a note.
        test::highlight(*wang, a1, passage, u"同事后来的批注"_s);
        const auto notesOn = [&](qint64 article) {
            QStringList notes;
            if (const Result<QList<Annotation>> found = first->annotations(article); found) {
                for (const Annotation &n : found.value())
                    notes.append(n.note);
            }
            return notes;
        };
        for (const bool undo : {true, false}) {
            QVERIFY(undo ? editor.undo(merged.value()).ok() : editor.apply(merged.value()).ok());
            QCOMPARE(own(*wang, a1).size(), 3);
            QVERIFY(first->article(a1)->campaigns.contains(u"civilization-city"_s));
            QCOMPARE(tagOf(a1, u"civilization-city"_s)->setBy, u"wang"_s);
            // The note: on the second article where its passage is again, then on the merged.
            QCOMPARE(notesOn(undo ? a2 : a1).count(u"同事后来的批注"_s), 1);
            if (undo)
                QVERIFY(!notesOn(a1).contains(u"同事后来的批注"_s));
        }

        // A copy (to the other engine) keeps every judgment.
        const std::unique_ptr<Library> copy =
            fresh(backend == u"file"_s ? u"server"_s : u"file"_s, u"coding_copy"_s);
        QVERIFY(copyLibrary(*first, *copy).ok());
        QCOMPARE(copy->codings().value(), first->codings().value());
    }

    // Two people edit the same note: the second save, made over a note it did not see, is
    // refused with the note as it now reads; nothing is overwritten. Saved over what it saw, it
    // goes in.
    void aStaleNoteEditIsRefused_data() { backends(); }
    void aStaleNoteEditIsRefused()
    {
        QFETCH(QString, backend);
        const std::unique_ptr<Library> first = fresh(backend, u"stale"_s);
        QCOMPARE(importSeeds(*first), 8);
        const qint64 article = first->articles().value().front().id;
        const qint64 note = test::highlight(*first, article, u"黑恶势力"_s, u"原来的"_s);
        const std::unique_ptr<Library> second = Library::open(first->location()).value();
        const Annotation seenByFirst = first->annotations(article)->front();
        const Annotation seenBySecond = second->annotations(article)->front();

        const Status saved = second->setAnnotationNote(note, u"第二位的"_s, seenBySecond.note);
        QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
        const Status stale = first->setAnnotationNote(note, u"第一位的"_s, seenByFirst.note);
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().kind, Error::Kind::Stale);
        QVERIFY2(stale.errorMessage().contains(u"第二位的"_s), qPrintable(stale.errorMessage()));
        QCOMPARE(first->annotations(article)->front().note, u"第二位的"_s);

        const Annotation fresh = first->annotations(article)->front();
        const Status again = first->setAnnotationNote(note, u"第一位的"_s, fresh.note);
        QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
        QCOMPARE(second->annotations(article)->front().note, u"第一位的"_s);
    }

    // The same for a county or unit correction: made over what the person saw, or refused
    // when a colleague corrected it meanwhile (and their correction stays).
    void aStaleCorrectionIsRefused_data() { backends(); }
    void aStaleCorrectionIsRefused()
    {
        QFETCH(QString, backend);
        const std::unique_ptr<Library> first = fresh(backend, u"stale_correction"_s);
        QCOMPARE(importSeeds(*first), 8);
        const qint64 id = first->articles().value().front().id;
        const std::unique_ptr<Library> second = Library::open(first->location()).value();
        const ArticleDetail seen = first->article(id).value();
        QVERIFY(!seen.countyCorrection && !seen.unitCorrection);

        QVERIFY(second->setCounty(id, u"371522"_s, seen.countyCorrection).ok());
        QVERIFY(second->setUnit(id, u"卫计委"_s, seen.unitCorrection).ok());
        const Status county = first->setCounty(id, u"371502"_s, seen.countyCorrection);
        QCOMPARE(county.error().kind, Error::Kind::Stale);
        QVERIFY2(county.errorMessage().contains(u"371522"_s), qPrintable(county.errorMessage()));
        const Status unit = first->setUnit(id, std::nullopt, seen.unitCorrection);
        QCOMPARE(unit.error().kind, Error::Kind::Stale);
        const ArticleDetail now = first->article(id).value();
        QCOMPARE(now.countyCorrection, std::optional<QString>(u"371522"_s));
        QCOMPARE(now.unitCorrection, std::optional<QString>(u"卫计委"_s));
        // Made over what is there now, it goes in; without a look, as before.
        QVERIFY(first->setCounty(id, u"371502"_s, now.countyCorrection).ok());
        QCOMPARE(first->article(id)->mainCounty, 371502);
        QVERIFY(first->setUnit(id, std::nullopt).ok());
        QVERIFY(!first->article(id)->unitCorrection);
    }

    // A headline field changed elsewhere since the person's dialog showed it is not saved
    // over; the fields they did not touch follow the colleague's.
    void aStaleHeadlineEditIsRefused_data() { backends(); }
    void aStaleHeadlineEditIsRefused()
    {
        QFETCH(QString, backend);
        const std::unique_ptr<Library> first = fresh(backend, u"stale_headline"_s);
        QCOMPARE(importSeeds(*first), 8);
        const std::unique_ptr<Library> second = Library::open(first->location()).value();
        const qint64 id = first->articles().value().front().id;
        const Article shown = first->article(id)->article;
        const HeadlineEdit::Seen seen{shown.kicker, shown.title, shown.subtitle, shown.byline};

        ArticleEditor colleague(*second);
        HeadlineEdit theirs;
        theirs.title = u"同事改的标题"_s;
        theirs.seen = seen;
        Result<ArticleRewrite> made = colleague.setHeadline(id, theirs);
        QVERIFY(made.ok() && colleague.apply(made.value()).ok());

        ArticleEditor editor(*first);
        HeadlineEdit mine;
        mine.title = u"我改的标题"_s;
        mine.seen = seen;
        const Result<ArticleRewrite> refused = editor.setHeadline(id, mine);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, Error::Kind::Stale);
        QVERIFY2(refused.errorMessage().contains(u"同事改的标题"_s),
                 qPrintable(refused.errorMessage()));
        QCOMPARE(first->article(id)->article.title, u"同事改的标题"_s);
        // Another field, over what was seen: it goes in beside the colleague's title.
        HeadlineEdit byline;
        byline.byline = u"记者 张三"_s;
        byline.seen = seen;
        Result<ArticleRewrite> planned = editor.setHeadline(id, byline);
        QVERIFY2(planned.ok(), qPrintable(planned.errorMessage()));
        QVERIFY(editor.apply(planned.value()).ok());
        const Article now = first->article(id)->article;
        QCOMPARE(now.title, u"同事改的标题"_s);
        QCOMPARE(now.byline, u"记者 张三"_s);
        // Who did it last, and when, kept with the article.
        const StoredArticle kept = first->storedArticles({id}).value().front();
        QCOMPARE(kept.headlineMark.by, first->author());
        QVERIFY(!kept.headlineMark.at.isEmpty());
    }

    // Two coder processes tag, highlight, take back and edit shared notes on the same 300
    // articles at once for a few seconds: everything either reported saved is there, every clash
    // over a shared note was refused and counted, nothing failed. (bench_coders runs it for a
    // minute on 1,000 articles.)
    void twoCodersAtOnceLoseNothing_data() { backends(); }
    void twoCodersAtOnceLoseNothing()
    {
        QFETCH(QString, backend);
        const QString location = backend == u"file"_s ? m_dir.filePath(u"coders.sqlite3"_s)
                                                      : test::freshServerLibrary(u"coders"_s);
        QProcess coders;
        coders.start(QStringLiteral(BR_BENCH_CODERS), {location, u"4"_s, u"300"_s});
        QVERIFY(coders.waitForFinished(180000));
        const QString out = QString::fromUtf8(coders.readAllStandardOutput());
        QVERIFY2(coders.exitCode() == 0,
                 qPrintable(out + QString::fromUtf8(coders.readAllStandardError())));
        QVERIFY2(out.contains(u" errors=0 lost=0"_s), qPrintable(out));
        QVERIFY2(!out.contains(u" notes=0 "_s) && !out.contains(u" shared_edits=0 "_s),
                 qPrintable(out));
    }

    // A hand correction and its undo give the library back exactly, on either engine.
    void correctionsOfTheSplitUndo_data() { backends(); }
    void correctionsOfTheSplitUndo()
    {
        QFETCH(QString, backend);
        const std::unique_ptr<Library> library = fresh(backend, u"rewrite"_s);
        QCOMPARE(importSeeds(*library), 8);
        const QList<ArticleSummary> all = library->articles().value();
        const qint64 first = all[0].id;
        const qint64 second = all[1].id;
        QVERIFY(library->setCampaign(second, u"anti-crime"_s, true).ok());
        test::highlight(*library, second, all[1].title.left(4), u"标题"_s);
        const QList<qint64> pageBefore = library->pageArticleIds(all[0].pageId).value();
        const QList<StoredArticle> before = library->storedArticles(pageBefore).value();

        ArticleEditor editor(*library);
        Result<ArticleRewrite> merged = editor.merge(first, second);
        QVERIFY2(merged.ok(), qPrintable(merged.errorMessage()));
        QVERIFY(editor.apply(merged.value()).ok());
        QCOMPARE(library->pageArticleIds(all[0].pageId)->size(), pageBefore.size() - 1);
        QVERIFY(library->article(first)->campaigns.contains(u"anti-crime"_s));
        QCOMPARE(library->annotations(first)->size(), 1);
        QCOMPARE(library->searchIds(all[1].title).value(), QList<qint64>{first});

        QVERIFY(editor.undo(merged.value()).ok());
        QCOMPARE(library->pageArticleIds(all[0].pageId).value(), pageBefore);
        const QList<StoredArticle> after = library->storedArticles(pageBefore).value();
        QCOMPARE(after.size(), before.size());
        for (qsizetype i = 0; i < after.size(); ++i) {
            QCOMPARE(after[i].uuid, before[i].uuid);
            QCOMPARE(after[i].article.plainText(), before[i].article.plainText());
            QCOMPARE(after[i].tags, before[i].tags);
            QCOMPARE(after[i].annotations.size(), before[i].annotations.size());
        }
        QVERIFY(library->searchIds(all[1].title)->contains(second));
    }

    // Read-only on a server as on a file: everything reads, every edit is refused, nothing
    // changes.
    void readOnlyServerRefusesEveryEdit()
    {
        const std::unique_ptr<Library> writer = fresh(u"server"_s, u"readonly"_s);
        QCOMPARE(importSeeds(*writer), 8);
        const qint64 id = writer->articles().value().front().id;
        Result<std::unique_ptr<Library>> reader = Library::open(writer->location(), true);
        QVERIFY2(reader.ok(), qPrintable(reader.errorMessage()));
        Library &library = *reader.value();
        QVERIFY(library.isReadOnly());
        QCOMPARE(library.articleCount().value(), writer->articleCount().value());
        QVERIFY(!library.searchIds(u"扶贫"_s)->isEmpty());
        const Status tag = library.setCampaign(id, u"anti-crime"_s, true);
        QVERIFY(!tag.ok());
        QVERIFY2(tag.errorMessage().contains(u"reading only"_s), qPrintable(tag.errorMessage()));
        QVERIFY(!library.addTag(u"x"_s, u"#000000"_s).ok());
        QVERIFY(!library.setCounty(id, u"371522"_s).ok());
        QVERIFY(writer->article(id)->campaigns.isEmpty());
        QVERIFY(!library.backupTo(m_dir.filePath(u"copy.sqlite3"_s)).ok());
    }

    // A lazy list's two reads agree with the whole list: the ids of every filter and order as
    // articles() gives them, and the rows of any ids in the order asked, the gone left out.
    void idsAndRowsAgreeWithTheList_data() { backends(); }
    void idsAndRowsAgreeWithTheList()
    {
        QFETCH(QString, backend);
        const std::unique_ptr<Library> library = fresh(backend, u"lazy"_s);
        QCOMPARE(importSeeds(*library), 8);
        const QList<ArticleSummary> all = library->articles().value();
        QVERIFY(library->setCampaign(all[3].id, u"anti-crime"_s, true).ok());
        QList<ArticleFilter> filters(5);
        filters[1].sort = ArticleFilter::Sort::Title;
        filters[2].sort = ArticleFilter::Sort::Page;
        filters[2].descending = true;
        filters[3].campaign = u"anti-crime"_s;
        filters[4].text = u"扶贫"_s;
        for (const ArticleFilter &filter : std::as_const(filters)) {
            QList<qint64> expected;
            for (const ArticleSummary &a : library->articles(filter).value())
                expected.append(a.id);
            QVERIFY(!expected.isEmpty());
            QCOMPARE(library->articleIds(filter).value(), expected);
        }
        const QList<qint64> asked{all[5].id, all[0].id, 999999, all[3].id};
        const QList<ArticleSummary> rows = library->articleSummaries(asked).value();
        QCOMPARE(rows.size(), 3);
        for (const auto &[row, expected] : {std::pair{0, 5}, std::pair{1, 0}, std::pair{2, 3}}) {
            QCOMPARE(rows[row].id, all[expected].id);
            QCOMPARE(rows[row].title, all[expected].title);
            QCOMPARE(rows[row].pageFile, all[expected].pageFile);
            QCOMPARE(rows[row].order, all[expected].order);
        }
        QCOMPARE(rows[2].campaigns, QStringList{u"anti-crime"_s});
        QVERIFY(library->articleSummaries({}).value().isEmpty());
    }

    // The texts of a library made before they had tables of their own (file schema 12, server
    // schema 3) move there whole: the page's raw text, the article's blocks and plain text read
    // back as they were written, the search finds the article, and the article rows no longer
    // hold them.
    void anOlderLibrarysTextsMoveToTheirOwnTables_data() { backends(); }
    void anOlderLibrarysTextsMoveToTheirOwnTables()
    {
        QFETCH(QString, backend);
        const QString raw = u"莘县扶贫\n贫困户𠀀脱贫了。"_s;
        const char *rows =
            "INSERT INTO page (id, file_name, source_path, sha256, byte_size, encoding, raw_text, "
            "imported_at) VALUES (5, 'a.txt', '/a.txt', 'abc', 3, 'UTF-8', "
            "'莘县扶贫' || chr(10) || '贫困户𠀀脱贫了。', '2020-01-01');"
            "INSERT INTO article (id, page_id, ord, start_line, end_line, title, blocks, "
            "plain_text, uuid) VALUES (9, 5, 0, 1, 2, '莘县扶贫', "
            "'[{\"type\":\"paragraph\",\"text\":\"贫困户𠀀脱贫了。\"}]', "
            "'莘县扶贫' || chr(10) || '贫困户𠀀脱贫了。', 'u-9');";
        QString location;
        if (backend == u"file"_s) {
            location = m_dir.filePath(u"schema12.sqlite3"_s);
            Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(location);
            QVERIFY(db.ok());
            QVERIFY(Migrations::migrate(*db.value(), 12).ok());
            QString sql = QString::fromUtf8(rows);
            sql.replace(u"chr(10)"_s, u"char(10)"_s);
            QVERIFY(db.value()->execScript(sql.toUtf8().constData()).ok());
            // And 300 more articles of 3,000 characters, whose texts leave free pages behind.
            QVERIFY(db.value()
                        ->execScript("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                     "FROM n WHERE i < 300) INSERT INTO article (page_id, ord, "
                                     "start_line, end_line, title, plain_text, uuid) SELECT 5, i, "
                                     "3, 3, 'x' || i, printf('%.*c', 3000, 'x'), 'x' || i FROM n")
                        .ok());
            QVERIFY(db.value()
                        ->execScript("INSERT INTO article_fts (article_fts) VALUES ('rebuild');"
                                     "INSERT INTO article_chars (article_chars) VALUES "
                                     "('rebuild');")
                        .ok());
        } else {
            location = test::freshServerLibrary(u"schema3"_s);
            Result<std::unique_ptr<PgDatabase>> db = PgDatabase::open(location, false);
            QVERIFY(db.ok());
            QVERIFY(PgSchema::migrate(*db.value(), 3).ok());
            QVERIFY(db.value()->execScript(rows).ok());
        }
        Result<std::unique_ptr<Library>> opened = Library::open(location);
        QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
        Library &library = *opened.value();
        QCOMPARE(library.page(5)->rawText, raw);
        const Result<ArticleDetail> article = library.article(9);
        QVERIFY2(article.ok(), qPrintable(article.errorMessage()));
        QCOMPARE(article->article.title, u"莘县扶贫"_s);
        QCOMPARE(article->article.blocks.size(), 1);
        QCOMPARE(article->article.blocks.front().text, u"贫困户𠀀脱贫了。"_s);
        if (backend == u"file"_s) // the server's index was never made for it
            QCOMPARE(library.searchIds(u"脱贫"_s).value(), QList<qint64>{9});
        // Stored again (as an undo does) it keeps its text and is found; gone, the index forgets
        // it with its text.
        const Result<QList<StoredArticle>> stored = library.storedArticles({9});
        QVERIFY(stored.ok());
        const Result<QList<qint64>> again =
            library.replaceArticles(5, {9}, stored.value(), std::nullopt);
        QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
        QCOMPARE(library.article(again->front())->article.blocks, article->article.blocks);
        QCOMPARE(library.searchIds(u"脱贫"_s).value(), again.value());
        QVERIFY(library.replaceArticles(5, again.value(), {}, std::nullopt).ok());
        QVERIFY(library.searchIds(u"脱贫"_s)->isEmpty());
        if (backend == u"file"_s) {
            Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(location);
            const auto count = [&](const char *sql) {
                PreparedStatement s = db.value()->prepared(sql);
                return s && s->step() == Statement::Step::Row ? s->int64(0) : -1;
            };
            QCOMPARE(count("SELECT count(*) FROM pragma_table_info('article') "
                           "WHERE name IN ('blocks', 'plain_text')"),
                     0);
            QCOMPARE(count("SELECT count(*) FROM article_body"), 300);
            // Made compact after the update: no page the texts left is free.
            QCOMPARE(count("PRAGMA freelist_count"), 0);
            QVERIFY(db.value()
                        ->execScript("INSERT INTO article_fts (article_fts) VALUES "
                                     "('integrity-check');"
                                     "INSERT INTO article_chars (article_chars) VALUES "
                                     "('integrity-check');")
                        .ok());
        }
    }

    // An older library's pages get the publication, date and page number their text and file
    // give, where a person set none; what a person set stays and is said to be theirs. Set again
    // for many pages at once, each keeps where the rest came from.
    void anOlderLibrarysPagesGetTheirDetails_data() { backends(); }
    void anOlderLibrarysPagesGetTheirDetails()
    {
        QFETCH(QString, backend);
        const char *rows =
            "INSERT INTO page (id, file_name, source_path, sha256, byte_size, encoding, "
            "imported_at, publication) VALUES (1, '03.txt', '/archive/聊城日报/2019/05/28/03.txt', "
            "'a', 3, 'UTF-8', '2020-01-01', ''), (2, 'b.txt', '/b.txt', 'b', 3, 'UTF-8', "
            "'2020-01-01', '人民日报');"
            "INSERT INTO page_text (page_id, raw_text) VALUES (1, '扶贫' || chr(10) || '正文。'), "
            "(2, '2020年1月2日  星期四' || chr(10) || '扶贫' || chr(10) || '正文。');";
        QString location;
        if (backend == u"file"_s) {
            location = m_dir.filePath(u"schema13.sqlite3"_s);
            Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(location);
            QVERIFY(db.ok());
            QVERIFY(Migrations::migrate(*db.value(), 13).ok());
            QString sql = QString::fromUtf8(rows);
            sql.replace(u"chr(10)"_s, u"char(10)"_s);
            QVERIFY(db.value()->execScript(sql.toUtf8().constData()).ok());
        } else {
            location = test::freshServerLibrary(u"schema4"_s);
            Result<std::unique_ptr<PgDatabase>> db = PgDatabase::open(location, false);
            QVERIFY(db.ok());
            QVERIFY(PgSchema::migrate(*db.value(), 4).ok());
            QVERIFY(db.value()->execScript(rows).ok());
        }
        Result<std::unique_ptr<Library>> opened = Library::open(location);
        QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
        Library &library = *opened.value();
        const PageDetails first = library.page(1)->details();
        QCOMPARE(first.publication.value, u"聊城日报"_s);
        QCOMPARE(first.publication.origin, DetailOrigin::Folder);
        QCOMPARE(first.date.value, u"2019-05-28"_s);
        QCOMPARE(first.date.origin, DetailOrigin::Folder);
        QCOMPARE(first.pageNumber.value, u"3"_s);
        QCOMPARE(first.pageNumber.origin, DetailOrigin::FileName);
        const PageDetails second = library.page(2)->details();
        QCOMPARE(second.publication.value, u"人民日报"_s);
        QCOMPARE(second.publication.origin, DetailOrigin::Person);
        QCOMPARE(second.date.value, u"2020-01-02"_s);
        QCOMPARE(second.date.origin, DetailOrigin::Page);
        QCOMPARE(second.pageNumber.origin, DetailOrigin::None);

        // Both pages at once, in one transaction; each keeps its own page number and origin.
        PageDetails changed = first;
        changed.date = {u"2019-06-01"_s, DetailOrigin::Person};
        PageDetails changedSecond = second;
        changedSecond.date = {u"2019-06-01"_s, DetailOrigin::Person};
        QVERIFY(library.setPagesDetails({{1, changed}, {2, changedSecond}}).ok());
        QCOMPARE(library.page(1)->date, u"2019-06-01"_s);
        QCOMPARE(library.page(1)->dateFrom, DetailOrigin::Person);
        QCOMPARE(library.page(1)->pageNumberFrom, DetailOrigin::FileName);
        QCOMPARE(library.page(2)->dateFrom, DetailOrigin::Person);
        QCOMPARE(library.page(2)->publication, u"人民日报"_s);
    }

    // A person's own tag renamed, folded into a campaign and put back, on both engines: the
    // articles and every judgment go with it and come back.
    void ownTagsAreRenamedMergedAndRestored_data() { backends(); }
    void ownTagsAreRenamedMergedAndRestored()
    {
        QFETCH(QString, backend);
        const std::unique_ptr<Library> made = fresh(backend, u"owntags"_s);
        QVERIFY(importSeeds(*made) > 0);
        const std::unique_ptr<Library> library = openAs(*made, u"wang"_s); // judgments are hers
        const QString tag = library->addTag(u"县域经济"_s, u"#8e44ad"_s).value();
        const QList<qint64> ids = library->articleIds({}).value();
        QVERIFY(library->setCampaign(ids[0], tag, true).ok());
        QVERIFY(library->setCampaign(ids[1], tag, true).ok());
        QVERIFY(library->setCampaign(ids[1], u"poverty-relief"_s, true).ok());
        QVERIFY(!library->updateTag(tag, builtinCampaigns().front().nameZh, u"#000000"_s).ok());
        QVERIFY(library->updateTag(tag, u"县域发展"_s, u"#d35400"_s).ok());
        QCOMPARE(library->campaigns()->last().nameZh, u"县域发展"_s);
        const TagRecord mine = library->tagRecord(tag).value();
        const TagRecord campaign = library->tagRecord(u"poverty-relief"_s).value();
        QCOMPARE(mine.articles.size(), 2);
        QVERIFY(!mine.codings.isEmpty());

        const Result<TagMerge> added = library->mergeTag(tag, u"poverty-relief"_s);
        QVERIFY2(added.ok(), qPrintable(added.errorMessage()));
        QCOMPARE(added->articles, QList<qint64>{ids[0]}); // ids[1] carried both
        QCOMPARE(library->campaigns()->size(), 3);
        QVERIFY(library->article(ids[0])->campaigns.contains(u"poverty-relief"_s));
        QVERIFY(!library->mergeTag(u"poverty-relief"_s, u"anti-crime"_s).ok());
        // A colleague tags another article with the campaign meanwhile: the undo keeps it.
        QVERIFY(library->setCampaign(ids[2], u"poverty-relief"_s, true).ok());

        QVERIFY(library->restoreTag(mine, u"poverty-relief"_s, added.value()).ok());
        QCOMPARE(library->campaigns()->last().nameZh, u"县域发展"_s);
        QVERIFY(!library->article(ids[0])->campaigns.contains(u"poverty-relief"_s));
        QVERIFY(library->article(ids[0])->campaigns.contains(tag));
        QVERIFY(library->article(ids[2])->campaigns.contains(u"poverty-relief"_s));
        const TagRecord back = library->tagRecord(tag).value();
        QCOMPARE(back.articles, mine.articles);
        QCOMPARE(back.codings, mine.codings);
        // Deleted, and its id taken by a new tag: putting it back is refused, the new tag kept.
        QVERIFY(library->removeTag(tag).ok());
        const QString newer = library->addTag(u"营商环境"_s, u"#16a085"_s).value();
        QCOMPARE(newer, tag);
        QVERIFY(!library->restoreTag(mine).ok());
        QCOMPARE(library->campaigns()->last().nameZh, u"营商环境"_s);
    }

    // A database a newer program wrote is refused and left as it was; a server that is not there
    // or a database that does not exist is named, with no password in the message.
    void refusesWhatItCannotOpenAndSaysWhy()
    {
        const QString url = test::freshServerLibrary(u"newer"_s);
        QVERIFY(Library::open(url).ok());
        {
            Result<std::unique_ptr<PgDatabase>> db = PgDatabase::open(url, false);
            QVERIFY(db.value()->execScript("UPDATE br_schema SET version = 99").ok());
        }
        const Result<std::unique_ptr<Library>> newer = Library::open(url);
        QVERIFY(!newer.ok());
        QVERIFY2(newer.errorMessage().contains(u"newer Bulletin Reader (schema 99"_s),
                 qPrintable(newer.errorMessage()));

        QString missing = test::serverUrl();
        missing.replace(u"postgres@/postgres?"_s, u"postgres:hunter2@/no_such_library?"_s);
        const Result<std::unique_ptr<Library>> absent = Library::open(missing);
        QVERIFY(!absent.ok());
        QVERIFY2(absent.errorMessage().contains(u"no_such_library"_s) &&
                     absent.errorMessage().contains(u"does not exist"_s) &&
                     !absent.errorMessage().contains(u"hunter2"_s),
                 qPrintable(absent.errorMessage()));
        // The scheme in capitals is still a server's URL (libpq would take it for key=value
        // settings and quote it whole), and the password is still not shown.
        missing.replace(u"postgresql://"_s, u"POSTGRESQL://"_s);
        const Result<std::unique_ptr<Library>> shouted = Library::open(missing);
        QVERIFY(!shouted.ok());
        QVERIFY2(shouted.errorMessage().contains(u"does not exist"_s) &&
                     !shouted.errorMessage().contains(u"hunter2"_s),
                 qPrintable(shouted.errorMessage()));
    }

    // What a snapshot reads stays as it was while another connection writes, on either engine
    // (a copy reads its source so); once dropped, the new state is seen.
    void aSnapshotReadsTheLibraryAsItWas_data() { backends(); }
    void aSnapshotReadsTheLibraryAsItWas()
    {
        QFETCH(QString, backend);
        const std::unique_ptr<Library> reader = fresh(backend, u"snapshot"_s);
        QCOMPARE(importSeeds(*reader), 8);
        const qint64 id = reader->articles().value().front().id;
        const std::unique_ptr<Library> writer = Library::open(reader->location()).value();
        Result<std::unique_ptr<Library::Snapshot>> snapshot = reader->beginSnapshot();
        QVERIFY2(snapshot.ok(), qPrintable(snapshot.errorMessage()));
        QVERIFY(reader->article(id)->campaigns.isEmpty());
        QVERIFY(writer->setCampaign(id, u"anti-crime"_s, true).ok());
        QVERIFY(reader->article(id)->campaigns.isEmpty());
        snapshot.value().reset();
        QCOMPARE(reader->article(id)->campaigns, QStringList{u"anti-crime"_s});
        // And it leaves the connection able to write.
        QVERIFY(reader->setCampaign(id, u"anti-crime"_s, false).ok());
    }

    // A NUL character (U+0000), which a server's text cannot hold, is refused there with a
    // message rather than stored cut short; the file keeps it whole.
    void aNulCharacterIsNeverCutShort_data() { backends(); }
    void aNulCharacterIsNeverCutShort()
    {
        QFETCH(QString, backend);
        const std::unique_ptr<Library> library = fresh(backend, u"nul"_s);
        QCOMPARE(importSeeds(*library), 8);
        const qint64 article = library->articles().value().front().id;
        const qint64 note = test::highlight(*library, article, u"黑恶势力"_s, u"前"_s);
        const QString withNul = u"前"_s + QChar(0) + u"后"_s;
        const Status saved = library->setAnnotationNote(note, withNul);
        if (backend == u"file"_s) {
            QVERIFY(saved.ok());
            QCOMPARE(library->annotations(article)->front().note, withNul);
        } else {
            QVERIFY(!saved.ok());
            QVERIFY2(saved.errorMessage().contains(u"NUL"_s), qPrintable(saved.errorMessage()));
            QCOMPARE(library->annotations(article)->front().note, u"前"_s);
        }
    }

    // A file with a person's work in it, copied to a server and back: the same library each
    // time, and the server goes on giving new ids after the copied ones.
    void copiesAFileToAServerAndBack()
    {
        const std::unique_ptr<Library> file = fresh(u"file"_s, u"copy-source"_s);
        QCOMPARE(importSeeds(*file), 8);
        const QList<ArticleSummary> all = file->articles().value();
        const QString own = file->addTag(u"乡村振兴"_s, u"#336699"_s).value();
        QVERIFY(file->setCampaign(all[3].id, own, true).ok());
        QVERIFY(file->setCampaign(all[4].id, u"anti-crime"_s, true, TagSource::Suggestion).ok());
        test::highlight(*file, all[4].id, all[4].title.left(3), u"看这里"_s);
        QVERIFY(file->setCounty(all[4].id, QString()).ok());
        QVERIFY(file->mergeUnit(u"卫计委"_s, u"卫生计生委"_s).ok());
        QVERIFY(file->addSavedView(SavedView{0, u"扶贫"_s, u"扶贫"_s, QString(), QString()}).ok());
        ArticleEditor editor(*file);
        Result<ArticleRewrite> merged = editor.merge(all[0].id, all[1].id);
        QVERIFY(merged.ok() && editor.apply(merged.value()).ok());

        const std::unique_ptr<Library> server = fresh(u"server"_s, u"copy_target"_s);
        const Result<CopyReport> up = copyLibrary(*file, *server);
        QVERIFY2(up.ok(), qPrintable(up.errorMessage()));
        QCOMPARE(up->articles, file->articleCount().value());
        QCOMPARE(up->annotations, 1);
        const std::unique_ptr<Library> back = fresh(u"file"_s, u"copy-back"_s);
        const Result<CopyReport> down = copyLibrary(*server, *back);
        QVERIFY2(down.ok(), qPrintable(down.errorMessage()));

        for (Library *copy : {server.get(), back.get()}) {
            QCOMPARE(summaryLines(*copy), summaryLines(*file));
            QCOMPARE(coverageLines(*copy), coverageLines(*file));
            QCOMPARE(tableLines(Tables::notes(*copy, {})), tableLines(Tables::notes(*file, {})));
            QCOMPARE(copy->unitMerges().value(), file->unitMerges().value());
            QCOMPARE(copy->savedViews()->front().query, u"扶贫"_s);
            const QList<std::pair<qint64, bool>> pages = file->pagesForResplit().value();
            QCOMPARE(copy->pagesForResplit()->size(), pages.size());
            for (qsizetype p = 0; p < pages.size(); ++p) {
                const QList<StoredArticle> original =
                    file->storedArticles(file->pageArticleIds(pages[p].first).value()).value();
                const qint64 copiedPage = copy->pagesForResplit()->at(p).first;
                QCOMPARE(copy->pagesForResplit()->at(p).second, pages[p].second);
                QCOMPARE(copy->page(copiedPage)->corrected, file->page(pages[p].first)->corrected);
                const QList<StoredArticle> copied =
                    copy->storedArticles(copy->pageArticleIds(copiedPage).value()).value();
                QCOMPARE(copied.size(), original.size());
                for (qsizetype i = 0; i < copied.size(); ++i) {
                    QCOMPARE(copied[i].id, original[i].id);
                    QCOMPARE(copied[i].uuid, original[i].uuid);
                    QCOMPARE(copied[i].headlineEdited, original[i].headlineEdited);
                    QCOMPARE(copied[i].tags, original[i].tags);
                    QCOMPARE(copied[i].countyCorrection, original[i].countyCorrection);
                    QCOMPARE(copied[i].countyMark, original[i].countyMark);
                    QCOMPARE(copied[i].headlineMark, original[i].headlineMark);
                    QCOMPARE(copied[i].annotations.size(), original[i].annotations.size());
                    for (qsizetype n = 0; n < copied[i].annotations.size(); ++n) {
                        QCOMPARE(copied[i].annotations[n].uuid, original[i].annotations[n].uuid);
                        QCOMPARE(copied[i].annotations[n].author,
                                 original[i].annotations[n].author);
                        QCOMPARE(copied[i].annotations[n].createdAt,
                                 original[i].annotations[n].createdAt);
                    }
                }
            }
        }
        // New work on the copy gets ids after the copied ones.
        const qint64 note = test::highlight(*server, all[5].id, all[5].title.left(2));
        QVERIFY(note > 1);
        // A library that holds pages is not copied into, and stays as it was.
        const Result<CopyReport> again = copyLibrary(*file, *server);
        QVERIFY(!again.ok());
        QVERIFY2(again.errorMessage().contains(u"new, empty"_s), qPrintable(again.errorMessage()));
        QCOMPARE(server->articleCount().value(), file->articleCount().value());
    }

    // The command line on a server: --db URL, the same output as on a file.
    void commandLineWorksOnAServer()
    {
        const QString url = test::freshServerLibrary(u"cli"_s);
        const QString file = m_dir.filePath(u"cli.sqlite3"_s);
        for (const QString &db : {url, file}) {
            const test::CliRun run = test::runCli({u"--db"_s, db, u"import"_s, test::seedsPath()});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        }
        for (const QStringList &command :
             {QStringList{u"list"_s}, QStringList{u"report"_s, u"--by"_s, u"county"_s},
              QStringList{u"search"_s, u"扶贫 -莘县"_s},
              QStringList{u"article"_s, u"show"_s, u"9"_s}}) {
            const test::CliRun onServer = test::runCli(QStringList{u"--db"_s, url} + command);
            const test::CliRun onFile = test::runCli(QStringList{u"--db"_s, file} + command);
            QVERIFY2(onServer.exitCode == 0, qPrintable(onServer.err));
            if (command.front() != u"search"_s) {
                QCOMPARE(onServer.out, onFile.out);
                continue;
            }
            // The same hits with the same snippets; ranked on each engine its own way.
            QStringList serverLines = onServer.out.split(u'\n');
            QStringList fileLines = onFile.out.split(u'\n');
            serverLines.sort();
            fileLines.sort();
            QCOMPARE(serverLines, fileLines);
        }
        const test::CliRun tagged = test::runCli({u"--db"_s, url, u"tag"_s, u"9"_s, u"脱贫攻坚"_s});
        QVERIFY2(tagged.exitCode == 0, qPrintable(tagged.err));
        const test::CliRun shown = test::runCli({u"--db"_s, url, u"article"_s, u"show"_s, u"9"_s});
        QVERIFY2(shown.out.contains(u"campaigns: poverty-relief"_s),
                 qPrintable(shown.out + shown.err));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
