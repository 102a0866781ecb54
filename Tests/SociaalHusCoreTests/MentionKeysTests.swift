import Foundation
import Testing
@testable import SociaalHusCore
import SociaalHusBench

/// The keys an erasure finds texts by (`MentionKeys`): every text whose e-mail address or phone
/// number an erasure replaces holds the person's key, however the text writes them.
@Suite struct MentionKeysTests {
    /// People whose keys are looked up: a short local part, an 8-digit number, letters that case
    /// folding writes otherwise (ss, st, fi, k).
    static let people: [(email: String, phone: String)] = [
        ("anna.devries@example.nl", "06-12345678"), ("Jo@X.nl", "074-2223344"), ("strasse.kif@fiststraat.nl", "+31 6 1122 3344"),
        ("a@b.c", "1234 5678"), ("ruud.smit@example.nl", "0031 74 222 33 44"), ("K.st@kk.k", "(053) 123 45 67"),
    ]

    /// An account with `email` and `phone`, for its `PersonIdentifiers`.
    static func account(_ email: String, _ phone: String) -> Account {
        Account(id: AccountID(1), email: email, name: "Test Persoon", passwordHash: "", created: testNow,
                profile: Profile(displayName: "Test Persoon", wijk: WijkID(1), phone: phone))
    }

    /// True when erasing the person would change `text`: `redacted`, and its two replacements
    /// without the byte probe that goes before them (so the keys cover even what that probe passes over).
    static func changes(_ ids: PersonIdentifiers, _ text: String) -> Bool {
        ids.redacted(text) != nil || PersonIdentifiers.replaceToken(ids.email, in: text) != text
            || (ids.phoneDigits.map { PersonIdentifiers.replacePhone($0, in: text) != text } ?? false)
    }

    /// The person's keys are among the text's (or the text is read at every erasure).
    static func found(_ person: MentionKeys.Person, _ text: String) -> Bool {
        let keys = MentionKeys.keys([text])
        return keys.contains(MentionKeys.everything) || [person.email, person.phone].contains { $0.map(keys.contains) ?? false }
    }

    /// Pieces of noise: ASCII, and characters outside it (folding to ASCII letters, combining,
    /// digits of other scripts, fullwidth, emoji, controls).
    static let noise = ["é", "e\u{301}", "\u{301}", "ß", "ẞ", "\u{212A}", "\u{17F}", "ﬁ", "ﬆ", "ﬀ", "Ａ", "＠", "٣", "١٢", "👍🏽", "\u{200B}",
                        "\u{37E}", "İ", "ı", "\u{0}", "\r\n", "５", "\u{AD}", "ǰ", "\u{1FEF}", "x", "Q", "7", "42", "@", ".", "-", "+", "(", ")",
                        "/", " ", "_", "%", ",", "<", ">", ":", "\n", "\t", "0031", "+31", "06"]

    /// The address as a person might type it: any case, letters replaced by what folds to them,
    /// sometimes a character dropped or added.
    static func address(_ email: String, _ rng: inout SplitMix64) -> String {
        var out = ""
        var chars = Array(email)
        if rng.next() % 8 == 0, !chars.isEmpty { chars.remove(at: Int(rng.next() % UInt64(chars.count))) }
        var i = 0
        while i < chars.count {
            let c = chars[i], next = i + 1 < chars.count ? String(chars[i + 1]).lowercased() : ""
            let lower = String(c).lowercased()
            let roll = rng.next() % 6
            if lower == "s", next == "s", roll == 0 { out += rng.next() % 2 == 0 ? "ß" : "ẞ"; i += 2; continue }
            if lower == "s", next == "t", roll == 0 { out += rng.next() % 2 == 0 ? "ﬆ" : "ﬅ"; i += 2; continue }
            if lower == "f", next == "i", roll == 0 { out += "ﬁ"; i += 2; continue }
            if lower == "k", roll == 1 { out += "\u{212A}"; i += 1; continue }
            if lower == "s", roll == 1 { out += "\u{17F}"; i += 1; continue }
            out += rng.next() % 2 == 0 ? String(c).uppercased() : lower
            i += 1
        }
        if rng.next() % 10 == 0 { out.insert(contentsOf: Self.noise[Int(rng.next() % UInt64(Self.noise.count))], at: out.index(out.startIndex, offsetBy: Int(rng.next() % UInt64(out.count + 1)))) }
        return out
    }

    /// The number in one of the forms `replacePhone` takes (or a near miss), digits grouped at random.
    static func phone(_ last9: String, _ rng: inout SplitMix64) -> String {
        let prefixes = ["", "0", "+31 ", "+31", "0031 ", "31", "310", "00310", "+31 (0)", "(0", "1", "0 "]
        var digits = Array(prefixes[Int(rng.next() % UInt64(prefixes.count))] + last9)
        if rng.next() % 10 == 0, !digits.isEmpty { digits[Int(rng.next() % UInt64(digits.count))] = "٣" }
        if rng.next() % 12 == 0, !digits.isEmpty { digits.remove(at: Int(rng.next() % UInt64(digits.count))) }
        let separators = ["", "", "", " ", "-", ".", "/", "(", ")", " - ", "\u{301}", "\u{A0}"]
        var out = ""
        for (k, d) in digits.enumerated() {
            out.append(d)
            if k + 1 < digits.count, rng.next() % 3 == 0 { out += separators[Int(rng.next() % UInt64(separators.count))] }
        }
        return out
    }

