#include "UserGuideDialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLocale>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace br::ui {

QString UserGuideDialog::guideFor(const QLocale &locale)
{
    return locale.language() == QLocale::Chinese ? QStringLiteral(":/guide/guide-zh_CN.html")
                                                 : QStringLiteral(":/guide/guide-en.html");
}

UserGuideDialog::UserGuideDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("User Guide"));
    auto *layout = new QVBoxLayout(this);
    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("userGuide"));
    m_browser->setOpenLinks(false);
    m_browser->setOpenExternalLinks(false);
    QFile guide(guideFor(QLocale()));
    if (guide.open(QIODevice::ReadOnly))
        m_browser->setHtml(QString::fromUtf8(guide.readAll())); // the program's own text
    layout->addWidget(m_browser);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 560);
}

} // namespace br::ui
