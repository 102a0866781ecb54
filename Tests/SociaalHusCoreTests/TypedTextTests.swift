import Foundation
import Testing
@testable import SociaalHusCore

/// Passwords, names and addresses as people type them: the same letters from
/// a composing and a decomposing keyboard are the same password, name and address.
@Suite struct TypedTextTests {
    /// "Café" with é as one scalar (U+00E9), as most keyboards send it.
    static let composed = "Koffie in Caf\u{E9} de Zwaan op zondag"
    /// The same letters with e + U+0301, as a decomposing terminal (or a paste from macOS) sends them.
    static let decomposed = "Koffie in Cafe\u{301} de Zwaan op zondag"

    @Test("the two forms differ in bytes and are the same text")
    func formsDiffer() {
        #expect(!Self.composed.utf8.elementsEqual(Self.decomposed.utf8))
        #expect(Self.composed == Self.decomposed)
    }

    static let loginCases: [(String, String, String)] = [
        ("made composed, typed decomposed", composed, decomposed),
        ("made decomposed, typed composed", decomposed, composed),
        ("made composed, typed composed", composed, composed),
        ("made decomposed, typed decomposed", decomposed, decomposed),
    ]

    @Test("regression: a password made with one form of Café logs in with the other", arguments: loginCases)
    func loginAcrossForms(_ why: String, made: String, typed: String) throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        try store.register(Registration(email: "anna@example.nl", name: "Anna", password: made, wijk: "Centrum"))
        #expect(try store.login(email: "anna@example.nl", password: typed).email == "anna@example.nl", "\(why)")
    }

    @Test("regression: with real yescrypt too, `account add` with NFC and a login with NFD")
    func loginAcrossFormsYescrypt() throws {
        let dir = TempDir()
        let store = try Store.create(at: dir.store, wijken: ["Centrum"], clock: FixedClock(testNow), hasher: YescryptHasher())
        try store.register(Registration(email: "anna@example.nl", name: "Anna", password: Self.composed, wijk: "Centrum"))
        #expect(try store.login(email: "anna@example.nl", password: Self.decomposed).email == "anna@example.nl")
        #expect(throws: CoreError.loginFailed) { try store.login(email: "anna@example.nl", password: "Koffie in Cafe de Zwaan op zondag") }
    }

    /// Which bytes an older hash was made of, and which form is typed now.
    static let olderHashCases: [(String, String, String)] = [
        ("older hash of NFD, NFD typed (the same terminal)", decomposed, decomposed),
        ("older hash of NFD, NFC typed (another terminal)", decomposed, composed),
        ("older hash of mixed bytes, the same bytes typed", "Caf\u{E9} en cafe\u{301} op zondag", "Caf\u{E9} en cafe\u{301} op zondag"),
    ]

    @Test("a hash made before normalisation still lets its owner in, and is then the hash of the NFC form", arguments: olderHashCases)
    func olderHashRehashed(_ why: String, hashedBytes: String, typed: String) throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let a = try store.register(Registration(email: "anna@example.nl", name: "Anna", password: Self.composed, wijk: "Centrum"))
        // As the store held it before this change: the bytes as typed then.
        let older = try TestHasher().hash(hashedBytes)
        try store.update { tx in
            var account = tx.state.accounts[a.id.rawValue]!
            account.passwordHash = older
            tx.put(account)
        }
        #expect(try store.login(email: "anna@example.nl", password: typed).id == a.id, "\(why)")
        let stored = try reopen(dir).state.accounts[a.id.rawValue]!.passwordHash
        #expect(stored != older, "the older hash is replaced")
        #expect(TestHasher().verify(typed.precomposedStringWithCanonicalMapping, against: stored), "by the hash of the NFC form")
    }

    @Test("a wrong password against an older hash is still wrong, and counts as a failure")
    func olderHashWrongPassword() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let a = try store.register(Registration(email: "anna@example.nl", name: "Anna", password: Self.composed, wijk: "Centrum"))
        #expect(throws: CoreError.loginFailed) { try store.login(email: "anna@example.nl", password: Self.decomposed + "!") }
        #expect(store.state.accounts[a.id.rawValue]!.throttle.consecutiveFailures == 1)
    }

    @Test("changing the password: the old one in either form is accepted, the new one is kept in NFC")
    func changePassword() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let a = try store.register(Registration(email: "anna@example.nl", name: "Anna", password: Self.composed, wijk: "Centrum"))
        let viewer = Viewer.account(a)
        let newDecomposed = "Zo\u{308}mer aan het meer bij Hertme", newComposed = "Z\u{F6}mer aan het meer bij Hertme"
        try store.changePassword(for: a.id, old: Self.decomposed, new: newDecomposed, by: viewer)
        let stored = store.state.accounts[a.id.rawValue]!.passwordHash
        #expect(TestHasher().verify(newComposed, against: stored))
        #expect(try store.login(email: "anna@example.nl", password: newComposed).id == a.id)
        #expect(try store.login(email: "anna@example.nl", password: newDecomposed).id == a.id)
    }

    @Test("the forms tried at login: one for a password without accents, distinct by bytes otherwise",
          arguments: [("plain", "lange fietstocht", 1), ("composed", composed, 2), ("decomposed", decomposed, 2),
                      ("mixed", "Caf\u{E9} en cafe\u{301}", 3)])
    func candidates(_ why: String, typed: String, count: Int) {
        let forms = PasswordText.candidates(typed)
        #expect(forms.count == count, "\(why)")
        #expect(forms.first.map { Array($0.utf8) } == Array(typed.precomposedStringWithCanonicalMapping.utf8))
    }

    @Test("regression: an unknown address typed composed and decomposed is throttled as one address")
    func throttleKeyNormalised() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let forms = ["jos\u{E9}@voorbeeld.nl", "jose\u{301}@voorbeeld.nl"]
        for attempt in 0..<LoginThrottle.freeFailures {
            #expect(throws: CoreError.loginFailed) { try store.login(email: forms[attempt % 2], password: "iets verkeerds hier") }
        }
        #expect(throws: CoreError.loginThrottled(seconds: 2)) { try store.login(email: forms[1], password: "iets verkeerds hier") }
        #expect(throws: CoreError.loginThrottled(seconds: 2)) { try store.login(email: forms[0], password: "iets verkeerds hier") }
    }

    static let storedText: [(Field, String)] = [
        (.name, "Jose\u{301} Mu\u{308}ller"), (.senderName, "Ame\u{301}lie"), (.title, "Cafe\u{301} open"),
        (.body, "Ree\u{308}le kosten\nvoor e\u{301}e\u{301}n keer"), (.address, "Ru\u{308}ckertstraat 1"),
    ]

    @Test("regression: names and other text are kept in NFC, whatever form they were typed in", arguments: storedText)
    func validatedIsNFC(field: Field, typed: String) throws {
        let kept = try validated(typed, field)
        #expect(Array(kept.utf8) == Array(typed.precomposedStringWithCanonicalMapping.utf8))
    }

    @Test("regression: a name registered decomposed is stored composed, in the account and the profile")
    func registeredNameNFC() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let a = try store.register(Registration(email: "jose@example.nl", name: "Jose\u{301} Mu\u{308}ller", password: goodPassword, wijk: "Centrum"))
        let composed = Array("Jos\u{E9} M\u{FC}ller".utf8)
        #expect(Array(a.name.utf8) == composed)
        #expect(Array(a.profile.displayName.utf8) == composed)
    }

    @Test("an address is folded to one key: trimmed, lower case, NFC",
          arguments: [(" Anna@Example.NL ", "anna@example.nl"), ("JOSE\u{301}@x.nl", "jos\u{E9}@x.nl"), ("İ@x.nl", "i\u{307}@x.nl")])
    func folded(raw: String, key: String) {
        #expect(Array(EmailAddress.folded(raw).utf8) == Array(key.utf8))
    }
}

