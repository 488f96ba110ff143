#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace br {

// One block of an article body, in reading order.
struct Block
{
    enum class Type
    {
        Paragraph,
        Subhead,
        Caption
    };
    Type type = Type::Paragraph;
    QString text;

    friend bool operator==(const Block &, const Block &) = default;
};

QString blockTypeName(Block::Type type);
Block::Type blockTypeFromName(QStringView name); // unknown names read as Paragraph

// A campaign the analysis proposes for an article, with the terms that made it do so.
struct CampaignSuggestion
{
    QString campaign; // campaign id: poverty-relief, anti-crime, civilization-city
    double score = 0; // 0..1
    QStringList evidence;
};

// One story of a page, as the splitter found it.
struct Article
{
    int startLine = 0; // 1-based, first headline line (kicker or title)
    int endLine = 0;   // last line that belongs to the article
    QString section;
    QString kicker;
    QString title;
    QString subtitle;
    QString byline;
    QString credit;
    QList<Block> blocks;
    QList<CampaignSuggestion> suggestions;

    // Headline, byline, body and captions as one text, in reading order: what search and the
    // campaign analysis read, and what annotations count character offsets in.
    QString plainText() const;
};

// A split page: the masthead lines and the articles.
struct Page
{
    QStringList masthead;
    QList<Article> articles;
};

} // namespace br
