import Foundation

/// What a staff member typed into the intake form and has not saved yet, kept so that nothing
/// is lost when they switch screens or their session times out. One per staff member.
public struct IntakeDraft: Codable, Sendable, Hashable {
    /// The staff member.
    public var staff: AccountID
    /// The intake being edited, or nil for a new conversation.
    public var editing: IntakeID?
    /// The form's contents.
    public var input: IntakeInput
    /// When it was last kept.
    public var saved: Date

    /// Creates a draft.
    public init(staff: AccountID, editing: IntakeID?, input: IntakeInput, saved: Date) {
        self.staff = staff
        self.editing = editing
        self.input = input
        self.saved = saved
    }
}

/// The intake form as typed: plain strings, validated by the core when saved.
public struct IntakeInput: Codable, Sendable, Hashable {
    public var category: IntakeCategory
    public var question: String
    public var notes: String
    public var name: String
    public var phone: String
    public var email: String
    public var address: String
    public var postcode: String
    public var place: String
    public var wijk: WijkID?
    /// The account the staff member confirmed as this person's (matched by e-mail address).
    public var account: AccountID?

    /// Creates input; everything empty by default.
    public init(category: IntakeCategory = .overig, question: String = "", notes: String = "", name: String = "", phone: String = "",
                email: String = "", address: String = "", postcode: String = "", place: String = "", wijk: WijkID? = nil,
                account: AccountID? = nil) {
        self.category = category
        self.question = question
        self.notes = notes
        self.name = name
        self.phone = phone
        self.email = email
        self.address = address
        self.postcode = postcode
        self.place = place
        self.wijk = wijk
        self.account = account
    }

    /// The input for editing an existing intake.
    public init(_ intake: Intake) {
        let p = intake.person
        self.init(category: intake.category, question: intake.question, notes: intake.notes, name: p.name, phone: p.phone,
                  email: p.email, address: p.address, postcode: p.postcode, place: p.place, wijk: p.wijk, account: p.account)
    }
}
