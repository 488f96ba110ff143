#include "cli/Cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("BulletinReader"));
    QCoreApplication::setApplicationName(QStringLiteral("bulletin-reader"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BR_VERSION));
    return br::cli::run(QCoreApplication::arguments());
}
