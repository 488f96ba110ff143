#include "InspectorPanel.h"

#include "NoteEditor.h"
#include "PlainTooltip.h"
#include "Workspace.h"

#include "AnnotationListModel.h"
#include "analysis/Campaign.h"
#include "analysis/Gazetteer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStringListModel>
#include <QVBoxLayout>

namespace br::ui {

namespace {

// A time the library keeps (ISO 8601, UTC) as this computer's clock and language show it.
QString shownTime(const QString &iso)
{
    return QLocale().toString(QDateTime::fromString(iso, Qt::ISODateWithMs).toLocalTime(),
                              QLocale::ShortFormat);
}

// Where a page's detail came from, as the inspector says it beside the detail.
QString originText(DetailOrigin origin)
{
    switch (origin) {
    case DetailOrigin::None:
        return QString();
    case DetailOrigin::Page:
        return InspectorPanel::tr("on the page");
    case DetailOrigin::FileName:
        return InspectorPanel::tr("from the file name");
    case DetailOrigin::Folder:
        return InspectorPanel::tr("from the folder");
    case DetailOrigin::Person:
        return InspectorPanel::tr("set by hand");
    }
    return QString();
}

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
    auto *campaignBoxLayout = new QVBoxLayout(m_campaignBox);
    m_campaignLayout = new QVBoxLayout;
    m_campaignLayout->setContentsMargins(0, 0, 0, 0);
    campaignBoxLayout->addLayout(m_campaignLayout);
    setCampaigns(builtinCampaigns());
    // Who has coded the article, for coder agreement; marking it coded makes the tags as they
    // stand this person's judgment (an article no campaign fits is coded too).
    m_codedBy = plainLabel(m_campaignBox);
    m_codedBy->setObjectName(QStringLiteral("codedBy"));
    m_codedBy->setWordWrap(true);
    m_markCoded = new QPushButton(tr("Mark as Coded"), m_campaignBox);
    m_markCoded->setObjectName(QStringLiteral("markCoded"));
    m_markCoded->setToolTip(tr("Record the tags as they stand as your coding of this article, "
                               "for coder agreement (C)"));
    auto *codedLine = new QHBoxLayout;
    codedLine->addWidget(m_codedBy, 1);
    codedLine->addWidget(m_markCoded);
    campaignBoxLayout->addLayout(codedLine);
    connect(m_markCoded, &QPushButton::clicked, this, &InspectorPanel::markCodedRequested);
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
    m_note = new NoteEditor(notes);
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
    connect(m_note, &NoteEditor::committed, this, [this](qint64 id, const QString &note) {
        // The annotation the note was written for, even when another one is selected by now.
        if (const Annotation *a = m_annotations->at(m_annotations->rowOf(id)))
            Q_EMIT noteEdited(*a, note);
    });
    connect(m_removeAnnotation, &QPushButton::clicked, this, [this] {
        if (const Annotation *a = currentAnnotation())
            Q_EMIT annotationRemoveRequested(*a);
    });

    layout->addWidget(createCoverageBox());

