#include "text/LineRoleModel.h"

#include <QFile>
#include <QLoggingCategory>

#include <algorithm>
#include <charconv>
#include <limits>

namespace br {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLineRoles, "br.text.lineroles", QtWarningMsg)

namespace {

constexpr const char *kNames[kLineRoles] = {"furniture", "head",  "head+",
                                            "body",      "body+", "caption"};
constexpr char kTransitionTag[] = "@transition";

// A feature's hash as the table keeps it: 0 marks an empty slot.
quint64 slotHash(QStringView feature)
{
    const quint64 hash = FeatureList::hashOf(feature);
    return hash == 0 ? 1 : hash;
}

} // namespace

QString lineRoleName(LineRole role)
{
    return QString::fromLatin1(kNames[static_cast<int>(role)]);
}

const LineRoleModel &LineRoleModel::builtin()
{
    static const LineRoleModel model = [] {
        QFile file(u":/model/line_roles.tsv"_s);
        if (!file.open(QIODevice::ReadOnly)) {
            qCCritical(lcLineRoles) << "the line-role model is missing from the resources";
            return LineRoleModel();
        }
        return fromTsv(file.readAll());
    }();
    return model;
}

LineRoleModel LineRoleModel::fromTsv(const QByteArray &tsv)
{
    // Read in place, field by field: the shipped model has some 80,000 lines, read by every
    // command that splits a page. The names stay where they are, in the file's bytes.
    LineRoleModel model;
    const qsizetype lines = tsv.count('\n') + 1;
    size_t slots = 1024;
    while (slots * 6 < static_cast<size_t>(lines) * 10)
        slots *= 2;
    model.m_slots.assign(slots, Slot());
    model.m_rows.reserve(static_cast<size_t>(lines));
    model.m_nameAt.reserve(static_cast<size_t>(lines));
    model.m_nameChars = tsv;
    const auto number = [](QByteArrayView field) {
        float value = 0;
        std::from_chars(field.data(), field.data() + field.size(), value);
        return value;
    };
    QByteArrayView rest(tsv);
    while (!rest.isEmpty()) {
        const qsizetype end = rest.indexOf('\n');
        const QByteArrayView line = end < 0 ? rest : rest.first(end);
        rest = end < 0 ? QByteArrayView() : rest.sliced(end + 1);
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        // Up to one field more than a weight line has: a line with that many is none.
        QByteArrayView fields[kLineRoles + 2];
        int count = 0;
        for (QByteArrayView tail = line; count < kLineRoles + 2;) {
            const qsizetype tab = tail.indexOf('\t');
            fields[count++] = tab < 0 ? tail : tail.first(tab);
            if (tab < 0)
                break;
            tail = tail.sliced(tab + 1);
        }
        if (count == 4 && fields[0] == kTransitionTag) {
            const int from = static_cast<int>(number(fields[1]));
            const int to = static_cast<int>(number(fields[2]));
            if (from >= 0 && from <= kLineRoles && to >= 0 && to < kLineRoles)
                model.m_transitions[from][to] = number(fields[3]);
            continue;
        }
        if (count != kLineRoles + 1)
            continue;
        const quint64 hash = slotHash(QString::fromUtf8(fields[0]));
        Scores w{};
        for (int r = 0; r < kLineRoles; ++r)
            w[r] = number(fields[r + 1]);
        if (const Scores *known = model.weightsOf(hash)) {
            // The later line counts, as a hand-edited file's reader would expect.
            qCWarning(lcLineRoles) << "the line-role model names a feature twice (or two "
                                      "features share a hash):"
                                   << fields[0].toByteArray();
            model.m_rows[static_cast<size_t>(known - model.m_rows.data())] = w;
            continue;
        }
        model.m_rows.push_back(w);
        model.m_nameAt.emplace_back(fields[0].data() - tsv.constData(), fields[0].size());
        model.index(hash, model.m_rows.size() - 1);
    }
    return model;
}

