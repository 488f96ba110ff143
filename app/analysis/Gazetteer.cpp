#include "analysis/Gazetteer.h"

#include "core/TsvRecords.h"

#include <QFile>
#include <QLoggingCategory>

#include <algorithm>

namespace br {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcGazetteer, "br.analysis.gazetteer")

namespace {

// Suffixes whose removal leaves the short form a text uses (聊城市 → 聊城, 阳谷县 → 阳谷).
const QStringList kShortenable{u"自治县"_s, u"自治州"_s, u"地区"_s, u"市"_s,
                               u"县"_s,     u"区"_s,     u"旗"_s};

// Names that are no place of their own: municipal placeholders of the data.
bool isPlaceholder(const QString &name)
{
    return name == u"市辖区"_s || name == u"县"_s || name == u"省直辖县级行政区划"_s ||
           name == u"自治区直辖县级行政区划"_s;
}

} // namespace

void Gazetteer::addName(const QString &text, qint64 code, bool shortForm)
{
    auto it = m_nameIndex.constFind(text);
    if (it == m_nameIndex.constEnd()) {
        it = m_nameIndex.insert(text, m_names.size());
        m_names.append(Name{text, {}, shortForm});
    }
    Name &name = m_names[*it];
    if (!name.codes.contains(code))
        name.codes.append(code);
    name.shortForm = name.shortForm && shortForm;
}

void Gazetteer::indexNames()
{
    // A name an alias took over (its codes cleared) is no name any more: a shorter one beginning
    // at the same place is found instead.
    m_nameTrie = PrefixTrie();
    for (qsizetype i = 0; i < m_names.size(); ++i) {
        if (!m_names[i].codes.isEmpty())
            m_nameTrie.insert(m_names[i].text, static_cast<std::int32_t>(i));
    }
    m_nameTrie.freeze();
}

Result<std::vector<Division>> Gazetteer::parseDivisions(QStringView divisions)
{
    std::vector<Division> read;
    read.reserve(static_cast<size_t>(divisions.count(u'\n') + 1));
    int lineNumber = 0;
    for (const QStringView line : divisions.split(u'\n')) {
        ++lineNumber;
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QList<QStringView> f = line.split(u'\t');
        bool codeOk = false, levelOk = false;
        Division d;
        d.code = f.value(0).toLongLong(&codeOk);
        d.level = f.value(1).toInt(&levelOk);
        d.name = f.value(2).toString();
        d.parent = f.value(3).isEmpty() ? 0 : f.value(3).toLongLong();
        if (f.size() != 4 || !codeOk || !levelOk || d.name.isEmpty())
            return Error{
                u"gazetteer line %1 is not code<TAB>level<TAB>name<TAB>parent"_s.arg(lineNumber)};
        read.push_back(std::move(d));
    }
    return read;
}

