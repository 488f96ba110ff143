#pragma once

#include <QStringList>

namespace br::cli {

// Exit statuses of the command line.
enum ExitCode : int
{
    Success = 0,
    PartialFailure = 1,
    UsageError = 2
};

// Runs `bulletin-reader [--db PATH] COMMAND ...` (arguments as in main's argv, program name first)
// and returns the exit status. Output goes to stdout, messages to stderr.
int run(const QStringList &arguments);

} // namespace br::cli
