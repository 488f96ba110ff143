#pragma once

#include <QFileIconProvider>
#include <QString>
#include <QStringList>

#include <functional>

class QFileDialog;
class QWidget;

namespace br::ui {

// Icons and type names for file dialogs from the file's name and its stat() alone. Qt's own
// provider asks QMimeDatabase for each file with MatchDefault, which opens and reads any file whose
// name it does not know — the library's -wal and -shm among them — and that one open()/close()
// drops every POSIX lock SQLite holds on the file in this process (seen with strace: QFileDialog →
// QFileInfoGatherer::getInfo → QAbstractFileIconProvider::type → QMimeDatabase::mimeTypeForFile →
// open("library.sqlite3-shm")). This provider never opens a file.
class NameOnlyIconProvider final : public QFileIconProvider
{
public:
    using QFileIconProvider::icon;
    QIcon icon(const QFileInfo &info) const override;
    QString type(const QFileInfo &info) const override;
};

// Every file dialog of the program: Qt's own dialog (a platform dialog in this process could sniff
// file contents the same way) with the NameOnlyIconProvider.
namespace FileDialogs {

QStringList openFileNames(QWidget *parent, const QString &caption, const QString &filter,
                          const QString &folder = QString());
QString existingDirectory(QWidget *parent, const QString &caption);
QString saveFileName(QWidget *parent, const QString &caption, const QString &suggestedName,
                     const QString &filter);

// Asks the person a yes / no question (a destructive step); true for yes. The default is no.
bool confirm(QWidget *parent, const QString &question, const QString &details);
// For tests: the answer the next confirm() gives without showing anything.
void setNextConfirmation(bool answer);

// For tests: called with each dialog once it is set up, instead of showing it; what it leaves
// selected and whether it accepts or rejects it is the answer. Empty: dialogs are shown.
void setDialogDriver(std::function<void(QFileDialog &)> driver);

} // namespace FileDialogs

} // namespace br::ui
