import Foundation

/// The subject of a question at the desk, as in the municipality's intake form.
public enum IntakeCategory: String, Codable, Sendable, CaseIterable {
    case wonen
    case zorgEnOndersteuning = "zorg en ondersteuning"
    case geldzaken
    case werkEnInkomen = "werk en inkomen"
    case opvoedenEnJeugd = "opvoeden en jeugd"
    case ontmoetingEnEenzaamheid = "ontmoeting en eenzaamheid"
    case vrijwilligerswerk
    case overig

    /// The name users see.
    public func label(_ lang: Language) -> String { lang.t(word) }

    /// The same as a word with its values, for the reader's layer to word.
    public var word: Word {
        switch self {
        case .wonen: .housing
        case .zorgEnOndersteuning: .careAndSupport
        case .geldzaken: .moneyMatters
        case .werkEnInkomen: .workAndIncome
        case .opvoedenEnJeugd: .parentingAndYouth
        case .ontmoetingEnEenzaamheid: .meetingPeopleAndLoneliness
        case .vrijwilligerswerk: .volunteering
        case .overig: .other2
        }
    }
}

/// Where a conversation stands.
public enum IntakeStatus: String, Codable, Sendable, CaseIterable {
    case open
    case doorverwezen
    case afgesloten

    /// The name users see.
    public func label(_ lang: Language) -> String { lang.t(word) }

    /// The same as a word with its values, for the reader's layer to word.
    public var word: Word {
        switch self {
        case .open: .openText2
        case .doorverwezen: .referred3
        case .afgesloten: .closed2
        }
    }
}

/// The person at the desk: every part optional, but at least one way to reach them.
public struct IntakePerson: Codable, Sendable, Hashable {
    /// Name.
    public var name: String
    /// Street and house number.
    public var address: String
    /// Postcode, normalised to "1234 AB" (or empty).
    public var postcode: String
    /// Place.
    public var place: String
    /// Phone number, normalised (or empty).
    public var phone: String
    /// E-mail address, normalised (or empty).
    public var email: String
    /// The person's wijk, when known.
    public var wijk: WijkID?
    /// The person's own account, linked only after the staff member confirmed the match.
    public var account: AccountID?

    /// Creates a person.
    public init(name: String = "", address: String = "", postcode: String = "", place: String = "", phone: String = "",
                email: String = "", wijk: WijkID? = nil, account: AccountID? = nil) {
        self.name = name
        self.address = address
        self.postcode = postcode
        self.place = place
        self.phone = phone
        self.email = email
        self.wijk = wijk
        self.account = account
    }
}

/// One informatie- en adviesgesprek: who, the question, what the desk did.
public struct Intake: Codable, Sendable, Hashable, Identifiable {
    /// Internal id.
    public var id: IntakeID
    /// The person.
    public var person: IntakePerson
    /// The subject.
    public var category: IntakeCategory
    /// The question in the resident's own words.
    public var question: String
    /// The staff member's notes; never passed on unless ticked for a referral.
    public var notes: String
    /// Where it stands.
    public var status: IntakeStatus
    /// The staff member who recorded it.
    public var staff: AccountID
    /// When it was recorded.
    public var created: Date
    /// When it was last changed.
    public var changed: Date
    /// When it was closed (the retention period counts from here).
    public var closed: Date?
    /// The referrals made, oldest first.
    public var referrals: [Referral]

    /// Creates an intake.
    public init(id: IntakeID, person: IntakePerson, category: IntakeCategory, question: String, notes: String,
                status: IntakeStatus, staff: AccountID, created: Date, changed: Date, closed: Date?, referrals: [Referral]) {
        self.id = id
        self.person = person
        self.category = category
        self.question = question
        self.notes = notes
        self.status = status
        self.staff = staff
        self.created = created
        self.changed = changed
        self.closed = closed
        self.referrals = referrals
    }
}

/// A piece of an intake that can be passed to an organisation.
public enum IntakeField: String, Codable, Sendable, CaseIterable, Comparable {
    case name, phone, email, address, question, notes

    /// The word users see (also in the sentence said to the resident).
    public func label(_ lang: Language) -> String { lang.t(word) }

    /// The same as a word with its values, for the reader's layer to word.
    public var word: Word {
        switch self {
        case .name: .name3
        case .phone: .phoneNumber
        case .email: .eMailAddress2
        case .address: .address3
        case .question: .question3
        case .notes: .theDeskSNotes
        }
    }

    /// The value of this field in `intake` (empty when not filled in).
    public func value(in intake: Intake) -> String {
        let p = intake.person
        switch self {
        case .name: return p.name
        case .phone: return p.phone
        case .email: return p.email
        case .address: return [p.address, [p.postcode, p.place].filter { !$0.isEmpty }.joined(separator: "  ")]
            .filter { !$0.isEmpty }.joined(separator: ", ")
        case .question: return intake.question
        case .notes: return intake.notes
        }
    }

    public static func < (a: IntakeField, b: IntakeField) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A referral to one organisation of the directory, with exactly what was passed on.
public struct Referral: Codable, Sendable, Hashable {
    /// The organisation.
    public var organisation: OrganisationID
    /// Its name at the time (the directory entry may change later).
    public var organisationName: String
    /// The fields passed on.
    public var fields: [IntakeField]
    /// Why.
    public var purpose: String
    /// When.
    public var at: Date
    /// The staff member who referred.
    public var staff: AccountID
    /// The staff member's name at the time.
    public var staffName: String
    /// The exact sentence the staff member confirmed having said to the resident.
    public var toldSentence: String
    /// The disclosure entry written for it.
    public var disclosure: DisclosureID
    /// The referral message queued for the organisation.
    public var message: OutboxMessageID

    /// Creates a referral.
    public init(organisation: OrganisationID, organisationName: String, fields: [IntakeField], purpose: String, at: Date,
                staff: AccountID, staffName: String, toldSentence: String, disclosure: DisclosureID, message: OutboxMessageID) {
        self.organisation = organisation
        self.organisationName = organisationName
        self.fields = fields
        self.purpose = purpose
        self.at = at
        self.staff = staff
        self.staffName = staffName
        self.toldSentence = toldSentence
        self.disclosure = disclosure
        self.message = message
    }
}
