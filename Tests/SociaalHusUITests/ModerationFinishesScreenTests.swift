import Foundation
import Testing
@testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

extension Driver {
    /// Moves the Prikbord's selection to the post titled `title`.
    func select(_ title: String) {
        for _ in 0..<60 where !(grid.lines.contains { $0.contains("▌") && $0.contains(title) }) { press(.down) }
    }
}

/// Issue 24, part 6, as each role types it (screens; the core in `ModerationFinishesTests`).
@Suite(.serialized) struct ModerationFinishesScreenTests {
    @Test("regression: v asks a reason and an explanation and then confirms; Esc at the question hides nothing") func hideAsks() throws {
        let d = Driver()
        try d.reportCatPost()
        d.logIn("sanne")
        d.press(.char("7"), .enter, .char("v"))
        #expect(d.screen.contains("Verbergen: Prikbord: Gratis kinderkleding maat 98") && d.screen.contains("Reden"))
        let post = { d.store.state.posts.all.first { $0.title == "Gratis kinderkleding maat 98" }! }
        #expect(post().hiddenReason == nil, "v alone hides nothing")
        d.focus("Verbergen")
        d.press(.enter)
        #expect(d.screen.contains("Dit veld is verplicht") || d.screen.contains("verplicht"), "the explanation is asked for")
        d.focus("Reden")
        d.press(.right)          // ongewenst → anders
        d.focus("Toelichting")
        d.type("Een foto van een ander hoort hier niet.")
        d.focus("Verbergen")
        d.press(.enter)
        #expect(d.app.hasModal && d.screen.contains("verbergen met reden anders?"))
        d.press(.escape)
        #expect(post().hiddenReason == nil, "Esc keeps it visible")
        d.press(.enter, .char("j"))
        #expect(post().hiddenReason == ReportReason.other.rawValue)
        #expect(d.screen.contains("Verborgen."))
    }

    @Test("regression: t Terugzetten is offered only on hidden content; v only on visible content") func honestKeys() throws {
        let d = Driver()
        let r = try d.reportCatPost()
        d.logIn("sanne")
        d.press(.char("7"), .enter)
        var offered = d.app.activeBindings().map(\.action)
        #expect(!offered.contains(.restore) && offered.contains(.hide))
        #expect(!d.screen.contains("Terugzetten"))
        d.press(.char("t"))
        #expect(!d.screen.contains("Gedaan"), "t does nothing on a visible post")
        #expect(d.store.state.reports[r.id.rawValue]?.status == .open)
        try d.store.moderate(r.id, .hide, reason: .unwanted, note: "Niet van jou", by: .account(d.account("sanne")))
        d.press(.ctrl("r"))
        offered = d.app.activeBindings().map(\.action)
        #expect(offered.contains(.restore) && !offered.contains(.hide))
        d.press(.char("t"))
        #expect(d.screen.contains("Gedaan: teruggezet"))
        #expect(KeyTable.conflicts(d.app.activeBindings()).isEmpty)
    }

    @Test("regression: a partner does not get the report about her own post; the administrator does") func ownPost() throws {
        let d = Driver()
        let own = d.store.state.posts.all.first { $0.title == "Aanhanger te leen" }!
        try d.store.report(.post(own.id), reason: .unwanted, explanation: "Vervelend", name: "Bezoeker", email: "b@example.org", by: .visitor)
        d.logIn("sanne")
        d.press(.char("7"))
        #expect(d.screen.contains("Geen meldingen.") && !d.screen.contains("Aanhanger te leen"))
        d.press(.char("4"), .char("l"))
        d.logIn("bram")
        d.press(.char("7"))
        #expect(d.screen.contains("Prikbord: Aanhanger te leen"))
    }

    @Test("regression: the report shows the whole reported text and its history with who and why") func fullText() throws {
        let d = Driver(size: Size(cols: 100, rows: 40))
        let r = try d.reportCatPost()
        let body = d.store.state.posts.all.first { $0.title == "Gratis kinderkleding maat 98" }!.body
        try d.store.moderate(r.id, .hide, reason: .unwanted, note: "Niet van jou", by: .account(d.account("sanne")))
        d.logIn("bram")
        d.press(.char("7"), .enter)
        #expect(d.screen.contains("Gemelde tekst:"))
        #expect(d.screen.contains(String(body.prefix(30))), "the body, not only the title")
        #expect(d.screen.contains("verborgen · door Demo Sanne Bakker · reden: ongewenst") && d.screen.contains("Niet van jou"))
    }

