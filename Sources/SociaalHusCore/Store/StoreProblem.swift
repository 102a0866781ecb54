import Foundation

/// What is wrong with a damaged store file.
public enum StoreProblem: Equatable, Sendable {
    /// The manifest names a file that is not there.
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
    /// A data file that the manifest does not name and no interrupted change left behind.
    case unnamed

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
        case .unnamed: lang.pick(nl: "het overzicht (manifest.json) noemt dit bestand niet; misschien is het overzicht beschadigd", en: "the manifest (manifest.json) does not name this file; the manifest may be damaged")
        }
    }
}
