#include "analysis/CampaignLexicon.h"

#include "analysis/Campaign.h"
#include "core/TsvRecords.h"

#include <QFile>
#include <QLoggingCategory>

#include <algorithm>

namespace br {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLexicon, "br.analysis.lexicon")

Result<CampaignLexicon> CampaignLexicon::parse(QStringView tsv)
{
    CampaignLexicon lexicon;
    const Status read =
        forEachTsvRecord(tsv, [&](const QList<QStringView> &fields, int lineNumber) -> Status {
            bool weightOk = false;
            const double weight = fields.size() == 3 ? fields[2].toDouble(&weightOk) : 0;
            const bool known = std::any_of(builtinCampaigns().begin(), builtinCampaigns().end(),
                                           [&](const Campaign &c) { return fields[0] == c.id; });
            if (fields.size() != 3 || !weightOk || weight <= 0 || !known || fields[1].isEmpty())
                return Error{
                    u"lexicon line %1 is not 'campaign<TAB>term<TAB>weight'"_s.arg(lineNumber)};
            lexicon.m_terms.append(Term{fields[0].toString(), fields[1].toString(), weight});
            return {};
        });
    if (!read)
        return read.error();
    // A table over the whole BMP: the scan asks it for every character of every article.
    lexicon.m_listByFirst.assign(0x10000, -1);
    for (qsizetype i = 0; i < lexicon.m_terms.size(); ++i) {
        qint32 &slot = lexicon.m_listByFirst[lexicon.m_terms[i].text.front().unicode()];
        if (slot < 0) {
            slot = static_cast<qint32>(lexicon.m_lists.size());
            lexicon.m_lists.append(QList<qsizetype>());
        }
        lexicon.m_lists[slot].append(i);
    }
    for (auto &list : lexicon.m_lists) {
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
    if (m_listByFirst.empty())
        return nullptr;
    const qint32 slot = m_listByFirst[ch.unicode()];
    return slot < 0 ? nullptr : &m_lists[slot];
}

} // namespace br
