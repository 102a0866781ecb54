import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// The calm digest: one mail, grouped by kind, newest first, with only what is still there; at
/// most once a day or once in seven days, however often the command runs.
@Suite struct DigestTests {
    /// Anna (Centrum, interested in sport) gathers her notifications in a digest; the
    /// Voedselbank's editor places what she hears of.
    struct World {
        let m: MailWorld
        var store: Store { m.store }
        var clock: FixedClock { m.w.clock }

        init(_ rhythm: DigestRhythm = .daily) throws {
            m = try MailWorld(toggles: EmailPreferences(wijkNotifications: true))
            try m.store.updateProfile(for: m.anna.id, by: .account(m.anna)) { $0.interests = ["sport"]; $0.digest = rhythm }
        }

        @discardableResult
        func post(_ title: String, days: Int = 30, by author: Post.Author? = nil, viewer: Viewer? = nil) throws -> Post {
            try store.createPost(PostDraft(kind: .aanbod, title: title, body: "Voor wie van sport houdt", wijk: m.anna.profile.wijk,
                                           author: author ?? .organisation(m.w.voedselbank.id, by: m.w.editor.id), lifetimeDays: days),
                                 by: viewer ?? .account(m.w.editor))
        }

        @discardableResult
        func activity(_ title: String, inHours hours: Double = 72) throws -> AgendaItem {
            try store.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: title, start: clock.now().addingTimeInterval(hours * 3600),
                                                  location: "De Kern", wijk: nil, organisation: m.w.voedselbank.id, category: "Sport"),
                                       by: .account(m.w.editor))
        }

        /// The digests Anna was sent, oldest first.
        var digests: [OutboxMessage] { m.mails(to: m.anna.email).filter { $0.kind == .digest } }
    }

    @Test("one mail: the agenda first, then the prikbord, newest first in each, the count per group in the subject and first line")
    func groupedNewestFirst() throws {
        let w = try World()
        try w.post("Sportschoenen")
        try w.activity("Wandelen")
        try w.post("Tennisracket")
        try w.activity("Fietstocht")
        try w.post("Voetbal")
        #expect(w.m.mails(to: w.m.anna.email).isEmpty, "nothing until the digest")
        #expect(try w.store.sendDigests() == 1)
        let mail = try #require(w.digests.first)
        #expect(w.digests.count == 1)
        #expect(mail.subject.contains("Agenda (2 nieuw) en Prikbord (3 nieuw)"), "\(mail.subject)")
        #expect(mail.subject.contains("Agenda (2 new) and Notice board (3 new)"), "\(mail.subject)")
        #expect(mail.body.hasPrefix("Dit is nieuw in je wijk sinds de vorige samenvatting: Agenda (2 nieuw) en Prikbord (3 nieuw)."), "\(mail.body)")
        // The Dutch part's groups, after its first line.
        let dutch = String(mail.body.prefix(upTo: mail.body.range(of: "New in your neighbourhood")!.lowerBound).drop { $0 != "\n" })
        let order = ["Agenda (2 nieuw)", "Fietstocht", "Wandelen", "Prikbord (3 nieuw)", "Voetbal", "Tennisracket", "Sportschoenen"]
        let places = order.map { dutch.range(of: $0)?.lowerBound }
        #expect(!places.contains(nil), "\(dutch)")
        #expect(places.compactMap { $0 } == places.compactMap { $0 }.sorted(), "\(dutch)")
        #expect(mail.body.contains("Notice board (3 new)") && mail.body.contains("  - Voetbal (Offer, "), "\(mail.body)")
        #expect(w.store.state.accounts[w.m.anna.id.rawValue]!.pendingDigest.isEmpty)
    }

    /// What happens to one queued post or activity before the digest goes out.
    enum Change: String, CaseIterable {
        case nothing, postDeleted, postHidden, postExpired, postAuthorBlocked, postEdited
        case activityDeleted, activityHidden, activityOver, activityEdited
    }

    /// Whether the changed item is still in the digest, by change.
    static let leftOut: [(Change, kept: Bool)] = [
        (.nothing, true), (.postDeleted, false), (.postHidden, false), (.postExpired, false), (.postAuthorBlocked, false),
        (.postEdited, true), (.activityDeleted, false), (.activityHidden, false), (.activityOver, false), (.activityEdited, true),
    ]

    @Test("only what is still there when the digest is sent: deleted, hidden, expired or no longer visible is left out",
          arguments: Self.leftOut)
    func leftOutRules(_ change: Change, kept: Bool) throws {
        let w = try World()
        let author = try addResident(w.store, "auteur@example.nl", name: "Auteur", visibility: .public)
        let post = change == .postAuthorBlocked
            ? try w.post("Sporttas", by: .resident(author.id), viewer: .account(author))
            : try w.post("Sporttas", days: change == .postExpired ? 1 : 30)
        let item = try w.activity("Sportdag", inHours: change == .activityOver ? 3 : 72)
        try w.post("Blijft staan")
        switch change {
        case .nothing: break
        case .postDeleted: try w.store.deletePost(post.id, by: .account(w.m.w.editor))
        case .postHidden: try w.store.update { tx in try Store.setHidden(.post(post.id), reason: "melding", in: &tx) }
        case .postExpired, .activityOver: w.clock.advance(2 * 86_400)
        case .postAuthorBlocked: try w.store.setBlocked(author.id, blocked: true, by: .commandLine)
        case .postEdited: try w.store.editPost(post.id, PostEdit(title: "Sporttas nieuw"), by: .account(w.m.w.editor))
        case .activityDeleted: try w.store.deleteAgendaItem(item.id, by: .account(w.m.w.editor))
        case .activityHidden: try w.store.update { tx in try Store.setHidden(.agendaItem(item.id), reason: "melding", in: &tx) }
        case .activityEdited:
            var edit = AgendaEdit(item); edit.title = "Sportdag nieuw"
            try w.store.editAgendaItem(item.id, edit, by: .account(w.m.w.editor))
        }
        #expect(try w.store.sendDigests() == 1)
        let body = try #require(w.digests.first).body
        #expect(body.contains("Blijft staan"))
        let isPost = change.rawValue.hasPrefix("post")
        let changed = isPost ? "Sporttas" : "Sportdag"
        #expect(body.contains(changed) == kept, "\(change): \(body)")
        // Edited content is named as it is now.
        if change == .postEdited || change == .activityEdited { #expect(body.contains(changed + " nieuw")) }
        // The other item is untouched by the change.
        #expect(body.contains(isPost ? "Sportdag" : "Sporttas"), "\(change): \(body)")
    }

    @Test("nothing left: no mail, and the lines are gone")
    func nothingLeft() throws {
        let w = try World()
        let post = try w.post("Sporttas")
        try w.store.deletePost(post.id, by: .account(w.m.w.editor))
        let other = try w.post("Sportbal")
        try w.store.update { tx in try Store.setHidden(.post(other.id), reason: "melding", in: &tx) }
        #expect(try w.store.sendDigests() == 0)
        #expect(w.digests.isEmpty)
        #expect(w.store.state.accounts[w.m.anna.id.rawValue]!.pendingDigest.isEmpty)
    }

    /// Days after the first digest on which the command runs, with a new post before each run,
    /// and on which of them a digest goes out.
    static let rhythms: [(DigestRhythm, runs: [Double], sentOn: [Double])] = [
        (.daily, [0, 0, 0.2, 1, 1, 2, 2.5, 3], [0, 1, 2, 3]),
        (.weekly, [0, 0, 1, 3, 6, 6.5, 7, 7, 8, 13, 14], [0, 7, 14]),
    ]

    @Test("running the command again never sends twice: daily once per calendar day, weekly once in 7 calendar days",
          arguments: Self.rhythms)
    func idempotent(_ rhythm: DigestRhythm, runs: [Double], sentOn: [Double]) throws {
        let w = try World(rhythm)
        let start = w.clock.now()
        var sent: [Double] = []
        for (i, day) in runs.enumerated() {
            w.clock.set(start.addingTimeInterval(day * 86_400))
            // Something new waits before every run.
            try w.post("Sport \(i)")
            if try w.store.sendDigests() == 1 { sent.append(day) }
        }
        #expect(sent == sentOn, "\(rhythm)")
        #expect(w.digests.count == sentOn.count)
        // A reopened store (another process, as cron runs it) knows the last digest too.
        let again = try Store.open(at: w.store.path, clock: w.clock, hasher: TestHasher())
        #expect(try again.sendDigests() == 0)
    }

    @Test("a weekly resident's choice and last digest are kept in the store, exported, shown and erased with the account")
    func weeklyIsPersonalData() throws {
        let w = try World(.weekly)
        try w.post("Sporttas")
        #expect(try w.store.sendDigests() == 1)
        let reopened = try Store.open(at: w.store.path, clock: w.clock, hasher: TestHasher())
        let anna = try #require(reopened.state.accounts[w.m.anna.id.rawValue])
        #expect(anna.profile.digest == .weekly)
        #expect(anna.lastDigest == w.clock.now())
        try w.post("Sportbal")
        let export = try w.store.export(anna.id, by: .account(w.store.state.accounts[anna.id.rawValue]!))
        #expect(export.profile.digest == "weekly" && export.profile.lastDigest == w.clock.now())
        #expect(export.profile.waitingForDigest == ["Sportbal"])
        _ = try w.store.erase(anna.id, by: .commandLine)
        let db = try Database(path: w.store.path + "/" + StoreSchema.fileName)
        #expect(try db.integer("SELECT count(*) FROM digest_rhythm") == 0)
        #expect(try db.integer("SELECT count(*) FROM digest_line") == 0)
    }
}

