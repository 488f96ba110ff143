#include "library/StoreTypes.h"

#include "text/CodePoints.h"
#include "text/PageJson.h"

#include "library/CjkTokenizer.h"

namespace br {

Annotation Annotation::forSelection(qint64 articleId, const QString &plainText, int utf16Start,
                                    int utf16End, const QString &color)
{
    const TextQuote q =
        TextQuote::of(plainText, CodePoints::fromUtf16(plainText, std::min(utf16Start, utf16End)),
                      CodePoints::fromUtf16(plainText, std::max(utf16Start, utf16End)));
    Annotation a;
    a.articleId = articleId;
    a.start = static_cast<int>(q.start);
    a.end = static_cast<int>(q.end);
    a.quote = q.exact;
    a.prefix = q.prefix;
    a.suffix = q.suffix;
    a.color = color;
    return a;
}

TextQuote Annotation::selector() const
{
    return TextQuote{quote, prefix, suffix, start, end};
}

void Annotation::moveTo(const QString &plainText, const Anchoring &anchoring)
{
    anchor = anchoring.state;
    if (anchoring.state == AnchorState::Orphaned)
        return; // where it was, with what it quoted: a person decides
    const TextQuote q = TextQuote::of(plainText, anchoring.start, anchoring.end);
    start = static_cast<int>(q.start);
    end = static_cast<int>(q.end);
    prefix = q.prefix;
    suffix = q.suffix;
    // A checked match keeps the quote as highlighted, for the review to show beside the text.
    if (anchoring.state == AnchorState::Exact)
        quote = q.exact;
}

Annotation Annotation::reattachedTo(const QString &plainText, int utf16Start, int utf16End) const
{
    const Annotation chosen = forSelection(articleId, plainText, utf16Start, utf16End, color);
    Annotation attached = *this;
    attached.start = chosen.start;
    attached.end = chosen.end;
    attached.quote = chosen.quote;
    attached.prefix = chosen.prefix;
    attached.suffix = chosen.suffix;
    attached.anchor = AnchorState::Exact;
    return attached;
}

std::pair<int, int> Annotation::utf16Range(const QString &plainText) const
{
    return {static_cast<int>(CodePoints::toUtf16(plainText, start)),
            static_cast<int>(CodePoints::toUtf16(plainText, end))};
}

StoredBody StoredBody::of(const Article &article)
{
    StoredBody body;
    body.blocksJson = PageJson::blocksJson(article.blocks);
    body.plainText = article.plainText().toUtf8();
    return body;
}

StoredBody StoredBody::forImport(const Article &article)
{
    StoredBody body = of(article);
    body.head = (article.kicker + u'\n' + article.title + u'\n' + article.subtitle).toUtf8();
    body.foldedHead = PrefoldedTexts::fold(body.head);
    body.foldedPlainText = PrefoldedTexts::fold(body.plainText);
    return body;
}

} // namespace br
