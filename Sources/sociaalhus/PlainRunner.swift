import Foundation
import SociaalHusUI
import TerminalKit
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
        let session = PlainSession(app: app) { line in
            var text = (ascii ? line.map { AsciiFallback.ascii(String($0)) }.joined() : line) + "\n"
            text.withUTF8 { buf in
                var done = 0
                while done < buf.count {
                    let n = write(STDOUT_FILENO, buf.baseAddress! + done, buf.count - done)
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { return }
                    done += n
                }
            }
        }
        session.start()
        var pending = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while app.running {
            var fds = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fds, 1, 1000)
            if ready < 0 { if errno == EINTR { continue }; break }
            if ready == 0 { session.tick(); continue }
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
                // A line longer than any field is cut, never kept whole in memory.
                session.handle(line: String(line.prefix(10_000)))
                if !app.running { break }
            }
            if pending.count > 100_000 { pending.removeAll() }
        }
    }
}
