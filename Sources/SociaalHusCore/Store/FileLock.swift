import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An advisory `flock` on a lock file that is never renamed (a lock on a data file would be lost
/// when a rename replaces it); the kernel releases it when the process dies.
public final class FileLock {
    private let fd: Int32
    private let path: String

    /// Opens (creating, mode 0600) the lock file at `path`.
    public init(path: String) throws {
        self.path = path
        // Never through a link: a link in its place would make the lock create or hold another file.
        var fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o600)
        // On a read-only disk the lock is taken on a descriptor opened for reading (flock
        // does not mind); nobody can write there, so only readers share it.
        if fd < 0, errno == EROFS { fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK) }
        if fd < 0, errno == ENOENT { fd = open("/dev/null", O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw DurableFile.ioError(path) }
        self.fd = fd
    }

    deinit { close(fd) }

    /// True once `holdShared` took the lock for as long as this object lives.
    private var heldShared = false

    /// Takes the lock shared and keeps it until this object goes (its descriptor closes): a
    /// command that only reads holds it while it reads, so no writer folds the log into the
    /// database file under it, and a writer ending closes its database only under the lock
    /// exclusive, never while a reader looks at its `-wal` and `-shm`.
    public func holdShared() throws {
        while flock(fd, LOCK_SH) != 0 {
            if errno != EINTR { throw CoreError.storeLocked(path: path) }
        }
        heldShared = true
    }

    /// Runs `body` holding the lock, exclusive for writers, shared for readers.
    public func withLock<T>(exclusive: Bool, _ body: () throws -> T) throws -> T {
        if heldShared {
            // Held for reading already: another reader may hold it too, so it is never raised.
            if exclusive { throw CoreError.storeLocked(path: path) }
            return try body()
        }
        while flock(fd, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            if errno != EINTR { throw CoreError.storeLocked(path: path) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
