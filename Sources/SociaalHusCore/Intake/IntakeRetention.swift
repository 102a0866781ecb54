import Foundation

/// What the desk keeps and for how long: a closed conversation until its retention period (in
/// months, set by an administrator) has passed since it was closed; an unsaved intake form 30
/// days. The rule lives here, in the core, and runs at three defined moments, never because a
/// screen appeared:
/// - in the transaction that reads the desk's list (`Intent.listIntakes`), before the rows are
///   read: so no member of the desk ever sees a record past its term, whatever screen or
///   command asks, and the list's read and the erasure are one change;
/// - when an administrator sets a new period (`Intent.setIntakeRetention`), in that change;
/// - by the operator: the `retention` command (cron) and the terminal program as it starts
///   (`Intent.eraseExpiredIntakes`), for a store whose list nobody opens.
public enum IntakeRetention {
    /// How long an unsaved intake form is kept: 30 days.
    public static let draftLifetime: TimeInterval = 30 * 24 * 3600

    /// True when `intake` is closed and its retention of `months` has passed at `now`.
    public static func isExpired(_ intake: Intake, months: Int, now: Date) -> Bool {
        guard intake.status == .afgesloten, let closed = intake.closed,
              let until = amsterdamCalendar().date(byAdding: .month, value: months, to: closed) else { return false }
        return until <= now
    }

    /// True when a draft saved at `saved` is past its lifetime at `now`.
    public static func isStale(savedAt saved: Date, now: Date) -> Bool {
        saved.addingTimeInterval(draftLifetime) <= now
    }

    /// True when `state` holds anything the rule erases at `now` (read without the lock, so a
    /// list with nothing expired needs no change).
    static func hasExpired(in state: StoreState, now: Date) -> Bool {
        let months = state.settings.intakeRetentionMonths
        return state.intakes.all.contains { isExpired($0, months: months, now: now) }
            || state.drafts.all.contains { isStale(savedAt: $0.saved, now: now) }
    }

    /// Erases, in `tx`, the closed conversations past their retention and the stale drafts;
    /// returns how many conversations were erased. The system erases: the log names no actor.
    static func apply(in tx: inout Transaction) -> Int {
        let months = tx.state.settings.intakeRetentionMonths, now = tx.now
        let victims = tx.state.intakes.all.filter { isExpired($0, months: months, now: now) }
        for intake in victims { Store.eraseIntake(intake, actor: nil, in: &tx) }
        for d in Array(tx.state.drafts.all) where isStale(savedAt: d.saved, now: now) { tx.remove(d) }
        return victims.count
    }
}
