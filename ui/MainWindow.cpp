#include "MainWindow.h"

#include "AgreementDialog.h"
#include "AnnotationReviewPanel.h"
#include "ArticleListModel.h"
#include "ArticleView.h"
#include "BackgroundReads.h"
#include "CampaignChipDelegate.h"
#include "CoveragePanel.h"
#include "ExportJob.h"
#include "FileDialogs.h"
#include "HeadlineDialog.h"
#include "ImportJob.h"
#include "InspectorPanel.h"
#include "OpenLibraryDialog.h"
#include "OthersWatcher.h"
#include "PageDetailsDialog.h"
#include "PlainTooltip.h"
#include "Roles.h"
#include "SavedViewModel.h"
#include "ShortcutsDialog.h"
#include "TagDialogs.h"
#include "UnitMergeDialog.h"
#include "UserGuideDialog.h"
#include "Workspace.h"
#include "analysis/Campaign.h"
#include "core/HighlightColors.h"
#include "exchange/OutputFile.h"
#include "exchange/RecordExport.h"
#include "exchange/Tabular.h"
#include "library/Backups.h"
#include "library/LibraryCopy.h"
#include "library/SearchQuery.h"
#include "text/CodePoints.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QColorDialog>
#include <QComboBox>
#include <QCursor>
#include <QDate>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace br::ui {

namespace {

// The filter choices of the list, in the order of the combo box.
enum FilterKind
{
    AllArticles,
    Untagged,
    WithSuggestions,
    Annotated,
    FirstCampaign
};

} // namespace

namespace {

constexpr auto kRecentKey = "recentLibraries";
constexpr qsizetype kRecentCount = 8;

// The libraries opened last, newest first, with `location` put first.
void rememberLibrary(const LibraryLocation &location)
{
    if (location.text() != location.shown())
        return; // a URL with a password in it is never written down
    // A file by its whole path: the next window may start in another folder.
    const QString text =
        location.isFile() ? QFileInfo(location.text()).absoluteFilePath() : location.text();
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(kRecentKey)).toStringList();
    recent.removeAll(text);
    recent.prepend(text);
    settings.setValue(QLatin1String(kRecentKey), recent.mid(0, kRecentCount));
}

} // namespace

MainWindow::MainWindow(Workspace &workspace, QString seedsDir, QWidget *parent)
    : QMainWindow(parent), m_workspace(workspace), m_seedsDir(std::move(seedsDir))
{
    setWindowTitle(tr("Bulletin Reader"));
    setAcceptDrops(true);
    rememberLibrary(workspace.library().location());
    m_model = new ArticleListModel(workspace, this);
    m_unitReads = new BackgroundReads(this);
    m_view = new ArticleView(this);
    m_inspector = new InspectorPanel(this);
    m_inspector->setCampaigns(workspace.campaigns());
    m_inspector->setReadOnly(workspace.isReadOnly());

    auto *inspectorScroll = new QScrollArea(this);
    inspectorScroll->setWidget(m_inspector);
    inspectorScroll->setWidgetResizable(true);
    inspectorScroll->setFrameShape(QFrame::NoFrame);
    // Never narrower than what the inspector needs (its longest campaign's box), so it scrolls
    // down only, not sideways by a few pixels.
    m_fitInspector = [this, inspectorScroll] {
        inspectorScroll->setMinimumWidth(m_inspector->minimumSizeHint().width() +
                                         inspectorScroll->verticalScrollBar()->sizeHint().width());
    };
    m_fitInspector();
    m_fitInspectorLater = new QTimer(this);
    m_fitInspectorLater->setSingleShot(true);
    m_fitInspectorLater->setInterval(0);
    connect(m_fitInspectorLater, &QTimer::timeout, this, [this] { m_fitInspector(); });

    m_splitter = new QSplitter(this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(createListPanel());
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(inspectorScroll);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 5);
    m_splitter->setStretchFactor(2, 2);
    // The list wide enough for its titles on a 1366-pixel screen too.
    m_splitter->setSizes({520, 680, 360});

    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    m_readOnlyBanner = new QLabel(central);
    m_readOnlyBanner->setTextFormat(Qt::PlainText);
    m_readOnlyBanner->setStyleSheet(
        QStringLiteral("background: #fff3cd; color: #664d03; padding: 6px;"));
    m_readOnlyBanner->setWordWrap(true);
    showReadOnlyBanner();
    centralLayout->addWidget(m_readOnlyBanner);
    // Shown while the list is narrowed to one cell of the coverage table.
    m_cellBanner = new QWidget(central);
    m_cellBanner->setObjectName(QStringLiteral("coverageCellBanner"));
    m_cellBanner->setStyleSheet(QStringLiteral("background: #e7f1ff;"));
    auto *cellLayout = new QHBoxLayout(m_cellBanner);
    cellLayout->setContentsMargins(6, 2, 6, 2);
    m_cellBannerText = new QLabel(m_cellBanner);
    m_cellBannerText->setTextFormat(Qt::PlainText);
    auto *clearCell = new QPushButton(tr("Show All"), m_cellBanner);
    connect(clearCell, &QPushButton::clicked, this, &MainWindow::clearCoverageCell);
    cellLayout->addWidget(m_cellBannerText, 1);
    cellLayout->addWidget(clearCell);
    m_cellBanner->setVisible(false);
    centralLayout->addWidget(m_cellBanner);
    centralLayout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    createActions();
    createCoverageDock();
    createReviewDock();
    createMenus();

    m_statusCounts = new QLabel(this);
    m_statusCounts->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_statusCounts);
    m_importProgress = new QProgressBar(this);
    m_importProgress->setMaximumWidth(220);
    m_importProgress->setVisible(false);
    m_importCancel = new QPushButton(tr("Cancel import"), this);
    m_importCancel->setVisible(false);
    statusBar()->addPermanentWidget(m_importProgress);
    statusBar()->addPermanentWidget(m_importCancel);
    connect(m_importCancel, &QPushButton::clicked, this, [this] {
        if (m_import)
            m_import->cancel();
    });
    m_exportProgress = new QProgressBar(this);
    m_exportProgress->setMaximumWidth(220);
    m_exportProgress->setVisible(false);
    m_exportCancel = new QPushButton(tr("Cancel export"), this);
    m_exportCancel->setVisible(false);
    statusBar()->addPermanentWidget(m_exportProgress);
    statusBar()->addPermanentWidget(m_exportCancel);
    connect(m_exportCancel, &QPushButton::clicked, this, [this] {
        if (m_export)
            m_export->cancel();
    });

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showCurrentArticle);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &MainWindow::showViewMenu);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        const qint64 pending = std::exchange(m_pendingArticle, 0);
        const qint64 wanted = pending != 0 ? pending : m_currentArticle;
        const int row = m_model->rowOf(wanted);
        if (pending != 0 && row < 0)
            statusBar()->showMessage(tr("That article is not in the list as filtered now."), 5000);
        selectRow(row >= 0 ? row : 0);
        updateStatus();
    });
    connect(&workspace, &Workspace::articleChanged, this, [this](qint64 id) {
        if (id == m_currentArticle)
            showCurrentArticle();
    });
    connect(&workspace, &Workspace::annotationAdded, this,
            [this](qint64 articleId, qint64 annotationId) {
                if (articleId == m_currentArticle)
                    m_inspector->selectAnnotation(annotationId);
            });
    connect(&workspace, &Workspace::pagesChanged, this, [this](const QList<qint64> &pageIds) {
        if (pageIds.contains(m_currentPage))
            showCurrentArticle();
    });
    connect(&workspace, &Workspace::errorOccurred, this, &MainWindow::showError);
    // Others' work (another window, the command line, a colleague on the server) is shown as it
    // is saved; not while the person types a note.
    m_othersWatcher = new OthersWatcher(
        workspace,
        [this] {
            // This window's own import writes on a connection of its own: not others' work.
            if (m_import)
                return true;
            // A note, a publication, a date, a county or unit being typed: shown anew later.
            const QWidget *focus = QApplication::focusWidget();
            return focus && m_inspector->isAncestorOf(focus) &&
                   (qobject_cast<const QLineEdit *>(focus) ||
                    qobject_cast<const QPlainTextEdit *>(focus));
        },
        this);
    connect(&workspace, &Workspace::changedElsewhere, this, [this] {
        showCurrentArticle();
        statusBar()->showMessage(tr("Changes made elsewhere are shown."), 4000);
    });
    // After a correction of the split (or its undo) the article that now stands there is shown.
    connect(&workspace, &Workspace::articlesRewritten, this,
            [this](qint64, const QList<qint64> &ids) {
                if (!ids.isEmpty())
                    showArticleById(ids.front());
            });
    connect(&workspace, &Workspace::annotationsNeedReview, this, [this](int check, int orphaned) {
        statusBar()->showMessage(tr("%1 highlight(s) to check and %2 orphaned: see Highlights to "
                                    "Review.")
                                     .arg(check)
                                     .arg(orphaned),
                                 8000);
        m_reviewDock->show();
    });
    connect(&workspace, &Workspace::campaignsChanged, this, [this] {
        fitListColumns();
        rebuildCampaignActions();
        rebuildCampaignFilter();
        m_inspector->setCampaigns(m_workspace.campaigns());
        m_fitInspector();
        showCurrentArticle();
    });

    connect(m_inspector, &InspectorPanel::campaignSet, this,
            [this](const QString &campaign, bool on) {
                if (m_currentArticle)
                    m_workspace.setCampaign(m_currentArticle, campaign, on);
            });
    connect(m_inspector, &InspectorPanel::suggestionAccepted, this,
            [this](const QString &campaign) {
                if (m_currentArticle)
                    m_workspace.acceptSuggestion(m_currentArticle, campaign);
            });
    connect(m_inspector, &InspectorPanel::markCodedRequested, this, [this] {
        if (m_currentArticle)
            m_workspace.markCoded(m_currentArticle, m_inspector->shownArticle().campaigns);
    });
    connect(m_inspector, &InspectorPanel::annotationActivated, this,
            [this](const Annotation &a) { m_view->revealAnnotation(a); });
    connect(m_inspector, &InspectorPanel::noteEdited, this,
            [this](const Annotation &a, const QString &note) { m_workspace.setNote(a, note); });
    connect(m_inspector, &InspectorPanel::annotationRemoveRequested, this,
            [this](const Annotation &a) { m_workspace.removeAnnotation(a); });
    connect(m_inspector, &InspectorPanel::pageDetailsEdited, this,
            [this](const QString &publication, const QString &date, const QString &pageNumber) {
                if (m_currentPage)
                    m_workspace.setPageDetails(m_currentPage, publication, date, pageNumber);
            });

    connect(m_inspector, &InspectorPanel::countyChosen, this,
            [this](const std::optional<QString> &county) {
                if (m_currentArticle)
                    m_workspace.setCounty(m_currentArticle, county,
                                          m_inspector->shownArticle().countyCorrection);
            });
    connect(m_inspector, &InspectorPanel::unitEdited, this,
            [this](const std::optional<QString> &unit) {
                if (m_currentArticle)
                    m_workspace.setUnit(m_currentArticle, unit,
                                        m_inspector->shownArticle().unitCorrection);
            });
    connect(m_inspector, &InspectorPanel::unitMergeRequested, this, &MainWindow::mergeUnit);
    connect(&workspace, &Workspace::coverageChanged, this, &MainWindow::refreshKnownUnits);
    connect(&workspace, &Workspace::libraryChanged, this, &MainWindow::refreshKnownUnits);
    refreshKnownUnits();

    restoreSettings();
    selectRow(0);
    updateStatus();
}

