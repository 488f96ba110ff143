#pragma once

#include "analysis/Gazetteer.h"
#include "analysis/PlaceRecognizer.h"
#include "core/Result.h"
#include "text/Page.h"
#include "text/PrefixTrie.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace br {

// The unit (office, hospital, bank branch, school) an article is about, as the analysis proposes
// it; a person may correct it.
struct UnitSuggestion
{
    QString name; // 聊城市第四人民医院; empty when the article names none where it counts
    QString evidence; // the text it was found in, as printed (市第四人民医院)
};

// Finds unit names: a place (聊城市, 冠县范寨镇, 日照) or a bare 市 / 县 / 区 / 省 opening a
// clause, then at most a short run of words ending in a unit word from
// resources/lexicon/units.tsv (委, 局, 医院, 银行, 中心, …), extended by a branch (分行, 支队) that
// follows at once, and never across a stop word (的, 和, 开展, 召开, …). The article's unit is the
// first one its headline names, else the first one of the first two sentences of its first
// paragraph — where newspapers name whom a story is about. A bare 市 / 县 is completed with the
// article's own city or county, so 市第四人民医院 and 聊城市第四人民医院 are one unit.
class UnitRecognizer final
{
public:
    struct Lexicon
    {
        QHash<QChar, QList<QString>> endingWith; // unit and branch words by last character
        QSet<QString> branches;
        PrefixTrie stops; // valued by their length
        int longestStop = 0;
    };
    static Result<Lexicon> parseLexicon(QStringView tsv);
    static const Lexicon &builtinLexicon();

    explicit UnitRecognizer(const Gazetteer &gazetteer = Gazetteer::builtin(),
                            const Lexicon &lexicon = builtinLexicon());

    // Every unit named in `text`, in order, bare 市 / 县 left as printed.
    QList<QString> find(QStringView text) const;
    UnitSuggestion suggest(const Article &article, const ArticlePlaces &places) const;

private:
    QString unitAt(QStringView clause, qsizetype anchor, qsizetype anchorEnd) const;
    qsizetype stopAt(QStringView clause, qsizetype at) const;
    QString completed(const QString &unit, const ArticlePlaces &places) const;

    const Gazetteer &m_gazetteer;
    const Lexicon &m_lexicon;
    PlaceRecognizer m_places;
};

} // namespace br
