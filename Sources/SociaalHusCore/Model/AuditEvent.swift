import Foundation

/// A record of who did what to whose data, when; it holds internal ids only, never personal data.
public struct AuditEvent: Codable, Sendable, Hashable, Identifiable {
    /// What happened.
    public enum Action: String, Codable, Sendable, CaseIterable {
        case accountCreated = "account-created"
        case accountBlocked = "account-blocked"
        case accountUnblocked = "account-unblocked"
        case accountErased = "account-erased"
        case profileChanged = "profile-changed"
        case emailPreferencesChanged = "email-preferences-changed"
        case passwordChanged = "password-changed"
        case loginFailed = "login-failed"
        case dataExported = "data-exported"
        case postCreated = "post-created"
        case postChanged = "post-changed"
        case postDeleted = "post-deleted"
        case agendaItemCreated = "agenda-item-created"
        case agendaItemChanged = "agenda-item-changed"
        case agendaItemDeleted = "agenda-item-deleted"
        case organisationCreated = "organisation-created"
        case organisationChanged = "organisation-changed"
        case organisationDeleted = "organisation-deleted"
        case messageSent = "message-sent"
        case platformChanged = "platform-changed"
        case intakeOpened = "intake-opened"
        /// A conversation was shown as a row of the desk's list or of a search result, or counted
        /// among the person's conversations (a list or a search shows it too, so it is logged too).
        case intakeListed = "intake-listed"
        case intakeCreated = "intake-created"
        case intakeChanged = "intake-changed"
        case intakeReferred = "intake-referred"
        case intakeErased = "intake-erased"
        /// The desk made the written receipt of a referral for printing (target: the conversation).
        case receiptPrinted = "receipt-printed"
        /// The desk queued the written receipt of a referral to the resident's e-mail address.
        case receiptMailed = "receipt-mailed"
        /// A conversation was linked to the person's account, after they agreed at the desk.
        case intakeLinked = "intake-linked"
        /// A conversation's link to the person's account was removed (the event names that account).
        case intakeUnlinked = "intake-unlinked"
        /// The desk looked the person's account up by e-mail address and was shown its name and wijk.
        case accountLookedUp = "account-looked-up"
        case contentModerated = "content-moderated"
        /// The author objected to the hiding of their content (the objection goes to the moderators).
        case objectionMade = "objection-made"
        /// A one-time code to set a new password was made (target: "desk", "mail" or "operator").
        case resetCodeIssued = "reset-code-issued"
        /// A new password was set with a one-time code (target: how the code was given).
        case passwordReset = "password-reset"
        /// The wijk was verified (target: "desk:wijk:N" or "letter:wijk:N").
        case wijkVerified = "wijk-verified"
        /// The resident asked for a letter with a code to verify the wijk.
        case wijkLetterAsked = "wijk-letter-asked"
        /// That letter was written (to be posted).
        case wijkLetterWritten = "wijk-letter-written"
        /// An administrator gave the account a role (the target names it by ids: "role:partner:3").
        case roleGiven = "role-given"
        /// An administrator took a role from the account.
        case roleTaken = "role-taken"
        /// A desk member began to act for the resident at the desk ("namens"), after the
        /// resident agreed by typing their password or a code (target: "password:REASON" or
        /// "code:REASON"; the reason is a word of `OnBehalf.Reason`, never free text).
        case onBehalfStarted = "on-behalf-started"
        /// Acting for the resident ended (target: "ended", "time" or "logout").
        case onBehalfEnded = "on-behalf-ended"
    }

    /// Internal id.
    public var id: AuditEventID
    /// The account that acted; nil for the command line run by the operator or the system.
    public var actor: AccountID?
    /// What happened.
    public var action: Action
    /// The person whose data it concerns, if any.
    public var subject: AccountID?
    /// The object acted on, as "kind:id" (e.g. "post:12"); never free text.
    public var target: String?
    /// When.
    public var at: Date

    /// Creates an event.
    public init(id: AuditEventID, actor: AccountID?, action: Action, subject: AccountID?, target: String? = nil, at: Date) {
        self.id = id
        self.actor = actor
        self.action = action
        self.subject = subject
        self.target = target
        self.at = at
    }
}

extension AuditEvent {
    /// The mark in `target` of an event a desk member caused while acting for the resident
    /// ("namens"): the actor is then the desk member, and the subject's log says "… namens jou".
    /// A mark in the target rather than a column: no migration, and the target holds only ids
    /// and words, never free text.
    static let onBehalfMark = "namens"

    /// The target with the "namens" mark put in front.
    static func markedOnBehalf(_ target: String?) -> String {
        target.map { onBehalfMark + " " + $0 } ?? onBehalfMark
    }

    /// True when a desk member did this while acting for the person ("namens").
    public var isOnBehalf: Bool { target == Self.onBehalfMark || target?.hasPrefix(Self.onBehalfMark + " ") == true }

    /// The target without the "namens" or command-line mark (what was acted on).
    public var object: String? {
        for mark in [Self.onBehalfMark, Self.commandLineMark] {
            guard let target, target == mark || target.hasPrefix(mark + " ") else { continue }
            return target == mark ? nil : String(target.dropFirst(mark.count + 1))
        }
        return target
    }

    /// Marks a change the operator made on the command line: without an account, like a
    /// visitor, but the person's log must not say "zonder account" for what the operator did.
    /// A mark in the target, as "namens": no migration.
    static let commandLineMark = "cli"

    /// The target with the command-line mark put in front.
    static func markedByCommandLine(_ target: String?) -> String {
        target.map { commandLineMark + " " + $0 } ?? commandLineMark
    }

    /// True when the operator did this on the command line.
    public var isByCommandLine: Bool {
        actor == nil && (target == Self.commandLineMark || target?.hasPrefix(Self.commandLineMark + " ") == true)
    }
}
