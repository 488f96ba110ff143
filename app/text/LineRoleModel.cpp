#include "text/LineRoleModel.h"

#include <QFile>
#include <QLoggingCategory>

#include <charconv>
#include <limits>

namespace br {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLineRoles, "br.text.lineroles", QtWarningMsg)

namespace {

constexpr const char *kNames[kLineRoles] = {"furniture", "head",  "head+",
                                            "body",      "body+", "caption"};
constexpr char kTransitionTag[] = "@transition";

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
    // Read in place, field by field: the shipped model has some 57,000 lines, read by every
    // command that splits a page, and splitting each into lists of copies took 90 ms.
    LineRoleModel model;
    model.m_weights.reserve(tsv.count('\n'));
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
        Scores w{};
        for (int r = 0; r < kLineRoles; ++r)
            w[r] = number(fields[r + 1]);
        model.m_weights.insert(QString::fromUtf8(fields[0]), w);
    }
    return model;
}

QByteArray LineRoleModel::toTsv() const
{
    QByteArray out = "# Line-role weights: feature, then one weight per role (";
    for (int r = 0; r < kLineRoles; ++r)
        out += QByteArray(r ? " " : "") + kNames[r];
    out += "). Made by tools/train_line_roles; do not edit by hand.\n";
    QStringList names = m_weights.keys();
    names.sort();
    for (const QString &name : names) {
        const Scores &w = m_weights[name];
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

LineRoleModel::Scores LineRoleModel::score(const QStringList &features) const
{
    Scores s{};
    for (const QString &f : features) {
        const auto it = m_weights.constFind(f);
        if (it == m_weights.cend())
            continue;
        for (int r = 0; r < kLineRoles; ++r)
            s[r] += (*it)[r];
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
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (cancel && i % 1024 == 0 && cancel->load())
            return {};
        scores.push_back(score(features.of(i)));
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
                Scores &w = m_weights[f];
                Scores &sum = m_sums[f];
                bump(w, sum, g, step);
                bump(w, sum, p, -step);
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
    for (auto it = m_weights.begin(); it != m_weights.end(); ++it) {
        const Scores &sum = m_sums[it.key()];
        for (int r = 0; r < kLineRoles; ++r)
            (*it)[r] -= sum[r] / c;
    }
    for (int from = 0; from <= kLineRoles; ++from) {
        for (int to = 0; to < kLineRoles; ++to)
            m_transitions[from][to] -= m_transitionSums[from][to] / c;
    }
    m_sums.clear();
    m_transitionSums = {};
}

} // namespace br
