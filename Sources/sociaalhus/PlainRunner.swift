import CursesTerminal
import Foundation
import SociaalHusUI
import TerminalKit
import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// Runs plain mode on standard input and output: a line in, lines out; about once a second
/// without input the idle clock ticks (poll, no busy loop). End of input quits, as Ctrl-C does.
struct PlainRunner {
    let app: App
    /// Write ASCII only (no UTF-8 locale, or --ascii): each character's stand-in.
    var ascii = false

    func run() {
        let ascii = self.ascii
        // A shared terminal forgets: when a session ends, the screen and the
        // scrollback are cleared before the next line is written, so what the person saw is not
        // one scroll up for whoever comes next; and at the end when someone was logged in. Only
        // on a terminal whose terminfo can clear (not TERM=dumb, not a pipe or file, where these
        // bytes would be noise in what is read or kept).
        let forget = isatty(STDOUT_FILENO) == 1 ? CursesTerminal.forgetSequence() : nil
        let app = self.app
        var ended = app.sessionsEnded
        var heldSomeone = app.holdsSomeone
        func clearIfEnded() {
            guard app.sessionsEnded != ended else { return }
            ended = app.sessionsEnded
            heldSomeone = false
            if var f = forget { f.withUTF8 { Console.writeAll(UnsafeRawBufferPointer($0)) } }
        }
        let session = PlainSession(app: app) { line in
            clearIfEnded()
            if app.holdsSomeone { heldSomeone = true }
            var text = (ascii ? line.map { AsciiFallback.ascii(String($0)) }.joined() : line) + "\n"
            text.withUTF8 { Console.writeAll(UnsafeRawBufferPointer($0)) }
        }
        // On a terminal: lines broken to its width, pages that fit its height.
        func measure() {
            var rows: Int32 = 0, cols: Int32 = 0
            session.terminal = isatty(STDOUT_FILENO) == 1 && cn_reported_size(&rows, &cols) != 0 ? Size(cols: Int(cols), rows: Int(rows)) : nil
        }
        measure()
        defer {
            // Quitting (q, Ctrl-C, end of input, a signal) while someone was logged in.
            clearIfEnded()
            if heldSomeone || app.holdsSomeone, var f = forget { f.withUTF8 { Console.writeAll(UnsafeRawBufferPointer($0)) } }
        }
        session.start()
        var pending = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        // Ctrl-C (SIGINT), a dropped connection (SIGHUP) and SIGTERM end the session as Ctrl-C
        // does in the full screen: drafts kept, a demo store removed, the terminal given back,
        // instead of the process dying where it stands. Noted by a dispatch source, acted on
        // by this loop within a second.
        let stop = StopFlag()
        var sources: [DispatchSourceSignal] = []
        for sig in [SIGINT, SIGHUP, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { stop.set() }
            source.resume()
            sources.append(source)
        }
        defer { for s in sources { s.cancel() } }
        // On a terminal: no echo while a password is asked for; the modes are given back at the end.
        let tty = isatty(STDIN_FILENO) == 1
        var saved = termios()
        if tty { tcgetattr(STDIN_FILENO, &saved) }
        defer { if tty { var s = saved; tcsetattr(STDIN_FILENO, TCSANOW, &s) } }
        func setModes(secret: Bool) {
            guard tty else { return }
            var t = saved
            if secret { t.c_lflag &= ~tcflag_t(ECHO) }
            tcsetattr(STDIN_FILENO, TCSANOW, &t)
        }
        var discarding = false
        // The last tick: lines that keep coming within a second of each other still let one run
        // every second, so a block elsewhere ends the session within two seconds.
        var lastTick = Date()
        setModes(secret: session.expectsSecret)
        while app.running {
            var fds = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fds, 1, 1000)
            if stop.isSet {
                app.handle(.ctrl("c"))
                break
            }
            if ready < 0 { if errno == EINTR { continue }; break }
            if ready == 0 || Date().timeIntervalSince(lastTick) >= 1 {
                lastTick = Date()
                session.tick()
                if !app.running { break }
            }
            if ready == 0 {
                // (An automatic logout may have taken the password question away.)
                setModes(secret: session.expectsSecret)
                continue
            }
            let n = read(STDIN_FILENO, &chunk, chunk.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                // The other end is gone: stop as Ctrl-C does (drafts kept, nothing asked).
                if !pending.isEmpty { session.handle(line: String(decoding: pending, as: UTF8.self)) }
                app.handle(.ctrl("c"))
                break
            }
            pending += chunk[0..<n]
            while let nl = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<nl], as: UTF8.self)
                pending.removeSubrange(...nl)
                // A line longer than any field is cut, never kept whole in memory; the rest of a
                // line dropped for its size is dropped up to its end.
                if discarding { discarding = false; continue }
                measure()
                session.handle(line: String(line.prefix(10_000)))
                if !app.running { break }
                setModes(secret: session.expectsSecret)
            }
            if pending.count > 100_000 { pending.removeAll(); discarding = true }
        }
    }
}

/// Set from a signal's dispatch source, read by the loop.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var set_ = false
    func set() { lock.withLock { set_ = true } }
    var isSet: Bool { lock.withLock { set_ } }
}
