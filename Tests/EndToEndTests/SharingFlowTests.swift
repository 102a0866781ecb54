import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// Sharing and a private platform in the real binary.
@Suite(.serialized) struct SharingFlowTests {
    @Test("the feed is refused until the partner approves in the interface; then an ICS file a real parser reads")
    func approvedFeed() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        let refused = try t.cli(["agenda", "--wijk", "Bornsche Maten", "--format", "ics"])
        #expect(refused.status == 1)
        #expect(refused.out.contains("niet goedgekeurd") && refused.out.contains("de lokale partner van de wijk"), "says who can approve")
        #expect(!refused.out.contains("Sanne"), "by role, not by name (issue 23)")
        // Sanne, local partner of Bornsche Maten, approves in the interface.
        try t.startLoggedIn("sanne.bakker@demo.sociaalhus.example", "demo-Linde-Vlinder-62", expecting: "Demo Sanne")
        try t.keys("7")
        try t.waitFor("Meldingen")
        try t.keys("d")
        try t.waitFor("Nog niets goedgekeurd")
        try t.keys("n")
        try t.tabUntil("Voor wie")
        try t.type("Vrijwilligerscentrale Borne")
        try t.tabUntil("[ Goedkeuren ]")
        try t.keys("Enter")
        try t.waitFor("Bornsche Maten → Vrijwilligerscentrale Borne")
        try t.keys("Enter")
        let s = try t.waitFor("BEGIN:VCALENDAR")
        #expect(s.contains("PRODID:"))
        try t.keys("q", "j")
        let out = t.home + "/bornsche-maten.ics"
        let made = try t.cli(["agenda", "--wijk", "Bornsche Maten", "--format", "ics", "--out", out])
        #expect(made.status == 0, "\(made.out)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        let events = try parseWithICalendar(text)
        #expect(events > 0)
        let store = try Store.open(at: t.store)
        let approval = try #require(store.state.settings.feedApprovals.first)
        #expect(approval.approvedByName == "Demo Sanne Bakker" && approval.thirdParty == "Vrijwilligerscentrale Borne" && approval.inForce)
        for a in store.state.accounts.all { #expect(!text.contains(a.email)) }
    }

    @Test("a private platform as a visitor sees it: only login, registration and the privacy statement; the CLI agenda refuses too")
    func privatePlatform() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        try Store.open(at: t.store).setPlatform(isPrivate: true, by: .commandLine)
        try t.start(["--store", t.store])
        var s = try t.waitFor("bezoeker")
        #expect(s.contains("alleen toegankelijk na inloggen"))
        for key in ["2", "3"] {
            try t.keys(key)
            s = try t.waitFor("alleen toegankelijk na inloggen")
        }
        try t.keys("4")
        try t.waitFor("Log in om je profiel")
        try t.keys("C-p")
        s = try t.waitFor("# Privacyverklaring")
        try t.keys("q", "j")
        let cli = try t.cli(["agenda"])
        #expect(cli.status == 1 && cli.out.contains("alleen toegankelijk na inloggen"))
    }

    /// The number of events Python's icalendar (Debian's python3-icalendar) reads from `text`.
    func parseWithICalendar(_ text: String) throws -> Int {
        let path = NSTemporaryDirectory() + "feed-\(UUID().uuidString).ics"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try Tmux.run(["/usr/bin/python3", "-c",
                              "import icalendar,sys; c=icalendar.Calendar.from_ical(open(sys.argv[1],'rb').read()); print(len(c.walk('VEVENT')))", path])
        #expect(r.status == 0, "\(r.out)")
        return Int(r.out.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
}
