#pragma once

#include <QDialog>

class QTextBrowser;

namespace br::ui {

// Help > User Guide: a short guide to the program in the interface's language (the guide is the
// program's own text, shipped with it; nothing is fetched).
class UserGuideDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit UserGuideDialog(QWidget *parent = nullptr);
    QTextBrowser *browser() const { return m_browser; }

    // The guide's resource for the interface's language: Chinese for a Chinese interface,
    // English otherwise.
    static QString guideFor(const QLocale &locale);

private:
    QTextBrowser *m_browser = nullptr;
};

} // namespace br::ui
