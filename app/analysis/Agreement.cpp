#include "analysis/Agreement.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace br::Agreement {

namespace {

// Who coded an article, and which campaigns each of them tagged it with.
using ArticleCoders = QMap<QString, QSet<QString>>;

Coincidences coincidencesOf(const QList<const ArticleCoders *> &articles, const QString &campaign)
{
    Coincidences c;
    for (const ArticleCoders *coders : articles) {
        double yes = 0;
        for (const QSet<QString> &tagged : *coders)
            yes += tagged.contains(campaign) ? 1 : 0;
        const auto m = static_cast<double>(coders->size());
        const double no = m - yes;
        c.yesYes += yes * (yes - 1) / (m - 1);
        c.noNo += no * (no - 1) / (m - 1);
        c.yesNo += yes * no / (m - 1);
    }
    return c;
}

} // namespace

std::optional<double> cohensKappa(const Confusion &c)
{
    const double n = c.total();
    if (n == 0)
        return std::nullopt;
    const double observed = (c.yesYes + c.noNo) / n;
    const double firstYes = (c.yesYes + c.yesNo) / n;
    const double secondYes = (c.yesYes + c.noYes) / n;
    const double chance = firstYes * secondYes + (1 - firstYes) * (1 - secondYes);
    if (chance >= 1)
        return std::nullopt;
    return (observed - chance) / (1 - chance);
}

std::optional<double> krippendorffsAlpha(const Coincidences &c)
{
    const double yes = c.yesYes + c.yesNo;
    const double no = c.noNo + c.yesNo;
    const double n = yes + no;
    if (yes * no == 0)
        return std::nullopt;
    return 1 - (n - 1) * c.yesNo / (yes * no);
}

QList<CampaignAgreement> measure(const QList<Coding> &codings, const QStringList &campaigns)
{
    QMap<qint64, ArticleCoders> byArticle;
    for (const Coding &c : codings) {
        QSet<QString> &tagged = byArticle[c.articleId][c.coder];
        if (c.applies)
            tagged.insert(c.campaign);
    }
    QList<qint64> shared; // the articles two or more people coded
    QSet<QString> coderSet;
    for (auto it = byArticle.cbegin(); it != byArticle.cend(); ++it) {
        if (it->size() < 2)
            continue;
        shared.append(it.key());
        for (auto coder = it->cbegin(); coder != it->cend(); ++coder)
            coderSet.insert(coder.key());
    }
    QStringList coders(coderSet.cbegin(), coderSet.cend());
    std::sort(coders.begin(), coders.end());
    QList<const ArticleCoders *> sharedCoders;
    for (const qint64 id : shared)
        sharedCoders.append(&byArticle[id]);

    QList<CampaignAgreement> result;
    for (const QString &campaign : campaigns) {
        CampaignAgreement a;
        a.campaign = campaign;
        a.coders = coders;
        a.articles = static_cast<int>(shared.size());
        for (qsizetype u = 0; u < shared.size(); ++u) {
            const ArticleCoders &judged = *sharedCoders[u];
            const bool first = judged.cbegin()->contains(campaign);
            if (std::any_of(judged.cbegin(), judged.cend(), [&](const QSet<QString> &tagged) {
                    return tagged.contains(campaign) != first;
                }))
                a.disagreements.append(shared[u]);
        }
        for (qsizetype i = 0; i < coders.size(); ++i) {
            for (qsizetype j = i + 1; j < coders.size(); ++j) {
                PairAgreement pair{coders[i], coders[j], {}, {}};
                for (const ArticleCoders *judged : sharedCoders) {
                    const auto one = judged->constFind(coders[i]);
                    const auto other = judged->constFind(coders[j]);
                    if (one == judged->cend() || other == judged->cend())
                        continue;
                    const bool yes1 = one->contains(campaign);
                    const bool yes2 = other->contains(campaign);
                    (yes1 ? (yes2 ? pair.confusion.yesYes : pair.confusion.yesNo)
                          : (yes2 ? pair.confusion.noYes : pair.confusion.noNo)) += 1;
                }
                pair.kappa = cohensKappa(pair.confusion);
                a.pairs.append(pair);
            }
        }
        if (coders.size() == 2) {
            a.confusion = a.pairs.front().confusion;
            a.kappa = a.pairs.front().kappa;
        } else if (coders.size() > 2) {
            a.coincidences = coincidencesOf(sharedCoders, campaign);
            a.alpha = krippendorffsAlpha(a.coincidences);
        }
        result.append(a);
    }
    return result;
}

} // namespace br::Agreement
