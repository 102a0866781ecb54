import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

@Suite struct ModerationTests {
    struct World {
        let w: DeskWorld
        let post: Post
        let otherPartner: Account
        init() throws {
            w = try DeskWorld()
            post = try w.store.createPost(PostDraft(kind: .aanbod, title: "Fietsen te koop", body: "Goedkoop", wijk: w.resident.profile.wijk,
                                                    author: .resident(w.resident.id)), by: .account(w.resident))
            otherPartner = try addResident(w.store, "hertme@example.nl", name: "Hertme Partner", wijk: "Hertme",
                                           roles: Roles(partnerOf: [wijkID(w.store, "Hertme")]))
        }
        var store: Store { w.store }
        func report() throws -> Report {
            try store.report(.post(post.id), reason: .incorrect, explanation: "Dit klopt niet", name: "Bezoeker", email: "bezoeker@example.org", by: .visitor)
        }
        func visitorSees() -> Bool {
            ContentVisibility.view(of: store.state.posts[post.id.rawValue]!, author: store.state.accounts[w.resident.id.rawValue], organisation: nil,
                                   by: .visitor, settings: store.state.settings, now: testNow) != nil
        }
    }

    @Test("anyone reports with a mandatory e-mail address; the report reaches that wijk's partner and administrators only") func queue() throws {
        let m = try World()
        #expect(throws: CoreError.fieldRequired(.senderEmail)) {
            try m.store.report(.post(m.post.id), reason: .other, explanation: "x", name: "X", email: " ", by: .visitor)
        }
        let r = try m.report()
        #expect(r.wijk == m.w.resident.profile.wijk)
        #expect(try m.store.reportQueue(by: .account(m.w.partner)).map(\.id) == [r.id])
        #expect(try m.store.reportQueue(by: .account(m.w.admin)).map(\.id) == [r.id])
        #expect(try m.store.reportQueue(by: .account(m.otherPartner)).isEmpty)
        #expect(throws: CoreError.notPermitted(.partnersOnly)) { try m.store.reportQueue(by: .account(m.w.resident)) }
        #expect(throws: CoreError.notPermitted(.notLoggedIn)) { try m.store.reportQueue(by: .visitor) }
        #expect(throws: CoreError.notPermitted(.partnersOnly)) { try m.store.moderate(r.id, .hide, reason: .incorrect, note: "Klopt niet", by: .account(m.otherPartner)) }
    }

    @Test("hide, restore, remove and dismiss do what they say, each an audit event; the author sees why") func actions() throws {
        let m = try World()
        let r = try m.report()
        try m.store.moderate(r.id, .hide, reason: .incorrect, note: "Klopt niet", by: .account(m.w.partner))
        #expect(!m.visitorSees())
        #expect(m.store.state.posts[m.post.id.rawValue]?.hiddenReason == "onjuist", "the author sees the reason")
        #expect(ContentVisibility.view(of: m.store.state.posts[m.post.id.rawValue]!, author: m.w.resident, organisation: nil,
                                       by: .account(m.w.resident), settings: m.store.state.settings, now: testNow) != nil)
        try m.store.moderate(r.id, .restore, by: .account(m.w.partner))
        #expect(m.visitorSees())
        try m.store.moderate(r.id, .dismiss, by: .account(m.w.admin))
        #expect(m.visitorSees())
        try m.store.moderate(r.id, .remove, by: .account(m.w.admin))
        #expect(m.store.state.posts[m.post.id.rawValue] == nil)
        #expect(m.store.state.reports[r.id.rawValue]?.status == .removed, "the report is kept")
        let events = m.store.state.audit.all.filter { $0.action == .contentModerated }
        #expect(events.count == 4)
        #expect(events.allSatisfy { $0.target == "post:\(m.post.id)" })
    }

    @Test("answering the author puts the reason in their Berichten") func answer() throws {
        let m = try World()
        let r = try m.report()
        try m.store.replyToAuthor(r.id, text: "Pas de prijs aan, dan zet ik het terug.", by: .account(m.w.partner))
        let inbox = m.store.messages(for: .account(m.w.resident))
        let message = try #require(inbox.first { $0.text.contains("Pas de prijs aan") })
        #expect(m.store.senderName(of: message, for: .account(m.w.resident)).text(.dutch) == "Moderatie SociaalHus")
        #expect(m.store.senderName(of: message, for: .account(m.w.resident)).text(.english) == "SociaalHus moderation")
        // Codes in the core, words at the edge: the reason is stored as a code, rendered per reader.
        #expect(message.aboutReport == r.reason && message.text == "Pas de prijs aan, dan zet ik het terug.")
        #expect(Language.dutch.t(message.shownText) == "Over je melding (\(r.reason.label(.dutch))): Pas de prijs aan, dan zet ik het terug.")
        #expect(Language.english.t(message.shownText).hasPrefix("About the report (\(r.reason.label(.english))): "))
        // It survives the file: the reason is read back as the same code.
        let again = try Store.open(at: m.store.path, clock: m.store.clock, hasher: TestHasher())
        #expect(again.state.messages[message.id.rawValue]?.aboutReport == r.reason)
    }

    /// An author whose post was taken down was not told.
    @Test("the author is told in Berichten when content is hidden, removed or taken down, with the reason, never who reported it",
          arguments: [ModerationAction.hide, .remove, nil])
    func authorTold(action: ModerationAction?) throws {
        let m = try World()
        let author: Viewer = .account(m.store.state.accounts[m.w.resident.id.rawValue]!)
        let before = m.store.messages(for: author).count
        if let action {
            let r = try m.report()
            try m.store.moderate(r.id, action, reason: action == .hide ? .incorrect : nil, note: action == .hide ? "Klopt niet" : "", by: .account(m.w.partner))
        } else {
            try m.store.recordTakedown(.post(m.post.id), from: "Fotograaf X", email: "x@example.org", notice: "Mijn foto", by: .account(m.w.admin))
        }
        let told = try #require(m.store.messages(for: author).first { $0.aboutReport != nil })
        #expect(m.store.messages(for: author).count == before + 1)
        #expect(told.text.contains("Je bericht op het prikbord 'Fietsen te koop'"))
        #expect(told.text.contains(action == .hide ? "is verborgen" : "is weggehaald"))
        #expect(told.text.contains(action == nil ? "inbreuk op auteursrecht" : "onjuist"))
        #expect(told.text.contains("after a report"))
        for name in ["Bezoeker", "bezoeker@example.org", "Fotograaf", "x@example.org"] { #expect(!told.text.contains(name)) }
    }

    @Test("a dismissed report tells the author nothing") func dismissTellsNothing() throws {
        let m = try World()
        let author: Viewer = .account(m.store.state.accounts[m.w.resident.id.rawValue]!)
        let r = try m.report()
        try m.store.moderate(r.id, .dismiss, by: .account(m.w.partner))
        #expect(!m.store.messages(for: author).contains { $0.aboutReport != nil })
    }

    @Test("an administrator blocks on request with a reason: no login, content hidden; unblocking undoes it") func blocking() throws {
        let m = try World()
        #expect(throws: CoreError.notPermitted(.administratorsOnly)) { try m.store.setBlocked(m.w.resident.id, blocked: true, reason: "x", by: .account(m.w.partner)) }
        try m.store.setBlocked(m.w.resident.id, blocked: true, reason: "op verzoek", by: .account(m.w.admin))
        #expect(m.store.state.accounts[m.w.resident.id.rawValue]?.blockedReason == "op verzoek")
        #expect(throws: CoreError.accountBlocked) { try m.store.login(email: "anna@example.nl", password: goodPassword) }
        #expect(!m.visitorSees())
        try m.store.setBlocked(m.w.resident.id, blocked: false, by: .account(m.w.admin))
        #expect(m.visitorSees())
    }

    @Test("a takedown notice is recorded against the content, which is removed; only administrators") func takedown() throws {
        let m = try World()
        #expect(throws: CoreError.notPermitted(.administratorsOnly)) {
            try m.store.recordTakedown(.post(m.post.id), from: "Fotograaf", email: "foto@example.org", notice: "Mijn foto", by: .account(m.w.partner))
        }
        let n = try m.store.recordTakedown(.post(m.post.id), from: "Fotograaf", email: "foto@example.org", notice: "Mijn foto zonder toestemming",
                                           by: .account(m.w.admin))
        #expect(m.store.state.posts[m.post.id.rawValue] == nil)
        let kept = try #require(try reopen(m.w.dir).state.reports[n.id.rawValue])
        #expect(kept.kind == .takedown && kept.status == .removed && kept.handledBy == m.w.admin.id)
    }

    @Test("a private platform shows visitors nothing but login, registration and the privacy statement") func privatePlatform() throws {
        let m = try World()
        #expect(throws: CoreError.notPermitted(.administratorsOnly)) { try m.store.setPlatform(isPrivate: true, by: .account(m.w.partner)) }
        try m.store.setPlatform(isPrivate: true, by: .account(m.w.admin))
        #expect(!m.visitorSees())
        #expect(throws: CoreError.platformPrivate) { try m.store.state.agenda(AgendaQuery(from: testNow), viewer: .visitor) }
        for section in [Section.agenda, .prikbord, .organisations, .profiles] {
            #expect(!PlatformAccess.mayOpen(section, viewer: .visitor, settings: m.store.state.settings))
        }
        for section in [Section.login, .registration, .privacyStatement] {
            #expect(PlatformAccess.mayOpen(section, viewer: .visitor, settings: m.store.state.settings))
        }
        #expect(try m.store.state.agenda(AgendaQuery(from: testNow), viewer: .account(m.w.resident)).isEmpty, "residents still see the agenda")
    }

    @Test("an administrator replaces the privacy statement; nobody else can") func privacyStatement() throws {
        let m = try World()
        #expect(throws: CoreError.notPermitted(.administratorsOnly)) { try m.store.setPrivacyStatement(dutch: "a", english: "b", by: .account(m.w.partner)) }
        try m.store.setPrivacyStatement(dutch: "# Eigen verklaring\nVan de partner.", english: "# Own statement", by: .account(m.w.admin))
        #expect(Language.dutch.t(PrivacyStatement.text(settings: try reopen(m.w.dir).state.settings)).hasPrefix("# Eigen verklaring"))
        try m.store.setPrivacyStatement(dutch: nil, english: nil, by: .commandLine)
        let standard = Language.english.t(PrivacyStatement.text(settings: m.store.state.settings))
        #expect(standard.hasPrefix(Language.english.t(.privacyStatementText)))
        #expect(standard.contains("privacy@sociaalhus.invalid"), "the standard text names where takedown notices go")
    }

    @Test("a reporter who erases their account is no longer named in the reports they made") func erasedReporter() throws {
        let m = try World()
        let bert = try addResident(m.store, "bert@example.nl", name: "Bert Melder")
        try m.store.report(.post(m.post.id), reason: .unwanted, explanation: "Vervelend", name: "Bert Melder", email: "bert@example.nl", by: .account(bert))
        try m.store.erase(bert.id, by: .account(bert))
        #expect(m.w.filesContaining("Bert Melder").isEmpty)
        #expect(m.w.filesContaining("bert@example.nl").isEmpty)
        #expect(m.store.state.reports.count == 1, "the report itself stays")
    }

    @Test("a resident's export lists the reports they made") func exportReports() throws {
        let m = try World()
        try m.store.report(.post(m.post.id), reason: .incorrect, explanation: "Prijs klopt niet", name: "Anna", email: "anna@example.nl", by: .account(m.w.resident))
        let export = try m.store.export(m.w.resident.id, by: .account(m.w.resident))
        #expect(export.reportsMade.map(\.explanation) == ["Prijs klopt niet"])
    }
}

