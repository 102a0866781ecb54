import Foundation
import Testing
@testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// Issue 16, part 2: live between terminals. Two apps on one store folder (two connections, as
/// two terminals are): a change at one shows at the other at its next idle tick (the run loop
/// ticks every second without a key), and a form being typed in is never overwritten.
@Suite(.serialized) struct LiveTests {
    @Test("an activity added at one terminal shows at another within a tick, without a key")
    func agendaShowsChange() throws {
        let a = Driver(size: Size(cols: 120, rows: 60))
        let other = try Store.open(at: a.store.path, clock: FixedClock(fixedNow))
        let org = try #require(other.organisations(for: .visitor).first)
        #expect(!a.screen.contains("Live vanaf een andere terminal"))
        try other.update { tx in
            tx.put(AgendaItem(id: tx.nextID(.agenda), title: "Live vanaf een andere terminal", start: fixedNow.addingTimeInterval(3_600),
                              end: fixedNow.addingTimeInterval(7_200), location: "Kern", organisation: org.id))
        }
        #expect(!a.screen.contains("Live vanaf een andere terminal"), "not before the tick (no magic)")
        a.app.tick()
        #expect(a.screen.contains("Live vanaf een andere terminal"))
    }

    @Test("a form with typed input is not overwritten: it says someone else changed something, once; the typing stays")
    func formKept() throws {
        let a = Driver()
        a.logIn("anna")
        a.press(.char("2"), .char("n"))
        a.press(.tab)
        a.type("Mijn eigen titel")
        let other = try Store.open(at: a.store.path, clock: FixedClock(fixedNow))
        let org = try #require(other.organisations(for: .visitor).first)
        try other.update { tx in
            tx.put(AgendaItem(id: tx.nextID(.agenda), title: "Iets anders", start: fixedNow.addingTimeInterval(3_600), location: "Kern", organisation: org.id))
        }
        a.app.tick()
        #expect(a.screen.contains("Gewijzigd door een ander"))
        #expect(a.screen.contains("Mijn eigen titel"))
        a.app.tick()
        #expect(a.screen.contains("Mijn eigen titel"))
    }

    @Test("an idle tick with no change elsewhere changes nothing on screen")
    func quietWhenNothingChanged() {
        let a = Driver()
        let before = a.screen
        for _ in 0..<5 { a.app.tick() }
        #expect(a.screen == before)
    }

    @Test("saving over someone else's newer entry is refused with theirs shown, and the form keeps what was typed")
    func saveConflict() throws {
        let a = Driver(size: Size(cols: 120, rows: 50))
        a.logIn("kees")
        let kees = try #require(a.app.ctx.account)
        let org = try #require(a.store.organisationsWritable(by: .account(kees), agenda: false).first)
        a.press(.char("3"), .char("/"))
        a.type(org.name)
        a.press(.enter, .enter)
        a.press(.char("e"))
        #expect(a.screen.contains("Organisatie bewerken"))
        for _ in 0..<7 { a.press(.tab) }  // to Openingstijden
        #expect(a.screen.contains("▶ Openingstijden"))
        a.press(.end)
        for _ in 0..<80 { a.press(.backspace) }
        a.type("alleen op dinsdag")
        // Meanwhile, at another terminal:
        let other = try Store.open(at: a.store.path, clock: FixedClock(fixedNow))
        try other.updateOrganisation(org.id, by: .commandLine) { $0.openingHours = "ma-vr 9-17 (andere terminal)" }
        a.press(.ctrl("s"))
        #expect(a.screen.contains("Iemand anders"), "\(a.screen)")
        #expect(a.screen.contains("andere terminal"))
        #expect(a.screen.contains("alleen op dinsdag"), "what was typed stays")
        #expect(other.state.organisations[org.id.rawValue]?.openingHours == "ma-vr 9-17 (andere terminal)")
    }
}
