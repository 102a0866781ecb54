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
        var tickMS: [Double]
        var idleMB: Double
        var peakMB: Double
        var posts: [String]
        var messages: [String]
        var intakes: [String]
        var refused: Int
    }

    /// The password of every synthetic account (they share one hash; see `SyntheticStore`).
    static let password = "synthetic benchmark password"

    /// A fast person's pace (seconds, each spread from half to one and a half times): typing
    /// about seven keys a second (80 words a minute), moving through lists about three, and a
    /// moment to read what was opened. A hundred sessions at this pace press some 350 keys a
    /// second together: every resident and desk at once, none of them pausing longer.
    /// `SOCIAALHUS_LOAD_PACE` multiplies every pause (0.33: three times as fast, a stress test).
    static let pace = max(Double(ProcessInfo.processInfo.environment["SOCIAALHUS_LOAD_PACE"] ?? "") ?? 1, 0.01)
    static let typing = 0.15 * pace, moving = 0.35 * pace, reading = 1.0 * pace

    /// Every tenth session is a desk staff member recording intakes; the others are residents.
    static func isDesk(_ k: Int) -> Bool { k % 10 == 0 }

    static func run(sessions: Int, seconds: Int, ctx: CommandContext) throws -> Bool {
        let path = NSTemporaryDirectory() + "sociaalhus-load-\(getpid())"
        var children: [(pid: pid_t, out: String)] = []
        // Ctrl-C (or a hangup) stops every session and takes the temporary store away.
        let stop: @Sendable () -> Void = {
            try? FileManager.default.removeItem(atPath: path)
            unlink(path + "-go")
            for k in 0..<sessions {
                unlink(NSTemporaryDirectory() + "sociaalhus-load-\(getpid())-\(k)")
                unlink(path + "-go.ready.\(k + 1)")
            }
        }
        let pids = PIDList()
        var sources: [DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                // (The sessions inherit the ignored signals: they are killed, and waited for until
                // gone, whoever reaps them, before their store is taken away.)
                for pid in pids.all { kill(pid, SIGKILL) }
                for pid in pids.all { while kill(pid, 0) == 0 { var st: Int32 = 0; waitpid(pid, &st, WNOHANG); usleep(10_000) } }
                stop()
                exit(128 + sig)
            }
            source.resume()
            sources.append(source)
        }
        defer { sources.forEach { $0.cancel() }; stop() }
        let hash = try YescryptHasher().hash(password)
        _ = try SyntheticStore.build(at: path, scale: 1, now: Date(), hash: hash)
        try LoadStore.addDeskStaff((1...sessions).filter(isDesk), at: path, hash: hash, now: Date())
        Console.err(ctx.t(.sessionsSEachOnBorne(sessions, seconds)))
        let started = Date()
        for k in 0..<sessions {
            let out = NSTemporaryDirectory() + "sociaalhus-load-\(getpid())-\(k)"
            // With SOCIAALHUS_LOAD_TRACE set to a file, the sessions' slow keys go there.
            let trace = ProcessInfo.processInfo.environment["SOCIAALHUS_LOAD_TRACE"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/dev/null"
            let pid = try BenchCommand.spawn(["bench-child", "--store", path, "--session", String(k + 1), "--seconds", String(seconds), "--go", path + "-go"],
                                             stdoutPath: out, stderrPath: trace)
            pids.add(pid)
            children.append((pid, out))
        }
        // Every session logs in first (yescrypt, by design a tenth of a second of a core each),
        // then all use the app at once: the keys are timed with every session in use, not
        // beside the others' logins (300 logins kept this machine's two cores busy for about
        // 15 s of a 20 s run). How long the logins took is reported beside.
        let loginDeadline = Date().addingTimeInterval(30 + Double(sessions) * 0.5)
        var ended: [pid_t: Int32] = [:]
        while Date() < loginDeadline, ended.isEmpty,
              (1...sessions).contains(where: { access(path + "-go.ready.\($0)", F_OK) != 0 }) {
            usleep(50_000)
            // A session that ended before it was ready (could not log in): no waiting for it.
            for child in children {
                var status: Int32 = 0
                if waitpid(child.pid, &status, WNOHANG) == child.pid { ended[child.pid] = status }
            }
        }
        let loggedIn = Date().timeIntervalSince(started)
        FileManager.default.createFile(atPath: path + "-go", contents: Data())
        var results: [SessionResult] = []
        var failed = 0
        for child in children {
            var status: Int32 = ended[child.pid] ?? 0
            if ended[child.pid] == nil { while waitpid(child.pid, &status, 0) < 0 && errno == EINTR {} }
            defer { unlink(child.out) }
            if status == 0, let data = FileManager.default.contents(atPath: child.out), let r = try? JSONDecoder().decode(SessionResult.self, from: data) {
                results.append(r)
            } else {
                failed += 1
            }
        }
        let elapsed = Date().timeIntervalSince(started) - loggedIn
        // Every post, message and intake a session was told was saved is there; the store checks sound.
        let lost = try LoadStore.missing(posts: results.flatMap(\.posts), messages: results.flatMap(\.messages), intakes: results.flatMap(\.intakes), at: path)
        let check = StoreCheck.run(at: path)
        func pct(_ xs: [Double], _ p: Double) -> Double { xs.isEmpty ? 0 : xs[min(Int(Double(xs.count) * p), xs.count - 1)] }
        let keys = results.flatMap(\.keyMS).sorted(), ticks = results.flatMap(\.tickMS).sorted()
        let idle = results.map(\.idleMB).sorted(), peak = results.map(\.peakMB).sorted()
        let changes = results.reduce(0) { $0 + $1.posts.count + $1.messages.count + $1.intakes.count }
        Console.out("| sessions | all logged in after | seconds | key presses | key to frame p50 / p99 / max | idle tick p99 / max | memory per session, idle (median / max) | peak (max) | changes/s (posts, messages, intakes) | refused | lost | check |")
        Console.out("|---|---|---|---|---|---|---|---|---|---|---|---|")
        Console.out(String(format: "| %d | %.1f s | %d | %d | %.2f / %.2f / %.2f ms | %.2f / %.2f ms | %.0f / %.0f MB | %.0f MB | %.1f (%d, %d, %d) | %d | %d | ",
                           sessions, loggedIn, seconds, keys.count, pct(keys, 0.5), pct(keys, 0.99), keys.last ?? 0, pct(ticks, 0.99), ticks.last ?? 0,
                           idle.isEmpty ? 0 : idle[idle.count / 2], idle.last ?? 0, peak.last ?? 0, Double(changes) / max(elapsed, 1),
                           results.flatMap(\.posts).count, results.flatMap(\.messages).count, results.flatMap(\.intakes).count,
                           results.map(\.refused).reduce(0, +), lost.count)
                    + (check.isSound ? "sound" : "PROBLEMS") + " |")
        if failed > 0 { Console.err(ctx.t(.sessionSWithoutResult(failed))) }
        for what in lost.prefix(5) { Console.err(ctx.t(.lost) + what) }
        return failed == 0 && lost.isEmpty && check.isSound
    }

    /// The children's process ids, for the signal handler.
    final class PIDList: @unchecked Sendable {
        private let lock = NSLock()
        private var pids: [pid_t] = []
        func add(_ pid: pid_t) { lock.withLock { pids.append(pid) } }
        var all: [pid_t] { lock.withLock { pids } }
    }

    /// One session in this process (`bench-child --session K`): logs in as resident K (or desk
    /// staff member K, every tenth) and uses the app for `seconds`; prints a `SessionResult` as JSON.
    static func session(_ k: Int, seconds: Int, path: String, go: String? = nil) throws {
        let store = try Store.open(at: path)
        let app = App(context: UIContext(store: store, language: .dutch, exportDirectory: NSTemporaryDirectory()))
        let size = Size(cols: 80, rows: 24)
        var times: [Double] = [], ticks: [Double] = []
        var result = SessionResult(keyMS: [], tickMS: [], idleMB: 0, peakMB: 0, posts: [], messages: [], intakes: [], refused: 0)
        let traced = ProcessInfo.processInfo.environment["SOCIAALHUS_LOAD_TRACE"] != nil
        let slow = Double(ProcessInfo.processInfo.environment["SOCIAALHUS_LOAD_TRACE_MS"] ?? "") ?? 50
        func ms(since t: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6 }
        func press(_ keys: [Key], pause: Double = moving) {
            for key in keys {
                let t = DispatchTime.now().uptimeNanoseconds
                app.handle(key)
                _ = app.render(size: size)
                times.append(ms(since: t))
                if traced, times.last! > slow {
                    FileHandle.standardError.write(Data("slow \(key) \(Int(times.last!)) ms on \(app.current.title(app.ctx))\n".utf8))
                }
                usleep(UInt32(pause * Double.random(in: 0.5...1.5) * 1_000_000))
                // The idle tick, as the run loop's (a key arriving meanwhile waits for it).
                let tick = DispatchTime.now().uptimeNanoseconds
                app.tick()
                _ = app.render(size: size)
                ticks.append(ms(since: tick))
                if traced, ticks.last! > slow {
                    FileHandle.standardError.write(Data("slow tick \(Int(ticks.last!)) ms on \(app.current.title(app.ctx))\n".utf8))
                }
            }
        }
        func type(_ text: String) { press(text.map { Key.char($0) }, pause: typing) }
        func read() { usleep(UInt32(reading * Double.random(in: 0.5...1.5) * 1_000_000)) }
        /// Whether the last action was confirmed with `text`; if not, counted and left with Esc.
        func confirmed(_ text: String) -> Bool {
            if app.ctx.message?.text.contains(text) == true { return true }
            result.refused += 1
            if traced { FileHandle.standardError.write(Data("refused (\(text)): \(app.ctx.message?.text ?? "no message") on \(app.current.title(app.ctx))\n".utf8)) }
            press([.escape, .char("j")])
            return false
        }
        let desk = isDesk(k)
        _ = app.render(size: size)
        press([.char("4")])
        type(desk ? LoadStore.deskEmail(k) : "bewoner\(k)@example.nl")
        press([.tab])
        type(password)
        press([.enter])
        guard app.ctx.session != nil else {
            throw CoreError.storeIO(file: path, problem: "session \(k) could not log in")
        }
        // The login's own cost is yescrypt's (by design slow, and 64 MB while it hashes), not a
        // key's: the times count from here.
        times.removeAll()
        ticks.removeAll()
        // Idle for a moment, to measure what a session costs while nobody types.
        usleep(300_000)
        app.tick()
        result.idleMB = BenchCommand.statusMegabytes("VmRSS")
        // Ready; idle (its tick once a second, as the run loop's) until every session is.
        if let go {
            FileManager.default.createFile(atPath: go + ".ready.\(k)", contents: Data())
            let latest = Date().addingTimeInterval(600)
            var lastTick = Date()
            while access(go, F_OK) != 0, Date() < latest {
                usleep(20_000)
                if Date().timeIntervalSince(lastTick) >= 1 { app.tick(); _ = app.render(size: size); lastTick = Date() }
            }
        }
        let deadline = Date().addingTimeInterval(Double(seconds))
        var round = 0
        while Date() < deadline {
            round += 1
            // The agenda: down the list, open an activity, read it, back.
            press([.char("1")] + Array(repeating: .down, count: 5) + [.pageDown, .enter])
            read()
            press([.escape])
            if desk {
                // An intake, as the desk records it: the question, the subject, a name and phone.
                let question = "Vraag over huurtoeslag \(k)-\(round)"
                press([.char("5"), .char("n")])
                type(question)
                press([.tab, .right, .tab])
                type("Bewoner \(k)")
                press([.tab])
                type("06 1234 \(1000 + round)")
                press([.ctrl("s")])
                if confirmed("Gesprek opgeslagen") { result.intakes.append(question) }
                // (The saved conversation stays open for a referral; back to the day's list.)
                press([.escape])
                continue
            }
            // A search typed letter by letter, the first match opened and read.
            press([.char("/")])
            type("Activiteit \(k % 9)")
            press([.enter, .down, .enter])
            read()
            press([.escape, .escape])
            // The notice board: a post opened and read.
            press([.char("2"), .down, .down, .enter])
            read()
            // A message to its writer, every third round.
            if round % 3 == 1 {
                let text = "Ik kan helpen (sessie \(k), ronde \(round))"
                press([.char("c"), .tab, .tab])
                type(text)
                press([.ctrl("s")])
                if confirmed("Je bericht is verstuurd") { result.messages.append(text) }
            }
            press([.escape])
            // A post, every other round (from the second).
            if round % 2 == 0 {
                let title = "Belastingvraag \(k)-\(round)"
                press([.char("n"), .tab])
                type(title)
                press([.tab])
                type("Wie weet hoe dit werkt? (sessie \(k))")
                press([.ctrl("s")])
                if confirmed("Je bericht staat op het prikbord") { result.posts.append(title) }
            }
        }
        result.keyMS = times
        result.tickMS = ticks
        result.peakMB = BenchCommand.peakMegabytes()
        FileHandle.standardOutput.write(try JSONEncoder().encode(result))
    }
}
