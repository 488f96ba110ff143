#pragma once

// What the SQLite store's files (SqliteLibrary.cpp, SqliteArticles.cpp) share in
// reading and writing rows: the time stamp every write records, JSON columns, suggestion rows.

#include "library/Database.h"
#include "library/StoreTypes.h"
#include "text/Page.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

namespace br::StoreRows {

// Every row a walk over the store visits (forEachArticle, forEachArticleRecord), kept.
template <typename Row, typename Walk> Result<QList<Row>> collect(Walk &&walk)
{
    QList<Row> rows;
    const Status walked = walk([&](Row &row) {
        rows.append(std::move(row));
        return true;
    });
    if (!walked)
        return walked.error();
    return rows;
}

inline QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// How a tag's source is kept in article_campaign.source, and read back.
inline QString tagSourceName(TagSource source)
{
    return source == TagSource::User ? QStringLiteral("user") : QStringLiteral("suggestion");
}

inline TagSource tagSourceFrom(const QString &name)
{
    return name == QLatin1String("suggestion") ? TagSource::Suggestion : TagSource::User;
}

// A gazetteer code as the article row keeps it: "" for none.
inline QString placeCode(qint64 code)
{
    return code ? QString::number(code) : QStringLiteral(""); // never NULL
}

// The text of `column`, nothing when it is NULL.
inline std::optional<QString> optionalText(const Statement &s, int column)
{
    if (s.isNull(column))
        return std::nullopt;
    return s.text(column);
}

inline QByteArray compactJson(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

// The ids `s` gives in its first column, in its order.
inline Result<QList<qint64>> idsOf(Statement &s)
{
    QList<qint64> ids;
    Statement::Step step;
    while ((step = s.step()) == Statement::Step::Row)
        ids.append(s.int64(0));
    if (step == Statement::Step::Error)
        return Error{s.errorMessage()};
    return ids;
}

// A suggestion from the columns campaign_id, score, evidence starting at `firstColumn`.
// The strings of a JSON array of strings, as compactJson wrote it. Read for every suggestion a
// list shows, so the usual case — no escapes — is cut at its separators rather than parsed as a
// document (an eighth of `list`'s time).
inline QStringList stringsOfJsonArray(const QString &json)
{
    QStringList strings;
    if (json.startsWith(u"[\"") && json.endsWith(u"\"]") && json.size() >= 4 &&
        !json.contains(u'\\')) {
        // Without escapes no string holds a quote, so "," is only ever a separator.
        for (const QStringView part : QStringView(json)
                                          .sliced(2, json.size() - 4)
                                          .tokenize(QStringView(u"\",\""), Qt::KeepEmptyParts))
            strings.append(part.toString());
        return strings;
    }
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        strings.append(v.toString());
    return strings;
}

inline CampaignSuggestion suggestionFrom(const Statement &s, int firstColumn)
{
    CampaignSuggestion sug;
    sug.campaign = s.text(firstColumn);
    sug.score = s.real(firstColumn + 1);
    sug.evidence = stringsOfJsonArray(s.text(firstColumn + 2));
    return sug;
}

} // namespace br::StoreRows
