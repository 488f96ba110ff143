#pragma once

// How far the people coding one archive agree on its campaign tags, article by article: Cohen's
// kappa for two coders, Krippendorff's alpha (nominal) for more, per campaign.

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace br {

// One person's judgment of one article for one campaign: it applies (they tagged it) or it does
// not (they took the tag off, or marked the article coded without it).
struct Coding
{
    qint64 articleId = 0;
    QString campaign;
    QString coder;
    bool applies = false;
    QString setAt;

    friend bool operator==(const Coding &, const Coding &) = default;
};

// Two coders' judgments over the articles both coded: how many each way (the first coder's
// judgment first).
struct Confusion
{
    int yesYes = 0;
    int yesNo = 0;
    int noYes = 0;
    int noNo = 0;

    int total() const { return yesYes + yesNo + noYes + noNo; }
    friend bool operator==(const Confusion &, const Confusion &) = default;
};

struct PairAgreement
{
    QString first;
    QString second;
    Confusion confusion;
    std::optional<double> kappa; // none when chance alone explains every judgment (pe = 1)
};

// The coincidences behind alpha for a yes / no value: each pair of judgments of one article by
// two of its coders counts 1 / (coders of the article - 1).
struct Coincidences
{
    double yesYes = 0;
    double yesNo = 0; // the same as no / yes
    double noNo = 0;
};

struct CampaignAgreement
{
    QString campaign;
    QStringList coders;          // by name, sorted
    int articles = 0;            // coded by at least two of them (by both, for two)
    std::optional<double> kappa; // two coders
    std::optional<double> alpha; // more than two
    Confusion confusion;         // two coders
    Coincidences coincidences;   // more than two
    QList<PairAgreement> pairs;  // every two of the coders, over the articles both coded
    QList<qint64> disagreements; // articles whose coders did not all judge alike, by id
};

namespace Agreement {

// A person coded an article when they made any judgment of it; for every campaign they did not
// tag it with, their judgment is "no". Every campaign of `campaigns` gets a row, in that order,
// over the coders who share an article with another.
QList<CampaignAgreement> measure(const QList<Coding> &codings, const QStringList &campaigns);

// kappa = (po - pe) / (1 - pe), pe = sum over k of p(first, k) * p(second, k).
std::optional<double> cohensKappa(const Confusion &confusion);
// alpha = 1 - (n - 1) * o(yes, no) / (n(yes) * n(no)), n the judgments of articles with two or
// more coders.
std::optional<double> krippendorffsAlpha(const Coincidences &coincidences);

} // namespace Agreement

} // namespace br
