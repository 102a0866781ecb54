import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// The file-backed store: round trips, permissions, formats, corruption, crashes, concurrency.
@Suite struct StoreTests {
    @Test("what is written is read back by a new process") func roundTrip() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let a = try addResident(store, "anna@example.nl", name: "Anna", visibility: .neighbours)
        try store.setEmailPreference(.newsletter, to: true, for: a.id, by: .account(a))
        let org = try store.createOrganisation(Organisation(id: OrganisationID(0), name: "Buurthuis De Kern", email: "info@dekern.example"), by: .commandLine)
        let item = try store.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "Koffie", start: testNow.addingTimeInterval(3600),
                                                         end: testNow.addingTimeInterval(7200), location: "De Kern",
                                                         wijk: wijkID(store, "Zenderen"), organisation: org.id,
                                                         recurrence: Recurrence(.weekly, until: testNow.addingTimeInterval(30 * 86_400))), by: .commandLine)
        let post = try store.createPost(PostDraft(kind: .aanbod, title: "Fiets", body: "Gratis", wijk: a.profile.wijk, author: .resident(a.id),
                                                  show: ContactChoice(name: true)), by: .account(store.state.accounts[a.id.rawValue]!))

        let again = try reopen(dir)
        let a2 = try #require(again.state.accounts[a.id.rawValue])
        #expect(a2.email == "anna@example.nl")
        #expect(a2.profile.visibility == .neighbours)
        #expect(a2.profile.email == EmailPreferences(newsletters: true))
        #expect(again.state.organisations[org.id.rawValue] == org)
        #expect(again.state.agenda[item.id.rawValue] == item)
        #expect(again.state.posts[post.id.rawValue] == post)
        #expect(again.state.settings.wijken.map(\.name) == ["Centrum", "Bornsche Maten", "Zenderen", "Hertme"])
        #expect(StoreCheck.run(at: dir.store).isSound)
    }

    @Test("the store folder is 0700 and every file 0600") func modes() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        try addResident(store, "anna@example.nl")
        var st = stat()
        stat(dir.store, &st)
        #expect(st.st_mode & 0o777 == 0o700)
        for f in allFiles(under: dir.store) {
            stat(f, &st)
            #expect(st.st_mode & 0o777 == 0o600, "\(f)")
        }
    }

    @Test("a store readable by others is refused with how to fix it") func readableByOthers() throws {
        let dir = TempDir()
        _ = try makeStore(dir)
        chmod(dir.store, 0o755)
        #expect(throws: CoreError.storeReadableByOthers(path: dir.store)) { try reopen(dir) }
        #expect(CoreError.storeReadableByOthers(path: dir.store).message(.dutch).contains("chmod -R go-rwx"))
        chmod(dir.store, 0o700)
        let db = dir.store + "/sociaalhus.db"
        chmod(db, 0o644)
        #expect(throws: CoreError.storeFileReadableByOthers(path: db)) { try reopen(dir) }
    }

    @Test("opening a missing store says how to create one") func missing() {
        let dir = TempDir()
        #expect(throws: CoreError.storeNotFound(path: dir.store)) { try reopen(dir) }
        #expect(CoreError.storeNotFound(path: "/x").message(.dutch).contains("sociaalhus init"))
    }

    @Test("a store is not created twice") func createTwice() throws {
        let dir = TempDir()
        _ = try makeStore(dir)
        #expect(throws: CoreError.storeAlreadyExists(path: dir.store)) { try makeStore(dir) }
    }

    @Test("one change writes the records it touched and nothing else") func changeCost() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        var accounts: [Account] = []
        for i in 0..<40 { accounts.append(try addResident(store, "p\(i)@example.nl")) }
        let before = try Store.readMeta(store.db)
        try store.setEmailPreference(.announcement, to: true, for: accounts[7].id, by: .account(accounts[7]))
        let after = try Store.readMeta(store.db)
        // The account and its audit event; every other collection's counter stays as it was.
        let changed = Set(after.keys.filter { $0.hasPrefix("version:") && after[$0] != before[$0] })
        #expect(changed == ["version:accounts", "version:audit"])
    }

    /// Changes a stored record's bytes behind the store's back (as a disk or a person could).
    static func tamper(_ dir: TempDir, _ sql: String) throws {
        let db = try Database(path: dir.store + "/sociaalhus.db")
        try db.execute(sql)
        try db.checkpointTruncate()
    }

    @Test("a record changed on disk is reported by name and left untouched") func corrupt() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let anna = try addResident(store, "anna@example.nl")
        do {
            // One letter of the name changed in its column: the row's checksum no longer fits.
            let db = try Database(path: dir.store + "/sociaalhus.db")
            try db.prepare("UPDATE accounts SET name = 'Anna Bakkes' WHERE id = ?1").bind(anna.id.rawValue).run()
            try db.checkpointTruncate()
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir.store + "/sociaalhus.db"))
        let name = "sociaalhus.db (accounts \(anna.id))"
        // Opening reads no record: the damaged one is found when read, named, and
        // from then on every change is refused, so nothing is written over it.
        let again = try reopen(dir)
        #expect(again.damage == nil)
        #expect(again.state.accounts[anna.id.rawValue] == nil)
        #expect(again.damage == CoreError.storeCorrupt(file: name, problem: .checksumMismatch))
        #expect(throws: CoreError.storeCorrupt(file: name, problem: .checksumMismatch)) {
            try again.setEmailPreference(.newsletter, to: true, for: anna.id, by: .account(anna))
        }
        let report = StoreCheck.run(at: dir.store)
        #expect(report.problems == [.storeCorrupt(file: name, problem: .checksumMismatch)])
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.store + "/sociaalhus.db")) == bytes, "not written over")
    }

    @Test("a truncated or overwritten database file is reported, never a crash, and left as it is") func truncated() throws {
        let dir = TempDir()
        do {
            let store = try makeStore(dir)
            for i in 0..<30 { try addResident(store, "p\(i)@example.nl") }
        } // closed: everything is in the database file, not in its write-ahead log
        let path = dir.store + "/sociaalhus.db"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        truncate(path, off_t(bytes.count / 2))
        #expect(throws: CoreError.self) { try reopen(dir) }
        #expect(!StoreCheck.run(at: dir.store).isSound)
        try Data("{\"format\": 1, \"generation\": ".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        #expect {
            try reopen(dir)
        } throws: { e in
            if case CoreError.storeCorrupt(file: "sociaalhus.db", problem: .unreadable) = e { return true }
            return false
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("{\"format\": 1, \"generation\": ".utf8))
        #expect(!StoreCheck.run(at: dir.store).isSound)
    }

    @Test("a store from a newer version is refused, not touched") func futureVersion() throws {
        let dir = TempDir()
        _ = try makeStore(dir)
        let newer = StoreSchema.migrations.count + 1
        try Self.tamper(dir, "PRAGMA user_version = \(newer)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir.store + "/sociaalhus.db"))
        #expect(throws: CoreError.storeNewerFormat(file: "sociaalhus.db", found: newer, known: StoreSchema.migrations.count)) { try reopen(dir) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.store + "/sociaalhus.db")) == bytes)
        #expect(StoreCheck.run(at: dir.store).problems == [.storeNewerFormat(file: "sociaalhus.db", found: newer, known: StoreSchema.migrations.count)])
        // Records in a newer encoding than this program knows.
        try Self.tamper(dir, "PRAGMA user_version = \(StoreSchema.migrations.count); UPDATE meta SET value = 99 WHERE key = 'format'")
        #expect(throws: CoreError.storeNewerFormat(file: "sociaalhus.db", found: 99, known: Manifest.currentFormat)) { try reopen(dir) }
    }

    /// A crash at each step of a write: the disk is frozen at that step (copied), then the copy is opened.
    @Test("after a crash at any step the old or the new state survives, never a mix",
          arguments: [CommitStep.filesWritten, .recordsWritten, .committed, .oldFilesRemoved])
    func crash(at step: CommitStep) throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let a = try addResident(store, "anna@example.nl")
        let frozen = dir.path + "/frozen"
        store.faultHook = { s in
            if s == step {
                try copyTree(dir.store, to: frozen)
                throw CocoaError(.fileWriteUnknown)
            }
        }
        #expect(throws: (any Error).self) {
            try store.setEmailPreference(.visitorMessage, to: true, for: a.id, by: .account(a))
        }
        let survivor = try Store.open(at: frozen, clock: FixedClock(testNow), hasher: TestHasher())
        let prefs = try #require(survivor.state.accounts[a.id.rawValue]).profile.email
        let audited = survivor.state.audit.all.contains { $0.action == .emailPreferencesChanged }
        let committed: Bool
        switch step {
        case .filesWritten, .recordsWritten: committed = false
        default: committed = true
        }
        // Both records (account and audit) agree: the whole change or nothing.
        #expect(prefs.visitorMessages == committed)
        #expect(audited == committed)
        #expect(StoreCheck.run(at: frozen).isSound)
        #expect(survivor.leftoverFiles().isEmpty, "leftovers are removed when the store is opened")
        // The store that saw the error still works and sees the truth on disk.
        try store.refresh()
        store.faultHook = nil
        try store.setEmailPreference(.announcement, to: true, for: a.id, by: .account(a))
        #expect(try reopen(dir).state.accounts[a.id.rawValue]!.profile.email.announcements)
    }

    @Test("two store handles interleave changes and lose nothing") func interleaved() throws {
        let dir = TempDir()
        let one = try makeStore(dir)
        let two = try reopen(dir)
        for i in 0..<10 {
            try addResident(one, "een\(i)@example.nl")
            try addResident(two, "twee\(i)@example.nl")
        }
        // Both change the same account record in turn: each change is made against the latest state.
        let target = try one.account(email: "een0@example.nl")
        try one.setEmailPreference(.newsletter, to: true, for: target.id, by: .account(target))
        try two.setEmailPreference(.announcement, to: true, for: target.id, by: .account(target))
        let final = try reopen(dir)
        #expect(final.state.accounts.count == 20)
        #expect(Set(final.state.accounts.all.map(\.id.rawValue)).count == 20)
        #expect(final.state.accounts[target.id.rawValue]!.profile.email == EmailPreferences(newsletters: true, announcements: true))
        // A handle that only reads sees the other's changes after a refresh.
        try one.refresh()
        #expect(one.state.accounts.count == 20)
    }

    @Test("e-mail addresses are unique across processes") func uniqueEmail() throws {
        let dir = TempDir()
        let one = try makeStore(dir)
        let two = try reopen(dir)
        try addResident(one, "anna@example.nl")
        #expect(throws: CoreError.emailInUse) { try addResident(two, "ANNA@example.nl") }
    }
}

