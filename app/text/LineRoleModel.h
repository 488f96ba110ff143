#pragma once

#include "text/FeatureList.h"
#include "text/LineFeatures.h"

#include <QList>
#include <QString>

#include <array>
#include <atomic>
#include <vector>

namespace br {

// The job of a line on a page, as the splitter needs to know it.
enum class LineRole : quint8
{
    Furniture, // masthead and page furniture before the first story
    HeadStart, // the first line of a story's headline (kicker, or title)
    HeadMore,  // the rest of the headline: title's second line, subtitle
    BodyStart, // a line that starts a paragraph, a subhead or a byline
    BodyMore,  // the rest of a paragraph the layout broke
    Caption,   // a photo caption or its credit
};
inline constexpr int kLineRoles = 6;

QString lineRoleName(LineRole role);

// A linear model of line roles decoded over the page's line sequence (Viterbi): each role scores
// a line by the weights of its features, and each pair of neighbouring roles by a transition
// weight, so that a headline is read as a group and a broken paragraph as a run. The weights are
// learnt by tools/train_line_roles from pages with known structure (an averaged structured
// perceptron) and shipped as resources/model/line_roles.tsv.
class LineRoleModel final
{
public:
    using Scores = std::array<float, kLineRoles>;

    // The model the program ships.
    static const LineRoleModel &builtin();
    // Reads "feature TAB w0 … w5" lines and "@transition FROM TO w" lines; empty when unreadable.
    static LineRoleModel fromTsv(const QByteArray &tsv);
    QByteArray toTsv() const;
    bool isEmpty() const { return m_rows.empty(); }

    // Which roles a line may take, one bit per role; kAnyRole leaves it to the model. Conventions
    // that admit no doubt (a △ caption, a line that opens on a comma) are given this way.
    using RoleSet = quint8;
    static constexpr RoleSet kAnyRole = (1u << kLineRoles) - 1;
    static constexpr RoleSet only(LineRole role) { return RoleSet(1u << static_cast<int>(role)); }

    // The most likely roles of the lines, given each line's features (and what each may be).
    QList<LineRole> decode(const QList<QStringList> &features,
                           const QList<RoleSet> &allowed = {}) const;
    // While *cancel is set, it stops within a thousand lines (what it gives is then no answer).
    QList<LineRole> decode(const QList<PageLine> &lines, const QList<RoleSet> &allowed = {},
                           const std::atomic_bool *cancel = nullptr) const;

    // For training: a step towards `gold` where `guess` differs; tick() after each page; at the
    // end, average() replaces the weights by their average over all steps (averaged perceptron).
    void update(const QList<QStringList> &features, const QList<LineRole> &gold,
                const QList<LineRole> &guess, float step);
    void tick() { ++m_step; }
    void average();

private:
    // The sum of the weights of `features` (a FeatureList, or a QStringList in training).
    template <typename Features> Scores score(const Features &features) const;
    const Scores *weightsOf(quint64 hash) const;
    // The row of `feature`'s weights, made (all zero) when it has none.
    size_t rowFor(const QString &feature);
    void index(quint64 hash, size_t row);
    QByteArray nameOf(size_t row) const;
    QList<LineRole> bestPath(const std::vector<Scores> &scores,
                             const QList<RoleSet> &allowed) const;

    // The weights, a row a feature, found by the hash of the feature's name in an open-addressing
    // table (slot: hash and row; hash 0 marks an empty slot): a line's 150 lookups compare
    // numbers, not strings. The names are kept for writing the model out: where each lies in
    // m_nameChars (the file the model was read from, then the names training added).
    struct Slot
    {
        quint64 hash = 0;
        quint32 row = 0;
    };
    std::vector<Slot> m_slots;
    std::vector<Scores> m_rows;
    std::vector<std::pair<qsizetype, qsizetype>> m_nameAt;
    QByteArray m_nameChars;
    std::array<Scores, kLineRoles + 1> m_transitions{}; // [from][to]; row kLineRoles: page start
    // For averaging (training only): the running sums, weighted by when each change was made.
    std::vector<Scores> m_sums;
    std::array<Scores, kLineRoles + 1> m_transitionSums{};
    qint64 m_step = 1;
};

} // namespace br
