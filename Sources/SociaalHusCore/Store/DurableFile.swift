import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Crash-safe file writing.
///
/// Not Foundation's `Data.write(options: .atomic)`: on Linux it neither fsyncs the directory nor
/// keeps mode 0600. Here every file is created `O_CREAT|O_EXCL` with mode 0600, written, fsynced,
/// and (for replacement) renamed over the old name, after which the directory is fsynced. A failed
/// fsync is never retried on the same file: the old file stays and the error is reported.
public enum DurableFile {
    /// Creates `path` (which must not exist) with `data`, mode 0600, and fsyncs it.
    public static func createNew(_ path: String, data: Data) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ioError(path) }
        var ok = false
        defer {
            close(fd)
            if !ok { unlink(path) }
        }
        try writeAll(fd, data, path: path)
        guard fsync(fd) == 0 else { throw ioError(path) }
        ok = true
    }

    /// Replaces `path` atomically with `data`: a uniquely named temp file in the same folder,
    /// fsync, rename (which replaces a symbolic link itself, never its target), fsync the folder.
    public static func replace(_ path: String, data: Data) throws {
        let temp = path + ".tmp-" + UUID().uuidString.prefix(8)
        try createNew(temp, data: data)
        guard rename(temp, path) == 0 else {
            let e = ioError(path)
            unlink(temp)
            throw e
        }
        try syncDirectory((path as NSString).deletingLastPathComponent)
    }

    /// fsyncs a directory so that renames and new names in it survive a power loss.
    public static func syncDirectory(_ dir: String) throws {
        let fd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw ioError(dir) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw ioError(dir) }
    }

    /// The largest file read whole (a backup or a shard file of an old store at many times
    /// Borne's scale is well below it); anything larger is called damaged, not read into memory.
    public static let maximumSize = 1 << 30

    /// Reads a whole store file. Only a plain file of this user, readable by nobody else, is
    /// read: never through a symbolic link (a `chmod` advised for it would change the link's
    /// target), and never blocking on a FIFO or device put in a file's place.
    public static func read(_ path: String, displayName: String) throws -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else {
            if errno == ENOENT { throw CoreError.storeCorrupt(file: displayName, problem: .missing) }
            if errno == ELOOP { throw CoreError.storeCorrupt(file: displayName, problem: .notARegularFile) }
            throw ioError(displayName)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw ioError(displayName) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw CoreError.storeCorrupt(file: displayName, problem: .notARegularFile) }
        guard st.st_uid == geteuid() else { throw CoreError.storeCorrupt(file: displayName, problem: .otherOwner) }
        if st.st_mode & 0o077 != 0 { throw CoreError.storeFileReadableByOthers(path: path) }
        guard st.st_size >= 0, st.st_size <= maximumSize else { throw CoreError.storeCorrupt(file: displayName, problem: .tooLarge(bytes: Int(st.st_size))) }
        let size = Int(st.st_size)
        var data = Data(count: size)
        var done = 0
        try data.withUnsafeMutableBytes { buf in
            while done < size {
                let n = Glibc.read(fd, buf.baseAddress! + done, size - done)
                if n < 0 { if errno == EINTR { continue }; throw ioError(displayName) }
                if n == 0 { break }
                done += n
            }
        }
        if done < size { data.count = done }
        return data
    }

    private static func writeAll(_ fd: Int32, _ data: Data, path: String) throws {
        try data.withUnsafeBytes { buf in
            var done = 0
            while done < buf.count {
                let n = write(fd, buf.baseAddress! + done, buf.count - done)
                if n < 0 { if errno == EINTR { continue }; throw ioError(path) }
                done += n
            }
        }
    }

    /// A store I/O error carrying the current errno's description.
    static func ioError(_ path: String) -> CoreError {
        switch errno {
        case ENOSPC, EDQUOT: return .storeFull(path: path)
        case EROFS: return .storeReadOnly(path: path)
        default: return .storeIO(file: path, problem: String(cString: strerror(errno)))
        }
    }
}
