import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What one delivery run did.
public struct DeliveryReport: Equatable, Sendable {
    /// Handed over successfully.
    public var sent = 0
    /// Refused by the mail command (kept, retried later).
    public var failed = 0
    /// Found half-sent from a run that stopped; not sent again by itself.
    public var uncertain = 0
}

extension Store {
    /// How often a refused e-mail is tried before it waits for an administrator.
    public static let maximumMailAttempts = 10

    /// Sets the mail command and sender address; administrators (or the operator, `viewer` nil).
    func setMail(command: [String]?, from: String?, by viewer: Viewer) throws {
        try Permissions.require(.administerPlatform, by: viewer)
        if let command, !command.isEmpty { _ = try SendmailCommand(command) }
        let sender = try from.map { try EmailAddress.normalise($0) }
        try changeSettings("mail", by: viewer) { s in
            if let command { s.mailCommand = command }
            if let sender { s.mailFrom = sender }
        }
    }

    /// The outbox, newest first; administrators (or the operator).
    public func outbox(by viewer: Viewer) throws -> [OutboxMessage] {
        try Permissions.require(.administerPlatform, by: viewer)
        try refresh()
        try Self.confirm(viewer, in: state)
        return state.outbox.all.sorted { $0.id > $1.id }
    }

    /// The RFC 5322 text of a queued e-mail as it is in the Maildir.
    public func mailText(_ m: OutboxMessage, by viewer: Viewer) throws -> String? {
        try Permissions.require(.administerPlatform, by: viewer)
        guard let f = m.file, !f.contains("..") else { return nil }
        return try String(decoding: DurableFile.read(mailPath + "/" + f, displayName: "mail/" + f), as: UTF8.self)
    }

    /// Hands every waiting e-mail to `sender`, one at a time. Each is marked "sending" durably
    /// first and "sent" (its file moved to `cur/`) after; a message found still "sending" by a
    /// later run is marked uncertain instead of being sent twice. Refused ones keep their error
    /// and are tried again by the next run, up to `maximumMailAttempts` times.
    @discardableResult
    func deliverMail(using sender: any MailSending) throws -> DeliveryReport {
        let deliveryLock = try FileLock(path: mailPath + "/deliver.lock")
        return try deliveryLock.withLock(exclusive: true) {
            var report = DeliveryReport()
            // Sent ones found by the recovery below drop their content too (and need the checkpoint).
            var dropped = 0
            // Under the delivery lock nobody else is sending: "sending" means a run stopped midway.
            let due: [OutboxMessage] = try update { tx in
                for m in Array(tx.state.outbox.all) where m.status == .sending {
                    var u = m
                    if let f = m.file, f.hasPrefix("new/"), access(mailPath + "/" + Self.sentName(f), F_OK) == 0 {
                        // The file is only moved after the mail command accepted it: it was sent.
                        u.status = .sent
                        Self.dropContent(of: &u, file: Self.sentName(f), in: &tx)
                        dropped += 1
                    } else {
                        u.status = .uncertain
                        report.uncertain += 1
                    }
                    tx.put(u)
                }
                return tx.state.outbox.all.filter {
                    $0.file != nil && ($0.status == .pending || ($0.status == .failed && $0.attempts < Self.maximumMailAttempts))
                }.sorted { $0.id < $1.id }
            }
            for m in due {
                guard let file = m.file else { continue }
                // Marked "sending" one at a time, just before it is handed over: after a stop only
                // that one is uncertain, not every e-mail that was waiting (found in review).
                let stillDue: Bool = try update { tx in
                    guard var u = tx.state.outbox[m.id.rawValue], u.status == .pending || u.status == .failed else { return false }
                    u.status = .sending
                    u.attempts += 1
                    tx.put(u)
                    return true
                }
                guard stillDue else { continue }
                // Only a file of this Maildir, never a path a damaged record could point elsewhere.
                guard Self.isStorePath("mail/" + file) else {
                    try update { tx in
                        guard var u = tx.state.outbox[m.id.rawValue] else { return }
                        u.status = .failed
                        u.lastError = "the record names no file of the outbox"
                        tx.put(u)
                    }
                    report.failed += 1
                    continue
                }
                var outcome: Result<Void, MailSendFailure>
                do {
                    let data = try DurableFile.read(mailPath + "/" + file, displayName: "mail/" + file)
                    try sender.send(data)
                    outcome = .success(())
                } catch let f as MailSendFailure {
                    outcome = .failure(f)
                } catch {
                    outcome = .failure(MailSendFailure((error as? CoreError)?.message(.english) ?? "\(error)"))
                }
                var movedTo: String?
                if case .success = outcome, file.hasPrefix("new/") {
                    let target = Self.sentName(file)
                    if rename(mailPath + "/" + file, mailPath + "/" + target) == 0 {
                        movedTo = target
                        try? DurableFile.syncDirectory(mailPath + "/cur")
                    }
                }
                try update { tx in
                    guard var u = tx.state.outbox[m.id.rawValue] else { return } // erased meanwhile
                    switch outcome {
                    case .success:
                        u.status = .sent
                        u.lastError = nil
                        Self.dropContent(of: &u, file: movedTo ?? u.file, in: &tx)
                        report.sent += 1
                    case .failure(let f):
                        u.status = .failed
                        u.lastError = f.reason
                        report.failed += 1
                    }
                    tx.put(u)
                }
            }
            // The bodies dropped leave the log too, as after an erasure (a reader still holding an
            // older page leaves it for the next checkpoint).
            if report.sent + dropped > 0 { try? db.checkpointTruncate() }
            return report
        }
    }