MainWindow::~MainWindow()
{
    if (m_import) {
        m_import->cancel();
        m_import->wait();
    }
    stopExport();
}

QWidget *MainWindow::createListPanel()
{
    auto *panel = new QWidget(this);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(4, 4, 0, 0);
    m_savedModel = new SavedViewModel(m_workspace, this);
    m_savedList = new QListView(panel);
    m_savedList->setObjectName(QStringLiteral("savedSearches"));
    m_savedList->setModel(m_savedModel);
    m_savedList->setMaximumHeight(m_savedList->fontMetrics().height() * 5);
    m_savedList->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_savedList->setToolTip(tr("Saved searches: click to apply, Delete to remove"));
    // Under the search box, with a heading: saving a search adds a list below the box, so the
    // box itself never moves.
    auto *savedHeading = new QLabel(tr("Saved searches"), panel);
    savedHeading->setObjectName(QStringLiteral("savedSearchesHeading"));
    savedHeading->setBuddy(m_savedList);
    QFont headingFont = savedHeading->font();
    headingFont.setBold(true);
    savedHeading->setFont(headingFont);
    const auto showSaved = [this, savedHeading] {
        const bool any = m_savedModel->rowCount() > 0;
        m_savedList->setVisible(any);
        savedHeading->setVisible(any);
    };
    connect(m_savedModel, &QAbstractItemModel::modelReset, this, showSaved);
    showSaved();
    connect(m_savedList, &QListView::clicked, this, [this](const QModelIndex &index) {
        if (const SavedView *view = m_savedModel->at(index.row()))
            applySavedView(*view);
    });
    connect(m_savedList, &QListView::activated, this, [this](const QModelIndex &index) {
        if (const SavedView *view = m_savedModel->at(index.row()))
            applySavedView(*view);
    });
    auto *removeSaved = new QAction(tr("Remove Saved Search"), m_savedList);
    removeSaved->setShortcut(QKeySequence::Delete);
    removeSaved->setShortcutContext(Qt::WidgetShortcut);
    connect(removeSaved, &QAction::triggered, this, [this] {
        if (const SavedView *view = m_savedModel->at(m_savedList->currentIndex().row()))
            m_workspace.removeSavedView(*view);
    });
    m_savedList->addAction(removeSaved);

    auto *filters = new QHBoxLayout;
    m_filterKind = new QComboBox(panel);
    m_filterKind->setObjectName(QStringLiteral("filterKind"));
    m_filterKind->addItem(tr("All articles"));
    m_filterKind->addItem(tr("Untagged"));
    m_filterKind->addItem(tr("With suggestions"));
    m_filterKind->addItem(tr("Annotated"));
    rebuildCampaignFilter();
    m_filterText = new QLineEdit(panel);
    m_filterText->setObjectName(QStringLiteral("filterText"));
    m_filterText->setPlaceholderText(tr("Search: words, \"a phrase\", -exclude (Ctrl+F)"));
    m_filterText->setClearButtonEnabled(true);
    filters->addWidget(m_filterKind);
    filters->addWidget(m_filterText, 1);
    layout->addLayout(filters);
    layout->addWidget(savedHeading);
    layout->addWidget(m_savedList);

    m_list = new QTableView(panel);
    m_list->setObjectName(QStringLiteral("articleList"));
    m_list->setModel(m_model);
    m_chips = new CampaignChipDelegate(m_workspace, m_list);
    m_list->setItemDelegateForColumn(ArticleListModel::CampaignsColumn, m_chips);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several articles are selected to set their pages' publication and date at once; the
    // current one is the one shown.
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setShowGrid(false);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(false);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 10);
    m_list->horizontalHeader()->setSectionResizeMode(ArticleListModel::TitleColumn,
                                                     QHeaderView::Stretch);
    m_list->horizontalHeader()->setSectionResizeMode(ArticleListModel::PageColumn,
                                                     QHeaderView::Interactive);
    // Sized by what they can hold, not by the rows: the rows are read as they are shown, and a
    // column sized to its contents would read every row of the list at a reset.
    m_list->horizontalHeader()->setSectionResizeMode(ArticleListModel::CampaignsColumn,
                                                     QHeaderView::Fixed);
    m_list->horizontalHeader()->setSectionResizeMode(ArticleListModel::NotesColumn,
                                                     QHeaderView::Fixed);
    m_list->setColumnWidth(ArticleListModel::PageColumn, 110);
    fitListColumns();
    // Clicking a header sorts (in SQL); the list starts in page order with no indicator shown.
    m_list->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_list->horizontalHeader()->setSortIndicatorClearable(true);
    m_list->setSortingEnabled(true);
    layout->addWidget(m_list, 1);
    layout->addWidget(new CampaignLegend(m_workspace, panel));

    connect(m_filterKind, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilter);
    // Typing filters after a short pause, so each keystroke does not run a query.
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(200);
    connect(m_filterText, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, &MainWindow::applyFilter);
    return panel;
}

