import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// Parses an iCalendar text with Python's `icalendar` package (Debian's python3-icalendar) and
/// returns the events as dictionaries of decoded values.
func parseICS(_ text: String) throws -> [[String: String]] {
    let dir = TempDir()
    try Data(text.utf8).write(to: URL(fileURLWithPath: dir.path + "/feed.ics"))
    let script = """
    import icalendar, json, sys
    cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
    assert cal.get('version') == '2.0' and cal.get('prodid')
    out = []
    for ev in cal.walk('VEVENT'):
        d = {}
        for k in ['uid', 'summary', 'description', 'location']:
            if ev.get(k) is not None: d[k] = str(ev.get(k))
        d['dtstart'] = ev.decoded('dtstart').isoformat()
        if ev.get('dtend') is not None: d['dtend'] = ev.decoded('dtend').isoformat()
        if ev.get('rrule') is not None: d['rrule'] = ev.get('rrule').to_ical().decode()
        if ev.get('categories') is not None: d['categories'] = ','.join(str(c) for c in ev.get('categories').cats)
        if ev.get('organizer') is not None: d['organizer'] = ev.get('organizer').params.get('CN', '')
        out.append(d)
    tz = [str(t.get('tzid')) for t in cal.walk('VTIMEZONE')]
    out.append({'timezones': ','.join(tz)})
    print(json.dumps(out))
    """
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    p.arguments = ["-c", script, dir.path + "/feed.ics"]
    let pipe = Pipe(), err = Pipe()
    p.standardOutput = pipe
    p.standardError = err
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(p.terminationStatus == 0, "python3-icalendar must be installed (.ci/run installs it): \(errors)")
    return (try? JSONSerialization.jsonObject(with: data) as? [[String: String]]) ?? []
}

