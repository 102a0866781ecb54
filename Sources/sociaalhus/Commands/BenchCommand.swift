import Foundation
import SociaalHusCore
import SociaalHusUI
import TerminalKit
#if canImport(Glibc)
import Glibc
#endif

/// `sociaalhus bench [--scale N] [--runs R]`: builds a synthetic store and measures open, one
/// durable change, erase, the agenda of one wijk for 8 weeks, and peak memory.
///
/// Each run is a fresh child process (`bench-child`), so "open" is a real start and the peak
/// memory is that of a process that opens the store and works with it, not of the generator.
enum BenchCommand {
    /// Timings of one child run, in milliseconds, plus its peak resident memory in MB.
    struct RunResult: Codable {
        var open: Double
        var change: [Double]
        var erase: [Double]
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
        Console.err(ctx.t("Let op: dit is een debug-build; meet met 'swift run -c release sociaalhus bench'.",
                          "Note: this is a debug build; measure with 'swift run -c release sociaalhus bench'."))
        #endif
        let hash = try YescryptHasher().hash("synthetic benchmark password")
        let now = Date()
        Console.out("| scale | records | open (median / worst) | one change | erase | agenda 8 weeks, 1 wijk | peak memory | first frame (process) | its peak memory |")
        Console.out("|---|---|---|---|---|---|---|---|---|")
        for scale in scales {
            let base = keep ?? NSTemporaryDirectory()
            let path = base + "/sociaalhus-bench-\(scale)-\(getpid())"
            defer { if keep == nil { try? FileManager.default.removeItem(atPath: path) } }
            let started = Date()
            let size = try SyntheticStore.build(at: path, scale: scale, now: now, hash: hash)
            Console.err(ctx.t("Schaal \(scale): opslag gebouwd in \(String(format: "%.1f", Date().timeIntervalSince(started))) s; \(runs) metingen…",
                              "Scale \(scale): store built in \(String(format: "%.1f", Date().timeIntervalSince(started))) s; \(runs) runs…"))
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
            Console.out("| \(scale) | \(records) | \(cell(results.map(\.open))) | \(cell(results.flatMap(\.change))) | \(cell(results.flatMap(\.erase))) | \(cell(results.flatMap(\.agenda))) (\(results[0].agendaOccurrences) occurrences) | \(String(format: "%.0f MB", results.map(\.peakMB).max() ?? 0)) | \(cell(frames.map(\.wallMS))) | \(String(format: "%.0f MB", frames.map(\.peakMB).max() ?? 0)) |")
        }
    }

    static func spawnChild(path: String, run: Int) throws -> RunResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        p.arguments = ["bench-child", "--store", path, "--run", String(run)]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CoreError.storeIO(file: path, problem: "benchmark run \(run) failed") }
        return try JSONDecoder().decode(RunResult.self, from: data)
    }

    /// This process's peak resident memory: VmHWM of /proc/self/status, which belongs to the
    /// address space and so starts anew at exec. (`ru_maxrss` does not: a child spawned by the
    /// benchmark that had built a 500 MB store reported that parent's peak as its own.)
    static func peakMegabytes() -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kb / 1024
        }
        return 0
    }

    /// Times a child that starts, opens the store, draws the first agenda frame and exits.
    static func spawnFrame(path: String) throws -> FrameResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        p.arguments = ["bench-child", "--store", path, "--frame"]
        let pipe = Pipe()
        p.standardOutput = pipe
        let t = DispatchTime.now().uptimeNanoseconds
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let wall = Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6
        guard p.terminationStatus == 0 else { throw CoreError.storeIO(file: path, problem: "first-frame run failed") }
        return FrameResult(wallMS: wall, peakMB: try JSONDecoder().decode(FrameResult.self, from: data).peakMB)
    }

    /// One measured run in a fresh process; prints a `RunResult` as JSON. With `--frame`: only
    /// the interface's first frame (the agenda at 80×24, drawn into a grid as the terminal would get it).
    static func child(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let path = try args.required("store")
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
        let accounts = SyntheticStore.accountIDs(in: store)
        var change: [Double] = [], erase: [Double] = [], agenda: [Double] = []
        var occurrences = 0
        let wijk = store.wijken[0].id
        for i in 0..<5 {
            let id = accounts[(run * 37 + i * 101) % accounts.count]
            let a = store.ownAccount(id)!
            change.append(try ms { try store.setEmailPreference(.announcement, to: !a.profile.email.announcements, for: id, by: .account(a)) })
            agenda.append(try ms { occurrences = try store.agenda(AgendaQuery(wijk: wijk, from: Date(), days: 56), viewer: .visitor).count })
        }
        for i in 0..<3 {
            let id = accounts[accounts.count - 1 - (run * 3 + i)]
            erase.append(try ms { try store.erase(id, by: .commandLine) })
        }
        let result = RunResult(open: open, change: change, erase: erase, agenda: agenda, agendaOccurrences: occurrences,
                               peakMB: peakMegabytes())
        FileHandle.standardOutput.write(try JSONEncoder().encode(result))
    }
}
