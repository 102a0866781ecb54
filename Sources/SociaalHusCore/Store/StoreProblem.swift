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

    /// The description shown.
    public func message(_ lang: Language) -> String {
        switch self {
        case .missing: lang.pick(nl: "het bestand ontbreekt", en: "the file is missing")
        case .wrongSize(let e, let f): lang.pick(nl: "het is \(f) bytes groot in plaats van \(e) (afgekapt of aangevuld)", en: "it is \(f) bytes long instead of \(e) (truncated or appended to)")
        case .checksumMismatch: lang.pick(nl: "de controlesom klopt niet (de inhoud is veranderd)", en: "the checksum does not match (the contents changed)")
        case .unreadable(let d): lang.pick(nl: "de inhoud is onleesbaar (\(d))", en: "the contents cannot be read (\(d))")
        case .misplaced: lang.pick(nl: "het bevat andere gegevens dan het overzicht (manifest.json) zegt", en: "it holds other data than the manifest (manifest.json) says")
        case .danglingReference(let d): lang.pick(nl: "een verwijzing klopt niet (\(d))", en: "a reference is broken (\(d))")
        }
    }
}
