#include "exchange/HtmlPage.h"

#include <QRegularExpression>

#include <gumbo.h>

namespace br {

using namespace Qt::StringLiterals;

namespace {

// Elements nested deeper than this are left out: no page is set so deep, and a hostile one must
// not exhaust the stack of the walks below.
constexpr int kMaxDepth = 256;

// One piece of text the document shows, in reading order.
struct Item
{
    enum class Kind
    {
        Heading,
        Paragraph,
        Caption,
        ArticleStart, // an <article> element begins: whatever follows is another story
        Masthead      // a heading of the page's own header, outside every article
    };
    Kind kind = Kind::Paragraph;
    int level = 0; // h1 = 1 … h6 = 6
    QString text;
};

bool isSkipped(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
        return true;
    default:
        return false;
    }
}

bool isBlock(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
        return true;
    default:
        return false;
    }
}

int headingLevel(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_H1:
        return 1;
    case GUMBO_TAG_H2:
        return 2;
    case GUMBO_TAG_H3:
        return 3;
    case GUMBO_TAG_H4:
        return 4;
    case GUMBO_TAG_H5:
        return 5;
    case GUMBO_TAG_H6:
        return 6;
    default:
        return 0;
    }
}

const GumboElement *elementOf(const GumboNode *node)
{
    return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE ? &node->v.element
                                                                                 : nullptr;
}

QString attributeOf(const GumboElement &e, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&e.attributes, name);
    return a ? QString::fromUtf8(a->value) : QString();
}

// Names that mark a site's furniture: footers, menus, breadcrumbs, share bars.
bool namedLikeFurniture(const GumboElement &e)
{
    static const QRegularExpression furniture(
        u"foot|copyright|\\bnav|menu|breadcrumb|share|toolbar|sidebar"_s,
        QRegularExpression::CaseInsensitiveOption);
    return furniture.match(attributeOf(e, "class") + u' ' + attributeOf(e, "id")).hasMatch();
}

// Names that mark a caption on Chinese e-paper sites and elsewhere.
bool namedLikeCaption(const GumboElement &e)
{
    static const QRegularExpression caption(u"caption|pictext|pic_?text|img_?desc|photo_?desc"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    return caption.match(attributeOf(e, "class") + u' ' + attributeOf(e, "id")).hasMatch();
}

bool containsTag(const GumboNode *node, GumboTag tag)
{
    const GumboElement *e = elementOf(node);
    if (!e)
        return false;
    if (e->tag == tag)
        return true;
    for (unsigned i = 0; i < e->children.length; ++i) {
        if (containsTag(static_cast<const GumboNode *>(e->children.data[i]), tag))
            return true;
    }
    return false;
}

bool hasBlockChild(const GumboElement &e)
{
    for (unsigned i = 0; i < e.children.length; ++i) {
        const GumboElement *child = elementOf(static_cast<const GumboNode *>(e.children.data[i]));
        if (child && !isSkipped(child->tag) && (isBlock(child->tag) || hasBlockChild(*child)))
            return true;
    }
    return false;
}

// The text of an element: text nodes in order, <br> as a line break, skipped elements left out.
void appendText(const GumboNode *node, QString &into, int depth = 0)
{
    if (depth > kMaxDepth)
        return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
        into += QString::fromUtf8(node->v.text.text);
        return;
    }
    const GumboElement *e = elementOf(node);
    if (!e || isSkipped(e->tag) || gumbo_get_attribute(&e->attributes, "hidden"))
        return;
    if (e->tag == GUMBO_TAG_BR) {
        into += u'\n';
        return;
    }
    for (unsigned i = 0; i < e->children.length; ++i)
        appendText(static_cast<const GumboNode *>(e->children.data[i]), into, depth + 1);
}

// Lines of displayed text: runs of spaces as one, line breaks kept, ends trimmed (the ideographic
// indent of Chinese paragraphs too).
QStringList linesOf(const QString &text)
{
    QStringList lines;
    for (QString line : text.split(u'\n')) {
        line.replace(QChar(0xA0), u' ');
        line = line.simplified();
        while (!line.isEmpty() && (line.front() == QChar(0x3000) || line.front().isSpace()))
            line.remove(0, 1);
        while (!line.isEmpty() && (line.back() == QChar(0x3000) || line.back().isSpace()))
            line.chop(1);
        if (!line.isEmpty())
            lines.append(line);
    }
    return lines;
}

