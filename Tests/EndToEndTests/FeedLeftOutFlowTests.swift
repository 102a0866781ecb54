import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// One activity with personal data in the real binary: its editor is warned when saving, the
/// wijk's feed leaves it out and still serves the rest, and the command line and the partner's
/// screen say which activity was left out and why, never the data.
@Suite(.serialized) struct FeedLeftOutFlowTests {
    static let anna = "anna.devries@demo.sociaalhus.example"

    @Test("an editor saves an activity with a resident's address after the warning; the feed is still made, names it on stderr, and the partner sees it")
    func oneBadActivity() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        let store = try Store.open(at: t.store)
        let sanne = try #require(store.state.accounts.all.first { $0.email.hasPrefix("sanne.bakker@") })
        try store.perform(.approveFeed(wijk: try #require(store.wijk(named: "Bornsche Maten")).id, thirdParty: "Buurtkrant"), as: .account(sanne))
        let before = try #require(t.cli(["agenda", "--wijk", "Bornsche Maten", "--format", "json"]).out.data(using: .utf8))
        let titlesBefore = try Self.titles(before)
        #expect(titlesBefore.count > 3)

        // Kees, editor of an organisation, writes an activity for all of Borne with Anna's address in it.
        try t.startLoggedIn("kees.smit@demo.sociaalhus.example", "demo-Koffie-Brug-55", expecting: "Demo Kees")
        try t.keys("1")
        try t.waitFor("Agenda")
        try t.keys("n")
        try t.waitFor("Nieuwe activiteit")
        try t.type("Koffie bij De Kern")
        try t.keys("Tab")
        try t.type("Aanmelden bij " + Self.anna)
        try t.tabUntil("Locatie")
        try t.type("Buurthuis De Kern")
        try t.keys("C-s")
        var s = try t.waitFor("Nog niet opgeslagen: een e-mailadres in de beschrijving.")
        #expect(s.contains("Nieuwe activiteit"), "the form stays open")
        #expect(store.state.agenda.all.allSatisfy { $0.title != "Koffie bij De Kern" }, "nothing saved yet")
        try t.keys("C-s")
        s = try t.waitFor("Opgeslagen. De activiteit staat in de app")
        try t.keys("q", "j")

        // The feed: made, exit 0, the others in it, read by icalendar; stderr names what was left out.
        let ics = t.home + "/bornsche-maten.ics"
        let made = try t.cli(["agenda", "--wijk", "Bornsche Maten", "--format", "ics", "--out", ics])
        #expect(made.status == 0, "\(made.out)")
        #expect(made.out.contains("1 activiteit blijft buiten deze feed. Er staan persoonsgegevens in:"), "\(made.out)")
        #expect(made.out.contains(": Koffie bij De Kern, van ") && made.out.contains("Gevonden: een e-mailadres in de beschrijving."), "\(made.out)")
        #expect(!made.out.contains(Self.anna), "the data itself is not said")
        let text = try String(contentsOfFile: ics, encoding: .utf8)
        #expect(!text.contains("Koffie bij De Kern") && !text.contains(Self.anna))
        #expect(try Self.eventsRead(ics) >= titlesBefore.count, "icalendar reads every other activity")
        // Standard output is the feed alone; the English notes come on standard error.
        let json = try Tmux.run(["/bin/sh", "-c", Tmux.quote(Tmux.binary) + " agenda --wijk 'Bornsche Maten' --format json --lang en --store "
                                 + Tmux.quote(t.store) + " 2>" + Tmux.quote(t.home + "/err.txt")])
        #expect(json.status == 0)
        #expect(try Self.titles(Data(json.out.utf8)) == titlesBefore)
        let err = try String(contentsOfFile: t.home + "/err.txt", encoding: .utf8)
        #expect(err.contains("1 activity is left out of this feed because it holds personal data:")
                && err.contains("Found: an e-mail address in the description.") && !err.contains(Self.anna), "\(err)")

        // Sanne, the wijk's partner, sees it on her sharing screen and in the preview.
        try t.startLoggedIn("sanne.bakker@demo.sociaalhus.example", "demo-Linde-Vlinder-62", expecting: "Demo Sanne")
        try t.keys("7")
        try t.waitFor("Meldingen")
        try t.keys("d")
        try t.waitFor("1 activiteit blijft buiten deze feed.")
        try t.keys("Enter")
        s = try t.waitFor("BEGIN:VCALENDAR")
        #expect(s.contains("Koffie bij De Kern, van") && s.contains("e-mailadres in de") && !s.contains("anna.devries"), "\(s)")
        try t.keys("q", "j")
    }

    /// The titles of a JSON feed, sorted.
    static func titles(_ data: Data) throws -> [String] {
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        return rows.compactMap { $0["title"] as? String }.sorted()
    }

    /// The number of events Python's icalendar (Debian's python3-icalendar) reads from the file at `path`.
    static func eventsRead(_ path: String) throws -> Int {
        let r = try Tmux.run(["/usr/bin/python3", "-c",
                              "import icalendar,sys; c=icalendar.Calendar.from_ical(open(sys.argv[1],'rb').read()); print(len(c.walk('VEVENT')))", path])
        #expect(r.status == 0, "\(r.out)")
        return Int(r.out.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
}
