import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// The one rule for a resident's identity, checked on every surface the core produces:
/// author level (3) × the post's detail ticks (all 8 combinations of e-mail, phone, address) ×
/// viewer (visitor, same-wijk resident, other-wijk resident, editor, desk staff, local partner,
/// administrator, the author) × surface (post as listed and opened, Buren list, profile,
/// Berichten sender of a reply, that viewer's own export, the reply e-mail to a visitor).
/// The expected value of every cell comes from the rule as the privacy statement words it.
@Suite struct IdentityMatrixTests {
    enum ViewerKind: String, CaseIterable { case visitor, sameWijk, otherWijk, editor, desk, partner, administrator, author }

    /// The rule: Anoniem — the author alone; Alleen buren — logged-in residents of the same wijk; Openbaar — everyone.
    static func sees(_ level: ProfileVisibility, _ viewer: ViewerKind) -> Bool {
        if viewer == .author { return true }
        switch level {
        case .anonymous: return false
        case .neighbours: return viewer == .sameWijk
        case .public: return true
        }
    }

    static let tickSets: [ContactChoice] = (0..<8).map { ContactChoice(email: $0 & 1 != 0, phone: $0 & 2 != 0, address: $0 & 4 != 0) }

    struct World {
        let dir = TempDir()
        let store: Store
        var authors: [ProfileVisibility: Account] = [:]
        var viewers: [ViewerKind: Account] = [:]
        var posts: [ProfileVisibility: [Post]] = [:]

        init() throws {
            store = try makeStore(dir)
            let org = try store.createOrganisation(Organisation(id: OrganisationID(0), name: "Voedselbank Borne", categories: ["geldzaken"]), by: .commandLine)
            for (i, level) in ProfileVisibility.allCases.enumerated() {
                let a = try addResident(store, "auteur\(i)@example.nl", name: "Auteur\(level.rawValue)", wijk: "Centrum", visibility: level)
                try store.updateProfile(for: a.id, by: .account(a)) { $0.phone = "06-1111222\(i)"; $0.address = "Dorpsstraat \(i)"; $0.interests = ["sport"] }
                authors[level] = store.state.accounts[a.id.rawValue]!
                posts[level] = try IdentityMatrixTests.tickSets.map { show in
                    try store.createPost(PostDraft(kind: .aanbod, title: "Post \(i)", body: "Tekst", wijk: a.profile.wijk,
                                                   author: .resident(a.id), show: show), by: .account(authors[level]!))
                }
            }
            // Staff roles live in another wijk: a role must not give sight of a resident.
            viewers[.sameWijk] = try addResident(store, "buur@example.nl", name: "Buur Centrum", wijk: "Centrum")
            viewers[.otherWijk] = try addResident(store, "ver@example.nl", name: "Ver Weg", wijk: "Zenderen")
            viewers[.editor] = try addResident(store, "kees@example.nl", name: "Kees", wijk: "Zenderen", roles: Roles(editorOf: [org.id]))
            viewers[.desk] = try addResident(store, "lotte@example.nl", name: "Lotte", wijk: "Zenderen", roles: Roles(resident: false, deskStaff: true))
            viewers[.partner] = try addResident(store, "sanne@example.nl", name: "Sanne", wijk: "Zenderen", roles: Roles(partnerOf: [wijkID(store, "Centrum")]))
            viewers[.administrator] = try addResident(store, "bram@example.nl", name: "Bram", wijk: "Zenderen", roles: Roles(resident: false, administrator: true))
        }

        func viewer(_ kind: ViewerKind, level: ProfileVisibility) -> Viewer {
            switch kind {
            case .visitor: return .visitor
            case .author: return .account(authors[level]!)
            default: return .account(store.state.accounts[viewers[kind]!.id.rawValue]!)
            }
        }
    }

