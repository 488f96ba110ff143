#include "OpenLibraryDialog.h"

#include "FileDialogs.h"
#include "library/Library.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QUrl>
#include <QVBoxLayout>

namespace br::ui {

OpenLibraryDialog::OpenLibraryDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Open Library"));
    auto *layout = new QVBoxLayout(this);

    m_fileChoice = new QRadioButton(tr("A library &file on this computer"), this);
    layout->addWidget(m_fileChoice);
    auto *fileLine = new QHBoxLayout;
    fileLine->setContentsMargins(24, 0, 0, 0);
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("path"));
    m_path->setPlaceholderText(tr("/path/to/library.sqlite3"));
    m_browse = new QPushButton(tr("&Browse…"), this);
    fileLine->addWidget(m_path, 1);
    fileLine->addWidget(m_browse);
    layout->addLayout(fileLine);

    m_serverChoice = new QRadioButton(tr("A team library on a PostgreSQL &server"), this);
    layout->addWidget(m_serverChoice);
    auto *server = new QFormLayout;
    server->setContentsMargins(24, 0, 0, 0);
    m_host = new QLineEdit(this);
    m_host->setPlaceholderText(tr("db.example.org, or a socket folder such as /run/postgresql"));
    m_port = new QLineEdit(this);
    m_port->setPlaceholderText(QStringLiteral("5432"));
    m_port->setValidator(new QIntValidator(1, 65535, m_port));
    m_database = new QLineEdit(this);
    m_database->setPlaceholderText(tr("the library's database, e.g. archive"));
    m_user = new QLineEdit(qEnvironmentVariable("USER"), this);
    m_user->setPlaceholderText(tr("your login name, when left empty"));
    server->addRow(tr("&Host:"), m_host);
    server->addRow(tr("&Port:"), m_port);
    server->addRow(tr("&Database:"), m_database);
    server->addRow(tr("&User:"), m_user);
    m_url = new QLabel(this);
    m_url->setTextFormat(Qt::PlainText);
    m_url->setTextInteractionFlags(Qt::TextSelectableByMouse);
    server->addRow(tr("URL:"), m_url);
    auto *password = new QLabel(
        tr("A password, if the server asks for one, is read from ~/.pgpass or $PGPASSWORD; it "
           "is never kept by Bulletin Reader."),
        this);
    password->setWordWrap(true);
    server->addRow(QString(), password);
    layout->addLayout(server);

    m_readOnly = new QCheckBox(tr("Open for &reading only"), this);
    layout->addWidget(m_readOnly);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("openError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_open = buttons->addButton(tr("&Open"), QDialogButtonBox::AcceptRole);
    m_open->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &OpenLibraryDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_browse, &QPushButton::clicked, this, &OpenLibraryDialog::browse);
    for (QRadioButton *choice : {m_fileChoice, m_serverChoice})
        connect(choice, &QRadioButton::toggled, this, &OpenLibraryDialog::updateState);
    for (QLineEdit *edit : {m_path, m_host, m_port, m_database, m_user})
        connect(edit, &QLineEdit::textChanged, this, &OpenLibraryDialog::updateState);
    m_fileChoice->setChecked(true);
    resize(620, sizeHint().height());
    updateState();
}

QString OpenLibraryDialog::serverUrl(const QString &host, const QString &port,
                                     const QString &database, const QString &user)
{
    const auto encoded = [](const QString &part) {
        return QString::fromLatin1(QUrl::toPercentEncoding(part.trimmed()));
    };
    QString url = QStringLiteral("postgresql://");
    if (!user.trimmed().isEmpty())
        url += encoded(user) + QLatin1Char('@');
    const bool socketFolder = host.trimmed().startsWith(QLatin1Char('/'));
    if (!socketFolder) {
        url += encoded(host);
        if (!port.trimmed().isEmpty())
            url += QLatin1Char(':') + port.trimmed();
    }
    url += QLatin1Char('/') + encoded(database);
    QStringList query;
    if (socketFolder) {
        // A folder's slashes as they are: the URL stays readable, and libpq reads them so.
        query.append(QStringLiteral("host=") +
                     QString::fromLatin1(QUrl::toPercentEncoding(host.trimmed(), "/")));
        if (!port.trimmed().isEmpty())
            query.append(QStringLiteral("port=") + port.trimmed());
    }
    if (!query.isEmpty())
        url += QLatin1Char('?') + query.join(QLatin1Char('&'));
    return url;
}

LibraryLocation OpenLibraryDialog::location() const
{
    if (m_fileChoice->isChecked())
        return LibraryLocation::file(QDir::cleanPath(m_path->text().trimmed()));
    return LibraryLocation::fromText(
        serverUrl(m_host->text(), m_port->text(), m_database->text(), m_user->text()));
}

bool OpenLibraryDialog::readOnly() const
{
    return m_readOnly->isChecked();
}

void OpenLibraryDialog::updateState()
{
    const bool file = m_fileChoice->isChecked();
    m_path->setEnabled(file);
    m_browse->setEnabled(file);
    for (QLineEdit *edit : {m_host, m_port, m_database, m_user})
        edit->setEnabled(!file);
    m_url->setText(file ? QString() : location().shown());
    m_open->setEnabled(file ? !m_path->text().trimmed().isEmpty()
                            : !m_database->text().trimmed().isEmpty());
    m_error->clear();
}

void OpenLibraryDialog::browse()
{
    const QStringList chosen = FileDialogs::openFileNames(
        this, tr("Open Library"), tr("Bulletin Reader library (*.sqlite3 *.db);;All files (*)"));
    if (!chosen.isEmpty())
        m_path->setText(QDir::toNativeSeparators(chosen.front()));
}

void OpenLibraryDialog::accept()
{
    const LibraryLocation where = location();
    if (where.isFile() && !QFileInfo::exists(where.text())) {
        if (m_readOnly->isChecked()) {
            m_error->setText(tr("There is no library at %1.").arg(where.shown()));
            return;
        }
        if (!FileDialogs::confirm(this, tr("There is no library at %1.").arg(where.shown()),
                                  tr("Make a new, empty library there?")))
            return;
    }
    // Tried here, so a wrong name or an unreachable server is said while the fields are still
    // there to correct; the window of its own opens it again.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<std::unique_ptr<Library>> tried = Library::open(where, m_readOnly->isChecked());
    QApplication::restoreOverrideCursor();
    if (!tried) {
        m_error->setText(tried.errorMessage());
        return;
    }
    QDialog::accept();
}

} // namespace br::ui