    /// A random text: noise, the address and the number, in a random order and mixture.
    static func text(_ email: String, _ last9: String, _ rng: inout SplitMix64) -> String {
        var parts: [String] = []
        for _ in 0..<(1 + Int(rng.next() % 7)) {
            switch rng.next() % 5 {
            case 0: parts.append(address(email, &rng))
            case 1: parts.append(phone(last9, &rng))
            default: parts.append((0..<Int(1 + rng.next() % 4)).map { _ in noise[Int(rng.next() % UInt64(noise.count))] }.joined())
            }
        }
        let glue = ["", " ", ", ", "\n", ".", "-", "(", ")", "<", ">", "x", "5", "é", "@"]
        return parts.map { $0 + glue[Int(rng.next() % UInt64(glue.count))] }.joined()
    }

    @Test("property: whenever erasing a person would change a text, the text's keys hold the person's key")
    func superset() throws {
        var rng = SplitMix64(seed: 23)
        for (email, phone) in Self.people {
            let ids = PersonIdentifiers(Self.account(email, phone))
            let person = try #require(MentionKeys.person(email: ids.email, phoneDigits: ids.phoneDigits))
            var changed = 0, total = 0
            for _ in 0..<4000 {
                let t = Self.text(email, ids.phoneDigits!, &rng)
                total += 1
                guard Self.changes(ids, t) else { continue }
                changed += 1
                #expect(Self.found(person, t), "\(email) \(phone): \(t.debugDescription) keys \(MentionKeys.keys([t]).sorted())")
            }
            // The generator reaches texts that are changed (the property says nothing otherwise), and ones that are not.
            #expect(changed > total / 5 && changed < total, "\(email): \(changed) of \(total) changed")
        }
    }

    /// (Keys are a superset: "074 2223344" with an accent on its last digit is no number
    /// `replacePhone` replaces, but its key is there all the same.)
    @Test("named cases: a text's keys",
          arguments: [
            ("bel 074 222 33 44", ["p:07422233", "p:42223344"]), ("(0742223344)", ["p:42223344"]), ("+31 74 222 3344.", ["p:42223344"]),
            ("tel: +31 (0)74 2223344", ["p:42223344"]), ("mail Ruud.Smit@Example.nl,", ["e:t@exa", "e:it@exa", "e:mit@exa"]),
            ("<RUUD.SMIT@EXAMPLE.NL>", ["e:t@exa", "e:it@exa", "e:mit@exa"]), ("Ruud Smit", []), ("2223344", []), ("0742223344 5", ["p:42223344", "p:22233445"]),
            ("10742223344", ["p:42223344"]), ("074-2223345", ["p:42223345"]), ("karin@example.nl", ["e:n@exa", "e:in@exa", "e:rin@exa"]),
            ("ruud.smit＠example.nl", []), ("074 222 33 4٤", ["p:07422233", "p:74222334"]), ("074 2223344\u{301}", ["p:42223344"]), ("a@b", []),
            ("stra\u{DF}e@\u{FB01}st.nl", ["e:e@fis", "e:se@fis", "e:sse@fis"]), ("\u{212A}im@x.nl", ["e:m@x.n", "e:im@x.n", "e:kim@x.n"]),
            ("12-03-2024 14.00", ["p:12032024", "p:03202414", "p:20241400"]), ("06 12 34 56 78", ["p:06123456", "p:12345678"]),
          ] as [(String, [String])])
    func named(text: String, keys: [String]) {
        #expect(MentionKeys.keys([text]) == Set(keys), "\(text.debugDescription)")
    }

    @Test("a person's keys, or nil when their address or number cannot be found by key")
    func personKeys() {
        #expect(MentionKeys.person(email: "Ruud.Smit@Example.nl", phoneDigits: "742223344") == MentionKeys.Person(email: "e:mit@exa", phone: "p:42223344"))
        #expect(MentionKeys.person(email: "jo@x.nl", phoneDigits: nil) == MentionKeys.Person(email: "e:jo@x.n", phone: nil))
        #expect(MentionKeys.person(email: "", phoneDigits: "12345678") == MentionKeys.Person(email: nil, phone: "p:12345678"))
        for (email, phone) in [("zoë@x.nl", nil), ("geen-apenstaart", nil), ("a@b", nil), ("@x.nl", nil), ("a@x.nl", "٠٦١٢٣٤٥٦٧"), ("a@x.nl", "1234567")] as [(String, String?)] {
            #expect(MentionKeys.person(email: email, phoneDigits: phone) == nil, "\(email) \(phone ?? "")")
        }
    }

    @Test("a row with more keys than the cap is read at every erasure; the keys of a row's texts are their union")
    func capAndUnion() {
        let many = (0..<(MentionKeys.cap + 1)).map { String(10_000_000 + $0) }.joined(separator: ", ")
        #expect(MentionKeys.keys([many]) == [MentionKeys.everything])
        #expect(MentionKeys.keys(["bel 06 1234 5678", "of a@bcd.nl"]) == ["p:12345678", "e:a@bcd", "e: a@bcd", "e:f a@bcd"])
        #expect(MentionKeys.keys(["", "geen sleutel"]).isEmpty)
    }
}
