#pragma once

// An SQLite VFS shim for the tests, as SQLite's own harness has (test_vfs.c, the "ioerr" tests):
// every file SQLite opens in this process goes through it to the system's own VFS, and while it
// is armed it counts the writes, syncs or locks and fails the Nth — once (a transient fault) or
// that one and every later one (a persistent fault: the disk is gone, even the rollback cannot
// write). Registered as the default VFS, so the program's own connections use it unchanged.
#include <sqlite3.h>

#include <QtGlobal>

#include <atomic>
#include <cstring>

namespace br::test {

class FaultVfs final
{
public:
    enum class Operation
    {
        Write,
        Sync,
        Lock
    };

    // Installs the shim as the default VFS (once per process).
    static void install()
    {
        static const bool installed = [] {
            s_real = sqlite3_vfs_find(nullptr);
            if (!s_real)
                qFatal("SQLite has no default VFS");
            s_vfs = *s_real;
            s_vfs.zName = "br-fault";
            s_vfs.szOsFile = static_cast<int>(sizeof(File)) + s_real->szOsFile;
            s_vfs.xOpen = &open;
            s_vfs.pNext = nullptr;
            return sqlite3_vfs_register(&s_vfs, 1) == SQLITE_OK;
        }();
        if (!installed)
            qFatal("cannot register the fault VFS");
    }

    // From now on, the `n`th operation of this kind (1 = the next one) fails, and with
    // `persistent` every one after it too. What it returns is what the system's I/O error
    // would: SQLITE_IOERR_WRITE (or SQLITE_FULL), SQLITE_IOERR_FSYNC, SQLITE_IOERR_LOCK.
    static void arm(Operation operation, int n, bool persistent, bool diskFull = false)
    {
        s_operation = operation;
        s_diskFull = diskFull;
        s_persistent = persistent;
        s_counted = 0;
        s_failed = 0;
        s_failAt = n;
    }
    static void disarm() { s_failAt = 0; }
    // How many operations of the armed kind were counted, and how many were failed.
    static int counted() { return s_counted; }
    static int failed() { return s_failed; }

private:
    struct File
    {
        sqlite3_file base;
        sqlite3_io_methods methods; // the real file's, with the counted ones replaced
        sqlite3_file *real() { return reinterpret_cast<sqlite3_file *>(this + 1); }
    };

    static File *shim(sqlite3_file *file) { return reinterpret_cast<File *>(file); }
    static sqlite3_file *real(sqlite3_file *file) { return shim(file)->real(); }

    // Whether this operation fails.
    static bool fault(Operation operation)
    {
        if (s_failAt <= 0 || operation != s_operation)
            return false;
        const int n = ++s_counted;
        if (n == s_failAt || (s_persistent && n > s_failAt)) {
            ++s_failed;
            return true;
        }
        return false;
    }

    static int open(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *opened, int flags,
                    int *outFlags)
    {
        File *f = shim(opened);
        std::memset(f, 0, sizeof(File));
        const int rc = s_real->xOpen(s_real, name, f->real(), flags, outFlags);
        if (rc != SQLITE_OK || !f->real()->pMethods) {
            f->base.pMethods = nullptr;
            return rc;
        }
        f->methods = *f->real()->pMethods;
        f->methods.xClose = &close;
        f->methods.xRead = [](sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset) {
            return real(file)->pMethods->xRead(real(file), buffer, amount, offset);
        };
        f->methods.xWrite = &write;
        f->methods.xTruncate = [](sqlite3_file *file, sqlite3_int64 size) {
            return real(file)->pMethods->xTruncate(real(file), size);
        };
        f->methods.xSync = &sync;
        f->methods.xFileSize = [](sqlite3_file *file, sqlite3_int64 *size) {
            return real(file)->pMethods->xFileSize(real(file), size);
        };
        f->methods.xLock = &lock;
        f->methods.xUnlock = [](sqlite3_file *file, int level) {
            return real(file)->pMethods->xUnlock(real(file), level);
        };
        f->methods.xCheckReservedLock = [](sqlite3_file *file, int *out) {
            return real(file)->pMethods->xCheckReservedLock(real(file), out);
        };
        f->methods.xFileControl = [](sqlite3_file *file, int op, void *arg) {
            return real(file)->pMethods->xFileControl(real(file), op, arg);
        };
        f->methods.xSectorSize = [](sqlite3_file *file) {
            return real(file)->pMethods->xSectorSize(real(file));
        };
        f->methods.xDeviceCharacteristics = [](sqlite3_file *file) {
            return real(file)->pMethods->xDeviceCharacteristics(real(file));
        };
        if (f->methods.iVersion >= 2) {
            f->methods.xShmMap = [](sqlite3_file *file, int page, int size, int extend,
                                    void volatile **out) {
                return real(file)->pMethods->xShmMap(real(file), page, size, extend, out);
            };
            f->methods.xShmLock = &shmLock;
            f->methods.xShmBarrier = [](sqlite3_file *file) {
                real(file)->pMethods->xShmBarrier(real(file));
            };
            f->methods.xShmUnmap = [](sqlite3_file *file, int deleteFlag) {
                return real(file)->pMethods->xShmUnmap(real(file), deleteFlag);
            };
        }
        if (f->methods.iVersion >= 3) {
            f->methods.xFetch = [](sqlite3_file *file, sqlite3_int64 offset, int amount,
                                   void **out) {
                return real(file)->pMethods->xFetch(real(file), offset, amount, out);
            };
            f->methods.xUnfetch = [](sqlite3_file *file, sqlite3_int64 offset, void *page) {
                return real(file)->pMethods->xUnfetch(real(file), offset, page);
            };
        }
        f->base.pMethods = &f->methods;
        return SQLITE_OK;
    }

    static int close(sqlite3_file *file)
    {
        const int rc = real(file)->pMethods->xClose(real(file));
        file->pMethods = nullptr;
        return rc;
    }

    static int write(sqlite3_file *file, const void *data, int amount, sqlite3_int64 offset)
    {
        if (fault(Operation::Write))
            return s_diskFull ? SQLITE_FULL : SQLITE_IOERR_WRITE;
        return real(file)->pMethods->xWrite(real(file), data, amount, offset);
    }

    static int sync(sqlite3_file *file, int flags)
    {
        if (fault(Operation::Sync))
            return SQLITE_IOERR_FSYNC;
        return real(file)->pMethods->xSync(real(file), flags);
    }

    static int lock(sqlite3_file *file, int level)
    {
        if (fault(Operation::Lock))
            return SQLITE_IOERR_LOCK;
        return real(file)->pMethods->xLock(real(file), level);
    }

    static int shmLock(sqlite3_file *file, int offset, int n, int flags)
    {
        // Only taking a lock can fail; letting one go always succeeds, as with the real calls.
        if ((flags & SQLITE_SHM_LOCK) && fault(Operation::Lock))
            return SQLITE_IOERR_SHMLOCK;
        return real(file)->pMethods->xShmLock(real(file), offset, n, flags);
    }

    static inline sqlite3_vfs *s_real = nullptr;
    static inline sqlite3_vfs s_vfs{};
    static inline std::atomic<Operation> s_operation = Operation::Write;
    static inline std::atomic_bool s_diskFull = false;
    static inline std::atomic_bool s_persistent = false;
    static inline std::atomic_int s_counted = 0;
    static inline std::atomic_int s_failed = 0;
    static inline std::atomic_int s_failAt = 0;
};

} // namespace br::test