void MainWindow::createActions()
{
    m_importFilesAction = new QAction(tr("&Import Pages…"), this);
    m_importFilesAction->setShortcut(QKeySequence::Open);
    connect(m_importFilesAction, &QAction::triggered, this, &MainWindow::chooseFiles);
    m_importFolderAction = new QAction(tr("Import &Folder…"), this);
    m_importFolderAction->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    connect(m_importFolderAction, &QAction::triggered, this, &MainWindow::chooseFolder);
    m_openLibraryAction = new QAction(tr("Open &Library…"), this);
    m_openLibraryAction->setShortcut(QKeySequence(tr("Ctrl+L")));
    m_openLibraryAction->setToolTip(
        tr("Open another library, a file or a team library on a server, in a window of its own"));
    connect(m_openLibraryAction, &QAction::triggered, this, &MainWindow::chooseLibrary);
    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_workspace.undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_workspace.undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcuts({QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence(tr("Ctrl+Y"))});

    m_highlightAction = new QAction(tr("&Highlight Selection"), this);
    m_highlightAction->setShortcut(QKeySequence(tr("H")));
    connect(m_highlightAction, &QAction::triggered, this, &MainWindow::highlightSelection);
    m_noteAction = new QAction(tr("Add &Note…"), this);
    m_noteAction->setShortcut(QKeySequence(tr("N")));
    connect(m_noteAction, &QAction::triggered, this, &MainWindow::addNote);
    m_findAction = new QAction(tr("&Filter Articles"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_filterText->setFocus(Qt::ShortcutFocusReason);
        m_filterText->selectAll();
    });

    m_nextAction = new QAction(tr("&Next Article"), this);
    m_nextAction->setShortcuts({QKeySequence(tr("J")), QKeySequence(tr("Ctrl+Down"))});
    connect(m_nextAction, &QAction::triggered, this, [this] { moveBy(1); });
    m_previousAction = new QAction(tr("&Previous Article"), this);
    m_previousAction->setShortcuts({QKeySequence(tr("K")), QKeySequence(tr("Ctrl+Up"))});
    connect(m_previousAction, &QAction::triggered, this, [this] { moveBy(-1); });
    m_saveSearchAction = new QAction(tr("&Save Search…"), this);
    m_saveSearchAction->setShortcut(QKeySequence::Save);
    connect(m_saveSearchAction, &QAction::triggered, this, &MainWindow::saveSearch);
    m_nextMatchAction = new QAction(tr("Next &Match"), this);
    m_nextMatchAction->setShortcut(QKeySequence::FindNext);
    connect(m_nextMatchAction, &QAction::triggered, this, [this] { m_view->goToMatch(false); });
    m_previousMatchAction = new QAction(tr("Previous Matc&h"), this);
    m_previousMatchAction->setShortcut(QKeySequence::FindPrevious);
    connect(m_previousMatchAction, &QAction::triggered, this, [this] { m_view->goToMatch(true); });
    m_originalAction = new QAction(tr("Show &Original Page"), this);
    m_originalAction->setObjectName(QStringLiteral("showOriginal"));
    m_originalAction->setCheckable(true);
    m_originalAction->setShortcut(QKeySequence(tr("Ctrl+U")));
    connect(m_originalAction, &QAction::triggered, this, &MainWindow::toggleOriginal);

    m_newTagAction = new QAction(tr("New &Tag…"), this);
    m_newTagAction->setShortcut(QKeySequence(tr("Ctrl+T")));
    connect(m_newTagAction, &QAction::triggered, this, &MainWindow::newTag);
    m_manageTagsAction = new QAction(tr("&Manage Tags…"), this);
    m_manageTagsAction->setObjectName(QStringLiteral("manageTags"));
    m_manageTagsAction->setShortcut(QKeySequence(tr("Ctrl+Shift+T")));
    connect(m_manageTagsAction, &QAction::triggered, this, [this] {
        TagManagerDialog manager(m_workspace, this);
        manager.exec();
    });
    m_acceptAction = new QAction(tr("&Accept Suggestions"), this);
    m_acceptAction->setShortcut(QKeySequence(tr("A")));
    connect(m_acceptAction, &QAction::triggered, this, &MainWindow::acceptSuggestions);

    m_markCodedAction = new QAction(tr("Mark as &Coded"), this);
    m_markCodedAction->setShortcut(QKeySequence(tr("C")));
    m_markCodedAction->setToolTip(
        tr("Record the tags as they stand as your coding of this article, for coder agreement"));
    connect(m_markCodedAction, &QAction::triggered, this, [this] {
        if (m_currentArticle)
            m_workspace.markCoded(m_currentArticle, m_inspector->shownArticle().campaigns);
    });
    m_agreementAction = new QAction(tr("Coder &Agreement…"), this);
    m_agreementAction->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    connect(m_agreementAction, &QAction::triggered, this, &MainWindow::showAgreement);

    m_aboutAction = new QAction(tr("&About Bulletin Reader"), this);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::about);

    // Hand corrections of the split: each one undoable step.
    const auto action = [this](const QString &text, const QString &key, auto slot) {
        auto *a = new QAction(text, this);
        a->setShortcut(QKeySequence(key));
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_mergeAction = action(tr("&Merge with Next Article"), tr("Ctrl+Shift+M"), [this] {
        if (m_currentArticle)
            m_workspace.mergeWithNext(m_currentArticle);
    });
    m_splitAction = action(tr("&Split Article at Cursor"), tr("Ctrl+Shift+Return"),
                           [this] { splitAtCursor(); });
    m_splitAction->setToolTip(tr("A new article starts where the cursor stands in the text"));
    m_headlineAction = action(tr("Edit &Headline…"), tr("F2"), [this] { editHeadline(); });
    m_movePreviousAction =
        action(tr("Move First Paragraph to &Previous Article"), tr("Ctrl+Shift+Up"),
               [this] { moveParagraph(ArticleEditor::Direction::Previous); });
    m_moveNextAction = action(tr("Move Last Paragraph to &Next Article"), tr("Ctrl+Shift+Down"),
                              [this] { moveParagraph(ArticleEditor::Direction::Next); });
    m_resplitAction = action(tr("Split This Page A&gain"), QString(), [this] {
        if (m_currentPage)
            m_workspace.resplitPage(m_currentPage);
    });
    m_resplitAction->setToolTip(
        tr("Split the page with this version's engine; tags and notes carry over"));
    m_pageDetailsAction = action(tr("Set Publication and &Date…"), tr("Ctrl+Shift+D"),
                                 [this] { setSelectedPagesDetails(); });
    m_pageDetailsAction->setObjectName(QStringLiteral("setPagesDetails"));
    m_pageDetailsAction->setToolTip(
        tr("Set the publication and date of the pages of every selected article at once"));

    enableEdits();
}

