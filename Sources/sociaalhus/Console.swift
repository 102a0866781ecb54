import Foundation
import SociaalHusCore
#if canImport(Glibc)
import Glibc
#endif

/// Plain output to stdout and stderr, and password input without echo on a terminal.
enum Console {
    /// Writes a line to standard output; stored text in it is shown, never obeyed by the terminal.
    /// (Machine formats, JSON and ICS, are written as data by their commands, neutralised by their encoders.)
    /// Lines gathered and written to standard output 64 KiB at a time; the caller sanitises
    /// what it adds (each part once, not each line again).
    struct Buffered {
        private var bytes: [UInt8] = []

        /// Adds a line of already sanitised text.
        mutating func line(_ text: String) {
            bytes.append(contentsOf: text.utf8)
            endLine()
        }

        /// Adds bytes as they are (already sanitised UTF-8), without a line end.
        mutating func append(_ more: [UInt8]) {
            bytes.append(contentsOf: more)
        }

        /// Adds text as typed: plain printable ASCII as it is, anything else through the sanitiser.
        mutating func appendSanitised(_ text: UnsafeRawBufferPointer) {
            if text.allSatisfy({ (0x20...0x7E).contains($0) }) {
                bytes.append(contentsOf: text)
            } else {
                bytes.append(contentsOf: TextSanitizer.sanitize(String(decoding: text, as: UTF8.self)).utf8)
            }
        }

        /// Adds "HH:MM" for `seconds` after midnight.
        mutating func appendTime(_ seconds: Int) {
            let h = seconds / 3600, m = seconds % 3600 / 60
            // (Byte by byte: an array literal here was an allocation per line.)
            bytes.append(UInt8(truncatingIfNeeded: 0x30 + h / 10))
            bytes.append(UInt8(truncatingIfNeeded: 0x30 + h % 10))
            bytes.append(0x3A)
            bytes.append(UInt8(truncatingIfNeeded: 0x30 + m / 10))
            bytes.append(UInt8(truncatingIfNeeded: 0x30 + m % 10))
        }

        /// Ends the line (and writes out when 64 KiB have gathered).
        mutating func endLine() {
            bytes.append(0x0A)
            if bytes.count >= 65_536 { flush() }
        }

        /// Writes what was gathered.
        mutating func flush() {
            guard !bytes.isEmpty else { return }
            // write(2) straight from the buffer (a `Data` copy per flush was measurable at a
            // year of lines); a short write goes on with the rest, a closed pipe ends quietly.
            bytes.withUnsafeBytes { Console.writeAll($0) }
            bytes.removeAll(keepingCapacity: true)
        }
    }

    /// Writes bytes to standard output with write(2): a short write goes on with the rest, a
    /// closed pipe ends quietly.
    static func writeAll(_ buf: UnsafeRawBufferPointer) {
        var done = 0
        while done < buf.count {
            let n = write(STDOUT_FILENO, buf.baseAddress! + done, buf.count - done)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            done += n
        }
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((TextSanitizer.sanitize(text, keepNewlines: true) + "\n").utf8))
    }

    /// Writes a line to standard error, sanitised the same way.
    static func err(_ text: String) {
        FileHandle.standardError.write(Data((TextSanitizer.sanitize(text, keepNewlines: true) + "\n").utf8))
    }

    /// Reads one line from standard input; on a terminal with echo off, after showing `prompt` on stderr.
    static func readSecret(prompt: String) -> String? {
        let tty = isatty(STDIN_FILENO) == 1
        var saved = termios()
        if tty {
            FileHandle.standardError.write(Data(prompt.utf8))
            tcgetattr(STDIN_FILENO, &saved)
            var silent = saved
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        }
        defer {
            if tty {
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
                FileHandle.standardError.write(Data("\n".utf8))
            }
        }
        guard let line = readLine(strippingNewline: true) else { return nil }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }

    /// True when stdin is a terminal.
    static var interactive: Bool { isatty(STDIN_FILENO) == 1 }

    /// Before a command erases or replaces data (issue 23): with `--yes` it goes on; on a
    /// terminal `question` is asked and only "ja"/"j"/"yes"/"y" goes on (an empty line or
    /// anything else is no); without a terminal it is refused (exit 2)
    /// and nothing has been changed.
    static func confirm(_ question: String, yes: Bool, command: String, _ ctx: CommandContext) throws {
        if yes { return }
        guard interactive else { throw CLIError.needsYes(command: command) }
        // Its lines as lines (they were drawn as "⏎" once), and the request on a line of its own.
        FileHandle.standardError.write(Data((TextSanitizer.sanitize(question, keepNewlines: true) + "\n" + ctx.t(.typeYesToGoOn)).utf8))
        let answer = (readLine(strippingNewline: true) ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard ["ja", "j", "yes", "y"].contains(answer) else { throw CLIError.notConfirmed }
    }
}
