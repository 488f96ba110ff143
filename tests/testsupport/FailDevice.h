#pragma once

#include <QBuffer>

namespace br::test {

// A device that takes `capacity` bytes and then fails every write with ENOSPC's words, like a
// disk that fills up half-way through an export.
class FailDevice final : public QBuffer
{
public:
    explicit FailDevice(qint64 capacity) : m_capacity(capacity) {}

protected:
    qint64 writeData(const char *data, qint64 length) override
    {
        const qint64 room = m_capacity - size();
        if (room <= 0) {
            setErrorString(QStringLiteral("No space left on device"));
            return -1;
        }
        return QBuffer::writeData(data, std::min(room, length));
    }

private:
    qint64 m_capacity;
};

} // namespace br::test
