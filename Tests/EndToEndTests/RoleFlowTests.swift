import Foundation
import Testing
@testable import SociaalHusCore

/// In the real binary: sharing the Centrum agenda was a dead end, as no one could make
/// an existing account its partner. The administrator does it in the interface; the new
/// partner approves; the feed is made.
@Suite(.serialized) struct RoleFlowTests {
    @Test("the administrator gives Henk the partner role of Centrum in the interface; Henk is told and approves the feed")
    func administratorGivesPartnerRole() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        let refused = try t.cli(["agenda", "--wijk", "Centrum", "--format", "ics"])
        #expect(refused.status == 1 && refused.out.contains("Moderatie › Accounts"), "the refusal names a real way: \(refused.out)")
        // Bram, the administrator: Moderatie › Accounts, find Henk, give the role.
        try t.startLoggedIn("bram.kuipers@demo.sociaalhus.example", "demo-Sleutel-Meeuw-90", expecting: "Demo Bram", cols: 100, rows: 30)
        try t.keys("7")
        try t.waitFor("Meldingen")
        try t.keys("a")
        try t.waitFor("Accounts met een rol naast bewoner")
        try t.keys("/")
        try t.type("henk")
        try t.waitFor("▌ Demo Henk Jansen")
        try t.keys("Enter", "Enter")
        try t.waitFor("Wijk: Centrum")
        try t.keys("n")
        try t.waitFor("Rol geven aan Demo Henk Jansen")
        try t.keys("/")
        try t.type("partner van centrum")
        try t.waitFor("▌ lokale partner van Centrum")
        try t.keys("Enter", "Enter")
        try t.waitFor("Demo Henk Jansen de rol lokale partner van Centrum geven?")
        try t.keys("Enter")
        try t.waitFor("heeft nu de rol lokale partner van Centrum")
        try t.keys("q", "j")
        // Henk logs in: told in Berichten, and approves sharing under Moderatie.
        let h = Tmux()
        try h.startLoggedIn("henk.jansen@demo.sociaalhus.example", "demo-Fiets-Molen-47", expecting: "Demo Henk", store: t.store, cols: 100, rows: 30)
        try h.keys("6")
        try h.waitFor("van Beheer SociaalHus")
        try h.keys("7")
        try h.waitFor("Meldingen")
        try h.keys("d")
        try h.waitFor("Nog niets goedgekeurd")
        try h.keys("n")
        try h.tabUntil("Voor wie")
        try h.type("Vrijwilligerscentrale Borne")
        try h.tabUntil("[ Goedkeuren ]")
        try h.keys("Enter")
        try h.waitFor("Centrum → Vrijwilligerscentrale Borne")
        try h.keys("q", "j")
        let made = try t.cli(["agenda", "--wijk", "Centrum", "--format", "ics", "--out", t.home + "/centrum.ics"])
        #expect(made.status == 0, "\(made.out)")
        let store = try Store.open(at: t.store)
        let henk = try store.account(email: "henk.jansen@demo.sociaalhus.example")
        #expect(store.state.audit.all.contains { $0.action == .roleGiven && $0.subject == henk.id && $0.actor != nil })
    }
}
