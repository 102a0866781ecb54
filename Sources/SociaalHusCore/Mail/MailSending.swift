import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Hands one finished e-mail to the mail system. Behind a protocol so tests can inject a failing
/// or recording sender; the product uses `SendmailCommand`.
public protocol MailSending {
    /// Sends the RFC 5322 text; throws `MailSendFailure` when the mail system refuses it.
    func send(_ message: Data) throws
}

/// Why a hand-over failed, in the mail command's own words.
public struct MailSendFailure: Error, Equatable, Sendable {
    /// The description kept with the message.
    public var reason: String
    /// Creates a failure.
    public init(_ reason: String) { self.reason = reason }
}

/// A sendmail-compatible command (e.g. `/usr/sbin/sendmail -t -oi`): the message on standard
/// input, recipients from its headers; exit status 0 means accepted. No network code of our own.
public struct SendmailCommand: MailSending {
    /// Program and arguments.
    public let words: [String]

    /// Checks that the program is given by full path and can be run.
    public init(_ words: [String]) throws {
        guard let program = words.first, program.hasPrefix("/"), FileManager.default.isExecutableFile(atPath: program) else {
            throw CoreError.mailCommandInvalid(words.joined(separator: " "))
        }
        self.words = words
    }

    /// How long the command may take for one e-mail.
    public static let timeoutSeconds: Double = 60

    public func send(_ message: Data) throws {
        // A command that stops reading would kill this process with SIGPIPE (exit 141, e-mails
        // left "sending"): ignore it, and let the failed write be an answer like any other.
        signal(SIGPIPE, SIG_IGN)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: words[0])
        p.arguments = Array(words.dropFirst())
        let input = Pipe(), errors = Pipe()
        p.standardInput = input
        p.standardOutput = FileHandle.nullDevice
        p.standardError = errors
        let finished = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in finished.signal() }
        do { try p.run() } catch { throw MailSendFailure("could not start \(words[0]): \(error.localizedDescription)") }
        // Its error output is collected while the message is written, so neither side can block the other.
        final class Collected: @unchecked Sendable { var data = Data() }
        let said = Collected()
        let reader = DispatchGroup()
        let errorHandle = errors.fileHandleForReading
        DispatchQueue.global().async(group: reader) { said.data = errorHandle.readDataToEndOfFile() }
        let fd = input.fileHandleForWriting.fileDescriptor
        var written = 0
        var writeError: Int32 = 0
        message.withUnsafeBytes { buf in
            while written < buf.count {
                let n = write(fd, buf.baseAddress! + written, buf.count - written)
                if n < 0 { if errno == EINTR { continue }; writeError = errno; break }
                written += n
            }
        }
        // End of input: the command may now finish.
        try? input.fileHandleForWriting.close()
        // A command that does not finish is stopped: the e-mail counts as refused, and the run goes on.
        if finished.wait(timeout: .now() + Self.timeoutSeconds) == .timedOut {
            kill(p.processIdentifier, SIGKILL)
            finished.wait()
            reader.wait()
            throw MailSendFailure("the command did not finish within \(Int(Self.timeoutSeconds)) seconds and was stopped")
        }
        reader.wait()
        p.waitUntilExit()
        let first = String(decoding: said.data, as: UTF8.self).split(separator: "\n").first.map { TextSanitizer.sanitize(String($0.prefix(300))) } ?? ""
        let detail = first.isEmpty ? "" : ": " + first
        if p.terminationReason == .uncaughtSignal { throw MailSendFailure("killed by signal \(p.terminationStatus)" + detail) }
        guard p.terminationStatus == 0 else { throw MailSendFailure("exit status \(p.terminationStatus)" + detail) }
        // Exit 0 without reading the whole message is not an acceptance of it.
        if writeError != 0 {
            throw MailSendFailure("the command stopped reading after \(written) of \(message.count) bytes (\(String(cString: strerror(writeError))))" + detail)
        }
    }
}
