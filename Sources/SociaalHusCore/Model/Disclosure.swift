import Foundation

/// A record that personal data left the Sociaal Hus: to whom, which fields, when and by whom.
///
/// It names the fields, never their values, so the resident can see what was passed without the
/// log becoming a second copy of the data.
public struct Disclosure: Codable, Sendable, Hashable, Identifiable {
    /// Internal id.
    public var id: DisclosureID
    /// The intake the data came from.
    public var intake: IntakeID
    /// The person's account, when the intake is linked to one.
    public var account: AccountID?
    /// The receiving organisation.
    public var organisation: OrganisationID
    /// Its name at the time.
    public var organisationName: String
    /// The fields passed on.
    public var fields: [IntakeField]
    /// Why.
    public var purpose: String
    /// When.
    public var at: Date
    /// The staff member who passed it on.
    public var staff: AccountID
    /// The staff member's name at the time.
    public var staffName: String

    /// Creates a disclosure entry.
    public init(id: DisclosureID, intake: IntakeID, account: AccountID?, organisation: OrganisationID, organisationName: String,
                fields: [IntakeField], purpose: String, at: Date, staff: AccountID, staffName: String) {
        self.id = id
        self.intake = intake
        self.account = account
        self.organisation = organisation
        self.organisationName = organisationName
        self.fields = fields
        self.purpose = purpose
        self.at = at
        self.staff = staff
        self.staffName = staffName
    }
}
