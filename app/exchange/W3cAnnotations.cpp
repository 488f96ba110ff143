#include "exchange/W3cAnnotations.h"

#include "text/CodePoints.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace br {

using namespace Qt::StringLiterals;

namespace {

// Who made it, when the library knows.
void addCreator(QJsonObject &annotation, const QString &person)
{
    if (!person.isEmpty())
        annotation.insert(u"creator"_s,
                          QJsonObject{{u"type"_s, u"Person"_s}, {u"nickname"_s, person}});
}

QString urn(const QString &uuid)
{
    return u"urn:uuid:"_s + uuid;
}

QString styleClassOf(const QString &color)
{
    return u"br-"_s + QString(color).remove(u'#').toLower();
}

QJsonObject highlight(const CodedArticle &article, const Annotation &a)
{
    // A highlight found again by a close match keeps, as its record, what was highlighted; its
    // selectors say where it stands now, so the two agree with each other and with the text.
    const QString exact = a.anchor == AnchorState::Check
                              ? CodePoints::mid(article.plainText, a.start, a.end)
                              : a.quote;
    QJsonArray selectors{QJsonObject{{u"type"_s, u"TextQuoteSelector"_s},
                                     {u"exact"_s, exact},
                                     {u"prefix"_s, a.prefix},
                                     {u"suffix"_s, a.suffix}}};
    if (a.anchor != AnchorState::Orphaned) {
        selectors.append(QJsonObject{
            {u"type"_s, u"TextPositionSelector"_s}, {u"start"_s, a.start}, {u"end"_s, a.end}});
    }
    QJsonObject object{
        {u"id"_s, urn(a.uuid)},
        {u"type"_s, u"Annotation"_s},
        {u"motivation"_s, a.note.isEmpty() ? u"highlighting"_s : u"commenting"_s},
        {u"created"_s, a.createdAt},
        {u"modified"_s, a.updatedAt},
        {u"target"_s, QJsonObject{{u"source"_s, urn(article.uuid)},
                                  {u"styleClass"_s, styleClassOf(a.color)},
                                  {u"selector"_s, selectors}}},
        // The highlight's colour, the model's way: a style class and its stylesheet.
        {u"stylesheet"_s, QJsonObject{{u"type"_s, u"CssStylesheet"_s},
                                      {u"value"_s, u".%1 { background-color: %2; }"_s.arg(
                                                       styleClassOf(a.color), a.color)}}},
    };
    addCreator(object, a.author);
    if (!a.note.isEmpty()) {
        object.insert(u"body"_s, QJsonObject{{u"type"_s, u"TextualBody"_s},
                                             {u"value"_s, a.note},
                                             {u"format"_s, u"text/plain"_s},
                                             {u"language"_s, u"zh"_s}});
    }
    return object;
}

QJsonObject tagging(const CodedArticle &article, const ArticleTag &tag, const Campaign &campaign)
{
    // The same tag on the same article is the same annotation in every export.
    const QUuid id = QUuid::createUuidV5(QUuid::fromString(article.uuid), campaign.id);
    QJsonObject object{
        {u"id"_s, urn(id.toString(QUuid::WithoutBraces))},
        {u"type"_s, u"Annotation"_s},
        {u"motivation"_s, u"tagging"_s},
        {u"created"_s, tag.setAt},
        {u"body"_s, QJsonObject{{u"type"_s, u"TextualBody"_s},
                                {u"purpose"_s, u"tagging"_s},
                                {u"value"_s, campaign.nameZh},
                                {u"language"_s, u"zh"_s}}},
        {u"target"_s, urn(article.uuid)},
    };
    addCreator(object, tag.setBy);
    return object;
}

} // namespace

Status writeW3cAnnotations(QIODevice &device, const CodedRecord &record)
{
    QJsonArray items;
    for (const CodedArticle &article : record.articles) {
        for (const ArticleTag &tag : article.tags) {
            const auto campaign =
                std::find_if(record.campaigns.begin(), record.campaigns.end(),
                             [&](const Campaign &c) { return c.id == tag.campaign; });
            if (campaign != record.campaigns.end())
                items.append(tagging(article, tag, *campaign));
        }
        for (const Annotation &a : article.annotations)
            items.append(highlight(article, a));
    }
    QJsonObject collection{
        {u"@context"_s, u"http://www.w3.org/ns/anno.jsonld"_s},
        {u"id"_s, urn(QUuid::createUuid().toString(QUuid::WithoutBraces))},
        {u"type"_s, u"AnnotationCollection"_s},
        {u"label"_s, u"Bulletin Reader: %1"_s.arg(record.libraryName)},
        {u"total"_s, items.size()},
        {u"first"_s,
         QJsonObject{{u"type"_s, u"AnnotationPage"_s}, {u"startIndex"_s, 0}, {u"items"_s, items}}},
    };
    const QByteArray bytes = QJsonDocument(collection).toJson(QJsonDocument::Indented);
    if (device.write(bytes) != bytes.size())
        return Error{device.errorString()};
    return {};
}

} // namespace br
