#pragma once

// For the GUI tests: windows shown and given the focus, as a person's click would.
#include <QApplication>
#include <QTest>
#include <QWidget>

namespace br::test {

inline void activate(QWidget &window)
{
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
}

} // namespace br::test
