#pragma once

#include "core/Result.h"
#include "exchange/ReportRequest.h"

class QIODevice;

namespace br {
class Library;
}

namespace br::ui {

// The printable coverage report, written with Qt's PDF writer: a title page with the totals, the
// coverage table, the charts (by the report's rows and by month), then the articles of every
// cell. Chinese is set in the CJK font the setup installs. Written whole or not at all (QSaveFile).
// Needs a QApplication (the charts are graphics widgets); the offscreen platform will do.
Status writePdfReport(Library &library, const ReportRequest &request, const QString &path);
// The same report onto any device; fails when the device does.
Status writePdfReport(Library &library, const ReportRequest &request, QIODevice &device);

} // namespace br::ui