class ItemCollector
{
public:
    QList<Item> items;

    void visit(const GumboNode *node, bool inCaption, bool besidePicture, bool inHeader = false,
               int depth = 0)
    {
        const GumboElement *e = elementOf(node);
        if (depth > kMaxDepth)
            return;
        if (!e || isSkipped(e->tag) || gumbo_get_attribute(&e->attributes, "hidden") ||
            namedLikeFurniture(*e))
            return;
        if (e->tag == GUMBO_TAG_ARTICLE) {
            items.append({Item::Kind::ArticleStart, 0, QString()});
            inHeader = false;
        }
        if (e->tag == GUMBO_TAG_HEADER && m_articles == 0)
            inHeader = true;
        if (e->tag == GUMBO_TAG_ARTICLE)
            ++m_articles;
        const bool caption = inCaption || e->tag == GUMBO_TAG_FIGCAPTION || namedLikeCaption(*e);
        // Text in a figure, or in a table that holds a picture, is the picture's caption.
        const bool picture =
            besidePicture || ((e->tag == GUMBO_TAG_FIGURE || e->tag == GUMBO_TAG_TABLE) &&
                              containsTag(node, GUMBO_TAG_IMG));
        if (const int level = headingLevel(e->tag)) {
            add(node, inHeader ? Item::Kind::Masthead : Item::Kind::Heading, level);
            return;
        }
        if (!hasBlockChild(*e)) {
            if (!isLinksOnly(node))
                add(node, caption || picture ? Item::Kind::Caption : Item::Kind::Paragraph, 0);
            return;
        }
        // A container: its block children in order, loose text between them as paragraphs.
        QString loose;
        for (unsigned i = 0; i < e->children.length; ++i) {
            const auto *child = static_cast<const GumboNode *>(e->children.data[i]);
            const GumboElement *ce = elementOf(child);
            if (ce && (isBlock(ce->tag) || hasBlockChild(*ce))) {
                flushLoose(loose, caption || picture);
                visit(child, caption, picture, inHeader, depth + 1);
            } else {
                appendText(child, loose);
            }
        }
        flushLoose(loose, caption || picture);
    }

private:
    // A block that is nothing but links (and the bars between them) is a menu, not text.
    static bool isLinksOnly(const GumboNode *node)
    {
        QString all;
        appendText(node, all);
        QString links;
        collectLinkText(node, links);
        const auto letters = [](const QString &t) {
            return std::count_if(t.begin(), t.end(), [](QChar c) { return c.isLetterOrNumber(); });
        };
        const auto inLinks = letters(links);
        return inLinks > 0 && inLinks == letters(all);
    }
    static void collectLinkText(const GumboNode *node, QString &into, int depth = 0)
    {
        const GumboElement *e = elementOf(node);
        if (!e || depth > kMaxDepth)
            return;
        if (e->tag == GUMBO_TAG_A) {
            appendText(node, into);
            return;
        }
        for (unsigned i = 0; i < e->children.length; ++i)
            collectLinkText(static_cast<const GumboNode *>(e->children.data[i]), into, depth + 1);
    }

    void add(const GumboNode *node, Item::Kind kind, int level)
    {
        QString text;
        appendText(node, text);
        const QStringList lines = linesOf(text);
        if (lines.isEmpty())
            return;
        if (kind == Item::Kind::Heading || kind == Item::Kind::Masthead) {
            items.append({kind, level, lines.join(u' ')});
            return;
        }
        for (const QString &line : lines)
            items.append({kind, 0, line});
    }

    void flushLoose(QString &loose, bool caption)
    {
        for (const QString &line : linesOf(loose))
            items.append({caption ? Item::Kind::Caption : Item::Kind::Paragraph, 0, line});
        loose.clear();
    }

    int m_articles = 0; // <article> elements entered
};

// A credit line under a headline: short, and naming a reporter, an author or the paper's issue.
bool looksLikeByline(const QString &text)
{
    static const QRegularExpression byline(
        u"记者|通讯员|作者|撰稿|^文[/／:：]|^来源[:：]|^《.{1,12}》.{0,6}[（(].*版[）)]$"_s);
    return text.size() <= 48 && !text.contains(u'。') && byline.match(text).hasMatch();
}

