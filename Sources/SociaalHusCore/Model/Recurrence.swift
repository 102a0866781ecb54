import Foundation

/// How an activity repeats: every N days, every N weeks, every N months on the same date or on
/// the same weekday of the month ("eerste donderdag"), until a day or a number of times, with
/// single occurrences cancelled or moved.
public struct Recurrence: Codable, Sendable, Hashable {
    /// The patterns the store knew before rules had an interval; still how a plain rule is kept.
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

    /// The unit the interval counts.
    public enum Unit: String, Codable, Sendable, CaseIterable {
        /// Every N days.
        case day
        /// Every N weeks, on the start's weekday.
        case week
        /// Every N months, on the start's date (skipped in months without it) or weekday.
        case month
    }

    /// Which weekday of the month a monthly rule takes: the start's weekday, the first to the
    /// fourth or the last of the month.
    public enum WeekOfMonth: Int, Codable, Sendable, CaseIterable {
        /// The first (days 1 to 7).
        case first = 1
        /// The second.
        case second = 2
        /// The third.
        case third = 3
        /// The fourth.
        case fourth = 4
        /// The last of the month (the fourth or the fifth).
        case last = -1
    }

    /// The unit; nil means no repetition.
    public var unit: Unit?
    /// Every how many units (at least 1).
    public var interval: Int
    /// For a monthly rule: on this weekday of the month (the start's weekday) rather than the date.
    public var weekOfMonth: WeekOfMonth?
    /// Last day on which an occurrence may start (inclusive); nil means no end.
    public var until: Date?
    /// How many occurrences the rule has (cancelled and moved ones included, as RFC 5545 counts);
    /// nil means no limit.
    public var count: Int?
    /// Single occurrences cancelled or moved, by the start the rule gives them.
    public var changes: [OccurrenceChange]

    /// Creates a rule of one of the old patterns.
    public init(_ frequency: Frequency = .none, until: Date? = nil) {
        switch frequency {
        case .none: self.init(unit: nil, until: until)
        case .weekly: self.init(unit: .week, until: until)
        case .biweekly: self.init(unit: .week, interval: 2, until: until)
        case .monthly: self.init(unit: .month, until: until)
        }
    }

    /// Creates a rule.
    public init(unit: Unit?, interval: Int = 1, weekOfMonth: WeekOfMonth? = nil, until: Date? = nil, count: Int? = nil,
                changes: [OccurrenceChange] = []) {
        self.unit = unit
        self.interval = interval
        self.weekOfMonth = unit == .month ? weekOfMonth : nil
        self.until = until
        self.count = count
        self.changes = changes
    }

    /// No repetition.
    public static let none = Recurrence()

    /// True when it repeats.
    public var repeats: Bool { unit != nil }

    /// The old pattern this rule is, when it is one (a rule with another interval, a weekday or a
    /// count is not); nil otherwise. `.none` for no repetition. Changes are kept apart.
    public var pattern: Frequency? {
        guard weekOfMonth == nil, count == nil else { return nil }
        switch (unit, interval) {
        case (nil, _): return Frequency.none
        case (.week?, 1): return .weekly
        case (.week?, 2): return .biweekly
        case (.month?, 1): return .monthly
        default: return nil
        }
    }

    /// The change of the occurrence the rule starts at `original`, if any.
    public func change(at original: Date) -> OccurrenceChange? { changes.first { $0.original == original } }
}

/// One occurrence of a repeating activity that does not happen as the rule says: cancelled, or
/// moved to another start (and end).
public struct OccurrenceChange: Codable, Sendable, Hashable {
    /// The start the rule gives it (its RECURRENCE-ID).
    public var original: Date
    /// Where it went; nil when it is cancelled.
    public var moved: Moved?

    /// A new start and end.
    public struct Moved: Codable, Sendable, Hashable {
        /// New start.
        public var start: Date
        /// New end; nil when the activity has none.
        public var end: Date?
        /// Creates a new time.
        public init(start: Date, end: Date?) {
            self.start = start
            self.end = end
        }
    }

    /// Creates a change.
    public init(original: Date, moved: Moved? = nil) {
        self.original = original
        self.moved = moved
    }

    /// True when this occurrence does not take place.
    public var cancelled: Bool { moved == nil }
}
