import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// The feeds' personal-data scan is built once per store and kept, but never answers from data
/// that changed since, here or in another process, and keeps nothing of a person erased.
@Suite struct FeedScanCacheTests {
    /// An activity of the Voedselbank (Kees edits it) whose description says `text`.
    static func draft(_ f: FeedTests.World, _ text: String) -> AgendaItem {
        AgendaItem(id: AgendaItemID(0), title: "Koffie", description: text, start: f.start, location: "Buurthuis",
                   wijk: f.centrum, organisation: f.w.voedselbank.id)
    }

    @Test("one scan serves check after check while what it reads is unchanged; a name given since, here or by another process, is found at the next check")
    func freshAfterChanges() throws {
        let f = try FeedTests.World()
        let store = f.w.store
        let editor = Viewer.account(f.w.editor)
        let named = Self.draft(f, "Met Wilhelmina Zonnebloem aan tafel")
        #expect(store.feedFindings(in: named, for: editor).isEmpty)
        #expect(store.feedFindings(in: named, for: editor).isEmpty)
        try f.add("Wandelen", wijk: f.centrum)
        #expect(store.feedFindings(in: named, for: editor).isEmpty)
        #expect(store.personalDataScans.builds == 1, "neither a second check nor a new activity builds the scan again")

        // A name given to an account here.
        try store.updateProfile(for: f.w.resident.id, by: .account(f.w.resident)) { $0.displayName = "Wilhelmina Zonnebloem" }
        #expect(store.feedFindings(in: named, for: editor) == [FeedFinding(.description, .name)])

        // A person at the desk.
        let atDesk = Self.draft(f, "Samen met Gerrit Klaverblad")
        #expect(store.feedFindings(in: atDesk, for: editor).isEmpty)
        try store.createIntake(f.w.input { $0.name = "Gerrit Klaverblad" }, by: f.w.desk)
        #expect(store.feedFindings(in: atDesk, for: editor) == [FeedFinding(.description, .name)])

        // Another process gives a name; this one reads it in at its refresh.
        let elsewhere = Self.draft(f, "Theodora Vlinderstrik schenkt in")
        #expect(store.feedFindings(in: elsewhere, for: editor).isEmpty)
        let other = try Store.open(at: store.path, clock: f.w.clock, hasher: TestHasher())
        try other.updateProfile(for: f.w.partner.id, by: .account(f.w.partner)) { $0.displayName = "Theodora Vlinderstrik" }
        try store.refresh()
        #expect(store.feedFindings(in: elsewhere, for: editor) == [FeedFinding(.description, .name)])
        // The feed itself reads the same scan, kept fresh the same way.
        try store.approveFeed(wijk: f.centrum, thirdParty: "Website", by: .account(f.w.partner))
        try f.add("Vlinders kijken", description: "Met Theodora Vlinderstrik", wijk: f.centrum, in: 1)
        #expect(try store.feedLeftOut(wijk: f.centrum, from: testNow).count == 1)
    }

    @Test("a person erased, here or by another process, is no longer found, and no scan holding them is kept")
    func erasure() throws {
        let f = try FeedTests.World()
        let store = f.w.store
        let editor = Viewer.account(f.w.editor)
        let here = try addResident(store, "wilhelmina@example.nl", name: "Wilhelmina Zonnebloem")
        let there = try addResident(store, "theodora@example.nl", name: "Theodora Vlinderstrik")
        let naming = [Self.draft(f, "Met Wilhelmina Zonnebloem aan tafel"), Self.draft(f, "Theodora Vlinderstrik schenkt in")]
        for d in naming { #expect(store.feedFindings(in: d, for: editor) == [FeedFinding(.description, .name)]) }
        #expect(store.personalDataScans.holdsScan)

        try store.erase(here.id, by: .commandLine)
        #expect(!store.personalDataScans.holdsScan, "the erasure lets go of the scan that held their name")
        #expect(store.feedFindings(in: naming[0], for: editor).isEmpty)
        #expect(store.feedFindings(in: naming[1], for: editor) == [FeedFinding(.description, .name)])

        let other = try Store.open(at: store.path, clock: f.w.clock, hasher: TestHasher())
        try other.erase(there.id, by: .commandLine)
        try store.refresh()
        #expect(!store.personalDataScans.holdsScan, "reading another process's erasure in lets go of the scan too")
        #expect(store.feedFindings(in: naming[1], for: editor).isEmpty)
    }
}
