#include "analysis/PlaceRecognizer.h"

#include "text/WordJunction.h"

#include <algorithm>

#include "text/CharFold.h"

#include <QHash>

namespace br {

PlaceRecognizer::PlaceRecognizer(const Gazetteer &gazetteer) : m_gazetteer(gazetteer) {}

bool PlaceRecognizer::isTownLevel(const Gazetteer::Name &name) const
{
    for (const qint64 code : name.codes) {
        const Division *d = m_gazetteer.find(code);
        if (!d || d->level < 4)
            return false;
    }
    return true;
}

QList<PlaceMention> PlaceRecognizer::find(QStringView text, qsizetype headlineEnd) const
{
    QList<PlaceMention> mentions;
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype n = m_gazetteer.longestNameAt(text, i);
        const Gazetteer::Name *name = n >= 0 ? &m_gazetteer.name(n) : nullptr;
        // A town's name inside a longer word is another name (王寨乡 in 大王寨乡).
        if (!name || (isTownLevel(*name) && isInsideWord(text, i))) {
            ++i;
            continue;
        }
        PlaceMention m;
        m.text = name->text;
        m.start = i;
        m.end = i + name->text.size();
        m.inHeadline = i < headlineEnd;
        m.candidates = name->codes;
        m.shortForm = name->shortForm;
        if (name->codes.size() == 1)
            m.code = name->codes.front();
        i = m.end; // longest first: 高唐县 before 高唐
        mentions.append(std::move(m));
    }
    return mentions;
}

QList<qint64> PlaceRecognizer::unambiguousCodes(const QList<PlaceMention> &mentions)
{
    QList<qint64> codes;
    for (const PlaceMention &m : mentions) {
        if (m.candidates.size() == 1 && !m.shortForm)
            codes.append(m.code);
    }
    return codes;
}

PlaceRecognizer::Context PlaceRecognizer::contextOf(const QList<qint64> &codes)
{
    Context context;
    for (const qint64 code : codes)
        ++context[code];
    return context;
}

int PlaceRecognizer::affinity(qint64 candidate, const Context &context) const
{
    // How much the places around agree with a candidate: its own county, city or province named
    // nearby, or a town of its named nearby.
    static constexpr int kWeightByLevel[] = {0, 1, 2, 3, 3};
    int score = 0;
    const Division *c = m_gazetteer.find(candidate);
    if (!c)
        return 0;
    for (auto it = context.cbegin(); it != context.cend(); ++it) {
        const qint64 k = it.key();
        const int times = it.value();
        const Division *d = m_gazetteer.find(k);
        if (!d || d->code == candidate)
            continue;
        if (d->level < c->level && m_gazetteer.ancestorAt(candidate, d->level) == d->code)
            score += times * kWeightByLevel[d->level];
        else if (d->level > c->level && m_gazetteer.ancestorAt(d->code, c->level) == candidate)
            score += times * kWeightByLevel[c->level];
        else if (d->level >= 3 && c->level >= 3 &&
                 m_gazetteer.ancestorAt(d->code, 2) == m_gazetteer.ancestorAt(candidate, 2))
            score += times * 2; // neighbours in the same city
        else if (d->level >= 2 && c->level == 2 &&
                 m_gazetteer.ancestorAt(d->code, 1) == m_gazetteer.ancestorAt(candidate, 1))
            score += times; // cities of the same province
    }
    return score;
}

qint64 PlaceRecognizer::resolve(const PlaceMention &mention, const Context &near,
                                const Context &far) const
{
    qint64 best = 0;
    int bestScore = 0;
    bool tie = false;
    for (const qint64 candidate : mention.candidates) {
        const int score = 3 * affinity(candidate, near) + affinity(candidate, far);
        if (score > bestScore) {
            best = candidate;
            bestScore = score;
            tie = false;
        } else if (score == bestScore && score > 0) {
            tie = true;
        }
    }
    return tie ? 0 : best;
}

QList<PlaceMention> PlaceRecognizer::mentionsIn(const Article &article) const
{
    qsizetype headlineEnd = 0;
    for (const QString *part : {&article.kicker, &article.title, &article.subtitle}) {
        if (!part->isEmpty())
            headlineEnd += part->size() + 1;
    }
    return find(CharFold::fold(article.plainText()), headlineEnd);
}

ArticlePlaces PlaceRecognizer::recognize(const Article &article,
                                         const QList<qint64> &pageContext) const
{
    return resolved(mentionsIn(article), pageContext);
}

