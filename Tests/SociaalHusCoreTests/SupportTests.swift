import Foundation
import Testing
@testable import SociaalHusCore

/// Text typed by one user is drawn on another's terminal: what the sanitiser does with it.
@Suite struct TextSanitizerTests {
    static let rows: [(String, String, String)] = [
        ("plain Dutch", "Koffie-ochtend in 't Hûs, ĳsje, café", "Koffie-ochtend in 't Hûs, ĳsje, café"),
        ("wide and emoji", "日本 👍🏽 👨‍👩‍👧", "日本 👍🏽 👨‍👩‍👧"),
        ("escape sequence", "a\u{1B}[2Jb", "a␛[2Jb"),
        ("C1 CSI", "a\u{9B}31mb", "a<U+009B>31mb"),
        ("bell and backspace", "\u{07}x\u{08}", "␇x␈"),
        ("carriage return", "safe\rEVIL", "safe␍EVIL"),
        ("DEL", "a\u{7F}", "a␡"),
        ("bidi override", "abc\u{202E}fed", "abc<U+202E>fed"),
        ("zero width space", "a\u{200B}b", "a<U+200B>b"),
        ("isolate", "\u{2066}x\u{2069}", "<U+2066>x<U+2069>"),
        ("arabic letter mark", "\u{061C}", "<U+061C>"),
        ("newline", "a\nb", "a⏎b"),
        ("tab", "a\tb", "a b"),
        ("lone joiner", "a\u{200D}b", "a<U+200D>b"),
    ]

    @Test(arguments: rows)
    func sanitize(_ name: String, input: String, expected: String) {
        #expect(TextSanitizer.sanitize(input) == expected, "\(name)")
    }

    @Test func keepsNewlinesWhenAsked() {
        #expect(TextSanitizer.sanitize("a\nb\u{1B}", keepNewlines: true) == "a\nb␛")
    }
}

/// Where the store lives.
@Suite struct StoreLocationTests {
    static let rows: [(String?, [String: String], String)] = [
        ("/srv/hus", ["SOCIAALHUS_STORE": "/other"], "/srv/hus"),
        (nil, ["SOCIAALHUS_STORE": "/other", "XDG_DATA_HOME": "/xdg"], "/other"),
        (nil, ["XDG_DATA_HOME": "/xdg", "HOME": "/home/a"], "/xdg/sociaalhus"),
        (nil, ["XDG_DATA_HOME": "relative", "HOME": "/home/a"], "/home/a/.local/share/sociaalhus"),
        (nil, ["HOME": "/home/a"], "/home/a/.local/share/sociaalhus"),
        ("/srv/../srv/hus/", [:], "/srv/hus"),
    ]

    @Test(arguments: rows)
    func resolve(explicit: String?, env: [String: String], expected: String) {
        #expect(StoreLocation.resolve(explicit: explicit, environment: env) == expected)
    }
}

/// Dutch unless English is asked for.
@Suite struct LanguageTests {
    static let rows: [(String?, [String: String], Language)] = [
        (nil, [:], .dutch), (nil, ["LANG": "C.UTF-8"], .dutch), (nil, ["LANG": "en_GB.UTF-8"], .english),
        (nil, ["LANG": "nl_NL.UTF-8", "LC_ALL": "en_US.UTF-8"], .english), ("en", ["LANG": "nl_NL"], .english),
        ("nl", ["LANG": "en_GB"], .dutch), ("klingon", [:], .dutch),
    ]

    @Test(arguments: rows)
    func resolve(explicit: String?, env: [String: String], expected: Language) {
        #expect(Language.resolve(explicit: explicit, environment: env) == expected)
    }

