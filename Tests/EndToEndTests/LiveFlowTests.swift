import Foundation
import Testing

/// End to end: two terminals on one store; a post placed at one appears at
/// the other within a couple of seconds without a key being pressed there.
@Suite(.serialized) struct LiveFlowTests {
    @Test("a post placed at one terminal shows on the other's notice board without a key")
    func postAppearsElsewhere() throws {
        let watcher = Tmux()
        try watcher.cli(["init", "--demo"])
        try watcher.start(["--store", watcher.store])
        try watcher.waitFor("bezoeker")
        try watcher.keys("2")
        try watcher.waitFor("Alle berichten")
        let writer = Tmux()
        try writer.startLoggedIn("anna.devries@demo.sociaalhus.example", "demo-Kiwi-Tulp-2026", expecting: "Demo Anna", store: watcher.store)
        try writer.keys("2")
        try writer.waitFor("Alle berichten")
        try writer.keys("n")
        try writer.waitFor("Titel")
        try writer.keys("Tab")
        try writer.type("Live gezien op de andere terminal")
        try writer.keys("Tab")
        try writer.type("Dit bericht komt vanzelf bij de ander.")
        try writer.keys("C-s")
        try writer.waitFor("Je bericht staat op het prikbord")
        // No key at the watcher: its idle tick (every second) reads the change.
        let seen = try watcher.waitFor("Live gezien op de andere terminal", seconds: 5)
        #expect(seen.contains("Alle berichten (25)"))
    }
}
