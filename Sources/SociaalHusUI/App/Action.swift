import TerminalKit

/// Everything a key can ask for. Screens declare which of these they offer in their key table.
public enum Action: String, Hashable, Sendable, CaseIterable {
    // Global
    case goAgenda, goPrikbord, goOrganisaties, goProfiel, goIntake, goBerichten, goModeratie, help, quit, back, login, logout, refresh
    // Lists
    case up, down, pageUp, pageDown, first, last, open, search
    // Forms
    case nextField, previousField, activate, submit
    // Screen actions
    case create, edit, delete, renew, weekView, monthView, today, previousWeek, nextWeek, previousMonth, nextMonth, previousDay, nextDay
    case filterWijk, filterKind, filterOrganisation, filterCategory, filterInterest, clearFilters
    /// Yes and no where a screen asks before it acts (the dialog's own keys, from the table too).
    case confirm, cancel
    case register, privacy, myData, export, eraseAccount, changePassword, toggle
    // Intake
    case refer, closeIntake, history, eraseIntake, retention, confirmTold, filterMatching
    /// The written receipt of a referral: write it to print, mail it to the resident, and
    /// choose another referral of the same conversation.
    case printReceipt, mailReceipt, previousReferral, nextReferral
    /// The desk makes a one-time code for a new password for someone in front of it.
    case resetCode
    /// Verify a resident's wijk (the desk), or ask how (the resident).
    case verifyWijk
    /// The desk starts helping the resident in front of it ("namens"), and ends it.
    case onBehalf, endOnBehalf
    // Messages
    case contact, reply, newsletter, announcement, neighbours
    // Moderation and sharing
    case report, hide, restore, remove, dismiss, block, takedown, platform, feeds, approve, withdraw
    /// The author objects, once, to the hiding of their post or activity.
    case object
    // Roles over an account's life (administrators)
    case accounts, giveRole, takeRole
    /// Sign up for an activity (or cancel), ask to be reminded of it, and see who signed up (its editors).
    case signUp, remindMe, participants
}
