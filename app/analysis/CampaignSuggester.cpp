#include "analysis/CampaignSuggester.h"

#include "analysis/Campaign.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <map>

namespace br {

// Terms in lexicon order, so that a campaign's score is summed in the same order every time
// (a hash's order changes from run to run, and with it the last bits of a sum).
struct CampaignSuggester::Hits
{
    std::map<qsizetype, int> counts;
};

CampaignSuggester::CampaignSuggester(const CampaignLexicon &lexicon) : m_lexicon(lexicon) {}

CampaignSuggester::Hits CampaignSuggester::countTerms(QStringView text) const
{
    Hits hits;
    qsizetype i = 0;
    while (i < text.size()) {
        const QList<qsizetype> *candidates = m_lexicon.termsStartingWith(text[i]);
        qsizetype matched = 0;
        if (candidates) {
            for (const qsizetype t : *candidates) {
                const QString &term = m_lexicon.terms()[t].text;
                if (QStringView(text).sliced(i).startsWith(term)) {
                    ++hits.counts[t];
                    matched = term.size();
                    break; // longest first: overlapping shorter terms are not counted again
                }
            }
        }
        i += matched > 0 ? matched : 1;
    }
    return hits;
}

QList<CampaignSuggestion> CampaignSuggester::suggest(const Article &article) const
{
    const QString headline =
        m_folder.fold(QString(article.kicker + u'\n' + article.title + u'\n' + article.subtitle));
    QString body;
    for (const Block &b : article.blocks) {
        body += b.text;
        body += u'\n';
    }
    body = m_folder.fold(body);
    const Hits headHits = countTerms(headline);
    const Hits bodyHits = countTerms(body);

    struct Evidence
    {
        double head = 0;
        double body = 0;
        int distinct = 0;
        bool strongRepeated = false;
        bool strong = false; // a term used almost only in the campaign's reporting (weight >= 2)
        QList<std::pair<double, QString>> terms;
    };
    QHash<QString, Evidence> byCampaign;
    std::map<qsizetype, double> contribution;
    for (const auto &[index, times] : headHits.counts) {
        const CampaignLexicon::Term &term = m_lexicon.terms()[index];
        byCampaign[term.campaign].head += 3 * term.weight;
        contribution[index] += 3 * term.weight;
    }
    for (const auto &[index, times] : bodyHits.counts) {
        const CampaignLexicon::Term &term = m_lexicon.terms()[index];
        const double s = term.weight * (1 + std::log(static_cast<double>(times)));
        Evidence &e = byCampaign[term.campaign];
        e.body += s;
        e.strongRepeated = e.strongRepeated || (term.weight >= 2 && times >= 2);
        contribution[index] += s;
    }
    for (const auto &[index, share] : contribution) {
        const CampaignLexicon::Term &term = m_lexicon.terms()[index];
        Evidence &e = byCampaign[term.campaign];
        ++e.distinct;
        e.strong = e.strong || term.weight >= 2;
        e.terms.append({share, term.text});
    }

    const double lengthUnits = std::max(1.0, static_cast<double>(body.size()) / 800.0);
    QList<CampaignSuggestion> suggestions;
    for (const Campaign &campaign : builtinCampaigns()) {
        const auto found = byCampaign.constFind(campaign.id);
        if (found == byCampaign.constEnd())
            continue;
        const Evidence &e = found.value();
        const double strength = e.head + e.body / lengthUnits;
        const double score = 1 - std::exp(-strength / 4);
        // Words that also turn up elsewhere (文明出行, 志愿服务, 帮扶) only support the campaign's
        // own terms: 文明旅游 and a volunteer service alone are no civilised-city story.
        const bool enough = e.strong && (e.head > 0 || e.distinct >= 2 || e.strongRepeated);
        if (score < kMinimumScore || !enough)
            continue;
        QList<std::pair<double, QString>> terms = e.terms;
        std::sort(terms.begin(), terms.end(), [](const auto &a, const auto &b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        CampaignSuggestion s;
        s.campaign = campaign.id;
        s.score = std::round(score * 100) / 100;
        for (const auto &t : terms)
            s.evidence.append(t.second);
        suggestions.append(std::move(s));
    }
    return suggestions;
}

} // namespace br
