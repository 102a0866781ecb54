import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// Moderation stopped half-way. Each finding has a regression test here (core),
/// in `ModerationFinishesScreenTests` (screens) and in `ModerationFlowTests` (tmux).
@Suite struct ModerationFinishesTests {
    /// Anna's post in Centrum reported by a visitor; Sanne is Centrum's partner (and a resident
    /// there with a post of her own); Piet is Centrum's second partner; Bram an administrator who
    /// is also a resident with a post; Kees edits the Voedselbank, which has a post in Centrum.
    struct World {
        let w = try! DeskWorld()
        let annaPost: Post
        let sannePost: Post
        let bramPost: Post
        let orgPost: Post
        let piet: Account
        let bram: Account
        let hertme: Account

        init() throws {
            let s = w.store
            let centrum = wijkID(s, "Centrum")
            annaPost = try s.createPost(PostDraft(kind: .aanbod, title: "Fietsen te koop", body: "Drie fietsen, bel 06-12345678 na zes uur.",
                                                  wijk: centrum, author: .resident(w.resident.id)), by: .account(w.resident))
            sannePost = try s.createPost(PostDraft(kind: .mededeling, title: "Opruimactie", body: "Zaterdag ruimen we op.", wijk: centrum,
                                                   author: .resident(w.partner.id)), by: .account(w.partner))
            piet = try addResident(s, "piet@example.nl", name: "Piet Partner", roles: Roles(partnerOf: [centrum]))
            bram = try addResident(s, "bram2@example.nl", name: "Bram Beheer-Bewoner", roles: Roles(resident: true, administrator: true))
            bramPost = try s.createPost(PostDraft(kind: .vraag, title: "Ladder lenen", body: "Wie heeft er een?", wijk: centrum,
                                                  author: .resident(bram.id)), by: .account(bram))
            orgPost = try s.createPost(PostDraft(kind: .vraag, title: "Houdbare producten nodig", body: "Graag bij de ingang.", wijk: centrum,
                                                 author: .organisation(w.voedselbank.id, by: w.editor.id)), by: .account(w.editor))
            hertme = try addResident(s, "hertme@example.nl", name: "Hertme Partner", wijk: "Hertme", roles: Roles(partnerOf: [wijkID(s, "Hertme")]))
        }

        var store: Store { w.store }
        func fresh(_ a: Account) -> Viewer { .account(store.state.accounts[a.id.rawValue]!) }
        func report(_ p: Post, by viewer: Viewer = .visitor, email: String = "bezoeker@example.org") throws -> Report {
            try store.report(.post(p.id), reason: .incorrect, explanation: "Dit klopt niet", name: "Bezoeker", email: email, by: viewer)
        }
        func post(_ p: Post) -> Post? { store.state.posts[p.id.rawValue] }
    }

    // MARK: `v` hid a post without asking the moderator why

    @Test("regression: hiding without a reason or without words to the author is refused, and nothing changes") func hideAsksWhy() throws {
        let m = try World()
        let r = try m.report(m.annaPost)
        #expect(throws: CoreError.moderationRefused(.reasonNeeded)) { try m.store.moderate(r.id, .hide, note: "Klopt niet", by: .account(m.w.partner)) }
        #expect(throws: CoreError.fieldRequired(.text)) { try m.store.moderate(r.id, .hide, reason: .incorrect, by: .account(m.w.partner)) }
        #expect(m.post(m.annaPost)?.hiddenReason == nil && m.store.state.reports[r.id.rawValue]?.status == .open)
        try m.store.moderate(r.id, .hide, reason: .unwanted, note: "Telefoonnummers horen niet in de tekst.", by: .account(m.w.partner))
        #expect(m.post(m.annaPost)?.hiddenReason == ReportReason.unwanted.rawValue, "the reason chosen, not the reporter's")
        let told = try #require(m.store.messages(for: m.fresh(m.w.resident)).first { $0.aboutReport != nil })
        #expect(told.text.contains("reden: ongewenst") && told.text.contains("Telefoonnummers horen niet in de tekst.") && told.text.contains("bezwaar"))
        let steps = m.store.moderationSteps(r.id, by: .account(m.w.partner))
        #expect(steps.map(\.kind) == [.hide] && steps[0].reason == .unwanted && steps[0].actor == m.w.partner.id && steps[0].actorName == "Sanne")
        #expect(steps[0].note == "Telefoonnummers horen niet in de tekst.")
    }

