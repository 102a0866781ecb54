import Foundation

/// What one read of the desk's list returns: the rows, and the run with them counted as shown
/// (keep it for the next read of the same run, so only what is new is logged).
public struct IntakePage: Sendable, Equatable {
    /// The conversations, most recently changed first.
    public let rows: [Intake]
    /// The run, now knowing these rows.
    public let listing: IntakeListing
}
