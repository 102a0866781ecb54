import Foundation

/// The one answer to "may this kind of e-mail go to this person?" that every sender must use.
public enum EmailPolicy {
    /// What an e-mail is about, so the policy can check wijk and interest areas too.
    public enum Occasion: Sendable, Hashable {
        /// A contact-form message to the recipient.
        case visitorMessage
        /// New content in `wijk` in the categories `topics` (keys of `PlatformCategory`).
        case wijkNotification(wijk: WijkID, topics: [String])
        /// The newsletter of `wijk`.
        case newsletter(wijk: WijkID)
        /// A platform announcement.
        case announcement
        /// The digest of wijk notifications (its lines were chosen by wijk and interest
        /// when they were queued).
        case dailyDigest

        /// The toggle that governs it.
        public var kind: EmailKind {
            switch self {
            case .visitorMessage: .visitorMessage
            case .wijkNotification, .dailyDigest: .wijkNotification
            case .newsletter: .newsletter
            case .announcement: .announcement
            }
        }
    }

    /// True only when the person's toggle for this kind is on, the account is not blocked, and
    /// (for wijk mail) the person lives in that wijk and (for notifications) one of their
    /// interest categories is one of the content's.
    public static func mayEmail(_ occasion: Occasion, to account: Account) -> Bool {
        guard !account.blocked, account.profile.email[occasion.kind] else { return false }
        switch occasion {
        case .visitorMessage, .announcement, .dailyDigest:
            return true
        case .newsletter(let wijk):
            return account.profile.wijk == wijk
        case .wijkNotification(let wijk, let topics):
            guard account.profile.wijk == wijk else { return false }
            let mine = Set(account.profile.interestCategories)
            return topics.contains { PlatformCategory(matching: $0).map(mine.contains) ?? false }
        }
    }
}