/// Edits name what may change; the moderation state is not among it.
@Suite struct EditIntentTests {
    @Test("regression: an author who edits a hidden post cannot un-hide it; it stays hidden with its reason") func authorCannotUnhide() throws {
        let m = try ModerationTests.World()
        let r = try m.report()
        try m.store.moderate(r.id, .hide, reason: .incorrect, note: "Klopt niet", by: .account(m.w.partner))
        let author = m.store.state.accounts[m.w.resident.id.rawValue]!
        try m.store.editPost(m.post.id, PostEdit(title: "Fietsen te koop (nieuw)", show: ContactChoice(email: true), lifetimeDays: 30), by: .account(author))
        let post = m.store.state.posts[m.post.id.rawValue]!
        #expect(post.title == "Fietsen te koop (nieuw)")
        #expect(post.hiddenReason == "onjuist", "still hidden")
        #expect(post.author == .resident(author.id) && post.created == m.post.created && post.wijk == m.post.wijk)
        #expect(!m.visitorSees())
    }

    @Test("an editor's change of an agenda item keeps who created it and its moderation state") func agendaProtected() throws {
        let w = try DeskWorld()
        let item = try w.store.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "Koffie", start: testNow.addingTimeInterval(86_400),
                                                           location: "Buurthuis", organisation: w.voedselbank.id), by: .account(w.editor))
        try w.store.update { tx in
            var i = tx.state.agenda[item.id.rawValue]!
            i.hiddenReason = "onjuist"
            tx.put(i)
        }
        var draft = item
        draft.title = "Koffie en thee"
        draft.hiddenReason = nil
        draft.createdBy = w.admin.id
        try w.store.editAgendaItem(item.id, AgendaEdit(draft), by: .account(w.editor))
        let now = w.store.state.agenda[item.id.rawValue]!
        #expect(now.title == "Koffie en thee")
        #expect(now.hiddenReason == "onjuist" && now.createdBy == item.createdBy)
    }
}

