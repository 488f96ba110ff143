#include "analysis/Campaign.h"

namespace br {

using namespace Qt::StringLiterals;

const QList<Campaign> &builtinCampaigns()
{
    static const QList<Campaign> campaigns{
        {u"poverty-relief"_s, u"脱贫攻坚"_s, u"Poverty relief"_s, u"#d9822b"_s},
        {u"anti-crime"_s, u"扫黑除恶"_s, u"Anti-crime campaign"_s, u"#c0392b"_s},
        {u"civilization-city"_s, u"创建全国文明城市"_s, u"Civilised city campaign"_s, u"#2e86c1"_s},
    };
    return campaigns;
}

} // namespace br
