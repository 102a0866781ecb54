/// What the app needs from a terminal: its size, showing a grid, and reading keys.
public protocol Terminal: AnyObject {
    /// Current size.
    var size: Size { get }
    /// Shows `grid` (only what changed), with the hardware cursor on `grid.cursor`.
    func present(_ grid: Grid)
    /// Waits up to `timeoutMilliseconds` for a key; nil on timeout.
    func readKey(timeoutMilliseconds: Int) -> Key?
    /// The signal that asked the session to end (a dropped connection, SIGTERM), if one did.
    var endedBySignal: Int32? { get }
}

extension Terminal {
    public var endedBySignal: Int32? { nil }
}

/// A terminal in memory for tests: keys are queued, the last grid is kept.
public final class HeadlessTerminal: Terminal {
    public var size: Size
    /// Keys still to be read.
    public var keys: [Key] = []
    /// The last grid shown.
    public private(set) var last: Grid?
    /// How many times a grid was presented.
    public private(set) var presentCount = 0

    /// Creates a headless terminal of a size.
    public init(size: Size = .standard) { self.size = size }

    public func present(_ grid: Grid) {
        last = grid
        presentCount += 1
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        keys.isEmpty ? nil : keys.removeFirst()
    }
}
