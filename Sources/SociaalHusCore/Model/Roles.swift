import Foundation

/// What an account may do besides browsing: the roles of the brief.
///
/// Editorship lives here (not in the organisation) so that erasing an account removes it with
/// the account and the organisation record carries no account data; `Store.editors(of:)` derives
/// the list of an organisation's editors.
public struct Roles: Codable, Sendable, Hashable {
    /// A bewoner: has a profile in a wijk and may post on the prikbord.
    public var resident: Bool
    /// Organisations this account edits (organisatie role).
    public var editorOf: [OrganisationID]
    /// Baliemedewerker of the Sociaal Hus.
    public var deskStaff: Bool
    /// Wijken for which this account is the lokale partner.
    public var partnerOf: [WijkID]
    /// Beheerder of the platform.
    public var administrator: Bool

    /// Creates a set of roles; by default a plain resident.
    public init(resident: Bool = true, editorOf: [OrganisationID] = [], deskStaff: Bool = false,
                partnerOf: [WijkID] = [], administrator: Bool = false) {
        self.resident = resident
        self.editorOf = editorOf
        self.deskStaff = deskStaff
        self.partnerOf = partnerOf
        self.administrator = administrator
    }

    /// Only the resident role.
    public static let residentOnly = Roles()

    /// Short names of the roles held, for lists and exports.
    public var names: [String] {
        var out: [String] = []
        if resident { out.append("resident") }
        if !editorOf.isEmpty { out.append("organisation-editor") }
        if deskStaff { out.append("desk-staff") }
        if !partnerOf.isEmpty { out.append("local-partner") }
        if administrator { out.append("administrator") }
        return out
    }
}
