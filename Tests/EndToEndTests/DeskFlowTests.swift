import Foundation
import Testing
@testable import SociaalHusCore

/// The desk's journey in the real binary: a staff member records a conversation and refers it;
/// the resident, logging in afterwards, finds what was passed on in Mijn gegevens.
@Suite(.serialized) struct DeskFlowTests {
    @Test("desk staff record and refer a conversation; the resident finds the disclosure in Mijn gegevens")
    func deskJourney() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        try t.start(["--store", t.store])
        try t.waitFor("bezoeker")
        let top = try t.screen().split(separator: "\n").first.map(String.init) ?? ""
        #expect(!top.contains("5"), "a visitor has no intake tab")
        // Lotte, desk staff, logs in and opens the intake tab.
        try t.logIn("lotte.meijer@demo.sociaalhus.example", "demo-Balie-Lamp-Thee-4", expecting: "Demo Lotte")
        try t.keys("5")
        try t.waitFor("Gesprekken van vandaag en open gesprekken (0)")
        // The conversation, typed in the order it is told: the question first.
        try t.keys("n")
        try t.waitFor("Eerst de vraag")
        try t.type("Ik kom niet rond met de boodschappen deze maand")
        try t.keys("Tab", "Right")
        try t.waitFor("‹ wonen ›")
        try t.keys("Right", "Right")
        try t.waitFor("‹ geldzaken ›")
        try t.keys("Tab")
        try t.type("Anna de Vries")
        try t.keys("Tab")
        try t.type("06 1234 5678")
        try t.keys("Tab")
        try t.type("anna.devries@demo.sociaalhus.example")
        try t.keys("Tab")
        try t.waitFor("Account koppelen: Demo Anna de Vries (Centrum)")
        // Linked only with the resident's agreement, ticked on the next row.
        try t.keys("Space", "Tab", "Space")
        try t.waitFor("[x] De bewoner is akkoord")
        try t.tabUntil("Aantekeningen")
        try t.type("Heeft ook schulden bij de energieleverancier")
        try t.tabUntil("[ Opslaan ]")
        try t.keys("Enter")
        var s = try t.waitFor("Gesprek opgeslagen.")
        #expect(s.contains("Account       gekoppeld (Demo Anna de Vries)"))
        #expect(s.contains("0612345678"))
        // Refer to the food bank: search the directory, keep the minimum, tell, confirm.
        try t.keys("d")
        try t.waitFor("Passend bij geldzaken en wijk Centrum")
        try t.keys("/")
        try t.type("voedsel")
        try t.keys("Enter")
        try t.waitFor("▌ Voedselbank Borne")
        try t.keys("Enter")
        s = try t.waitFor("Stap 2 van 3")
        #expect(s.contains("[x] naam: Anna de Vries"))
        #expect(s.contains("[ ] aantekeningen"))
        try t.tabUntil("[ Verder ]")
        try t.keys("Enter")
        s = try t.waitFor("Zeg dit tegen de bewoner")
        #expect(s.contains("Ik geef uw naam, telefoonnummer en vraag door aan Voedselbank Borne"))
        try t.keys("b")
        s = try t.waitFor("Doorgegeven aan Voedselbank Borne")
        // The referral's receipt comes first (ReceiptFlowTests prints and mails it); Esc goes back.
        #expect(s.contains("BEWIJS VAN DOORVERWIJZING"))
        try t.keys("Escape")
        s = try t.waitFor("Bewoner ingelicht")
        #expect(s.contains("naam,") && s.contains("Bewoner"))
        // Lotte logs out; Anna logs in on the same terminal.
        try t.keys("4")
        try t.waitFor("l Uitloggen")
        try t.keys("l")
        try t.waitFor("bezoeker")
        try t.logIn("anna.devries@demo.sociaalhus.example", "demo-Kiwi-Tulp-2026", expecting: "Demo Anna")
        try t.keys("g")
        try t.waitFor("Alles wat SociaalHus over je bewaart")
        var seen = ""
        for _ in 0..<12 {
            seen += try t.screen()
            if seen.contains("Gesprekken bij het Sociaal Hus (1)") { break }
            try t.keys("PageDown")
            usleep(150_000)
        }
        #expect(seen.contains("Doorgegeven aan organisaties (1)"))
        #expect(seen.contains("aan Voedselbank Borne, door Demo Lotte Meijer"))
        #expect(seen.contains("gegevens: naam, telefoonnummer, vraag"))
        #expect(seen.contains("Gesprekken bij het Sociaal Hus (1)"))
        try t.keys("q", "j")
        // The export says the same, and the store is sound.
        let export = try t.cli(["export", "--email", "anna.devries@demo.sociaalhus.example"])
        let json = try JSONSerialization.jsonObject(with: Data(export.out.utf8)) as! [String: Any]
        let disclosures = try #require(json["disclosures"] as? [[String: Any]])
        #expect(disclosures.count == 1)
        #expect(disclosures.first?["organisation"] as? String == "Voedselbank Borne")
        #expect(disclosures.first?["fields"] as? [String] == ["name", "phone", "question"])
        #expect(try t.cli(["check"]).status == 0)
        let store = try Store.open(at: t.store)
        let message = try #require(store.state.outbox.all.first)
        #expect(message.status == .pending)
        #expect(!message.body.contains("energieleverancier"), "the notes were not ticked")
    }
}
