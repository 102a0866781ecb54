import Foundation

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

    public func send(_ message: Data) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: words[0])
        p.arguments = Array(words.dropFirst())
        let input = Pipe(), errors = Pipe()
        p.standardInput = input
        p.standardOutput = FileHandle.nullDevice
        p.standardError = errors
        do { try p.run() } catch { throw MailSendFailure("could not start \(words[0]): \(error.localizedDescription)") }
        input.fileHandleForWriting.write(message)
        try? input.fileHandleForWriting.close()
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            let first = String(decoding: said, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
            throw MailSendFailure("exit status \(p.terminationStatus)" + (first.isEmpty ? "" : ": " + String(first.prefix(300))))
        }
    }
}
