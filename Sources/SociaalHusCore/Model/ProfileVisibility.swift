import Foundation

/// Who may see a resident's name and photo: exactly the three levels of the privacy statement.
public enum ProfileVisibility: String, Codable, Sendable, CaseIterable {
    /// Anoniem: nobody but the owner (the default for every new profile).
    case anonymous = "anoniem"
    /// Alleen buren: logged-in residents of the same wijk.
    case neighbours = "alleen-buren"
    /// Openbaar: every visitor.
    case `public` = "openbaar"

    /// The label users see.
    public func label(_ lang: Language) -> String {
        switch self {
        case .anonymous: lang.pick(nl: "Anoniem", en: "Anonymous")
        case .neighbours: lang.pick(nl: "Alleen buren", en: "Neighbours only")
        case .public: lang.pick(nl: "Openbaar", en: "Public")
        }
    }

    /// One line that says who sees what at this level.
    public func explanation(_ lang: Language) -> String {
        switch self {
        case .anonymous:
            lang.pick(nl: "Alleen jij ziet je naam en foto; anderen zien 'anonieme bewoner'.",
                      en: "Only you see your name and photo; others see 'anonymous resident'.")
        case .neighbours:
            lang.pick(nl: "Bewoners van je eigen wijk van wie de wijk is bevestigd zien je naam en foto.",
                      en: "Residents of your own neighbourhood whose neighbourhood is verified see your name and photo.")
        case .public:
            lang.pick(nl: "Iedereen, ook bezoekers, ziet je naam en foto.",
                      en: "Everyone, visitors included, sees your name and photo.")
        }
    }

    /// Parses a level from its stored name or a label in either language.
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: " ", with: "-") {
        case "anoniem", "anonymous", "anon": self = .anonymous
        case "alleen-buren", "buren", "neighbours", "neighbors", "neighbours-only": self = .neighbours
        case "openbaar", "public": self = .public
        default: return nil
        }
    }
}