QByteArray LineRoleModel::toTsv() const
{
    QByteArray out = "# Line-role weights: feature, then one weight per role (";
    for (int r = 0; r < kLineRoles; ++r)
        out += QByteArray(r ? " " : "") + kNames[r];
    out += "). Made by tools/train_line_roles; do not edit by hand.\n";
    // In the order of the names as text (UTF-16), as the file has always been written.
    std::vector<std::pair<QString, size_t>> names;
    names.reserve(m_rows.size());
    for (size_t row = 0; row < m_rows.size(); ++row)
        names.emplace_back(QString::fromUtf8(nameOf(row)), row);
    std::sort(names.begin(), names.end());
    for (const auto &[name, row] : names) {
        const Scores &w = m_rows[row];
        bool any = false;
        for (const float x : w)
            any = any || std::abs(x) >= 0.005f;
        if (!any)
            continue;
        out += name.toUtf8();
        for (const float x : w)
            out += '\t' + QByteArray::number(x, 'g', 4);
        out += '\n';
    }
    for (int from = 0; from <= kLineRoles; ++from) {
        for (int to = 0; to < kLineRoles; ++to) {
            out += QByteArray(kTransitionTag) + '\t' + QByteArray::number(from) + '\t' +
                   QByteArray::number(to) + '\t' +
                   QByteArray::number(m_transitions[from][to], 'g', 4) + '\n';
        }
    }
    return out;
}

QByteArray LineRoleModel::nameOf(size_t row) const
{
    const auto [from, length] = m_nameAt[row];
    return m_nameChars.sliced(from, length);
}

const LineRoleModel::Scores *LineRoleModel::weightsOf(quint64 hash) const
{
    if (m_slots.empty())
        return nullptr;
    const size_t mask = m_slots.size() - 1;
    for (size_t at = hash & mask;; at = (at + 1) & mask) {
        const Slot &slot = m_slots[at];
        if (slot.hash == hash)
            return &m_rows[slot.row];
        if (slot.hash == 0)
            return nullptr;
    }
}

void LineRoleModel::index(quint64 hash, size_t row)
{
    // At most six slots in ten taken, so that a name the model lacks is told after few probes.
    if (m_slots.empty() || (m_rows.size() + 1) * 10 > m_slots.size() * 6) {
        std::vector<Slot> old(std::max<size_t>(1024, m_slots.size() * 2));
        old.swap(m_slots);
        for (const Slot &slot : old) {
            if (slot.hash != 0)
                index(slot.hash, slot.row);
        }
    }
    const size_t mask = m_slots.size() - 1;
    size_t at = hash & mask;
    while (m_slots[at].hash != 0)
        at = (at + 1) & mask;
    m_slots[at] = Slot{hash, static_cast<quint32>(row)};
}

size_t LineRoleModel::rowFor(const QString &feature)
{
    const quint64 hash = slotHash(feature);
    if (const Scores *w = weightsOf(hash))
        return static_cast<size_t>(w - m_rows.data());
    const QByteArray name = feature.toUtf8();
    m_nameAt.emplace_back(m_nameChars.size(), name.size());
    m_nameChars += name;
    m_rows.push_back(Scores{});
    m_sums.resize(m_rows.size());
    index(hash, m_rows.size() - 1);
    return m_rows.size() - 1;
}

template <typename Features>
LineRoleModel::Scores LineRoleModel::score(const Features &features) const
{
    Scores s{};
    for (qsizetype k = 0; k < features.size(); ++k) {
        if (const Scores *w = weightsOf(slotHash(features[k]))) {
            for (int r = 0; r < kLineRoles; ++r)
                s[r] += (*w)[r];
        }
    }
    return s;
}

QList<LineRole> LineRoleModel::decode(const QList<PageLine> &lines, const QList<RoleSet> &allowed,
                                      const std::atomic_bool *cancel) const
{
    // Each line's features are scored as they are made and then dropped: a page of 300,000
    // lines keeps six numbers a line, not its feature names.
    const LineFeatures features(lines);
    std::vector<Scores> scores;
    scores.reserve(static_cast<size_t>(lines.size()));
    FeatureList line;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (cancel && i % 1024 == 0 && cancel->load())
            return {};
        features.of(i, line);
        scores.push_back(score(line));
    }
    return bestPath(scores, allowed);
}

