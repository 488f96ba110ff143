#include "AnnotationReviewPanel.h"

#include "AnnotationReviewModel.h"
#include "Workspace.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace br::ui {

AnnotationReviewPanel::AnnotationReviewPanel(Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("annotationReview"));
    m_model = new AnnotationReviewModel(workspace, this);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(AnnotationReviewModel::ArticleColumn,
                                                      QHeaderView::Interactive);
    m_table->setColumnWidth(AnnotationReviewModel::ArticleColumn, 260);
    m_table->setColumnWidth(AnnotationReviewModel::StateColumn, 150);
    m_table->setColumnWidth(AnnotationReviewModel::QuoteColumn, 260);
    m_table->setColumnWidth(AnnotationReviewModel::NowColumn, 260);

    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::PlainText);
    m_show = new QPushButton(tr("&Show"), this);
    m_accept = new QPushButton(tr("&Accept Match"), this);
    m_accept->setToolTip(tr("Keep the highlight on the text it was found on."));
    m_attach = new QPushButton(tr("A&ttach to Selection"), this);
    m_attach->setToolTip(tr("Select the passage in the article first."));
    m_delete = new QPushButton(tr("&Delete"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    for (QPushButton *b : {m_show, m_accept, m_attach, m_delete})
        buttons->addWidget(b);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    const auto withCurrent = [this](auto action) {
        return [this, action] {
            if (const Annotation *a = current())
                action(*a);
        };
    };
    connect(m_show, &QPushButton::clicked, this,
            withCurrent([this](const Annotation &a) { Q_EMIT showRequested(a); }));
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const Annotation *a = m_model->at(index.row()))
            Q_EMIT showRequested(*a);
    });
    connect(m_accept, &QPushButton::clicked, this,
            withCurrent([this](const Annotation &a) { m_workspace.acceptAnchor(a); }));
    connect(m_attach, &QPushButton::clicked, this,
            withCurrent([this](const Annotation &a) { Q_EMIT attachRequested(a); }));
    connect(m_delete, &QPushButton::clicked, this,
            withCurrent([this](const Annotation &a) { m_workspace.removeAnnotation(a); }));
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AnnotationReviewPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->rowCount() > 0)
            m_table->selectRow(0);
        updateButtons();
    });
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    updateButtons();
}

const Annotation *AnnotationReviewPanel::current() const
{
    return m_model->at(m_table->currentIndex().row());
}

void AnnotationReviewPanel::updateButtons()
{
    const Annotation *a = current();
    const bool writable = !m_workspace.isReadOnly();
    m_show->setEnabled(a);
    m_accept->setEnabled(a && writable && a->anchor == AnchorState::Check);
    m_attach->setEnabled(a && writable);
    m_delete->setEnabled(a && writable);
    const int rows = m_model->rowCount();
    m_summary->setText(rows == 0 ? tr("Every highlight stands on its text.")
                                 : tr("To review: %1").arg(rows));
}

} // namespace br::ui