void MainWindow::enableEdits()
{
    // Everything that would write: off on a library open for reading only, and as soon as a
    // damage found mid-session makes it so.
    const bool writable = !m_workspace.isReadOnly();
    for (QAction *edit :
         {m_mergeAction, m_splitAction, m_headlineAction, m_movePreviousAction, m_moveNextAction,
          m_resplitAction, m_pageDetailsAction, m_highlightAction, m_noteAction, m_acceptAction,
          m_markCodedAction, m_newTagAction, m_importFilesAction, m_importFolderAction})
        edit->setEnabled(writable);
    for (QAction *toggle : std::as_const(m_campaignActions))
        toggle->setEnabled(writable);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openLibraryAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    file->addSeparator();
    file->addAction(m_importFilesAction);
    file->addAction(m_importFolderAction);
    file->addSeparator();
    file->addAction(m_exportArticlesAction);
    file->addAction(tr("Export &Highlights and Notes…"), this, &MainWindow::exportNotes);
    file->addSeparator();
    if (m_workspace.library().location().isFile()) {
        file->addAction(tr("&Back Up Library…"), this, &MainWindow::backUpLibrary);
        QAction *restore =
            file->addAction(tr("&Restore from Backup…"), this, &MainWindow::restoreBackup);
        // A damaged library, opened for reading only, is what a restore is for.
        restore->setEnabled(!m_workspace.isReadOnly() || !m_workspace.library().damage().isEmpty());
        m_restoreAction = restore;
    } else {
        file->addAction(tr("&Copy Library to a File…"), this, &MainWindow::copyLibraryToFile);
    }
    file->addAction(tr("Export for &Other Tools (REFI-QDA, W3C)…"), this,
                    &MainWindow::exportForOtherTools);
    file->addAction(tr("Export &Coverage Table…"), m_coverage, &CoveragePanel::exportTable);
    file->addAction(tr("&PDF Coverage Report…"), m_coverage, &CoveragePanel::exportPdfReport);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_highlightAction);
    edit->addAction(m_noteAction);
    edit->addSeparator();
    edit->addAction(m_findAction);
    edit->addAction(m_saveSearchAction);
    edit->addAction(m_nextMatchAction);
    edit->addAction(m_previousMatchAction);

    QMenu *article = menuBar()->addMenu(tr("&Article"));
    article->addAction(m_headlineAction);
    article->addSeparator();
    article->addAction(m_mergeAction);
    article->addAction(m_splitAction);
    article->addAction(m_movePreviousAction);
    article->addAction(m_moveNextAction);
    article->addSeparator();
    article->addAction(m_resplitAction);
    article->addAction(m_pageDetailsAction);
    article->addAction(m_reviewDock->toggleViewAction());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_nextAction);
    view->addAction(m_previousAction);
    view->addSeparator();
    view->addAction(m_originalAction);
    view->addAction(m_coverageDock->toggleViewAction());
    view->addAction(m_reviewDock->toggleViewAction());

    m_campaignsMenu = menuBar()->addMenu(tr("&Campaigns"));
    m_campaignsSeparator = m_campaignsMenu->addSeparator();
    m_campaignsMenu->addAction(m_acceptAction);
    m_campaignsMenu->addAction(m_markCodedAction);
    m_campaignsMenu->addAction(m_newTagAction);
    m_campaignsMenu->addAction(m_manageTagsAction);
    m_campaignsMenu->addSeparator();
    m_campaignsMenu->addAction(m_agreementAction);
    rebuildCampaignActions();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        ShortcutsDialog sheet(*menuBar(), this);
        sheet.exec();
    });
    shortcuts->setObjectName(QStringLiteral("keyboardShortcuts"));
    shortcuts->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(tr("Ctrl+/"))});
    QAction *guide = help->addAction(tr("&User Guide"), this, [this] {
        auto *dialog = new UserGuideDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show(); // beside the window, to read while trying
    });
    guide->setObjectName(QStringLiteral("userGuide"));
    guide->setShortcut(QKeySequence(tr("Shift+F1")));
    help->addAction(m_aboutAction);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(m_importFilesAction);
    toolbar->addSeparator();
    toolbar->addAction(m_previousAction);
    toolbar->addAction(m_nextAction);
    toolbar->addSeparator();
    toolbar->addAction(m_highlightAction);
    toolbar->addAction(m_noteAction);
    // The toolbar's Undo keeps one short label, so the buttons after it do not move as the step
    // it would undo changes; the step is named in its tooltip (and in Edit > Undo).
    auto *undoButton = new QAction(tr("Undo"), this);
    undoButton->setObjectName(QStringLiteral("toolbarUndo"));
    QUndoStack *stack = m_workspace.undoStack();
    const auto followStack = [undoButton, stack] {
        undoButton->setEnabled(stack->canUndo());
        undoButton->setToolTip(
            plainTooltip(stack->canUndo() ? tr("Undo %1").arg(stack->undoText()) : QString()));
    };
    connect(stack, &QUndoStack::indexChanged, undoButton, followStack);
    connect(stack, &QUndoStack::cleanChanged, undoButton, followStack);
    connect(undoButton, &QAction::triggered, stack, &QUndoStack::undo);
    followStack();
    toolbar->addAction(undoButton);
    toolbar->addSeparator();
    toolbar->addAction(m_originalAction);
    // A toolbar shows no access keys: "导入版面(&I)…" reads "导入版面…" there.
    static const QRegularExpression kAccessKey(QStringLiteral("\\(&[^)]\\)|&(?=[^&])"));
    for (QAction *action : toolbar->actions()) {
        if (!action->isSeparator())
            action->setIconText(QString(action->text()).remove(kAccessKey));
    }
}

void MainWindow::applyFilter()
{
    ArticleFilter filter;
    const int kind = m_filterKind->currentIndex();
    filter.untagged = kind == Untagged;
    filter.withSuggestions = kind == WithSuggestions;
    filter.annotated = kind == Annotated;
    if (kind >= FirstCampaign)
        filter.campaign = m_filterKind->currentData().toString();
    filter.text = m_filterText->text().trimmed();
    if (!m_cellBy.isEmpty()) {
        // A coverage cell: its articles, tagged or suggested, within the other filters.
        filter.coverageBy = m_cellBy;
        filter.coverageKey = m_cellKey;
        if (!m_cellCampaign.isEmpty() && filter.campaign.isEmpty()) {
            filter.campaign = m_cellCampaign;
            filter.orSuggested = true;
        }
    }
    m_model->setFilter(filter);
}

void MainWindow::sizeOnFirstShow(QDockWidget *dock, int fifths)
{
    connect(dock, &QDockWidget::visibilityChanged, this, [this, dock, fifths](bool visible) {
        if (!visible || dock->property("sized").toBool())
            return;
        dock->setProperty("sized", true);
        // After the layout has placed it: sizes asked for before that are not kept.
        QTimer::singleShot(0, this, [this, dock, fifths] {
            // Never so tall that the list above keeps fewer than a dozen rows (a small screen,
            // a large scale).
            const int listRoom = 12 * m_list->verticalHeader()->defaultSectionSize() + 160;
            resizeDocks({dock},
                        {std::max(140, std::min(height() * fifths / 5, height() - listRoom))},
                        Qt::Vertical);
            m_list->scrollTo(m_list->currentIndex()); // the article shown stays in sight
        });
    });
}

void MainWindow::createReviewDock()
{
    m_reviewDock = new QDockWidget(tr("Highlights to Review"), this);
    m_reviewDock->setObjectName(QStringLiteral("reviewDock"));
    m_reviewDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    m_review = new AnnotationReviewPanel(m_workspace, m_reviewDock);
    m_reviewDock->setWidget(m_review);
    addDockWidget(Qt::BottomDockWidgetArea, m_reviewDock);
    m_reviewDock->hide();
    sizeOnFirstShow(m_reviewDock, 1);
    connect(m_review, &AnnotationReviewPanel::showRequested, this, [this](const Annotation &a) {
        showArticleById(a.articleId);
        if (a.anchor != AnchorState::Orphaned && m_currentArticle == a.articleId)
            m_view->revealAnnotation(a);
    });
    connect(m_review, &AnnotationReviewPanel::attachRequested, this, [this](const Annotation &a) {
        const auto [start, end] = m_view->selectedRange();
        if (m_currentArticle != a.articleId || start >= end) {
            showArticleById(a.articleId);
            statusBar()->showMessage(
                tr("Select the passage in this article, then choose Attach to Selection again."),
                6000);
            return;
        }
        m_workspace.reattach(a, start, end);
        m_view->clearSelection();
    });
}

void MainWindow::fitListColumns()
{
    const QHeaderView *header = m_list->horizontalHeader();
    const int margins = 2 * (m_list->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 4);
    m_list->setColumnWidth(ArticleListModel::CampaignsColumn,
                           std::max(header->sectionSizeHint(ArticleListModel::CampaignsColumn),
                                    m_chips->chipsWidth(m_list->fontMetrics())));
    // Room for a count of four digits.
    m_list->setColumnWidth(
        ArticleListModel::NotesColumn,
        std::max(header->sectionSizeHint(ArticleListModel::NotesColumn),
                 m_list->fontMetrics().horizontalAdvance(QStringLiteral("0000")) + margins));
}

void MainWindow::showArticleById(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0 && m_model->isSearching()) {
        m_pendingArticle = id; // shown when the list being read arrives
        return;
    }
    if (row < 0) {
        statusBar()->showMessage(tr("That article is not in the list as filtered now."), 5000);
        return;
    }
    selectRow(row);
}

void MainWindow::splitAtCursor()
{
    const std::optional<std::pair<int, int>> at = m_view->cursorInBody();
    if (!m_currentArticle || !at) {
        statusBar()->showMessage(
            tr("Put the cursor in a paragraph of the article where the new article should start."),
            5000);
        return;
    }
    auto [block, offset] = *at;
    // At the start of a paragraph the new article starts with it, at its end with the next one;
    // inside one, the paragraph is cut at the cursor.
    const std::optional<ArticleDetail> detail = currentDetail();
    if (!detail)
        return;
    if (offset >= CodePoints::count(detail->article.blocks.value(block).text)) {
        ++block;
        offset = 0;
    }
    m_workspace.splitArticle(m_currentArticle, block,
                             offset > 0 ? std::optional<int>(offset) : std::nullopt);
}

std::optional<ArticleDetail> MainWindow::currentDetail()
{
    if (!m_currentArticle)
        return std::nullopt;
    Result<ArticleDetail> detail = m_workspace.library().article(m_currentArticle);
    if (!detail) {
        showError(detail.errorMessage());
        return std::nullopt;
    }
    return std::move(detail).value();
}

