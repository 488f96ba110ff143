// The importer's hand-over from its readers to its one writer: pages come out in the order they
// were numbered whatever order they were read in, and what is held stays within its window and
// its budget without ever stopping the page the writer waits for.
#include "core/OrderedQueue.h"

#include <QScopeGuard>
#include <QTest>

#include <atomic>
#include <chrono>
#include <random>
#include <thread>
#include <vector>

using namespace br;
using namespace std::chrono_literals;

namespace {

// Closes the queue and joins `thread` when the test ends, also when a check failed first: a
// thread left joinable would abort the run instead of reporting the failure.
auto joinOnExit(OrderedQueue<int> &queue, std::thread &thread)
{
    return qScopeGuard([&queue, &thread] {
        queue.close();
        if (thread.joinable())
            thread.join();
    });
}

} // namespace

class TestOrderedQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void itemsComeOutInTheirOrder()
    {
        constexpr size_t kItems = 3000;
        OrderedQueue<size_t> queue(64);
        std::atomic_size_t next = 0;
        std::atomic_int producersLeft = 4;
        std::vector<std::thread> producers;
        for (int p = 0; p < 4; ++p) {
            producers.emplace_back([&, p] {
                std::mt19937 random(static_cast<unsigned>(p));
                for (size_t n = next++; n < kItems; n = next++) {
                    if (random() % 16 == 0) // some items take longer to make than others
                        std::this_thread::sleep_for(100us);
                    queue.push(n, n * 7);
                }
                if (--producersLeft == 0)
                    queue.close();
            });
        }
        const auto joined = qScopeGuard([&] {
            queue.close();
            for (std::thread &producer : producers) {
                if (producer.joinable())
                    producer.join();
            }
        });
        size_t taken = 0;
        while (const std::optional<size_t> item = queue.pop()) {
            QCOMPARE(*item, taken * 7);
            ++taken;
        }
        for (std::thread &producer : producers)
            producer.join();
        QCOMPARE(taken, kItems);
    }

    // A producer ahead of the next item waits while the queue holds its budget; the next item is
    // taken whatever it costs, or the consumer would wait for it for ever.
    void theBudgetHoldsBackAllButTheNextItem()
    {
        OrderedQueue<int> queue(100, 10);
        QVERIFY(queue.push(1, 1, 8));
        std::atomic_bool pushed = false;
        std::thread ahead([&] {
            queue.push(2, 2, 5); // 8 + 5 > 10: waits until item 1 is taken
            pushed = true;
        });
        const auto joined = joinOnExit(queue, ahead);
        std::this_thread::sleep_for(50ms);
        QVERIFY(!pushed);
        QVERIFY(!queue.nextIsReady());
        QVERIFY(queue.push(0, 0, 1000)); // the next item, over budget on its own
        QVERIFY(queue.nextIsReady());
        QCOMPARE(queue.pop(), std::optional<int>(0));
        QVERIFY(!pushed); // 8 + 5 still over
        QCOMPARE(queue.pop(), std::optional<int>(1));
        ahead.join();
        QVERIFY(pushed);
        QCOMPARE(queue.pop(), std::optional<int>(2));
    }

    void theWindowHoldsBackAProducerTooFarAhead()
    {
        OrderedQueue<int> queue(2);
        std::atomic_bool pushed = false;
        std::thread ahead([&] {
            queue.push(2, 2); // only 0 and 1 fit in the window
            pushed = true;
        });
        const auto joined = joinOnExit(queue, ahead);
        std::this_thread::sleep_for(50ms);
        QVERIFY(!pushed);
        queue.push(0, 0);
        QCOMPARE(queue.pop(), std::optional<int>(0));
        ahead.join();
        QVERIFY(pushed);
    }

    void closingReleasesEveryoneWaiting()
    {
        OrderedQueue<int> queue(1);
        std::atomic_bool refused = false;
        std::thread ahead([&] { refused = !queue.push(5, 5); });
        const auto joined = joinOnExit(queue, ahead);
        std::this_thread::sleep_for(20ms);
        queue.close();
        ahead.join();
        QVERIFY(refused);
        QCOMPARE(queue.pop(), std::nullopt);
        QVERIFY(queue.nextIsReady());
    }
};

QTEST_GUILESS_MAIN(TestOrderedQueue)
#include "tst_ordered_queue.moc"
