#pragma once

#include "core/Result.h"
#include "text/PrefixTrie.h"

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace br {

// One administrative division of China.
struct Division
{
    qint64 code = 0; // official code: 37 (province), 3715 (city), 371522 (county), 371522114 (town)
    int level = 0;   // 1 province, 2 prefecture city, 3 county / district, 4 town / street
    QString name;    // 莘县
    qint64 parent = 0; // 0 for provinces
};

// China's provinces, prefecture cities, counties and towns with their codes and parents, shipped
// as data (resources/gazetteer/divisions.tsv, made by scripts/make_gazetteer.py), plus the names a
// text may use for them: full names, short forms of cities and counties (聊城市 → 聊城, 阳谷县 →
// 阳谷) and aliases from resources/gazetteer/aliases.tsv.
class Gazetteer final
{
public:
    static Result<Gazetteer> parse(QStringView divisions, QStringView aliases = {});
    // The lines of a divisions file (code<TAB>level<TAB>name<TAB>parent), in file order.
    static Result<std::vector<Division>> parseDivisions(QStringView divisions);
    // The shipped divisions alone, found by code: for naming a county or town by its code
    // without loading the names index the recognisers need.
    static const Division *builtinDivision(qint64 code);
    // The shipped gazetteer, loaded once.
    static const Gazetteer &builtin();

    const Division *find(qint64 code) const;
    // The division of `code` at `level` (its county, city or province), or 0.
    qint64 ancestorAt(qint64 code, int level) const;
    // The divisions directly under `code` (a city's counties), in code order.
    QList<qint64> childrenOf(qint64 code) const;
    // 山东省 聊城市 莘县 妹冢镇
    QString pathOf(qint64 code) const;
    qsizetype size() const { return static_cast<qsizetype>(m_divisions.size()); }

    // A name a text may use and the divisions it can stand for.
    struct Name
    {
        QString text;
        QList<qint64> codes;
        bool shortForm = false;
    };
    // The longest name standing for some division that begins at `at` in `text`: the index of
    // its Name, or -1.
    qsizetype longestNameAt(QStringView text, qsizetype at) const;
    const Name &name(qsizetype index) const { return m_names[index]; }
    qsizetype nameCount() const { return m_names.size(); }

private:
    static QString builtinText(const QString &resource);
    static const std::vector<Division> &builtinDivisions();
    void addName(const QString &text, qint64 code, bool shortForm);
    void indexNames();

    std::vector<Division> m_divisions;
    QHash<qint64, qsizetype> m_byCode;
    // Every division with a parent as (parent, code), sorted: a division's children are a run
    // of it (the inspector lists a city's counties for every article shown).
    std::vector<std::pair<qint64, qint64>> m_byParent;
    QList<Name> m_names;
    QHash<QString, qsizetype> m_nameIndex;
    PrefixTrie m_nameTrie; // every name with divisions, valued by its index in m_names
};

} // namespace br
