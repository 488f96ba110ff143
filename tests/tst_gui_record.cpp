// Mending the split in the window, by keyboard: merge with the next article, split at the
// cursor, edit the headline, undo each; the review list for highlights whose text changed.

#include "testsupport/ExportSupport.h"
#include "testsupport/GuiSupport.h"
#include "testsupport/WorkspaceSupport.h"
#include "text/CodePoints.h"
#include "ui/AnnotationReviewModel.h"
#include "ui/AnnotationReviewPanel.h"
#include "ui/ArticleListModel.h"
#include "ui/ArticleView.h"
#include "ui/FileDialogs.h"
#include "ui/HeadlineDialog.h"
#include "ui/InspectorPanel.h"
#include "ui/MainWindow.h"
#include "ui/Roles.h"
#include "ui/UnitMergeDialog.h"
#include "ui/Workspace.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCollator>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTimer>

using namespace br;
using namespace br::ui;
using br::test::activate;
using namespace Qt::StringLiterals;

namespace {

// The document position where `text` starts in the article view.
int positionOf(ArticleView *view, const QString &text)
{
    return static_cast<int>(view->document()->toPlainText().indexOf(text));
}

} // namespace

class TestGuiRecord : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir; // every test's libraries, each under its own name

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the window's settings stay out of $HOME
        QVERIFY(m_dir.isValid());
    }

    void mergeSplitAndHeadlineByKeyboardWithUndo()
    {
        std::unique_ptr<Workspace> workspace =
            test::seededWorkspace(m_dir.filePath(u"gui-record.sqlite3"_s));
        Library &lib = workspace->library();
        MainWindow window(*workspace, QString());
        QAbstractItemModelTester listTester(window.articleModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester reviewTester(
            window.reviewPanel()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        activate(window);
        const QList<qint64> page = lib.pageArticleIds(1).value();
        const int rows = window.articleModel()->rowCount();
        window.showArticleById(page[0]);
        QCOMPARE(window.currentArticleId(), page[0]);
        workspace->toggleCampaign(page[1], u"anti-crime"_s);
        const QString secondTitle = lib.article(page[1])->article.title;

        // Merge: one row fewer, the merged article shown with the second title inside it.
        QTest::keyClick(&window, Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(window.articleModel()->rowCount(), rows - 1);
        QCOMPARE(window.currentArticleId(), page[0]);
        QVERIFY(window.articleView()->document()->toPlainText().contains(secondTitle));
        QVERIFY(lib.article(page[0])->campaigns.contains(u"anti-crime"_s));
        QCOMPARE(workspace->undoStack()->undoText(), u"Merge with next article"_s);

        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(window.articleModel()->rowCount(), rows);
        QCOMPARE(lib.pageArticleIds(1).value(), page);
        QCOMPARE(lib.article(page[1])->campaigns, QStringList{u"anti-crime"_s});

        // Split at the cursor, inside the second paragraph block of the first article.
        window.showArticleById(page[0]);
        ArticleView *view = window.articleView();
        const ArticleDetail first = lib.article(page[0]).value();
        const Block &cutBlock = first.article.blocks[2];
        const int cutAt = positionOf(view, cutBlock.text) + 10;
        QTextCursor cursor(view->document());
        cursor.setPosition(cutAt);
        view->setTextCursor(cursor);
        view->setFocus();
        QTest::keyClick(&window, Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(window.articleModel()->rowCount(), rows + 1);
        const qint64 newId = window.currentArticleId();
        QVERIFY(newId != page[0]);
        const ArticleDetail second = lib.article(newId).value();
        QCOMPARE(second.article.blocks.front().text, cutBlock.text.mid(10));
        QCOMPARE(lib.article(page[0])->article.blocks.last().text, cutBlock.text.left(10));
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(window.articleModel()->rowCount(), rows);
        QCOMPARE(lib.article(page[0])->article.blocks, first.article.blocks);

        // The cursor at the end of a paragraph: the new article starts with the next one.
        window.showArticleById(page[0]);
        QTextCursor atEnd(view->document());
        atEnd.setPosition(positionOf(view, cutBlock.text) + static_cast<int>(cutBlock.text.size()));
        view->setTextCursor(atEnd);
        QTest::keyClick(&window, Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(window.articleModel()->rowCount(), rows + 1);
        const ArticleDetail next = lib.article(window.currentArticleId()).value();
        QCOMPARE(first.article.blocks[3].type, Block::Type::Subhead); // it becomes the title
        QCOMPARE(next.article.title, first.article.blocks[3].text);
        QCOMPARE(next.article.blocks.front(), first.article.blocks[4]);
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(lib.article(page[0])->article.blocks, first.article.blocks);

        // A highlight on the title; F2 sets a new title; the highlight waits for review.
        window.showArticleById(page[0]);
        const QString title = first.article.title;
        const int titleAt = positionOf(view, title);
        workspace->addHighlight(page[0], titleAt, titleAt + static_cast<int>(title.size()),
                                u"#ffe066"_s, u"标题的笔记"_s);
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<HeadlineDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->titleEdit()->setText(u"聊城卫生系统净化行业环境"_s);
            dialog->accept();
        });
        QTest::keyClick(&window, Qt::Key_F2);
        activate(window); // the offscreen platform gives no window the focus back after a dialog
        QCOMPARE(lib.article(page[0])->article.title, u"聊城卫生系统净化行业环境"_s);
        QVERIFY(window.reviewDock()->isVisible());
        AnnotationReviewModel *review = window.reviewPanel()->model();
        QCOMPARE(review->rowCount(), 1);
        QCOMPARE(review->index(0, AnnotationReviewModel::QuoteColumn).data().toString(), title);
        QCOMPARE(review->at(0)->anchor, AnchorState::Orphaned);

        // Attach it to a passage the person selects in the new title.
        const int newTitleAt = positionOf(view, u"净化行业环境"_s);
        QTextCursor select(view->document());
        select.setPosition(newTitleAt);
        select.setPosition(newTitleAt + 6, QTextCursor::KeepAnchor);
        view->setTextCursor(select);
        auto *attach = window.reviewPanel()->findChild<QPushButton *>();
        QVERIFY(attach);
        for (QPushButton *b : window.reviewPanel()->findChildren<QPushButton *>()) {
            if (b->text().contains(u"ttach"_s))
                attach = b;
        }
        QVERIFY(attach->isEnabled());
        attach->click();
        QCOMPARE(review->rowCount(), 0);
        const Annotation attached = lib.annotations(page[0])->front();
        QCOMPARE(attached.quote, u"净化行业环境"_s);
        QCOMPARE(attached.note, u"标题的笔记"_s);
        QCOMPARE(attached.anchor, AnchorState::Exact);

        // Undo the attachment, then the headline: the highlight is back on the old title.
        QCOMPARE(workspace->undoStack()->undoText(), u"Attach highlight to selection"_s);
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(review->rowCount(), 1);
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(lib.article(page[0])->article.title, title);
        const Annotation back = lib.annotations(page[0])->front();
        QCOMPARE(back.anchor, AnchorState::Exact);
        QCOMPARE(back.quote, title);
        QCOMPARE(review->rowCount(), 0);
    }

    void aNoteBeingWrittenIsNeverLost()
    {
        std::unique_ptr<Workspace> workspace =
            test::seededWorkspace(m_dir.filePath(u"gui-notes.sqlite3"_s));
        Library &lib = workspace->library();
        MainWindow window(*workspace, QString());
        activate(window);
        const QList<qint64> page = lib.pageArticleIds(1).value();
        window.showArticleById(page[0]);
        const int at = positionOf(window.articleView(), u"医闹线索6条"_s);
        workspace->addHighlight(page[0], at, at + 6, u"#ffe066"_s);
        window.inspector()->focusNoteEditor();
        auto *box = window.inspector()->findChild<QPlainTextEdit *>(u"noteEditor"_s);
        QVERIFY(box);
        QTRY_VERIFY(box->hasFocus());
        const auto type = [&](const QString &text) {
            QKeyEvent typed(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, text);
            QApplication::sendEvent(box, &typed);
        };
        type(u"第一行"_s);
        QTest::keyClick(box, Qt::Key_Return); // a new line, not a save
        type(u"第二行"_s);
        QTest::keyClick(box, Qt::Key_Z, Qt::ControlModifier); // the box's own undo
        QCOMPARE(box->toPlainText(), u"第一行\n"_s);
        type(u"核对"_s);
        QVERIFY(lib.annotations(page[0])->front().note.isEmpty()); // nothing saved yet
        // The person moves to another article without pressing anything: the note is kept.
        window.showArticleById(page[1]);
        QCOMPARE(lib.annotations(page[0])->front().note, u"第一行\n核对"_s);
        QCOMPARE(workspace->undoStack()->undoText(), u"Edit note"_s);
        workspace->undoStack()->undo();
        QVERIFY(lib.annotations(page[0])->front().note.isEmpty());
    }

    void mergingAUnitChoosesNothingForThePerson()
    {
        std::unique_ptr<Workspace> workspace =
            test::seededWorkspace(m_dir.filePath(u"gui-units.sqlite3"_s));
        Library &lib = workspace->library();
        MainWindow window(*workspace, QString());
        activate(window);
        const qint64 first = lib.pageArticleIds(1)->front();
        window.showArticleById(first);
        const QString unit = lib.article(first)->unit;
        QVERIFY(!unit.isEmpty());
        QPushButton *merge = nullptr;
        for (QPushButton *b : window.inspector()->findChildren<QPushButton *>()) {
            if (b->text() == u"Merge into…"_s)
                merge = b;
        }
        QVERIFY(merge && merge->isEnabled());
        bool looked = false;
        QString offered;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<UnitMergeDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            looked = true;
            // Nothing chosen yet: Enter does nothing, OK is off.
            QVERIFY(dialog->unitList()->selectionModel()->selectedIndexes().isEmpty());
            QTest::keyClick(dialog->searchEdit(), Qt::Key_Return);
            QVERIFY(dialog->isVisible());
            // Typing narrows the list; the person picks one.
            dialog->searchEdit()->setText(u"卫生"_s); // as an input method delivers it
            QAbstractItemModel *shown = dialog->unitList()->model();
            QVERIFY(shown->rowCount() >= 1);
            for (int row = 0; row < shown->rowCount(); ++row)
                QVERIFY(shown->index(row, 0).data().toString().contains(u"卫生"_s));
            dialog->unitList()->setCurrentIndex(shown->index(0, 0));
            offered = dialog->chosen();
            dialog->accept();
        });
        merge->click();
        QVERIFY(looked);
        QVERIFY(!offered.isEmpty());
        QCOMPARE(lib.unitMergedInto(unit).value(), offered);
    }

    void everyColumnsFirstClickSortsAscending()
    {
        std::unique_ptr<Workspace> workspace =
            test::seededWorkspace(m_dir.filePath(u"gui-sort.sqlite3"_s));
        MainWindow window(*workspace, QString());
        activate(window);
        QHeaderView *header = window.articleList()->horizontalHeader();
        const auto click = [&](int column) {
            QTest::mouseClick(
                header->viewport(), Qt::LeftButton, {},
                QPoint(header->sectionViewportPosition(column) + 5, header->height() / 2));
        };
        click(ArticleListModel::TitleColumn);
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
        click(ArticleListModel::TitleColumn);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        click(ArticleListModel::PageColumn); // another column starts ascending again
        QCOMPARE(header->sortIndicatorSection(), int(ArticleListModel::PageColumn));
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
        // Titles by pinyin: 阿 (a) before 北 (bei), though 北 comes first in code points.
        click(ArticleListModel::TitleColumn);
        const QCollator chinese{QLocale(QLocale::Chinese, QLocale::China)};
        QAbstractItemModel *list = window.articleModel();
        for (int row = 1; row < list->rowCount(); ++row) {
            const QString above =
                list->index(row - 1, ArticleListModel::TitleColumn).data().toString();
            const QString below = list->index(row, ArticleListModel::TitleColumn).data().toString();
            QVERIFY2(!chinese(below, above), qPrintable(above + u" / "_s + below));
        }
    }

    void exportsTheRecordAndImportsAProjectBack()
    {
        std::unique_ptr<Workspace> workspace =
            test::seededWorkspace(m_dir.filePath(u"gui-export.sqlite3"_s));
        Library &lib = workspace->library();
        MainWindow window(*workspace, QString());
        activate(window);
        const qint64 first = lib.pageArticleIds(1)->front();
        workspace->toggleCampaign(first, u"anti-crime"_s);
        window.showArticleById(first);
        const int at = positionOf(window.articleView(), u"医闹线索6条"_s);
        workspace->addHighlight(first, at, at + 6, u"#ffe066"_s, u"线索"_s);

        const QString notes = m_dir.filePath(u"notes.csv"_s);
        QVERIFY(test::exportAndWait(window, notes, u"csv"_s, true));
        const QString csv = QString::fromUtf8(test::readAll(notes));
        QVERIFY(csv.contains(u"医闹线索6条"_s));
        QVERIFY(csv.contains(u"线索"_s));
        const QString qdpx = m_dir.filePath(u"record.qdpx"_s);
        QVERIFY(test::exportAndWait(window, qdpx, u"qdpx"_s, false));

        // The project opened in a second library through the window's import.
        std::unique_ptr<Workspace> other = test::openWorkspace(m_dir.filePath(u"other.sqlite3"_s));
        MainWindow second(*other, QString());
        QSignalSpy finished(&second, &MainWindow::importFinished);
        second.importPaths({qdpx});
        QVERIFY(finished.wait(60000));
        QCOMPARE(other->library().pageCount().value(), lib.articleCount().value());
        Result<QList<ArticleSummary>> back = other->library().articles();
        const int annotated = static_cast<int>(std::count_if(
            back->begin(), back->end(), [](const ArticleSummary &a) { return a.annotations > 0; }));
        QCOMPARE(annotated, 1);
    }

    void backUpAndRestoreFromTheWindow()
    {
        std::unique_ptr<Workspace> workspace =
            test::seededWorkspace(m_dir.filePath(u"gui-backup.sqlite3"_s));
        Library &lib = workspace->library();
        MainWindow window(*workspace, QString());
        activate(window);
        const qint64 first = lib.pageArticleIds(1)->front();
        const auto trigger = [&](const QString &text) {
            for (QAction *a : window.findChildren<QAction *>()) {
                if (a->text() == text) {
                    a->trigger();
                    return true;
                }
            }
            return false;
        };
        const QString backup = m_dir.filePath(u"before-the-tag.sqlite3"_s);
        FileDialogs::setDialogDriver([&](QFileDialog &dialog) {
            dialog.selectFile(backup);
            dialog.setResult(QDialog::Accepted);
        });
        QVERIFY(trigger(u"&Back Up Library…"_s));
        QVERIFY(QFileInfo::exists(backup));
        workspace->toggleCampaign(first, u"anti-crime"_s);
        QVERIFY(workspace->undoStack()->canUndo());

        // Asked first; no leaves everything as it is.
        FileDialogs::setNextConfirmation(false);
        QVERIFY(trigger(u"&Restore from Backup…"_s));
        QCOMPARE(lib.article(first)->campaigns, QStringList{u"anti-crime"_s});
        FileDialogs::setNextConfirmation(true);
        QVERIFY(trigger(u"&Restore from Backup…"_s));
        FileDialogs::setDialogDriver({});
        QVERIFY(lib.article(first)->campaigns.isEmpty());
        QVERIFY(!workspace->undoStack()->canUndo()); // the history spoke of the library replaced
        QCOMPARE(window.articleModel()->rowCount(), lib.articleCount().value());
    }
};

QTEST_MAIN(TestGuiRecord)
#include "tst_gui_record.moc"
