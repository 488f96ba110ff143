#pragma once

#include "analysis/Gazetteer.h"
#include "text/Page.h"

#include <QHash>
#include <QList>

namespace br {

// A place named in an article: where, as what text, and which division it was resolved to.
struct PlaceMention
{
    qint64 code = 0;     // the division; 0 when the name stayed ambiguous
    QString text;        // as printed (folded to simplified)
    qsizetype start = 0; // offsets in Article::plainText()
    qsizetype end = 0;
    bool inHeadline = false;
    bool shortForm =
        false; // a county's name without 县 / 区 / 市 (阳谷): believed only with support
    QList<qint64> candidates; // every division the name can stand for
};

struct ArticlePlaces
{
    QList<PlaceMention> mentions;
    qint64 mainCounty = 0; // the county (or district) a reader would name, or 0
    qint64 mainTown = 0;   // the town or street within it the story is about, or 0
    qint64 mainCity = 0;   // the prefecture city its places point to most, or 0
};

// Finds the places an article names, resolves names that several divisions share by the other
// places around them — first in the article, then on its page (石佛镇 next to 阳谷县 is
// 阳谷县石佛镇) — and picks the article's main county: the county its places point to most, a
// headline's places counting three times, within the city they point to most; a county named only
// once in the body does not make it (the story is then its city's, main county 0). A county's short
// form (阳谷, 高唐) is a place only when a place of the same city is named too: alone, short forms
// are as often plain words (公安, 解放, 资源, 长武 in 院长武…).
class PlaceRecognizer final
{
public:
    explicit PlaceRecognizer(const Gazetteer &gazetteer = Gazetteer::builtin());

    // Every name of the gazetteer in `text` (longest match), unresolved.
    QList<PlaceMention> find(QStringView text, qsizetype headlineEnd = 0) const;
    // The codes the unambiguous mentions stand for: context for resolving the others.
    static QList<qint64> unambiguousCodes(const QList<PlaceMention> &mentions);
    ArticlePlaces recognize(const Article &article, const QList<qint64> &pageContext = {}) const;
    // The places of every article of a page, the unambiguous places of the articles printed around
    // each (up to kPageContextArticles before and after it) serving as its context.
    static constexpr qsizetype kPageContextArticles = 12;
    QList<ArticlePlaces> recognizePage(const QList<Article> &articles) const;

private:
    // Every name in the article's headline and text (folded), unresolved.
    QList<PlaceMention> mentionsIn(const Article &article) const;
    // The article's places from its mentions, resolved against each other and the page's.
    ArticlePlaces resolved(QList<PlaceMention> mentions, const QList<qint64> &pageContext) const;
    // Every division the name stands for is a town, township or street.
    bool isTownLevel(const Gazetteer::Name &name) const;
    // Places named around a mention: each division with the times it is named.
    using Context = QHash<qint64, int>;
    static Context contextOf(const QList<qint64> &codes);
    qint64 resolve(const PlaceMention &mention, const Context &near, const Context &far) const;
    int affinity(qint64 candidate, const Context &context) const;
    qint64 mainTown(const ArticlePlaces &places) const;

    const Gazetteer &m_gazetteer;
};

} // namespace br
