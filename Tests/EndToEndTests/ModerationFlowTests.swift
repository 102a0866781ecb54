import Foundation
import Testing
@testable import SociaalHusCore

/// In the real binary as each role types it: Anna reports Sanne's post; Sanne,
/// its wijk's partner, does not get the report about her own post; Bram hides it with a reason
/// and words for her; Sanne sees why and objects once; Bram reads the objection, the whole text
/// and the history, and restores it; Anna reads the outcome in Berichten.
@Suite(.serialized) struct ModerationFlowTests {
    @Test("report, hide with a reason, the author's mark and objection, restore only when hidden, the reporter told")
    func moderationFinishes() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        // Anna reports Sanne's post.
        try t.startLoggedIn("anna.devries@demo.sociaalhus.example", "demo-Kiwi-Tulp-2026", expecting: "Demo Anna", cols: 100, rows: 30)
        try t.keys("2")
        try t.waitFor("Alle berichten")
        for _ in 0..<40 where !(try t.screen().split(separator: "\n").contains { $0.contains("▌") && $0.contains("Aanhanger te leen") }) {
            try t.keys("Down")
            usleep(40_000)
        }
        try t.keys("Enter")
        try t.waitFor("Aanhanger te leen")
        try t.keys("m")
        try t.waitFor("Melden: Aanhanger te leen")
        try t.tabUntil("Toelichting")
        try t.type("Er staat een kenteken in de tekst.")
        try t.tabUntil("[ Melden ]")
        try t.keys("Enter")
        try t.waitFor("je melding is doorgegeven")
        try t.keys("4", "l")
        // Sanne moderates Bornsche Maten, but not a report about her own post.
        try t.logIn("sanne.bakker@demo.sociaalhus.example", "demo-Linde-Vlinder-62", expecting: "Demo Sanne")
        try t.keys("7")
        try t.waitFor("Geen meldingen.")
        try t.keys("4", "l")
        // Bram hides it: a reason and words for the author, then a confirmation.
        try t.logIn("bram.kuipers@demo.sociaalhus.example", "demo-Sleutel-Meeuw-90", expecting: "Demo Bram")
        try t.keys("7")
        try t.waitFor("Prikbord: Aanhanger te leen")
        try t.keys("Enter")
        let report = try t.waitFor("Gemelde tekst:")
        #expect(!report.contains("Terugzetten"), "t is not offered on a visible post")
        try t.keys("t")
        usleep(300_000)
        #expect(!(try t.screen()).contains("Gedaan"), "t does nothing on a visible post")
        try t.keys("v")
        try t.waitFor("Verbergen: Prikbord: Aanhanger te leen")
        try t.tabUntil("Reden")
        try t.keys("Right", "Right")
        try t.waitFor("‹ ongewenst ›")
        try t.tabUntil("Toelichting")
        try t.type("Haal het kenteken weg, dan zet ik het terug.")
        try t.tabUntil("[ Verbergen ]")
        try t.keys("Enter")
        try t.waitFor("verbergen met reden ongewenst?")
        try t.keys("j")
        try t.waitFor("Verborgen. De schrijver en wie meldde zijn ingelicht.")
        try t.keys("4", "l")
        // Sanne sees the mark in her list and on the post, and objects once.
        try t.logIn("sanne.bakker@demo.sociaalhus.example", "demo-Linde-Vlinder-62", expecting: "Demo Sanne")
        try t.keys("2")
        try t.waitFor("Aanhanger te leen (verborgen: ongewenst)")
        for _ in 0..<40 where !(try t.screen().split(separator: "\n").contains { $0.contains("▌") && $0.contains("Aanhanger te leen") }) {
            try t.keys("Down")
            usleep(40_000)
        }
        try t.keys("Enter")
        try t.waitFor("Toelichting: Haal het kenteken weg")
        try t.keys("b")
        try t.waitFor("Bezwaar tegen verbergen: Aanhanger te leen")
        try t.tabUntil("Waarom")
        try t.type("Het is geen kenteken maar een huisnummer.")
        try t.tabUntil("[ Bezwaar maken ]")
        try t.keys("Enter")
        try t.waitFor("Je bezwaar is doorgegeven aan de moderatoren.")
        try t.keys("4", "l")
        // Bram reads the objection and restores.
        try t.logIn("bram.kuipers@demo.sociaalhus.example", "demo-Sleutel-Meeuw-90", expecting: "Demo Bram")
        try t.keys("7")
        try t.waitFor("bezwaar")
        try t.keys("Enter")
        try t.waitFor("Het is geen kenteken maar een huisnummer.")
        try t.keys("t")
        try t.waitFor("Gedaan: teruggezet")
        try t.keys("4", "l")
        // Anna hears what came of her report.
        try t.logIn("anna.devries@demo.sociaalhus.example", "demo-Kiwi-Tulp-2026", expecting: "Demo Anna")
        try t.keys("6")
        try t.waitFor("van Beheer SociaalHus")
        try t.keys("q", "j")
        let store = try Store.open(at: t.store)
        let bram = try store.account(email: "bram.kuipers@demo.sociaalhus.example")
        #expect(store.state.audit.all.filter { $0.action == .contentModerated && $0.actor == bram.id }.count == 2)
        #expect(store.state.audit.all.contains { $0.action == .objectionMade })
    }
}
