#include "FileDialogs.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QMessageBox>
#include <QMimeDatabase>

namespace br::ui {

QIcon NameOnlyIconProvider::icon(const QFileInfo &info) const
{
    if (info.isDir())
        return icon(QFileIconProvider::Folder);
    const QMimeType mime =
        QMimeDatabase().mimeTypeForFile(info.fileName(), QMimeDatabase::MatchExtension);
    const QIcon fallback = icon(QFileIconProvider::File);
    return QIcon::fromTheme(mime.iconName(), QIcon::fromTheme(mime.genericIconName(), fallback));
}

QString NameOnlyIconProvider::type(const QFileInfo &info) const
{
    if (info.isDir())
        // Qt's own word for it has no Chinese in Qt's translations.
        return QCoreApplication::translate("br::ui::FileDialogs", "Folder");
    return QMimeDatabase()
        .mimeTypeForFile(info.fileName(), QMimeDatabase::MatchExtension)
        .comment();
}

namespace FileDialogs {

namespace {

std::function<void(QFileDialog &)> &driver()
{
    static std::function<void(QFileDialog &)> d;
    return d;
}

NameOnlyIconProvider &iconProvider()
{
    static NameOnlyIconProvider provider;
    return provider;
}

// Runs the dialog (or hands it to the test's driver) and returns the chosen paths.
QStringList run(QFileDialog &dialog)
{
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setIconProvider(&iconProvider());
    if (driver()) {
        driver()(dialog);
        return dialog.result() == QDialog::Accepted ? dialog.selectedFiles() : QStringList();
    }
    return dialog.exec() == QDialog::Accepted ? dialog.selectedFiles() : QStringList();
}

} // namespace

QStringList openFileNames(QWidget *parent, const QString &caption, const QString &filter,
                          const QString &folder)
{
    QFileDialog dialog(parent, caption, folder, filter);
    dialog.setFileMode(QFileDialog::ExistingFiles);
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    return run(dialog);
}

QString existingDirectory(QWidget *parent, const QString &caption)
{
    QFileDialog dialog(parent, caption);
    dialog.setFileMode(QFileDialog::Directory);
    dialog.setOption(QFileDialog::ShowDirsOnly);
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    return run(dialog).value(0);
}

QString saveFileName(QWidget *parent, const QString &caption, const QString &suggestedName,
                     const QString &filter)
{
    QFileDialog dialog(parent, caption, QString(), filter);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.selectFile(suggestedName);
    return run(dialog).value(0);
}

namespace {
std::optional<bool> &nextConfirmation()
{
    static std::optional<bool> answer;
    return answer;
}
} // namespace

bool confirm(QWidget *parent, const QString &question, const QString &details)
{
    if (std::optional<bool> answer = std::exchange(nextConfirmation(), std::nullopt))
        return *answer;
    QMessageBox box(QMessageBox::Question, QCoreApplication::applicationName(), question,
                    QMessageBox::Yes | QMessageBox::No, parent);
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(details);
    box.setDefaultButton(QMessageBox::No);
    return box.exec() == QMessageBox::Yes;
}

void setNextConfirmation(bool answer)
{
    nextConfirmation() = answer;
}

void setDialogDriver(std::function<void(QFileDialog &)> d)
{
    driver() = std::move(d);
}

} // namespace FileDialogs

} // namespace br::ui
