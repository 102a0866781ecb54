import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The kinds of photo accepted for a profile, recognised by their first bytes (not the name).
public enum PhotoType: String, Sendable {
    case jpeg = "jpg", png = "png"

    /// Largest photo accepted, in bytes.
    public static let maximumSize = 5 * 1024 * 1024

    /// Recognises JPEG (FF D8 FF) and PNG (89 50 4E 47 0D 0A 1A 0A) data.
    public static func detect(_ data: Data) -> PhotoType? {
        let b = [UInt8](data.prefix(8))
        if b.count >= 3, b[0] == 0xFF, b[1] == 0xD8, b[2] == 0xFF { return .jpeg }
        if b == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] { return .png }
        return nil
    }
}

extension Store {
    /// Copies a JPEG or PNG from `sourcePath` into the store as the account holder's photo,
    /// after checking that it is a regular file, its type by content, and its size.
    func setPhoto(for id: AccountID, from sourcePath: String, by viewer: Viewer) throws {
        try Permissions.require(.manageAccount(id), by: viewer)
        try setPhoto(for: id, data: Self.readPhoto(sourcePath), by: viewer)
    }

    /// Stores `data` (a JPEG or PNG, by content) as the account holder's photo.
    func setPhoto(for id: AccountID, data: Data, by viewer: Viewer) throws {
        try Permissions.require(.manageAccount(id), by: viewer)
        let photo = try Self.preparedPhoto(data)
        try update(actor: viewer) { tx in
            guard var a = tx.state.accounts[id.rawValue] else { throw CoreError.notFound(what: "account \(id)") }
            Self.replacePhoto(of: &a, with: photo, in: &tx)
            tx.put(a)
            tx.audit(.profileChanged, actor: id, subject: id)
        }
    }

    /// A photo checked and ready to store: its file name in the store and its bytes.
    typealias PreparedPhoto = (name: String, data: Data)

    /// Checks `data` (a JPEG or PNG, by content, at most the largest size) and strips what is
    /// not the photo.
    static func preparedPhoto(_ data: Data) throws -> PreparedPhoto {
        guard data.count <= PhotoType.maximumSize else {
            throw CoreError.invalidPhoto(.tooLarge(megabytes: PhotoType.maximumSize / 1_048_576))
        }
        guard let type = PhotoType.detect(data) else {
            throw CoreError.invalidPhoto(.notJPEGOrPNG)
        }
        // Where and when it was taken, the device and the author are not the photo.
        return (UUID().uuidString.lowercased() + "." + type.rawValue, PhotoMetadata.stripped(data, as: type))
    }

    /// Sets (or with nil removes) `a`'s photo in `tx`: the new file is written, and the old one
    /// removed, with the change (named in its journal).
    static func replacePhoto(of a: inout Account, with photo: PreparedPhoto?, in tx: inout Transaction) {
        if let old = a.profile.photo { tx.photosToRemove.append(old) }
        a.profile.photo = photo?.name
        if let photo { tx.photosToWrite.append(photo) }
    }

    /// Reads and checks the photo file at `path` (see `readPhoto`).
    static func preparedPhoto(from path: String) throws -> PreparedPhoto { try preparedPhoto(readPhoto(path)) }

    /// Removes the account holder's photo.
    func removePhoto(for id: AccountID, by viewer: Viewer) throws {
        try Permissions.require(.manageAccount(id), by: viewer)
        try update(actor: viewer) { tx in
            guard var a = tx.state.accounts[id.rawValue] else { throw CoreError.notFound(what: "account \(id)") }
            if let old = a.profile.photo { tx.photosToRemove.append(old) }
            a.profile.photo = nil
            tx.put(a)
            tx.audit(.profileChanged, actor: id, subject: id)
        }
    }

    /// Reads a photo file, refusing anything but a regular file of at most the largest size.
    ///
    /// Why it failed is said only to the file's owner: to anyone else every failure reads
    /// "cannot use this file", so the messages cannot tell which files exist on this computer
    /// or which are readable (`/etc/shadow` answered "Permission denied", a missing
    /// file "No such file").
    private static func readPhoto(_ path: String) throws -> Data {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            var st = stat()
            let own = stat(path, &st) == 0 && st.st_uid == geteuid()
            throw CoreError.invalidPhoto(own ? .unreadable(reason) : .cannotUse)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw CoreError.invalidPhoto(.cannotUse) }
        let own = st.st_uid == geteuid()
        func refused(_ problem: PhotoProblem) -> CoreError { .invalidPhoto(own ? problem : .cannotUse) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw refused(.notRegularFile) }
        guard Int(st.st_size) <= PhotoType.maximumSize else {
            throw refused(.tooLarge(megabytes: PhotoType.maximumSize / 1_048_576))
        }
        var data = Data(count: Int(st.st_size))
        let n = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        guard n == Int(st.st_size) else { throw refused(.unreadable("short read")) }
        // Not a photo: said here, where whose file it is is known.
        guard PhotoType.detect(data) != nil else { throw refused(.notJPEGOrPNG) }
        return data
    }
}

/// Why a photo was refused.
public enum PhotoProblem: Equatable, Sendable {
    case notJPEGOrPNG, notRegularFile, tooLarge(megabytes: Int), unreadable(String)
    /// Said for a file of someone else: nothing about whether it exists or may be read.
    case cannotUse

    /// The reason shown.
    public func message(_ lang: Language) -> String { lang.t(word) }

    /// The same as a word with its values, for the reader's layer to word.
    public var word: Word {
        switch self {
        case .notJPEGOrPNG: .itIsNotJpegOr
        case .notRegularFile: .itIsNotRegularFile
        case .tooLarge(let mb): .itIsLargerThanMb(mb)
        case .unreadable(let why): .itCannotBeRead(why)
        case .cannotUse: .chooseJpegOrPngFile
        }
    }
}