/// Notifications match by the platform's categories: an activity's category, the categories a
/// post names; a resident's interests are categories, compared without case or accents.
@Suite struct CategoryMatchingTests {
    /// Interests, what is new, and whether Anna hears of it.
    static let cases: [(interests: [String], new: String, hears: Bool)] = [
        (["sport"], "activity:Sport", true),
        (["sport"], "activity:sport en bewegen", false),
        (["sport en bewegen"], "activity:Sport en Bewegen", true),
        (["cultuur"], "activity:cultúur", true),
        // (A category outside the list is refused when the activity is saved: ActivityCategoryTests.)
        (["cultuur"], "activity:sport", false),
        (["geldzaken", "cultuur"], "activity:Geldzaken", true),
        (["sport"], "post:Wie gaat mee sporten?", false),
        (["sport"], "post:Sport in het park", true),
        (["mantelzorg"], "post:Hulp voor MANTELZORG gezocht", true),
        (["zorg en ondersteuning"], "post:Zorg en ondersteuning aan huis", true),
        ([], "activity:Sport", false),
    ]

    @Test("a notification matches by category", arguments: Self.cases)
    func matching(_ interests: [String], _ new: String, _ hears: Bool) throws {
        let m = try MailWorld(toggles: EmailPreferences(wijkNotifications: true))
        try m.store.updateProfile(for: m.anna.id, by: .account(m.anna)) { $0.interests = interests }
        let text = String(new.split(separator: ":", maxSplits: 1)[1])
        if new.hasPrefix("activity:") {
            try m.store.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "Iets", start: testNow.addingTimeInterval(86_400), location: "De Kern",
                                                    wijk: nil, organisation: m.w.voedselbank.id, category: text), by: .account(m.w.editor))
        } else {
            try m.store.createPost(PostDraft(kind: .vraag, title: text, body: "Graag", wijk: m.anna.profile.wijk,
                                             author: .organisation(m.w.voedselbank.id, by: m.w.editor.id)), by: .account(m.w.editor))
        }
        #expect(m.mails(to: m.anna.email).count == (hears ? 1 : 0), "\(interests) \(new)")
    }

    @Test("the notification at once is worded from the catalogue in both languages")
    func notificationWords() throws {
        let m = try MailWorld(toggles: EmailPreferences(wijkNotifications: true))
        try m.store.updateProfile(for: m.anna.id, by: .account(m.anna)) { $0.interests = ["sport"] }
        try m.store.createPost(PostDraft(kind: .vraag, title: "Sport in het park", body: "Graag", wijk: m.anna.profile.wijk,
                                         author: .organisation(m.w.voedselbank.id, by: m.w.editor.id)), by: .account(m.w.editor))
        let mail = try #require(m.mails(to: m.anna.email).first)
        #expect(mail.subject == "Nieuw in Centrum: Sport in het park / New in Centrum: Sport in het park")
        #expect(mail.body.contains(Language.dutch.t(.notifySeePrikbord)) && mail.body.contains(Language.english.t(.notifySeePrikbord)))
    }

    /// Interests as typed, and what is kept (or the refusal).
    static let saves: [(typed: [String], kept: [String]?)] = [
        (["Sport", "CULTÚUR"], ["cultuur", "sport"]),
        (["sport en  bewegen", "sport en bewegen"], ["sport en bewegen"]),
        (["tuinieren"], nil),
        (["sport", "tuinieren"], nil),
        ([], []),
    ]

    @Test("a profile keeps interests as categories of the list, in its order, and refuses a word outside it", arguments: Self.saves)
    func saving(_ typed: [String], _ kept: [String]?) throws {
        let m = try MailWorld(toggles: EmailPreferences())
        let save = { try m.store.updateProfile(for: m.anna.id, by: .account(m.anna)) { $0.interests = typed } }
        if let kept {
            try save()
            #expect(m.store.state.accounts[m.anna.id.rawValue]!.profile.interests == kept)
        } else {
            #expect(throws: CoreError.unknownInterest("tuinieren")) { try save() }
        }
    }

    @Test("free text from before the list: what names a category matches it, the rest is shown as unlisted and dropped by the next save")
    func oldFreeText() throws {
        let m = try MailWorld(toggles: EmailPreferences(wijkNotifications: true))
        try m.store.update { tx in
            var a = tx.state.accounts[m.anna.id.rawValue]!
            a.profile.interests = ["Sport", "tuinieren", "Cultúur"]
            tx.put(a)
        }
        let a = m.store.state.accounts[m.anna.id.rawValue]!
        #expect(a.profile.interestCategories.map(\.key) == ["cultuur", "sport"])
        #expect(a.profile.unlistedInterests == ["tuinieren"])
        // Saving the profile as the form gives it back keeps the categories and drops the rest.
        try m.store.updateProfile(for: a.id, by: .account(a)) { $0.displayName = "Anna" }
        #expect(m.store.state.accounts[a.id.rawValue]!.profile.interests == ["cultuur", "sport"])
    }

    @Test("the one list: activities' categories and interests are the same, each shown in the reader's language")
    func oneList() {
        #expect(PlatformCategory.all.count == Set(PlatformCategory.all.map(\.key)).count)
        for c in IntakeCategory.allCases { #expect(PlatformCategory(matching: c.rawValue).map { Language.english.t($0.word) } == Language.english.t(c.word)) }
        for c in PlatformCategory.all {
            #expect(Language.dutch.t(Glossary.category(c.key)) == c.key)
            #expect(Language.english.t(Glossary.category(c.key)) == Language.english.t(c.word))
        }
        #expect(Language.english.t(Glossary.category("tuinieren")) == "tuinieren")
    }
}

