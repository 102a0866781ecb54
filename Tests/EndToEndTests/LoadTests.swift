import Foundation
import Testing

/// Issue 16, part 3, at a size that fits CI: a few sessions, each its own process on one
/// Borne-scale store, use the app at once; no change a session was told was saved is lost, and
/// the store checks sound (the full size is in the benchmark: `bench --sessions 100`).
@Suite(.serialized) struct LoadTests {
    @Test("six sessions at once for four seconds: every post they were told was placed is there, the store is sound")
    func sixSessions() throws {
        let r = try Tmux.run([Tmux.binary, "bench", "--sessions", "6", "--seconds", "4", "--lang", "en"], env: ["LANG": "C.UTF-8"])
        #expect(r.status == 0, "\(r.out)")
        let row = r.out.split(separator: "\n").first { $0.hasPrefix("| 6 | 4 |") }.map(String.init) ?? ""
        let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        // | sessions | seconds | key presses | key to frame | memory idle | peak | changes/s | refused | lost | check |
        #expect(cells.count == 10, "\(r.out)")
        if cells.count == 10 {
            #expect((Int(cells[2]) ?? 0) > 100, "the sessions pressed keys")
            #expect(cells[8] == "0", "no lost change")
            #expect(cells[9] == "sound")
        }
    }
}