    @Test("identity matrix: 3 levels × 8 tick sets × 8 viewers on posts, Buren, profile, Berichten, export and reply e-mail")
    func matrix() throws {
        var w = try World()
        var cells = 0
        let s = w.store.state
        for level in ProfileVisibility.allCases {
            let author = w.authors[level]!
            let name = author.profile.displayName
            for kind in ViewerKind.allCases {
                let viewer = w.viewer(kind, level: level)
                let seen = Self.sees(level, kind)
                let at = "\(level.rawValue), \(kind.rawValue)"
                // Prikbord list and post detail use this view.
                for (k, post) in w.posts[level]!.enumerated() {
                    let show = Self.tickSets[k]
                    let v = try #require(ContentVisibility.view(of: post, author: author, organisation: nil, by: viewer, settings: s.settings, now: testNow), "\(at)")
                    #expect(v.authorName == (seen ? .named(name) : .anonymousResident()), "post name \(at) \(show)")
                    #expect(v.email == (seen && show.email ? author.email : nil), "post e-mail \(at) \(show)")
                    #expect(v.phone == (seen && show.phone ? author.profile.phone : nil), "post phone \(at) \(show)")
                    #expect(v.address == (seen && show.address ? author.profile.address : nil), "post address \(at) \(show)")
                    cells += 1
                }
                // Buren: listed exactly when seen (never oneself).
                let listed = s.neighbours(for: viewer, now: testNow).contains { $0.id == author.id }
                #expect(listed == (seen && kind != .author), "Buren \(at)")
                // Profile and its preview.
                let p = try #require(ProfileVisibilityRule.view(of: author, by: viewer, settings: s.settings))
                #expect(p.displayName == (seen ? .named(name) : .anonymousResident()) && (p.photo != nil) == (seen && author.profile.photo != nil), "profile \(at)")
                cells += 2
            }
        }
        // Berichten and the export: each logged-in viewer writes to each author through a post,
        // the author replies; what the viewer's Berichten and export say of the replier.
        for level in ProfileVisibility.allCases {
            for kind in ViewerKind.allCases where kind != .visitor && kind != .author {
                let me = w.viewers[kind]!
                let m = try w.store.sendMessage(senderName: me.profile.displayName, senderEmail: me.email, to: .resident(w.authors[level]!.id),
                                                text: "Vraag van \(kind.rawValue)", by: .account(me))
                let answer = try w.store.reply(to: m.id, text: "Antwoord aan \(kind.rawValue)", by: .account(w.authors[level]!))
                let viewer = w.viewer(kind, level: level)
                let expected: ShownName = Self.sees(level, kind) ? .named(w.authors[level]!.profile.displayName) : .anonymousResident()
                #expect(ContentVisibility.senderName(of: answer, in: w.store.state, for: viewer) == expected, "Berichten \(level) \(kind)")
                let export = String(decoding: try w.store.export(me.id, by: viewer).json(), as: UTF8.self)
                #expect(export.contains(w.authors[level]!.profile.displayName) == Self.sees(level, kind), "export \(level) \(kind)")
                cells += 2
            }
            // A visitor's message is answered by e-mail: the name only when the level is Openbaar.
            let m = try w.store.sendMessage(senderName: "Bezoeker", senderEmail: "bezoeker\(level.rawValue)@example.org",
                                            to: .resident(w.authors[level]!.id), text: "Hallo", by: .visitor)
            _ = try w.store.reply(to: m.id, text: "Dag!", by: .account(w.authors[level]!))
            let mail = try #require(w.store.state.outbox.all.first { $0.to == "bezoeker\(level.rawValue)@example.org" })
            #expect(mail.body.contains(w.authors[level]!.profile.displayName) == (level == .public), "reply e-mail \(level)")
            #expect(!mail.body.contains(w.authors[level]!.email), "the replier's address never goes out")
            cells += 1
        }
        // Changing the level changes the existing thread at once.
        w.authors[.anonymous] = w.store.state.accounts[w.authors[.anonymous]!.id.rawValue]!
        try w.store.updateProfile(for: w.authors[.anonymous]!.id, by: .account(w.authors[.anonymous]!)) { $0.visibility = .public }
        let reply = try #require(w.store.state.messages.all.first { $0.senderAccount == w.authors[.anonymous]!.id })
        #expect(ContentVisibility.senderName(of: reply, in: w.store.state, for: .visitor) == .named(w.authors[.anonymous]!.profile.displayName))
        print("identity matrix: \(cells) cells checked")
        #expect(cells == 3 * 8 * (8 + 2) + 3 * (6 * 2 + 1))
    }

    @Test("the post form's words come from the same rule", arguments: ProfileVisibility.allCases)
    func notice(level: ProfileVisibility) {
        let text = ProfileVisibilityRule.postNotice(level: level, show: ContactChoice(phone: true), wijkName: "Centrum").map(Language.dutch.t).joined()
        switch level {
        case .anonymous: #expect(text.contains("Anoniem") && text.contains("contactformulier") && text.contains("Alleen buren"))
        case .neighbours: #expect(text == "Je naam en telefoonnummer zien: bewoners van Centrum van wie de wijk is bevestigd. Anderen zien: anonieme bewoner.")
        case .public: #expect(text.contains("iedereen, ook bezoekers"))
        }
    }
}

/// E-mails that tell about posts (at once or as a daily digest) name no author at any level.
@Suite struct IdentityMailTests {
    @Test("notification and digest e-mails carry no author's name or details, at every level", arguments: [false, true])
    func notifications(digest: Bool) throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        for (i, wijk) in ["Centrum", "Zenderen"].enumerated() {
            let r = try addResident(store, "lezer\(i)@example.nl", name: "Lezer \(i)", wijk: wijk)
            try store.updateProfile(for: r.id, by: .account(r)) { $0.email.wijkNotifications = true; $0.interests = ["sport"]; $0.digest = digest ? .daily : .immediately }
        }
        var authors: [Account] = []
        for (i, level) in ProfileVisibility.allCases.enumerated() {
            let a = try addResident(store, "schrijver\(i)@example.nl", name: "Schrijver\(level.rawValue)", wijk: "Centrum", visibility: level)
            try store.updateProfile(for: a.id, by: .account(a)) { $0.phone = "06-5555444\(i)"; $0.address = "Laan \(i)" }
            authors.append(store.state.accounts[a.id.rawValue]!)
            try store.createPost(PostDraft(kind: .aanbod, title: "Sport \(i)", body: "Tuingereedschap", wijk: a.profile.wijk, author: .resident(a.id),
                                           show: ContactChoice(name: true, email: true, phone: true, address: true)), by: .account(authors.last!))
        }
        if digest { _ = try store.sendDigests() }
        let mails = store.state.outbox.all
        #expect(!mails.isEmpty, "the readers were told")
        for m in mails {
            for a in authors {
                #expect(!m.body.contains(a.profile.displayName) && !m.body.contains(a.email) && !m.body.contains(a.profile.phone!), "\(m.subject)")
            }
        }
    }
}
