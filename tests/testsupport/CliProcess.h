#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace br::test {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the real program, as a user would from a shell. `wrapper` runs it another way instead: its
// first word is the command, its last the program (setpriv ... -- /copy/of/bulletin-reader, to run
// it as another user).
inline CliRun runCli(const QStringList &arguments,
                     const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                     const QStringList &wrapper = {})
{
    QProcess process;
    process.setProcessEnvironment(env);
    QStringList args = arguments;
    QString program = QStringLiteral(BR_CLI_PATH);
    if (!wrapper.isEmpty()) {
        args = wrapper.mid(1) + arguments;
        program = wrapper.front();
    }
    process.start(program, args);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return {-2, QString::fromUtf8(process.readAllStandardOutput()),
                QStringLiteral("did not finish in 120 s")};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace br::test
