#pragma once

// For the GUI tests: a workspace over a real library file.
#include "library/Importer.h"
#include "testsupport/TestSupport.h"
#include "ui/Workspace.h"

#include <memory>

namespace br::test {

inline std::unique_ptr<ui::Workspace> openWorkspace(const QString &path)
{
    Result<std::unique_ptr<Library>> library = Library::open(path);
    if (!library)
        qFatal("cannot open %s", qPrintable(library.errorMessage()));
    return std::make_unique<ui::Workspace>(std::move(library).value());
}

// The same, with the bundled seed pages imported the way the program imports them.
inline std::unique_ptr<ui::Workspace> seededWorkspace(const QString &path)
{
    std::unique_ptr<ui::Workspace> workspace = openWorkspace(path);
    const ImportReport report = Importer(workspace->library()).importPaths({seedsPath()});
    if (report.pagesImported == 0) {
        QStringList why;
        for (const Refusal &r : report.refused)
            why.append(r.path + u": "_qs + r.reason);
        qFatal("cannot import the seed pages into %s (%d duplicates): %s", qPrintable(path),
               report.duplicates, qPrintable(why.join(u"; "_qs)));
    }
    return workspace;
}

} // namespace br::test
