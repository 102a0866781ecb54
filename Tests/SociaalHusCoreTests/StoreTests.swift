import Foundation
import Testing
@testable import SociaalHusCore

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
        let data = try #require(allFiles(under: dir.store + "/data").first)
        chmod(data, 0o644)
        #expect(throws: CoreError.storeFileReadableByOthers(path: data)) { try reopen(dir) }
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

    @Test("one change rewrites one shard and the manifest, not everything") func changeCost() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        var accounts: [Account] = []
        for i in 0..<40 { accounts.append(try addResident(store, "p\(i)@example.nl")) }
        let before = Set(allFiles(under: dir.store + "/data"))
        try store.setEmailPreference(.announcement, to: true, for: accounts[7].id, by: .account(accounts[7]))
        let after = Set(allFiles(under: dir.store + "/data"))
        // One account shard and one audit shard are replaced; the other 78 files stay as they were.
        #expect(after.subtracting(before).count == 2)
        #expect(before.subtracting(after).count == 2)
    }

    @Test("a corrupt data file is reported by name and left untouched") func corrupt() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        try addResident(store, "anna@example.nl")
        let file = try #require(allFiles(under: dir.store + "/data").first { $0.contains("accounts-") })
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        bytes[bytes.count / 2] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: file))
        chmod(file, 0o600)
        let name = "data/" + (file as NSString).lastPathComponent
        #expect(throws: CoreError.storeCorrupt(file: name, problem: .checksumMismatch)) { try reopen(dir) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == bytes)
        let report = StoreCheck.run(at: dir.store)
        #expect(report.problems == [.storeCorrupt(file: name, problem: .checksumMismatch)])
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == bytes)
    }

    @Test("a truncated data file is reported with its sizes") func truncated() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        try addResident(store, "anna@example.nl")
        let file = try #require(allFiles(under: dir.store + "/data").first { $0.contains("accounts-") })
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        truncate(file, off_t(bytes.count - 10))
        let name = "data/" + (file as NSString).lastPathComponent
        #expect(throws: CoreError.storeCorrupt(file: name, problem: .wrongSize(expected: bytes.count, found: bytes.count - 10))) { try reopen(dir) }
    }

    @Test("a damaged manifest is reported and not overwritten") func corruptManifest() throws {
        let dir = TempDir()
        _ = try makeStore(dir)
        let path = dir.store + "/manifest.json"
        let garbage = Data("{\"format\": 1, \"generation\": ".utf8)
        try garbage.write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        #expect {
            try reopen(dir)
        } throws: { e in
            if case CoreError.storeCorrupt(file: "manifest.json", problem: .unreadable) = e { return true }
            return false
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
        #expect(!StoreCheck.run(at: dir.store).isSound)
    }

    @Test("a store from a newer version is refused, not touched") func futureVersion() throws {
        let dir = TempDir()
        _ = try makeStore(dir)
        let path = dir.store + "/manifest.json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"format\":\(Manifest.currentFormat)", with: "\"format\":\(Manifest.currentFormat + 1)")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        #expect(throws: CoreError.storeNewerFormat(file: "manifest.json", found: Manifest.currentFormat + 1, known: Manifest.currentFormat)) { try reopen(dir) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        // A future manifest with an unknown layout is recognised too.
        try Data("{\"format\":7,\"somethingNew\":true}".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: CoreError.storeNewerFormat(file: "manifest.json", found: 7, known: Manifest.currentFormat)) { try reopen(dir) }
        #expect(StoreCheck.run(at: dir.store).problems == [.storeNewerFormat(file: "manifest.json", found: 7, known: Manifest.currentFormat)])
    }

    /// A crash at each step of a write: the disk is frozen at that step (copied), then the copy is opened.
    @Test("after a crash at any step the old or the new state survives, never a mix",
          arguments: [CommitStep.dataFileWritten(1), .dataFileWritten(2), .dataFolderSynced, .manifestWritten,
                      .manifestRenamed, .storeFolderSynced, .oldFilesRemoved])
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
        case .dataFileWritten, .dataFolderSynced, .manifestWritten: committed = false
        default: committed = true
        }
        // Both shards (account and audit) agree: the whole change or nothing.
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
