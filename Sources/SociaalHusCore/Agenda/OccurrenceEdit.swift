import Foundation

/// What happens to one occurrence of a repeating activity.
public enum OccurrenceEdit: Sendable, Hashable {
    /// It does not take place.
    case cancel
    /// It takes place at another start (and end).
    case move(start: Date, end: Date?)
    /// It takes place as the rule says (a cancellation or move undone).
    case asPlanned
}
