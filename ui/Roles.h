#pragma once

#include <Qt>

namespace br::ui {

// Item data roles of the project's models, in one place.
enum Role : int
{
    ArticleIdRole = Qt::UserRole + 1, // qint64
    PageIdRole,                       // qint64
    CampaignIdsRole,                  // QStringList: confirmed tags
    SuggestedIdsRole,                 // QStringList: suggested, not confirmed
    AnnotationCountRole,              // int
    AnnotationIdRole,                 // qint64
    AnnotationStartRole,              // int: offset in the article's plain text
    CampaignColorsRole,               // QStringList: #rrggbb of the confirmed tags
};

} // namespace br::ui
