import Foundation

/// What the agenda's search matches: an activity whose title, description or place contains
/// the typed text, ignoring case.
///
/// Both sides are folded the same way (lower case, then canonical composition, so "é" typed as
/// one character or as "e" and an accent is the same) and compared as UTF-8 bytes. The database
/// keeps the folded text of every activity in a column (schema 7) and finds the same activities
/// with `instr`, so a search pages through the occurrence rows like any listing instead of
/// decoding every activity of its weeks per key typed (typing "Activiteit" letter by
/// letter at a hundred terminals was the slowest thing under load). This function is the rule;
/// the column is tested against it.
public enum AgendaSearch {
    /// Separates the three fields in the column (a control character; a search for text holding
    /// it looks at the fields themselves).
    static let separator = "\u{1F}"

    /// `text` as the search compares it.
    public static func fold(_ text: String) -> String {
        text.lowercased().precomposedStringWithCanonicalMapping
    }

    /// The column's text for `item`: its title, description and place, folded.
    static func column(_ item: AgendaItem) -> String {
        fold(item.title) + separator + fold(item.description) + separator + fold(item.location)
    }

    /// The typed text folded, or nil when nothing is searched for.
    static func needle(_ search: String?) -> String? {
        guard let search, !search.isEmpty else { return nil }
        return fold(search)
    }

    /// True when the column can answer for `needle`: a needle without the separator cannot
    /// match across two fields.
    static func columnAnswers(_ needle: String) -> Bool { !needle.contains(separator) }

    /// True when `item` matches the search for `needle` (folded, see `needle`).
    static func matches(_ item: AgendaItem, folded needle: String) -> Bool {
        guard columnAnswers(needle) else {
            return [item.title, item.description, item.location].contains { contains(fold($0), needle) }
        }
        return contains(column(item), needle)
    }

    /// Byte-wise containment of UTF-8 text, as SQLite's `instr` finds it.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var h = haystack
        return h.withUTF8 { hb in contains(UnsafeRawBufferPointer(hb), Array(needle.utf8)) }
    }

    /// Byte-wise containment of `needle` in `haystack`.
    static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        guard needle.count <= haystack.count else { return false }
        return needle.withUnsafeBytes { nb in
            let first = nb[0]
            var i = 0
            while i + nb.count <= haystack.count {
                if haystack[i] == first && memcmp(haystack.baseAddress! + i, nb.baseAddress!, nb.count) == 0 { return true }
                i += 1
            }
            return false
        }
    }
}
