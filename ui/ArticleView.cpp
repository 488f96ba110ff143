#include "ArticleView.h"

#include "text/CodePoints.h"

#include <QAbstractTextDocumentLayout>
#include <QPointer>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace br::ui {

namespace {

QTextBlockFormat blockFormat(qreal top, qreal bottom, qreal indent = 0)
{
    QTextBlockFormat f;
    f.setTopMargin(top);
    f.setBottomMargin(bottom);
    f.setLeftMargin(indent);
    f.setLineHeight(135, QTextBlockFormat::ProportionalHeight);
    return f;
}

QTextCharFormat charFormat(qreal pointSize, bool bold = false, bool italic = false,
                           const QColor &color = QColor())
{
    QTextCharFormat f;
    f.setFontPointSize(pointSize);
    f.setFontWeight(bold ? QFont::Bold : QFont::Normal);
    f.setFontItalic(italic);
    if (color.isValid())
        f.setForeground(color);
    return f;
}

// `parts` parts of `a` to `baseParts` parts of `b`.
QColor blend(const QColor &a, int parts, const QColor &b, int baseParts)
{
    const auto mix = [&](int x, int y) {
        return (x * parts + y * baseParts) / (parts + baseParts);
    };
    return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
}

// Kickers, bylines, captions and credits: quieter than the body, yet well readable (about 9:1
// against the page in a light palette, as much in a dark one), unlike the palette's placeholder
// grey (under 4:1).
QColor secondaryText(const QPalette &palette)
{
    return blend(palette.color(QPalette::Text), 3, palette.color(QPalette::Base), 1);
}

// The lines of the article in the page as printed: the palette's highlight, laid lightly on the
// page so the text over it stays as readable as the rest.
QColor markedLines(const QPalette &palette)
{
    return blend(palette.color(QPalette::Highlight), 2, palette.color(QPalette::Base), 5);
}

} // namespace

ArticleView::ArticleView(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    document()->setDocumentMargin(24);
    setObjectName(QStringLiteral("articleView"));
}

QVariant ArticleView::loadResource(int, const QUrl &)
{
    return {}; // nothing is fetched: not files, not data: URLs, not the network
}

QTextDocument *ArticleView::newDocument() const
{
    // Made apart from the view, then shown whole: a document shown while it is being filled is
    // laid out again at every paragraph, and one given to the view whole is laid out as far as
    // the screen shows, the rest a step at a time in the background (most of the time of moving
    // to the next article went to laying out all of it).
    const QTextDocument *shown = document();
    // The view is the parent, so resources are asked of loadResource.
    auto *doc = new QTextDocument(const_cast<ArticleView *>(this));
    doc->setUndoRedoEnabled(false);
    doc->setDocumentMargin(shown->documentMargin());
    doc->setDefaultFont(shown->defaultFont());
    doc->setDefaultTextOption(shown->defaultTextOption());
    // No size, so not laid out when the view takes it (at whatever width a new document has),
    // only when the view gives it its own width, and then as far as the screen shows.
    doc->setPageSize(QSizeF(0, 0));
    return doc;
}

void ArticleView::display(QTextDocument *doc)
{
    // The view deletes the document it made itself, and lets go of the others without.
    const QPointer<QTextDocument> before = document();
    setExtraSelections({}); // their cursors are in the document let go
    setDocument(doc);
    setTextCursor(QTextCursor(doc));
    if (before && before->parent() == this)
        delete before;
}

void ArticleView::keepScrollAt(int value)
{
    // The whole document laid out first: the range is only as long as what was laid out.
    document()->documentLayout()->documentSize();
    verticalScrollBar()->setValue(value);
}

void ArticleView::clearArticle()
{
    m_original = false;
    m_plainText.clear();
    m_blocks.clear();
    m_headlineParts = 0;
    setSearchMatches({});
    document()->clear();
}

void ArticleView::showArticle(const ArticleDetail &detail, const QList<Annotation> &annotations)
{
    m_original = false;
    QTextDocument *doc = newDocument();
    const qreal base = font().pointSizeF() > 0 ? font().pointSizeF() : 10;
    QTextCursor cursor(doc);
    bool first = true;
    // One block per part, in the order of Article::plainText().
    const auto part = [&](const QString &text, const QTextBlockFormat &bf,
                          const QTextCharFormat &cf) {
        if (text.isEmpty())
            return;
        if (!first)
            cursor.insertBlock();
        first = false;
        cursor.setBlockFormat(bf);
        cursor.setBlockCharFormat(cf);
        cursor.insertText(text, cf);
    };
    const Article &a = detail.article;
    const QColor muted = secondaryText(palette());
    part(a.kicker, blockFormat(0, 2), charFormat(base * 1.05, false, false, muted));
    part(a.title, blockFormat(0, 4), charFormat(base * 1.9, true));
    part(a.subtitle, blockFormat(0, 6), charFormat(base * 1.2));
    part(a.byline, blockFormat(2, 12), charFormat(base * 0.95, false, false, muted));
    for (const Block &b : a.blocks) {
        switch (b.type) {
        case Block::Type::Paragraph: {
            QTextBlockFormat bf = blockFormat(0, 8);
            bf.setTextIndent(base * 2.4); // two characters, as Chinese paragraphs are set
            part(b.text, bf, charFormat(base * 1.15));
            break;
        }
        case Block::Type::Subhead:
            part(b.text, blockFormat(10, 6), charFormat(base * 1.2, true));
            break;
        case Block::Type::Caption:
            // Upright: Chinese has no italic, only a slant the renderer makes up.
            part(b.text, blockFormat(4, 10, base * 2),
                 charFormat(base * 1.05, false, false, muted));
            break;
        }
    }
    part(a.credit, blockFormat(4, 0), charFormat(base, false, false, muted));

    m_plainText = a.plainText();
    m_blocks = a.blocks;
    m_headlineParts = 0;
    for (const QString *head : {&a.kicker, &a.title, &a.subtitle, &a.byline})
        m_headlineParts += head->isEmpty() ? 0 : 1;
    for (const Annotation &n : annotations) {
        if (n.anchor == AnchorState::Orphaned)
            continue; // its passage is gone: the review list shows what it quoted
        const auto [start, end] = n.utf16Range(m_plainText);
        QTextCursor mark(doc);
        mark.setPosition(std::min(start, doc->characterCount() - 1));
        mark.setPosition(std::min(end, doc->characterCount() - 1), QTextCursor::KeepAnchor);
        QTextCharFormat highlight;
        highlight.setBackground(QColor::fromString(n.color));
        highlight.setForeground(Qt::black); // the highlight colours are light, in a dark window too
        if (n.anchor == AnchorState::Check)
            highlight.setUnderlineStyle(QTextCharFormat::WaveUnderline); // found by a close match
        else if (!n.note.isEmpty())
            highlight.setUnderlineStyle(QTextCharFormat::DotLine);
        mark.mergeCharFormat(highlight);
    }
    display(doc);
}

