#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

struct sqlite3;

namespace br {

// The FTS5 tokenizer "br_cjk", for the two tables search reads. Text is folded character by
// character (CharFold); runs of word characters (hanzi, letters, digits) are what it indexes:
//  - "br_cjk pairs" (article_fts, detail=full): every run as its overlapping pairs — 扶贫工作 →
//    扶贫 贫工 工作 — so a two-character term is one token and a longer one a phrase of
//    consecutive pairs: every substring of two or more characters is found from the index, which
//    the trigram tokenizer (nothing under three characters) cannot do. Where a run ends on the
//    character the next begins with (大学。学生), a token no query holds (0x1F, of no length in
//    the text) stands between them, so that their pairs do not read as one phrase (大学生); it
//    counts in an article's length as FTS5 and the ranking see it;
//  - "br_cjk chars" (article_chars, detail=none): every distinct character once per text, so a
//    one-character term is one exact lookup of which articles hold it rather than a prefix
//    merge of every pair starting with it;
//  - "br_cjk" alone: pairs plus each run's last character, the single index of schema versions 3
//    to 6, kept so that their migration can open it.
// Offsets point into the unfolded text, for snippets.
//
// Queries are not tokenized again: SearchQuery builds them out of tokens of these very shapes,
// and the tokenizer hands such a token to FTS5 as it is.
Status registerCjkTokenizer(sqlite3 *db);

// What the index holds of `folded` (a query term already folded), as lists of tokens: a run of
// one word character as the character itself (article_chars); the pairs of the longer runs
// (article_fts) as phrases, a phrase going on across punctuation and single characters as the
// pairs do in the index (扶贫、莘县 is 扶贫 莘县 at consecutive positions), and ending where a
// break token stands between two runs (大学。学生 is 大学 and 学生).
QList<QStringList> cjkPhrasesOf(const QString &folded);

// Texts of the index folded ahead of time, by an import's readers: while a Scope holds them, the
// tokenizer on this thread reads each character's folded form from them instead of folding it
// again on the one thread that writes. A folded text is used only for the very bytes it was made
// from (compared whole); any other text is folded as always.
class PrefoldedTexts final
{
public:
    // `utf8` folded for the index: character for character, where a character that folds to
    // none or to several (… to ..., ① to 1 is one) is written as kGroupOpen, what it folds to,
    // kGroupClose (bytes UTF-8 never holds). `utf8` itself, shared, when folding changes nothing.
    static QByteArray fold(const QByteArray &utf8);
    static constexpr unsigned char kGroupOpen = 0xFE;
    static constexpr unsigned char kGroupClose = 0xFF;

    // Keeps `folded` (fold(source)) for `source`; both are shared, not copied.
    void add(const QByteArray &source, const QByteArray &folded);
    // The folded form of exactly these bytes (a null array: they fold to themselves), or
    // nullptr when they were not added.
    const QByteArray *find(const char *text, int length) const;

    // Makes `texts` the ones the tokenizer looks in on this thread, for the scope's life.
    class Scope final
    {
    public:
        explicit Scope(const PrefoldedTexts &texts);
        ~Scope();
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        const PrefoldedTexts *m_previous;
    };
    static const PrefoldedTexts *current();

private:
    static quint64 keyOf(const char *text, int length);
    size_t freeSlot(quint64 key) const;
    struct Entry
    {
        quint64 key;
        QByteArray source;
        QByteArray folded; // null: the source folds to itself
    };
    std::vector<Entry> m_entries;
    std::vector<qint32> m_slots; // into m_entries, -1 free
};

} // namespace br
