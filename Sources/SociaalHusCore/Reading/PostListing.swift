import Foundation

/// The notice board as a viewer may see it, read a page at a time: how many posts there are and
/// the posts of the rows on screen, newest first (decoding and drawing every post for each key
/// pressed on the board was the slowest part of it).
public final class PostListing: @unchecked Sendable {
    /// A listing without posts.
    public static let empty = PostListing([])

    /// Number of posts.
    public let count: Int
    private let fetch: (Range<Int>) -> [PostView?]
    private let pages = Pages<PostView>()

    /// `fetch` reads a range of posts (nil for one gone since they were counted).
    init(count: Int, fetch: @escaping (Range<Int>) -> [PostView?]) {
        self.count = count
        self.fetch = fetch
    }

    /// A listing of posts already read.
    convenience init(_ all: [PostView]) {
        self.init(count: all.count) { range in range.map { all[$0] } }
    }

    /// The post at `index` (nil outside the listing, or when it went meanwhile).
    public func view(at index: Int) -> PostView? { pages.element(at: index, count: count, fetch: fetch) }

    /// Where the post `id` stands, looked for from `near` outwards a page or two at a time (nil
    /// when not among the first `limit` looked at).
    public func index(of id: PostID, near: Int, limit: Int = 128) -> Int? {
        guard count > 0 else { return nil }
        let start = min(max(near, 0), count - 1)
        for distance in 0..<min(limit, count) {
            for i in [start - distance, start + distance] where (0..<count).contains(i) {
                if view(at: i)?.post.id == id { return i }
            }
        }
        return nil
    }

    /// Every post, in order.
    public var all: [PostView] { fetch(0..<count).compactMap { $0 } }
}
