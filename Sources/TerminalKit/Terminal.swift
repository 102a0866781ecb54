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
    /// Clears the screen and, where the terminal can, its scrollback; the next grid is drawn
    /// whole. Called when a session ends, so a shared terminal keeps nothing of the person.
    func forget()
}

extension Terminal {
    public var endedBySignal: Int32? { nil }
    /// A terminal that keeps no scrollback (one in memory) has nothing more to clear.
    public func forget() {}
}

extension Size {
    /// The largest window served (400×150): beyond it the app shows only "Venster te groot", so
    /// one remote client announcing 10000×10000 cannot make its session allocate gigabytes, and
    /// a session stays under 40 MB at the largest size (measured: 36 MB). A 4K screen
    /// with 10×20-pixel cells is 384×108.
    public static let largest = Size(cols: 400, rows: 150)

    /// True when the size passes `largest` in either direction.
    public var exceedsLargest: Bool { cols > Size.largest.cols || rows > Size.largest.rows }

    /// The size actually drawn (and given to curses) for a window of this size: itself, or for a
    /// window beyond the largest only the top-left 80×24 (where "Venster te groot" is said).
    public var served: Size {
        exceedsLargest ? Size(cols: min(max(cols, 1), 80), rows: min(max(rows, 1), 24)) : self
    }
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
    /// How many times the screen and scrollback were cleared (`forget`).
    public private(set) var forgetCount = 0

    /// Creates a headless terminal of a size.
    public init(size: Size = .standard) { self.size = size }

    public func present(_ grid: Grid) {
        last = grid
        presentCount += 1
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        keys.isEmpty ? nil : keys.removeFirst()
    }

    public func forget() {
        forgetCount += 1
        last = nil
    }
}
