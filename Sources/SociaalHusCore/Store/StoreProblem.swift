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
    public func message(_ lang: Language) -> String {
        switch self {
        case .missing: lang.pick(nl: "het bestand ontbreekt", en: "the file is missing")
        case .wrongSize(let e, let f): lang.pick(nl: "het is \(f) bytes groot in plaats van \(e) (afgekapt of aangevuld)", en: "it is \(f) bytes long instead of \(e) (truncated or appended to)")
        case .checksumMismatch: lang.pick(nl: "de controlesom klopt niet (de inhoud is veranderd)", en: "the checksum does not match (the contents changed)")
        case .unreadable(let d): lang.pick(nl: "de inhoud is onleesbaar (\(d))", en: "the contents cannot be read (\(d))")
        case .misplaced: lang.pick(nl: "het bevat andere gegevens dan het overzicht (manifest.json) zegt", en: "it holds other data than the manifest (manifest.json) says")
        case .danglingReference(let d): lang.pick(nl: "een verwijzing klopt niet (\(d))", en: "a reference is broken (\(d))")
        case .notARegularFile: lang.pick(nl: "het is geen gewoon bestand (maar een koppeling, pijp of apparaat)", en: "it is not a plain file (but a link, pipe or device)")
        case .otherOwner: lang.pick(nl: "het is van een andere gebruiker", en: "it belongs to another user")
        case .tooLarge(let n): lang.pick(nl: "het is \(n) bytes groot, groter dan een bestand van de opslag kan zijn", en: "it is \(n) bytes long, larger than a store file can be")
        case .unnamed: lang.pick(nl: "geen record en geen onderbroken wijziging noemt dit bestand; misschien is een record het kwijtgeraakt", en: "no record and no interrupted change names this file; a record may have lost it")
        case .empty: lang.pick(nl: "het is leeg (0 bytes), dus hier is geen opslag. Is het een nieuwe opslag, verwijder dan het lege bestand; 'sociaalhus init' maakt er een",
                               en: "it is empty (0 bytes), so there is no store here. If it is a new store, remove the empty file; 'sociaalhus init' makes one")
        case .logWithoutIndex: lang.pick(nl: "het bevat wijzigingen die nog niet in de database staan, en het bijbehorende -shm-bestand ontbreekt; een opdracht die alleen leest maakt dat niet aan. Open de opslag eenmaal met een opdracht die wijzigt of met 'sociaalhus' zelf",
                                         en: "it holds changes not yet in the database, and its -shm file is missing; a command that only reads does not make one. Open the store once with a command that changes something, or with 'sociaalhus' itself")
        case .restoreLeftover: lang.pick(nl: "een onderbroken terugzetting liet deze map achter; er staan mensen in die sindsdien gewist zijn. Open de opslag eenmaal met 'sociaalhus' of een opdracht die wijzigt: die haalt hem weg",
                                         en: "a restore that was cut off left this folder; it holds people erased since. Open the store once with 'sociaalhus' or a command that changes something: that removes it")
        case .commitsLost(let a, let f): lang.pick(nl: "de opslag bevestigde wijzigingen tot en met nummer \(a) (bijgehouden in store.lock), maar de database bevat ze maar tot en met nummer \(f): dit logbestand, waar de rest in stond, is verwijderd of vervangen",
                                                   en: "the store acknowledged changes up to number \(a) (counted in store.lock), but the database holds them only up to number \(f): this log, which held the rest, was deleted or replaced")
        }
    }
}
