#pragma once

#include "exchange/RecordExport.h"
#include "library/ArticleEditor.h"
#include "library/Library.h"

#include <QMainWindow>

#include <functional>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QProgressBar;
class QScreen;
class QPushButton;
class QSplitter;
class QTableView;
class QTimer;

namespace br {
struct ImportReport;
}

namespace br::ui {

class AnnotationReviewPanel;
class ArticleListModel;
class ArticleView;
class BackgroundReads;
class CampaignChipDelegate;
class AgreementDialog;
class OpenLibraryDialog;
class CoveragePanel;
struct CoverageCell;
class SavedViewModel;
class ImportJob;
class ExportJob;
class InspectorPanel;
class OthersWatcher;
class Workspace;

// The reader's window: the article list on the left, the article in the middle, campaigns, notes
// and page details on the right. Keyboard first: J / K move through the articles, 1 / 2 / 3 toggle
// the campaigns, A accepts the suggestions, H highlights the selection, N adds a note.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // `seedsDir`: the bundled sample pages, imported at once into an empty library.
    MainWindow(Workspace &workspace, QString seedsDir, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The background check of a large library file found it damaged: it is read only from now
    // on, and the window says so.
    void libraryFoundDamaged(const QString &damage);

    qint64 currentArticleId() const { return m_currentArticle; }
    void importPaths(const QStringList &paths);
    bool isImporting() const;
    ArticleView *articleView() const { return m_view; }
    QTableView *articleList() const { return m_list; }
    InspectorPanel *inspector() const { return m_inspector; }
    ArticleListModel *articleModel() const { return m_model; }
    CoveragePanel *coveragePanel() const { return m_coverage; }
    QDockWidget *coverageDock() const { return m_coverageDock; }
    QDockWidget *reviewDock() const { return m_reviewDock; }
    AnnotationReviewPanel *reviewPanel() const { return m_review; }
    // Selects the article in the list (when the list as filtered holds it).
    void showArticleById(qint64 id);
    void showAgreement();
    // Opens a library in a window of its own (OpenLibraryDialog, File > Open Recent).
    void chooseLibrary();
    void openLibraryWindow(const LibraryLocation &location, bool readOnly);
    // For tests: what starts the window of another library (default: this program again, with
    // --db), and what answers the Open Library dialog instead of a person (it accepts or not).
    void setLibraryLauncher(std::function<bool(const QStringList &arguments)> launcher);
    void setLibraryDialogDriver(std::function<void(OpenLibraryDialog &)> driver)
    {
        m_libraryDialogDriver = std::move(driver);
    }
    AgreementDialog *agreementDialog() const { return m_agreement; }
    // Lists exactly the articles of one coverage cell (until cleared).
    void showCoverageCell(const br::ui::CoverageCell &cell);
    void clearCoverageCell();
    // Writes the list as shown (filters applied) as CSV or XLSX, by the file's suffix.
    bool exportArticlesTo(const QString &path);
    // Starts writing the list as shown in `format` (see exportFormats()) in the background;
    // `notes`: the highlights. False when another export is still running; exportFinished says
    // how it ended.
    bool exportRecordTo(const QString &path, const QString &format, bool notes);
    bool isExporting() const { return m_export != nullptr; }

Q_SIGNALS:
    void importFinished();
    void exportFinished(bool written);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    void createMenus();
    QWidget *createListPanel();
    // The campaign and note columns' widths, from what they can hold.
    void fitListColumns();
    void applyFilter();
    void showCurrentArticle();
    void selectRow(int row);
    void moveBy(int delta);
    void toggleCampaign(int index);
    void markSearchMatches(const QString &plainText);
    void saveSearch();
    void applySavedView(const SavedView &view);
    void rebuildCampaignActions();
    void rebuildRecentMenu();
    void rebuildCampaignFilter();
    void newTag();
    void acceptSuggestions();
    void highlightSelection();
    void highlightSelectionIn(const QString &color);
    void showViewMenu(const QPoint &position);
    void addNote();
    void toggleOriginal();
    void chooseFiles();
    void chooseFolder();
    void onImportProgress(int done, int total, const QString &path);
    void onImportWaiting(const QString &holder);
    void onImportFinished(const br::ImportReport &report, const QString &error);
    void onExportFinished(const br::ExportCount &count, const QString &error);
    // Cancels a running export and waits for it (the window closes).
    void stopExport();
    // The actions that write, enabled only while the library can be written.
    void enableEdits();
    void updateStatus();
    void showError(const QString &message);
    void about();
    void createCoverageDock();
    void createReviewDock();
    // The first time the dock opens it takes `fifths` fifths of the window's height, leaving the
    // list and the article readable; later the window's saved state decides.
    void sizeOnFirstShow(QDockWidget *dock, int fifths);
    void splitAtCursor();
    // The current article as the library has it now; nothing (after saying why) when none.
    std::optional<ArticleDetail> currentDetail();
    void editHeadline();
    void moveParagraph(ArticleEditor::Direction direction);
    void exportArticles();
    void exportNotes();
    void backUpLibrary();
    void restoreBackup();
    // The banner over the window for a library open for reading only, saying why.
    void showReadOnlyBanner();
    // A library on a server is backed up by the server; a person can still take a copy of it
    // home as a file (LibraryCopy).
    void copyLibraryToFile();
    void exportForOtherTools();
    void mergeUnit(const QString &unit);
    // The selected articles (the one shown when none is selected), in list order.
    QList<qint64> selectedArticleIds() const;
    void setSelectedPagesDetails();
    void refreshKnownUnits();
    void restoreSettings();
    // Makes the window no larger than `screen`'s free area, and on it.
    void fitToScreen(const QScreen *screen);
    void saveSettings() const;

    Workspace &m_workspace;
    QString m_seedsDir;
    ArticleListModel *m_model = nullptr;
    SavedViewModel *m_savedModel = nullptr;
    QListView *m_savedList = nullptr;
    QTableView *m_list = nullptr;
    QComboBox *m_filterKind = nullptr;
    QLineEdit *m_filterText = nullptr;
    ArticleView *m_view = nullptr;
    InspectorPanel *m_inspector = nullptr;
    QSplitter *m_splitter = nullptr;
    QAction *m_restoreAction = nullptr; // a file library's File > Restore from Backup
    QLabel *m_readOnlyBanner = nullptr;
    QWidget *m_cellBanner = nullptr;
    QLabel *m_cellBannerText = nullptr;
    CoveragePanel *m_coverage = nullptr;
    QDockWidget *m_coverageDock = nullptr;
    QDockWidget *m_reviewDock = nullptr;
    AnnotationReviewPanel *m_review = nullptr;
    QString m_cellBy; // the coverage cell the list is narrowed to; empty when none
    QString m_cellKey;
    QString m_cellCampaign;
    QAction *m_exportArticlesAction = nullptr;
    QLabel *m_statusCounts = nullptr;
    QProgressBar *m_importProgress = nullptr;
    QPushButton *m_importCancel = nullptr;
    ImportJob *m_import = nullptr;
    OthersWatcher *m_othersWatcher = nullptr; // others' work, shown as it is saved
    QProgressBar *m_exportProgress = nullptr;
    QPushButton *m_exportCancel = nullptr;
    ExportJob *m_export = nullptr;
    qint64 m_currentArticle = 0;
    // An article to show once the list being read on a worker arrives (it was not in the old one).
    qint64 m_pendingArticle = 0;
    CampaignChipDelegate *m_chips = nullptr;
    BackgroundReads *m_unitReads = nullptr; // the units the inspector offers, counted
    qint64 m_currentPage = 0;
    bool m_offeredSeeds = false;

    QAction *m_importFilesAction = nullptr;
    QAction *m_importFolderAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_openLibraryAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    std::function<void()> m_fitInspector;  // the inspector's pane as wide as its campaigns need
    QTimer *m_fitInspectorLater = nullptr; // the same, after an article was shown
    std::function<bool(const QStringList &)> m_launchLibrary;
    std::function<void(OpenLibraryDialog &)> m_libraryDialogDriver;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_highlightAction = nullptr;
    QAction *m_noteAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_nextMatchAction = nullptr;
    QAction *m_saveSearchAction = nullptr;
    QAction *m_previousMatchAction = nullptr;
    QAction *m_nextAction = nullptr;
    QAction *m_previousAction = nullptr;
    QAction *m_originalAction = nullptr;
    QList<QAction *> m_campaignActions;
    QAction *m_acceptAction = nullptr;
    QAction *m_markCodedAction = nullptr;
    QAction *m_agreementAction = nullptr;
    AgreementDialog *m_agreement = nullptr; // made when first shown
    QAction *m_newTagAction = nullptr;
    QAction *m_manageTagsAction = nullptr;
    QMenu *m_campaignsMenu = nullptr;
    QAction *m_campaignsSeparator = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_mergeAction = nullptr;
    QAction *m_splitAction = nullptr;
    QAction *m_headlineAction = nullptr;
    QAction *m_movePreviousAction = nullptr;
    QAction *m_moveNextAction = nullptr;
    QAction *m_resplitAction = nullptr;
    QAction *m_pageDetailsAction = nullptr;
};

} // namespace br::ui