    auto *page = new QGroupBox(tr("Page"), this);
    auto *form = new QFormLayout(page);
    m_file = plainLabel(page);
    m_file->setObjectName(QStringLiteral("inspectorFile"));
    m_encoding = plainLabel(page);
    m_imported = plainLabel(page);
    m_imported->setObjectName(QStringLiteral("imported"));
    m_splitCorrected = plainLabel(page);
    m_splitCorrected->setObjectName(QStringLiteral("splitCorrected"));
    m_publication = new QLineEdit(page);
    m_publication->setObjectName(QStringLiteral("publication"));
    m_date = new QLineEdit(page);
    m_date->setObjectName(QStringLiteral("date"));
    m_date->setPlaceholderText(tr("YYYY-MM-DD"));
    m_pageNumber = new QLineEdit(page);
    m_pageNumber->setObjectName(QStringLiteral("pageNumber"));
    form->addRow(tr("File:"), m_file);
    form->addRow(tr("Encoding:"), m_encoding);
    form->addRow(tr("Imported:"), m_imported);
    form->addRow(tr("Split corrected:"), m_splitCorrected);
    // Each detail with where it came from under it, smaller (beside it, it made the pane wider
    // than a small screen has room for).
    const auto withOrigin = [page](QLineEdit *edit, QLabel *&origin, const QString &name) {
        auto *row = new QWidget(page);
        auto *lines = new QVBoxLayout(row);
        lines->setContentsMargins(0, 0, 0, 0);
        lines->setSpacing(1);
        origin = plainLabel(row);
        origin->setObjectName(name);
        QFont small = origin->font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        origin->setFont(small);
        origin->setVisible(false);
        lines->addWidget(edit);
        lines->addWidget(origin);
        return row;
    };
    form->addRow(tr("Publication:"),
                 withOrigin(m_publication, m_publicationFrom, QStringLiteral("publicationFrom")));
    form->addRow(tr("Date:"), withOrigin(m_date, m_dateFrom, QStringLiteral("dateFrom")));
    form->addRow(tr("Page number:"),
                 withOrigin(m_pageNumber, m_pageNumberFrom, QStringLiteral("pageNumberFrom")));
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
        const QString name = Workspace::labelOf(c);
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
        connect(row.toggle, &QCheckBox::clicked, this,
                [this, id](bool checked) { Q_EMIT campaignSet(id, checked); });
        connect(row.accept, &QPushButton::clicked, this,
                [this, id] { Q_EMIT suggestionAccepted(id); });
        row.toggle->setEnabled(!m_readOnly);
        m_campaignRows.append(row);
    }
}

QString InspectorPanel::taggedBy(const ArticleTag &tag)
{
    const QString on = shownTime(tag.setAt);
    const bool accepted = tag.source == TagSource::Suggestion;
    if (tag.setBy.isEmpty())
        return accepted ? tr("Suggestion accepted %1").arg(on) : tr("Tagged %1").arg(on);
    return accepted ? tr("Suggestion accepted by %1, %2").arg(tag.setBy, on)
                    : tr("Tagged by %1, %2").arg(tag.setBy, on);
}