@Suite struct FeedTests {
    struct World {
        let w: DeskWorld
        let centrum: WijkID
        let start: Date
        init() throws {
            w = try DeskWorld()
            centrum = wijkID(w.store, "Centrum")
            start = amsterdamCalendar().date(from: DateComponents(year: 2026, month: 12, day: 2, hour: 19, minute: 30))!
        }
        @discardableResult
        func add(_ title: String, description: String = "", wijk: WijkID?, recurrence: Recurrence = .none, allDay: Bool = false, in days: Double = 0) throws -> AgendaItem {
            try w.store.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: title, description: description,
                                                    start: start.addingTimeInterval(days * 86_400), end: start.addingTimeInterval(days * 86_400 + 5_400),
                                                    allDay: allDay, location: "Buurthuis De Kern, Marktstraat 2", wijk: wijk,
                                                    organisation: w.welzijn.id, category: "ontmoeting", recurrence: recurrence), by: .commandLine)
        }
    }

    @Test("without an approval in force the feed is refused, naming who can approve") func approvals() throws {
        let f = try World()
        try f.add("Koffie-ochtend", wijk: f.centrum)
        #expect(throws: CoreError.feedNotApproved(wijk: "Centrum", hasPartner: true)) { try f.w.store.feed(wijk: f.centrum, format: .ics, from: testNow) }
        // The refusal named the partner (an anonymous one too); it names the role.
        let said = CoreError.feedNotApproved(wijk: "Centrum", hasPartner: true).message(.dutch)
        #expect(!said.contains("Sanne") && said.contains("de lokale partner van de wijk"))
        #expect(throws: CoreError.notPermitted(.partnersOnly)) { try f.w.store.approveFeed(wijk: f.centrum, thirdParty: "Vrijwilligerscentrale", by: f.w.desk) }
        #expect(throws: CoreError.notPermitted(.partnersOnly)) {
            try f.w.store.approveFeed(wijk: wijkID(f.w.store, "Hertme"), thirdParty: "X", by: .account(f.w.partner))
        }
        let a = try f.w.store.approveFeed(wijk: f.centrum, thirdParty: "Vrijwilligerscentrale Borne", by: .account(f.w.partner))
        #expect(a.approvedBy == f.w.partner.id && a.approved == testNow && a.thirdParty == "Vrijwilligerscentrale Borne")
        #expect(try !f.w.store.feed(wijk: f.centrum, format: .ics, from: testNow).isEmpty)
        try f.w.store.withdrawFeed(a.id, by: .account(f.w.partner))
        let kept = try reopen(f.w.dir).state.settings.feedApprovals
        #expect(kept.count == 1 && kept[0].withdrawn == testNow && kept[0].withdrawnBy == f.w.partner.id, "the record stays")
        #expect(throws: CoreError.self) { try f.w.store.feed(wijk: f.centrum, format: .json, from: testNow) }
    }

    @Test("the ICS parses with a real iCalendar parser: folding, escaping, time zone, recurrence, organiser") func ics() throws {
        let f = try World()
        try f.w.store.approveFeed(wijk: f.centrum, thirdParty: "Website", by: .account(f.w.partner))
        try f.add("Koffie, thee; en \\ koek", description: "Regel één\nRegel twee met een heel lange tekst die zeker langer is dan vijfenzeventig octetten, met ü en 🎉 erin",
                  wijk: f.centrum)
        try f.add("Wekelijks wandelen", wijk: nil, recurrence: Recurrence(.weekly, until: f.start.addingTimeInterval(60 * 86_400)), in: 1)
        try f.add("Elke twee weken", wijk: f.centrum, recurrence: Recurrence(.biweekly), in: 2)
        try f.add("Markt", wijk: f.centrum, allDay: true, in: 3)
        try f.add("In een andere wijk", wijk: wijkID(f.w.store, "Hertme"))
        let text = String(decoding: try f.w.store.feed(wijk: f.centrum, format: .ics, from: testNow), as: UTF8.self)
        #expect(text.contains("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF only")
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 }, "folded at 75 octets")
        let events = try parseICS(text)
        #expect(events.last?["timezones"] == "Europe/Amsterdam")
        let byTitle = Dictionary(uniqueKeysWithValues: events.dropLast().map { ($0["summary"] ?? "", $0) })
        #expect(byTitle.count == 4, "the other wijk's item is not in Centrum's feed")
        let coffee = try #require(byTitle["Koffie, thee; en \\ koek"])
        #expect(coffee["description"]?.hasPrefix("Regel één\nRegel twee") == true)
        #expect(coffee["description"]?.hasSuffix("🎉 erin") == true)
        #expect(coffee["dtstart"] == "2026-12-02T19:30:00+01:00")
        #expect(coffee["dtend"] == "2026-12-02T21:00:00+01:00")
        #expect(coffee["location"] == "Buurthuis De Kern, Marktstraat 2")
        #expect(coffee["organizer"] == "Welzijn Borne")
        #expect(coffee["categories"] == "ontmoeting")
        #expect(byTitle["Wekelijks wandelen"]?["rrule"] == "FREQ=WEEKLY;UNTIL=20270131T225959Z")
        #expect(byTitle["Elke twee weken"]?["rrule"] == "FREQ=WEEKLY;INTERVAL=2")
        #expect(byTitle["Markt"]?["dtstart"] == "2026-12-05")
        #expect(byTitle["Markt"]?["dtend"] == "2026-12-06")
        // Stable UIDs: the same on every export, whatever the moment.
        (f.w.store.clock as! FixedClock).advance(3_600)
        let again = try parseICS(String(decoding: try f.w.store.feed(wijk: f.centrum, format: .ics, from: testNow), as: UTF8.self))
        #expect(Set(again.compactMap { $0["uid"] }) == Set(events.compactMap { $0["uid"] }))
        #expect(events.compactMap { $0["uid"] }.allSatisfy { $0.hasPrefix("agenda-") })
    }

    static let planted: [(String, String)] = [
        ("a resident's e-mail address", "Aanmelden bij anna@example.nl"),
        ("a resident's name", "Met dank aan Anna de Vries"),
        ("a resident's phone number", "Bel 06 - 1234 5678"),
        ("a person at the desk", "Vraag naar Piet Pieters"),
    ]

    @Test("a feed that would contain personal data held in the store is refused", arguments: planted + [
        // A resident's street and house number, without the postcode, went through.
        ("a resident's street and number", "Start langs op Coraweg 1"),
        ("a street and number from the desk", "Verzamelen bij Marktstraat 1."),
    ])
    func personalData(_ name: String, _ description: String) throws {
        let f = try World()
        try f.w.store.updateProfile(for: f.w.resident.id, by: .account(f.w.resident)) { $0.phone = "06-12345678"; $0.address = "Coraweg 1, 7622 AB Borne" }
        try f.w.store.createIntake(f.w.input(), by: f.w.desk)
        try f.w.store.approveFeed(wijk: f.centrum, thirdParty: "Website", by: .account(f.w.partner))
        try f.add("Koffie-ochtend", description: description, wijk: f.centrum)
        #expect(throws: CoreError.self) { try f.w.store.feed(wijk: f.centrum, format: .ics, from: testNow) }
        #expect(throws: CoreError.self) { try f.w.store.feed(wijk: f.centrum, format: .json, from: testNow) }
    }

    @Test("hostile text in an organisation's name or an activity stays inside its property") func hostileText() throws {
        let f = try World()
        try f.w.store.approveFeed(wijk: f.centrum, thirdParty: "Website", by: .account(f.w.partner))
        // Input with control characters is refused now; a store from before may still hold it.
        #expect(throws: CoreError.fieldControlCharacters(.name)) {
            try f.w.store.updateOrganisation(f.w.welzijn.id, by: .account(f.w.admin)) { $0.name = "Welzijn \"Borne\"\u{1B}[2J" }
        }
        try f.w.store.update { tx in var o = tx.state.organisations[f.w.welzijn.id.rawValue]!; o.name = "Welzijn \"Borne\"\u{1B}[2J\u{9B}1m\u{202E}"; tx.put(o) }
        let item = try f.add("Koffie", wijk: f.centrum)
        try f.w.store.update { tx in var i = tx.state.agenda[item.id.rawValue]!; i.title = "Koffie\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:nep"; tx.put(i) }
        let text = String(decoding: try f.w.store.feed(wijk: f.centrum, format: .ics, from: testNow), as: UTF8.self)
        #expect(!text.contains("\u{1B}") && !text.contains("\u{9B}") && !text.contains("\u{202E}"))
        let events = try parseICS(text)
        #expect(events.count == 2, "one event, plus the time zone line")
        #expect(events.first?["organizer"] == "Welzijn 'Borne'[2J1m")
    }

    @Test("organisation data and public places are fine; the JSON feed holds no account data") func clean() throws {
        let f = try World()
        // A neighbour's house number is not someone's home: "Coraweg 12" and "Coraweg" alone pass.
        try f.w.store.updateProfile(for: f.w.resident.id, by: .account(f.w.resident)) { $0.address = "Coraweg 1, 7622 AB Borne" }
        try f.w.store.createIntake(f.w.input(), by: f.w.desk)  // Piet Pieters, Marktstraat 1
        try f.add("Straatfeest", description: "Op de Coraweg, bij nummer Coraweg 12 en Coraweg 1b; daarna Marktstraat 12", wijk: f.centrum)
        try f.w.store.approveFeed(wijk: f.centrum, thirdParty: "Website", by: .account(f.w.partner))
        try f.add("Koffie-ochtend", description: "Aanmelden bij Welzijn Borne, 074-0000000", wijk: f.centrum)
        let json = String(decoding: try f.w.store.feed(wijk: f.centrum, format: .json, from: testNow), as: UTF8.self)
        #expect(json.contains("Koffie-ochtend") && json.contains("Welzijn Borne"))
        for account in f.w.store.state.accounts.all { #expect(!json.contains(account.email)) }
    }

    @Test("an approved feed works on a private platform too") func privatePlatform() throws {
        let f = try World()
        try f.add("Koffie-ochtend", wijk: f.centrum)
        try f.w.store.approveFeed(wijk: f.centrum, thirdParty: "Website", by: .account(f.w.partner))
        try f.w.store.update { tx in var s = tx.state.settings; s.isPrivate = true; tx.setSettings(s) }
        #expect(throws: CoreError.platformPrivate) { try f.w.store.state.agenda(AgendaQuery(from: testNow), viewer: .visitor) }
        #expect(try parseICS(String(decoding: try f.w.store.feed(wijk: f.centrum, format: .ics, from: testNow), as: UTF8.self)).count == 2)
    }
}
