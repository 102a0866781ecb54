import Foundation
import Testing

/// At a size that fits CI: a few sessions, each its own process on one
/// Borne-scale store, use the app at once; no change a session was told was saved is lost, and
/// the store checks sound (the full size is in the benchmark: `bench --sessions 100`).
@Suite(.serialized) struct LoadTests {
    @Test("ten sessions at once (one of them desk staff) for fifteen seconds: every post, message and intake they were told was saved is there, the store is sound")
    func tenSessions() throws {
        let r = try Tmux.run([Tmux.binary, "bench", "--sessions", "10", "--seconds", "15", "--lang", "en"], env: ["LANG": "C.UTF-8"])
        #expect(r.status == 0, "\(r.out)")
        let row = r.out.split(separator: "\n").first { $0.hasPrefix("| 10 | ") && $0.contains(" s | 15 |") }.map(String.init) ?? ""
        let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        // | sessions | all logged in after | seconds | key presses | key to frame | idle tick | memory idle | peak | changes/s (posts, messages, intakes) | refused | lost | check |
        #expect(cells.count == 12, "\(r.out)")
        if cells.count == 12 {
            #expect((Int(cells[3]) ?? 0) > 200, "the sessions pressed keys")
            // "0.4 (9, 9, 2)": residents sent messages, the desk recorded an intake.
            let counts = cells[8].split(separator: "(").last.map { $0.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) } } ?? []
            #expect(counts.count == 3 && counts[1] > 0 && counts[2] > 0, "messages and intakes saved: \(cells[8])")
            #expect(cells[9] == "0", "nothing refused")
            #expect(cells[10] == "0", "no lost change")
            #expect(cells[11] == "sound")
        }
    }
}