    @Test("every core error has a Dutch and an English message") func errorMessages() {
        let errors: [CoreError] = [
            .storeNotFound(path: "/x"), .storeAlreadyExists(path: "/x"), .storeNotADirectory(path: "/x"), .storeReadableByOthers(path: "/x"),
            .storeFileReadableByOthers(path: "/x"), .storeNewerFormat(file: "f", found: 2, known: 1), .storeCorrupt(file: "f", problem: .checksumMismatch),
            .storeIO(file: "f", problem: "p"), .storeLocked(path: "/x"), .invalidEmail("x"), .emailInUse, .fieldRequired(.title),
            .fieldTooLong(.body, limit: 5000), .unknownWijk("w"), .unknownCategory("c"), .unknownAccount(email: "e"), .unknownOrganisation("o"), .notFound(what: "x"),
            .invalidDate("d"), .endBeforeStart, .startInPast, .lifetimeTooLong(maximumDays: 90), .lifetimeTooShort, .invalidPhoto(.notJPEGOrPNG),
            .passwordRejected(.common), .loginFailed, .loginThrottled(seconds: 3), .accountBlocked, .notPermitted(.notEditor), .platformPrivate,
            .invalidPostcode("p"), .invalidPhone("p"), .intakeNeedsContact, .accountMatchMismatch, .linkNotAgreed, .referralNeedsFields,
            .referralFieldEmpty(.email), .residentNotTold, .intakeAlreadyClosed, .invalidRetention(minimum: 1, maximum: 120),
            .notPermitted(.deskStaffOnly),
        ]
        for e in errors {
            #expect(e.message(.dutch) != e.message(.english), "\(e)")
            #expect(!e.message(.dutch).isEmpty && e.message(.english).hasSuffix("."), "\(e)")
        }
    }

    @Test("user text inside an error message is sanitised") func sanitisedInMessages() {
        #expect(!CoreError.invalidEmail("x\u{1B}[2J").message(.dutch).contains("\u{1B}"))
        #expect(!CoreError.invalidPhone("06\u{1B}[2J").message(.dutch).contains("\u{1B}"))
        #expect(!CoreError.invalidPostcode("7622\u{1B}[2J").message(.english).contains("\u{1B}"))
        #expect(!CoreError.unknownWijk("\u{9B}31m").message(.english).contains("\u{9B}"))
    }
}

/// The binary record layout: every record survives a round trip, and damage is caught.
@Suite struct BinaryCodecTests {
    @Test func roundTripEveryKind() throws {
        let account = Account(id: AccountID(7), email: "a@b.nl", name: "Ünïcode 日本 👍", passwordHash: "$y$x", roles: Roles(resident: true, editorOf: [OrganisationID(3)], deskStaff: true, partnerOf: [WijkID(2)], administrator: true),
                              blocked: true, blockedReason: "spam", created: testNow,
                              profile: Profile(displayName: "D", wijk: WijkID(2), photo: "p.jpg", visibility: .neighbours, interests: ["sport", ""],
                                               email: EmailPreferences(visitorMessages: true, announcements: true), phone: "06", address: nil),
                              throttle: LoginThrottleState(consecutiveFailures: 3, lastFailure: testNow, recentFailures: [testNow, testNow.addingTimeInterval(-5)]))
        var w = BinaryWriter()
        account.write(to: &w)
        let post = Post(id: PostID(-1), kind: .mededeling, title: "", body: "x\ny", wijk: WijkID(1), author: .organisation(OrganisationID(4), by: nil),
                        show: ContactChoice(phone: true), created: testNow, expires: testNow)
        post.write(to: &w)
        let message = ContactMessage(id: MessageID(Int.max), senderName: "s", senderEmail: "e@x.nl", recipient: .organisation(OrganisationID(1)), text: "t", sent: testNow)
        message.write(to: &w)
        let item = AgendaItem(id: AgendaItemID(1), title: "t", start: testNow, end: nil, allDay: true, wijk: nil, organisation: OrganisationID(2),
                              recurrence: Recurrence(.monthly, until: testNow), createdBy: AccountID(1))
        item.write(to: &w)
        let bytes = w.bytes
        let decoded = try bytes.withUnsafeBytes { buf -> (Account, Post, ContactMessage, AgendaItem, Bool) in
            var r = BinaryReader(buf)
            return (try Account(from: &r), try Post(from: &r), try ContactMessage(from: &r), try AgendaItem(from: &r), r.atEnd)
        }
        #expect(decoded.0 == account)
        #expect(decoded.1 == post)
        #expect(decoded.2 == message)
        #expect(decoded.3 == item)
        #expect(decoded.4)
        // Every truncation is detected as damage, never a crash or a silent short record.
        for cut in 0..<bytes.count {
            let short = Array(bytes[0..<cut])
            let failed = short.withUnsafeBytes { buf -> Bool in
                var r = BinaryReader(buf)
                do {
                    _ = try Account(from: &r); _ = try Post(from: &r); _ = try ContactMessage(from: &r); _ = try AgendaItem(from: &r)
                    return false
                } catch {
                    return error is BinaryReader.Damage
                }
            }
            #expect(failed, "cut at \(cut)")
        }
    }
}
