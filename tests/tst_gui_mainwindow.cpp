#include "library/Importer.h"
#include "testsupport/TestSupport.h"
#include "ui/AnnotationListModel.h"
#include "ui/ArticleListModel.h"
#include "ui/ArticleView.h"
#include "ui/DesktopApp.h"
#include "ui/InspectorPanel.h"
#include "ui/MainWindow.h"
#include "ui/Roles.h"
#include "ui/Workspace.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenuBar>
#include <QTranslator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>

using namespace br;
using namespace br::ui;
using namespace Qt::StringLiterals;

namespace {

std::unique_ptr<Workspace> openWorkspace(const QString &path)
{
    Result<std::unique_ptr<Library>> library = Library::open(path);
    if (!library)
        qFatal("cannot open %s", qPrintable(library.errorMessage()));
    return std::make_unique<Workspace>(std::move(library).value());
}

void activate(QWidget &window)
{
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
}

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

            // N opens the note of the highlight just made; Enter saves it.
            QTest::keyClick(list, Qt::Key_N);
            auto *noteEditor = window.inspector()->findChild<QLineEdit *>(u"noteEditor"_s);
            QVERIFY(noteEditor);
            QTRY_VERIFY(noteEditor->hasFocus());
            // Typed as one key event carrying the text, as an input method delivers Chinese.
            QKeyEvent typed(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, u"核实数字"_s);
            QApplication::sendEvent(noteEditor, &typed);
            QCOMPARE(noteEditor->text(), u"核实数字"_s);
            QTest::keyClick(noteEditor, Qt::Key_Return);
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
        for (QTranslator *translator : QCoreApplication::instance()->findChildren<QTranslator *>())
            QCoreApplication::removeTranslator(translator);
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
        const QString shown = window.articleView()->document()->toPlainText();
        QCOMPARE(shown, title + u"\n"_s + body);
        // Nothing was interpreted: no image, no anchor in the document.
        QVERIFY(!window.articleView()->document()->toHtml().contains(u"<img"_s));
        QVERIFY(!window.articleView()->document()->toHtml().contains(u"<a href"_s));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_gui_mainwindow.moc"
