import Foundation

/// Why a repetition rule, or the change of one occurrence, cannot be kept.
public enum RecurrenceProblem: Sendable, Hashable {
    /// The interval or the number of times is not a whole number from 1 to 999.
    case numberOutOfRange
    /// Both an end day and a number of times: one of them ends a rule.
    case untilAndCount
    /// A monthly rule on a weekday whose start is not that weekday of its month (RFC 5545
    /// leaves such a rule undefined: calendar programs would disagree); `week` is the week of
    /// the month the start is in (-1: the last, fifth).
    case startNotOnWeekOfMonth(start: Date, week: Int, weekday: Int)
    /// No occurrence of the rule falls on this day.
    case noOccurrence(on: Date)
    /// A moved occurrence would fall on a day the activity already takes place.
    case occurrenceAlready(on: Date)
    /// The activity does not repeat.
    case notRepeating

    /// The message, as a word.
    public var word: Word {
        switch self {
        case .numberOutOfRange: return .wholeNumberFrom1To999
        case .untilAndCount: return .untilOrTimesNotBoth
        case .startNotOnWeekOfMonth(let start, let week, let weekday):
            return .dateIsNotTheWeekOfMonth(LocalTime.dayName(start), Word.ordinalWeek(week: week), Word.weekdayName(weekday: weekday))
        case .noOccurrence(let day): return .noOccurrenceOn(LocalTime.dayName(day))
        case .occurrenceAlready(let day): return .occurrenceAlreadyOn(LocalTime.dayName(day))
        case .notRepeating: return .onlyForRepeatingActivities
        }
    }
}
