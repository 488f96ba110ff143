#pragma once

#include "text/Page.h"

#include <QJsonArray>
#include <QJsonObject>

namespace br {

// The plain JSON view of split pages (shared/spec/segment-json.md); also how article blocks and
// suggestion evidence are kept in the library.
namespace PageJson {

QJsonObject pageObject(const QString &file, const QString &encoding, const Page &page);
QJsonObject articleObject(const Article &article);

QJsonArray blocksArray(const QList<Block> &blocks);
// blocksArray as compact JSON in UTF-8, the bytes QJsonDocument writes, written directly: the
// tree costs several times the text, and every imported article is written so.
QByteArray blocksJson(const QList<Block> &blocks);
QList<Block> blocksFromArray(const QJsonArray &array);

QJsonArray suggestionsArray(const QList<CampaignSuggestion> &suggestions);

} // namespace PageJson
} // namespace br
