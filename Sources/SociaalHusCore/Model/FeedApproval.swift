import Foundation

/// A local partner's approval to share their wijk's agenda with a named third party (for
/// example a volunteer organisation's website), and its withdrawal.
public struct FeedApproval: Codable, Sendable, Hashable, Identifiable {
    /// Number, unique within the settings.
    public var id: Int
    /// The wijk whose agenda is shared.
    public var wijk: WijkID
    /// Who receives the feed.
    public var thirdParty: String
    /// The partner who approved.
    public var approvedBy: AccountID
    /// Their name at the time.
    public var approvedByName: String
    /// When.
    public var approved: Date
    /// When it was withdrawn, if it was.
    public var withdrawn: Date?
    /// Who withdrew it.
    public var withdrawnBy: AccountID?

    /// Creates an approval.
    public init(id: Int, wijk: WijkID, thirdParty: String, approvedBy: AccountID, approvedByName: String, approved: Date,
                withdrawn: Date? = nil, withdrawnBy: AccountID? = nil) {
        self.id = id
        self.wijk = wijk
        self.thirdParty = thirdParty
        self.approvedBy = approvedBy
        self.approvedByName = approvedByName
        self.approved = approved
        self.withdrawn = withdrawn
        self.withdrawnBy = withdrawnBy
    }

    /// True while not withdrawn.
    public var inForce: Bool { withdrawn == nil }
}
