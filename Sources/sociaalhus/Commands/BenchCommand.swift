import Foundation
import SociaalHusBench
@_spi(Operator) import SociaalHusCore
import SociaalHusUI
import TerminalKit
#if canImport(Glibc)
import Glibc
#endif

/// `sociaalhus bench [--scale N] [--runs R]`: builds a synthetic store and measures open, one
/// durable change, erase (and, apart, the count of texts that still name the person), the agenda
/// of one wijk for 8 weeks, and peak memory.
///
/// Each run is a fresh child process (`bench-child`), so "open" is a real start and the peak
/// memory is that of a process that opens the store and works with it, not of the generator.
enum BenchCommand {
    /// Timings of one child run, in milliseconds, plus its peak resident memory in MB.
    struct RunResult: Codable {
        var open: Double
        var change: [Double]
        var erase: [Double]
        /// Counting the texts of others that still name the erased person, after each erasure.
        var count: [Double]
        var agenda: [Double]
        var agendaOccurrences: Int
        var peakMB: Double
    }

    /// The first frame of the interface, as a whole process: start, open, draw the agenda, exit.
    struct FrameResult: Codable {
        var wallMS: Double
        var peakMB: Double
    }

    static func run(_ args: inout Arguments, _ ctx: CommandContext) throws {
        if let sessionsText = args.value("sessions") {
            let secondsText = args.value("seconds") ?? "30"
            guard let n = Int(sessionsText), (1...500).contains(n) else { throw CLIError.invalidValue(option: "sessions", value: sessionsText, expected: "1–500") }
            guard let secs = Int(secondsText), (1...3600).contains(secs) else { throw CLIError.invalidValue(option: "seconds", value: secondsText, expected: "1–3600") }
            if !(try LoadTest.run(sessions: n, seconds: secs, ctx: ctx)) { throw CLIError.loadTestFailed }
            return
        }
        let scaleText = args.value("scale")
        let runsText = args.value("runs") ?? "5"
        let keep = args.value("dir")
        guard let runs = Int(runsText), (1...50).contains(runs) else {
            throw CLIError.invalidValue(option: "runs", value: runsText, expected: "1–50")
        }
        var scales = [1, 10]
        if let scaleText {
            guard let s = Int(scaleText), (1...20).contains(s) else { throw CLIError.invalidValue(option: "scale", value: scaleText, expected: "1–20") }
            scales = [s]
        }
        #if DEBUG
        Console.err(ctx.t(.noteThisIsDebugBuild))
        #endif
        let hash = try YescryptHasher().hash("synthetic benchmark password")
        let now = Date()
        var processRows: [String] = []
        defer {
            Console.out("")
            Console.out("| scale | first frame (process) | its peak | one change (`account block`/`unblock`) | its peak | `agenda`, 1 wijk, 56 days | its peak | `agenda`, all, 366 days | its peak | key to frame in the agenda list, p50 / p99 / max |")
            Console.out("|---|---|---|---|---|---|---|---|---|---|")
            for row in processRows { Console.out(row) }
        }
        Console.out("| scale | records | open (median / worst) | one change | erase | then counting texts naming them | agenda screen, 8 weeks, 1 wijk | peak memory |")
        Console.out("|---|---|---|---|---|---|---|---|")
        for scale in scales {
            let base = keep ?? NSTemporaryDirectory()
            let path = base + "/sociaalhus-bench-\(scale)-\(getpid())"
            defer { if keep == nil { try? FileManager.default.removeItem(atPath: path) } }
            let started = Date()
            let size = try SyntheticStore.build(at: path, scale: scale, now: now, hash: hash)
            Console.err(ctx.t(.scaleStoreBuiltInS(scale, String(format: "%.1f", Date().timeIntervalSince(started)), runs)))
            var results: [RunResult] = []
            var frames: [FrameResult] = []
            for r in 0..<runs {
                frames.append(try spawnFrame(path: path))
                results.append(try spawnChild(path: path, run: r))
            }
            let records = size.accounts + size.organisations + size.agenda + size.posts + size.messages
            func cell(_ values: [Double]) -> String {
                let s = values.sorted()
                return String(format: "%.1f / %.1f ms", s[s.count / 2], s.last ?? 0)
            }
            // Whole processes, as a person or a script starts them.
            let wijkName = SyntheticStore.firstWijkName
            var blockRuns: [FrameResult] = [], wijkRuns: [FrameResult] = [], yearRuns: [FrameResult] = []
            for r in 0..<runs {
                let email = "bewoner\(1 + r)@example.nl"
                blockRuns.append(try spawnCommand(["account", "block", "--store", path, "--email", email, "--reason", "benchmark"]))
                blockRuns.append(try spawnCommand(["account", "unblock", "--store", path, "--email", email]))
                wijkRuns.append(try spawnCommand(["agenda", "--store", path, "--wijk", wijkName, "--days", "56"]))
                yearRuns.append(try spawnCommand(["agenda", "--store", path, "--days", "366"]))
            }
            let keys = try spawnKeys(path: path).sorted()
            func peak(_ rs: [FrameResult]) -> String { String(format: "%.0f MB", rs.map(\.peakMB).max() ?? 0) }
            processRows.append("| \(scale) | \(cell(frames.map(\.wallMS))) | \(peak(frames)) | \(cell(blockRuns.map(\.wallMS))) | \(peak(blockRuns)) | \(cell(wijkRuns.map(\.wallMS))) | \(peak(wijkRuns)) | \(cell(yearRuns.map(\.wallMS))) | \(peak(yearRuns)) | "
                + String(format: "%.2f / %.2f / %.2f ms |", keys[keys.count / 2], keys[Int(Double(keys.count) * 0.99)], keys.last ?? 0))
            Console.out("| \(scale) | \(records) | \(cell(results.map(\.open))) | \(cell(results.flatMap(\.change))) | \(cell(results.flatMap(\.erase))) | \(cell(results.flatMap(\.count))) | \(cell(results.flatMap(\.agenda))) (\(results[0].agendaOccurrences) occurrences) | \(String(format: "%.0f MB", results.map(\.peakMB).max() ?? 0)) |")
        }
    }

