#include "text/PageJson.h"

#include "core/JsonText.h"

namespace br::PageJson {

using namespace Qt::StringLiterals;

QJsonArray blocksArray(const QList<Block> &blocks)
{
    QJsonArray array;
    for (const Block &b : blocks)
        array.append(QJsonObject{{u"type"_s, blockTypeName(b.type)}, {u"text"_s, b.text}});
    return array;
}

QByteArray blocksJson(const QList<Block> &blocks)
{
    QString json;
    qsizetype size = 2;
    for (const Block &b : blocks)
        size += b.text.size() + 32;
    json.reserve(size);
    json += u'[';
    for (const Block &b : blocks) {
        if (json.size() > 1)
            json += u',';
        // QJsonObject keeps its keys sorted: "text" before "type".
        JsonText::Object(json).text(u"text", b.text).text(u"type", blockTypeName(b.type)).close();
    }
    json += u']';
    return json.toUtf8();
}

QList<Block> blocksFromArray(const QJsonArray &array)
{
    QList<Block> blocks;
    blocks.reserve(array.size());
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        blocks.append(
            Block{blockTypeFromName(o.value(u"type"_s).toString()), o.value(u"text"_s).toString()});
    }
    return blocks;
}

QJsonArray suggestionsArray(const QList<CampaignSuggestion> &suggestions)
{
    QJsonArray array;
    for (const CampaignSuggestion &s : suggestions) {
        array.append(QJsonObject{{u"campaign"_s, s.campaign},
                                 {u"score"_s, s.score},
                                 {u"evidence"_s, QJsonArray::fromStringList(s.evidence)}});
    }
    return array;
}

QJsonObject articleObject(const Article &a)
{
    return QJsonObject{
        {u"start_line"_s, a.startLine},
        {u"end_line"_s, a.endLine},
        {u"section"_s, a.section},
        {u"kicker"_s, a.kicker},
        {u"title"_s, a.title},
        {u"subtitle"_s, a.subtitle},
        {u"byline"_s, a.byline},
        {u"credit"_s, a.credit},
        {u"blocks"_s, blocksArray(a.blocks)},
        {u"suggested_campaigns"_s, suggestionsArray(a.suggestions)},
    };
}

QJsonObject pageObject(const QString &file, const QString &encoding, const Page &page)
{
    QJsonArray articles;
    for (const Article &a : page.articles)
        articles.append(articleObject(a));
    return QJsonObject{
        {u"file"_s, file},
        {u"encoding"_s, encoding},
        {u"masthead"_s, QJsonArray::fromStringList(page.masthead)},
        {u"articles"_s, articles},
    };
}

} // namespace br::PageJson
