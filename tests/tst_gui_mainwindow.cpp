#include "PageGenerator.h"
#include "library/Importer.h"
#include "library/PageReader.h"
#include "testsupport/GuiSupport.h"
#include "testsupport/LibrarySupport.h"
#include "testsupport/WorkspaceSupport.h"
#include "ui/AnnotationListModel.h"
#include "ui/ArticleListModel.h"
#include "ui/ArticleView.h"
#include "ui/BackgroundReads.h"
#include "ui/CampaignChipDelegate.h"
#include "ui/ColorScheme.h"
#include "ui/DesktopApp.h"
#include "ui/InspectorPanel.h"
#include "ui/MainWindow.h"
#include "ui/OthersWatcher.h"
#include "ui/PageDetailsDialog.h"
#include "ui/Roles.h"
#include "ui/ShortcutsDialog.h"
#include "ui/TagDialogs.h"
#include "ui/TagListModel.h"
#include "ui/UserGuideDialog.h"
#include "ui/Workspace.h"

#include <QAbstractItemModelTester>
#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHash>
#include <QImage>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>
#include <QToolBar>
#include <QTranslator>
#include <QTreeWidget>

#include <algorithm>
#include <csignal>

using namespace br;
using namespace br::ui;
using br::test::activate;
using br::test::openWorkspace;
using namespace Qt::StringLiterals;

namespace {

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString libraryPath() const { return m_dir.filePath(u"reader.sqlite3"_s); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void importsSeedsOnFirstRunAndWorksByKeyboard()
    {
        qint64 taggedArticle = 0;
        qint64 annotationId = 0;
        {
            std::unique_ptr<Workspace> workspace = openWorkspace(libraryPath());
            MainWindow window(*workspace, test::seedsPath());
            QAbstractItemModelTester listTester(
                window.articleModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
            QAbstractItemModelTester notesTester(
                window.inspector()->annotationModel(),
                QAbstractItemModelTester::FailureReportingMode::QtTest);
            QSignalSpy imported(&window, &MainWindow::importFinished);
            activate(window);
            QVERIFY(imported.wait(60000));
            QVERIFY(window.articleModel()->rowCount() >= 30);
            QTableView *list = window.articleList();
            QCOMPARE(list->currentIndex().row(), 0);

            // J / K move through the articles.
            list->setFocus();
            QTest::keyClick(list, Qt::Key_J);
            QTest::keyClick(list, Qt::Key_J);
            QCOMPARE(list->currentIndex().row(), 2);
            QTest::keyClick(list, Qt::Key_K);
            QCOMPARE(list->currentIndex().row(), 1);
            taggedArticle = window.currentArticleId();
            QVERIFY(taggedArticle > 0);
            const QString shownTitle = list->currentIndex().data().toString();
            QVERIFY(window.articleView()->toPlainText().contains(shownTitle));

            // 1 toggles the first campaign, at once in the library.
            QTest::keyClick(list, Qt::Key_1);
            QCOMPARE(workspace->library().article(taggedArticle).value().campaigns,
                     QStringList{u"poverty-relief"_s});
            QVERIFY(window.articleModel()
                        ->index(1, 0)
                        .data(CampaignIdsRole)
                        .toStringList()
                        .contains(u"poverty-relief"_s));

            // Select a passage, H highlights it.
            ArticleView *view = window.articleView();
            QTextCursor cursor(view->document());
            cursor.setPosition(10);
            cursor.setPosition(18, QTextCursor::KeepAnchor);
            view->setTextCursor(cursor);
            const QString quote = cursor.selectedText();
            QTest::keyClick(list, Qt::Key_H);
            QList<Annotation> notes = workspace->library().annotations(taggedArticle).value();
            QCOMPARE(notes.size(), 1);
            QCOMPARE(notes[0].quote, quote);
            QCOMPARE(notes[0].start, 10);
            annotationId = notes[0].id;

            // N opens the note of the highlight just made; Ctrl+Enter saves it.
            QTest::keyClick(list, Qt::Key_N);
            auto *noteEditor = window.inspector()->findChild<QPlainTextEdit *>(u"noteEditor"_s);
            QVERIFY(noteEditor);
            QTRY_VERIFY(noteEditor->hasFocus());
            // Typed as one key event carrying the text, as an input method delivers Chinese.
            QKeyEvent typed(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, u"核实数字"_s);
            QApplication::sendEvent(noteEditor, &typed);
            QCOMPARE(noteEditor->toPlainText(), u"核实数字"_s);
            QTest::keyClick(noteEditor, Qt::Key_Return, Qt::ControlModifier);
            QCOMPARE(workspace->library().annotations(taggedArticle).value().first().note,
                     u"核实数字"_s);

            // Undo the note, then the highlight; redo both.
            list->setFocus();
            QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier);
            QCOMPARE(workspace->library().annotations(taggedArticle).value().first().note,
                     QString());
            QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier);
            QVERIFY(workspace->library().annotations(taggedArticle).value().isEmpty());
            QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
            QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
            notes = workspace->library().annotations(taggedArticle).value();
            QCOMPARE(notes.size(), 1);
            QCOMPARE(notes[0].id, annotationId);
            QCOMPARE(notes[0].note, u"核实数字"_s);
            window.close();
        }
        // Reopen the same file: everything is there.
        std::unique_ptr<Workspace> workspace = openWorkspace(libraryPath());
        MainWindow window(*workspace, test::seedsPath());
        activate(window);
        QCOMPARE(window.articleModel()->rowCount() >= 30, true);
        const int row = window.articleModel()->rowOf(taggedArticle);
        QVERIFY(row >= 0);
        QCOMPARE(window.articleModel()->index(row, 0).data(AnnotationCountRole).toInt(), 1);
        QCOMPARE(window.articleModel()->index(row, 0).data(CampaignIdsRole).toStringList(),
                 QStringList{u"poverty-relief"_s});
        QCOMPARE(workspace->library().annotations(taggedArticle).value().first().note,
                 u"核实数字"_s);
    }

