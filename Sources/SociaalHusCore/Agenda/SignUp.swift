import Foundation

/// How an activity takes sign-ups, as its organisation set it.
public struct SignUpOptions: Sendable, Hashable {
    /// The number of places; nil: as many as come.
    public var places: Int?
    /// True when people may join a waiting list once the places are taken.
    public var waitingList: Bool

    /// Most places an activity can have (a district hall, not a stadium).
    public static let maximumPlaces = 10_000

    /// Options with `places` (nil: no limit) and a waiting list or not.
    public init(places: Int? = nil, waitingList: Bool = true) {
        self.places = places
        self.waitingList = waitingList
    }
}

/// One person's sign-up, or wish to be reminded, for one occurrence of an activity.
///
/// A person is an account (by its number) or a visitor (by the address they gave); never a
/// name or a text match. A row is personal data: in the inventory, the export and erasure.
public struct SignUp: Sendable, Hashable, Identifiable {
    /// Where the person stands.
    public enum State: String, Sendable, CaseIterable {
        /// Has a place.
        case place
        /// On the waiting list, in order of signing up.
        case waiting
        /// Not coming as far as the organiser knows: only asked to be reminded ("Herinner me").
        case reminder

        /// Where the person stands in a few words: "je hebt een plaats", "op de wachtlijst",
        /// "herinnering gevraagd" (the same words in the list, the activity, the form and Mijn gegevens).
        public var word: Word {
            switch self {
            case .place: .youHaveAPlace
            case .waiting: .onTheWaitingList
            case .reminder: .reminderSet
            }
        }
    }

    /// The row's number.
    public var id: Int
    /// The activity.
    public var activity: AgendaItemID
    /// The start of the occurrence signed up for (the activity's start when it happens once).
    public var occurrence: Date
    /// The account, or nil for a visitor.
    public var account: AccountID?
    /// A visitor's address (empty for an account: its own address is used).
    public var email: String
    /// A visitor's name as they typed it (empty for an account).
    public var name: String
    /// Where the person stands.
    public var state: State
    /// Which of their contact details the organiser may see for this sign-up (ticked by them).
    public var showEmail: Bool
    public var showPhone: Bool
    /// Days before the occurrence the reminder goes out; nil: no reminder.
    public var remindDays: Int?
    /// When the reminder went out (it goes once).
    public var reminded: Date?
    /// When they signed up.
    public var created: Date

    /// Most days ahead a reminder can be asked for.
    public static let maximumRemindDays = 14
    /// Sign-ups one person may hold at once (places, waiting and reminders together).
    public static let maximumPerPerson = 200
    /// New sign-ups a visitor's address may be given for in 24 hours: each sends a confirmation
    /// to that address, and anyone can type anyone's (a stranger's mailbox gets at most this a day).
    public static let maximumPerVisitorAddressPerDay = 10
}

/// What a viewer sees of the sign-ups of one occurrence: counts for everyone, their own state.
public struct SignUpSummary: Sendable, Hashable {
    /// The activity's options; nil when it takes no sign-ups here.
    public var options: SignUpOptions?
    /// Places taken.
    public var taken: Int
    /// People on the waiting list.
    public var waiting: Int
    /// The viewer's own sign-up (or reminder) for this occurrence.
    public var mine: SignUp?
    /// The viewer's place on the waiting list (1 is next), when they are on it.
    public var myWaitingPosition: Int?

    /// Places left; nil when there is no limit.
    public var placesLeft: Int? { options?.places.map { max($0 - taken, 0) } }
    /// True when every place is taken.
    public var isFull: Bool { placesLeft == 0 }

    /// The agenda list's words for it: "nog 3 plaatsen vrij", "Vol, wachtlijst: 2", "Aanmelden kan".
    public var word: Word? {
        guard let options else { return nil }
        guard let left = placesLeft else { return .signUpOpen(taken) }
        if left > 0 { return .placesLeft(left) }
        return options.waitingList ? .signUpFullWaitingList(waiting) : .signUpFull
    }

    /// The activity's page's words for it, with the number of places: "Nog 3 van de 12 plaatsen vrij".
    public var detailWord: Word? {
        guard let left = placesLeft, left > 0, let places = options?.places else { return word }
        return .signUpPlacesLeft(left, places)
    }
}

/// One participant as the organiser may see them: the name their profile level allows (else
/// "anonieme deelnemer"), and only the details ticked for this sign-up.
public struct Participant: Sendable, Hashable {
    /// The sign-up's number (to remove it).
    public var id: Int
    /// The name as the organiser may see it.
    public var name: ShownName
    /// Where they stand (place or waiting).
    public var state: SignUp.State
    /// Their address, when ticked for this sign-up.
    public var email: String?
    /// Their phone number, when ticked and in their profile.
    public var phone: String?
    /// When they signed up.
    public var created: Date
}
