import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// Sentences that describe state are made from that state: what is ticked, who changed what,
/// who acted. Each case here was once on screen while untrue.
@Suite(.serialized) struct TrueSentenceTests {
    /// Opens `screen` in front, as its key would.
    static func open(_ screen: Screen, in d: Driver) {
        d.app.ctx.push(screen)
        d.press(.function(12))
    }

    /// The demo post of Anna's with this title.
    static func annasPost(_ d: Driver, _ title: String = "Boeken gratis af te halen") throws -> Post {
        try #require(d.store.state.posts.all.first { $0.title == title })
    }

    @Test("the post form's heading over the detail boxes counts the boxes ticked, as they are ticked",
          arguments: [(Language.dutch, ["(alles staat uit)", "(1 van de 3 staat aan)", "(2 van de 3 staan aan)", "(alles staat aan)"]),
                      (Language.english, ["(all off)", "(1 of 3 on)", "(2 of 3 on)", "(all on)"])])
    func postDetailsHeading(_ lang: Language, _ headings: [String]) throws {
        let d = Driver(lang: lang, size: Size(cols: 120, rows: 50))
        d.logIn("anna")
        d.press(.char("2"), .char("n"))
        #expect(d.screen.contains(headings[0]), "\(d.screen)")
        for (i, label) in [Word.showEMailAddress, .showPhoneNumber, .showAddress].enumerated() {
            d.tabUntil("▌ [ ] " + lang.t(label))
            d.press(.char(" "))
            #expect(d.screen.contains(headings[i + 1]), "after ticking \(i + 1): \(d.screen)")
        }
        d.press(.char(" "))
        #expect(d.screen.contains(headings[2]), "after unticking one: \(d.screen)")
    }

    @Test("editing a post with two details ticked, the heading says two are on, not 'alles staat uit'")
    func editedPostHeading() throws {
        let d = Driver(size: Size(cols: 120, rows: 50))
        d.logIn("anna")
        var post = try Self.annasPost(d)
        try d.store.perform(.editPost(post.id, PostEdit(show: ContactChoice(name: false, email: true, phone: true, address: false))),
                            as: .account(d.app.ctx.account!))
        post = try Self.annasPost(d)
        Self.open(PostEditScreen(editing: post, d.app.ctx), in: d)
        #expect(d.screen.contains("Welke gegevens gaan mee? (2 van de 3 staan aan)"), "\(d.screen)")
        #expect(!d.screen.contains("alles staat uit"))
    }

    @Test("registering, the heading over the e-mail boxes counts the boxes ticked")
    func registerHeading() throws {
        let d = Driver(size: Size(cols: 120, rows: 50))
        Self.open(RegisterScreen(d.app.ctx), in: d)
        #expect(d.screen.contains("Welke e-mails wil je ontvangen? (alles staat uit)"))
        d.tabUntil("▌ [ ] " + EmailKind.allCases[0].label(.dutch))
        d.press(.char(" "))
        #expect(d.screen.contains("Welke e-mails wil je ontvangen? (1 van de 4 staat aan)"), "\(d.screen)")
    }

    @Test("a new post being typed is not told 'changed by someone else' when the command line changes the store: it has no record yet")
    func newPostIsNoConflict() throws {
        let d = Driver()
        d.logIn("anna")
        d.press(.char("2"), .char("n"))
        d.press(.tab)
        d.type("Mijn eigen titel")
        let other = try Store.open(at: d.store.path, clock: FixedClock(fixedNow))
        let org = try #require(other.organisations(for: .visitor).first)
        try other.perform(.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "Iets anders", start: fixedNow.addingTimeInterval(3_600),
                                                       location: "Kern", organisation: org.id)), as: .commandLine)
        let someone = try Self.annasPost(d, "Leesclub zoekt nieuwe leden")
        try other.perform(.deletePost(someone.id), as: .commandLine)
        d.app.tick()
        #expect(!d.screen.contains(Language.dutch.t(.changedBySomeoneElseAt("", "")).prefix(20)), "\(d.screen)")
        #expect(d.screen.contains("Mijn eigen titel"))
    }

    @Test("a post being edited is told once when another terminal changes that post, not when it changes another; the typing stays")
    func editedPostConflict() throws {
        let d = Driver(size: Size(cols: 120, rows: 50))
        d.logIn("anna")
        let mine = try Self.annasPost(d)
        Self.open(PostEditScreen(editing: mine, d.app.ctx), in: d)
        d.tabUntil("▌ Titel")
        d.press(.end)
        d.type(" en strips")
        let other = try Store.open(at: d.store.path, clock: FixedClock(fixedNow))
        try other.perform(.deletePost(try Self.annasPost(d, "Leesclub zoekt nieuwe leden").id), as: .commandLine)
        d.app.tick()
        #expect(!d.screen.contains("Gewijzigd door een ander"), "another post changed, not this one: \(d.screen)")
        try other.perform(.editPost(mine.id, PostEdit(title: "Boeken en tijdschriften")), as: .commandLine)
        d.app.tick()
        #expect(d.screen.contains("Gewijzigd door een ander"), "\(d.screen)")
        #expect(d.screen.contains("Boeken gratis af te halen en strips"))
    }

    @Test("what the operator did on the command line is in the person's log as the operator's, in the reader's language; a visitor's message stays 'zonder account'",
          arguments: [(Language.dutch, "door de beheerder van de server", "zonder account"),
                      (Language.english, "by the server's operator", "without an account")])
    func operatorInLog(_ lang: Language, _ byOperator: String, _ byVisitor: String) throws {
        let d = Driver(lang: lang)
        let anna = UIFixture.account("anna")
        let account = try d.store.account(email: anna.email)
        try d.store.perform(.verifyWijk(email: anna.email), as: .commandLine)
        let export = try d.store.export(account.id, by: .commandLine, recordAudit: false)
        let verified = try #require(export.auditEvents.last { $0.action == "wijk-verified" })
        #expect(verified.by == "operator")
        #expect(verified.target == "desk:wijk:\(account.profile.wijk)", "the mark is not shown as the target")
        #expect(export.auditEvents.contains { $0.action == "message-sent" && $0.by == "visitor" })
        let lines = MyDataLines.build(export, lang: lang, width: 200).map(\.text)
        let log = lines.drop { !$0.contains(lang.t(.log)) }
        #expect(log.contains { $0.contains(byOperator) && $0.contains("desk:wijk:") }, "\(log.joined(separator: "\n"))")
        #expect(log.contains { $0.contains(byVisitor) && $0.contains("message:") }, "\(log.joined(separator: "\n"))")
        #expect(!log.contains { $0.contains(byVisitor) && $0.contains("desk:wijk:") })
    }
}