    /// Mail keeps no content: once the mail command accepted a message, its body and
    /// its Maildir file go with the change that records it sent; a line without content stays
    /// (kind, time, subject, state), and goes with its person. Before, every e-mail ever sent
    /// stayed in `mail/cur` and the outbox, also after its recipient deleted the message.
    static func dropContent(of m: inout OutboxMessage, file: String?, in tx: inout Transaction) {
        m.body = ""
        if let file, isStorePath("mail/" + file) { tx.mailToRemove.append(file) }
        m.file = nil
    }

    /// Sends a failed or uncertain e-mail again with the next delivery run (the administrator's
    /// decision after checking it did not arrive). Says what it did, from the e-mail's state: one
    /// already sent, being sent or without an address is refused, for the next run would not
    /// send it (a sent one has no content left to send).
    @discardableResult
    func retryMail(_ id: OutboxMessageID, by viewer: Viewer) throws -> MailRetry {
        try Permissions.require(.administerPlatform, by: viewer)
        return try update(actor: viewer) { tx in
            guard var m = tx.state.outbox[id.rawValue] else { throw CoreError.notFound(what: "e-mail \(id)") }
            switch m.status {
            case .sent: throw CoreError.mailAlreadySent(id: id.rawValue)
            case .sending: throw CoreError.mailBeingSent(id: id.rawValue)
            case .noAddress: throw CoreError.mailHasNoAddress(id: id.rawValue)
            case .pending: return .alreadyWaiting
            case .failed, .uncertain: break
            }
            guard m.file != nil else { throw CoreError.notFound(what: "e-mail \(id)") }
            m.status = .pending
            m.attempts = 0
            tx.put(m)
            return .queued
        }
    }

    /// Where a file in `new/` goes once sent: `cur/` with the Maildir "seen" flag.
    static func sentName(_ file: String) -> String { "cur/" + file.dropFirst(4) + ":2,S" }

    /// The configured mail command, or `mailNotConfigured`.
    public func configuredSender() throws -> SendmailCommand {
        try refresh()
        guard !state.settings.mailCommand.isEmpty else { throw CoreError.mailNotConfigured }
        return try SendmailCommand(state.settings.mailCommand)
    }
}
