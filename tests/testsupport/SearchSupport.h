#pragma once

// The search's contract, checked the same way on every store: the queries of every kind it names,
// and the brute-force answer a scan of every article's folded text gives.
#include "library/Library.h"
#include "library/SearchQuery.h"
#include "library/SqliteDatabase.h"
#include "text/CharFold.h"

#include <QRandomGenerator>
#include <QStringList>
#include <QTest>

#include <algorithm>

namespace br::test {

using namespace Qt::StringLiterals;

struct Corpus
{
    QList<qint64> ids;
    QStringList folded; // CharFold::fold(plain_text), by position in ids
};

// Every article's text, read with SQLite itself from the file at `path`.
inline Corpus corpusOf(const QString &path)
{
    Corpus corpus;
    Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(path);
    PreparedStatement s =
        db.value()->prepared("SELECT article_id, plain_text FROM article_body ORDER BY article_id");
    while (s->step() == Statement::Step::Row) {
        corpus.ids.append(s->int64(0));
        corpus.folded.append(CharFold::fold(s->text(1)));
    }
    return corpus;
}

// The same through the store, for a library anywhere.
inline Corpus corpusOf(Library &library)
{
    Corpus corpus;
    const Result<QList<ArticleSummary>> articles = library.articles();
    QList<qint64> ids;
    for (const ArticleSummary &a : articles.value())
        ids.append(a.id);
    std::sort(ids.begin(), ids.end());
    for (const qint64 id : std::as_const(ids)) {
        corpus.ids.append(id);
        corpus.folded.append(CharFold::fold(library.article(id)->article.plainText()));
    }
    return corpus;
}

inline QList<qint64> bruteForce(const Corpus &corpus, const QString &query)
{
    const SearchQuery parsed = SearchQuery::parse(query);
    QList<qint64> ids;
    if (parsed.isEmpty())
        return ids;
    for (qsizetype i = 0; i < corpus.ids.size(); ++i) {
        if (parsed.matchesFolded(corpus.folded[i]))
            ids.append(corpus.ids[i]);
    }
    return ids;
}

inline QList<qint64> sorted(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

// Queries of every kind the contract names: 1-, 2-, 3- and 6-character substrings sampled from the
// text, names, places, phrases, exclusions, FTS5 syntax as text, and strings that are not there.
inline QStringList queriesFor(const Corpus &corpus, int samples)
{
    QStringList queries{u"扶贫"_s,
                        u"创城"_s,
                        u"涉黑"_s,
                        u"王长新"_s,
                        u"莘县"_s,
                        u"聊城市"_s,
                        u"县"_s,
                        u"贫"_s,
                        u"镇"_s,
                        u"龘"_s,
                        u"龘龘"_s,
                        u"xyzzy"_s,
                        u"2018"_s,
                        u"01"_s,
                        u"LED"_s,
                        u"ＬＥＤ"_s,
                        u"led电子屏"_s,
                        u"掃黑除惡"_s,
                        u"脫貧"_s,
                        u"扶贫 莘县"_s,
                        u"扶贫 -莘县"_s,
                        u"-扶贫"_s,
                        u"\"扶贫 工作\""_s,
                        u"\"扶贫工作"_s,
                        u"扶贫*"_s,
                        u"NEAR(扶贫)"_s,
                        u"扶贫 AND 脱贫"_s,
                        u"(扶贫)"_s,
                        u"1+1"_s,
                        u"“1+1”"_s,
                        u"大学习、大调研"_s,
                        u"。"_s,
                        u"——"_s,
                        u"扶贫 OR"_s,
                        u"- 扶贫"_s,
                        u"*"_s,
                        u"\""_s};
    QRandomGenerator random(20261123);
    for (int n = 0; n < samples; ++n) {
        const QString &text = corpus.folded[random.bounded(static_cast<int>(corpus.folded.size()))];
        // Every fourth a longer piece, most often across punctuation (a phrase the index
        // narrows down and the text decides).
        const int length = n % 4 == 3 ? 6 : 1 + n % 4;
        if (text.size() <= length)
            continue;
        QString sample = text.mid(random.bounded(static_cast<int>(text.size() - length)), length);
        if (sample.trimmed().isEmpty() || sample.contains(u'"'))
            continue;
        queries.append(sample.contains(u' ') ? u'"' + sample + u'"' : sample);
    }
    return queries;
}

// Every query of queriesFor() finds in `library` exactly the articles the scan of `corpus` finds.
inline void compareWithBruteForce(Library &library, const Corpus &corpus, int samples)
{
    QVERIFY(corpus.ids.size() > 20);
    int nonEmpty = 0;
    for (const QString &query : queriesFor(corpus, samples)) {
        const Result<QList<qint64>> found = library.searchIds(query);
        QVERIFY2(found.ok(), qPrintable(query + u": "_s + found.errorMessage()));
        const QList<qint64> expected = bruteForce(corpus, query);
        if (!expected.isEmpty())
            ++nonEmpty;
        QVERIFY2(sorted(found.value()) == expected,
                 qPrintable(u"query %1: index %2, scan %3"_s.arg(query)
                                .arg(found->size())
                                .arg(expected.size())));
    }
    QVERIFY(nonEmpty > samples / 2);
}

} // namespace br::test