/// Schema migrations, each from a database of the version before it.
@Suite struct SchemaMigrationTests {
    /// Demo stores written by the builds of each earlier schema (`sociaalhus init --demo` and
    /// `mail digest` on 2026-11-28): schema 1 by commit 41546d0, schema 2 by 642a241, schema 3
    /// by 82a32b6 (with this stop's open), schema 4 by 5b79f14, schema 5 by 0fb19af, schema 6
    /// by 65a286b, committed as fixtures; schema 7 by c861c6d on 2026-12-05; schema 9 by fa96064 on 2026-12-05
    /// (no fixture of schema 8 was kept; its step is frozen SQL over what schema 7 had).
    static func fixture(_ version: Int) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/store-schema\(version).tar.gz").path
    }

    @Test("a database written by the build of each earlier schema is brought up to date: every record kept, the new rows and columns right, erasure leaves no trace",
          arguments: [1, 2, 3, 4, 5, 6, 7, 9])
    func fromEarlierBuild(version: Int) throws {
        let dir = TempDir()
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/bin/tar")
        tar.arguments = ["xzf", Self.fixture(version), "-C", dir.path]
        try tar.run()
        tar.waitUntilExit()
        let path = dir.path + "/store"
        let before = StoreCheck.run(at: path)
        #expect(before.isSound && before.records == 289, "\(before.problems)")
        #expect(try Database(path: path + "/sociaalhus.db").userVersion == version)
        // Every record as the frozen decoder reads it from the old encoding (in a copy brought
        // to schema 8 first), to compare field by field with what arrives in the columns.
        let copy = try Database(memoryCopyOf: Database(path: path + "/sociaalhus.db", readOnly: true))
        var old = StoreState(manifest: .empty())
        if version < 9 {
            for step in StoreSchema.migrations[version..<8] { try step(copy) }
            old = try LegacyRecords.load(from: copy)
            #expect(Schema9Migration.repairReferences(&old) == 0, "the demo refers to nobody who is gone")
        } else {
            // Schema 9 and later keep the typed tables: read as they were before the migrations.
            for c in CollectionName.allCases { try Store.loadCollection(c, from: copy, into: &old) }
        }
        let store = try Store.open(at: path, clock: FixedClock(testNow), hasher: YescryptHasher())
        var arrived = StoreState(manifest: .empty())
        for c in CollectionName.allCases { try Store.loadCollection(c, from: store.db, into: &arrived) }
        #expect(Store.counts(of: arrived) == Store.counts(of: old))
        #expect(Set(arrived.accounts.all) == Set(old.accounts.all)); #expect(Set(arrived.organisations.all) == Set(old.organisations.all))
        #expect(Set(arrived.agenda.all) == Set(old.agenda.all)); #expect(Set(arrived.posts.all) == Set(old.posts.all))
        #expect(Set(arrived.messages.all) == Set(old.messages.all)); #expect(Set(arrived.audit.all) == Set(old.audit.all))
        #expect(Set(arrived.intakes.all) == Set(old.intakes.all)); #expect(Set(arrived.disclosures.all) == Set(old.disclosures.all))
        #expect(Set(arrived.outbox.all) == Set(old.outbox.all)); #expect(Set(arrived.drafts.all) == Set(old.drafts.all))
        #expect(Set(arrived.reports.all) == Set(old.reports.all)); #expect(arrived.settings == old.settings)
        #expect(try store.db.userVersion == StoreSchema.migrations.count)
        #expect(Store.counts(of: store.state).values.reduce(0, +) == 289)
        #expect(try store.db.integer("SELECT count(*) FROM agenda_occurrence") > 69, "the demo's weekly activities repeat")
        // The old patterns read as they were: every one the old build wrote, none with a rule row
        // of its own; and a rule beyond them can be kept from now on, with a cancelled occurrence.
        #expect(Set(arrived.agenda.all.compactMap(\.recurrence.pattern)) == [.none, .weekly, .biweekly, .monthly])
        #expect(try store.db.integer("SELECT count(*) FROM agenda_rule") + store.db.integer("SELECT count(*) FROM agenda_change") == 0)
        var first = try #require(arrived.agenda.all.first { $0.recurrence.pattern == .weekly })
        let kept = first.recurrence
        first.recurrence = Recurrence(unit: .day, interval: 3, count: 5, changes: [OccurrenceChange(original: first.start)])
        try store.update { tx in tx.put(first) }
        #expect(try Store.open(at: path, clock: FixedClock(testNow)).state.agenda[first.id.rawValue]?.recurrence == first.recurrence)
        first.recurrence = kept
        try store.update { tx in tx.put(first) }
        let anna = try store.login(email: "Anna.deVries@demo.sociaalhus.example", password: "demo-Kiwi-Tulp-2026")
        #expect(try store.db.integer("SELECT count(*) FROM accounts WHERE email = 'anna.devries@demo.sociaalhus.example'") == 1)
        // The rows say what expanding the activities says, for a visitor and the resident.
        for viewer in [Viewer.visitor, .account(anna)] {
            let q = AgendaQuery(from: testNow, days: 56)
            #expect(try store.agendaListing(q, viewer: viewer).all == store.expandedAgenda(q, viewer: viewer))
        }
        // The posts' columns and the search column (schema 7) say what the records say.
        for viewer in [Viewer.visitor, .account(anna)] {
            #expect(store.postListing(for: viewer, now: testNow).all == store.posts(for: viewer, now: testNow))
            let q = AgendaQuery(from: testNow, days: 56, search: "koffie")
            #expect(try store.agendaListing(q, viewer: viewer).all == store.state.agenda(q, viewer: viewer))
        }
        #expect(StoreCheck.run(at: path).isSound)
        // The mention keys (schema 11) are those the texts give.
        var recomputed: Set<[String]> = [], stored: Set<[String]> = []
        try MentionIndex.eachRow(store.db) { c, row, keys in for k in keys { recomputed.insert([k, c.rawValue, String(row)]) } }
        let mentions = try store.db.prepare("SELECT key, tbl, row FROM mention")
        while try mentions.step() { stored.insert([mentions.text(0), mentions.text(1), String(mentions.int(2))]) }
        #expect(stored == recomputed && !stored.isEmpty, "\(stored.symmetricDifference(recomputed))")
        // The references the migration laid down let an erasure find everything.
        let gerrit = try store.account(email: "gerrit.oudeluttikhuis@demo.sociaalhus.example")
        #expect(allFiles(under: path).contains { f in (FileManager.default.contents(atPath: f) ?? Data()).range(of: Data("oudeluttikhuis".utf8)) != nil })
        try store.erase(gerrit.id, by: .commandLine)
        #expect(allFiles(under: path).allSatisfy { f in (FileManager.default.contents(atPath: f) ?? Data()).range(of: Data("oudeluttikhuis".utf8)) == nil })
        #expect(StoreCheck.run(at: path).isSound)
    }

    @Test("regression: an agenda row whose index columns disagree with its record is reported by check") func agendaIndexDamage() throws {
        let dir = TempDir()
        do {
            let store = try makeStore(dir)
            let org = try store.createOrganisation(Organisation(id: OrganisationID(0), name: "Buurthuis"), by: .commandLine)
            try store.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "Koffie", start: testNow.addingTimeInterval(86_400), location: "Kern",
                                                  organisation: org.id), by: .commandLine)
        }
        #expect(StoreCheck.run(at: dir.store).isSound)
        try StoreTests.tamper(dir, "UPDATE agenda SET starts = starts + 7200, ends = NULL")
        #expect(!StoreCheck.run(at: dir.store).isSound)
    }
}
