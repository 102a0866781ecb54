import Foundation

/// What a search typed letter by letter keeps between keys: the occurrence rows of its window
/// and filters (without the search) and the folded text of their activities, read once; each key
/// then filters them in memory. Reading them again per key took 20 ms at Borne's size (every
/// prefix of "Activiteit" matches all 10,000 activities), and seconds with a hundred terminals
/// typing at once (issue 16). Kept for one window and filters (about 2 MB at Borne's size), and
/// only while the activities, the accounts (who is blocked) and the settings are unchanged as
/// this process knows them (their change counters, moved by every change made here and by every
/// change of another process read in): the next search in the same weeks starts from them too.
final class AgendaSearchCache: @unchecked Sendable {
    /// One occurrence row: enough to order, count and page it.
    struct Slot: Sendable {
        var day: Int
        var starts: Double
        var item: Int
    }

    private let lock = NSLock()
    private var key: String?
    private var slots: [Slot] = []
    private var texts: [Int: String] = [:]

    /// The rows and texts for `key`, read by `load` when not kept.
    func rows(for key: String, load: () throws -> ([Slot], [Int: String])) rethrows -> ([Slot], [Int: String]) {
        try lock.withLock {
            if self.key == key { return (slots, texts) }
            (slots, texts) = try load()
            self.key = key
            return (slots, texts)
        }
    }
}
