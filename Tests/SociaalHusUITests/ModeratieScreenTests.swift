import Foundation
import Testing
@testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

extension Driver {
    /// A visitor's report of Fatima's post in Bornsche Maten (Sanne's wijk), made through the core.
    @discardableResult
    func reportCatPost() throws -> Report {
        let post = store.state.posts.all.first { $0.title == "Gratis kinderkleding maat 98" }!
        return try store.report(.post(post.id), reason: .unwanted, explanation: "Dit is mijn kat niet, maar de foto is van mij",
                                name: "Bezoeker Bas", email: "bas@example.org", by: .visitor)
    }
}

@Suite(.serialized) struct ModeratieGoldenTests {
    @Test(arguments: screenVariants)
    func screens(lang: Language, cols: Int, rows: Int, tag: String) throws {
        let d = Driver(lang: lang, size: Size(cols: cols, rows: rows))
        try d.reportCatPost()
        (d.store.clock as! FixedClock).advance(26 * 3_600)
        d.logIn("sanne")
        d.press(.char("7"))
        Golden.check(d.grid, "moderatie-queue-\(tag)")
        d.press(.enter)
        Golden.check(d.grid, "moderatie-report-\(tag)")
        d.press(.escape, .char("d"))
        Golden.check(d.grid, "feeds-list-\(tag)")
        d.press(.char("n"))
        Golden.check(d.grid, "feeds-approve-\(tag)")
        let privacy = Driver(lang: lang, size: Size(cols: cols, rows: rows))
        privacy.press(.ctrl("p"))
        Golden.check(privacy.grid, "privacy-from-agenda-\(tag)")
    }
}

@Suite(.serialized) struct ModeratieScreenTests {
    @Test("only partners and administrators have tab 7", arguments: [("anna", false), ("lotte", false), ("kees", false), ("sanne", true), ("bram", true)])
    func tab(prefix: String, visible: Bool) {
        let d = Driver()
        d.logIn(prefix)
        d.press(.char("7"))
        #expect((d.app.tab == .moderatie) == visible)
    }

    @Test("a visitor reports a post; the partner hides it with one key; the author sees why") func flow() throws {
        let d = Driver()
        d.press(.char("2"))
        for _ in 0..<60 where !(d.grid.lines.contains { $0.contains("▌") && $0.contains("Gratis kinderkleding maat 98") }) { d.press(.down) }
        d.press(.enter, .char("m"))
        #expect(d.screen.contains("Melden: Gratis kinderkleding maat 98"))
        d.focus("Reden")
        d.press(.right)          // reason: onjuist
        d.focus("Toelichting")
        d.type("Er staat een verkeerd adres in")
        d.press(.tab)
        d.type("Bezoeker Bas")
        d.press(.tab)
        d.type("bas@example.org")
        d.focus("Melden")
        d.press(.enter)
        #expect(d.screen.contains("je melding is doorgegeven"))
        d.logIn("sanne")
        d.press(.char("7"))
        #expect(d.screen.contains("open"))
        #expect(d.screen.contains("Prikbord: Gratis kinderkleding maat 98"))
        d.press(.enter, .char("v"))
        #expect(d.screen.contains("Verbergen: Prikbord: Gratis kinderkleding maat 98"), "hiding asks why first")
        d.focus("Toelichting")
        d.type("Er staat een adres in.")
        d.focus("Verbergen")
        d.press(.enter, .char("j"))
        #expect(d.screen.contains("Verborgen. De schrijver en wie meldde zijn ingelicht."))
        let post = try #require(d.store.state.posts.all.first { $0.title == "Gratis kinderkleding maat 98" })
        #expect(post.hiddenReason == "onjuist")
        #expect(d.store.state.audit.all.contains { $0.action == .contentModerated && $0.target == "post:\(post.id)" })
        d.press(.char("r"))
        d.type("Haal het adres weg, dan zet ik het terug.")
        d.focus("Versturen")
        d.press(.enter)
        #expect(d.screen.contains("Bericht aan de schrijver verstuurd."))
        d.press(.char("4"), .char("l"))
        d.logIn("fatima")
        d.press(.char("6"))
        #expect(d.screen.contains("van Moderatie Sociaal") && d.screen.contains("Over je melding (onjuist)"))
    }

    @Test("an administrator makes the platform private: a visitor then sees only login, registration and the privacy statement") func privatePlatform() {
        let d = Driver()
        d.logIn("bram")
        d.press(.char("7"), .char("p"))
        d.press(.char(" "))
        d.focus("Opslaan")
        d.press(.enter)
        #expect(d.screen.contains("Het platform is nu besloten."))
        d.press(.char("4"), .char("l"))
        #expect(d.screen.contains("alleen toegankelijk na inloggen"))
        d.press(.char("2"))
        #expect(d.screen.contains("alleen toegankelijk na inloggen"))
        d.press(.ctrl("p"))
        #expect(d.screen.contains("Privacyverklaring"))
    }

    @Test("a resident's profile is reported from their post") func profile() throws {
        let d = Driver()
        d.press(.char("2"))
        for _ in 0..<60 where !(d.grid.lines.contains { $0.contains("▌") && $0.contains("Gratis kinderkleding maat 98") }) { d.press(.down) }
        d.press(.enter, .char("m"))
        d.focus("Over")
        d.press(.right)
        #expect(d.screen.contains("het profiel van"))
        d.focus("Toelichting")
        d.type("Nepprofiel")
        d.press(.tab)
        d.type("Bas")
        d.press(.tab)
        d.type("bas@example.org")
        d.focus("Melden")
        d.press(.enter)
        let fatima = try #require(d.store.state.accounts.all.first { $0.email.hasPrefix("fatima") })
        #expect(d.store.state.reports.all.contains { $0.target == .profile(fatima.id) })
    }