QList<LineRole> LineRoleModel::decode(const QList<QStringList> &features,
                                      const QList<RoleSet> &allowed) const
{
    std::vector<Scores> scores;
    scores.reserve(static_cast<size_t>(features.size()));
    for (const QStringList &f : features)
        scores.push_back(score(f));
    return bestPath(scores, allowed);
}

QList<LineRole> LineRoleModel::bestPath(const std::vector<Scores> &scores,
                                        const QList<RoleSet> &allowed) const
{
    const auto n = static_cast<qsizetype>(scores.size());
    QList<LineRole> roles(n, LineRole::BodyStart);
    if (n == 0)
        return roles;
    // Viterbi: best[i][r] is the best score of lines 0..i with line i in role r.
    std::vector<Scores> best(static_cast<size_t>(n));
    std::vector<std::array<quint8, kLineRoles>> from(static_cast<size_t>(n));
    constexpr float kNever = -1e30f;
    // A line that conventions left no role would make every path impossible: it may be anything.
    const auto may = [&](qsizetype i, int r) {
        return allowed.isEmpty() || allowed[i] == 0 || (allowed[i] & (1u << r)) != 0;
    };
    for (int r = 0; r < kLineRoles; ++r)
        best[0][r] = may(0, r) ? scores[0][r] + m_transitions[kLineRoles][r] : kNever;
    for (qsizetype i = 1; i < n; ++i) {
        const Scores &s = scores[static_cast<size_t>(i)];
        for (int r = 0; r < kLineRoles; ++r) {
            float top = -std::numeric_limits<float>::infinity();
            int arg = 0;
            for (int p = 0; p < kLineRoles; ++p) {
                const float v = best[static_cast<size_t>(i - 1)][p] + m_transitions[p][r];
                if (v > top) {
                    top = v;
                    arg = p;
                }
            }
            best[static_cast<size_t>(i)][r] = may(i, r) ? top + s[r] : kNever;
            from[static_cast<size_t>(i)][r] = static_cast<quint8>(arg);
        }
    }
    int r = 0;
    for (int k = 1; k < kLineRoles; ++k) {
        if (best[static_cast<size_t>(n - 1)][k] > best[static_cast<size_t>(n - 1)][r])
            r = k;
    }
    for (qsizetype i = n - 1; i >= 0; --i) {
        roles[i] = static_cast<LineRole>(r);
        r = from[static_cast<size_t>(i)][r];
    }
    return roles;
}

void LineRoleModel::update(const QList<QStringList> &features, const QList<LineRole> &gold,
                           const QList<LineRole> &guess, float step)
{
    // A model read from a file, or averaged, has no running sums yet.
    m_sums.resize(m_rows.size());
    const auto bump = [&](Scores &w, Scores &sum, int role, float delta) {
        w[role] += delta;
        sum[role] += static_cast<float>(m_step) * delta;
    };
    for (qsizetype i = 0; i < features.size(); ++i) {
        const int g = static_cast<int>(gold[i]);
        const int p = static_cast<int>(guess[i]);
        const int gPrev = i ? static_cast<int>(gold[i - 1]) : kLineRoles;
        const int pPrev = i ? static_cast<int>(guess[i - 1]) : kLineRoles;
        if (g != p) {
            for (const QString &f : features[i]) {
                const size_t row = rowFor(f);
                bump(m_rows[row], m_sums[row], g, step);
                bump(m_rows[row], m_sums[row], p, -step);
            }
        }
        if (g != p || gPrev != pPrev) {
            bump(m_transitions[gPrev], m_transitionSums[gPrev], g, step);
            bump(m_transitions[pPrev], m_transitionSums[pPrev], p, -step);
        }
    }
}

void LineRoleModel::average()
{
    const float c = static_cast<float>(m_step);
    m_sums.resize(m_rows.size());
    for (size_t row = 0; row < m_rows.size(); ++row) {
        for (int r = 0; r < kLineRoles; ++r)
            m_rows[row][r] -= m_sums[row][r] / c;
    }
    for (int from = 0; from <= kLineRoles; ++from) {
        for (int to = 0; to < kLineRoles; ++to)
            m_transitions[from][to] -= m_transitionSums[from][to] / c;
    }
    m_sums.clear();
    m_transitionSums = {};
}

} // namespace br
