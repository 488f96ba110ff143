#include "analysis/UnitRecognizer.h"

#include "core/TsvRecords.h"
#include "text/CharFold.h"

#include <QFile>

#include <algorithm>

namespace br {

using namespace Qt::StringLiterals;

namespace {

// A unit's name is short: a place, a few words, the unit word. Longer runs are sentences.
constexpr qsizetype kMaxUnitLength = 20;

bool isNameCharacter(QChar c)
{
    return c.isLetterOrNumber();
}

// The clauses of a text: runs of letters and digits (punctuation, spaces and quotes end a name).
QList<QStringView> clausesOf(QStringView text)
{
    QList<QStringView> clauses;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool inName = i < text.size() && isNameCharacter(text[i]);
        if (inName && start < 0)
            start = i;
        else if (!inName && start >= 0) {
            clauses.append(text.sliced(start, i - start));
            start = -1;
        }
    }
    return clauses;
}

// The lead of a paragraph: its first two sentences, where a story says who did what; units named
// further on are the ones it goes on to mention.
QStringView leadOf(QStringView paragraph)
{
    int sentences = 0;
    for (qsizetype i = 0; i < paragraph.size(); ++i) {
        const QChar c = paragraph[i];
        if ((c == u'。' || c == u'！' || c == u'？' || c == u'；') && ++sentences == 2)
            return paragraph.first(i + 1);
    }
    return paragraph;
}

bool isBarePrefix(QChar c)
{
    return c == u'市' || c == u'县' || c == u'区' || c == u'省';
}

} // namespace

Result<UnitRecognizer::Lexicon> UnitRecognizer::parseLexicon(QStringView tsv)
{
    Lexicon lexicon;
    const Status read =
        forEachTsvRecord(tsv, [&](const QList<QStringView> &fields, int lineNumber) -> Status {
            if (fields.size() != 2 || fields[1].isEmpty())
                return Error{u"unit lexicon line %1 is not 'kind<TAB>text'"_s.arg(lineNumber)};
            const QString text = fields[1].toString();
            if (fields[0] == u"stop") {
                lexicon.stops.insert(text, static_cast<std::int32_t>(text.size()));
                lexicon.longestStop = std::max(lexicon.longestStop, static_cast<int>(text.size()));
            } else if (fields[0] == u"unit" || fields[0] == u"branch") {
                lexicon.endingWith[text.back()].append(text);
                if (fields[0] == u"branch")
                    lexicon.branches.insert(text);
            } else {
                return Error{
                    u"unit lexicon line %1: kind is unit, branch or stop"_s.arg(lineNumber)};
            }
            return {};
        });
    if (!read)
        return read.error();
    const auto longestFirst = [](const QString &a, const QString &b) {
        return a.size() > b.size();
    };
    for (QList<QString> &words : lexicon.endingWith)
        std::sort(words.begin(), words.end(), longestFirst);
    lexicon.stops.freeze();
    return lexicon;
}

const UnitRecognizer::Lexicon &UnitRecognizer::builtinLexicon()
{
    static const Lexicon lexicon = [] {
        QFile file(u":/lexicon/units.tsv"_s);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the unit lexicon is missing from the program's resources");
        Result<Lexicon> parsed = parseLexicon(QString::fromUtf8(file.readAll()));
        if (!parsed)
            qFatal("%s", qPrintable(parsed.errorMessage()));
        return std::move(parsed).value();
    }();
    return lexicon;
}

UnitRecognizer::UnitRecognizer(const Gazetteer &gazetteer, const Lexicon &lexicon)
    : m_gazetteer(gazetteer), m_lexicon(lexicon), m_places(gazetteer)
{
}

qsizetype UnitRecognizer::stopAt(QStringView clause, qsizetype at) const
{
    return m_lexicon.stops.longestAt(clause, at).length;
}

