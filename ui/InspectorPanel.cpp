#include "InspectorPanel.h"

#include "AnnotationListModel.h"
#include "analysis/Campaign.h"
#include "analysis/Gazetteer.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace br::ui {

namespace {

QLabel *plainLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText); // page text and file names are never interpreted
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

InspectorPanel::InspectorPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);

    m_campaignBox = new QGroupBox(tr("Campaigns"), this);
    m_campaignLayout = new QVBoxLayout(m_campaignBox);
    setCampaigns(builtinCampaigns());
    layout->addWidget(m_campaignBox);

    auto *notes = new QGroupBox(tr("Highlights and notes"), this);
    auto *notesLayout = new QVBoxLayout(notes);
    m_annotations = new AnnotationListModel(this);
    m_annotationList = new QListView(notes);
    m_annotationList->setObjectName(QStringLiteral("annotationList"));
    m_annotationList->setModel(m_annotations);
    m_annotationList->setWordWrap(true);
    m_annotationList->setMinimumHeight(90);
    notesLayout->addWidget(m_annotationList);
    m_note = new QLineEdit(notes);
    m_note->setObjectName(QStringLiteral("noteEditor"));
    m_note->setPlaceholderText(tr("Note on the selected highlight (Enter saves)"));
    m_note->setClearButtonEnabled(true);
    m_removeAnnotation = new QPushButton(tr("Remove"), notes);
    auto *noteLine = new QHBoxLayout;
    noteLine->addWidget(m_note, 1);
    noteLine->addWidget(m_removeAnnotation);
    notesLayout->addLayout(noteLine);
    layout->addWidget(notes);
    connect(m_annotationList->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateNoteEditor();
        if (const Annotation *a = currentAnnotation())
            Q_EMIT annotationActivated(*a);
    });
    connect(m_annotationList, &QListView::clicked, this, [this] {
        if (const Annotation *a = currentAnnotation())
            Q_EMIT annotationActivated(*a);
    });
    connect(m_note, &QLineEdit::returnPressed, this, [this] {
        if (const Annotation *a = currentAnnotation())
            Q_EMIT noteEdited(*a, m_note->text());
    });
    connect(m_removeAnnotation, &QPushButton::clicked, this, [this] {
        if (const Annotation *a = currentAnnotation())
            Q_EMIT annotationRemoveRequested(*a);
    });

    auto *page = new QGroupBox(tr("Page"), this);
    auto *form = new QFormLayout(page);
    m_file = plainLabel(page);
    m_encoding = plainLabel(page);
    m_publication = new QLineEdit(page);
    m_publication->setObjectName(QStringLiteral("publication"));
    m_date = new QLineEdit(page);
    m_date->setObjectName(QStringLiteral("date"));
    m_date->setPlaceholderText(tr("YYYY-MM-DD"));
    m_pageNumber = new QLineEdit(page);
    m_pageNumber->setObjectName(QStringLiteral("pageNumber"));
    m_places = plainLabel(page);
    m_places->setObjectName(QStringLiteral("places"));
    form->addRow(tr("Places:"), m_places);
    form->addRow(tr("File:"), m_file);
    form->addRow(tr("Encoding:"), m_encoding);
    form->addRow(tr("Publication:"), m_publication);
    form->addRow(tr("Date:"), m_date);
    form->addRow(tr("Page number:"), m_pageNumber);
    layout->addWidget(page);
    layout->addStretch(1);
    for (QLineEdit *edit : {m_publication, m_date, m_pageNumber})
        connect(edit, &QLineEdit::editingFinished, this, &InspectorPanel::emitPageDetails);
    clear();
}

void InspectorPanel::setCampaigns(const QList<Campaign> &campaigns)
{
    for (CampaignRow &row : m_campaignRows) {
        delete row.toggle;
        delete row.suggestion;
        delete row.accept;
    }
    m_campaignRows.clear();
    while (QLayoutItem *item = m_campaignLayout->takeAt(0))
        delete item;
    int key = 1;
    for (const Campaign &c : campaigns) {
        CampaignRow row;
        row.id = c.id;
        const QString name =
            c.nameZh == c.nameEn ? c.nameZh : tr("%1 · %2").arg(c.nameZh, c.nameEn);
        row.toggle =
            new QCheckBox(key <= 9 ? tr("&%1  %2").arg(key).arg(name) : name, m_campaignBox);
        ++key;
        row.toggle->setObjectName(QStringLiteral("campaign-") + c.id);
        row.toggle->setStyleSheet(
            QStringLiteral("QCheckBox::indicator:checked { background: %1; }").arg(c.color));
        row.suggestion = plainLabel(m_campaignBox);
        row.suggestion->setObjectName(QStringLiteral("suggestion-") + c.id);
        row.suggestion->setVisible(false);
        row.accept = new QPushButton(tr("Accept"), m_campaignBox);
        row.accept->setObjectName(QStringLiteral("accept-") + c.id);
        row.accept->setVisible(false);
        auto *suggestionLine = new QHBoxLayout;
        suggestionLine->setContentsMargins(24, 0, 0, 6);
        suggestionLine->addWidget(row.suggestion, 1);
        suggestionLine->addWidget(row.accept);
        m_campaignLayout->addWidget(row.toggle);
        m_campaignLayout->addLayout(suggestionLine);
        const QString id = c.id;
        // clicked, not toggled: the panel's own updates must not read as a person's click.
        connect(row.toggle, &QCheckBox::clicked, this, [this, id] { Q_EMIT campaignToggled(id); });
        connect(row.accept, &QPushButton::clicked, this,
                [this, id] { Q_EMIT suggestionAccepted(id); });
        row.toggle->setEnabled(!m_readOnly);
        m_campaignRows.append(row);
    }
}

