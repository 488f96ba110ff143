#pragma once

#include "library/Library.h"

#include <QList>
#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace br::ui {

// Reads of the library too slow for the window's thread (a search, a sort of 100,000 articles,
// the coverage figures), each on a worker with a read-only connection of its own, so the window's
// connection stays free for the person. Only the answer to the latest request is delivered, on
// the thread this object lives in; the destructor waits for the workers.
class BackgroundReads final : public QObject
{
public:
    explicit BackgroundReads(QObject *parent = nullptr) : QObject(parent) {}
    ~BackgroundReads() override
    {
        ++m_generation;
        for (QThread *worker : std::as_const(m_workers))
            worker->wait();
        qDeleteAll(m_workers);
    }

    // A library of this many articles or more is read on a worker for what a person does to a
    // whole list (sorting, filtering, counting its coverage): at 100,000 articles each took the
    // window away for 0.3 to 2 s. Smaller ones are read at once, and follow a click without a
    // flicker.
    static constexpr qint64 kLargeLibrary = 20000;

    bool isBusy() const { return !m_workers.isEmpty(); }
    // An answer is still to come (a worker whose answer was dropped may still be running).
    bool isAwaiting() const { return m_awaited != 0 && m_awaited == m_generation; }
    // Whatever a worker still brings is out of date (the answer was found another way).
    void dropPending() { ++m_generation; }

    // `read` runs on a worker against `location`; `deliver` gets its answer here, or the reason
    // the library could not be opened, unless a later request came meanwhile.
    template <typename T>
    void run(const LibraryLocation &location, std::function<Result<T>(Library &)> read,
             std::function<void(Result<T>)> deliver)
    {
        const quint64 generation = ++m_generation;
        m_awaited = generation;
        QThread *worker = QThread::create([this, location, read, deliver, generation] {
            Result<std::unique_ptr<Library>> library = Library::open(location, true);
            Result<T> answer = library ? read(*library.value()) : Result<T>(library.error());
            QMetaObject::invokeMethod(
                this,
                [this, generation, deliver, answer = std::move(answer)]() mutable {
                    if (generation == m_generation) {
                        m_awaited = 0;
                        deliver(std::move(answer));
                    }
                },
                Qt::QueuedConnection);
        });
        m_workers.append(worker);
        connect(worker, &QThread::finished, this, [this, worker] {
            m_workers.removeOne(worker);
            worker->deleteLater();
        });
        worker->start();
    }

    // The same when `library` holds `from` articles or more (kLargeLibrary but in tests); a
    // smaller one is read at once, on its own connection.
    template <typename T>
    void runIfLarge(Library &library, qint64 from, std::function<Result<T>(Library &)> read,
                    std::function<void(Result<T>)> deliver)
    {
        const Result<qint64> articles = library.articleCount();
        if (articles && articles.value() >= from) {
            run<T>(library.location(), std::move(read), std::move(deliver));
            return;
        }
        dropPending();
        deliver(read(library));
    }

private:
    quint64 m_generation = 0;
    quint64 m_awaited = 0; // the generation whose answer is to be delivered; 0: none
    QList<QThread *> m_workers;
};

} // namespace br::ui
