import Foundation

/// What identifies a person in free text typed by others. Only whole tokens of their own e-mail
/// address and phone number are replaced by "[gewist]" when they are erased: a name or an address
/// is shared by namesakes and housemates, and cutting it from someone else's text changed a
/// stranger's desk record; texts that mention the name are counted for a person to read.
struct PersonIdentifiers {
    /// What the byte search looks for: names, e-mail address and address (a superset of what is
    /// replaced, so the texts that mention the name are found to be counted).
    let needles: [String]
    let phoneDigits: String?
    /// The e-mail address, replaced as a whole token.
    let email: String
    /// The names, counted (never replaced) where a text mentions them as whole words.
    let names: [String]
    /// Lower-cased (for ASCII letters) first four bytes of each needle, and the phone's last four digits.
    let probes: [[UInt8]]

    init(_ a: Account) {
        var n = [a.name, a.profile.displayName, a.email, a.profile.address ?? ""]
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { $0.count >= 4 }
        n = Array(Set(n)).sorted { $0.count > $1.count }
        needles = n
        email = a.email
        names = Array(Set([a.name, a.profile.displayName].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { $0.count >= 4 })).sorted()
        let digits = (a.profile.phone ?? "").filter(\.isNumber)
        phoneDigits = digits.count >= 8 ? String(digits.suffix(9)) : nil
        var p = needles.map { Array($0.utf8.prefix(4)).map { $0 | 0x20 } }
        probes = p
    }

    /// The needles for `sociaalhus_mentions`: lower-case, each ended by a 0 byte (with needles
    /// in ASCII it finds every text `redacted` would change, and every one naming them).
    var probeNeedles: Data {
        Data(needles.flatMap { Array($0.lowercased().utf8) + [0] })
    }

    /// True when `text` may hold an identifier: a needle's first four bytes (either case) or the
    /// phone number's last four digits occur in it.
    func mayName(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 4 else { return false }
        // A needle with letters outside ASCII folds case beyond this probe (Ž/ž): look properly.
        if needles.contains(where: { $0.utf8.contains { $0 >= 0x80 } }) { return true }
        // A phone number may be written with spaces between every pair of digits.
        if phoneDigits != nil, bytes.lazy.filter({ $0 >= 0x30 && $0 <= 0x39 }).count >= 9 { return true }
        for probe in probes {
            var i = 0
            while i + probe.count <= bytes.count {
                var match = true
                for (k, b) in probe.enumerated() where bytes[i + k] | 0x20 != b { match = false; break }
                if match { return true }
                i += 1
            }
        }
        return false
    }


    /// The replacement for what is erased.
    static let erased = "[gewist]"

    /// `text` with every whole token of the e-mail address and phone number replaced (nil when
    /// there was none).
    func redacted(_ text: String) -> String? {
        // Most text names nobody: one cheap pass over the bytes first (erasure sweeps every
        // record of the store; the full replacement made erase 15× slower).
        guard mayName(text) else { return nil }
        var out = Self.replaceToken(email, in: text)
        if let phoneDigits { out = Self.replacePhone(phoneDigits, in: out) }
        return out == text ? nil : out
    }

    /// True when `text` mentions one of the names as whole words (any case).
    func mentionsName(_ text: String) -> Bool {
        guard mayName(text) else { return false }
        return names.contains { Self.wholeTokenRanges(of: $0, in: text, isPart: { $0.isLetter || $0.isNumber }).first != nil }
    }

    /// The ranges where `token` stands in `text` (any case) with no `isPart` character just
    /// before or after it.
    static func wholeTokenRanges(of token: String, in text: String, isPart: (Character) -> Bool) -> [Range<String.Index>] {
        guard !token.isEmpty else { return [] }
        var found: [Range<String.Index>] = []
        var from = text.startIndex
        while let r = text.range(of: token, options: [.caseInsensitive], range: from..<text.endIndex) {
            let before = r.lowerBound > text.startIndex ? text[text.index(before: r.lowerBound)] : nil
            let after = r.upperBound < text.endIndex ? text[r.upperBound] : nil
            if !(before.map(isPart) ?? false) && !(after.map(isPart) ?? false) { found.append(r) }
            from = r.upperBound
        }
        return found
    }

    /// `text` with every whole occurrence of the e-mail address `address` replaced: not inside a
    /// longer address ("xanna@…", "anna@example.nl.evil"), however it is cased.
    static func replaceToken(_ address: String, in text: String) -> String {
        let ranges = wholeTokenRanges(of: address, in: text) { c in
            c.isLetter || c.isNumber || "_%+-@".contains(c)
        }
        // A dot right after is the end of a sentence unless a letter follows it.
        .filter { r in
            guard r.upperBound < text.endIndex, text[r.upperBound] == "." else { return true }
            let next = text.index(after: r.upperBound)
            return next == text.endIndex || !(text[next].isLetter || text[next].isNumber)
        }
        .filter { r in r.lowerBound == text.startIndex || text[text.index(before: r.lowerBound)] != "." }
        var out = text
        for r in ranges.reversed() { out.replaceSubrange(r, with: erased) }
        return out
    }

    /// Replaces the phone number as a whole token however it was written (spaces, dashes, dots,
    /// +31, 0031 or 0): from a digit (or +) not just after another digit, to a digit not just
    /// before another, with exactly the number's digits in between. A longer number that ends in
    /// the same digits, and the brackets around it, are left alone ("(0698765432)"
    /// becomes "([gewist])", not "([gewist]").
    static func replacePhone(_ last9: String, in text: String) -> String {
        let forms: Set<String> = [last9, "0" + last9, "31" + last9, "0031" + last9, "310" + last9, "00310" + last9]
        let chars = Array(text)
        /// The end of a whole-token match of the number starting at `i`, if there is one.
        func match(from i: Int) -> Int? {
            var j = i, digits = "", end: Int?
            while j < chars.count, digits.count <= 13, chars[j].isNumber || " -+./()".contains(chars[j]) {
                if chars[j].isNumber {
                    digits.append(chars[j])
                    let groupEnds = j + 1 == chars.count || !chars[j + 1].isNumber
                    if groupEnds && forms.contains(digits) { end = j + 1 }
                }
                j += 1
            }
            return end
        }
        var out = ""
        var i = 0
        while i < chars.count {
            let next = i + 1 < chars.count ? chars[i + 1] : " "
            if !(i > 0 && chars[i - 1].isNumber) {
                // "(053) 123 45 67": the area code's bracket belongs to the number when it closes
                // inside it; "(0698765432)" keeps its brackets around "[gewist]".
                if chars[i] == "(", next.isNumber, let end = match(from: i), chars[i..<end].contains(")") {
                    out += erased
                    i = end
                    continue
                }
                if chars[i].isNumber || (chars[i] == "+" && next.isNumber), let end = match(from: i) {
                    out += erased
                    i = end
                    continue
                }
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }
}
