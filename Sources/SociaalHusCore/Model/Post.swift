import Foundation

/// A notice on the prikbord: a question, an offer or an announcement.
public struct Post: Codable, Sendable, Hashable, Identifiable {
    /// The three kinds of notice.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Vraag: someone asks for something.
        case vraag
        /// Aanbod: someone offers something.
        case aanbod
        /// Mededeling: a notice.
        case mededeling

        /// The label users see.
        public func label(_ lang: Language) -> String { lang.t(word) }

        /// The same as a word with its values, for the reader's layer to word.
        public var word: Word {
            switch self {
            case .vraag: .request
            case .aanbod: .offer
            case .mededeling: .notice
            }
        }
    }

    /// Who wrote a post: a resident, or an organisation (through one of its editors).
    public enum Author: Codable, Sendable, Hashable {
        /// A resident's own post.
        case resident(AccountID)
        /// An organisation's post, written by the editor `by`.
        case organisation(OrganisationID, by: AccountID?)

        /// The account that wrote it.
        public var account: AccountID? {
            switch self {
            case .resident(let id): id
            case .organisation(_, let by): by
            }
        }
    }

    /// Default lifetime of a post in days.
    public static let defaultLifetimeDays = 30
    /// Longest lifetime of a post in days (renewable).
    public static let maximumLifetimeDays = 90

    /// Internal id.
    public var id: PostID
    /// Kind of notice.
    public var kind: Kind
    /// Title.
    public var title: String
    /// Text.
    public var body: String
    /// The wijk it is posted in.
    public var wijk: WijkID
    /// Author.
    public var author: Author
    /// The author's choice of contact details to show; each off by default.
    public var show: ContactChoice
    /// When it was created.
    public var created: Date
    /// When it disappears from the list (renewable).
    public var expires: Date
    /// Why a moderator hid it (shown to its author); nil when not hidden.
    public var hiddenReason: String?

    /// Creates a post.
    public init(id: PostID, kind: Kind, title: String, body: String, wijk: WijkID, author: Author,
                show: ContactChoice = ContactChoice(), created: Date, expires: Date) {
        self.id = id
        self.kind = kind
        self.title = title
        self.body = body
        self.wijk = wijk
        self.author = author
        self.show = show
        self.created = created
        self.expires = expires
    }
}

/// Which contact details the author of a post shows on it; all off by default, so replies go
/// through the contact form.
public struct ContactChoice: Codable, Sendable, Hashable {
    /// Show the author's name.
    public var name: Bool
    /// Show the author's e-mail address.
    public var email: Bool
    /// Show the author's phone number.
    public var phone: Bool
    /// Show the author's address.
    public var address: Bool

    /// Creates a choice; nothing shown unless given.
    public init(name: Bool = false, email: Bool = false, phone: Bool = false, address: Bool = false) {
        self.name = name
        self.email = email
        self.phone = phone
        self.address = address
    }
}
