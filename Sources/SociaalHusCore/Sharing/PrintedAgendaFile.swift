import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing a printed agenda to the file someone named. A desk prints the agenda every week
/// under the same name, so a file this program wrote before (a PDF whose document information
/// names `PDFDocument.producer`) is replaced; any other file at that name is someone's own and
/// is refused, never overwritten: so is a folder, a symbolic link, and a place inside the
/// store's folder. The file is written whole or not at all (`DurableFile.replace`: a new file
/// beside it, synced, renamed over the name), mode 0600 like every file the program writes.
public enum PrintedAgendaFile {
    /// Why a path may not be written.
    public enum Refusal: Error, Sendable, Equatable {
        /// The path is a folder.
        case folder
        /// A file (or link) is there that this program did not write.
        case notOurs
        /// The path is in the store's folder, which holds only the store's own files.
        case insideStore

        /// What is wrong and what to do, as the reason of "Kan … niet schrijven: …".
        public var word: Word {
            switch self {
            case .folder: .printFileIsAFolder
            case .notOurs: .printFileNotOurs
            case .insideStore: .printFileInStore
            }
        }
    }

    /// How much of a file is read to tell whether it is one of ours: the document information
    /// comes first in the files `PDFDocument` writes.
    static let headLength = 512

    /// Why `path` may not be written, or nil when it may (nothing there, or a printed agenda
    /// this program wrote). `storePath` is the store's folder.
    public static func refusal(_ path: String, storePath: String?) -> Refusal? {
        if let storePath {
            let store = URL(fileURLWithPath: storePath).resolvingSymlinksInPath().path
            let folder = URL(fileURLWithPath: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
                .resolvingSymlinksInPath().path
            if folder == store || folder.hasPrefix(store + "/") { return .insideStore }
        }
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return isOurs(path) ? nil : .notOurs
        default: return .notOurs
        }
    }

    /// True when the file at `path` begins as the PDFs this program writes do.
    static func isOurs(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: headLength)
        let n = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, headLength) }
        guard n > 0 else { return false }
        let text = head.prefix(n)
        return text.starts(with: Array("%PDF-".utf8)) && contains(Array(text), Array("/Producer (\(PDFDocument.producer))".utf8))
    }

    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= hay.count else { return false }
        return (0...(hay.count - needle.count)).contains { hay[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// Writes `document` to `path` when `refusal` allows it.
    public static func write(_ document: PDFDocument, to path: String, storePath: String?) throws {
        if let r = refusal(path, storePath: storePath) { throw r }
        try DurableFile.replace(path, data: document.data())
    }
}
