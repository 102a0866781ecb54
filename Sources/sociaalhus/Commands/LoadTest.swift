import Foundation
import SociaalHusCore
import SociaalHusUI
import TerminalKit
#if canImport(Glibc)
import Glibc
#endif

/// `sociaalhus bench --sessions N [--seconds S]`: many people on one store (issue 16, part 3).
/// N sessions, each a process of its own with the real app, log in and use it as a person
/// would, with pauses between keys: browse the agenda, search, open an activity, read the
/// notice board and place posts. Reported: key press to frame (p50/p99 over all sessions), memory
/// per session (idle and peak), changes per second; then every change a session was told was
/// saved is looked up, and `check` reads the whole store.
enum LoadTest {
    /// What one session reports.
    struct SessionResult: Codable {
        var keyMS: [Double]
        var idleMB: Double
        var peakMB: Double
        var saved: [String]
        var refused: Int
    }

    /// The password of every synthetic account (they share one hash; see `SyntheticStore`).
    static let password = "synthetic benchmark password"

    static func run(sessions: Int, seconds: Int, ctx: CommandContext) throws -> Bool {
        let path = NSTemporaryDirectory() + "sociaalhus-load-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let hash = try YescryptHasher().hash(password)
        _ = try SyntheticStore.build(at: path, scale: 1, now: Date(), hash: hash)
        Console.err(ctx.t("\(sessions) sessies, \(seconds) s elk, op een opslag van Borne-schaal…", "\(sessions) sessions, \(seconds) s each, on a Borne-scale store…"))
        let started = Date()
        var children: [(pid: pid_t, out: String)] = []
        for k in 0..<sessions {
            let out = NSTemporaryDirectory() + "sociaalhus-load-\(getpid())-\(k)"
            // With SOCIAALHUS_LOAD_TRACE set, the sessions' slow keys go to this file.
            let trace = ProcessInfo.processInfo.environment["SOCIAALHUS_LOAD_TRACE"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/dev/null"
            children.append((try BenchCommand.spawn(["bench-child", "--store", path, "--session", String(k + 1), "--seconds", String(seconds)],
                                                    stdoutPath: out, stderrPath: trace), out))
        }
        var results: [SessionResult] = []
        var failed = 0
        for child in children {
            var status: Int32 = 0
            while waitpid(child.pid, &status, 0) < 0 && errno == EINTR {}
            defer { unlink(child.out) }
            if status == 0, let data = FileManager.default.contents(atPath: child.out), let r = try? JSONDecoder().decode(SessionResult.self, from: data) {
                results.append(r)
            } else {
                failed += 1
            }
        }
        let elapsed = Date().timeIntervalSince(started)
        // Every post a session was told is on the board is there; the store checks sound.
        let store = try Store.open(at: path)
        let titles = Set(store.posts(for: .commandLine, now: Date(), lang: .dutch).map(\.post.title))
        let saved = results.flatMap(\.saved)
        let lost = saved.filter { !titles.contains($0) }
        let check = StoreCheck.run(at: path)
        let keys = results.flatMap(\.keyMS).sorted()
        func pct(_ p: Double) -> Double { keys.isEmpty ? 0 : keys[min(Int(Double(keys.count) * p), keys.count - 1)] }
        let idle = results.map(\.idleMB).sorted(), peak = results.map(\.peakMB).sorted()
        Console.out("| sessions | seconds | key presses | key to frame p50 / p99 / max | memory per session, idle (median / max) | peak (max) | changes/s | refused | lost | check |")
        Console.out("|---|---|---|---|---|---|---|---|---|---|")
        Console.out(String(format: "| %d | %d | %d | %.2f / %.2f / %.2f ms | %.0f / %.0f MB | %.0f MB | %.1f | %d | %d | ",
                           sessions, seconds, keys.count, pct(0.5), pct(0.99), keys.last ?? 0, idle.isEmpty ? 0 : idle[idle.count / 2], idle.last ?? 0,
                           peak.last ?? 0, Double(saved.count) / max(elapsed, 1), results.map(\.refused).reduce(0, +), lost.count)
                    + (check.isSound ? "sound" : "PROBLEMS") + " |")
        if failed > 0 { Console.err(ctx.t("\(failed) sessie(s) zonder uitslag.", "\(failed) session(s) without a result.")) }
        for title in lost.prefix(5) { Console.err(ctx.t("Kwijt: ", "Lost: ") + title) }
        return failed == 0 && lost.isEmpty && check.isSound
    }

    /// One session in this process (`bench-child --session K`): logs in as resident K and uses
    /// the app for `seconds`; prints a `SessionResult` as JSON.
    static func session(_ k: Int, seconds: Int, path: String) throws {
        let store = try Store.open(at: path)
        let app = App(context: UIContext(store: store, language: .dutch, exportDirectory: NSTemporaryDirectory()))
        let size = Size(cols: 80, rows: 24)
        var times: [Double] = []
        var saved: [String] = [], refused = 0
        let traced = ProcessInfo.processInfo.environment["SOCIAALHUS_LOAD_TRACE"] != nil
        let slow = Double(ProcessInfo.processInfo.environment["SOCIAALHUS_LOAD_TRACE_MS"] ?? "") ?? 50
        func press(_ keys: [Key], pause: Double = 0.15) {
            for key in keys {
                let t = DispatchTime.now().uptimeNanoseconds
                app.handle(key)
                _ = app.render(size: size)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
                if traced, times.last! > slow {
                    FileHandle.standardError.write(Data("slow \(key) \(Int(times.last!)) ms on \(app.current.title(app.ctx))\n".utf8))
                }
                // A person's pace, with some spread; the idle tick runs as the run loop's would.
                usleep(UInt32(pause * Double.random(in: 0.5...1.5) * 1_000_000))
                let tick = DispatchTime.now().uptimeNanoseconds
                app.tick()
                let tickMS = Double(DispatchTime.now().uptimeNanoseconds - tick) / 1e6
                if traced, tickMS > slow {
                    FileHandle.standardError.write(Data("slow tick \(Int(tickMS)) ms on \(app.current.title(app.ctx))\n".utf8))
                }
            }
        }
        func type(_ text: String) { press(text.map { Key.char($0) }, pause: 0.05) }
        _ = app.render(size: size)
        press([.char("4")])
        type("bewoner\(k)@example.nl")
        press([.tab])
        type(password)
        press([.enter])
        guard app.ctx.session != nil else {
            throw CoreError.storeIO(file: path, problem: "session \(k) could not log in")
        }
        // The login's own cost is yescrypt's (by design slow, and 64 MB while it hashes), not a
        // key's: the times count from here.
        times.removeAll()
        // Idle for a moment, to measure what a session costs while nobody types.
        usleep(300_000)
        app.tick()
        let idle = BenchCommand.statusMegabytes("VmRSS")
        let deadline = Date().addingTimeInterval(Double(seconds))
        var round = 0
        while Date() < deadline {
            round += 1
            press([.char("1")] + Array(repeating: .down, count: 5) + [.pageDown, .enter, .escape])
            press([.char("/")])
            type("Activiteit \(k % 9)")
            press([.enter, .down, .escape, .escape])
            press([.char("2"), .down, .down, .enter, .escape])
            // A post, every other round.
            if round % 2 == 1 {
                let title = "Belastingvraag \(k)-\(round)"
                press([.char("n"), .tab])
                type(title)
                press([.tab])
                type("Wie weet hoe dit werkt? (sessie \(k))")
                press([.ctrl("s")])
                if app.ctx.message?.text.contains("Je bericht staat op het prikbord") == true { saved.append(title) } else { refused += 1; press([.escape, .char("j")]) }
            }
        }
        let result = SessionResult(keyMS: times, idleMB: idle, peakMB: BenchCommand.peakMegabytes(), saved: saved, refused: refused)
        FileHandle.standardOutput.write(try JSONEncoder().encode(result))
    }
}
