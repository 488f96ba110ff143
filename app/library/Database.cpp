#include "library/Database.h"

namespace br {

using namespace Qt::StringLiterals;

Transaction::Transaction(Database &db) : m_db(db)
{
    m_begun = db.beginWrite();
    m_open = m_begun.ok();
}

Transaction::~Transaction()
{
    if (m_open)
        m_db.rollbackWrite();
}

Status Transaction::commit()
{
    if (!m_open)
        return m_begun.ok() ? Status(Error{u"transaction already ended"_s}) : m_begun;
    Status s = m_db.commitWrite();
    if (s)
        m_open = false;
    return s;
}

} // namespace br
