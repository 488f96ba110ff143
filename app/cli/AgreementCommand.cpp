#include "analysis/Agreement.h"
#include "cli/Cli.h"
#include "cli/CliCommands.h"
#include "core/SafeText.h"
#include "library/Library.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace br::cli {

using namespace Qt::StringLiterals;

namespace {

QJsonValue measureValue(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString measureText(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'f', 3) : u"n/a"_s;
}

QJsonObject confusionObject(const Confusion &c)
{
    return {{u"yes_yes"_s, c.yesYes},
            {u"yes_no"_s, c.yesNo},
            {u"no_yes"_s, c.noYes},
            {u"no_no"_s, c.noNo}};
}

QJsonObject campaignObject(const CampaignAgreement &a, const Campaign &campaign)
{
    QJsonObject o{{u"campaign"_s, a.campaign},
                  {u"name_zh"_s, campaign.nameZh},
                  {u"name_en"_s, campaign.nameEn},
                  {u"coders"_s, QJsonArray::fromStringList(a.coders)},
                  {u"articles"_s, a.articles}};
    if (a.coders.size() == 2) {
        o.insert(u"kappa"_s, measureValue(a.kappa));
        o.insert(u"confusion"_s, confusionObject(a.confusion));
    } else {
        o.insert(u"alpha"_s, measureValue(a.alpha));
        o.insert(u"coincidences"_s, QJsonObject{{u"yes_yes"_s, a.coincidences.yesYes},
                                                {u"yes_no"_s, a.coincidences.yesNo},
                                                {u"no_no"_s, a.coincidences.noNo}});
    }
    QJsonArray pairs;
    for (const PairAgreement &p : a.pairs) {
        pairs.append(QJsonObject{{u"coders"_s, QJsonArray{p.first, p.second}},
                                 {u"articles"_s, p.confusion.total()},
                                 {u"kappa"_s, measureValue(p.kappa)},
                                 {u"confusion"_s, confusionObject(p.confusion)}});
    }
    o.insert(u"pairs"_s, pairs);
    QJsonArray ids;
    for (const qint64 id : a.disagreements)
        ids.append(id);
    o.insert(u"disagreements"_s, ids);
    return o;
}

QString idList(const QList<qint64> &ids)
{
    QStringList text;
    for (const qint64 id : ids)
        text.append(QString::number(id));
    return text.isEmpty() ? u"-"_s : text.join(u", "_s);
}

void printTable(const QList<CampaignAgreement> &rows, const QList<Campaign> &campaigns,
                QTextStream &out)
{
    const CampaignAgreement &any = rows.front();
    QStringList coders;
    for (const QString &c : any.coders)
        coders.append(SafeText::escapeControls(c));
    const bool two = any.coders.size() == 2;
    // Names last and in one arg(): a "%1" in a person's name is not filled in again.
    out << u"Coders: %3; %1 articles coded by %2.\n"_s.arg(
        QString::number(any.articles), two ? u"both"_s : u"two or more"_s, coders.join(u", "_s));
    if (two)
        out << u"(yes/no: %1 tagged the article, %2 did not.)\n\n"_s.arg(coders[0], coders[1]);
    else
        out << u"(alpha over all coders; below each campaign, kappa for every two of them.)\n\n"_s;
    out << u"%1 %2 %3 %4\n"_s.arg(SafeText::padToColumns(u"campaign"_s, 36))
               .arg(two ? u"kappa"_s : u"alpha"_s, 6)
               .arg(two ? u"yes/yes yes/no no/yes  no/no "_s : QString())
               .arg(u"disagreements"_s);
    if (!two)
        out << SafeText::padToColumns(u"  coder / coder"_s, 36)
            << u"  kappa yes/yes yes/no no/yes  no/no\n"_s;
    const auto counts = [](const Confusion &c) {
        return u"%1 %2 %3 %4 "_s.arg(c.yesYes, 7).arg(c.yesNo, 6).arg(c.noYes, 6).arg(c.noNo, 6);
    };
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const CampaignAgreement &a = rows[i];
        const Campaign &c = campaigns[i];
        const QString name = SafeText::escapeControls(u"%1 %2"_s.arg(c.id, c.nameZh));
        out << SafeText::padToColumns(name, 36) << u' '
            << u"%1 %2 %3\n"_s.arg(measureText(two ? a.kappa : a.alpha), 6)
                   .arg(two ? counts(a.confusion) : QString())
                   .arg(idList(a.disagreements));
        if (two)
            continue;
        for (const PairAgreement &p : a.pairs) {
            const QString pair = u"  %1 / %2"_s.arg(SafeText::escapeControls(p.first),
                                                    SafeText::escapeControls(p.second));
            out << SafeText::padToColumns(pair, 36) << u' '
                << u"%1 %2(%3 articles)\n"_s.arg(measureText(p.kappa), 6)
                       .arg(counts(p.confusion))
                       .arg(p.confusion.total());
        }
    }
}

} // namespace

int runAgreement(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption json(u"json"_s, u"Print the figures as JSON."_s);
    const QCommandLineOption only(u"campaign"_s,
                                  u"Only this campaign or own tag (its id or name)."_s, u"ID"_s);
    parser.addOption(json);
    parser.addOption(only);
    if (auto exit = parseCommandLine(
            parser, context,
            u"How far the people coding the library agree on its campaign tags, article by "
            u"article: Cohen's kappa for two coders, Krippendorff's alpha (nominal) for more, "
            u"per campaign, over the articles two or more of them coded (tagged, untagged, or "
            u"marked coded with 'tag ID --coded')."_s))
        return *exit;
    const std::unique_ptr<Library> library = openLibrary(context, LibraryUse::Reading);
    if (!library)
        return PartialFailure;
    QList<Campaign> campaigns;
    if (parser.isSet(only)) {
        const std::optional<Campaign> c = campaignNamed(*library, parser.value(only), context);
        if (!c)
            return PartialFailure;
        campaigns.append(*c);
    } else {
        Result<QList<Campaign>> all = library->campaigns();
        if (!all) {
            context.err << all.errorMessage() << u"\n"_s;
            return PartialFailure;
        }
        campaigns = std::move(all).value();
    }
    const Result<QList<Coding>> codings = library->codings();
    if (!codings) {
        context.err << codings.errorMessage() << u"\n"_s;
        return PartialFailure;
    }
    QStringList ids;
    for (const Campaign &c : campaigns)
        ids.append(c.id);
    const QList<CampaignAgreement> rows = Agreement::measure(codings.value(), ids);
    if (parser.isSet(json)) {
        QJsonArray array;
        for (qsizetype i = 0; i < rows.size(); ++i)
            array.append(campaignObject(rows[i], campaigns[i]));
        const CampaignAgreement none;
        const CampaignAgreement &any = rows.isEmpty() ? none : rows.front();
        context.out << QString::fromUtf8(
            QJsonDocument(QJsonObject{{u"coders"_s, QJsonArray::fromStringList(any.coders)},
                                      {u"articles"_s, any.articles},
                                      {u"campaigns"_s, array}})
                .toJson(QJsonDocument::Indented));
        return Success;
    }
    if (rows.isEmpty() || rows.front().coders.size() < 2) {
        context.out << u"No article has been coded by two people yet: agreement needs two or "
                       u"more coders on the same articles (tag them, or 'tag ID --coded').\n"_s;
        return Success;
    }
    printTable(rows, campaigns, context.out);
    return Success;
}

} // namespace br::cli