/// Which joiners and tags are part of a picture: decided per grapheme, as a terminal draws it.
@Suite struct JoinerSanitizerTests {
    static let rows: [(String, String, String)] = [
        ("regression: a joiner after a variation selector (🏳️‍🌈) is part of the flag", "🏳️‍🌈", "🏳️‍🌈"),
        ("regression: ❤️‍🔥 likewise", "❤️‍🔥", "❤️‍🔥"),
        ("a health worker with a skin tone", "👩🏽‍⚕️", "👩🏽‍⚕️"),
        ("a family", "👨‍👩‍👧‍👦", "👨‍👩‍👧‍👦"),
        ("regression: Scotland's flag keeps its tags", "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"),
        ("a joiner forming a Devanagari half letter", "क्\u{200D}ष", "क्\u{200D}ष"),
        ("regression: a joiner after an emoji with nothing to join shows", "👩\u{200D}x", "👩<U+200D>x"),
        ("a joiner between letters shows", "a\u{200D}b", "a<U+200D>b"),
        ("a joiner at the start shows", "\u{200D}👩", "<U+200D>👩"),
        ("tags without their flag show", "a\u{E0067}\u{E007F}", "a<U+E0067><U+E007F>"),
    ]

    @Test(arguments: rows)
    func sanitize(_ name: String, input: String, expected: String) {
        #expect(Array(TextSanitizer.sanitize(input).unicodeScalars) == Array(expected.unicodeScalars), "\(name)")
    }

    @Test("regression: names with a rainbow flag or Scotland's flag are accepted as typed")
    func namesAccepted() throws {
        for name in ["Sam 🏳️‍🌈", "Iona 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", "Dr. Ada 👩🏽‍⚕️"] {
            #expect(try validated(name, .name) == name)
        }
    }
}