QString Gazetteer::builtinText(const QString &resource)
{
    QFile file(resource);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

const std::vector<Division> &Gazetteer::builtinDivisions()
{
    // Sorted by code, for a binary search: the labels of counties and towns, without the names
    // index the recognisers need (a fifth of the memory, a tenth of the time).
    static const std::vector<Division> divisions = [] {
        Result<std::vector<Division>> read =
            parseDivisions(builtinText(u":/gazetteer/divisions.tsv"_s));
        if (!read) {
            qCCritical(lcGazetteer) << read.errorMessage();
            return std::vector<Division>();
        }
        std::vector<Division> sorted = std::move(read).value();
        std::sort(sorted.begin(), sorted.end(),
                  [](const Division &a, const Division &b) { return a.code < b.code; });
        return sorted;
    }();
    return divisions;
}

const Division *Gazetteer::builtinDivision(qint64 code)
{
    const std::vector<Division> &divisions = builtinDivisions();
    const auto it =
        std::lower_bound(divisions.begin(), divisions.end(), code,
                         [](const Division &d, qint64 wanted) { return d.code < wanted; });
    return it != divisions.end() && it->code == code ? &*it : nullptr;
}

Result<Gazetteer> Gazetteer::parse(QStringView divisions, QStringView aliases)
{
    Gazetteer g;
    // A division a line, and about two names a division (its name and a short form).
    const qsizetype lines = divisions.count(u'\n') + 1;
    g.m_divisions.reserve(static_cast<size_t>(lines));
    g.m_byCode.reserve(lines);
    g.m_names.reserve(2 * lines);
    g.m_nameIndex.reserve(2 * lines);
    Result<std::vector<Division>> read = parseDivisions(divisions);
    if (!read)
        return read.error();
    g.m_divisions = std::move(read).value();
    for (size_t i = 0; i < g.m_divisions.size(); ++i) {
        const Division &d = g.m_divisions[i];
        g.m_byCode.insert(d.code, static_cast<qsizetype>(i));
        if (d.parent != 0)
            g.m_byParent.emplace_back(d.parent, d.code);
    }
    std::sort(g.m_byParent.begin(), g.m_byParent.end());
    for (const Division &d : g.m_divisions) {
        if (isPlaceholder(d.name))
            continue;
        g.addName(d.name, d.code, false);
        if (d.level <= 3) {
            for (const QString &suffix : kShortenable) {
                if (d.name.endsWith(suffix) && d.name.size() - suffix.size() >= 2) {
                    g.addName(d.name.left(d.name.size() - suffix.size()), d.code, true);
                    break;
                }
            }
        }
        if (d.level == 2) { // a city's development zones are the city's
            const QString base = d.name.endsWith(u'市') ? d.name.chopped(1) : d.name;
            for (const QString &zone :
                 {u"高新区"_s, u"开发区"_s, u"经济开发区"_s, u"经济技术开发区"_s, u"度假区"_s}) {
                g.addName(base + zone, d.code, false);
                g.addName(d.name + zone, d.code, false);
            }
        }
    }
    const Status aliasesRead =
        forEachTsvRecord(aliases, [&](const QList<QStringView> &f, int aliasLine) -> Status {
            bool ok = false;
            const qint64 code = f.value(1).toLongLong(&ok);
            if (f.size() != 2 || !ok || !g.m_byCode.contains(code))
                return Error{
                    u"alias line %1 is not alias<TAB>known division code"_s.arg(aliasLine)};
            // An alias replaces whatever the name stood for before.
            const QString alias = f[0].toString();
            if (const auto it = g.m_nameIndex.constFind(alias); it != g.m_nameIndex.constEnd())
                g.m_names[*it].codes.clear();
            g.addName(alias, code, false);
            return {};
        });
    if (!aliasesRead)
        return aliasesRead.error();
    g.indexNames();
    return g;
}

const Gazetteer &Gazetteer::builtin()
{
    static const Gazetteer gazetteer = [] {
        Result<Gazetteer> loaded = parse(builtinText(u":/gazetteer/divisions.tsv"_s),
                                         builtinText(u":/gazetteer/aliases.tsv"_s));
        if (!loaded) {
            qCCritical(lcGazetteer) << loaded.errorMessage();
            return Gazetteer();
        }
        return std::move(loaded).value();
    }();
    return gazetteer;
}

const Division *Gazetteer::find(qint64 code) const
{
    const auto it = m_byCode.constFind(code);
    return it == m_byCode.constEnd() ? nullptr : &m_divisions[static_cast<size_t>(*it)];
}

qint64 Gazetteer::ancestorAt(qint64 code, int level) const
{
    for (const Division *d = find(code); d; d = find(d->parent)) {
        if (d->level == level)
            return d->code;
        if (d->level < level)
            return 0;
    }
    return 0;
}

QList<qint64> Gazetteer::childrenOf(qint64 code) const
{
    QList<qint64> children;
    if (code == 0)
        return children;
    const auto [first, last] =
        std::equal_range(m_byParent.cbegin(), m_byParent.cend(), std::pair<qint64, qint64>{code, 0},
                         [](const auto &a, const auto &b) { return a.first < b.first; });
    for (auto it = first; it != last; ++it)
        children.append(it->second);
    return children;
}

QString Gazetteer::pathOf(qint64 code) const
{
    QStringList parts;
    for (const Division *d = find(code); d; d = find(d->parent)) {
        if (!isPlaceholder(d->name))
            parts.prepend(d->name);
    }
    return parts.join(u' ');
}

qsizetype Gazetteer::longestNameAt(QStringView text, qsizetype at) const
{
    const PrefixTrie::Match match = m_nameTrie.longestAt(text, at);
    return match.length > 0 ? match.value : -1;
}

} // namespace br
