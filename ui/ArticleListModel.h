#pragma once

#include "library/Library.h"

#include <QAbstractTableModel>
#include <QSet>

namespace br::ui {

class BackgroundReads;
class Workspace;

// The library's articles as a table: title, page, campaign chips, number of annotations. Filtering
// is done by the library in SQL; a changed article refreshes its own row only.
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

private:
    void refreshArticle(qint64 articleId);
    void setRows(QList<ArticleSummary> rows);
    void searchInBackground();
    // The list read again for the current filter and order: on a worker for a large library.
    void load();

    Workspace &m_workspace;
    ArticleFilter m_filter;
    QList<ArticleSummary> m_rows;
    BackgroundReads *m_reads;           // a child: its answers die with the model
    QSet<qint64> m_changedWhileReading; // articles edited while a worker read the list
    qint64 m_backgroundFrom;
};

} // namespace br::ui
