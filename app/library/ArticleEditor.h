#pragma once

#include "core/Result.h"
#include "library/Library.h"
#include "library/PageReader.h"

#include <optional>

namespace br {

// A change of a run of neighbouring articles on one page: what was there, what replaces it, and
// how the annotations came through. Applying it stores `after`; undoing it stores `before` back
// exactly (ids, uuids, tags, notes and their times).
struct ArticleRewrite
{
    qint64 pageId = 0;
    QList<StoredArticle> before;
    QList<StoredArticle> after;    // ids are filled in when it is first applied
    bool byHand = true;            // a person's correction: the page counts as corrected
    bool pageWasCorrected = false; // before it: what an undo puts back
    qsizetype shown = 0;           // the article of `after` a window shows once it is applied
    int exact = 0;                 // annotations found again unchanged
    int check = 0;                 // found by a close match: a person should look
    int orphaned = 0;              // not found

    // False when `after` holds the same articles as `before` (headlines, blocks and their kinds):
    // a re-split that found what was there already.
    bool changesArticles() const;
    QList<qint64> beforeIds() const;
    QList<qint64> afterIds() const;
};

// The headline fields a person sets; fields left unset keep their text.
struct HeadlineEdit
{
    std::optional<QString> kicker;
    std::optional<QString> title;
    std::optional<QString> subtitle;
    std::optional<QString> byline;

    // The headline as the person saw it: a field they change that somebody changed meanwhile
    // is refused (Error::Kind::Stale), not overwritten. None: not checked (a script's edit).
    struct Seen
    {
        QString kicker;
        QString title;
        QString subtitle;
        QString byline;
    };
    std::optional<Seen> seen;
};

// Hand corrections of the split and the re-split with the current engine, planned from what the
// library keeps and applied as one replacement each (Library::replaceArticles). Tags follow the
// text (a merge keeps both articles' tags, both halves of a split keep the article's), every
// annotation is anchored again in the new text (TextAnchor), a person's county, unit and headline
// corrections stay with the article they were made on, and the analysis (suggestions, places,
// unit) runs again on the new articles — the store itself never analyses.
class ArticleEditor final
{
public:
    // `formats`: the readers a page in another format than plain text is split again with.
    explicit ArticleEditor(Library &library, PageFormats formats = {});

    enum class Direction
    {
        Previous,
        Next
    };

    // `nextId` must follow `id` on its page. The second article's headline and byline become
    // blocks of the first, so the merged text is the two texts one after the other.
    Result<ArticleRewrite> merge(qint64 id, qint64 nextId);
    // A new article from block `block` on (0-based); with `at` (code points into that block) the
    // block is cut there first. A subhead that opens the new article becomes its title.
    Result<ArticleRewrite> split(qint64 id, int block, std::optional<int> at = std::nullopt);
    Result<ArticleRewrite> setHeadline(qint64 id, const HeadlineEdit &edit);
    // The first block to the end of the previous article, or the last to the start of the next.
    Result<ArticleRewrite> moveBlock(qint64 id, int block, Direction direction);
    // The page split again with the current engine, matched to the old articles by their text.
    Result<ArticleRewrite> resplit(qint64 pageId);

    // Stores the rewrite's `after` (filling in its ids), or its `before` again.
    Status apply(ArticleRewrite &rewrite);
    // Ids another writer took in between (an import reuses a deleted article's id) are given
    // anew; the rewrite is brought up to date, so redo and undo go on alternating.
    Status undo(ArticleRewrite &rewrite);

private:
    // What anybody did to the articles `left` (as a step stored them) since — tags set or taken
    // off, judgments made, changed or taken back, highlights and notes made, changed or removed
    // — carried onto `into`, the articles about to replace them (the one with the same uuid,
    // else the first; a highlight where its passage is): an undo or a redo puts back the step's
    // own text, never older work over a colleague's newer. `left` is brought up to date, for
    // the step's next turn.
    Status carryLaterWork(QList<StoredArticle> &left, QList<StoredArticle> &into);
    // Suggestions, places and unit of `after`, with the page's other articles as context.
    Status analyse(qint64 pageId, const QList<qint64> &replaced, QList<StoredArticle> &after);
    Result<QList<StoredArticle>> neighbours(qint64 id, qint64 nextId);
    Result<ArticleRewrite> finish(qint64 pageId, QList<StoredArticle> before,
                                  QList<StoredArticle> after, bool byHand);

    Library &m_library;
    PageReader m_reader;
};

} // namespace br