    // MARK: `t` on a post that is not hidden said "Gedaan: teruggezet"

    @Test("regression: restoring what is not hidden is refused; the actions offered fit the content as it is") func restoreOnlyHidden() throws {
        let m = try World()
        let r = try m.report(m.annaPost)
        #expect(m.store.moderationActions(r.id, by: .account(m.w.partner)) == [.hide, .remove, .dismiss])
        #expect(throws: CoreError.moderationRefused(.notHidden)) { try m.store.moderate(r.id, .restore, by: .account(m.w.partner)) }
        #expect(m.store.state.reports[r.id.rawValue]?.status == .open, "nothing said done")
        try m.store.moderate(r.id, .hide, reason: .incorrect, note: "Klopt niet", by: .account(m.w.partner))
        #expect(m.store.moderationActions(r.id, by: .account(m.w.partner)) == [.restore, .remove])
        #expect(throws: CoreError.moderationRefused(.alreadyHidden)) {
            try m.store.moderate(r.id, .hide, reason: .incorrect, note: "Nog eens", by: .account(m.w.partner))
        }
        try m.store.moderate(r.id, .restore, by: .account(m.w.partner))
        #expect(m.post(m.annaPost)?.hiddenReason == nil && m.store.state.reports[r.id.rawValue]?.status == .restored)
    }

    // MARK: a partner handled a report about her own post without a word

    /// Who may act on a report, by role and whose content: nobody on their own.
    @Test("regression: the rules as a table (role × own or other content × action)") func ruleTable() throws {
        enum Who: CaseIterable { case partner, secondPartner, otherWijkPartner, admin, editor, resident }
        let m = try World()
        func viewer(_ w: Who) -> Viewer {
            switch w {
            case .partner: m.fresh(m.w.partner)
            case .secondPartner: m.fresh(m.piet)
            case .otherWijkPartner: m.fresh(m.hertme)
            case .admin: m.fresh(m.bram)
            case .editor: m.fresh(m.w.editor)
            case .resident: m.fresh(m.w.resident)
            }
        }
        // (who, post, expected refusal): own content first, then someone else's.
        let table: [(Who, Post, PermissionDenial?)] = [
            (.partner, m.sannePost, .ownContent), (.partner, m.annaPost, nil),
            (.secondPartner, m.sannePost, nil), (.secondPartner, m.annaPost, nil),
            (.admin, m.bramPost, .ownContent), (.admin, m.sannePost, nil),
            (.editor, m.orgPost, .ownContent), (.editor, m.annaPost, .partnersOnly),
            (.resident, m.annaPost, .ownContent), (.resident, m.sannePost, .partnersOnly),
            (.otherWijkPartner, m.annaPost, .partnersOnly),
        ]
        for (who, post, expected) in table {
            for action in [ModerationAction.hide, .remove, .dismiss, nil] {
                // A fresh store per row: an allowed action changes it.
                let row = try World()
                let p = [row.annaPost, row.sannePost, row.bramPost, row.orgPost].first { $0.title == post.title }!
                let r = try row.report(p)
                let v: Viewer = {
                    switch who {
                    case .partner: row.fresh(row.w.partner)
                    case .secondPartner: row.fresh(row.piet)
                    case .otherWijkPartner: row.fresh(row.hertme)
                    case .admin: row.fresh(row.bram)
                    case .editor: row.fresh(row.w.editor)
                    case .resident: row.fresh(row.w.resident)
                    }
                }()
                let label = "\(who) × \(post.title) × \(action.map { "\($0)" } ?? "answer")"
                do {
                    if let action {
                        try row.store.moderate(r.id, action, reason: .incorrect, note: "Reden", by: v)
                    } else {
                        try row.store.replyToAuthor(r.id, text: "Pas het aan", by: v)
                    }
                    #expect(expected == nil, "\(label) was allowed")
                } catch let CoreError.notPermitted(d) {
                    #expect(d == expected, "\(label): \(d)")
                }
            }
            // Nor is it in their queue, nor shown to them (it names who reported).
            let r = try m.report(post)
            let v = viewer(who)
            let queue = (try? m.store.reportQueue(by: v)) ?? []
            #expect(queue.contains { $0.id == r.id } == (expected == nil), "\(who) queue × \(post.title)")
            #expect((m.store.report(r.id, by: v) != nil) == (expected == nil), "\(who) sees report × \(post.title)")
        }
        _ = Who.allCases
    }

    // MARK: the author's list showed no mark; the author can object once

    @Test("regression: the author reads why on the post and objects once; the objection goes to the queue") func objectOnce() throws {
        let m = try World()
        let r = try m.report(m.annaPost)
        let anna = m.fresh(m.w.resident)
        #expect(m.store.hiddenNotice(.post(m.annaPost.id), for: anna) == nil, "not hidden: nothing to say")
        #expect(throws: CoreError.moderationRefused(.nothingToObject)) { try m.store.object(to: .post(m.annaPost.id), text: "Waarom?", by: anna) }
        try m.store.moderate(r.id, .hide, reason: .incorrect, note: "Het nummer klopt niet.", by: .account(m.w.partner))
        let notice = try #require(m.store.hiddenNotice(.post(m.annaPost.id), for: anna))
        #expect(notice.reason == .incorrect && notice.note == "Het nummer klopt niet." && notice.mayObject && !notice.objected)
        #expect(m.store.hiddenNotice(.post(m.annaPost.id), for: .visitor) == nil && m.store.hiddenNotice(.post(m.annaPost.id), for: m.fresh(m.piet)) == nil)
        // Only the author: not another resident, not an administrator for them.
        #expect(throws: CoreError.notPermitted(.notYourPost)) { try m.store.object(to: .post(m.annaPost.id), text: "x", by: m.fresh(m.piet)) }
        #expect(throws: CoreError.notPermitted(.notYourPost)) { try m.store.object(to: .post(m.annaPost.id), text: "x", by: m.fresh(m.bram)) }
        try m.store.object(to: .post(m.annaPost.id), text: "Het nummer is van de fietsenwinkel, niet van mij.", by: anna)
        #expect(throws: CoreError.moderationRefused(.alreadyObjected)) { try m.store.object(to: .post(m.annaPost.id), text: "Nog eens", by: anna) }
        #expect(m.store.state.reports[r.id.rawValue]?.status == .objected)
        let queue = try m.store.reportQueue(by: .account(m.w.partner))
        #expect(queue.first?.id == r.id && queue.first?.status == .objected, "waiting again, first")
        #expect(m.store.state.audit.all.contains { $0.action == .objectionMade && $0.actor == m.w.resident.id && $0.target == "post:\(m.annaPost.id)" })
        #expect(m.store.moderationActions(r.id, by: .account(m.w.partner)) == [.restore, .remove, .dismiss])
        // Rejected: it stays hidden, the author is told, and may not object again.
        try m.store.moderate(r.id, .dismiss, note: "Het blijft een privénummer.", by: .account(m.piet))
        #expect(m.post(m.annaPost)?.hiddenReason != nil && m.store.state.reports[r.id.rawValue]?.status == .hidden)
        #expect(m.store.messages(for: anna).contains { $0.text.contains("blijft verborgen") && $0.text.contains("Het blijft een privénummer.") })
        let after = try #require(m.store.hiddenNotice(.post(m.annaPost.id), for: anna))
        #expect(after.objected && !after.mayObject && !after.objectionOpen)
        #expect(throws: CoreError.moderationRefused(.alreadyObjected)) { try m.store.object(to: .post(m.annaPost.id), text: "Nog eens", by: anna) }
        let kinds = m.store.moderationSteps(r.id, by: .account(m.piet)).map(\.kind)
        #expect(kinds == [.hide, .object, .keep])
        // The log survives the file, who and why included.
        let again = try reopen(m.w.dir)
        #expect(try again.steps(of: r.id).map(\.note) == ["Het nummer klopt niet.", "Het nummer is van de fietsenwinkel, niet van mij.", "Het blijft een privénummer."])
    }

    @Test("an activity's editor objects for their organisation") func activityObjection() throws {
        let m = try World()
        let item = try m.store.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "Koffie", start: testNow.addingTimeInterval(86_400),
                                                           location: "Buurthuis", wijk: wijkID(m.store, "Centrum"), organisation: m.w.voedselbank.id),
                                                by: .account(m.w.editor))
        let r = try m.store.report(.agendaItem(item.id), reason: .unwanted, explanation: "x", name: "B", email: "b@example.org", by: .visitor)
        try m.store.moderate(r.id, .hide, reason: .unwanted, note: "Geen reclame.", by: .account(m.w.partner))
        #expect(m.store.hiddenNotice(.agendaItem(item.id), for: .account(m.w.editor))?.mayObject == true)
        try m.store.object(to: .agendaItem(item.id), text: "Het is geen reclame.", by: .account(m.w.editor))
        try m.store.moderate(r.id, .restore, note: "Klopt, teruggezet.", by: .account(m.w.partner))
        #expect(m.store.state.agenda[item.id.rawValue]?.hiddenReason == nil)
    }

    // MARK: the report showed the title, not the text

    @Test("regression: the report shows the whole reported text, hidden or not") func fullText() throws {
        let m = try World()
        let r = try m.report(m.annaPost)
        #expect(m.store.reportedText(r, by: .account(m.w.partner)) == "Fietsen te koop\n\nDrie fietsen, bel 06-12345678 na zes uur.")
        try m.store.moderate(r.id, .hide, reason: .incorrect, note: "x", by: .account(m.w.partner))
        #expect(m.store.reportedText(r, by: .account(m.w.partner))?.contains("06-12345678") == true)
        #expect(m.store.reportedText(r, by: m.fresh(m.hertme)) == nil && m.store.reportedText(r, by: .visitor) == nil)
    }

    // MARK: the reporter never heard the outcome

    @Test("regression: the reporter is told the outcome: in Berichten from Beheer SociaalHus, a visitor by e-mail; the author never named")
    func reporterTold() throws {
        let m = try World()
        let henk = try addResident(m.store, "henk@example.nl", name: "Henk Melder")
        let r = try m.report(m.annaPost, by: .account(henk), email: "henk@example.nl")
        let visitor = try m.report(m.annaPost)
        try m.store.moderate(r.id, .hide, reason: .incorrect, note: "Nummer eruit", by: .account(m.w.partner))
        let told = try #require(m.store.messages(for: m.fresh(henk)).first)
        #expect(m.store.senderName(of: told, for: m.fresh(henk)).text(.dutch) == "Beheer SociaalHus")
        #expect(told.text.contains("Je melding over het bericht 'Fietsen te koop'") && told.text.contains("verborgen"))
        for secret in ["Anna", "Sanne", "Nummer eruit"] { #expect(!told.text.contains(secret), "\(secret)") }
        try m.store.moderate(visitor.id, .dismiss, by: .account(m.w.partner))
        let mail = try #require(m.store.state.outbox.all.first { $0.to == "bezoeker@example.org" })
        #expect(mail.subject.contains("Je melding"))
    }

    @Test("every step is an audit event with who acted; the log keeps why, and loses only who when a moderator is erased") func logged() throws {
        let m = try World()
        let r = try m.report(m.annaPost)
        try m.store.moderate(r.id, .hide, reason: .copyright, note: "Foto van een ander", by: .account(m.w.partner))
        try m.store.moderate(r.id, .restore, note: "Toestemming gekregen", by: .account(m.piet))
        let events = m.store.state.audit.all.filter { $0.action == .contentModerated }.sorted { $0.id < $1.id }
        #expect(events.map(\.actor) == [m.w.partner.id, m.piet.id])
        try m.store.erase(m.w.partner.id, by: .commandLine)
        let steps = try m.store.steps(of: r.id)
        #expect(steps.map(\.actor) == [nil, m.piet.id] && steps[0].reason == .copyright && steps[0].note == "Foto van een ander")
        // The author erased: the report about their post and its steps go.
        try m.store.erase(m.w.resident.id, by: .commandLine)
        #expect(try m.store.steps(of: r.id).isEmpty)
    }
}
