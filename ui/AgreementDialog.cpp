#include "AgreementDialog.h"

#include "AgreementModel.h"
#include "Workspace.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace br::ui {

AgreementDialog::AgreementDialog(Workspace &workspace, QWidget *parent)
    : QDialog(parent), m_workspace(workspace), m_model(new AgreementModel(this))
{
    setWindowTitle(tr("Coder Agreement"));
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("agreementTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(AgreementModel::CampaignColumn,
                                                      QHeaderView::Stretch);
    layout->addWidget(m_table, 1);

    m_disagreementTitle = new QLabel(this);
    m_disagreementTitle->setTextFormat(Qt::PlainText);
    layout->addWidget(m_disagreementTitle);
    m_disagreements = new QTreeWidget(this);
    m_disagreements->setObjectName(QStringLiteral("disagreements"));
    m_disagreements->setRootIsDecorated(false);
    m_disagreements->setHeaderLabels({tr("Article"), tr("Headline"), tr("Judgments")});
    m_disagreements->header()->setStretchLastSection(false);
    m_disagreements->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_disagreements->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_disagreements->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    layout->addWidget(m_disagreements, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *again = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(again, &QPushButton::clicked, this, &AgreementDialog::refresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AgreementDialog::showDisagreements);
    connect(m_disagreements, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT articleChosen(item->data(0, Qt::UserRole).toLongLong());
    });
    // Anybody's new judgment: this window, the command line, a colleague on the server.
    const auto refreshIfShown = [this] {
        if (isVisible())
            refresh();
    };
    connect(&m_workspace, &Workspace::articleChanged, this, refreshIfShown);
    connect(&m_workspace, &Workspace::changedElsewhere, this, refreshIfShown);
    connect(&m_workspace, &Workspace::libraryChanged, this, refreshIfShown);
    resize(980, 560);
    refresh();
}

void AgreementDialog::refresh()
{
    const int selected = std::max(0, m_table->currentIndex().row());
    Result<QList<Coding>> codings = m_workspace.library().codings();
    if (!codings) {
        m_summary->setText(tr("The codings cannot be read: %1").arg(codings.errorMessage()));
        return;
    }
    m_codings = std::move(codings).value();
    const QList<Campaign> &campaigns = m_workspace.campaigns();
    QStringList ids;
    for (const Campaign &c : campaigns)
        ids.append(c.id);
    QList<CampaignAgreement> rows = Agreement::measure(m_codings, ids);
    const QStringList coders = rows.isEmpty() ? QStringList() : rows.front().coders;
    const int articles = rows.isEmpty() ? 0 : rows.front().articles;
    if (coders.size() < 2) {
        m_summary->setText(tr("No article has been coded by two people yet. Agreement is "
                              "measured over the articles two or more people coded: each "
                              "person tags them, or marks them coded (C) when the tags shown "
                              "are their judgment."));
    } else if (coders.size() == 2) {
        m_summary->setText(tr("Coders: %1. %n article(s) coded by both.", nullptr, articles)
                               .arg(coders.join(tr(", "))));
    } else {
        m_summary->setText(
            tr("Coders: %1. %n article(s) coded by two or more of them.", nullptr, articles)
                .arg(coders.join(tr(", "))));
    }
    // At first, the first campaign they disagree on; after a refresh, the campaign looked at.
    int row = m_table->currentIndex().isValid() ? selected : -1;
    if (row < 0) {
        const auto disagreed = std::find_if(
            rows.cbegin(), rows.cend(), [](const auto &r) { return !r.disagreements.isEmpty(); });
        row = disagreed == rows.cend() ? 0 : static_cast<int>(disagreed - rows.cbegin());
    }
    m_model->setRows(std::move(rows), campaigns);
    if (m_model->rowCount() > 0)
        m_table->selectRow(std::min(row, m_model->rowCount() - 1)); // shows its disagreements
    else
        showDisagreements();
}

void AgreementDialog::showDisagreements()
{
    m_disagreements->clear();
    const CampaignAgreement *row = m_model->at(m_table->currentIndex().row());
    if (!row) {
        m_disagreementTitle->clear();
        return;
    }
    const QString campaign =
        m_model->data(m_model->index(m_table->currentIndex().row(), 0)).toString();
    m_disagreementTitle->setText(
        row->disagreements.isEmpty()
            ? tr("No article they disagree on for %1.").arg(campaign)
            : tr("%n article(s) they disagree on for %1 (Enter or double-click opens one):",
                 nullptr, static_cast<int>(row->disagreements.size()))
                  .arg(campaign));
    for (const qint64 id : row->disagreements) {
        QStringList judgments;
        for (const QString &coder : row->coders) {
            bool coded = false;
            bool tagged = false;
            for (const Coding &c : m_codings) {
                if (c.articleId != id || c.coder != coder)
                    continue;
                coded = true;
                tagged = tagged || (c.applies && c.campaign == row->campaign);
            }
            if (coded)
                judgments.append(tagged ? tr("%1: yes").arg(coder) : tr("%1: no").arg(coder));
        }
        const Result<ArticleDetail> detail = m_workspace.library().article(id);
        auto *item = new QTreeWidgetItem(m_disagreements);
        item->setText(0, QString::number(id));
        item->setData(0, Qt::UserRole, id);
        item->setText(1, detail ? detail->article.title : QString());
        item->setText(2, judgments.join(QStringLiteral(" · ")));
    }
}

} // namespace br::ui