/// A store from before weekly digests and interests from a list opens with its choices kept.
@Suite struct DigestRhythmMigrationTests {
    @Test("an old store: daily and at-once choices read as before, free-text interests match by category, the index is laid anew, the store checks sound")
    func oldStore() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let daily = try addResident(store, "dagelijks@example.nl")
        let direct = try addResident(store, "direct@example.nl")
        // As the build before wrote them: a daily choice, free text as typed, the index by that text.
        try store.update { tx in
            for (a, interests, digest) in [(daily, ["Sport", "tuinieren"], DigestRhythm.daily), (direct, ["CULTÚUR"], .immediately)] {
                var b = tx.state.accounts[a.id.rawValue]!
                b.profile.interests = interests
                b.profile.digest = digest
                b.profile.email.wijkNotifications = true
                tx.put(b)
            }
        }
        let migration = StoreSchema.migrations.count - 1
        let db = try Database(path: dir.store + "/" + StoreSchema.fileName)
        try db.execute("DROP TABLE digest_rhythm")
        try db.execute("DELETE FROM notify_interest")
        try db.execute("INSERT INTO notify_interest VALUES (1, 'sport', \(daily.id.rawValue)), (1, 'tuinieren', \(daily.id.rawValue)), (1, 'cultúur', \(direct.id.rawValue))")
        try db.execute("PRAGMA user_version = \(migration)")
        // The old store as it is: the pending migration is this one.
        #expect(try db.integer("PRAGMA user_version") == migration)