// The articles the items make; the page's own headings go to `masthead`.
QList<Article> articlesOf(const QList<Item> &items, const QString &documentTitle,
                          QStringList &masthead)
{
    QList<Article> articles;
    // On a page with headlines, text before the first one is the site's, not a story's.
    const bool headed = std::any_of(items.begin(), items.end(),
                                    [](const Item &i) { return i.kind == Item::Kind::Heading; });
    bool reachedHeadline = !headed;
    QList<Item> headings; // a run of headings waiting for its article
    int titleLevel = 7;
    bool started = false; // the current article's body has begun
    const auto openArticle = [&] {
        Article a;
        if (!headings.isEmpty()) {
            qsizetype main = 0;
            for (qsizetype i = 1; i < headings.size(); ++i) {
                if (headings[i].level < headings[main].level)
                    main = i;
            }
            QStringList before;
            QStringList after;
            for (qsizetype i = 0; i < headings.size(); ++i) {
                if (i < main)
                    before.append(headings[i].text);
                else if (i > main)
                    after.append(headings[i].text);
            }
            a.kicker = before.join(u' ');
            a.title = headings[main].text;
            a.subtitle = after.join(u' ');
            titleLevel = headings[main].level;
        } else if (articles.isEmpty()) {
            a.title = documentTitle; // a page with no headings: its <title> names it
        }
        headings.clear();
        articles.append(a);
        started = false;
    };
    for (const Item &item : items) {
        if (item.kind == Item::Kind::Masthead) {
            masthead.append(item.text);
            continue;
        }
        if (item.kind == Item::Kind::ArticleStart) {
            // The story before is over: the next heading opens a new one at any level.
            started = false;
            titleLevel = 0;
            continue;
        }
        if (item.kind == Item::Kind::Heading) {
            reachedHeadline = true;
            if (started && !articles.isEmpty() && item.level > titleLevel) {
                articles.last().blocks.append({Block::Type::Subhead, item.text});
                continue;
            }
            headings.append(item);
            started = false;
            continue;
        }
        if (!reachedHeadline)
            continue;
        if (!headings.isEmpty() || articles.isEmpty())
            openArticle();
        Article &a = articles.last();
        if (!started && a.byline.isEmpty() && item.kind == Item::Kind::Paragraph &&
            looksLikeByline(item.text)) {
            a.byline = item.text;
            continue;
        }
        started = true;
        a.blocks.append(
            {item.kind == Item::Kind::Caption ? Block::Type::Caption : Block::Type::Paragraph,
             item.text});
    }
    // Headings with nothing under them (a page's list of links) are no article.
    articles.removeIf([](const Article &a) { return a.blocks.isEmpty(); });
    return articles;
}

QString documentTitleOf(const GumboNode *node, int depth = 0)
{
    const GumboElement *e = elementOf(node);
    if (!e || depth > kMaxDepth)
        return {};
    if (e->tag == GUMBO_TAG_TITLE) {
        QString text;
        for (unsigned i = 0; i < e->children.length; ++i)
            appendText(static_cast<const GumboNode *>(e->children.data[i]), text);
        return linesOf(text).join(u' ');
    }
    for (unsigned i = 0; i < e->children.length; ++i) {
        const QString t =
            documentTitleOf(static_cast<const GumboNode *>(e->children.data[i]), depth + 1);
        if (!t.isEmpty())
            return t;
    }
    return {};
}

} // namespace

Result<Page> readHtmlPage(const QString &html)
{
    const QByteArray utf8 = html.toUtf8();
    GumboOutput *output =
        gumbo_parse_with_options(&kGumboDefaultOptions, utf8.constData(), utf8.size());
    if (!output)
        return Error{u"cannot be parsed as HTML"_s};
    ItemCollector collector;
    collector.visit(output->root, false, false);
    const QString title = documentTitleOf(output->root);
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    Page page;
    page.articles = articlesOf(collector.items, title, page.masthead);
    if (page.articles.isEmpty()) {
        return Error{u"is an HTML document with no article text (no paragraphs outside scripts, "
                     u"styles, menus and footers)"_s};
    }
    return page;
}

PageFormats exchangePageFormats()
{
    PageFormats formats;
    formats.html = readHtmlPage;
    return formats;
}

} // namespace br
