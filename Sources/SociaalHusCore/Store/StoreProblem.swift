import Foundation

/// What is wrong with a damaged store file.
public enum StoreProblem: Equatable, Sendable {
    /// A file a record (or, in a shard store, the manifest) names is not there.
    case missing
    /// The file is shorter or longer than recorded (truncated or appended to).
    case wrongSize(expected: Int, found: Int)
    /// The contents changed since they were written.
    case checksumMismatch
    /// The contents are not valid store data; `detail` says where.
    case unreadable(detail: String)
    /// The file holds another collection or shard than the manifest says.
    case misplaced
    /// A record refers to something that does not exist.
    case danglingReference(detail: String)
    /// Not a plain file: a symbolic link, a FIFO, a device or a folder stands where a data file belongs.
    case notARegularFile
    /// The file belongs to another user than the one running SociaalHus.
    case otherOwner
    /// Larger than any file of a store can be.
    case tooLarge(bytes: Int)
    /// A photo or e-mail file that no record names and no interrupted change left behind.
    case unnamed
    /// The database file is empty (0 bytes): there is no store in it.
    case empty
    /// The write-ahead log holds changes not yet in the database, and the shared-memory index
    /// beside it (`-shm`) is gone: reading them would mean making that file.
    case logWithoutIndex
    /// The database holds fewer changes than the store acknowledged (the counter beside it, in
    /// `store.lock`): the write-ahead log that held the rest was deleted or replaced.
    case commitsLost(acknowledged: Int, found: Int)
    /// A restore was cut off and left its prepared copy, with people erased since the backup.
    case restoreLeftover

    /// The description shown.
    public func message(_ lang: Language) -> String { lang.t(word) }

    /// The same as a word with its values, for the reader's layer to word.
    public var word: Word {
        switch self {
        case .missing: .theFileIsMissing
        case .wrongSize(let e, let f): .itIsBytesLongInstead(f, e)
        case .checksumMismatch: .theChecksumDoesNotMatch
        case .unreadable(let d): .theContentsCannotBeRead(d)
        case .misplaced: .itHoldsOtherDataThan
        case .danglingReference(let d): .referenceIsBroken(d)
        case .notARegularFile: .itIsNotPlainFile
        case .otherOwner: .itBelongsToAnotherUser
        case .tooLarge(let n): .itIsBytesLongLarger(n)
        case .unnamed: .noRecordAndNoInterrupted
        case .empty: .itIsEmpty0Bytes
        case .logWithoutIndex: .itHoldsChangesNotYet
        case .restoreLeftover: .restoreThatWasCutOff
        case .commitsLost(let a, let f): .theStoreAcknowledgedChangesUp(a, f)
        }
    }
}
