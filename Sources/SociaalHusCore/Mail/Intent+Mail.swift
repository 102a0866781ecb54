import Foundation

/// Changes to the outgoing mail: how it is sent, handing it over, and the daily digests.
extension Intent where Result == Void {
    /// Sets the command that sends mail and the sender address (administrators, the operator).
    public static func setMail(command: [String]?, from: String?) -> Intent {
        Intent("setMail", .action(.administerPlatform)) { s, v in try s.setMail(command: command, from: from, by: v) }
    }

}

extension Intent where Result == MailRetry {
    /// Puts a failed message back in the queue (administrators, the operator).
    public static func retryMail(_ id: OutboxMessageID) -> Intent {
        Intent("retryMail", .action(.administerPlatform)) { s, v in try s.retryMail(id, by: v) }
    }
}

/// What `retryMail` did with an e-mail, so the operator is told what is true.
public enum MailRetry: Sendable, Equatable {
    /// Put back in the queue: the next delivery run sends it.
    case queued
    /// It was waiting already: the next delivery run sends it, nothing changed.
    case alreadyWaiting
}

extension Intent where Result == DeliveryReport {
    /// Hands the outbox to the mail command (the operator's cron).
    public static func deliverMail(using sender: any MailSending) -> Intent {
        Intent("deliverMail", .commandLine) { s, _ in try s.deliverMail(using: sender) }
    }
}

extension Intent where Result == Int {
    /// Queues the daily digests under `EmailPolicy` (the operator's cron); returns how many.
    public static func sendDigests() -> Intent {
        Intent("sendDigests", .commandLine) { s, _ in try s.sendDigests() }
    }
}