void MainWindow::editHeadline()
{
    const std::optional<ArticleDetail> detail = currentDetail();
    if (!detail)
        return;
    HeadlineDialog dialog(detail->article, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const HeadlineEdit edit = dialog.edit();
    if (edit.kicker || edit.title || edit.subtitle || edit.byline)
        m_workspace.setHeadline(m_currentArticle, edit);
}

void MainWindow::moveParagraph(ArticleEditor::Direction direction)
{
    const std::optional<ArticleDetail> detail = currentDetail();
    if (!detail)
        return;
    const int blocks = static_cast<int>(detail->article.blocks.size());
    m_workspace.moveBlock(m_currentArticle,
                          direction == ArticleEditor::Direction::Previous ? 0 : blocks - 1,
                          direction);
}

void MainWindow::createCoverageDock()
{
    m_coverageDock = new QDockWidget(tr("Coverage"), this);
    m_coverageDock->setObjectName(QStringLiteral("coverageDock"));
    m_coverage = new CoveragePanel(m_workspace, m_coverageDock);
    m_coverageDock->setWidget(m_coverage);
    addDockWidget(Qt::BottomDockWidgetArea, m_coverageDock);
    m_coverageDock->hide();
    // The first time it opens, the view takes about two fifths of the window's height, leaving
    // the list and the article readable; later the window's saved state decides.
    sizeOnFirstShow(m_coverageDock, 2);
    QAction *toggle = m_coverageDock->toggleViewAction();
    toggle->setText(tr("&Coverage"));
    toggle->setShortcut(QKeySequence(tr("Ctrl+R")));
    connect(m_coverage, &CoveragePanel::cellChosen, this, &MainWindow::showCoverageCell);
    connect(m_coverage, &CoveragePanel::saved, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Saved: %1").arg(QDir::toNativeSeparators(path)), 8000);
    });
    m_exportArticlesAction = new QAction(tr("&Export Articles…"), this);
    m_exportArticlesAction->setShortcut(QKeySequence(tr("Ctrl+E")));
    connect(m_exportArticlesAction, &QAction::triggered, this, &MainWindow::exportArticles);
}

void MainWindow::showCoverageCell(const CoverageCell &cell)
{
    m_cellBy = cell.by;
    m_cellKey = cell.key;
    m_cellCampaign = cell.campaign;
    const QString campaign =
        cell.campaign.isEmpty() ? tr("all campaigns") : m_workspace.nameOf(cell.campaign);
    m_cellBannerText->setText(
        tr("Coverage: %1 · %2 — %n article(s), tagged or suggested", "", cell.count)
            .arg(cell.label, campaign));
    m_cellBanner->setVisible(true);
    applyFilter();
}

void MainWindow::clearCoverageCell()
{
    m_cellBy.clear();
    m_cellKey.clear();
    m_cellCampaign.clear();
    m_cellBanner->setVisible(false);
    applyFilter();
}

bool MainWindow::exportArticlesTo(const QString &path)
{
    return exportRecordTo(path, exportFormatFromSuffix(path), false);
}

bool MainWindow::exportRecordTo(const QString &path, const QString &format, bool notes)
{
    if (m_export) {
        showError(tr("An export to %1 is still running.")
                      .arg(QDir::toNativeSeparators(m_export->request().path)));
        return false;
    }
    m_export = new ExportJob(m_workspace.library().location(),
                             {m_model->filter(), path, format, notes}, this);
    connect(m_export, &ExportJob::progress, this, [this](qint64 done, qint64 total) {
        // A total not known (a filtered list) shows as a busy bar.
        m_exportProgress->setRange(0, total > 0 ? 1000 : 0);
        if (total > 0)
            m_exportProgress->setValue(
                static_cast<int>(std::min<qint64>(1000, done * 1000 / total)));
    });
    connect(m_export, &ExportJob::finished, this, &MainWindow::onExportFinished);
    m_exportProgress->setRange(0, 0);
    m_exportProgress->setVisible(true);
    m_exportCancel->setVisible(true);
    statusBar()->showMessage(tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)));
    m_export->start();
    return true;
}

void MainWindow::stopExport()
{
    if (!m_export)
        return;
    // The file it was writing is not left half-written, and nothing of it is said once the
    // window is gone.
    m_export->disconnect(this);
    m_export->cancel();
    m_export->wait();
    delete m_export;
    m_export = nullptr;
}

void MainWindow::onExportFinished(const br::ExportCount &count, const QString &error)
{
    const ExportJob::Request request = m_export->request();
    const bool cancelled = m_export->isCancelled();
    m_export->wait();
    m_export->deleteLater();
    m_export = nullptr;
    m_exportProgress->setVisible(false);
    m_exportCancel->setVisible(false);
    const QString where = QDir::toNativeSeparators(request.path);
    if (!error.isEmpty() && cancelled) {
        // Asked for: no warning, and nothing was written.
        statusBar()->showMessage(tr("Export to %1 cancelled; nothing was written.").arg(where),
                                 5000);
        Q_EMIT exportFinished(false);
        return;
    }
    if (!error.isEmpty()) {
        statusBar()->clearMessage();
        showError(tr("Cannot export to %1: %2").arg(where, error));
        Q_EMIT exportFinished(false);
        return;
    }
    if (request.format == QLatin1StringView("qdc"))
        statusBar()->showMessage(tr("Codebook exported to %1").arg(where), 5000);
    else if (request.notes || request.format == QLatin1StringView("w3c") ||
             request.format == QLatin1StringView("qdpx"))
        statusBar()->showMessage(
            tr("%n highlight(s) exported to %1", "", static_cast<int>(count.highlights)).arg(where),
            5000);
    else
        statusBar()->showMessage(
            tr("%n article(s) exported to %1", "", static_cast<int>(count.articles)).arg(where),
            5000);
    Q_EMIT exportFinished(true);
}

void MainWindow::backUpLibrary()
{
    const QString folder = Backups::folderFor(m_workspace.library().location().text());
    QDir().mkpath(folder);
    const QString path = FileDialogs::saveFileName(
        this, tr("Back Up Library"),
        QDir(folder).filePath(
            QStringLiteral("manual-%1.sqlite3")
                .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")))),
        tr("Bulletin Reader library (*.sqlite3)"));
    if (path.isEmpty())
        return;
    if (Status s = m_workspace.library().backupTo(path); !s) {
        showError(s.errorMessage());
        return;
    }
    statusBar()->showMessage(
        tr("Backup written and checked: %1").arg(QDir::toNativeSeparators(path)), 6000);
}

void MainWindow::showReadOnlyBanner()
{
    const QString damage = m_workspace.library().damage();
    m_readOnlyBanner->setText(
        damage.isEmpty()
            ? tr("This library is read-only: it can be read, but tags, highlights and notes "
                 "cannot be saved.")
            : tr("This library is damaged (%1), so it was opened for reading only. File > Restore "
                 "from Backup… puts a good copy in place and keeps this one aside.")
                  .arg(damage));
    m_readOnlyBanner->setVisible(m_workspace.isReadOnly());
}

void MainWindow::libraryFoundDamaged(const QString &damage)
{
    if (Status s = m_workspace.library().foundDamaged(damage); !s) {
        statusBar()->showMessage(s.errorMessage());
        return;
    }
    // An import under way writes on a connection of its own: it stops, keeping what it saved.
    if (m_import)
        m_import->cancel();
    showReadOnlyBanner();
    enableEdits();
    m_inspector->setReadOnly(true);
    if (m_restoreAction)
        m_restoreAction->setEnabled(true);
}

void MainWindow::restoreBackup()
{
    const QStringList files = FileDialogs::openFileNames(
        this, tr("Restore from Backup"), tr("Bulletin Reader library (*.sqlite3)"),
        Backups::folderFor(m_workspace.library().location().text()));
    if (files.size() != 1)
        return;
    if (!FileDialogs::confirm(
            this, tr("Replace the library with this backup?"),
            tr("The library will be as it was in %1. The library as it is now is kept in its "
               "backup folder first, so this can be taken back by restoring that copy.")
                .arg(QDir::toNativeSeparators(files.front()))))
        return;
    if (const std::optional<QString> aside = m_workspace.restoreBackup(files.front())) {
        if (m_readOnlyBanner->isVisible()) {
            // The window was set up for reading only; the restored library is writable.
            m_readOnlyBanner->setText(tr("Restored from a backup. Open the library again to edit "
                                         "it."));
        }
        statusBar()->showMessage(tr("Restored. The library as it was is kept at %1")
                                     .arg(QDir::toNativeSeparators(*aside)),
                                 8000);
    }
}

void MainWindow::setLibraryLauncher(std::function<bool(const QStringList &)> launcher)
{
    m_launchLibrary = std::move(launcher);
}

void MainWindow::openLibraryWindow(const LibraryLocation &location, bool readOnly)
{
    QStringList arguments{QStringLiteral("--db"), location.text()};
    if (readOnly)
        arguments.append(QStringLiteral("--read-only"));
    // A window of its own, in a process of its own: each library keeps its own locks, undo
    // history and watcher, and one already open is brought to the front instead.
    const bool started =
        m_launchLibrary
            ? m_launchLibrary(arguments)
            : QProcess::startDetached(QCoreApplication::applicationFilePath(), arguments);
    if (!started) {
        showError(tr("Bulletin Reader could not be started again for %1.").arg(location.shown()));
        return;
    }
    rememberLibrary(location);
    statusBar()->showMessage(tr("Opening %1 in a window of its own…").arg(location.shown()), 5000);
}

void MainWindow::chooseLibrary()
{
    OpenLibraryDialog dialog(this);
    if (m_libraryDialogDriver)
        m_libraryDialogDriver(dialog);
    else if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.result() == QDialog::Accepted)
        openLibraryWindow(dialog.location(), dialog.readOnly());
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QLatin1String(kRecentKey)).toStringList();
    for (const QString &text : recent) {
        const LibraryLocation location = LibraryLocation::fromText(text);
        if (location == m_workspace.library().location())
            continue;
        QAction *open = m_recentMenu->addAction(location.shown());
        connect(open, &QAction::triggered, this, [this, location] {
            // A library moved or deleted since is not made anew, empty, in its place.
            if (location.isFile() && !QFileInfo::exists(location.text())) {
                showError(tr("There is no library at %1 any more: it was moved or deleted.")
                              .arg(location.shown()));
                return;
            }
            openLibraryWindow(location, false);
        });
    }
    if (m_recentMenu->isEmpty())
        m_recentMenu->addAction(tr("No other library yet"))->setEnabled(false);
}