ArticlePlaces PlaceRecognizer::resolved(QList<PlaceMention> mentions,
                                        const QList<qint64> &pageContext) const
{
    ArticlePlaces result;
    result.mentions = std::move(mentions);
    // Distinct places with the times they are named: a long story names the same few places
    // again and again, and each candidate is weighed against each distinct one once.
    const Context near = contextOf(unambiguousCodes(result.mentions));
    const Context far = contextOf(pageContext);
    QHash<QString, qint64> resolved; // the same name resolves the same way within the article
    for (PlaceMention &m : result.mentions) {
        if (m.candidates.size() <= 1)
            continue;
        const auto known = resolved.constFind(m.text);
        m.code = known != resolved.cend() ? *known
                                          : resolved.insert(m.text, resolve(m, near, far)).value();
    }
    // A short form nothing around supports is a word, not a place (长治 in 长治久安, 公安 in
    // 公安局). A county's needs its city or a neighbour named; a city's, a place of its province,
    // a place in the headline, or being named more than once.
    Context context = near;
    for (auto it = far.cbegin(); it != far.cend(); ++it)
        context[it.key()] += it.value();
    QHash<qint64, int> supportOf;
    QHash<QString, int> timesNamed;
    for (const PlaceMention &m : result.mentions)
        ++timesNamed[m.text];
    result.mentions.removeIf([&](const PlaceMention &m) {
        if (!m.shortForm)
            return false;
        const Division *d = m.code ? m_gazetteer.find(m.code) : nullptr;
        if (!d)
            return true;
        const auto cached = supportOf.constFind(m.code);
        const int support = cached != supportOf.cend()
                                ? *cached
                                : supportOf.insert(m.code, affinity(m.code, context)).value();
        if (d->level >= 3)
            return support < 2;
        return support < 1 && !m.inHeadline && timesNamed.value(m.text) < 2;
    });
    // The main county: where the article's places point to most, within the city they point to
    // most (a story about 聊城 that names a suspect's home county elsewhere is still 聊城's).
    // Cities in the order they are first named: of two named as often, the first is the story's
    // (and the same page gives the same answer every time, whatever a hash's order).
    QList<qint64> cities;
    QHash<qint64, int> cityWeight;
    for (const PlaceMention &m : result.mentions) {
        if (const qint64 city = m.code ? m_gazetteer.ancestorAt(m.code, 2) : 0) {
            if (!cityWeight.contains(city))
                cities.append(city);
            cityWeight[city] += m.inHeadline ? 3 : 1;
        }
    }
    qint64 mainCity = 0;
    for (const qint64 city : cities) {
        if (cityWeight.value(city) > cityWeight.value(mainCity))
            mainCity = city;
    }
    QHash<qint64, int> weight;
    QHash<qint64, qsizetype> firstSeen;
    for (qsizetype i = 0; i < result.mentions.size(); ++i) {
        const PlaceMention &m = result.mentions[i];
        const qint64 county = m.code ? m_gazetteer.ancestorAt(m.code, 3) : 0;
        if (!county || (mainCity && m_gazetteer.ancestorAt(county, 2) != mainCity))
            continue;
        weight[county] += m.inHeadline ? 3 : 1;
        if (!firstSeen.contains(county))
            firstSeen.insert(county, i);
    }
    // A county named once in passing is not what the story is about: it takes a headline or
    // two mentions; a story that names none so often is its city's.
    int bestWeight = 1;
    for (auto it = weight.cbegin(); it != weight.cend(); ++it) {
        if (it.value() > bestWeight ||
            (it.value() == bestWeight &&
             firstSeen.value(it.key()) < firstSeen.value(result.mainCounty))) {
            bestWeight = it.value();
            result.mainCounty = it.key();
        }
    }
    result.mainCity = mainCity;
    result.mainTown = mainTown(result);
    return result;
}

qint64 PlaceRecognizer::mainTown(const ArticlePlaces &places) const
{
    // The town of the main county named most (a headline three times); a town named once counts
    // only when it is the only one, a roundup of several towns is the county's.
    if (!places.mainCounty)
        return 0;
    QHash<qint64, int> weight;
    qint64 best = 0;
    for (const PlaceMention &m : places.mentions) {
        const qint64 town = m.code ? m_gazetteer.ancestorAt(m.code, 4) : 0;
        if (!town || m_gazetteer.ancestorAt(town, 3) != places.mainCounty)
            continue;
        const int w = weight[town] += m.inHeadline ? 3 : 1;
        if (w > weight.value(best))
            best = town;
    }
    return weight.value(best) >= 2 || weight.size() == 1 ? best : 0;
}

QList<ArticlePlaces> PlaceRecognizer::recognizePage(const QList<Article> &articles) const
{
    // The context of an article is what the stories printed around it name: on a page of a dozen
    // stories that is the whole page, and a file of thousands of stories (pages run together)
    // stays linear instead of comparing every place with every other.
    // Each article's text is scanned once: its mentions serve as the others' context and are
    // then resolved.
    QList<QList<PlaceMention>> mentions;
    QList<QList<qint64>> codes;
    mentions.reserve(articles.size());
    codes.reserve(articles.size());
    for (const Article &article : articles) {
        mentions.append(mentionsIn(article));
        codes.append(unambiguousCodes(mentions.back()));
    }
    QList<ArticlePlaces> places;
    places.reserve(articles.size());
    for (qsizetype i = 0; i < articles.size(); ++i) {
        QList<qint64> context;
        const qsizetype from = std::max<qsizetype>(0, i - kPageContextArticles);
        const qsizetype to = std::min<qsizetype>(articles.size(), i + kPageContextArticles + 1);
        for (qsizetype j = from; j < to; ++j)
            context += codes[j];
        places.append(resolved(std::move(mentions[i]), context));
    }
    return places;
}

} // namespace br
