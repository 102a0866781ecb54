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
    public func label(_ lang: Language) -> String { lang.t(word) }

    /// The same as a word with its values, for the reader's layer to word.
    public var word: Word {
        switch self {
        case .anonymous: .anonymous
        case .neighbours: .neighboursOnly
        case .public: .publicText
        }
    }

    /// One line that says who sees what at this level.
    public func explanation(_ lang: Language) -> String { lang.t(explanationWord) }

    /// The same as a word with its values, for the reader's layer to word.
    public var explanationWord: Word {
        switch self {
        case .anonymous:
            .onlyYouSeeYourName
        case .neighbours:
            .residentsOfYourOwnNeighbourhood
        case .public:
            .everyoneVisitorsIncludedSeesYour
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