void MainWindow::copyLibraryToFile()
{
    const QString path = FileDialogs::saveFileName(
        this, tr("Copy Library to a File"),
        QStringLiteral("%1-%2.sqlite3")
            .arg(m_workspace.library().location().name(),
                 QDate::currentDate().toString(QStringLiteral("yyyyMMdd"))),
        tr("Bulletin Reader library (*.sqlite3)"));
    if (path.isEmpty())
        return;
    if (QFileInfo::exists(path)) {
        showError(tr("%1 exists already: a library is copied into a new file.")
                      .arg(QDir::toNativeSeparators(path)));
        return;
    }
    Result<std::unique_ptr<Library>> target = Library::open(LibraryLocation::file(path));
    if (!target) {
        showError(target.errorMessage());
        return;
    }
    QProgressDialog progress(tr("Copying the library…"), QString(), 0, 0, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    const Result<CopyReport> copied =
        copyLibrary(m_workspace.library(), *target.value(), [&progress](qint64 done, qint64 total) {
            progress.setMaximum(static_cast<int>(total));
            progress.setValue(static_cast<int>(done));
        });
    progress.reset();
    target.value().reset();
    if (!copied) {
        QFile::remove(path); // the empty file the copy was to go into
        showError(tr("The library was not copied: %1").arg(copied.errorMessage()));
        return;
    }
    statusBar()->showMessage(
        tr("Copied %n article(s) to %1", "", static_cast<int>(copied->articles))
            .arg(QDir::toNativeSeparators(path)),
        8000);
}

void MainWindow::exportNotes()
{
    const QString path =
        FileDialogs::saveFileName(this, tr("Export Highlights and Notes"), tr("notes.xlsx"),
                                  tr("Excel workbook (*.xlsx);;CSV, comma-separated (*.csv)"));
    if (!path.isEmpty())
        exportRecordTo(path, exportFormatFromSuffix(path), true);
}

void MainWindow::exportForOtherTools()
{
    const QString path = FileDialogs::saveFileName(
        this, tr("Export for Other Tools"), tr("record.qdpx"),
        tr("REFI-QDA project for NVivo, MAXQDA, ATLAS.ti, QualCoder (*.qdpx);;W3C Web Annotation "
           "(*.jsonld);;REFI-QDA codebook (*.qdc)"));
    if (!path.isEmpty())
        exportRecordTo(path, exportFormatFromSuffix(path), false);
}

void MainWindow::exportArticles()
{
    const QString path =
        FileDialogs::saveFileName(this, tr("Export Articles"), tr("articles.xlsx"),
                                  tr("Excel workbook (*.xlsx);;CSV, comma-separated (*.csv)"));
    if (!path.isEmpty())
        exportArticlesTo(path);
}

void MainWindow::refreshKnownUnits()
{
    // Counted over every article (0.11 s at 100,000), after every tag and its undo.
    using Units = QList<std::pair<QString, int>>;
    m_unitReads->runIfLarge<Units>(
        m_workspace.library(), BackgroundReads::kLargeLibrary,
        [](Library &library) { return library.units(); },
        [this](Result<Units> units) {
            if (!units)
                return;
            QStringList names;
            for (const auto &[name, count] : units.value())
                names.append(name);
            m_inspector->setKnownUnits(names);
        });
}

void MainWindow::mergeUnit(const QString &unit)
{
    if (unit.isEmpty())
        return;
    Result<QList<std::pair<QString, int>>> units = m_workspace.library().units();
    if (!units) {
        showError(units.errorMessage());
        return;
    }
    QStringList others;
    for (const auto &[name, count] : units.value()) {
        if (name != unit)
            others.append(name);
    }
    UnitMergeDialog dialog(unit, others, this);
    if (dialog.exec() == QDialog::Accepted && !dialog.chosen().isEmpty())
        m_workspace.mergeUnit(unit, dialog.chosen());
}

QList<qint64> MainWindow::selectedArticleIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_list->selectionModel()->selectedRows())
        ids.append(m_model->articleIdAt(index.row()));
    if (ids.isEmpty() && m_currentArticle)
        ids.append(m_currentArticle);
    return ids;
}

void MainWindow::setSelectedPagesDetails()
{
    const Result<QList<ArticleSummary>> rows =
        m_workspace.library().articleSummaries(selectedArticleIds());
    if (!rows) {
        showError(rows.errorMessage());
        return;
    }
    QList<qint64> pages;
    QSet<QString> publications;
    QSet<QString> dates;
    for (const ArticleSummary &a : rows.value()) {
        if (pages.contains(a.pageId))
            continue;
        pages.append(a.pageId);
        publications.insert(a.publication);
        dates.insert(a.date);
    }
    if (pages.isEmpty())
        return;
    const auto shared = [](const QSet<QString> &values) {
        return values.size() == 1 ? *values.begin() : QString();
    };
    PageDetailsDialog dialog(static_cast<int>(pages.size()), shared(publications), shared(dates),
                             this);
    if (dialog.exec() == QDialog::Accepted)
        m_workspace.setPagesDetails(pages, dialog.publication(), dialog.date());
}

void MainWindow::selectRow(int row)
{
    if (m_model->rowCount() == 0) {
        m_currentArticle = 0;
        m_currentPage = 0;
        m_view->clearArticle();
        m_inspector->clear();
        return;
    }
    row = std::clamp(row, 0, m_model->rowCount() - 1);
    m_list->setCurrentIndex(m_model->index(row, ArticleListModel::TitleColumn));
    m_list->scrollTo(m_list->currentIndex());
    showCurrentArticle();
}

void MainWindow::moveBy(int delta)
{
    const int row = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : 0;
    selectRow(row + delta);
}

void MainWindow::showCurrentArticle()
{
    const QModelIndex index = m_list->currentIndex();
    const qint64 id = index.isValid() ? index.data(ArticleIdRole).toLongLong() : 0;
    if (id == 0) {
        m_view->clearArticle();
        m_inspector->clear();
        return;
    }
    const Result<ArticleDetail> detail = m_workspace.library().article(id);
    const Result<QList<Annotation>> annotations = m_workspace.library().annotations(id);
    if (!detail || !annotations) {
        showError(detail ? annotations.errorMessage() : detail.errorMessage());
        return;
    }
    const Result<PageDetail> page = m_workspace.library().page(detail->pageId);
    const bool original = m_originalAction->isChecked() && page;
    // The same article shown the same way again (a tag, a note): its text stays where it was.
    // Switched to the page as printed, it opens on the article's lines instead.
    const bool sameView = id == m_currentArticle && original == m_view->isShowingOriginal();
    const int scroll = m_view->verticalScrollBar()->value();
    m_currentArticle = id;
    m_currentPage = detail->pageId;
    if (original)
        m_view->showOriginal(page.value(), detail->startLine, detail->endLine);
    else
        m_view->showArticle(detail.value(), annotations.value());
    if (sameView)
        m_view->keepScrollAt(scroll);
    m_inspector->showArticle(detail.value(), annotations.value(),
                             page ? page.value() : PageDetail());
    // What the article shows there (a suggestion, a unit) may need more room: measured once the
    // article is on screen, not while the person waits for it.
    m_fitInspectorLater->start();
    markSearchMatches(detail->article.plainText());
}

