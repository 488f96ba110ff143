#pragma once

#include "library/LibraryLocation.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace br::ui {

// Chooses a library to open in a window of its own: a file on this computer, or a library on a
// PostgreSQL server (host or socket folder, port, database, user: the libpq URL they make is
// shown as it is built). Open tries the connection first and keeps the dialog, with the reason,
// when it fails; a file that is not there yet is made only when the person says so.
class OpenLibraryDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit OpenLibraryDialog(QWidget *parent = nullptr);

    // The location as chosen so far (an empty file path when nothing is filled in).
    LibraryLocation location() const;
    bool readOnly() const;
    // The libpq URL of a server's host (or socket folder), port, database and user.
    static QString serverUrl(const QString &host, const QString &port, const QString &database,
                             const QString &user);

    QRadioButton *fileChoice() const { return m_fileChoice; }
    QRadioButton *serverChoice() const { return m_serverChoice; }
    QLineEdit *pathEdit() const { return m_path; }
    QLineEdit *hostEdit() const { return m_host; }
    QLineEdit *portEdit() const { return m_port; }
    QLineEdit *databaseEdit() const { return m_database; }
    QLineEdit *userEdit() const { return m_user; }
    QLabel *urlLabel() const { return m_url; }
    QLabel *errorLabel() const { return m_error; }

    void accept() override;

private:
    void updateState();
    void browse();

    QRadioButton *m_fileChoice = nullptr;
    QRadioButton *m_serverChoice = nullptr;
    QLineEdit *m_path = nullptr;
    QPushButton *m_browse = nullptr;
    QLineEdit *m_host = nullptr;
    QLineEdit *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLabel *m_url = nullptr;
    QCheckBox *m_readOnly = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_open = nullptr;
};

} // namespace br::ui
