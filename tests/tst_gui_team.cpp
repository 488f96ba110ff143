// A window open while others work on the same library: another process on the same file, a
// colleague on the same server. What they save reaches the window within seconds, and never
// while the person is typing a note.

#include "testsupport/CliProcess.h"
#include "testsupport/GuiSupport.h"
#include "testsupport/ServerSupport.h"
#include "testsupport/WorkspaceSupport.h"
#include "ui/AgreementDialog.h"
#include "ui/AgreementModel.h"
#include "ui/ArticleListModel.h"
#include "ui/FileDialogs.h"
#include "ui/InspectorPanel.h"
#include "ui/MainWindow.h"
#include "ui/NoteEditor.h"
#include "ui/OpenLibraryDialog.h"
#include "ui/OthersWatcher.h"
#include "ui/Workspace.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace br;
using namespace br::ui;
using namespace Qt::StringLiterals;

class TestGuiTeam : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString seededLibrary(const QString &backend, const QString &name)
    {
        const QString location = backend == u"file"_s ? m_dir.filePath(name + u".sqlite3"_s)
                                                      : test::freshServerLibrary(name);
        const test::CliRun run =
            test::runCli({u"--db"_s, location, u"import"_s, test::seedsPath()});
        if (run.exitCode != 0)
            qFatal("cannot import the seeds: %s", qPrintable(run.err));
        return location;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the recent libraries go to a test folder
        QVERIFY(m_dir.isValid());
    }

    void othersWorkReachesTheWindow_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("file") << u"file"_s;
        QTest::newRow("server") << u"server"_s;
    }
    void othersWorkReachesTheWindow()
    {
        QFETCH(QString, backend);
        const QString location = seededLibrary(backend, u"team"_s);
        std::unique_ptr<Workspace> workspace =
            std::make_unique<Workspace>(Library::open(location).value());
        MainWindow window(*workspace, QString());
        QSignalSpy searched(window.articleModel(), &ArticleListModel::searchFinished);
        test::activate(window);
        if (window.articleModel()->rowCount() == 0)
            QVERIFY(searched.wait(10000));
        QTRY_VERIFY(window.currentArticleId() > 0);
        const qint64 id = window.currentArticleId();
        // Looked up each time: the campaigns' boxes are made anew when the campaigns change.
        const auto tagged = [&] {
            const auto *box = window.inspector()->findChild<QCheckBox *>(u"campaign-anti-crime"_s);
            return box && box->isChecked();
        };
        const auto *notes = window.inspector()->findChild<QListView *>(u"annotationList"_s);
        QVERIFY(notes);
        QVERIFY(!tagged());
        const int notesBefore = notes->model()->rowCount();

        // A colleague tags the article and highlights a passage, in another process.
        const QString title = workspace->library().article(id)->article.title;
        const QString who = QString::number(id);
        QCOMPARE(test::runCli({u"--db"_s, location, u"tag"_s, who, u"anti-crime"_s}).exitCode, 0);
        QCOMPARE(test::runCli({u"--db"_s, location, u"annotate"_s, who, u"--quote"_s, title.left(4),
                               u"--note"_s, u"同事的批注"_s})
                     .exitCode,
                 0);
        QTRY_VERIFY_WITH_TIMEOUT(tagged(), 3 * OthersWatcher::kIntervalMs + 2000);
        QTRY_COMPARE_WITH_TIMEOUT(notes->model()->rowCount(), notesBefore + 1, 5000);
        QCOMPARE(window.currentArticleId(), id);

        // While the person types a note, the window does not change under the cursor; once the
        // box is left, the change is shown.
        auto *watcher = window.findChild<OthersWatcher *>();
        auto *editor = window.inspector()->findChild<NoteEditor *>();
        QVERIFY(watcher && editor);
        editor->setEnabled(true);
        editor->setFocus();
        QTRY_VERIFY(editor->hasFocus());
        QCOMPARE(test::runCli({u"--db"_s, location, u"tag"_s, who, u"anti-crime"_s, u"--remove"_s})
                     .exitCode,
                 0);
        watcher->check();
        QTest::qWait(200);
        QVERIFY(tagged());
        window.articleList()->setFocus();
        QTRY_VERIFY(!editor->hasFocus());
        watcher->check();
        QTRY_VERIFY_WITH_TIMEOUT(!tagged(), 5000);
    }

    // The File menu of a library on a server offers a copy to a file instead of backups the
    // server keeps itself; the copy holds every article and the person's work.
    void aServerLibraryIsCopiedToAFile()
    {
        const QString location = seededLibrary(u"server"_s, u"take_home"_s);
        std::unique_ptr<Workspace> workspace =
            std::make_unique<Workspace>(Library::open(location).value());
        const qint64 first = workspace->library().articles()->front().id;
        workspace->toggleCampaign(first, u"anti-crime"_s);
        MainWindow window(*workspace, QString());
        QStringList fileMenu;
        QAction *copy = nullptr;
        for (QAction *a : window.findChildren<QAction *>()) {
            fileMenu.append(a->text());
            if (a->text() == u"&Copy Library to a File…"_s)
                copy = a;
        }
        QVERIFY(copy);
        QVERIFY(!fileMenu.contains(u"&Back Up Library…"_s));
        QVERIFY(!fileMenu.contains(u"&Restore from Backup…"_s));
        const QString file = m_dir.filePath(u"taken-home.sqlite3"_s);
        FileDialogs::setDialogDriver([&](QFileDialog &dialog) {
            dialog.selectFile(file);
            dialog.setResult(QDialog::Accepted);
        });
        copy->trigger();
        std::unique_ptr<Library> copied = Library::open(file).value();
        QCOMPARE(copied->articleCount().value(), workspace->library().articleCount().value());
        QCOMPARE(copied->article(first)->campaigns, QStringList{u"anti-crime"_s});
        // Not over an existing file: said, and the file is as it was.
        copy->trigger();
        FileDialogs::setDialogDriver({});
        QVERIFY(window.statusBar()->currentMessage().contains(u"exists already"_s));
        QCOMPARE(copied->articleCount().value(), workspace->library().articleCount().value());
    }

    // A colleague tags the article shown before the window has caught up; the person, seeing
    // no tag, asks for it (the box, the number key): nothing is overwritten or taken off, the
    // colleague stays who set it, the person is told, and the window shows the tag. Asked to
    // take off a tag the colleague took off meanwhile, the same.
    void aTagFromAStaleViewOverwritesNothing_data() { othersWorkReachesTheWindow_data(); }
    void aTagFromAStaleViewOverwritesNothing()
    {
        QFETCH(QString, backend);
        const QString location = seededLibrary(backend, u"stale_tag"_s);
        std::unique_ptr<Workspace> workspace =
            std::make_unique<Workspace>(Library::open(location).value());
        MainWindow window(*workspace, QString());
        test::activate(window);
        window.showArticleById(1);
        QTRY_COMPARE(window.currentArticleId(), 1);
        auto *box = window.inspector()->findChild<QCheckBox *>(u"campaign-poverty-relief"_s);
        QVERIFY(box && !box->isChecked());
        const auto colleague = [&](const QStringList &args) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"BULLETIN_READER_USER"_s, u"wang"_s);
            QString db = location;
            if (backend == u"server"_s) {
                test::serverRole(u"wang"_s);
                db.replace(u"postgresql://postgres@"_s, u"postgresql://wang@"_s);
            }
            const test::CliRun run = test::runCli(QStringList{u"--db"_s, db} + args, env);
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        };
        // Said in a message and on the status bar.
        const auto shownMessage = [&] { return window.statusBar()->currentMessage(); };
        // The person's own judgment of poverty relief on article 1: 1, 0, or -1 for none.
        const auto judged = [&] {
            const QList<Coding> all = workspace->library().codings(1).value();
            for (const Coding &c : all) {
                if (c.coder == workspace->library().author() && c.campaign == u"poverty-relief"_s)
                    return c.applies ? 1 : 0;
            }
            return -1;
        };
        colleague({u"tag"_s, u"1"_s, u"poverty-relief"_s});
        const int steps = workspace->undoStack()->count();
        box->click(); // as a person clicks it: ticked, and clicked(true)
        QCOMPARE(workspace->undoStack()->count(), steps + 1); // their judgment is a step
        QTRY_VERIFY(box->isChecked());
        QCOMPARE(workspace->library().article(1)->tags.front().setBy, u"wang"_s);
        QVERIFY2(shownMessage().contains(u"wang tagged"_s), qPrintable(shownMessage()));
        QCOMPARE(judged(), 1);
        // Its undo takes back their judgment, never the colleague's tag.
        workspace->undoStack()->undo();
        QCOMPARE(judged(), -1);
        QCOMPARE(workspace->library().article(1)->tags.size(), 1);
        QCOMPARE(workspace->library().article(1)->tags.front().setBy, u"wang"_s);
        // The window catches up; the colleague takes it off; the person's key asks to take it
        // off too.
        QTRY_VERIFY(box->isChecked());
        colleague({u"tag"_s, u"1"_s, u"poverty-relief"_s, u"--remove"_s});
        window.findChild<QAction *>(u"toggle-poverty-relief"_s)->trigger();
        QVERIFY(workspace->library().article(1)->campaigns.isEmpty());
        QCOMPARE(judged(), 0);
        QTRY_VERIFY(!box->isChecked());
        QVERIFY2(shownMessage().contains(u"taken off"_s), qPrintable(shownMessage()));
        // From a view that is up to date, the key tags as before.
        window.findChild<QAction *>(u"toggle-poverty-relief"_s)->trigger();
        QCOMPARE(workspace->undoStack()->count(), steps + 2);
        QCOMPARE(workspace->library().article(1)->campaigns, QStringList{u"poverty-relief"_s});
        QCOMPARE(judged(), 1);
    }

    // A county chosen while a colleague's correction has not reached the window is refused
    // with a message, the colleague's stays and is shown; an undo of the person's own step,
    // once a colleague corrected it again, undoes nothing of theirs.
    void aStaleCorrectionOverwritesNothing()
    {
        const QString location = seededLibrary(u"file"_s, u"stale_county"_s);
        std::unique_ptr<Workspace> workspace =
            std::make_unique<Workspace>(Library::open(location).value());
        const std::unique_ptr<Library> colleague = Library::open(location).value();
        MainWindow window(*workspace, QString());
        test::activate(window);
        window.showArticleById(1);
        QTRY_COMPARE(window.currentArticleId(), 1);
        auto *county = window.inspector()->findChild<QComboBox *>(u"county"_s);
        QVERIFY(county);
        const int other = county->findData(u"371502"_s);
        QVERIFY(other >= 0);

        QVERIFY(colleague->setCounty(1, u"371522"_s).ok());
        const int steps = workspace->undoStack()->count();
        Q_EMIT county->activated(other);
        QCOMPARE(workspace->undoStack()->count(), steps);
        QCOMPARE(workspace->library().article(1)->mainCounty, 371522);
        QVERIFY2(window.statusBar()->currentMessage().contains(u"meanwhile"_s),
                 qPrintable(window.statusBar()->currentMessage()));
        QTRY_COMPARE(county->currentData().toString(), u"371522"_s);

        // Now over what is shown: it goes in. A colleague corrects it again; the person's undo
        // leaves theirs.
        Q_EMIT county->activated(county->findData(u"371502"_s));
        QCOMPARE(workspace->undoStack()->count(), steps + 1);
        QCOMPARE(workspace->library().article(1)->mainCounty, 371502);
        QVERIFY(colleague->setCounty(1, u"371581"_s).ok());
        workspace->undoStack()->undo();
        QCOMPARE(workspace->library().article(1)->mainCounty, 371581);
    }

    // File > Open Library: a server's fields make its URL; a wrong one is said in the dialog,
    // which stays; a right one, or a new file the person agrees to make, opens in a window of
    // its own (another run of the program with --db) and is offered again under Open Recent.
    void anotherLibraryOpensInAWindowOfItsOwn()
    {
        QSettings().remove(u"recentLibraries"_s); // what the other tests' windows left
        const QString location = seededLibrary(u"file"_s, u"first_window"_s);
        std::unique_ptr<Workspace> workspace =
            std::make_unique<Workspace>(Library::open(location).value());
        MainWindow window(*workspace, QString());
        QList<QStringList> launched;
        window.setLibraryLauncher([&](const QStringList &arguments) {
            launched.append(arguments);
            return true;
        });
        const QString admin = test::serverUrl();
        const QString socketFolder = admin.mid(admin.indexOf(u"host="_s) + 5);
        const QString team = test::freshServerLibrary(u"opened_from_window"_s);
        QString shownUrl;
        QString refusal;
        const auto fillServer = [&](const QString &database) {
            window.setLibraryDialogDriver([&, database](OpenLibraryDialog &dialog) {
                dialog.serverChoice()->setChecked(true);
                dialog.hostEdit()->setText(socketFolder);
                dialog.databaseEdit()->setText(database);
                dialog.userEdit()->setText(u"postgres"_s);
                shownUrl = dialog.urlLabel()->text();
                dialog.accept();
                refusal = dialog.errorLabel()->text();
            });
        };
        fillServer(u"no_such_library"_s);
        window.chooseLibrary();
        QVERIFY(launched.isEmpty());
        QVERIFY2(refusal.contains(u"no_such_library"_s), qPrintable(refusal));
        fillServer(u"opened_from_window"_s);
        window.chooseLibrary();
        QCOMPARE(shownUrl, team);
        QVERIFY2(refusal.isEmpty(), qPrintable(refusal));
        QCOMPARE(launched.size(), 1);
        QCOMPARE(launched.front(), (QStringList{u"--db"_s, team}));

        const QString newFile = m_dir.filePath(u"new library.sqlite3"_s);
        window.setLibraryDialogDriver([&](OpenLibraryDialog &dialog) {
            dialog.pathEdit()->setText(newFile);
            FileDialogs::setNextConfirmation(true);
            dialog.accept();
        });
        window.chooseLibrary();
        QCOMPARE(launched.size(), 2);
        QCOMPARE(launched.back(), (QStringList{u"--db"_s, newFile}));
        QVERIFY(QFileInfo::exists(newFile));

        auto *file = window.menuBar()->actions().front()->menu();
        QMenu *recent = nullptr;
        for (QAction *a : file->actions()) {
            if (a->menu() && a->text().contains(u"Recent"_s))
                recent = a->menu();
        }
        QVERIFY(recent);
        Q_EMIT recent->aboutToShow();
        QStringList offered;
        for (QAction *a : recent->actions())
            offered.append(a->text());
        QCOMPARE(offered, (QStringList{newFile, team})); // newest first, not this window's own
        recent->actions().back()->trigger();
        QCOMPARE(launched.back(), (QStringList{u"--db"_s, team}));
    }

    // Two coders on one file: a colleague's judgments come from the command line, the person's
    // from the window (a tag, Mark as Coded, and an undo that gives their judgments back). The
    // agreement window shows the figures and lists the article they disagree on; activating it
    // shows it.
    void agreementBetweenTwoCoders()
    {
        const QString location = seededLibrary(u"file"_s, u"agreement"_s);
        QProcessEnvironment colleague = QProcessEnvironment::systemEnvironment();
        colleague.insert(u"BULLETIN_READER_USER"_s, u"wang"_s);
        for (const QStringList &args : {QStringList{u"tag"_s, u"1"_s, u"poverty-relief"_s},
                                        QStringList{u"tag"_s, u"2"_s, u"poverty-relief"_s},
                                        QStringList{u"tag"_s, u"3"_s, u"--coded"_s}}) {
            const test::CliRun run =
                test::runCli(QStringList{u"--db"_s, location} + args, colleague);
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        }
        qputenv("BULLETIN_READER_USER", "li");
        std::unique_ptr<Workspace> workspace =
            std::make_unique<Workspace>(Library::open(location).value());
        qunsetenv("BULLETIN_READER_USER");
        MainWindow window(*workspace, QString());
        test::activate(window);
        // li agrees on 1 (marks it coded as tagged), not on 2 (takes the tag off), codes 3
        // with nothing either.
        workspace->markCoded(1);
        workspace->toggleCampaign(2, u"poverty-relief"_s);
        workspace->markCoded(3);
        QCOMPARE(workspace->library().article(1)->codedBy, (QStringList{u"li"_s, u"wang"_s}));
        // Undone, li's judgments of 3 are as before: none.
        workspace->undoStack()->undo();
        QCOMPARE(workspace->library().article(3)->codedBy, QStringList{u"wang"_s});
        workspace->undoStack()->redo();
        QCOMPARE(workspace->library().article(3)->codedBy, (QStringList{u"li"_s, u"wang"_s}));

        window.showArticleById(1);
        QTRY_COMPARE(window.currentArticleId(), 1);
        const auto *codedBy = window.inspector()->findChild<QLabel *>(u"codedBy"_s);
        QVERIFY(codedBy);
        QVERIFY2(codedBy->text().contains(u"li, wang"_s), qPrintable(codedBy->text()));

        window.showAgreement();
        AgreementDialog *dialog = window.agreementDialog();
        QVERIFY(dialog && dialog->isVisible());
        QAbstractItemModelTester tester(dialog->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        AgreementModel *model = dialog->model();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->data(model->index(0, AgreementModel::ArticlesColumn)).toInt(), 3);
        // li yes no no, wang yes yes no: po 2/3, pe 1/3 * 2/3 + 2/3 * 1/3 = 4/9, kappa 0.4.
        QCOMPARE(model->data(model->index(0, AgreementModel::MeasureColumn)).toString(),
                 QLocale().toString(0.4, 'f', 3));
        QCOMPARE(model->data(model->index(0, AgreementModel::FirstOnlyColumn)).toInt(), 0);
        QCOMPARE(model->data(model->index(0, AgreementModel::SecondOnlyColumn)).toInt(), 1);
        QCOMPARE(model->headerData(AgreementModel::SecondOnlyColumn, Qt::Horizontal).toString(),
                 u"Only wang"_s);
        QCOMPARE(model->data(model->index(2, AgreementModel::MeasureColumn)).toString(), u"—"_s);

        QTreeWidget *list = dialog->disagreementList();
        dialog->table()->selectRow(0);
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(0), u"2"_s);
        QCOMPARE(list->topLevelItem(0)->text(2), u"li: no · wang: yes"_s);
        list->setCurrentItem(list->topLevelItem(0));
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Return);
        QTRY_COMPARE(window.currentArticleId(), 2);

        // Coding elsewhere shows at once: li tags 2 again, and they agree everywhere.
        workspace->toggleCampaign(2, u"poverty-relief"_s);
        QTRY_COMPARE(list->topLevelItemCount(), 0);
        QCOMPARE(model->data(model->index(0, AgreementModel::MeasureColumn)).toString(),
                 QLocale().toString(1.0, 'f', 3));
    }
};

QTEST_MAIN(TestGuiTeam)
#include "tst_gui_team.moc"
