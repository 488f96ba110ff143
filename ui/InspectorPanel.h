#pragma once

#include "library/Library.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QCompleter;
class QStringListModel;
class QGroupBox;
class QVBoxLayout;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace br::ui {

class NoteEditor;

class AnnotationListModel;

// The right-hand panel: campaign toggles with the analysis' suggestions and their evidence, the
// article's highlights and notes, and the page's details. It shows; it edits nothing itself, but
// says what the person asked for through signals.
class InspectorPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit InspectorPanel(QWidget *parent = nullptr);

    // The toggles offered: the campaigns, then the person's own tags (keys 1 to 9).
    void setCampaigns(const QList<Campaign> &campaigns);

    void showArticle(const ArticleDetail &detail, const QList<Annotation> &annotations,
                     const PageDetail &page);
    void clear();
    void setReadOnly(bool readOnly);
    // The units the library counts, offered while typing a unit.
    void setKnownUnits(const QStringList &units);

    AnnotationListModel *annotationModel() const { return m_annotations; }
    // The annotation selected in the list, if any.
    const Annotation *currentAnnotation() const;
    void selectAnnotation(qint64 annotationId);
    void focusNoteEditor();
    // Whether the article as shown carries `campaign`.
    bool isCampaignShown(const QString &campaign) const;
    // The corrections of the article as shown (what a person's edit is made over).
    const ArticleDetail &shownArticle() const { return m_shown; }

Q_SIGNALS:
    // The person ticked (on) or cleared a campaign's box.
    void campaignSet(const QString &campaign, bool on);
    void suggestionAccepted(const QString &campaign);
    void markCodedRequested();
    void annotationActivated(const Annotation &annotation);
    void noteEdited(const Annotation &annotation, const QString &note);
    void annotationRemoveRequested(const Annotation &annotation);
    void pageDetailsEdited(const QString &publication, const QString &date,
                           const QString &pageNumber);
    // Coverage corrections: std::nullopt gives the analysis' answer back; a county is a code, or
    // "" for "the city's, no county".
    void countyChosen(const std::optional<QString> &county);
    void unitEdited(const std::optional<QString> &unit);
    void unitMergeRequested(const QString &unit);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // "Tagged by NAME, DATE" (or an accepted suggestion), for the campaign's box.
    static QString taggedBy(const ArticleTag &tag);
    // "Corrected by NAME, DATE" as a tooltip; "" when nobody is known to have.
    static QString correctedBy(const CorrectionMark &mark);
    struct CampaignRow
    {
        QString id;
        QCheckBox *toggle = nullptr;
        QLabel *suggestion = nullptr;
        QPushButton *accept = nullptr;
    };
    void updateNoteEditor();
    void emitPageDetails();
    QWidget *createCoverageBox();
    void showCoverage(const ArticleDetail &detail);

    QList<CampaignRow> m_campaignRows;
    QGroupBox *m_campaignBox = nullptr;
    QVBoxLayout *m_campaignLayout = nullptr;
    AnnotationListModel *m_annotations = nullptr;
    QListView *m_annotationList = nullptr;
    NoteEditor *m_note = nullptr;
    QPushButton *m_removeAnnotation = nullptr;
    QLabel *m_places = nullptr;
    QComboBox *m_county = nullptr;
    QLineEdit *m_unit = nullptr;
    QPushButton *m_unitReset = nullptr;
    QPushButton *m_unitMerge = nullptr;
    QStringListModel *m_knownUnits = nullptr;
    QLabel *m_file = nullptr;
    QLabel *m_imported = nullptr;       // when, and by whom
    QLabel *m_splitCorrected = nullptr; // the page's split mended by hand: when, by whom
    QLabel *m_codedBy = nullptr;        // who has coded the article (coder agreement)
    QPushButton *m_markCoded = nullptr;
    QLabel *m_encoding = nullptr;
    QLineEdit *m_publication = nullptr;
    QLineEdit *m_date = nullptr;
    QLineEdit *m_pageNumber = nullptr;
    // Where each of the three came from (the page, its file's name, a folder, a person).
    QLabel *m_publicationFrom = nullptr;
    QLabel *m_dateFrom = nullptr;
    QLabel *m_pageNumberFrom = nullptr;
    PageDetail m_page;
    ArticleDetail m_shown;
    bool m_readOnly = false;
};

} // namespace br::ui