void MainWindow::saveSearch()
{
    SavedView view;
    view.query = m_filterText->text().trimmed();
    const int kind = m_filterKind->currentIndex();
    view.filter = kind == Untagged          ? QStringLiteral("untagged")
                  : kind == WithSuggestions ? QStringLiteral("suggested")
                  : kind == Annotated       ? QStringLiteral("annotated")
                  : kind >= FirstCampaign   ? QStringLiteral("campaign")
                                            : QString();
    view.campaign = kind >= FirstCampaign ? m_filterKind->currentData().toString() : QString();
    if (view.query.isEmpty() && view.filter.isEmpty()) {
        statusBar()->showMessage(tr("Type a search or choose a filter first."), 4000);
        return;
    }
    bool ok = false;
    view.name = QInputDialog::getText(this, tr("Save Search"), tr("Name of the saved search:"),
                                      QLineEdit::Normal, view.query, &ok)
                    .trimmed();
    if (ok && !view.name.isEmpty())
        m_workspace.saveView(view);
}

void MainWindow::applySavedView(const SavedView &view)
{
    int kind = AllArticles;
    if (view.filter == QStringLiteral("untagged"))
        kind = Untagged;
    else if (view.filter == QStringLiteral("suggested"))
        kind = WithSuggestions;
    else if (view.filter == QStringLiteral("annotated"))
        kind = Annotated;
    else if (view.filter == QStringLiteral("campaign"))
        kind = std::max(static_cast<int>(AllArticles), m_filterKind->findData(view.campaign));
    {
        const QSignalBlocker blockKind(m_filterKind);
        const QSignalBlocker blockText(m_filterText);
        m_filterKind->setCurrentIndex(kind);
        m_filterText->setText(view.query);
    }
    applyFilter();
}

void MainWindow::markSearchMatches(const QString &plainText)
{
    const QString query = m_filterText->text().trimmed();
    m_view->setSearchMatches(query.isEmpty() || m_view->isShowingOriginal()
                                 ? QList<std::pair<qsizetype, qsizetype>>()
                                 : SearchQuery::parse(query).matchRanges(plainText));
    if (!query.isEmpty() && m_view->searchMatchCount() > 0)
        m_view->goToMatch(false);
}

void MainWindow::toggleCampaign(int index)
{
    const QList<Campaign> &campaigns = m_workspace.campaigns();
    // From the article as shown, which a colleague may have changed since.
    if (m_currentArticle && index < campaigns.size())
        m_workspace.setCampaign(m_currentArticle, campaigns[index].id,
                                !m_inspector->isCampaignShown(campaigns[index].id));
}

void MainWindow::rebuildCampaignActions()
{
    qDeleteAll(m_campaignActions);
    m_campaignActions.clear();
    int index = 0;
    for (const Campaign &c : m_workspace.campaigns()) {
        auto *action = new QAction(tr("Toggle %1").arg(Workspace::labelOf(c)), this);
        if (index < 9)
            action->setShortcut(QKeySequence(QString::number(index + 1)));
        action->setObjectName(QStringLiteral("toggle-") + c.id);
        action->setEnabled(!m_workspace.isReadOnly());
        connect(action, &QAction::triggered, this, [this, index] { toggleCampaign(index); });
        m_campaignsMenu->insertAction(m_campaignsSeparator, action);
        addAction(action); // the keys work wherever the focus is in the window
        m_campaignActions.append(action);
        ++index;
    }
}

void MainWindow::rebuildCampaignFilter()
{
    const QVariant selected = m_filterKind->currentData();
    const QSignalBlocker blocker(m_filterKind);
    while (m_filterKind->count() > FirstCampaign)
        m_filterKind->removeItem(FirstCampaign);
    for (const Campaign &c : m_workspace.campaigns())
        m_filterKind->addItem(tr("Tagged %1").arg(c.nameZh), c.id);
    const int again = selected.isValid() ? m_filterKind->findData(selected) : -1;
    if (again >= 0)
        m_filterKind->setCurrentIndex(again);
}

void MainWindow::newTag()
{
    TagEditDialog dialog(tr("New Tag"), QString(), QStringLiteral("#8e44ad"), this);
    if (dialog.exec() == QDialog::Accepted)
        m_workspace.addTag(dialog.name(), dialog.color());
}

void MainWindow::showAgreement()
{
    if (!m_agreement) {
        m_agreement = new AgreementDialog(m_workspace, this);
        connect(m_agreement, &AgreementDialog::articleChosen, this, &MainWindow::showArticleById);
    }
    m_agreement->refresh();
    m_agreement->show();
    m_agreement->raise();
    m_agreement->activateWindow();
}

void MainWindow::acceptSuggestions()
{
    if (!m_currentArticle)
        return;
    const Result<ArticleDetail> detail = m_workspace.library().article(m_currentArticle);
    if (!detail)
        return;
    for (const CampaignSuggestion &s : detail->article.suggestions) {
        if (!detail->campaigns.contains(s.campaign))
            m_workspace.acceptSuggestion(m_currentArticle, s.campaign);
    }
}

void MainWindow::highlightSelection()
{
    highlightSelectionIn(QString::fromLatin1(kHighlightColors[0].hex));
}

void MainWindow::highlightSelectionIn(const QString &color)
{
    const auto [start, end] = m_view->selectedRange();
    if (!m_currentArticle || start >= end) {
        statusBar()->showMessage(tr("Select a passage in the article first."), 4000);
        return;
    }
    m_workspace.addHighlight(m_currentArticle, start, end, color);
    m_view->clearSelection(); // the selection is used up: N now means the note of this highlight
}

void MainWindow::showViewMenu(const QPoint &position)
{
    QMenu *menu = m_view->createStandardContextMenu(position);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addSeparator();
    menu->addAction(m_highlightAction);
    QMenu *colors = menu->addMenu(tr("Highlight in Colour"));
    for (const HighlightColor &c : kHighlightColors) {
        QPixmap swatch(14, 14);
        swatch.fill(QColor::fromString(QLatin1StringView(c.hex)));
        const QString hex = QString::fromLatin1(c.hex);
        colors->addAction(QIcon(swatch), tr(c.name), this,
                          [this, hex] { highlightSelectionIn(hex); });
    }
    colors->setEnabled(m_highlightAction->isEnabled());
    menu->addAction(m_noteAction);
    menu->popup(m_view->viewport()->mapToGlobal(position));
}

void MainWindow::addNote()
{
    if (!m_currentArticle)
        return;
    const auto [start, end] = m_view->selectedRange();
    if (start < end) {
        m_workspace.addHighlight(m_currentArticle, start, end, QString::fromLatin1(kNoteColor));
        m_view->clearSelection();
    }
    if (m_inspector->currentAnnotation())
        m_inspector->focusNoteEditor();
    else
        statusBar()->showMessage(tr("Select a passage, or a highlight in the list, to add a note."),
                                 4000);
}

void MainWindow::toggleOriginal()
{
    showCurrentArticle();
}

void MainWindow::chooseFiles()
{
    const QStringList files = FileDialogs::openFileNames(
        this, tr("Import Pages"),
        tr("Pages and projects (*.txt *.html *.htm *.qdpx);;All files (*)"));
    if (!files.isEmpty())
        importPaths(files);
}

void MainWindow::chooseFolder()
{
    const QString folder = FileDialogs::existingDirectory(this, tr("Import Folder"));
    if (!folder.isEmpty())
        importPaths({folder});
}

bool MainWindow::isImporting() const
{
    return m_import != nullptr;
}

