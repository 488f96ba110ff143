#pragma once

#include "core/Result.h"

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace br {

// Terms that are evidence of a campaign, with their weights, read from a data file
// (resources/lexicon/campaigns.tsv, built into the program).
class CampaignLexicon final
{
public:
    struct Term
    {
        QString campaign;
        QString text;
        double weight = 1;
    };

    static Result<CampaignLexicon> parse(QStringView tsv);
    static Result<CampaignLexicon> load(const QString &path);
    // The lexicon shipped in the program's resources.
    static const CampaignLexicon &builtin();

    const QList<Term> &terms() const { return m_terms; }

    // Terms by first character, longest first: for longest-match scanning.
    const QList<qsizetype> *termsStartingWith(QChar ch) const;

private:
    QList<Term> m_terms;
    QList<QList<qsizetype>> m_lists;   // term indexes sharing a first character, longest first
    std::vector<qint32> m_listByFirst; // first character -> index into m_lists, or -1
};

} // namespace br
