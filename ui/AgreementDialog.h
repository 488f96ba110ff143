#pragma once

#include "analysis/Agreement.h"

#include <QDialog>

class QLabel;
class QTableView;
class QTreeWidget;

namespace br::ui {

class AgreementModel;
class Workspace;

// How far the people coding the library agree, per campaign (AgreementModel), and the articles
// they disagree on for the campaign chosen, with each one's judgment: activating one shows it in
// the window. Figures are measured again whenever anybody's coding changes.
class AgreementDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AgreementDialog(Workspace &workspace, QWidget *parent = nullptr);

    void refresh();
    AgreementModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QTreeWidget *disagreementList() const { return m_disagreements; }

Q_SIGNALS:
    void articleChosen(qint64 articleId);

private:
    void showDisagreements();

    Workspace &m_workspace;
    AgreementModel *m_model = nullptr;
    QList<Coding> m_codings;
    QLabel *m_summary = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_disagreementTitle = nullptr;
    QTreeWidget *m_disagreements = nullptr;
};

} // namespace br::ui
