#pragma once

#include "analysis/CampaignLexicon.h"
#include "text/Page.h"
#include "text/ScriptFolder.h"

namespace br {

// Proposes campaigns for an article from the lexicon's evidence terms.
//
// A headline says what a story is about, so a term in the kicker, title or subtitle counts three
// times. In the body, repeats of a term add less and less (1 + ln n): a story about a campaign uses
// several of its words, not one word many times. Body evidence is then taken per 800 characters,
// so that a passing mention in a long story about something else (a line on 创城 at the end of a
// report on party building) stays below the bar, while a short notice that names the campaign
// twice clears it. A suggestion also needs either a headline term or two different terms, or a
// strong term more than once. Scores map evidence s to 1 - exp(-s / 4): 0.5 at s ≈ 2.8.
class CampaignSuggester final
{
public:
    explicit CampaignSuggester(const CampaignLexicon &lexicon = CampaignLexicon::builtin());

    QList<CampaignSuggestion> suggest(const Article &article) const;

    // Below this score no suggestion is made.
    static constexpr double kMinimumScore = 0.5;

private:
    struct Hits; // term index -> count
    Hits countTerms(QStringView foldedText) const;

    const CampaignLexicon &m_lexicon;
    ScriptFolder m_folder;
};

} // namespace br
