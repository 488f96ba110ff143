#pragma once

#include <optional>

#include "library/Library.h"

#include <QTextBrowser>

namespace br::ui {

// The article as a reader expects it — kicker small above a large title, subtitle, byline, the
// repaired paragraphs, subheads, captions set apart — with highlights in their colours; or, one
// toggle away, the original page text with the article's lines marked.
//
// The text is put into the document with QTextCursor::insertText only: page text, titles and notes
// are never interpreted as HTML, no link is followed and no resource is loaded. Each part of the
// article is one text block, so document positions are offsets into Article::plainText(), which
// is what annotations store.
class ArticleView final : public QTextBrowser
{
    Q_OBJECT

public:
    explicit ArticleView(QWidget *parent = nullptr);

    void showArticle(const ArticleDetail &detail, const QList<Annotation> &annotations);
    void showOriginal(const PageDetail &page, int firstLine, int lastLine);
    void clearArticle();
    // Scrolls to `value` of the vertical scroll bar, as it was before the article was shown
    // again (a tag or a note must not move the text).
    void keepScrollAt(int value);

    bool isShowingOriginal() const { return m_original; }
    // The selected range in the article's plain text, or an empty range.
    std::pair<int, int> selectedRange() const;
    void revealRange(int start, int end); // UTF-16 positions of the document
    // Where the cursor stands in the article's body: the block (an index of Article::blocks) and
    // the code points before the cursor in it. Nothing in the headline, byline or credit, or
    // while the original page is shown.
    std::optional<std::pair<int, int>> cursorInBody() const;
    // Scrolls an annotation of the shown article into view (its positions count code points).
    void revealAnnotation(const Annotation &annotation);

    // Marks where the search matched (over the highlights, without changing the document).
    void setSearchMatches(const QList<std::pair<qsizetype, qsizetype>> &ranges);
    int searchMatchCount() const { return static_cast<int>(m_matches.size()); }
    // Moves to the next (or previous) match, wrapping around; false when there is none.
    bool goToMatch(bool backwards);
    void clearSelection();

    QVariant loadResource(int type, const QUrl &name) override;

private:
    QTextDocument *newDocument() const;
    void display(QTextDocument *doc); // replaces the document shown
    bool m_original = false;
    QString m_plainText;     // of the article shown: what annotation positions count in
    int m_headlineParts = 0; // document blocks before the body: kicker, title, subtitle, byline
    QList<Block> m_blocks;   // the body shown
    QList<std::pair<qsizetype, qsizetype>> m_matches;
    int m_currentMatch = -1;
};

} // namespace br::ui
