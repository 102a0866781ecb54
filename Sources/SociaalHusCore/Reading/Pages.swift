import Foundation

/// The pages of a listing read so far, so a list drawn again (every key) reads no row twice:
/// shared by the agenda's and the notice board's listings.
final class Pages<Element>: @unchecked Sendable {
    /// Rows per read.
    static var size: Int { 64 }
    /// Most pages kept (1,024 rows): scrolling through all 10,000 posts of a board, or every
    /// result of a search, must not keep them all in a session's memory. The page
    /// farthest from the one read goes first, so moving back and forth near a place reads nothing twice.
    static var kept: Int { 16 }

    private let lock = NSLock()
    private var pages: [Int: [Element?]] = [:]

    /// How many pages are kept now (for tests).
    var keptPages: Int { lock.withLock { pages.count } }

    /// Element `index` of `count`, its page read by `fetch` when not read before (nil outside
    /// the listing, or for a row gone since it was counted).
    func element(at index: Int, count: Int, fetch: (Range<Int>) -> [Element?]) -> Element? {
        guard (0..<count).contains(index) else { return nil }
        let page = index / Self.size
        let rows: [Element?] = lock.withLock {
            if let known = pages[page] { return known }
            let start = page * Self.size
            let got = fetch(start..<min(start + Self.size, count))
            if pages.count >= Self.kept, let farthest = pages.keys.max(by: { abs($0 - page) < abs($1 - page) }) {
                pages[farthest] = nil
            }
            pages[page] = got
            return got
        }
        let offset = index - page * Self.size
        return rows.indices.contains(offset) ? rows[offset] : nil
    }
}
