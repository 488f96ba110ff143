#pragma once

#include "library/Library.h"

#include <QAbstractTableModel>
#include <QHash>

namespace br::ui {

class BackgroundReads;
class Workspace;

// The library's articles as a table: title, page, campaign chips, number of annotations. Filtering
// and sorting are done by the library in SQL, which gives the list's order as ids; the rows
// themselves are read as the view shows them, a few at a time, so a list of 100,000 articles
// holds their ids and a screenful or so of rows. A changed article is read again when shown.
class ArticleListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleListModel)

public:
    enum Column
    {
        TitleColumn,
        PageColumn,
        CampaignsColumn,
        NotesColumn,
        ColumnCount
    };

    explicit ArticleListModel(Workspace &workspace, QObject *parent = nullptr);
    ~ArticleListModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Sorting is done by the library in SQL, keeping the current filter.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // A filter with search text is answered on a worker thread with its own connection, so typing
    // never waits for the index; the rows change when the answer comes (searchFinished).
    void setFilter(const ArticleFilter &filter);
    bool isSearching() const;
    // A large library is sorted and filtered on a worker too (BackgroundReads::kLargeLibrary;
    // tests set it low to try the worker on a small library).
    void setBackgroundFrom(qint64 articles) { m_backgroundFrom = articles; }

Q_SIGNALS:
    // A list read on a worker (a search, or a sort or filter of a large library) is shown.
    void searchFinished();

public:
    const ArticleFilter &filter() const { return m_filter; }
    void reload();
    int rowOf(qint64 articleId) const;
    qint64 articleIdAt(int row) const;

    // Rows read at a time around one the view asks for, and the most kept before the ones
    // read so far are dropped (read again when shown).
    static constexpr int kReadAround = 120;
    static constexpr int kMostKept = 3000;
    // How many rows are read and kept now (for tests).
    qsizetype rowsRead() const { return m_read.size(); }

private:
    // The list's articles in order, and each one's row (made on the worker for a large list).
    struct Order
    {
        QList<qint64> ids;
        QHash<qint64, int> rows;
        static Order of(QList<qint64> ids);
    };

    void refreshArticle(qint64 articleId);
    // What each row shows of its page changed: read again when shown.
    void refreshPages();
    void setOrder(Order order);
    void searchInBackground();
    // The list read again for the current filter and order: on a worker for a large library.
    void load();
    // The row's article, read with its neighbours if it was not yet; null if it is gone.
    const ArticleSummary *summaryAt(int row) const;

    Workspace &m_workspace;
    ArticleFilter m_filter;
    Order m_order;
    mutable QHash<qint64, ArticleSummary> m_read; // the rows read so far, by id
    BackgroundReads *m_reads;                     // a child: its answers die with the model
    qint64 m_backgroundFrom;
};

} // namespace br::ui
