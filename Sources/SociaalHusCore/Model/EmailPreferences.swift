import Foundation

/// The four e-mail toggles of a resident; privacy by default: all start off.
public struct EmailPreferences: Codable, Sendable, Hashable {
    /// Berichten van bezoekers.
    public var visitorMessages: Bool
    /// Notificaties uit je wijk in je interessegebied.
    public var wijkNotifications: Bool
    /// Nieuwsbrieven uit je wijk.
    public var newsletters: Bool
    /// Mededelingen van het platform.
    public var announcements: Bool

    /// Creates preferences; every toggle is off unless given.
    public init(visitorMessages: Bool = false, wijkNotifications: Bool = false,
                newsletters: Bool = false, announcements: Bool = false) {
        self.visitorMessages = visitorMessages
        self.wijkNotifications = wijkNotifications
        self.newsletters = newsletters
        self.announcements = announcements
    }

    /// All four off: the state of every new account.
    public static let allOff = EmailPreferences()

    /// Reads the toggle for one kind of e-mail.
    public subscript(kind: EmailKind) -> Bool {
        get {
            switch kind {
            case .visitorMessage: visitorMessages
            case .wijkNotification: wijkNotifications
            case .newsletter: newsletters
            case .announcement: announcements
            }
        }
        set {
            switch kind {
            case .visitorMessage: visitorMessages = newValue
            case .wijkNotification: wijkNotifications = newValue
            case .newsletter: newsletters = newValue
            case .announcement: announcements = newValue
            }
        }
    }
}

/// The four kinds of e-mail a person can receive, each behind its own toggle.
public enum EmailKind: String, Codable, Sendable, CaseIterable {
    /// A message sent through the contact form.
    case visitorMessage = "berichten-van-bezoekers"
    /// A new agenda item or post in the wijk matching an interest area.
    case wijkNotification = "notificaties-uit-je-wijk"
    /// The wijk newsletter of the local partner.
    case newsletter = "nieuwsbrieven-uit-je-wijk"
    /// An announcement of the platform.
    case announcement = "mededelingen-van-het-platform"

    /// The toggle's name as users see it.
    public func label(_ lang: Language) -> String { lang.t(word) }

    /// The same as a word with its values, for the reader's layer to word.
    public var word: Word {
        switch self {
        case .visitorMessage: .messagesFromVisitors
        case .wijkNotification: .notificationsFromYourNeighbourhoodIn
        case .newsletter: .newslettersFromYourNeighbourhood
        case .announcement: .announcementsFromThePlatform
        }
    }

    /// Parses a kind from its stored name or a short alias ("bezoekers", "notificaties", "nieuwsbrieven", "mededelingen").
    public init?(name: String) {
        let n = name.lowercased()
        if let k = EmailKind(rawValue: n) { self = k; return }
        switch n {
        case "bezoekers", "visitor", "visitors", "visitor-messages", "berichten": self = .visitorMessage
        case "notificaties", "notifications", "wijk-notifications": self = .wijkNotification
        case "nieuwsbrieven", "nieuwsbrief", "newsletter", "newsletters": self = .newsletter
        case "mededelingen", "announcements", "announcement": self = .announcement
        default: return nil
        }
    }
}
