#include "library/Database.h"

namespace br {

using namespace Qt::StringLiterals;

Transaction::Transaction(Database &db) : m_db(db)
{
    m_begun = db.m_writeDepth == 0 ? db.beginWrite() : db.execScript("SAVEPOINT br_nested");
    m_open = m_begun.ok();
    if (m_open)
        ++db.m_writeDepth;
}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    if (--m_db.m_writeDepth == 0)
        m_db.rollbackWrite();
    else
        (void)m_db.execScript("ROLLBACK TO SAVEPOINT br_nested; RELEASE SAVEPOINT br_nested");
}

ReadSnapshot::ReadSnapshot(Database &db) : m_db(db)
{
    m_begun = db.m_writeDepth == 0 ? db.beginSnapshot()
                                   : Status(Error{u"a snapshot inside a transaction"_s});
    if (m_begun)
        ++db.m_writeDepth;
}

ReadSnapshot::~ReadSnapshot()
{
    if (!m_begun)
        return;
    --m_db.m_writeDepth;
    m_db.rollbackWrite(); // nothing was meant to be written in it
}

Status Transaction::commit()
{
    if (!m_open)
        return m_begun.ok() ? Status(Error{u"transaction already ended"_s}) : m_begun;
    const bool outermost = m_db.m_writeDepth == 1;
    Status s = outermost ? m_db.commitWrite() : m_db.execScript("RELEASE SAVEPOINT br_nested");
    if (s) {
        m_open = false;
        --m_db.m_writeDepth;
    }
    return s;
}

} // namespace br