    @Test("no key conflicts on the moderation screens") func keys() throws {
        let d = Driver()
        try d.reportCatPost()
        d.logIn("bram")
        d.press(.char("7"))
        #expect(KeyTable.conflicts(d.app.activeBindings()).isEmpty)
        d.press(.enter)
        #expect(KeyTable.conflicts(d.app.activeBindings()).isEmpty)
    }
}

/// Issue 12, fourth hole: what cannot be undone asks first, in one dialog the app owns.
@Suite(.serialized) struct DestructiveConfirmTests {
    @Test("regression: x on a report asks before removing, naming the content; Esc keeps it, j removes it") func removeAsks() throws {
        let d = Driver()
        try d.reportCatPost()
        d.logIn("bram")
        d.press(.char("7"), .enter, .char("x"))
        #expect(d.app.hasModal)
        #expect(d.screen.contains("Gratis kinderkleding maat 98") && d.screen.contains("voorgoed verwijderen"))
        d.press(.escape)
        #expect(d.store.state.posts.all.contains { $0.title == "Gratis kinderkleding maat 98" }, "Esc keeps the content")
        d.press(.char("x"), .char("j"))
        #expect(!d.store.state.posts.all.contains { $0.title == "Gratis kinderkleding maat 98" })
    }

    @Test("regression: b on a report asks before blocking the author") func blockAsks() throws {
        let d = Driver()
        try d.reportCatPost()
        d.logIn("bram")
        d.press(.char("7"), .enter, .char("b"))
        #expect(d.app.hasModal && d.screen.contains("blokkeren"))
        let fatima = d.store.state.accounts.all.first { $0.email.hasPrefix("fatima") }!
        d.press(.char("n"))
        #expect(d.store.state.accounts[fatima.id.rawValue]?.blocked == false)
        d.press(.char("b"), .char("j"))
        #expect(d.store.state.accounts[fatima.id.rawValue]?.blocked == true)
    }
}

/// Issue 12: the key bar offers only what the rules allow this person here.
@Suite struct HonestKeysTests {
    @Test("regression: a visitor sees no Bewerken or Verwijderen on an activity or a post") func visitor() {
        let d = Driver()
        d.press(.char("1"), .enter)
        let help = d.app.activeBindings().map(\.action)
        #expect(!help.contains(.edit) && !help.contains(.delete), "activity")
        d.press(.escape, .char("2"), .enter)
        let post = d.app.activeBindings().map(\.action)
        #expect(!post.contains(.edit) && !post.contains(.delete) && !post.contains(.renew), "post")
        #expect(!d.screen.contains("Bewerken"))
    }

    @Test("regression: desk staff get no 'n Nieuw' on the prikbord; a resident gets edit keys only on their own post") func roles() {
        let d = Driver()
        d.logIn("lotte")
        d.press(.char("2"))
        #expect(!d.app.activeBindings().contains { $0.action == .create })
        let r = Driver()
        r.logIn("anna")
        let s = r.store.state
        let anna = s.accounts.all.first { $0.email.hasPrefix("anna") }!
        let own = s.posts.all.first { $0.author == .resident(anna.id) }!
        let other = s.posts.all.first { $0.author != .resident(anna.id) }!
        #expect(PostDetailScreen(id: own.id).bindings(r.app.ctx).contains { $0.action == .edit })
        #expect(!PostDetailScreen(id: other.id).bindings(r.app.ctx).contains { $0.action == .edit || $0.action == .delete })
    }
}

/// Codes in the core, words at the edge: a hidden post's reason is stored as a code and shown
/// in the reader's language.
@Suite struct ReasonWordsTests {
    @Test("the author reads why their post is hidden in English too") func english() throws {
        let d = Driver(lang: .english)
        let r = try d.reportCatPost()
        let sanne = d.store.state.accounts.all.first { $0.email.hasPrefix("sanne") }!
        try d.store.moderate(r.id, .hide, reason: .unwanted, note: "Niet van jou", by: .account(sanne))
        let post = d.store.state.posts.all.first { $0.title == "Gratis kinderkleding maat 98" }!
        #expect(post.hiddenReason == ReportReason.unwanted.rawValue)
        d.logIn("fatima")
        d.press(.char("2"))
        for _ in 0..<60 where !(d.grid.lines.contains { $0.contains("▌") && $0.contains("Gratis kinderkleding maat 98") }) { d.press(.down) }
        d.press(.enter)
        #expect(d.screen.contains("Hidden by a moderator, reason: unwanted"))
    }
}

/// Deleting one's own post, an activity or a message asks in the same app dialog.
@Suite struct DeleteConfirmTests {
    /// Regression: the post's screen said `d` where the key table and every other screen say `x`,
    /// and `x` there answered that it did nothing.
    @Test("x on one's own post (the table's delete key, as everywhere) names it and asks; Esc keeps it, x j deletes it") func ownPost() throws {
        let d = Driver()
        d.logIn("anna")
        let anna = d.store.state.accounts.all.first { $0.email.hasPrefix("anna") }!
        let post = d.store.state.posts.all.first { $0.author == .resident(anna.id) }!
        d.press(.char("2"))
        for _ in 0..<60 where !(d.grid.lines.contains { $0.contains("▌") && $0.contains(post.title) }) { d.press(.down) }
        d.press(.enter, .char("x"))
        #expect(d.app.hasModal && d.screen.contains(post.title) && d.screen.contains("verwijderen?"))
        d.press(.escape)
        #expect(d.store.state.posts[post.id.rawValue] != nil)
        d.press(.char("d"))
        #expect(!d.app.hasModal, "d no longer deletes")
        d.press(.char("x"), .char("j"))
        #expect(d.store.state.posts[post.id.rawValue] == nil)
    }
}
