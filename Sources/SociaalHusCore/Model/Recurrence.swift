import Foundation

/// How an activity repeats: none, weekly, every two weeks or monthly, until an end date.
public struct Recurrence: Codable, Sendable, Hashable {
    /// The repeat pattern.
    public enum Frequency: String, Codable, Sendable, CaseIterable {
        /// Happens once.
        case none
        /// Every week on the same weekday and time.
        case weekly
        /// Every two weeks.
        case biweekly
        /// Every month on the same day of the month (skipped in months without that day).
        case monthly
    }

    /// The pattern.
    public var frequency: Frequency
    /// Last day on which an occurrence may start (inclusive); nil means no end.
    public var until: Date?

    /// Creates a recurrence.
    public init(_ frequency: Frequency = .none, until: Date? = nil) {
        self.frequency = frequency
        self.until = until
    }

    /// No repetition.
    public static let none = Recurrence()
}