    /// Starts this binary with `args` through `posix_spawn` (Foundation's `Process` added some
    /// 50 ms to every start from a parent this size), standard output to `stdoutPath`, standard
    /// input from `stdinPath`; waits, and returns the wall time in ms and the exit status.
    /// Starts this binary with `args` (posix_spawn; Foundation's Process added about 50 ms per
    /// start) and returns its pid without waiting.
    static func spawn(_ args: [String], env: [String: String] = [:], stdoutPath: String = "/dev/null", stdinPath: String = "/dev/null",
                      stderrPath: String = "/dev/null") throws -> pid_t {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        let environment = ProcessInfo.processInfo.environment.merging(env) { $1 }.map { "\($0.key)=\($0.value)" }
        let argv = ([exe] + args).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, exe, &actions, nil, argv, envp) == 0 else { throw CoreError.storeIO(file: exe, problem: "could not start") }
        return pid
    }

    static func spawnTimed(_ args: [String], env: [String: String] = [:], stdoutPath: String = "/dev/null", stdinPath: String = "/dev/null") throws -> (Double, Int32) {
        let t = DispatchTime.now().uptimeNanoseconds
        let pid = try spawn(args, env: env, stdoutPath: stdoutPath, stdinPath: stdinPath)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let wall = Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6
        return (wall, (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f))
    }

    /// Runs this binary with `args` as a whole process (output to /dev/null); its wall time and
    /// the peak memory it reported at exit (`SOCIAALHUS_PEAK_FILE`, see main.swift).
    static func spawnCommand(_ args: [String]) throws -> FrameResult {
        let peakFile = NSTemporaryDirectory() + "sociaalhus-peak-\(getpid())-\(UUID().uuidString)"
        defer { unlink(peakFile) }
        let (wall, status) = try spawnTimed(args, env: ["SOCIAALHUS_PEAK_FILE": peakFile])
        guard status == 0 else { throw CoreError.storeIO(file: args.joined(separator: " "), problem: "exited \(status)") }
        let peak = Double((try? String(contentsOfFile: peakFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
        return FrameResult(wallMS: wall, peakMB: peak)
    }

    /// Key press to frame in the agenda list, in a fresh process: every press's milliseconds.
    static func spawnKeys(path: String) throws -> [Double] {
        try spawnJSON(["bench-child", "--store", path, "--keys"], failure: "key run failed")
    }

    static func spawnChild(path: String, run: Int) throws -> RunResult {
        try spawnJSON(["bench-child", "--store", path, "--run", String(run)], failure: "benchmark run \(run) failed")
    }

    /// Runs this binary with `args` and decodes what it prints as JSON.
    static func spawnJSON<T: Decodable>(_ args: [String], failure: String) throws -> T {
        try spawnJSONTimed(args, failure: failure).0
    }

    /// Runs this binary with `args`: what it prints, decoded as JSON, and its wall time in ms.
    static func spawnJSONTimed<T: Decodable>(_ args: [String], failure: String) throws -> (T, Double) {
        let out = NSTemporaryDirectory() + "sociaalhus-bench-\(getpid())-\(UUID().uuidString)"
        defer { unlink(out) }
        let (wall, status) = try spawnTimed(args, stdoutPath: out)
        guard status == 0, let data = FileManager.default.contents(atPath: out) else { throw CoreError.storeIO(file: args.joined(separator: " "), problem: failure) }
        return (try JSONDecoder().decode(T.self, from: data), wall)
    }

    /// This process's peak resident memory: VmHWM of /proc/self/status, which belongs to the
    /// address space and so starts anew at exec. (`ru_maxrss` does not: a child spawned by the
    /// benchmark that had built a 500 MB store reported that parent's peak as its own.)
    static func peakMegabytes() -> Double { statusMegabytes("VmHWM") }

    /// One memory line of /proc/self/status ("VmHWM", "VmRSS"), in megabytes.
    static func statusMegabytes(_ field: String) -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kb / 1024
        }
        return 0
    }

    /// Times a child that starts, opens the store, draws the first agenda frame and exits.
    static func spawnFrame(path: String) throws -> FrameResult {
        let (frame, wall): (FrameResult, Double) = try spawnJSONTimed(["bench-child", "--store", path, "--frame"], failure: "first-frame run failed")
        return FrameResult(wallMS: wall, peakMB: frame.peakMB)
    }

    /// One measured run in a fresh process; prints a `RunResult` as JSON. With `--frame`: only
    /// the interface's first frame (the agenda at 80×24, drawn into a grid as the terminal would get it).
    static func child(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let path = try args.required("store")
        if let k = args.value("session").flatMap(Int.init) {
            try LoadTest.session(k, seconds: Int(args.value("seconds") ?? "10") ?? 10, path: path, go: args.value("go"))
            return
        }
        if args.flag("keys") {
            // Key press to frame in the agenda list: ↓ 300 times, then PgDn and PgUp 20 times each.
            let store = try Store.open(at: path)
            let app = App(context: UIContext(store: store, language: .dutch, exportDirectory: NSTemporaryDirectory()))
            _ = app.render(size: Size(cols: 80, rows: 24))
            var times: [Double] = []
            for key in Array(repeating: Key.down, count: 300) + Array(repeating: Key.pageDown, count: 20) + Array(repeating: Key.pageUp, count: 20) {
                let t = DispatchTime.now().uptimeNanoseconds
                app.handle(key)
                _ = app.render(size: Size(cols: 80, rows: 24))
                times.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
            }
            FileHandle.standardOutput.write(try JSONEncoder().encode(times))
            return
        }
        if args.flag("frame") {
            let store = try Store.open(at: path)
            let app = App(context: UIContext(store: store, language: .dutch, exportDirectory: NSTemporaryDirectory()))
            let grid = app.render(size: Size(cols: 80, rows: 24))
            guard grid.lines.contains(where: { $0.contains("Agenda") }) else { throw CoreError.storeIO(file: path, problem: "no agenda drawn") }
            FileHandle.standardOutput.write(try JSONEncoder().encode(FrameResult(wallMS: 0, peakMB: peakMegabytes())))
            return
        }
        let run = Int(args.value("run") ?? "0") ?? 0
        func ms(_ body: () throws -> Void) rethrows -> Double {
            let t = DispatchTime.now().uptimeNanoseconds
            try body()
            return Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6
        }
        var store: Store!
        let open = try ms { store = try Store.open(at: path) }
        // The synthetic accounts are numbered 1…n: counted, not read (reading them all was most
        // of this process's memory).
        let accounts = (1...max(store.accountCount, 1)).map { AccountID($0) }
        var change: [Double] = [], erase: [Double] = [], count: [Double] = [], agenda: [Double] = []
        var occurrences = 0
        let wijk = store.wijken[0].id
        for i in 0..<5 {
            let id = accounts[(run * 37 + i * 101) % accounts.count]
            let a = store.ownAccount(id)!
            change.append(try ms { try store.perform(.setEmailPreference(.announcement, to: !a.profile.email.announcements, for: id), as: .account(a)) })
            // What the agenda screen asks: the count per day and the first screenful.
            agenda.append(try ms {
                let listing = try store.agendaListing(AgendaQuery(wijk: wijk, from: Date(), days: 56), viewer: .visitor)
                occurrences = listing.count
                for k in 0..<min(20, listing.count) { _ = listing.occurrence(at: k) }
            })
        }
        for i in 0..<3 {
            let id = accounts[accounts.count - 1 - (run * 3 + i)]
            // The erasure itself, then (as `erase` does unless told not to) the count of texts
            // that still name them, which reads every text and holds no lock: timed apart.
            let person = store.ownAccount(id)!
            erase.append(try ms { try store.perform(.erase(id, countingNames: false), as: .commandLine) })
            count.append(try ms { _ = try store.textsNaming(person) })
        }
        let result = RunResult(open: open, change: change, erase: erase, count: count, agenda: agenda, agendaOccurrences: occurrences,
                               peakMB: peakMegabytes())
        FileHandle.standardOutput.write(try JSONEncoder().encode(result))
    }
}
