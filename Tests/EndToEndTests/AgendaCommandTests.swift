import Foundation
import Testing
@testable import SociaalHusCore

/// `sociaalhus agenda` writes its lines from bytes and offsets for speed; here they
/// are compared with the same lines made one at a time from the core's agenda, over a year of
/// the demo (both changes of the clock, all-day and open-ended activities) and a weekly activity
/// with an escape sequence and a bidi override, from the rows and (for a search) from the
/// listing, in both languages.
@Suite struct AgendaCommandTests {
    static func reference(_ store: Store, _ q: AgendaQuery, english: Bool) throws -> String {
        let lang: Language = english ? .english : .dutch
        var out = ""
        var lastDay = ""
        for o in try store.agenda(q, viewer: .visitor) {
            let header = lang.t(LocalTime.dayNameWithYear(o.start))
            if header != lastDay {
                if !lastDay.isEmpty { out += "\n" }
                out += header.prefix(1).uppercased() + header.dropFirst() + "\n"
                lastDay = header
            }
            let when = o.item.allDay ? (english ? "all day    " : "hele dag   ")
                : LocalTime.time(o.start) + (o.end.map { "–" + LocalTime.time($0) } ?? "      ")
            let org = store.organisation(o.item.organisation, for: .visitor)?.name ?? ""
            let wijk = o.item.wijk.flatMap { store.wijk($0)?.name } ?? (english ? "all of Borne" : "heel Borne")
            out += TextSanitizer.sanitize("  \(when)  \(o.item.title) — \(o.item.location) (\(org); \(wijk))") + "\n"
        }
        return out
    }

    @Test("the agenda command's lines are the core's agenda written one line at a time, over a year, in Dutch and English")
    func sameAsOneLineAtATime() throws {
        let dir = NSTemporaryDirectory() + "sociaalhus-agenda-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = dir + "/store"
        #expect(try CrashTests.sh("'\(Tmux.binary)' init --demo --store '\(store)' >/dev/null") == 0)
        let s = try Store.open(at: store, hasher: YescryptHasher())
        // Text as typed by hostile or foreign hands: the rows' bytes are copied only when plain.
        let org = try #require(s.organisations(for: .visitor).first)
        // (Written past the form's checks, as a damaged or older store might hold it.)
        try s.update { tx in
            tx.put(AgendaItem(id: tx.nextID(.agenda), title: "Koffie\u{1B}[2J ochtend", start: s.clock.now().addingTimeInterval(3 * 86_400),
                              end: s.clock.now().addingTimeInterval(3 * 86_400 + 3_600), location: "Café \u{202E}Oost", organisation: org.id,
                              recurrence: Recurrence(.weekly)))
        }
        for english in [false, true] {
            for (wijk, days, search) in [(nil, 366, nil), ("Centrum", 56, nil), (nil, 56, "koffie")] as [(String?, Int, String?)] {
                let out = dir + "/out.txt"
                let wijkArg = wijk.map { "--wijk '\($0)'" } ?? ""
                let searchArg = search.map { "--search '\($0)'" } ?? ""
                #expect(try CrashTests.sh("'\(Tmux.binary)' agenda --store '\(store)' --days \(days) \(wijkArg) \(searchArg) --lang \(english ? "en" : "nl") > '\(out)'") == 0)
                let got = try String(contentsOfFile: out, encoding: .utf8)
                #expect(!got.contains("\u{1B}") && !got.contains("\u{202E}"))
                #expect(got.contains("Koffie␛[2J ochtend — Café <U+202E>Oost"))
                let q = AgendaQuery(wijk: wijk.flatMap { s.wijk(named: $0)?.id }, from: s.clock.now(), days: days, search: search)
                let expected = try Self.reference(s, q, english: english)
                #expect(!expected.isEmpty)
                #expect(got == expected, "\(english ? "en" : "nl"), \(wijk ?? "all"), \(days) days")
            }
        }
    }
}
