#pragma once

#include "library/Library.h"

#include <QWidget>

class QCheckBox;
class QGroupBox;
class QVBoxLayout;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace br::ui {

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

    AnnotationListModel *annotationModel() const { return m_annotations; }
    // The annotation selected in the list, if any.
    const Annotation *currentAnnotation() const;
    void selectAnnotation(qint64 annotationId);
    void focusNoteEditor();

Q_SIGNALS:
    void campaignToggled(const QString &campaign);
    void suggestionAccepted(const QString &campaign);
    void annotationActivated(const Annotation &annotation);
    void noteEdited(const Annotation &annotation, const QString &note);
    void annotationRemoveRequested(const Annotation &annotation);
    void pageDetailsEdited(const QString &publication, const QString &date,
                           const QString &pageNumber);

private:
    struct CampaignRow
    {
        QString id;
        QCheckBox *toggle = nullptr;
        QLabel *suggestion = nullptr;
        QPushButton *accept = nullptr;
    };
    void updateNoteEditor();
    void emitPageDetails();

    QList<CampaignRow> m_campaignRows;
    QGroupBox *m_campaignBox = nullptr;
    QVBoxLayout *m_campaignLayout = nullptr;
    AnnotationListModel *m_annotations = nullptr;
    QListView *m_annotationList = nullptr;
    QLineEdit *m_note = nullptr;
    QPushButton *m_removeAnnotation = nullptr;
    QLabel *m_places = nullptr;
    QLabel *m_file = nullptr;
    QLabel *m_encoding = nullptr;
    QLineEdit *m_publication = nullptr;
    QLineEdit *m_date = nullptr;
    QLineEdit *m_pageNumber = nullptr;
    PageDetail m_page;
    bool m_readOnly = false;
};

} // namespace br::ui