        let opened = try reopen(dir)
        #expect(try opened.db.integer("PRAGMA user_version") == StoreSchema.migrations.count)
        let d = try #require(opened.state.accounts[daily.id.rawValue])
        #expect(d.profile.digest == .daily && d.lastDigest == nil)
        #expect(d.profile.interestCategories.map(\.key) == ["sport"] && d.profile.unlistedInterests == ["tuinieren"])
        #expect(opened.state.accounts[direct.id.rawValue]?.profile.digest == .immediately)
        var rows: [String] = []
        let s = try opened.db.prepare("SELECT interest, account FROM notify_interest ORDER BY interest, account")
        while try s.step() { rows.append("\(s.text(0)) \(s.int(1))") }
        #expect(rows == ["cultuur \(direct.id.rawValue)", "sport \(daily.id.rawValue)"])
        #expect(StoreCheck.run(at: dir.store).isSound, "\(StoreCheck.run(at: dir.store).problems)")
        // The daily choice still works: a post on sport waits for her digest.
        try opened.createPost(PostDraft(kind: .aanbod, title: "Sport voor iedereen", body: "Kom", wijk: d.profile.wijk, author: .resident(direct.id)),
                              by: .account(opened.state.accounts[direct.id.rawValue]!))
        #expect(opened.state.accounts[daily.id.rawValue]?.pendingDigest.count == 1)
        #expect(try opened.sendDigests() == 1)
        // Weekly is kept from now on.
        try opened.updateProfile(for: d.id, by: .account(opened.state.accounts[d.id.rawValue]!)) { $0.digest = .weekly }
        #expect(try reopen(dir).state.accounts[d.id.rawValue]?.profile.digest == .weekly)
    }
}