void MainWindow::importPaths(const QStringList &paths)
{
    if (m_import) {
        statusBar()->showMessage(tr("An import is already running."), 4000);
        return;
    }
    // The import writes on a connection of its own, which knows nothing of a damage found by
    // the background check: the window's connection decides.
    if (m_workspace.isReadOnly()) {
        showError(tr("Nothing can be imported: this library is open for reading only."));
        return;
    }
    m_import = new ImportJob(m_workspace.library().location(), paths, this);
    connect(m_import, &ImportJob::progress, this, &MainWindow::onImportProgress);
    connect(m_import, &ImportJob::waiting, this, &MainWindow::onImportWaiting);
    connect(m_import, &ImportJob::finished, this, &MainWindow::onImportFinished);
    m_importProgress->setRange(0, 0);
    m_importProgress->setVisible(true);
    m_importCancel->setVisible(true);
    statusBar()->showMessage(tr("Importing…"));
    m_import->start();
}

void MainWindow::onImportProgress(int done, int total, const QString &path)
{
    m_importProgress->setRange(0, total);
    m_importProgress->setValue(done);
    if (!path.isEmpty())
        statusBar()->showMessage(tr("Importing %1 (%2 of %3)…")
                                     .arg(QDir::toNativeSeparators(path))
                                     .arg(done + 1)
                                     .arg(total));
}

void MainWindow::onImportWaiting(const QString &holder)
{
    // Kept until the next page's progress replaces it.
    statusBar()->showMessage(
        holder.isEmpty()
            ? tr("Waiting: another program is writing to the library. Cancel stops the import; "
                 "the pages imported so far stay.")
            : tr("Waiting: %1 is writing to the library. Cancel stops the import; the pages "
                 "imported so far stay.")
                  .arg(holder));
}

void MainWindow::onImportFinished(const br::ImportReport &report, const QString &error)
{
    m_import->wait();
    m_import->deleteLater();
    m_import = nullptr;
    // What the import wrote is this window's, shown below; what others did meanwhile (a tag, a
    // saved search) is read now, before the article to show is chosen.
    m_othersWatcher->acknowledge();
    m_workspace.notifyTagsAndViewsChanged();
    m_importProgress->setVisible(false);
    m_importCancel->setVisible(false);
    // The first new article is shown once the list has it (the list selects m_currentArticle
    // when it is reloaded).
    for (const qint64 page : report.newPages) {
        const Result<QList<qint64>> ids = m_workspace.library().pageArticleIds(page);
        if (ids && !ids->isEmpty()) {
            m_currentArticle = ids->front();
            break;
        }
    }
    m_workspace.notifyLibraryChanged();
    if (!error.isEmpty()) {
        showError(error);
        Q_EMIT importFinished();
        return;
    }
    // The sentence's punctuation is the language's: "，" "；" "。" in Chinese.
    const QString comma = tr(", ", "between the parts of the import summary");
    const QString semicolon = tr("; ", "between the parts of the import summary");
    QString summary = tr("Imported %n page(s)", nullptr, report.pagesImported) + comma +
                      tr("%n article(s)", nullptr, report.articles);
    if (report.duplicates > 0)
        summary += semicolon + tr("%n already in the library", nullptr, report.duplicates);
    if (report.cancelled)
        summary += semicolon + tr("cancelled");
    if (!report.skipped.isEmpty())
        summary += semicolon + tr("%n non-text file(s) skipped", nullptr,
                                  static_cast<int>(report.skipped.size()));
    statusBar()->showMessage(summary + tr(".", "the end of the import summary"), 10000);
    if (!report.refused.isEmpty() || !report.skipped.isEmpty()) {
        // Every file found is imported or named here, with its reason.
        QStringList lines;
        for (const Refusal &r : report.refused)
            lines.append(QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(r.path), r.reason));
        if (!report.skipped.isEmpty() && !report.refused.isEmpty())
            lines.append(QString());
        if (!report.skipped.isEmpty())
            lines.append(tr("Skipped, not text:"));
        for (const Refusal &r : report.skipped)
            lines.append(QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(r.path), r.reason));
        const QString text = report.refused.isEmpty()
                                 ? tr("%n file(s) in the folders are not text and were skipped.",
                                      nullptr, static_cast<int>(report.skipped.size()))
                                 : tr("%n file(s) were not imported.", nullptr,
                                      static_cast<int>(report.refused.size()));
        auto *box = new QMessageBox(
            report.refused.isEmpty() ? QMessageBox::Information : QMessageBox::Warning,
            tr("Some files were not imported"), text, QMessageBox::Ok, this);
        box->setTextFormat(Qt::PlainText);
        box->setDetailedText(lines.join(QLatin1Char('\n')));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    Q_EMIT importFinished();
}

void MainWindow::updateStatus()
{
    const Result<qint64> total = m_workspace.library().articleCount();
    m_statusCounts->setText(
        tr("%1 of %2 articles · %3")
            .arg(m_model->rowCount())
            .arg(total ? total.value() : 0)
            .arg(QDir::toNativeSeparators(m_workspace.library().location().shown())));
}

void MainWindow::showError(const QString &message)
{
    statusBar()->showMessage(message, 10000);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Bulletin Reader"), message,
                                QMessageBox::Ok, this);
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::about()
{
    QMessageBox::about(
        this, tr("About Bulletin Reader"),
        tr("<h3>Bulletin Reader %1</h3><p>Splits the special pages of Chinese bulletins into "
           "articles, tags them by campaign and keeps highlights and notes in a local library.</p>"
           "<p>Qt %2, SQLite, ICU, uchardet.</p>")
            .arg(QCoreApplication::applicationVersion().toHtmlEscaped(),
                 QString::fromLatin1(qVersion())));
}

namespace {

// The screen a window opens on, and the key its geometry is kept under: a laptop's own screen
// and the monitor on the desk (or the same screen at another scale) each keep their own.
QScreen *openingScreen()
{
    QScreen *screen = QGuiApplication::screenAt(QCursor::pos());
    return screen ? screen : QGuiApplication::primaryScreen();
}

QString geometryKey(const QScreen *screen)
{
    if (!screen)
        return QStringLiteral("window/geometry");
    const QSize size = screen->size();
    return QStringLiteral("window/geometry/%1-%2x%3@%4")
        .arg(screen->name().isEmpty() ? QStringLiteral("screen") : screen->name())
        .arg(size.width())
        .arg(size.height())
        .arg(screen->devicePixelRatio());
}

} // namespace

void MainWindow::restoreSettings()
{
    QSettings settings;
    QScreen *screen = openingScreen();
    if (!restoreGeometry(settings.value(geometryKey(screen)).toByteArray())) {
        // First time on this screen: most of it, up to what the window's layout wants.
        const QRect available = screen ? screen->availableGeometry() : QRect(0, 0, 1560, 940);
        const QSize size(std::min(1560, available.width() * 92 / 100),
                         std::min(940, available.height() * 90 / 100));
        resize(size);
        move(available.center() - QPoint(size.width() / 2, size.height() / 2));
    }
    fitToScreen(screen);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
}

void MainWindow::fitToScreen(const QScreen *screen)
{
    if (!screen || isMaximized() || isFullScreen())
        return;
    // A geometry kept from a larger screen, or at a smaller scale, never leaves the window
    // bigger than the screen or off it.
    const QRect available = screen->availableGeometry();
    QRect frame = frameGeometry();
    const QSize decoration = frame.size() - size();
    const QSize fitted = size().boundedTo(available.size() - decoration);
    if (fitted != size())
        resize(fitted);
    frame = frameGeometry();
    QPoint at = frame.topLeft();
    at.setX(std::clamp(at.x(), available.left(),
                       std::max(available.left(), available.right() - frame.width() + 1)));
    at.setY(std::clamp(at.y(), available.top(),
                       std::max(available.top(), available.bottom() - frame.height() + 1)));
    if (at != frame.topLeft())
        move(at);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(geometryKey(screen()), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_import) {
        m_import->cancel();
        m_import->wait();
    }
    stopExport();
    saveSettings();
    event->accept();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // First run: an empty library gets the bundled sample pages at once, so there is something
    // to read within seconds.
    if (m_offeredSeeds)
        return;
    m_offeredSeeds = true;
    fitToScreen(screen()); // now that the frame around the window is known
    const Result<qint64> pages = m_workspace.library().pageCount();
    if (pages && pages.value() == 0 && !m_workspace.isReadOnly() && !m_seedsDir.isEmpty() &&
        QDir(m_seedsDir).exists()) {
        importPaths({m_seedsDir});
        statusBar()->showMessage(tr("The library is empty: importing the bundled sample pages…"));
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && !m_workspace.isReadOnly())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    if (!paths.isEmpty()) {
        importPaths(paths);
        event->acceptProposedAction();
    }
}

} // namespace br::ui
