import Foundation
import Testing
@testable import SociaalHusCore

/// Specification of the password rules (NIST SP 800-63B style).
@Suite struct PasswordPolicyTests {
    static let rows: [(String, String, String, PasswordProblem?)] = [
        ("kort", "", "", .tooShort(minimum: 12, actual: 4)),
        ("elf tekens!", "", "", .tooShort(minimum: 12, actual: 11)),
        // 11 scalars decomposed but 11 characters after NFC: still too short.
        ("e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}", "", "", .tooShort(minimum: 12, actual: 11)),
        ("wachtwoord123", "", "", .common),
        ("Wachtwoord2026!", "", "", .common),
        ("welkomwelkom", "", "", .common),
        ("qwertyuiop12", "", "", .common),
        ("aaaaaaaaaaaaa", "", "", .repetitive),
        ("123456789012345", "", "", .repetitive),
        ("abcdefghijklmnop", "", "", .repetitive),
        ("jansen-pietersen", "Anna Jansen-Pietersen", "", .containsPersonalData),
        ("annadevries99", "", "annadevries@example.nl", .containsPersonalData),
        ("sociaalhus2026!", "", "", .containsProductName),
        (String(repeating: "x", count: 257), "", "", .tooLong(maximum: 256)),
        // The whole address, the address plus a digit, repeated parts, control characters.
        ("blok.lijst@example.nl", "Blok Lijst", "blok.lijst@example.nl", .containsPersonalData),
        ("blok.lijst@example.nl1", "", "blok.lijst@example.nl", .containsPersonalData),
        ("Blok.Lijst2026!", "", "blok.lijst@example.nl", .containsPersonalData),
        ("!!Tineke Tester!!", "Tineke Tester", "t@example.nl", .containsPersonalData),
        ("abcabcabcabc", "", "", .repetitive),
        ("zomer2026zomer", "", "", .repetitive),
        ("borne2026borne", "", "", .repetitive),
        ("2026202620262026", "", "", .repetitive),
        ("ab\0cdefghijklmnopq", "", "", .controlCharacter),
        ("lange\u{1B}fietstocht", "", "", .controlCharacter),
        ("lange fietstocht\nlangs", "", "", .controlCharacter),
        ("lange\u{9B}fietstocht", "", "", .controlCharacter),
        ("lange fietstocht langs de Dinkel", "Anna", "anna@example.nl", nil),
        ("paard batterij nietje correct", "", "", nil),
        ("日本語のパスワードです十二", "", "", nil),
        (String(repeating: "ab", count: 32) + "xyz", "", "", nil), // 67 characters accepted
        ("1234 AB straat!", "", "", nil), // no composition rules
    ]

    @Test(arguments: rows)
    func rule(password: String, name: String, email: String, expected: PasswordProblem?) {
        #expect(PasswordPolicy.problem(with: password, name: name, email: email) == expected)
    }

    @Test("every rejection has a reason in both languages") func reasons() {
        for p in [PasswordProblem.tooShort(minimum: 12, actual: 3), .tooLong(maximum: 256), .common, .repetitive, .containsPersonalData, .containsProductName, .controlCharacter] {
            #expect(p.message(.dutch).count > 20 && p.message(.english).count > 20)
        }
    }
}

/// yescrypt through libcrypt.
@Suite struct YescryptTests {
    let hasher = YescryptHasher()

    @Test("regression: a NUL byte never cuts the password; such a password gets no hash and never matches") func nul() throws {
        #expect(throws: (any Error).self) { try hasher.hash("ab\0cdefghijklmnopq") }
        let h = try hasher.hash("ab")
        #expect(!hasher.verify("ab\0cdefghijklmnopq", against: h))
        #expect(hasher.verify("ab", against: h))
    }

    @Test("hashes with yescrypt, a fresh salt each time, and verifies") func roundTrip() throws {
        let a = try hasher.hash("paard batterij nietje correct")
        let b = try hasher.hash("paard batterij nietje correct")
        #expect(a.hasPrefix("$y$"))
        #expect(a != b)
        #expect(hasher.verify("paard batterij nietje correct", against: a))
        #expect(hasher.verify("paard batterij nietje correct", against: b))
        #expect(!hasher.verify("paard batterij nietje corect", against: a))
        #expect(!hasher.verify("", against: a))
    }

    @Test("failure tokens and garbage never verify", arguments: ["*0", "*1", "", "x", "$y$", "*"])
    func failureToken(hash: String) {
        #expect(!hasher.verify("", against: hash))
        #expect(!hasher.verify("anything", against: hash))
    }

    @Test("cost is at least 5") func cost() {
        #expect(YescryptHasher(cost: 1).cost == 5)
    }

    @Test("constant-time comparison") func compare() {
        #expect(constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(!constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!constantTimeEquals([1, 2, 3], [1, 2]))
        #expect(!constantTimeEquals([], [0]))
    }
}

/// E-mail address validation.
@Suite struct EmailAddressTests {
    static let rows: [(String, String?)] = [
        ("anna@example.nl", "anna@example.nl"),
        ("  Anna.de.Vries+borne@Example.NL ", "anna.de.vries+borne@example.nl"),
        ("anna", nil), ("anna@", nil), ("@example.nl", nil), ("anna@example", nil),
        ("an na@example.nl", nil), ("anna@exa mple.nl", nil), ("anna@@example.nl", nil),
        ("anna@example.nl\r\nBcc: x@evil.nl", nil), ("anna\n@example.nl", nil),
        (".anna@example.nl", nil), ("an..na@example.nl", nil), ("anna@-example.nl", nil),
        ("anna@example.1", nil), ("ännä@example.nl", nil),
        (String(repeating: "a", count: 65) + "@example.nl", nil),
    ]

    @Test(arguments: rows)
    func address(raw: String, expected: String?) {
        #expect((try? EmailAddress.normalise(raw)) == expected)
    }
}