    // A large library is sorted and filtered on a worker: the click returns at once with the old
    // rows, and the new order arrives when it is read (a small library's at once).
    void aLargeLibrarysListIsSortedInTheBackground()
    {
        std::unique_ptr<Workspace> workspace = openWorkspace(m_dir.filePath(u"sorted.sqlite3"_s));
        MainWindow window(*workspace, test::seedsPath());
        QSignalSpy imported(&window, &MainWindow::importFinished);
        activate(window);
        QVERIFY(imported.wait(60000));
        ArticleListModel *model = window.articleModel();
        QAbstractItemModelTester tester(model);
        const auto titles = [&] {
            QList<qint64> shown;
            for (int row = 0; row < model->rowCount(); ++row)
                shown.append(model->articleIdAt(row));
            return shown;
        };
        ArticleFilter byTitle;
        byTitle.sort = ArticleFilter::Sort::Title;
        QList<qint64> expected;
        for (const ArticleSummary &a : workspace->library().articles(byTitle).value())
            expected.append(a.id);
        const QList<qint64> before = titles();
        QVERIFY(before != expected);

        model->setBackgroundFrom(1); // as if the seeds were 100,000 articles
        QSignalSpy loaded(model, &ArticleListModel::searchFinished);
        window.articleList()->sortByColumn(ArticleListModel::TitleColumn, Qt::AscendingOrder);
        QCOMPARE(titles(), before); // not read yet: the window went on
        QVERIFY(loaded.wait(10000));
        QCOMPARE(titles().size(), expected.size());
        QCOMPARE(titles(), expected);

        // A tag set while the list is being read shows once it is.
        const qint64 first = expected.front();
        loaded.clear();
        window.articleList()->sortByColumn(ArticleListModel::PageColumn, Qt::AscendingOrder);
        workspace->toggleCampaign(first, u"civilization-city"_s);
        QVERIFY(loaded.wait(10000));
        const int row = model->rowOf(first);
        QVERIFY(row >= 0);
        QVERIFY(model->index(row, ArticleListModel::CampaignsColumn)
                    .data(CampaignIdsRole)
                    .toStringList()
                    .contains(u"civilization-city"_s));

        model->setBackgroundFrom(BackgroundReads::kLargeLibrary);
        window.articleList()->sortByColumn(ArticleListModel::TitleColumn, Qt::DescendingOrder);
        QCOMPARE(titles().front(), expected.back()); // a small library's order comes at once
    }

    // A long list holds its order and reads the rows it shows: a screenful or so at first, the
    // rows at its end when scrolled there, every one of them as the library lists it.
    void aLongListReadsOnlyTheRowsItShows()
    {
        const QString path = m_dir.filePath(u"long.sqlite3"_s);
        QVERIFY(bench::fillLibrary(*test::openLibrary(path), test::seedsPath(), 800));
        std::unique_ptr<Workspace> workspace = openWorkspace(path);
        MainWindow window(*workspace, test::seedsPath());
        activate(window);
        ArticleListModel *model = window.articleModel();
        const QList<ArticleSummary> listed = workspace->library().articles().value();
        const int rows = static_cast<int>(listed.size());
        QCOMPARE(model->rowCount(), rows);
        QVERIFY(rows >= 800);
        QTRY_VERIFY(model->rowsRead() > 0);
        QVERIFY2(model->rowsRead() <= 2 * ArticleListModel::kReadAround,
                 qPrintable(QString::number(model->rowsRead())));
        QVERIFY(model->index(rows - 1, 0).data().isValid());
        window.articleList()->scrollToBottom();
        QApplication::processEvents();
        QVERIFY(model->rowsRead() <= 4 * ArticleListModel::kReadAround);
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto showsAsListed = [&](const QList<ArticleSummary> &expected) {
            QCOMPARE(model->rowCount(), static_cast<int>(expected.size()));
            for (int row = 0; row < model->rowCount(); ++row) {
                const ArticleSummary &a = expected[row];
                QCOMPARE(model->articleIdAt(row), a.id);
                QCOMPARE(model->rowOf(a.id), row);
                const QModelIndex title = model->index(row, ArticleListModel::TitleColumn);
                QCOMPARE(title.data().toString(), a.title.isEmpty() ? u"(untitled)"_s : a.title);
                QCOMPARE(title.data(PageIdRole).toLongLong(), a.pageId);
                QCOMPARE(title.data(CampaignIdsRole).toStringList(), a.campaigns);
                QVERIFY(model->rowsRead() <= ArticleListModel::kMostKept);
            }
        };
        showsAsListed(listed);
        // In another order than the ids': each row still shows its own article.
        window.articleList()->sortByColumn(ArticleListModel::TitleColumn, Qt::DescendingOrder);
        ArticleFilter byTitle;
        byTitle.sort = ArticleFilter::Sort::Title;
        byTitle.descending = true;
        showsAsListed(workspace->library().articles(byTitle).value());
    }

    // The window opens within its screen, the first time and after a larger size was kept (as
    // on a bigger monitor, or at a smaller scale).
    void theWindowFitsItsScreen()
    {
        std::unique_ptr<Workspace> workspace =
            test::seededWorkspace(m_dir.filePath(u"screen.sqlite3"_s));
        const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
        {
            MainWindow window(*workspace, QString());
            activate(window);
            QVERIFY2(available.contains(window.frameGeometry()),
                     qPrintable(u"%1x%2"_s.arg(window.width()).arg(window.height())));
            window.resize(available.width() * 3, available.height() * 3);
            window.move(available.width() * 2, -400);
            window.close(); // kept for this screen
        }
        MainWindow again(*workspace, QString());
        activate(again);
        QVERIFY2(available.contains(again.frameGeometry()),
                 qPrintable(u"%1x%2 at %3,%4"_s.arg(again.width())
                                .arg(again.height())
                                .arg(again.x())
                                .arg(again.y())));
    }

    // A desktop that asks for dark gets a dark window: the palette, and the article's secondary
    // ink still readable on it.
    void aDarkDesktopGetsADarkWindow()
    {
        const QPalette before = QApplication::palette();
        qputenv("BULLETIN_READER_THEME", "dark");
        QCOMPARE(ColorScheme::desktopScheme(), ColorScheme::Scheme::Dark);
        ColorScheme::follow();
        QVERIFY(ColorScheme::isDark(QApplication::palette()));
        qputenv("BULLETIN_READER_THEME", "light");
        QCOMPARE(ColorScheme::desktopScheme(), ColorScheme::Scheme::Light);
        qunsetenv("BULLETIN_READER_THEME");
        std::unique_ptr<Workspace> workspace =
            test::seededWorkspace(m_dir.filePath(u"dark.sqlite3"_s));
        {
            MainWindow window(*workspace, QString());
            activate(window);
            QTRY_VERIFY(!window.articleView()->toPlainText().isEmpty());
            QVERIFY(ColorScheme::isDark(window.articleView()->palette()));
            // Every run of text drawn light on the dark page.
            for (QTextBlock block = window.articleView()->document()->begin(); block.isValid();
                 block = block.next()) {
                for (auto it = block.begin(); !it.atEnd(); ++it) {
                    const QTextCharFormat format = it.fragment().charFormat();
                    const QColor ink = format.hasProperty(QTextFormat::ForegroundBrush)
                                           ? format.foreground().color()
                                           : window.articleView()->palette().color(QPalette::Text);
                    QVERIFY2(ink.lightness() > 128 ||
                                 format.hasProperty(QTextFormat::BackgroundBrush),
                             qPrintable(ink.name() + u" "_s + it.fragment().text().left(20)));
                }
            }
        }
        QApplication::setPalette(before);
    }

