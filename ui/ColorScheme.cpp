#include "ColorScheme.h"

#include <QApplication>
#include <QDir>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleFactory>

namespace br::ui::ColorScheme {

namespace {

std::optional<Scheme> fromWord(const QString &word)
{
    const QString w = word.toLower();
    if (w.contains(QLatin1StringView("dark")))
        return Scheme::Dark;
    if (w.contains(QLatin1StringView("light")) || w.contains(QLatin1StringView("default")))
        return Scheme::Light;
    return std::nullopt;
}

} // namespace

Scheme desktopScheme()
{
    if (const auto chosen = fromWord(qEnvironmentVariable("BULLETIN_READER_THEME")))
        return *chosen;
    // GTK_THEME=Adwaita:dark, or a theme named …-dark.
    if (fromWord(qEnvironmentVariable("GTK_THEME")) == Scheme::Dark)
        return Scheme::Dark;
    // GNOME 42 and later: org.gnome.desktop.interface color-scheme 'prefer-dark'.
    const QString gsettings = QStandardPaths::findExecutable(QStringLiteral("gsettings"));
    if (!gsettings.isEmpty() && !qEnvironmentVariableIsEmpty("DISPLAY")) {
        QProcess ask;
        ask.start(gsettings, {QStringLiteral("get"), QStringLiteral("org.gnome.desktop.interface"),
                              QStringLiteral("color-scheme")});
        if (ask.waitForFinished(500) && ask.exitCode() == 0 &&
            fromWord(QString::fromUtf8(ask.readAllStandardOutput())) == Scheme::Dark)
            return Scheme::Dark;
    }
    // KDE Plasma: the colour scheme's name in kdeglobals (Breeze Dark).
    const QString kde = QDir::home().filePath(QStringLiteral(".config/kdeglobals"));
    if (QFile::exists(kde)) {
        const QSettings globals(kde, QSettings::IniFormat);
        if (fromWord(globals.value(QStringLiteral("General/ColorScheme")).toString()) ==
            Scheme::Dark)
            return Scheme::Dark;
    }
    return Scheme::Light;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xe8, 0xe8, 0xe8);
    const QColor muted(0x9a, 0x9a, 0x9a);
    const QColor highlight(0x3d, 0x8e, 0xd8);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::ToolTipBase, QColor(0x33, 0x33, 0x33));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, muted);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4a));
    p.setColor(QPalette::Midlight, QColor(0x3e, 0x3e, 0x3e));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x18));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xf0));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xe8));
    for (const QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, QColor(0x7a, 0x7a, 0x7a));
    }
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
    return p;
}

void follow()
{
    if (desktopScheme() != Scheme::Dark || isDark(QApplication::palette()))
        return;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(darkPalette());
}

} // namespace br::ui::ColorScheme