void InspectorPanel::showArticle(const ArticleDetail &detail, const QList<Annotation> &annotations,
                                 const PageDetail &page)
{
    m_note->commit(); // a note being written is saved before the list it belongs to goes
    setEnabled(true);
    m_shown = detail;
    for (CampaignRow &row : m_campaignRows) {
        row.toggle->setChecked(detail.campaigns.contains(row.id));
        row.toggle->setToolTip(QString());
        for (const ArticleTag &tag : detail.tags) {
            if (tag.campaign == row.id)
                row.toggle->setToolTip(plainTooltip(taggedBy(tag)));
        }
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
    showCoverage(detail);
    m_codedBy->setText(detail.codedBy.isEmpty()
                           ? tr("Coded by nobody yet")
                           : tr("Coded by %1").arg(detail.codedBy.join(tr(", "))));
    m_page = page;
    m_file->setText(page.fileName);
    m_file->setToolTip(plainTooltip(page.sourcePath));
    m_encoding->setText(page.encoding);
    const auto whenAndWho = [](const QString &at, const QString &by) {
        return by.isEmpty() ? shownTime(at) : tr("%1 by %2").arg(shownTime(at), by);
    };
    m_imported->setText(whenAndWho(page.importedAt, page.importedBy));
    // Who mended the page's split by hand last (a re-split leaves such a page alone).
    m_splitCorrected->setText(
        page.corrected.at.isEmpty() ? tr("No") : whenAndWho(page.corrected.at, page.corrected.by));
    m_publication->setText(page.publication);
    m_date->setText(page.date);
    m_pageNumber->setText(page.pageNumber);
    m_publicationFrom->setText(originText(page.publicationFrom));
    m_dateFrom->setText(originText(page.dateFrom));
    m_pageNumberFrom->setText(originText(page.pageNumberFrom));
    for (QLabel *origin : {m_publicationFrom, m_dateFrom, m_pageNumberFrom})
        origin->setVisible(!origin->text().isEmpty());
    // The file's name and folders, where a detail was read off them.
    for (QLabel *origin : {m_publicationFrom, m_dateFrom, m_pageNumberFrom})
        origin->setToolTip(plainTooltip(page.sourcePath));
    setReadOnly(m_readOnly);
}

QWidget *InspectorPanel::createCoverageBox()
{
    auto *box = new QGroupBox(tr("Where and who"), this);
    auto *form = new QFormLayout(box);
    m_places = plainLabel(box);
    m_places->setObjectName(QStringLiteral("places"));
    m_county = new QComboBox(box);
    // The wheel scrolls the pane, never the choice: a county chosen by scrolling past it would
    // be a correction nobody meant (the combo box answers the wheel even without focus).
    m_county->setFocusPolicy(Qt::StrongFocus);
    // As wide as the pane, not as its longest county: the pane never scrolls sideways for it.
    m_county->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_county->setMinimumContentsLength(8);
    m_county->installEventFilter(this);
    m_county->setObjectName(QStringLiteral("county"));
    m_county->setToolTip(tr("The county coverage counts this article under"));
    m_unit = new QLineEdit(box);
    m_unit->setObjectName(QStringLiteral("unit"));
    m_unit->setClearButtonEnabled(true);
    m_unit->setToolTip(tr("The unit the article is about (Enter saves)"));
    m_knownUnits = new QStringListModel(this);
    auto *completer = new QCompleter(m_knownUnits, m_unit);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_unit->setCompleter(completer);
    m_unitReset = new QPushButton(tr("As found"), box);
    m_unitReset->setToolTip(tr("Give the analysis' unit back"));
    m_unitMerge = new QPushButton(tr("Merge into…"), box);
    m_unitMerge->setToolTip(tr("Count this unit's name as another unit's from now on"));
    auto *unitButtons = new QHBoxLayout;
    unitButtons->addWidget(m_unitReset);
    unitButtons->addWidget(m_unitMerge);
    unitButtons->addStretch(1);
    form->addRow(tr("Places:"), m_places);
    form->addRow(tr("County:"), m_county);
    form->addRow(tr("Unit:"), m_unit);
    form->addRow(QString(), unitButtons);
    connect(m_county, &QComboBox::activated, this, [this](int index) {
        const QVariant county = m_county->itemData(index);
        Q_EMIT countyChosen(county.isNull() ? std::nullopt : std::optional(county.toString()));
    });
    connect(m_unit, &QLineEdit::returnPressed, this,
            [this] { Q_EMIT unitEdited(m_unit->text().trimmed()); });
    connect(m_unitReset, &QPushButton::clicked, this, [this] { Q_EMIT unitEdited(std::nullopt); });
    connect(m_unitMerge, &QPushButton::clicked, this,
            [this] { Q_EMIT unitMergeRequested(m_unit->text().trimmed()); });
    return box;
}

void InspectorPanel::setKnownUnits(const QStringList &units)
{
    m_knownUnits->setStringList(units);
}

void InspectorPanel::showCoverage(const ArticleDetail &detail)
{
    const Gazetteer &gazetteer = Gazetteer::builtin();
    QStringList places;
    for (const auto &[name, code] : detail.places)
        places.append(name);
    m_places->setText(places.isEmpty() ? tr("none named") : places.join(QStringLiteral("、")));

    // The counties to choose from: those the article names, then the rest of its city's.
    QList<qint64> counties;
    qint64 city = 0;
    for (const auto &[name, code] : detail.places) {
        if (const qint64 county = gazetteer.ancestorAt(code, 3);
            county && !counties.contains(county))
            counties.append(county);
        if (!city)
            city = gazetteer.ancestorAt(code, 2);
    }
    if (detail.mainCounty)
        city = gazetteer.ancestorAt(detail.mainCounty, 2);
    for (const qint64 county : gazetteer.childrenOf(city)) {
        if (!counties.contains(county))
            counties.append(county);
    }
    const auto nameOf = [&](qint64 code) {
        const Division *d = gazetteer.find(code);
        return d ? d->name : QString::number(code);
    };
    const QSignalBlocker blocker(m_county);
    m_county->clear();
    m_county->addItem(detail.countyFound ? tr("As found: %1").arg(nameOf(detail.countyFound))
                                         : tr("As found: the city's, no county"),
                      QVariant());
    m_county->addItem(tr("The city's, no county"), QString());
    for (const qint64 county : counties) {
        m_county->addItem(nameOf(county), QString::number(county));
        m_county->setItemData(m_county->count() - 1, plainTooltip(gazetteer.pathOf(county)),
                              Qt::ToolTipRole);
    }
    int current = 0;
    if (detail.countyCorrected) {
        current =
            m_county->findData(detail.mainCounty ? QString::number(detail.mainCounty) : QString());
    }
    m_county->setCurrentIndex(std::max(0, current));

    m_unit->setText(detail.unit);
    m_unit->setPlaceholderText(detail.unitSuggested.isEmpty()
                                   ? tr("none found; type one")
                                   : tr("suggested: %1").arg(detail.unitSuggested));
    m_unitReset->setEnabled(detail.unitCorrected && !m_readOnly);
    m_unitMerge->setEnabled(!detail.unit.isEmpty() && !m_readOnly);
    m_county->setToolTip(detail.countyCorrected ? correctedBy(detail.countyMark) : QString());
    m_unit->setToolTip(detail.unitCorrected ? correctedBy(detail.unitMark) : QString());
}

QString InspectorPanel::correctedBy(const CorrectionMark &mark)
{
    if (mark.at.isEmpty())
        return QString();
    const QString on = shownTime(mark.at);
    return plainTooltip(mark.by.isEmpty() ? tr("Corrected %1").arg(on)
                                          : tr("Corrected by %1, %2").arg(mark.by, on));
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
    m_shown = ArticleDetail();
    m_note->showNote(0, QString()); // what was typed is saved first
    for (QLineEdit *edit : {m_publication, m_date, m_pageNumber})
        edit->clear();
    for (QLabel *origin : {m_publicationFrom, m_dateFrom, m_pageNumberFrom}) {
        origin->clear();
        origin->setVisible(false);
    }
    m_file->clear();
    m_encoding->clear();
    m_imported->clear();
    m_splitCorrected->clear();
    m_codedBy->clear();
    m_places->clear();
    m_county->clear();
    m_unit->clear();
    // Nothing of the last article stays: its suggested unit stood in the empty field.
    m_unit->setPlaceholderText(QString());
    m_unit->setToolTip(QString());
    m_county->setToolTip(QString());
    setEnabled(false);
}

void InspectorPanel::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (CampaignRow &row : m_campaignRows) {
        row.toggle->setEnabled(!readOnly);
        row.accept->setEnabled(!readOnly);
    }
    m_markCoded->setEnabled(!readOnly);
    for (QLineEdit *edit : {m_publication, m_date, m_pageNumber, m_unit})
        edit->setReadOnly(readOnly);
    m_note->setReadOnly(readOnly);
    m_county->setEnabled(!readOnly);
    if (readOnly) {
        m_unitReset->setEnabled(false);
        m_unitMerge->setEnabled(false);
    }
    m_removeAnnotation->setEnabled(!readOnly && currentAnnotation());
}

bool InspectorPanel::isCampaignShown(const QString &campaign) const
{
    for (const CampaignRow &row : m_campaignRows) {
        if (row.id == campaign)
            return row.toggle->isChecked();
    }
    return false;
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
    m_note->showNote(a ? a->id : 0, a ? a->note : QString());
    m_removeAnnotation->setEnabled(a != nullptr && !m_readOnly);
}

void InspectorPanel::emitPageDetails()
{
    if (m_page.id == 0)
        return;
    Q_EMIT pageDetailsEdited(m_publication->text().trimmed(), m_date->text().trimmed(),
                             m_pageNumber->text().trimmed());
}

bool InspectorPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Wheel) {
        const auto *widget = qobject_cast<QWidget *>(watched);
        if (widget && !widget->hasFocus()) {
            event->ignore(); // handed on to the pane, which scrolls
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace br::ui