    @Test("regression: the author sees 'verborgen' with the reason in her list and on the post, and objects once") func authorObjects() throws {
        let d = Driver(size: Size(cols: 100, rows: 30))
        let r = try d.reportCatPost()
        try d.store.moderate(r.id, .hide, reason: .unwanted, note: "De foto is van een ander.", by: .account(d.account("sanne")))
        d.logIn("fatima")
        d.press(.char("2"))
        d.select("Gratis kinderkleding maat 98")
        #expect(d.screen.contains("Gratis kinderkleding maat 98 (verborgen: ongewenst)"))
        d.press(.enter)
        #expect(d.screen.contains("Verborgen door een moderator, reden: ongewenst") && d.screen.contains("Toelichting: De foto is van een ander."))
        #expect(d.screen.contains("Druk op b om één keer bezwaar te maken"))
        d.press(.char("b"))
        #expect(d.screen.contains("Bezwaar tegen verbergen: Gratis kinderkleding maat 98"))
        d.focus("Waarom")
        d.type("Het is mijn eigen foto.")
        d.focus("Bezwaar maken")
        d.press(.enter)
        #expect(d.screen.contains("Je bezwaar is doorgegeven aan de moderatoren."))
        #expect(d.screen.contains("Het bezwaar ligt bij de moderatoren."))
        #expect(!d.app.activeBindings().contains { $0.action == .object }, "once")
        d.press(.char("4"), .char("l"))
        d.logIn("sanne")
        d.press(.char("7"))
        #expect(d.screen.contains("bezwaar"))
        d.press(.enter)
        #expect(d.screen.contains("Het is mijn eigen foto.") && d.screen.contains("Bezwaar afwijzen"))
    }

    @Test("no object key for anyone but the author of hidden content") func objectKeyOnlyForAuthor() throws {
        let d = Driver()
        let r = try d.reportCatPost()
        let post = d.store.state.posts.all.first { $0.title == "Gratis kinderkleding maat 98" }!
        d.logIn("fatima")
        #expect(!PostDetailScreen(id: post.id).bindings(d.app.ctx).contains { $0.action == .object }, "visible: nothing to object to")
        try d.store.moderate(r.id, .hide, reason: .unwanted, note: "x", by: .account(d.account("sanne")))
        #expect(PostDetailScreen(id: post.id).bindings(d.app.ctx).contains { $0.action == .object })
        let b = Driver(store: d.store)
        b.logIn("bram")
        #expect(!PostDetailScreen(id: post.id).bindings(b.app.ctx).contains { $0.action == .object })
    }

    @Test("regression: the reporter reads the outcome in Berichten, from Beheer SociaalHus") func reporterTold() throws {
        let d = Driver()
        let post = d.store.state.posts.all.first { $0.title == "Gratis kinderkleding maat 98" }!
        let anna = d.account("anna")
        let r = try d.store.report(.post(post.id), reason: .unwanted, explanation: "Niet van haar", name: "Anna", email: anna.email, by: .account(anna))
        try d.store.moderate(r.id, .hide, reason: .unwanted, note: "x", by: .account(d.account("sanne")))
        d.logIn("anna")
        d.press(.char("6"))
        #expect(d.screen.contains("van Beheer SociaalHus"))
    }

    @Test("the hide form and the objection in English") func english() throws {
        let d = Driver(lang: .english, size: Size(cols: 100, rows: 30))
        let r = try d.reportCatPost()
        d.logIn("sanne")
        d.press(.char("7"), .enter, .char("v"))
        #expect(d.screen.contains("Hide: Notice board: Gratis kinderkleding maat 98") && d.screen.contains("Explanation"))
        try d.store.moderate(r.id, .hide, reason: .unwanted, note: "Not yours", by: .account(d.account("sanne")))
        let e = Driver(lang: .english, size: Size(cols: 100, rows: 30), store: d.store)
        e.logIn("fatima")
        e.press(.char("2"))
        e.select("Gratis kinderkleding maat 98")
        #expect(e.screen.contains("(hidden: unwanted)"))
        e.press(.enter)
        #expect(e.screen.contains("Disagree? Press b to object once."))
    }
}