QString UnitRecognizer::unitAt(QStringView clause, qsizetype anchor, qsizetype anchorEnd) const
{
    qsizetype unitEnd = -1;
    qsizetype unitWordStart = -1;
    const qsizetype limit = std::min(clause.size(), anchor + kMaxUnitLength);
    for (qsizetype end = anchorEnd + 1; end <= limit; ++end) {
        if (stopAt(clause, end - 1) > 0)
            break;
        const auto words = m_lexicon.endingWith.constFind(clause[end - 1]);
        if (words == m_lexicon.endingWith.constEnd())
            continue;
        const QStringView upToHere = clause.first(end);
        for (const QString &word : *words) {
            const qsizetype wordStart = end - word.size();
            if (wordStart < anchorEnd || !upToHere.endsWith(word))
                continue;
            // The first unit word ends the name; a later one only extends it when it completes
            // the same word (委 → 委员会) or names a branch of the unit (日照银行 + 聊城分行).
            if (unitEnd < 0 || (wordStart < unitEnd && wordStart <= unitWordStart) ||
                m_lexicon.branches.contains(word)) {
                unitEnd = end;
                unitWordStart = wordStart;
            }
            break; // the longest word ending here decides
        }
    }
    return unitEnd > 0 ? clause.sliced(anchor, unitEnd - anchor).toString() : QString();
}

QList<QString> UnitRecognizer::find(QStringView text) const
{
    QList<QString> units;
    for (const QStringView clause : clausesOf(text)) {
        // Where a unit's name may begin: a place, or a bare 市 / 县 / 区 / 省 opening the clause
        // or following a stop word (市医疗保障局, 对市第四人民医院).
        QList<std::pair<qsizetype, qsizetype>> anchors;
        for (const PlaceMention &m : m_places.find(clause)) {
            // 联合镇 in 联合镇卫生院 ("together with the town's clinic") is a verb first.
            if (stopAt(clause, m.start) == 0)
                anchors.append({m.start, m.end});
        }
        for (qsizetype i = 0; i < clause.size(); ++i) {
            if (!isBarePrefix(clause[i]))
                continue;
            bool opens = i == 0;
            for (qsizetype from = std::max<qsizetype>(0, i - m_lexicon.longestStop);
                 from < i && !opens; ++from)
                opens = stopAt(clause, from) == i - from;
            if (opens)
                anchors.append({i, i + 1});
        }
        std::sort(anchors.begin(), anchors.end());
        qsizetype consumed = 0;
        for (const auto &[start, end] : anchors) {
            if (start < consumed)
                continue;
            const QString unit = unitAt(clause, start, end);
            if (!unit.isEmpty()) {
                units.append(unit);
                consumed = start + unit.size();
            }
        }
    }
    return units;
}

QString UnitRecognizer::completed(const QString &unit, const ArticlePlaces &places) const
{
    if (unit.isEmpty() || !isBarePrefix(unit.front()))
        return unit;
    const QChar prefix = unit.front();
    qint64 code = 0;
    if (prefix == u'市')
        code = places.mainCity;
    else if (prefix == u'省')
        code = places.mainCity ? m_gazetteer.ancestorAt(places.mainCity, 1) : 0;
    else
        code = places.mainCounty;
    const Division *d = code ? m_gazetteer.find(code) : nullptr;
    if (!d || !d->name.endsWith(prefix))
        return unit;
    return d->name + unit.sliced(1);
}

UnitSuggestion UnitRecognizer::suggest(const Article &article, const ArticlePlaces &places) const
{
    QList<QString> found;
    for (const QString *part : {&article.kicker, &article.title, &article.subtitle}) {
        if (found.isEmpty() && !part->isEmpty())
            found = find(CharFold::fold(*part));
    }
    if (found.isEmpty()) {
        const auto first =
            std::find_if(article.blocks.cbegin(), article.blocks.cend(),
                         [](const Block &b) { return b.type == Block::Type::Paragraph; });
        if (first != article.blocks.cend())
            found = find(CharFold::fold(leadOf(first->text)));
    }
    if (found.isEmpty())
        return {};
    return UnitSuggestion{completed(found.front(), places), found.front()};
}

} // namespace br
