/// A terminal size in cells.
public struct Size: Hashable, Sendable {
    /// Columns.
    public var cols: Int
    /// Rows.
    public var rows: Int

    /// Creates a size.
    public init(cols: Int, rows: Int) {
        self.cols = cols
        self.rows = rows
    }

    /// The standard 80×24 terminal.
    public static let standard = Size(cols: 80, rows: 24)
}

/// A rectangle of cells.
public struct Rect: Hashable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int

    /// Creates a rectangle.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(width, 0)
        self.height = max(height, 0)
    }

    /// The row just below the rectangle.
    public var maxY: Int { y + height }

    /// The rectangle shrunk by `n` cells on every side.
    public func inset(_ n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }

    /// The top `n` rows and the rest.
    public func splitTop(_ n: Int) -> (Rect, Rect) {
        let h = min(n, height)
        return (Rect(x: x, y: y, width: width, height: h), Rect(x: x, y: y + h, width: width, height: height - h))
    }
}