/// Mijn gegevens and the export leave out reports about the person, e-mails to
/// them and the digest setting.
@Suite struct ExportCompleteTests {
    @Test("the export lists reports about the person (never who reported, nor their words), e-mails to them, and the digest setting")
    func reportsAndEmails() throws {
        let m = try ModerationTests.World()
        let s = m.store
        try s.updateProfile(for: m.w.resident.id, by: .account(m.w.resident)) { $0.digest = .daily }
        try s.report(.post(m.post.id), reason: .incorrect, explanation: "MELDER-WOORDEN", name: "Melder Naam", email: "melder@example.org", by: .visitor)
        try s.update { tx in
            try tx.queueMail(MailMessage(to: m.w.resident.email, subject: "Mededeling", body: "x"), kind: .announcement, accounts: [m.w.resident.id])
        }
        let export = try s.export(m.w.resident.id, by: .account(s.state.accounts[m.w.resident.id.rawValue]!))
        #expect(export.reportsAbout.count == 1 && export.reportsAbout.first?.reason == "onjuist")
        #expect(export.emails.map(\.subject) == ["Mededeling"] && export.emails.first?.status == "pending")
        #expect(export.profile.digest == "daily")
        let json = String(decoding: try export.json(), as: UTF8.self)
        for hidden in ["MELDER-WOORDEN", "Melder Naam", "melder@example.org"] { #expect(!json.contains(hidden), "\(hidden)") }
    }
}
