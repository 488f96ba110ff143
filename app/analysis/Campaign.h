#pragma once

#include <QList>
#include <QString>

namespace br {

// One of the public campaigns a special page reports on.
struct Campaign
{
    QString id;     // stable id used in files and the library: poverty-relief, ...
    QString nameZh; // 扶贫 / 脱贫攻坚
    QString nameEn;
    QString color; // #rrggbb, the chip colour in lists and charts
};

// The three fixed campaigns, in the order the program shows them (keys 1, 2, 3).
const QList<Campaign> &builtinCampaigns();

} // namespace br
