import Foundation
@_spi(Operator) import SociaalHusCore

/// `sociaalhus mail config|send|digest|reminders|list|retry`: the outbox, for the operator and cron.
enum MailCommand {
    static func run(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let sub = args.positional.count > 1 ? args.positional[1] : ""
        switch sub {
        case "config": try config(&args, ctx)
        case "send": try send(&args, ctx)
        case "digest": try digest(&args, ctx)
        case "reminders": try reminders(&args, ctx)
        case "list": try list(&args, ctx)
        case "retry": try retry(&args, ctx)
        default: throw CLIError.unknownCommand("mail " + sub)
        }
    }

    /// Sets the sendmail-compatible command (split on spaces; no shell) and the sender address.
    static func config(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let command = args.value("command")
        let from = args.value("from")
        let store = try ctx.openStore(&args)
        try store.perform(.setMail(command: command.map { $0.split(separator: " ").map(String.init) }, from: from), as: .commandLine)
        let s = store.settings
        Console.out(ctx.t(.mailCommandSender(s.mailCommand.isEmpty ? Word.noMailCommandOutboxWaits : s.mailCommand.joined(separator: " "), s.mailFrom)))
    }

    /// Hands every waiting e-mail to the mail command; refused ones are kept for the next run.
    static func send(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let store = try ctx.openStore(&args)
        let r = try store.perform(.deliverMail(using: try store.configuredSender()), as: .commandLine)
        Console.out(ctx.t(.sentRefusedKeptForAnother(r.sent, r.failed, r.uncertain)))
        if r.failed > 0 || r.uncertain > 0 { throw CLIError.mailIncomplete }
    }

    /// Queues the daily digests.
    static func digest(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let store = try ctx.openStore(&args)
        let n = try store.perform(.sendDigests(), as: .commandLine)
        Console.out(ctx.t(.dailyDigestSQueuedIn(n)))
    }

    /// Queues the reminders that are due.
    static func reminders(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let store = try ctx.openStore(&args)
        let n = try store.perform(.sendReminders(), as: .commandLine)
        Console.out(ctx.t(.remindersQueued(n)))
    }

    /// One line per e-mail: number, state, kind, recipient, subject, last error.
    static func list(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let store = try ctx.openStore(&args, use: .read)
        for m in try store.outbox(by: .commandLine) {
            let error = m.lastError.map { " — " + TextSanitizer.sanitize($0) } ?? ""
            Console.out("\(m.id)\t\(ctx.t(word(m.status)))\t\(ctx.t(word(m.kind)))\t\(m.to)\t\(TextSanitizer.sanitize(m.subject))\(error)")
        }
    }

    /// An e-mail's state as the list names it, in the reader's language (one word, for columns).
    static func word(_ status: OutboxMessage.Status) -> Word {
        switch status {
        case .pending: .mailPending
        case .sending: .mailSending
        case .sent: .mailSent
        case .failed: .mailFailed
        case .uncertain: .mailUncertain
        case .noAddress: .mailNoAddress
        }
    }

    /// An e-mail's kind as the list names it, in the reader's language.
    static func word(_ kind: OutboxMessage.Kind) -> Word {
        switch kind {
        case .referral: .mailReferral
        case .contactCopy: .mailContactCopy
        case .reply: .mailReply
        case .notification: .mailNotification
        case .digest: .mailDigest
        case .newsletter: .mailNewsletter
        case .announcement: .mailAnnouncement
        case .dataExport: .mailDataExport
        case .passwordReset: .mailPasswordReset
        case .referralReceipt: .mailReferralReceipt
        case .signUp: .mailSignUp
        case .reminder: .mailReminder
        }
    }

    /// Sends a failed or uncertain e-mail once more with the next `mail send`, and says what it
    /// did: the store refuses (exit 1) one that was sent, is being sent or has no address.
    static func retry(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let idText = try args.required("id")
        guard let id = Int(idText) else { throw CLIError.invalidValue(option: "id", value: idText, expected: ctx.t(.numberFromMailList)) }
        let store = try ctx.openStore(&args)
        switch try store.perform(.retryMail(OutboxMessageID(id)), as: .commandLine) {
        case .queued: Console.out(ctx.t(.eMailGoesWithThe(id)))
        case .alreadyWaiting: Console.out(ctx.t(.eMailAlreadyWaiting(id)))
        }
    }
}