void ArticleView::showOriginal(const PageDetail &page, int firstLine, int lastLine)
{
    m_original = true;
    QTextDocument *doc = newDocument();
    QTextCursor cursor(doc);
    QFont mono = font();
    mono.setStyleHint(QFont::TypeWriter);
    QTextCharFormat plain;
    plain.setFont(mono);
    QTextCharFormat marked = plain;
    marked.setBackground(markedLines(palette()));
    QTextCharFormat number = plain;
    number.setForeground(secondaryText(palette()));
    const QStringList lines = QString(page.rawText)
                                  .replace(QStringLiteral("\r\n"), QStringLiteral("\n"))
                                  .replace(QLatin1Char('\r'), QLatin1Char('\n'))
                                  .split(QLatin1Char('\n'));
    QTextCursor firstMarked;
    for (int i = 0; i < lines.size(); ++i) {
        if (i > 0)
            cursor.insertBlock();
        const int lineNumber = i + 1;
        const bool inside = lineNumber >= firstLine && lineNumber <= lastLine;
        cursor.insertText(QStringLiteral("%1  ").arg(lineNumber, 4), number);
        cursor.insertText(lines[i], inside ? marked : plain);
        if (inside && firstMarked.isNull())
            firstMarked = cursor;
    }
    display(doc);
    if (!firstMarked.isNull()) {
        setTextCursor(firstMarked);
        ensureCursorVisible();
    }
}

std::pair<int, int> ArticleView::selectedRange() const
{
    if (m_original)
        return {0, 0};
    const QTextCursor c = textCursor();
    return {c.selectionStart(), c.selectionEnd()};
}

void ArticleView::setSearchMatches(const QList<std::pair<qsizetype, qsizetype>> &ranges)
{
    m_matches = m_original ? QList<std::pair<qsizetype, qsizetype>>() : ranges;
    m_currentMatch = -1;
    QList<QTextEdit::ExtraSelection> marks;
    const int last = document()->characterCount() - 1;
    for (const auto &[start, end] : m_matches) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(document());
        mark.cursor.setPosition(std::min(static_cast<int>(start), last));
        mark.cursor.setPosition(std::min(static_cast<int>(end), last), QTextCursor::KeepAnchor);
        mark.format.setBackground(QColor(0xff, 0x9f, 0x43));
        mark.format.setForeground(Qt::black);
        marks.append(mark);
    }
    setExtraSelections(marks);
}

bool ArticleView::goToMatch(bool backwards)
{
    if (m_matches.isEmpty())
        return false;
    const int count = static_cast<int>(m_matches.size());
    m_currentMatch = m_currentMatch < 0 ? (backwards ? count - 1 : 0)
                                        : (m_currentMatch + (backwards ? count - 1 : 1)) % count;
    const auto [start, end] = m_matches[m_currentMatch];
    revealRange(static_cast<int>(start), static_cast<int>(end));
    return true;
}

void ArticleView::clearSelection()
{
    QTextCursor c = textCursor();
    c.clearSelection();
    setTextCursor(c);
}

std::optional<std::pair<int, int>> ArticleView::cursorInBody() const
{
    if (m_original)
        return std::nullopt;
    const QTextCursor c = textCursor();
    // Empty blocks are not shown, so the document's blocks are the non-empty parts in order.
    int shown = m_headlineParts;
    for (qsizetype i = 0; i < m_blocks.size(); ++i) {
        if (m_blocks[i].text.isEmpty())
            continue;
        if (shown == c.blockNumber()) {
            return std::make_pair(static_cast<int>(i), static_cast<int>(CodePoints::fromUtf16(
                                                           m_blocks[i].text, c.positionInBlock())));
        }
        ++shown;
    }
    return std::nullopt;
}

void ArticleView::revealAnnotation(const Annotation &annotation)
{
    const auto [start, end] = annotation.utf16Range(m_plainText);
    revealRange(start, end);
}

void ArticleView::revealRange(int start, int end)
{
    if (m_original)
        return;
    // Scrolls the passage into view without selecting it: a selection would read as a new
    // passage to highlight.
    const int last = document()->characterCount() - 1;
    QTextCursor c(document());
    c.setPosition(std::min(end, last));
    setTextCursor(c);
    ensureCursorVisible();
    c.setPosition(std::min(start, last));
    setTextCursor(c);
    ensureCursorVisible();
}

} // namespace br::ui
