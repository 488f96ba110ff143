// The window and a command line on one library, as in issue 11.2: a file dialog that lists the
// library's folder must not open the library's files (that drops SQLite's POSIX locks for the
// whole process), so that afterwards the command line does not take itself for the last
// connection, checkpoint and delete the WAL the window still uses; both see each other's writes
// and the library stays whole.
#include "library/SqliteDatabase.h"
#include "testsupport/CliProcess.h"
#include "testsupport/ProcLocks.h"
#include "testsupport/WorkspaceSupport.h"
#include "ui/FileDialogs.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace br;
using namespace Qt::StringLiterals;

namespace {

// What a person does with the dialog: look at the library's folder with every file shown, wait
// until the list has its icons and types, and cancel.
void lookAtTheFolderAndCancel(QFileDialog &dialog, const QString &folder)
{
    auto *model = dialog.findChild<QFileSystemModel *>();
    QVERIFY(model);
    QSignalSpy loaded(model, &QFileSystemModel::directoryLoaded);
    dialog.setDirectory(folder);
    dialog.selectNameFilter(dialog.nameFilters().constLast()); // "All files (*)" where offered
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.contains({folder}), 10000);
    // The gatherer answers for icons and types after the rows appear: let it, and ask for them
    // as the view does.
    const QModelIndex root = model->index(folder);
    for (int row = 0; row < model->rowCount(root); ++row) {
        (void)model->data(model->index(row, 0, root), Qt::DecorationRole);
        (void)model->data(model->index(row, 2, root), Qt::DisplayRole);
    }
    QTest::qWait(800);
    dialog.reject();
}

QStringList campaignsOf(const QString &db, qint64 articleId)
{
    const test::CliRun list = test::runCli({u"--db"_s, db, u"list"_s, u"--json"_s});
    const QJsonArray articles =
        QJsonDocument::fromJson(list.out.toUtf8()).object().value(u"articles"_s).toArray();
    for (const QJsonValue &v : articles) {
        if (v.toObject().value(u"id"_s).toInteger() == articleId) {
            QStringList ids;
            for (const QJsonValue &c : v.toObject().value(u"campaigns"_s).toArray())
                ids.append(c.toString());
            return ids;
        }
    }
    return {};
}

} // namespace

class TestLibraryLocks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { ui::FileDialogs::setDialogDriver({}); }

    void fileDialogsKeepTheLocksAndTheCommandLineSharesTheLibrary()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"library.sqlite3"_s);
        std::unique_ptr<ui::Workspace> workspace = test::seededWorkspace(db);
        ui::MainWindow window(*workspace, QString());
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(test::holdsLockOn(db));
        QVERIFY(test::holdsLockOn(db + u"-shm"_s));

        int dialogs = 0;
        ui::FileDialogs::setDialogDriver([&](QFileDialog &dialog) {
            ++dialogs;
            lookAtTheFolderAndCancel(dialog, dir.path());
        });
        // Import pages, import a folder, export articles: each dialog shows the folder.
        for (const QKeyCombination keys :
             {Qt::ControlModifier | Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier | Qt::Key_O,
              Qt::ControlModifier | Qt::Key_E}) {
            QApplication::setActiveWindow(&window);
            QVERIFY(QTest::qWaitForWindowActive(&window));
            QTest::keyClick(&window, keys.key(), keys.keyboardModifiers());
        }
        QCOMPARE(dialogs, 3);

        QVERIFY2(test::holdsLockOn(db), "a file dialog dropped the lock on the library");
        QVERIFY2(test::holdsLockOn(db + u"-shm"_s), "a file dialog dropped the lock on its -shm");

        // A command on the same library from a shell: it is not the last connection, so the
        // WAL and the shared memory stay, with the window's locks on them.
        QCOMPARE(test::runCli({u"--db"_s, db, u"list"_s}).exitCode, 0);
        QVERIFY(QFile::exists(db + u"-wal"_s));
        QVERIFY(QFile::exists(db + u"-shm"_s));
        QVERIFY(test::holdsLockOn(db + u"-shm"_s));

        // The window's write is seen by the command line ...
        const qint64 article = workspace->library().articles().value().front().id;
        workspace->toggleCampaign(article, u"anti-crime"_s);
        QVERIFY(campaignsOf(db, article).contains(u"anti-crime"_s));
        // ... and the command line's import by the window.
        const qint64 before = workspace->library().articleCount().value();
        QByteArray page = test::readAll(test::seedsPath(u"004_a1b20d376ccfc04f.txt"_s));
        page.replace("聊城", "济南"); // other bytes: a new page
        const QString pagePath = dir.filePath(u"new-page.txt"_s);
        QFile out(pagePath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(page);
        out.close();
        const test::CliRun imported = test::runCli({u"--db"_s, db, u"import"_s, pagePath});
        QCOMPARE(imported.exitCode, 0);
        QVERIFY(workspace->library().articleCount().value() > before);
        workspace->toggleCampaign(article, u"anti-crime"_s);
        QVERIFY(!campaignsOf(db, article).contains(u"anti-crime"_s));

        // Whole, as SQLite and FTS5 check it.
        Result<std::unique_ptr<SqliteDatabase>> check = SqliteDatabase::open(db);
        QVERIFY(check.ok());
        PreparedStatement integrity = check.value()->prepared("PRAGMA integrity_check");
        QVERIFY(integrity && integrity->step() == Statement::Step::Row);
        QCOMPARE(integrity->text(0), u"ok"_s);
        QVERIFY(check.value()
                    ->execScript("INSERT INTO article_fts (article_fts, rank) VALUES "
                                 "('integrity-check', 1);")
                    .ok());
    }

    void aSecondWindowOnTheLibraryHandsOverToTheFirst()
    {
        // The program started twice on one library, as a user double-clicking it would: the
        // second start brings the first window forward and ends; it is no second writer.
        QTemporaryDir dir;
        const QString db = dir.filePath(u"library.sqlite3"_s);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"BULLETIN_READER_SEEDS"_s, dir.filePath(u"no-seeds"_s));
        QProcess first;
        first.setProcessEnvironment(env);
        first.start(QStringLiteral(BR_CLI_PATH), {u"--db"_s, db});
        QVERIFY(first.waitForStarted());
        // The first window listens once its library is open.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(db + u"-wal"_s), 20000);
        QTest::qWait(500);
        QProcess second;
        second.setProcessEnvironment(env);
        second.start(QStringLiteral(BR_CLI_PATH), {u"--db"_s, db});
        QVERIFY(second.waitForFinished(20000));
        QCOMPARE(second.exitCode(), 0);
        QVERIFY2(QString::fromUtf8(second.readAllStandardError()).contains(u"already open"_s),
                 "the second start did not hand over");
        QCOMPARE(first.state(), QProcess::Running);
        first.terminate();
        QVERIFY(first.waitForFinished(20000));
    }
};

QTEST_MAIN(TestLibraryLocks)
#include "tst_gui_library_locks.moc"