void InspectorPanel::showArticle(const ArticleDetail &detail, const QList<Annotation> &annotations,
                                 const PageDetail &page)
{
    setEnabled(true);
    for (CampaignRow &row : m_campaignRows) {
        row.toggle->setChecked(detail.campaigns.contains(row.id));
        const CampaignSuggestion *found = nullptr;
        for (const CampaignSuggestion &s : detail.article.suggestions) {
            if (s.campaign == row.id)
                found = &s;
        }
        if (found) {
            const bool accepted = detail.acceptedSuggestions.contains(row.id);
            row.suggestion->setText(
                (accepted ? tr("Suggested %1, accepted: %2") : tr("Suggested %1: %2"))
                    .arg(QString::number(found->score, 'f', 2),
                         found->evidence.join(QStringLiteral("、"))));
            row.suggestion->setVisible(true);
            row.accept->setVisible(!detail.campaigns.contains(row.id));
        } else {
            row.suggestion->clear();
            row.suggestion->setVisible(false);
            row.accept->setVisible(false);
        }
    }
    const qint64 selected = currentAnnotation() ? currentAnnotation()->id : 0;
    m_annotations->setAnnotations(annotations);
    if (selected)
        selectAnnotation(selected);
    updateNoteEditor();
    QStringList places;
    for (const auto &[name, code] : detail.places)
        places.append(name);
    const Division *county = Gazetteer::builtin().find(detail.mainCounty);
    m_places->setText(
        places.isEmpty() ? tr("none named")
        : county ? tr("%1 (main county: %2)").arg(places.join(QStringLiteral("、")), county->name)
                 : places.join(QStringLiteral("、")));
    m_places->setToolTip(county ? Gazetteer::builtin().pathOf(county->code) : QString());
    m_page = page;
    m_file->setText(page.fileName);
    m_file->setToolTip(page.sourcePath);
    m_encoding->setText(page.encoding);
    m_publication->setText(page.publication);
    m_date->setText(page.date);
    m_pageNumber->setText(page.pageNumber);
    setReadOnly(m_readOnly);
}

void InspectorPanel::clear()
{
    for (CampaignRow &row : m_campaignRows) {
        row.toggle->setChecked(false);
        row.suggestion->setVisible(false);
        row.accept->setVisible(false);
    }
    m_annotations->setAnnotations({});
    m_page = PageDetail();
    for (QLineEdit *edit : {m_publication, m_date, m_pageNumber, m_note})
        edit->clear();
    m_file->clear();
    m_encoding->clear();
    m_places->clear();
    setEnabled(false);
}

void InspectorPanel::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (CampaignRow &row : m_campaignRows) {
        row.toggle->setEnabled(!readOnly);
        row.accept->setEnabled(!readOnly);
    }
    for (QLineEdit *edit : {m_publication, m_date, m_pageNumber, m_note})
        edit->setReadOnly(readOnly);
    m_removeAnnotation->setEnabled(!readOnly && currentAnnotation());
}

const Annotation *InspectorPanel::currentAnnotation() const
{
    return m_annotations->at(m_annotationList->currentIndex().row());
}

void InspectorPanel::selectAnnotation(qint64 annotationId)
{
    const int row = m_annotations->rowOf(annotationId);
    if (row >= 0)
        m_annotationList->setCurrentIndex(m_annotations->index(row));
}

void InspectorPanel::focusNoteEditor()
{
    m_note->setFocus(Qt::ShortcutFocusReason);
    m_note->selectAll();
}

void InspectorPanel::updateNoteEditor()
{
    const Annotation *a = currentAnnotation();
    m_note->setEnabled(a != nullptr);
    m_note->setText(a ? a->note : QString());
    m_removeAnnotation->setEnabled(a != nullptr && !m_readOnly);
}

void InspectorPanel::emitPageDetails()
{
    if (m_page.id == 0)
        return;
    Q_EMIT pageDetailsEdited(m_publication->text().trimmed(), m_date->text().trimmed(),
                             m_pageNumber->text().trimmed());
}

} // namespace br::ui
