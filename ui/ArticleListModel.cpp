#include "ArticleListModel.h"

#include "BackgroundReads.h"
#include "PlainTooltip.h"
#include "Roles.h"
#include "Workspace.h"

namespace br::ui {

ArticleListModel::ArticleListModel(Workspace &workspace, QObject *parent)
    : QAbstractTableModel(parent), m_workspace(workspace), m_reads(new BackgroundReads(this)),
      m_backgroundFrom(BackgroundReads::kLargeLibrary)
{
    connect(&workspace, &Workspace::articleChanged, this, &ArticleListModel::refreshArticle);
    connect(&workspace, &Workspace::libraryChanged, this, &ArticleListModel::load);
    // A page's publication, date and number are what its articles' Page column shows.
    connect(&workspace, &Workspace::pagesChanged, this, &ArticleListModel::refreshPages);
    connect(&workspace, &Workspace::campaignsChanged, this, [this] {
        if (!m_order.ids.isEmpty())
            Q_EMIT dataChanged(index(0, CampaignsColumn), index(rowCount() - 1, CampaignsColumn));
    });
    reload();
}

ArticleListModel::~ArticleListModel() = default;

bool ArticleListModel::isSearching() const
{
    return m_reads->isAwaiting();
}

int ArticleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_order.ids.size());
}

int ArticleListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ArticleListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == ArticleIdRole)
        return m_order.ids[index.row()];
    const ArticleSummary *read = summaryAt(index.row());
    if (!read)
        return {};
    const ArticleSummary &a = *read;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return a.title.isEmpty() ? tr("(untitled)") : a.title;
        case PageColumn: {
            // What a reader cites a page by, once known; the file's hash-like name until then.
            QStringList page;
            for (const QString *s : {&a.publication, &a.date, &a.pageNumber}) {
                if (!s->isEmpty())
                    page.append(*s);
            }
            return tr("%1 · %2")
                .arg(page.isEmpty() ? a.pageFile : page.join(QStringLiteral(" · ")))
                .arg(a.order + 1);
        }
        case CampaignsColumn: {
            QStringList names;
            for (const QString &c : a.campaigns)
                names.append(m_workspace.nameOf(c));
            return names.join(QStringLiteral(", "));
        }
        case NotesColumn:
            return a.annotations > 0 ? QVariant(a.annotations) : QVariant();
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TitleColumn) {
            QStringList parts;
            for (const QString *s : {&a.section, &a.kicker, &a.title}) {
                if (!s->isEmpty())
                    parts.append(*s);
            }
            // Tooltips render rich text when it looks like markup: page text goes in escaped.
            return plainTooltip(parts.join(QLatin1Char('\n')));
        }
        if (index.column() == PageColumn)
            return plainTooltip(a.pageFile);
        if (index.column() == CampaignsColumn) {
            // The chips named, as the legend under the list names them.
            QStringList lines;
            for (const QString &c : a.campaigns)
                lines.append(m_workspace.nameOf(c));
            for (const CampaignSuggestion &s : a.suggestions) {
                if (!a.campaigns.contains(s.campaign))
                    lines.append(tr("%1 (suggested)").arg(m_workspace.nameOf(s.campaign)));
            }
            return lines.isEmpty() ? QVariant() : plainTooltip(lines.join(QLatin1Char('\n')));
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == NotesColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case PageIdRole:
        return a.pageId;
    case CampaignIdsRole:
        return a.campaigns;
    case SuggestedIdsRole: {
        QStringList suggested;
        for (const CampaignSuggestion &s : a.suggestions) {
            if (!a.campaigns.contains(s.campaign))
                suggested.append(s.campaign);
        }
        return suggested;
    }
    case CampaignColorsRole: {
        QStringList colors;
        for (const QString &c : a.campaigns)
            colors.append(m_workspace.colorOf(c));
        return colors;
    }
    case AnnotationCountRole:
        return a.annotations;
    }
    return {};
}

QVariant ArticleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    // A column's first click sorts it ascending, whichever way the last one went.
    if (role == Qt::InitialSortOrderRole)
        return static_cast<int>(Qt::AscendingOrder);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case PageColumn:
        return tr("Page");
    case CampaignsColumn:
        return tr("Campaigns");
    case NotesColumn:
        return tr("Notes");
    }
    return {};
}

void ArticleListModel::sort(int column, Qt::SortOrder order)
{
    static constexpr ArticleFilter::Sort byColumn[ColumnCount] = {
        ArticleFilter::Sort::Title, ArticleFilter::Sort::Page, ArticleFilter::Sort::Campaigns,
        ArticleFilter::Sort::Notes};
    const ArticleFilter::Sort key =
        column >= 0 && column < ColumnCount ? byColumn[column] : ArticleFilter::Sort::Position;
    const bool descending = order == Qt::DescendingOrder;
    if (key == m_filter.sort && descending == m_filter.descending)
        return;
    m_filter.sort = key;
    m_filter.descending = descending;
    load();
}

