import Foundation

/// Short keys of a text under which an erasure finds it: every text in which
/// `PersonIdentifiers.redacted` would replace a person's e-mail address or phone number holds
/// that person's key (`person(email:phoneDigits:)`). The keys find a superset; the erasure reads
/// each text it finds and decides. They are kept in the `mention` table (`MentionIndex`), so an
/// erasure costs what the person's rows cost instead of a search through every text of the store.
///
/// - E-mail: around each "@", the 1 to 3 characters before it and the 3 after it ("e:nna@exa").
///   A text that holds the address as a token holds it there, whatever its case: Foundation's
///   case-insensitive search compares whole characters, and the few characters outside ASCII
///   whose case folding (or canonical form) is ASCII are written as those letters; every other
///   character outside ASCII is left out, which only adds keys.
/// - Phone: the last 8 digits before each end of a group of digits, within a run of the
///   characters `replacePhone` walks over (digits and " -+./()"): "p:12345678". A replaced number
///   is such a run ending in the person's digits (8 rather than 9: a number of 8 digits is one).
/// - A text with more than `cap` keys (long lists of numbers or addresses) gets `everything`
///   instead: it is read at every erasure.
enum MentionKeys {
    /// The key of a text that is read at every erasure.
    static let everything = "*"
    /// The most keys one row keeps; above it the row gets `everything`.
    static let cap = 64

    /// The keys an erasure looks up for one person (nil where there is nothing to look for).
    struct Person: Equatable {
        var email: String?
        var phone: String?
    }

    /// The keys of a person's e-mail address and phone digits (`PersonIdentifiers.phoneDigits`),
    /// or nil when they cannot be found by key and every text must be read: an address or number
    /// outside ASCII, an address without "@", without a local part, or with a domain shorter than
    /// three characters.
    static func person(email: String, phoneDigits: String?) -> Person? {
        var out = Person()
        if !email.isEmpty {
            guard email.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            let bytes = folded(email)
            guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > 0, bytes.count - at - 1 >= 3 else { return nil }
            out.email = emailKey(bytes, at: at, before: min(3, at))
        }
        if let phoneDigits {
            guard phoneDigits.utf8.count >= 8, phoneDigits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            out.phone = "p:" + String(phoneDigits.suffix(8))
        }
        return out
    }

    /// The keys of one row's texts: their union, or just `everything` above `cap`.
    static func keys(_ texts: [String]) -> Set<String> {
        var out: Set<String> = []
        for t in texts { add(t, to: &out) }
        return out.count > cap ? [everything] : out
    }

    /// Adds the keys of `text` to `keys`.
    static func add(_ text: String, to keys: inout Set<String>) {
        var text = text
        text.withUTF8 { b in
            var hasAt = false
            // Phone: the digits of the current run; a key at each end of a group of 8 or more.
            var digits: [UInt8] = []
            for i in 0..<b.count {
                let c = b[i]
                if c >= 0x30 && c <= 0x39 {
                    digits.append(c)
                    let groupEnds = i + 1 == b.count || !(b[i + 1] >= 0x30 && b[i + 1] <= 0x39)
                    if groupEnds && digits.count >= 8 { keys.insert("p:" + String(decoding: digits.suffix(8), as: UTF8.self)) }
                } else if c == 0x20 || c == 0x2D || c == 0x2B || c == 0x2E || c == 0x2F || c == 0x28 || c == 0x29 {
                    continue  // " -+./()": the run goes on
                } else {
                    // (A byte outside ASCII ends the run too: a character there is never one `replacePhone` walks over.)
                    if c == 0x40 { hasAt = true }
                    digits.removeAll(keepingCapacity: true)
                }
            }
            guard hasAt else { return }
            let f = folded(b)
            for at in f.indices where f[at] == UInt8(ascii: "@") && f.count - at - 1 >= 3 {
                for k in 1...3 where k <= at { keys.insert(emailKey(f, at: at, before: k)) }
            }
        }
    }

    /// "e:" + the `before` bytes before `at` + "@" + the three after it.
    private static func emailKey(_ f: [UInt8], at: Int, before: Int) -> String {
        "e:" + String(decoding: f[(at - before)..<at], as: UTF8.self) + "@" + String(decoding: f[(at + 1)..<(at + 4)], as: UTF8.self)
    }

    /// `text` folded as a case-insensitive search sees an ASCII needle: A–Z lower-cased, the
    /// characters outside ASCII that match ASCII letters written as them (as `cs_fold` in the C
    /// search: Kelvin sign, long s, sharp s, capital sharp s, the Latin ligatures; and the Greek
    /// question mark and varia, whose canonical forms are ";" and "`"), every other byte outside
    /// ASCII left out.
    static func folded(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { folded($0) }
    }

    /// `folded` over a text's UTF-8 bytes.
    private static func folded(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        let n = b.count
        var i = 0
        /// The byte `k` after the current one (0 past the end).
        func at(_ k: Int) -> UInt8 { i + k < n ? b[i + k] : 0 }
        while i < n {
            let c = b[i]
            if c < 0x80 {
                out.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
                i += 1
                continue
            }
            switch (c, at(1), at(2)) {
            case (0xC3, 0x9F, _): out += Array("ss".utf8); i += 2                  // ß
            case (0xC5, 0xBF, _): out.append(UInt8(ascii: "s")); i += 2            // ſ
            case (0xCD, 0xBE, _): out.append(UInt8(ascii: ";")); i += 2            // Greek question mark
            case (0xE2, 0x84, 0xAA): out.append(UInt8(ascii: "k")); i += 3         // Kelvin sign
            case (0xE1, 0xBA, 0x9E): out += Array("ss".utf8); i += 3               // ẞ
            case (0xE1, 0xBF, 0xAF): out.append(UInt8(ascii: "`")); i += 3         // Greek varia
            case (0xEF, 0xAC, 0x80...0x86):
                out += Array(["ff", "fi", "fl", "ffi", "ffl", "st", "st"][Int(at(2) - 0x80)].utf8)
                i += 3
            default: i += 1
            }
        }
        return out
    }
}
