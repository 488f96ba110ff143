#include "analysis/CampaignLexicon.h"

#include "analysis/Campaign.h"

#include <QFile>
#include <QLoggingCategory>

#include <algorithm>

namespace br {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLexicon, "br.analysis.lexicon")

Result<CampaignLexicon> CampaignLexicon::parse(QStringView tsv)
{
    CampaignLexicon lexicon;
    int lineNumber = 0;
    for (const QStringView line : tsv.split(u'\n')) {
        ++lineNumber;
        const QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        const QList<QStringView> fields = trimmed.split(u'\t');
        bool weightOk = false;
        const double weight = fields.size() == 3 ? fields[2].toDouble(&weightOk) : 0;
        const bool known = std::any_of(builtinCampaigns().begin(), builtinCampaigns().end(),
                                       [&](const Campaign &c) { return fields[0] == c.id; });
        if (fields.size() != 3 || !weightOk || weight <= 0 || !known || fields[1].isEmpty())
            return Error{u"lexicon line %1 is not 'campaign<TAB>term<TAB>weight'"_s.arg(lineNumber)};
        lexicon.m_terms.append(Term{fields[0].toString(), fields[1].toString(), weight});
    }
    for (qsizetype i = 0; i < lexicon.m_terms.size(); ++i)
        lexicon.m_byFirst[lexicon.m_terms[i].text.front()].append(i);
    for (auto &list : lexicon.m_byFirst) {
        std::sort(list.begin(), list.end(), [&](qsizetype a, qsizetype b) {
            return lexicon.m_terms[a].text.size() > lexicon.m_terms[b].text.size();
        });
    }
    return lexicon;
}

Result<CampaignLexicon> CampaignLexicon::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{u"cannot read the lexicon %1: %2"_s.arg(path, file.errorString())};
    return parse(QString::fromUtf8(file.readAll()));
}

const CampaignLexicon &CampaignLexicon::builtin()
{
    static const CampaignLexicon lexicon = [] {
        Result<CampaignLexicon> loaded = load(u":/lexicon/campaigns.tsv"_s);
        if (!loaded) {
            qCCritical(lcLexicon) << loaded.errorMessage();
            return CampaignLexicon();
        }
        return std::move(loaded).value();
    }();
    return lexicon;
}

const QList<qsizetype> *CampaignLexicon::termsStartingWith(QChar ch) const
{
    const auto it = m_byFirst.constFind(ch);
    return it == m_byFirst.constEnd() ? nullptr : &it.value();
}

} // namespace br