void ArticleListModel::setFilter(const ArticleFilter &filter)
{
    // A new filter keeps the order the person chose.
    const ArticleFilter::Sort sort = m_filter.sort;
    const bool descending = m_filter.descending;
    m_filter = filter;
    m_filter.sort = sort;
    m_filter.descending = descending;
    if (m_filter.text.isEmpty())
        load();
    else
        searchInBackground();
}

void ArticleListModel::load()
{
    const Result<qint64> articles = m_workspace.library().articleCount();
    if (articles && articles.value() >= m_backgroundFrom)
        searchInBackground();
    else
        reload();
}

void ArticleListModel::reload()
{
    m_reads->dropPending();
    Result<QList<qint64>> ids = m_workspace.library().articleIds(m_filter);
    setOrder(Order::of(ids ? std::move(ids).value() : QList<qint64>()));
}

ArticleListModel::Order ArticleListModel::Order::of(QList<qint64> ids)
{
    Order order;
    order.rows.reserve(ids.size());
    for (qsizetype i = 0; i < ids.size(); ++i)
        order.rows.insert(ids[i], static_cast<int>(i));
    order.ids = std::move(ids);
    return order;
}

void ArticleListModel::setOrder(Order order)
{
    beginResetModel();
    // Rows read before are read again: the articles may have changed while the order was read.
    m_read.clear();
    m_order = std::move(order);
    endResetModel();
}

void ArticleListModel::searchInBackground()
{
    const ArticleFilter filter = m_filter;
    m_reads->run<Order>(
        m_workspace.library().location(),
        [filter](Library &library) -> Result<Order> {
            Result<QList<qint64>> ids = library.articleIds(filter);
            if (!ids)
                return ids.error();
            return Order::of(std::move(ids).value());
        },
        [this](Result<Order> order) {
            if (!order) {
                // The worker could not read it (its own connection): read on this one instead,
                // so the list shows what the filter and order say.
                reload();
                Q_EMIT searchFinished();
                return;
            }
            setOrder(std::move(order).value());
            Q_EMIT searchFinished();
        });
}

const ArticleSummary *ArticleListModel::summaryAt(int row) const
{
    const qint64 id = m_order.ids[row];
    if (const auto found = m_read.constFind(id); found != m_read.cend())
        return found->id == 0 ? nullptr : &found.value();
    if (m_read.size() >= kMostKept)
        m_read.clear();
    // The rows around it not read yet: a view paints a screenful, a scroll moves by a few.
    const int first = std::max(0, row - kReadAround / 2);
    const int end = std::min(rowCount(), first + kReadAround);
    QList<qint64> wanted;
    wanted.reserve(end - first);
    for (int r = first; r < end; ++r) {
        if (!m_read.contains(m_order.ids[r]))
            wanted.append(m_order.ids[r]);
    }
    Result<QList<ArticleSummary>> rows = m_workspace.library().articleSummaries(wanted);
    if (rows) {
        for (ArticleSummary &a : rows.value()) {
            const qint64 readId = a.id;
            m_read.insert(readId, std::move(a));
        }
        // Gone since the order was read (the new order is on its way): kept as gone, an empty
        // row, not asked for again at every paint.
        for (const qint64 gone : std::as_const(wanted)) {
            if (!m_read.contains(gone))
                m_read.insert(gone, ArticleSummary());
        }
    }
    const auto found = m_read.constFind(id);
    return found == m_read.cend() || found->id == 0 ? nullptr : &found.value();
}

int ArticleListModel::rowOf(qint64 articleId) const
{
    return m_order.rows.value(articleId, -1);
}

qint64 ArticleListModel::articleIdAt(int row) const
{
    return row >= 0 && row < m_order.ids.size() ? m_order.ids[row] : 0;
}

void ArticleListModel::refreshArticle(qint64 articleId)
{
    // The row stays even if it no longer matches the filter: a list that drops the article one
    // has just tagged would lose one's place. It is read again when shown.
    const int row = rowOf(articleId);
    if (row < 0)
        return;
    m_read.remove(articleId);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ArticleListModel::refreshPages()
{
    // Sorted by page, the order may change too.
    if (m_filter.sort == ArticleFilter::Sort::Page) {
        load();
        return;
    }
    m_read.clear();
    if (!m_order.ids.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace br::ui