    // No two of the window's commands answer the same key.
    void everyKeyDoesOneThing()
    {
        std::unique_ptr<Workspace> workspace = openWorkspace(m_dir.filePath(u"keys.sqlite3"_s));
        MainWindow window(*workspace, QString());
        QHash<QString, QString> byKey;
        for (const QAction *action : window.findChildren<QAction *>()) {
            if (action->shortcutContext() == Qt::WidgetShortcut)
                continue; // a list's own Delete
            for (const QKeySequence &key : action->shortcuts()) {
                const QString shown = key.toString();
                QVERIFY2(
                    !byKey.contains(shown) || byKey.value(shown) == action->text(),
                    qPrintable(shown + u": "_s + byKey.value(shown) + u" and "_s + action->text()));
                byKey.insert(shown, action->text());
            }
        }
        QVERIFY(byKey.contains(u"Ctrl+Shift+D"_s) && byKey.contains(u"Ctrl+Shift+T"_s));
    }

    // Help > User Guide shows the guide in the interface's language.
    void theUserGuideIsThereInBothLanguages()
    {
        std::unique_ptr<Workspace> workspace =
            test::seededWorkspace(m_dir.filePath(u"guide.sqlite3"_s));
        MainWindow window(*workspace, QString());
        activate(window);
        auto *guide = window.findChild<QAction *>(u"userGuide"_s);
        QVERIFY(guide);
        guide->trigger();
        UserGuideDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<UserGuideDialog *>()) != nullptr);
        QVERIFY(dialog->browser()->toPlainText().contains(u"Manage Tags"_s));
        dialog->close();
        QFile chinese(UserGuideDialog::guideFor(QLocale(QLocale::Chinese, QLocale::China)));
        QVERIFY(chinese.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(chinese.readAll()).contains(u"管理标签"_s));
    }

    // Chips are told apart by more than colour: each has its key on it, the legend under the list
    // names every tag with its chip, and a row's chips are named in its tooltip.
    void chipsAreNamedNotOnlyColoured()
    {
        std::unique_ptr<Workspace> workspace =
            test::seededWorkspace(m_dir.filePath(u"chips.sqlite3"_s));
        MainWindow window(*workspace, QString());
        activate(window);
        QTRY_VERIFY(window.articleModel()->rowCount() > 0);
        auto *legend = window.findChild<CampaignLegend *>(u"campaignLegend"_s);
        QVERIFY(legend && legend->isVisible());
        QCOMPARE(legend->entries().size(), 3);
        workspace->addTag(u"县域经济"_s, u"#8e44ad"_s);
        QCOMPARE(legend->entries().size(), 4);
        QCOMPARE(legend->entries().last(), u"县域经济"_s);
        const qint64 id = window.articleModel()->articleIdAt(0);
        workspace->setCampaign(id, u"anti-crime"_s, true);
        const QModelIndex chips =
            window.articleModel()->index(0, ArticleListModel::CampaignsColumn);
        QTRY_VERIFY(
            chips.data(Qt::ToolTipRole).toString().contains(workspace->nameOf(u"anti-crime"_s)));
        // The key is drawn on the chip: its ink differs from the chip's colour inside it.
        QImage image(40, 40, QImage::Format_ARGB32);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            paintCampaignChip(painter, QRect(4, 4, 30, 30), workspace->campaigns().at(1), 2, true,
                              Qt::white);
        }
        const QColor chip = QColor::fromString(workspace->campaigns().at(1).color);
        int ink = 0;
        for (int y = 8; y < 30; ++y) {
            for (int x = 8; x < 30; ++x)
                ink += image.pixelColor(x, y).lightness() > chip.lightness() + 60 ? 1 : 0;
        }
        QVERIFY2(ink > 20, qPrintable(QString::number(ink)));
    }

    // Captions are upright and read at 7:1 or more against the page (WCAG's enhanced contrast),
    // and the article's lines in the page as printed (Ctrl+U) stand apart from the others.
    void captionsAndTheArticlesLinesAreReadable()
    {
        std::unique_ptr<Workspace> workspace =
            test::seededWorkspace(m_dir.filePath(u"contrast.sqlite3"_s));
        MainWindow window(*workspace, QString());
        window.resize(1000, 500);
        activate(window);
        QTRY_VERIFY(window.articleModel()->rowCount() > 0);
        QString caption;
        qint64 withCaption = 0;
        for (const ArticleSummary &a : workspace->library().articles().value()) {
            const ArticleDetail detail = workspace->library().article(a.id).value();
            for (const Block &b : detail.article.blocks) {
                // The last one: far down its page, where Ctrl+U must scroll to.
                if (b.type == Block::Type::Caption && detail.article.startLine > 40) {
                    caption = b.text;
                    withCaption = a.id;
                }
            }
        }
        QVERIFY(withCaption > 0);
        window.showArticleById(withCaption);
        ArticleView *view = window.articleView();
        QTRY_VERIFY(view->toPlainText().contains(caption));
        const QColor page = view->palette().color(QPalette::Base);
        const auto luminance = [](const QColor &c) {
            const auto channel = [](double v) {
                return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
            };
            return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
                   0.0722 * channel(c.blueF());
        };
        const auto contrast = [&](const QColor &a, const QColor &b) {
            const double x = luminance(a), y = luminance(b);
            return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
        };
        bool seen = false;
        for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next()) {
            if (block.text() != caption)
                continue;
            seen = true;
            const QTextCharFormat format = block.begin().fragment().charFormat();
            QVERIFY(!format.fontItalic());
            const QColor ink = format.foreground().color();
            QVERIFY2(contrast(ink, page) >= 7.0, qPrintable(ink.name()));
        }
        QVERIFY(seen);

        window.findChild<QAction *>(u"showOriginal"_s)->trigger();
        QTRY_VERIFY(view->toPlainText().contains(caption));
        QColor marked;
        for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                if (it.fragment().charFormat().hasProperty(QTextFormat::BackgroundBrush))
                    marked = it.fragment().charFormat().background().color();
            }
        }
        QVERIFY(marked.isValid());
        QVERIFY2(contrast(marked, page) >= 1.25, qPrintable(marked.name())); // seen at a glance
        // Opened on the article's lines, not at the page's first line.
        QVERIFY(view->verticalScrollBar()->value() > 0);
        QVERIFY(view->viewport()->rect().contains(view->cursorRect().center()));
    }

    // Each article is shown in a document of its own, the one before it let go; a tag on an
    // article scrolled half way down leaves the text where it was, though the document was laid
    // out only as far as the screen showed.
    void theArticleShownKeepsOneDocumentAndItsScroll()
    {
        const QString path = m_dir.filePath(u"scrolled.sqlite3"_s);
        {
            const std::unique_ptr<Library> library = test::openLibrary(path);
            QVERIFY(bench::fillLibrary(*library, test::seedsPath(), 100));
            // An article of 300 paragraphs, far longer than a screen's worth of layout.
            QString text = u"莘县召开全县扶贫工作推进会议\n\n"_s;
            for (int i = 1; i <= 300; ++i)
                text += u"　　第%1段：全县各乡镇认真落实精准扶贫政策，帮助贫困户发展特色产业，"
                        u"增加收入，巩固脱贫成果。\n"_s.arg(i);
            const Result<ReadPage> read = PageReader().readBytes(u"long.txt"_s, text.toUtf8());
            QVERIFY(read.ok());
            QVERIFY(library->addPage(read.value()).ok());
        }
        std::unique_ptr<Workspace> workspace = openWorkspace(path);
        MainWindow window(*workspace, test::seedsPath());
        window.resize(1000, 500);
        activate(window);
        ArticleView *view = window.findChild<ArticleView *>(u"articleView"_s);
        QVERIFY(view);
        for (int i = 0; i < 40; ++i)
            QTest::keyClick(window.articleList(), Qt::Key_J);
        QCOMPARE(view->findChildren<QTextDocument *>(Qt::FindDirectChildrenOnly).size(), 1);
        // The longest article, scrolled to three quarters of its length, then tagged.
        qint64 longest = 0;
        qsizetype longestText = 0;
        for (const ArticleSummary &a : workspace->library().articles().value()) {
            const qsizetype length = workspace->library().article(a.id)->article.plainText().size();
            if (length > longestText) {
                longest = a.id;
                longestText = length;
            }
        }
        QVERIFY(longestText > 10000);
        window.showArticleById(longest);
        QCOMPARE(window.currentArticleId(), longest);
        view->document()->documentLayout()->documentSize();
        QScrollBar *scroll = view->verticalScrollBar();
        QVERIFY2(scroll->maximum() > 400, qPrintable(QString::number(scroll->maximum())));
        scroll->setValue(scroll->maximum() * 3 / 4);
        const int before = scroll->value();
        workspace->toggleCampaign(longest, u"anti-crime"_s);
        QCOMPARE(scroll->value(), before);
    }

    void searchFieldFiltersInBackgroundAndMarksMatches()
    {
        std::unique_ptr<Workspace> workspace = openWorkspace(m_dir.filePath(u"search.sqlite3"_s));
        MainWindow window(*workspace, test::seedsPath());
        QSignalSpy imported(&window, &MainWindow::importFinished);
        activate(window);
        QVERIFY(imported.wait(60000));
        const int all = window.articleModel()->rowCount();
        auto *field = window.findChild<QLineEdit *>(u"filterText"_s);
        QVERIFY(field);
        QSignalSpy searched(window.articleModel(), &ArticleListModel::searchFinished);
        QTest::keyClick(window.articleList(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(field->hasFocus());
        QKeyEvent typed(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, u"掃黑除惡 -卫计"_s);
        QApplication::sendEvent(field, &typed); // traditional characters find simplified text
        QVERIFY(searched.wait(10000));
        const int found = window.articleModel()->rowCount();
        QVERIFY(found > 0 && found < all);
        QCOMPARE(found, static_cast<int>(
                            workspace->library().searchIds(u"扫黑除恶 -卫计"_s).value().size()));
        QVERIFY(window.articleView()->searchMatchCount() > 0);
        QVERIFY(window.articleView()->extraSelections().size() > 0);
        // Saved as a named view; clicking it brings the search back.
        auto *saved = window.findChild<QListView *>(u"savedSearches"_s);
        QVERIFY(saved);
        QAbstractItemModelTester savedTester(
            saved->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!saved->isVisible());
        const QPoint fieldAt = field->mapTo(&window, QPoint());
        auto *toolbarUndo = window.findChild<QAction *>(u"toolbarUndo"_s);
        QVERIFY(toolbarUndo);
        const QString undoLabel = toolbarUndo->text();
        workspace->saveView({0, u"扫黑 不含卫计"_s, field->text(), QString(), QString()});
        QVERIFY(saved->isVisible());
        // Under the search box, with its heading: the box did not move. The toolbar's Undo keeps
        // its label and names the step in its tooltip.
        QVERIFY(window.findChild<QLabel *>(u"savedSearchesHeading"_s)->isVisible());
        QApplication::processEvents();
        QCOMPARE(field->mapTo(&window, QPoint()), fieldAt);
        QVERIFY(saved->mapTo(&window, QPoint()).y() > fieldAt.y());
        QCOMPARE(toolbarUndo->text(), undoLabel);
        QVERIFY(toolbarUndo->isEnabled());
        QVERIFY(toolbarUndo->toolTip().contains(u"扫黑 不含卫计"_s));
        QCOMPARE(saved->model()->rowCount(), 1);
        field->clear();
        QVERIFY(searched.count() >= 1);
        QTRY_COMPARE(window.articleModel()->rowCount(), all);
        QTest::mouseClick(saved->viewport(), Qt::LeftButton, {},
                          saved->visualRect(saved->model()->index(0, 0)).center());
        QCOMPARE(field->text(), u"掃黑除惡 -卫计"_s);
        QTRY_COMPARE(window.articleModel()->rowCount(), found);
        const int before = window.articleView()->textCursor().position();
        QTest::keyClick(window.articleList(), Qt::Key_F3);
        QVERIFY(window.articleView()->searchMatchCount() < 2 ||
                window.articleView()->textCursor().position() != before);
        // A search that finds nothing leaves nothing of the article shown before in the
        // inspector (its suggested unit stood in the unit field).
        auto *unit = window.findChild<QLineEdit *>(u"unit"_s);
        QVERIFY(unit && !unit->placeholderText().isEmpty());
        field->setText(u"扶贫、"_s); // no seed has it
        QTRY_COMPARE(window.articleModel()->rowCount(), 0);
        QVERIFY(unit->text().isEmpty());
        QVERIFY(unit->placeholderText().isEmpty());
    }

    void ownTagsGetTheNextKey()
    {
        std::unique_ptr<Workspace> workspace = openWorkspace(m_dir.filePath(u"tags.sqlite3"_s));
        MainWindow window(*workspace, test::seedsPath());
        QSignalSpy imported(&window, &MainWindow::importFinished);
        activate(window);
        QVERIFY(imported.wait(60000));
        workspace->addTag(u"党建"_s, u"#8e44ad"_s);
        QCOMPARE(workspace->campaigns().size(), 4);
        QVERIFY(window.inspector()->findChild<QCheckBox *>(u"campaign-tag-1"_s));
        const qint64 id = window.currentArticleId();
        QTest::keyClick(window.articleList(), Qt::Key_4);
        QVERIFY(workspace->library().article(id).value().campaigns.contains(u"tag-1"_s));
        QCOMPARE(
            window.articleModel()->index(0, ArticleListModel::CampaignsColumn).data().toString(),
            u"党建"_s);
        workspace->undoStack()->undo(); // the tag on the article
        workspace->undoStack()->undo(); // the tag itself
        QCOMPARE(workspace->campaigns().size(), 3);
        QVERIFY(!window.inspector()->findChild<QCheckBox *>(u"campaign-tag-1"_s));
        workspace->undoStack()->redo();
        workspace->undoStack()->redo();
        QCOMPARE(workspace->library().article(id).value().campaigns, QStringList{u"tag-1"_s});
    }

    // English is the source language, yet counts read "1 article", "2 articles".
    void englishCountsHaveTheirPluralForms()
    {
        QVERIFY(!installTranslations(QLocale(QLocale::English)));
        QCOMPARE(QCoreApplication::translate("br::ui::MainWindow", "%n article(s)", nullptr, 1),
                 u"1 article"_s);
        QCOMPARE(QCoreApplication::translate("br::ui::MainWindow", "%n article(s)", nullptr, 2),
                 u"2 articles"_s);
        QCOMPARE(QCoreApplication::translate("br::ui::PdfReport", "%1: %n article(s)", nullptr, 1)
                     .arg(u"脱贫攻坚"_s),
                 u"脱贫攻坚: 1 article"_s);
    }

    // The Page column names the page as a reader cites it once its details are set, the file
    // (a hash-like name) until then and in the tooltip.
    void thePageColumnCitesThePage()
    {
        std::unique_ptr<Workspace> workspace =
            test::seededWorkspace(m_dir.filePath(u"cite.sqlite3"_s));
        MainWindow window(*workspace, QString());
        QSignalSpy searched(window.articleModel(), &ArticleListModel::searchFinished);
        activate(window);
        QTRY_VERIFY(window.articleModel()->rowCount() > 0);
        const qint64 id = window.articleModel()->index(0, 0).data(ArticleIdRole).toLongLong();
        // Found by id each time: a page given a date moves in the list's order.
        const auto page = [&] {
            return window.articleModel()->index(window.articleModel()->rowOf(id),
                                                ArticleListModel::PageColumn);
        };
        const ArticleDetail first = workspace->library().article(id).value();
        const QString file = workspace->library().page(first.pageId)->fileName;
        QCOMPARE(page().data().toString(), file + u" · 1"_s);
        workspace->setPageDetails(first.pageId, u"聊城日报"_s, u"2018-11-02"_s, u"A3"_s);
        QTRY_COMPARE(page().data().toString(), u"聊城日报 · 2018-11-02 · A3 · 1"_s);
        QVERIFY(page().data(Qt::ToolTipRole).toString().contains(file));
    }

    // Articles selected in the list give their pages one publication and date at once, one
    // undo step; a date that is no date is refused in the dialog; the inspector says where each
    // detail came from.
    void selectedArticlesPagesGetOnePublicationAndDate()
    {
        std::unique_ptr<Workspace> workspace =
            test::seededWorkspace(m_dir.filePath(u"bulkdate.sqlite3"_s));
        MainWindow window(*workspace, QString());
        activate(window);
        ArticleListModel *model = window.articleModel();
        QTRY_VERIFY(model->rowCount() > 10);
        // The first article and the last: two pages (the list is in page order).
        const qint64 first = model->articleIdAt(0);
        const qint64 last = model->articleIdAt(model->rowCount() - 1);
        const qint64 firstPage = workspace->library().article(first)->pageId;
        const qint64 lastPage = workspace->library().article(last)->pageId;
        QVERIFY(firstPage != lastPage);
        QItemSelectionModel *selection = window.articleList()->selectionModel();
        selection->select(model->index(0, 0),
                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        selection->select(model->index(model->rowCount() - 1, 0),
                          QItemSelectionModel::Select | QItemSelectionModel::Rows);

        auto *action = window.findChild<QAction *>(u"setPagesDetails"_s);
        QVERIFY(action && action->isEnabled());
        bool refused = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<PageDetailsDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            // As an input method delivers it.
            dialog->publicationEdit()->setText(u"聊城日报"_s);
            QTest::keyClicks(dialog->dateEdit(), u"someday"_s);
            dialog->accept();
            refused = dialog->isVisible() && dialog->problem()->isVisible();
            dialog->dateEdit()->setText(u"2019年5月28日"_s);
            dialog->accept();
        });
        action->trigger();
        QVERIFY(refused);
        for (const qint64 page : {firstPage, lastPage}) {
            const PageDetail detail = workspace->library().page(page).value();
            QCOMPARE(detail.publication, u"聊城日报"_s);
            QCOMPARE(detail.date, u"2019-05-28"_s);
            QCOMPARE(detail.dateFrom, DetailOrigin::Person);
        }
        auto *dateFrom = window.inspector()->findChild<QLabel *>(u"dateFrom"_s);
        QVERIFY(dateFrom);
        QTRY_COMPARE(dateFrom->text(), u"set by hand"_s);
        // Coverage by month counts them now.
        const QList<CoverageRow> months = workspace->library().coverage(u"month"_s).value();
        QVERIFY(std::any_of(months.begin(), months.end(),
                            [](const CoverageRow &r) { return r.key == u"2019-05"_s; }));

        // One step back: both pages as they were, with where their details came from.
        workspace->undoStack()->undo();
        for (const qint64 page : {firstPage, lastPage}) {
            const PageDetail detail = workspace->library().page(page).value();
            QVERIFY(detail.publication.isEmpty());
            QVERIFY(detail.date.isEmpty());
            QCOMPARE(detail.dateFrom, DetailOrigin::None);
        }
        QTRY_VERIFY(dateFrom->text().isEmpty());
        // Typed in the inspector, a date is kept as the library counts it.
        workspace->setPageDetails(firstPage, QString(), u"2019/6/1"_s, QString());
        QCOMPARE(workspace->library().page(firstPage)->date, u"2019-06-01"_s);
    }

    // The tag manager lists every tag with its key, colour and articles; a person's own tags are
    // renamed, merged and deleted, each one undo step that puts articles and judgments back; the
    // campaigns are listed but not changed; a merge waits for the person to choose its target.
    void theTagManagerRenamesMergesAndDeletesWithUndo()
    {
        std::unique_ptr<Workspace> workspace =
            test::seededWorkspace(m_dir.filePath(u"tagmanager.sqlite3"_s));
        Library &library = workspace->library();
        workspace->addTag(u"县域经济"_s, u"#8e44ad"_s);
        workspace->addTag(u"乡村振兴"_s, u"#16a085"_s);
        const QString economy = workspace->campaigns().at(3).id;
        const QString revival = workspace->campaigns().at(4).id;
        const QList<qint64> ids = library.articleIds({}).value();
        QVERIFY(ids.size() > 5);
        for (const qint64 id : {ids[0], ids[1]})
            workspace->setCampaign(id, economy, true);
        for (const qint64 id : {ids[1], ids[2]})
            workspace->setCampaign(id, revival, true);
        const auto tagged = [&](const QString &tag) {
            QList<qint64> found;
            for (const qint64 id : ids.mid(0, 4)) {
                if (library.article(id)->campaigns.contains(tag))
                    found.append(id);
            }
            return found;
        };
        QCOMPARE(tagged(economy), (QList<qint64>{ids[0], ids[1]}));

        TagManagerDialog manager(*workspace);
        QAbstractItemModelTester tester(manager.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        TagListModel *model = manager.model();
        QCOMPARE(model->rowCount(), 5);
        const QModelIndex economyCount = model->index(3, TagListModel::ArticlesColumn);
        QCOMPARE(economyCount.data().toInt(), 2);
        QCOMPARE(model->index(3, TagListModel::KeyColumn).data().toString(), u"4"_s);
        // A campaign is not the person's to change.
        manager.selectTag(u"poverty-relief"_s);
        auto *edit = manager.findChild<QPushButton *>(u"editTag"_s);
        QVERIFY(edit && !edit->isEnabled());
        manager.selectTag(economy);
        QVERIFY(edit->isEnabled());

        workspace->updateTag(economy, u"县域发展"_s, u"#d35400"_s);
        QCOMPARE(library.campaigns()->at(3).nameZh, u"县域发展"_s);
        QCOMPARE(library.campaigns()->at(3).color, u"#d35400"_s);
        QCOMPARE(manager.currentTag(), economy); // still chosen after the list was read anew
        workspace->undoStack()->undo();
        QCOMPARE(library.campaigns()->at(3).nameZh, u"县域经济"_s);

        // Merged through the dialog: nothing chosen at first, OK off until a tag is.
        bool offeredNothing = false;
        QTimer::singleShot(0, this, [&] {
            QWidget *dialog = QApplication::activeModalWidget();
            QVERIFY(dialog);
            auto *into = dialog->findChild<QComboBox *>(u"mergeInto"_s);
            QVERIFY(into);
            auto *box = dialog->findChild<QDialogButtonBox *>();
            offeredNothing =
                into->currentIndex() == -1 && !box->button(QDialogButtonBox::Ok)->isEnabled();
            into->setCurrentIndex(into->findData(revival));
            box->button(QDialogButtonBox::Ok)->click();
        });
        manager.mergeTag();
        QVERIFY(offeredNothing);
        QCOMPARE(library.campaigns()->size(), 4);
        QCOMPARE(tagged(revival), (QList<qint64>{ids[0], ids[1], ids[2]}));
        QCOMPARE(model->rowCount(), 4);
        workspace->undoStack()->undo();
        QCOMPARE(tagged(economy), (QList<qint64>{ids[0], ids[1]}));
        QCOMPARE(tagged(revival), (QList<qint64>{ids[1], ids[2]}));
        QCOMPARE(model->rowCount(), 5);

        manager.selectTag(revival);
        manager.deleteTag();
        QVERIFY(tagged(revival).isEmpty());
        QCOMPARE(library.campaigns()->size(), 4);
        workspace->undoStack()->undo();
        QCOMPARE(tagged(revival), (QList<qint64>{ids[1], ids[2]}));
        workspace->undoStack()->redo();
        QVERIFY(tagged(revival).isEmpty());
    }

    // Qt shows a tooltip as rich text whenever it looks like markup, so every untrusted string
    // reaches one through plainTooltip(): a page file named like HTML shows its name, and every
    // setToolTip() in the window's code is given plainTooltip(), tr() or nothing.
    void everyTooltipIsPlainText()
    {
        const QString folder = m_dir.filePath(u"markup"_s);
        QVERIFY(QDir().mkpath(folder));
        const QString file = folder + u"/<b>莘县<i>新闻 &amp; <img src=x>.txt"_s;
        QVERIFY(QFile::copy(test::seedsPath(u"001_1f928a1e1901fd81.txt"_s), file));
        const QString path = m_dir.filePath(u"markup.sqlite3"_s);
        {
            Result<std::unique_ptr<Library>> library = Library::open(path);
            QVERIFY(library.ok());
            QCOMPARE(Importer(*library.value()).importPaths({file}).pagesImported, 1);
        }
        std::unique_ptr<Workspace> workspace = openWorkspace(path);
        MainWindow window(*workspace, QString());
        activate(window);
        auto *fileLabel = window.findChild<QLabel *>(u"inspectorFile"_s);
        QVERIFY(fileLabel);
        QTRY_VERIFY(!fileLabel->toolTip().isEmpty());
        QTextDocument shown;
        shown.setHtml(fileLabel->toolTip());
        QCOMPARE(shown.toPlainText(), file);

        const QDir ui(QStringLiteral(BR_TEST_DATA_DIR "/../../ui"));
        const QStringList sources = ui.entryList({u"*.cpp"_s}, QDir::Files);
        QVERIFY(sources.size() > 10);
        int calls = 0;
        for (const QString &name : sources) {
            const QString code = QString::fromUtf8(test::readAll(ui.filePath(name)));
            for (const QString &statement : code.split(u';')) {
                const bool toolTip = statement.contains(u"setToolTip("_s);
                const bool itemTip =
                    statement.contains(u"setItemData("_s) && statement.contains(u"ToolTipRole"_s);
                if (!toolTip && !itemTip)
                    continue;
                ++calls;
                const QString argument =
                    statement.mid(statement.indexOf(toolTip ? u"setToolTip("_s : u"setItemData("_s))
                        .simplified();
                // Each branch of what is set: escaped, translated (ours), or nothing.
                const QStringList allowed{u"plainTooltip("_s, u"tr("_s, u"QString()"_s,
                                          u"correctedBy("_s};
                const QString inner = argument.mid(argument.indexOf(u'(') + 1);
                const QString value = itemTip ? inner.section(u',', 1).trimmed() : inner.trimmed();
                QStringList branches{value};
                if (value.contains(u" ? "_s))
                    branches = value.section(u" ? "_s, 1).split(u" : "_s);
                for (const QString &branch : branches) {
                    const bool ok =
                        std::any_of(allowed.cbegin(), allowed.cend(), [&](const QString &a) {
                            return branch.trimmed().startsWith(a);
                        });
                    QVERIFY2(ok, qPrintable(name + u": "_s + argument));
                }
            }
        }
        QVERIFY(calls >= 8);
    }

    // After an import the first new article is the one shown.
    void anImportShowsItsFirstNewArticle()
    {
        std::unique_ptr<Workspace> workspace =
            test::seededWorkspace(m_dir.filePath(u"shown.sqlite3"_s));
        MainWindow window(*workspace, QString());
        QSignalSpy searched(window.articleModel(), &ArticleListModel::searchFinished);
        activate(window);
        QTRY_VERIFY(window.currentArticleId() > 0);
        const qint64 before = window.currentArticleId();
        QSignalSpy imported(&window, &MainWindow::importFinished);
        QSignalSpy elsewhere(workspace.get(), &Workspace::changedElsewhere);
        window.importPaths({test::dataPath(u"pages"_s)});
        QVERIFY(imported.wait(60000));
        // The window's own import is not somebody else's work: its summary stays in the status
        // bar, not "Changes made elsewhere".
        QTest::qWait(OthersWatcher::kIntervalMs + 500);
        QCOMPARE(elsewhere.count(), 0);
        QVERIFY2(window.statusBar()->currentMessage().contains(u"Imported"_s),
                 qPrintable(window.statusBar()->currentMessage()));
        const QList<std::pair<qint64, bool>> pages = workspace->library().pagesForResplit().value();
        const qint64 firstNew = workspace->library().pageArticleIds(pages[5].first)->front();
        QTRY_COMPARE(window.currentArticleId(), firstNew);
        QVERIFY(firstNew != before);
        QCOMPARE(window.articleList()->currentIndex().data(ArticleIdRole).toLongLong(), firstNew);
    }

    // Help > Keyboard Shortcuts (F1) lists the window's keys as its menus have them.
    void theShortcutSheetListsTheMenusKeys()
    {
        std::unique_ptr<Workspace> workspace = openWorkspace(m_dir.filePath(u"keys.sqlite3"_s));
        MainWindow window(*workspace, QString());
        const auto *open = window.findChild<QAction *>(u"keyboardShortcuts"_s);
        QVERIFY(open);
        QVERIFY(open->shortcuts().contains(QKeySequence(Qt::Key_F1)));
        ShortcutsDialog dialog(*window.menuBar(), &window);
        QHash<QString, QString> keys;
        int rows = 0;
        for (int g = 0; g < dialog.sheet()->topLevelItemCount(); ++g) {
            const QTreeWidgetItem *group = dialog.sheet()->topLevelItem(g);
            for (int r = 0; r < group->childCount(); ++r) {
                keys.insert(group->child(r)->text(0), group->child(r)->text(1));
                ++rows;
            }
        }
        QVERIFY2(rows >= 20, qPrintable(QString::number(rows)));
        QCOMPARE(keys.value(u"Edit Headline…"_s),
                 QKeySequence(Qt::Key_F2).toString(QKeySequence::NativeText));
        QVERIFY(keys.value(u"Next Article"_s).contains(u"J"_s));
        QVERIFY(keys.contains(u"Save the note"_s));
        for (auto it = keys.cbegin(); it != keys.cend(); ++it)
            QVERIFY2(!it.key().contains(u'&'), qPrintable(it.key())); // no mnemonic marks
    }

    // A Chinese interface names the campaigns in Chinese alone; an English one gives both.
    void campaignsAreNamedInTheInterfaceLanguage()
    {
        const Campaign poverty = builtinCampaigns().front();
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QCOMPARE(Workspace::labelOf(poverty), poverty.nameZh + u" · "_s + poverty.nameEn);
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        QCOMPARE(Workspace::labelOf(poverty), poverty.nameZh);
        std::unique_ptr<Workspace> workspace = openWorkspace(m_dir.filePath(u"zh.sqlite3"_s));
        MainWindow window(*workspace, QString());
        QLocale::setDefault(before);
        int boxes = 0;
        for (const QCheckBox *box : window.inspector()->findChildren<QCheckBox *>()) {
            if (!box->objectName().startsWith(u"campaign-"_s))
                continue;
            ++boxes;
            QVERIFY2(!box->text().contains(QRegularExpression(u"[A-Za-z]"_s)),
                     qPrintable(box->text()));
        }
        QCOMPARE(boxes, 3);
        for (const QAction *action : window.findChildren<QAction *>()) {
            if (action->objectName().startsWith(u"toggle-"_s))
                QVERIFY2(!action->text().contains(u"Poverty"_s) &&
                             !action->text().contains(u"campaign"_s),
                         qPrintable(action->text()));
        }
    }

    void readOnlyLibraryShowsNoticeAndAllowsNoEdit()
    {
        const QString file = m_dir.filePath(u"readonly.sqlite3"_s);
        {
            Result<std::unique_ptr<Library>> writable = Library::open(file);
            QVERIFY(writable.ok());
            QCOMPARE(Importer(*writable.value()).importPaths({test::seedsPath()}).pagesImported, 5);
        }
        Result<std::unique_ptr<Library>> library = Library::open(file, true);
        QVERIFY(library.ok());
        Workspace workspace(std::move(library).value());
        MainWindow window(workspace, test::seedsPath());
        activate(window);
        QVERIFY(!window.isImporting()); // nothing is imported into a read-only library
        QLabel *banner = nullptr;
        for (QLabel *label : window.findChildren<QLabel *>()) {
            if (label->text().contains(u"read-only"_s))
                banner = label;
        }
        QVERIFY(banner);
        QVERIFY(banner->isVisible());
        const qint64 id = window.currentArticleId();
        const QStringList before = workspace.library().article(id).value().campaigns;
        QTest::keyClick(window.articleList(), Qt::Key_3);
        QCOMPARE(workspace.library().article(id).value().campaigns, before);
        QVERIFY(!window.findChild<QAction *>(u"toggle-civilization-city"_s)->isEnabled());
    }

    // Damage found while the window is open (the background check) makes it read-only at once:
    // the banner, and no action that writes, importing included.
    void damageFoundMidSessionTurnsOffEveryEdit()
    {
        std::unique_ptr<Workspace> workspace = openWorkspace(m_dir.filePath(u"damaged.sqlite3"_s));
        MainWindow window(*workspace, test::seedsPath());
        QSignalSpy imported(&window, &MainWindow::importFinished);
        activate(window);
        QVERIFY(imported.wait(60000));
        const auto action = [&](const QString &text) {
            for (QAction *a : window.findChildren<QAction *>()) {
                if (a->text().remove(u'&') == text)
                    return a;
            }
            return static_cast<QAction *>(nullptr);
        };
        QAction *importPages = action(u"Import Pages…"_s);
        QVERIFY(importPages);
        QVERIFY(importPages->isEnabled());
        QVERIFY(window.findChild<QAction *>(u"toggle-anti-crime"_s)->isEnabled());
        window.libraryFoundDamaged(u"Page 11: btreeInitPage() returns error code 11"_s);
        QVERIFY(!importPages->isEnabled());
        QVERIFY(!action(u"Import Folder…"_s)->isEnabled());
        QVERIFY(!window.findChild<QAction *>(u"toggle-anti-crime"_s)->isEnabled());
        const qint64 id = window.currentArticleId();
        const QStringList before = workspace->library().article(id).value().campaigns;
        QTest::keyClick(window.articleList(), Qt::Key_2);
        QCOMPARE(workspace->library().article(id).value().campaigns, before);
    }

    void editsSurviveKill()
    {
        // A child process makes edits through the window and is killed with SIGKILL right after
        // the last one; everything must be in the file.
        const QString file = m_dir.filePath(u"killed.sqlite3"_s);
        {
            Result<std::unique_ptr<Library>> library = Library::open(file);
            QVERIFY(library.ok());
            QCOMPARE(Importer(*library.value()).importPaths({test::seedsPath()}).pagesImported, 5);
        }
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"BR_EDIT_AND_DIE"_s, file);
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(60000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        Result<std::unique_ptr<Library>> library = Library::open(file);
        QVERIFY(library.ok());
        const qint64 first = library.value()->articles().value().first().id;
        QCOMPARE(library.value()->article(first).value().campaigns, QStringList{u"anti-crime"_s});
        const QList<Annotation> notes = library.value()->annotations(first).value();
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes[0].start, 2);
        QCOMPARE(notes[0].end, 9);
    }

    void chineseUserInterface()
    {
        QVERIFY(installTranslations(QLocale(QLocale::Chinese, QLocale::China)));
        std::unique_ptr<Workspace> workspace = openWorkspace(libraryPath());
        MainWindow window(*workspace, QString());
        QStringList menus;
        for (QAction *action : window.menuBar()->actions())
            menus.append(action->text());
        QCOMPARE(menus.first(), u"文件(&F)"_s);
        QVERIFY(menus.contains(u"专项(&C)"_s));
        // The toolbar shows no access keys: "导入版面…", not "导入版面(I)…".
        const auto *toolbar = window.findChild<QToolBar *>(u"mainToolBar"_s);
        QVERIFY(toolbar);
        int labels = 0;
        for (const QAction *action : toolbar->actions()) {
            if (action->isSeparator())
                continue;
            ++labels;
            QVERIFY2(!action->iconText().contains(u'(') && !action->iconText().contains(u'&'),
                     qPrintable(action->iconText()));
        }
        QVERIFY(labels >= 5);
        for (QTranslator *translator : QCoreApplication::instance()->findChildren<QTranslator *>())
            QCoreApplication::removeTranslator(translator);
    }

    // Every string of the interface has its Chinese: lupdate, run over the sources into a copy
    // of the translation, finds nothing new and leaves nothing unfinished.
    void everyStringHasItsChinese()
    {
        const QString lupdate = QLibraryInfo::path(QLibraryInfo::BinariesPath) + u"/lupdate"_s;
        if (!QFileInfo::exists(lupdate))
            QSKIP("lupdate (qt6-l10n-tools) is not installed");
        const QString source = QStringLiteral(BR_TEST_DATA_DIR "/../..");
        const QString copy = m_dir.filePath(u"zh_CN.ts"_s);
        QFile::remove(copy);
        QVERIFY(QFile::copy(source + u"/resources/translations/bulletin-reader_zh_CN.ts"_s, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess run;
        run.setWorkingDirectory(source);
        run.start(lupdate, {u"ui"_s, u"app"_s, u"-ts"_s, copy, u"-no-obsolete"_s, u"-locations"_s,
                            u"none"_s});
        QVERIFY(run.waitForFinished(120000));
        QCOMPARE(run.exitCode(), 0);
        const QString said = QString::fromUtf8(run.readAllStandardOutput());
        QVERIFY2(said.contains(u"(0 new and"_s), qPrintable(said));
        const QByteArray ts = test::readAll(copy);
        QVERIFY(ts.contains("<TS version"));
        const qsizetype unfinished = ts.count("type=\"unfinished\"");
        QVERIFY2(unfinished == 0, qPrintable(u"%1 strings without Chinese"_s.arg(unfinished)));
    }

    void htmlLookingTextShowsAsTyped()
    {
        const QString title = u"<b>扶贫</b><img src=\"file:///etc/passwd\">"_s;
        const QString body =
            u"<script>alert(1)</script>扶贫工作会议召开。<a href=\"http://example.com/\">链接</a>"
            u"<img src=\"data:image/png;base64,AAAA\">"_s;
        const QString file = m_dir.filePath(u"html_title.txt"_s);
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write((title + u"\n\n"_s + body + u"\n"_s).toUtf8());
        }
        const QString path = m_dir.filePath(u"html.sqlite3"_s);
        {
            Result<std::unique_ptr<Library>> library = Library::open(path);
            QVERIFY(library.ok());
            const ImportReport report = Importer(*library.value()).importPaths({file});
            QCOMPARE(report.pagesImported, 1);
        }
        std::unique_ptr<Workspace> workspace = openWorkspace(path);
        MainWindow window(*workspace, QString());
        activate(window);
        QCOMPARE(window.articleModel()->rowCount(), 1);
        QCOMPARE(window.articleModel()->index(0, 0).data().toString(), title);
        // The tooltip is rich text (Qt decides by looks), so it must carry the title escaped.
        QTextDocument tooltip;
        tooltip.setHtml(window.articleModel()->index(0, 0).data(Qt::ToolTipRole).toString());
        QCOMPARE(tooltip.toPlainText(), title);
        const QString shown = window.articleView()->document()->toPlainText();
        QCOMPARE(shown, title + u"\n"_s + body);
        // Nothing was interpreted: no image, no anchor in the document.
        QVERIFY(!window.articleView()->document()->toHtml().contains(u"<img"_s));
        QVERIFY(!window.articleView()->document()->toHtml().contains(u"<a href"_s));
    }
};

// The child of editsSurviveKill: tag and highlight the first article by keyboard, then die.
int editAndDie(int argc, char *argv[])
{
    QApplication app(argc, argv);
    std::unique_ptr<Workspace> workspace = openWorkspace(qEnvironmentVariable("BR_EDIT_AND_DIE"));
    MainWindow window(*workspace, QString());
    window.show();
    QApplication::setActiveWindow(&window);
    if (!QTest::qWaitForWindowActive(&window))
        return 2;
    QTableView *list = window.articleList();
    QTest::keyClick(list, Qt::Key_2);
    QTextCursor cursor(window.articleView()->document());
    cursor.setPosition(2);
    cursor.setPosition(9, QTextCursor::KeepAnchor);
    window.articleView()->setTextCursor(cursor);
    QTest::keyClick(list, Qt::Key_H);
    ::raise(SIGKILL);
    return 0;
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet("BR_EDIT_AND_DIE"))
        return editAndDie(argc, argv);
    QApplication app(argc, argv);
    TestMainWindow test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_gui_mainwindow.moc"
