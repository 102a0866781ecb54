import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// Parses RFC 5322 texts with Python's `email` package under the strict policy and returns, per
/// message, the decoded headers and text, or the parser's complaint.
func parseWithPython(_ messages: [String]) throws -> [[String: String]] {
    let dir = TempDir()
    for (i, m) in messages.enumerated() { try Data(m.utf8).write(to: URL(fileURLWithPath: dir.path + "/\(i).eml")) }
    let script = """
    import email, email.policy, json, sys
    out = []
    for i in range(int(sys.argv[2])):
        raw = open(sys.argv[1] + '/%d.eml' % i, 'rb').read()
        try:
            m = email.message_from_bytes(raw, policy=email.policy.strict)
            out.append({'subject': str(m['subject']), 'to': str(m['to']), 'from': str(m['from']), 'date': str(m['date']),
                        'message-id': str(m['message-id']), 'reply-to': str(m['reply-to']) if m['reply-to'] else '',
                        'body': m.get_content(), 'defects': str(len(m.defects)), 'headers': str(len(m.keys())),
                        'longest-line': str(max(len(l) for l in raw.split(b'\\n')))})
        except Exception as e:
            out.append({'error': repr(e)})
    print(json.dumps(out))
    """
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", script, dir.path, String(messages.count)]
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0, "python3 must be installed (.ci/run installs it)")
    return (try JSONSerialization.jsonObject(with: data) as? [[String: String]]) ?? []
}

@Suite struct RFC5322Tests {
    static let now = testNow

    static let cases: [MailMessage] = [
        MailMessage(to: "anna@example.nl", subject: "Nieuw bericht via SociaalHus", body: "Hallo Anna,\n\nKorte tekst.\n"),
        MailMessage(to: "anna@example.nl", subject: "Activiteit in je wijk: Koffie-ochtend — café ‘De Kern’ 🎉",
                    body: "Ünïcödé everywhere: é, ß, 日本語, emoji 🎉\nA line with = signs and trailing spaces   \n"),
        MailMessage(to: "x@example.nl", subject: String(repeating: "Lange onderwerpregel ", count: 8),
                    body: String(repeating: "woord ", count: 200)),
        MailMessage(to: "x@example.nl", subject: "=?UTF-8?B?dGVzdA==?= looks encoded", body: ".\nFrom the start\n"),
    ]

    @Test("every message the product writes parses cleanly with a strict RFC 5322 parser and decodes to what was written")
    func strictParse() throws {
        let texts = try Self.cases.enumerated().map { i, m in
            try RFC5322.render(m, from: "noreply@borne.example", date: Self.now, messageID: "m\(i)@borne.example")
        }
        let parsed = try parseWithPython(texts)
        #expect(parsed.count == Self.cases.count)
        for (m, p) in zip(Self.cases, parsed) {
            #expect(p["error"] == nil, "\(p["error"] ?? "")")
            #expect(p["subject"] == m.subject)
            #expect(p["to"] == "<\(m.to)>" || p["to"] == m.to)
            #expect(p["from"] == "SociaalHus <noreply@borne.example>")
            let body = m.body.hasSuffix("\n") ? m.body : m.body + "\n"
            #expect(p["body"] == body)
            #expect(p["defects"] == "0")
            #expect(p["date"] == "Tue, 24 Nov 2026 10:00:00 +0100")
            #expect(Int(p["longest-line"] ?? "999")! <= 78, "no line longer than 78 characters")
            #expect(p["reply-to"] == "", "no Reply-To: answering from a mail program would give the sender the recipient's address")
        }
    }

    static let injections: [(String, MailMessage)] = [
        ("newline in the subject", MailMessage(to: "a@example.nl", subject: "Hoi\nBcc: victim@example.org", body: "x")),
        ("carriage return in the subject", MailMessage(to: "a@example.nl", subject: "Hoi\r\nBcc: victim@example.org", body: "x")),
        ("newline in the address", MailMessage(to: "a@example.nl\nBcc: victim@example.org", subject: "Hoi", body: "x")),
        ("two addresses", MailMessage(to: "a@example.nl, victim@example.org", subject: "Hoi", body: "x")),
        ("angle brackets in the address", MailMessage(to: "a@example.nl>\nX: y", subject: "Hoi", body: "x")),
        ("NUL in the subject", MailMessage(to: "a@example.nl", subject: "Hoi\0", body: "x")),
    ]

    @Test("no name, subject or address can add a header", arguments: injections)
    func headerInjection(_ name: String, _ m: MailMessage) throws {
        #expect(throws: CoreError.self) { try RFC5322.render(m, from: "noreply@borne.example", date: Self.now, messageID: "x@borne.example") }
        let w = try DeskWorld()
        #expect(throws: CoreError.self) {
            try w.store.update { tx in try tx.queueMail(m, kind: .announcement, accounts: []) }
        }
        #expect(w.store.state.outbox.count == 0)
        #expect(allFiles(under: w.dir.store + "/mail").isEmpty, "nothing queued")
    }

    @Test("a body line starting with a dot or From, and text in the body that looks like headers, stays body")
    func bodyStaysBody() throws {
        let m = MailMessage(to: "a@example.nl", subject: "Hoi", body: "\nBcc: victim@example.org\n\nTo: x@example.org\n")
        let text = try RFC5322.render(m, from: "noreply@borne.example", date: Self.now, messageID: "b@borne.example")
        let headerPart = text.components(separatedBy: "\n\n")[0]
        #expect(!headerPart.contains("Bcc"))
        #expect(try parseWithPython([text]).first?["body"] == m.body)
    }
}

/// A sender that records what it was given, or refuses.
final class RecordingSender: MailSending, @unchecked Sendable {
    var sent: [String] = []
    var refuse: String?
    func send(_ message: Data) throws {
        if let refuse { throw MailSendFailure(refuse) }
        sent.append(String(decoding: message, as: UTF8.self))
    }
}

@Suite struct DeliveryTests {
    func queue(_ w: DeskWorld, _ n: Int) throws {
        for i in 0..<n {
            try w.store.update { tx in
                try tx.queueMail(MailMessage(to: "r\(i)@example.nl", subject: "Bericht \(i)", body: "tekst \(i)"), kind: .announcement, accounts: [])
            }
        }
    }

    @Test("waiting e-mails are handed over once and then kept without content; nothing is sent twice") func deliverOnce() throws {
        let w = try DeskWorld()
        try queue(w, 3)
        #expect(allFiles(under: w.dir.store + "/mail/new").count == 3)
        let s = RecordingSender()
        #expect(try w.store.deliverMail(using: s) == DeliveryReport(sent: 3, failed: 0, uncertain: 0))
        #expect(s.sent.count == 3)
        #expect(allFiles(under: w.dir.store + "/mail/new").isEmpty)
        #expect(allFiles(under: w.dir.store + "/mail/cur").isEmpty, "sent: nothing kept (issue 23)")
        #expect(try w.store.deliverMail(using: s) == DeliveryReport())
        #expect(s.sent.count == 3)
        #expect(w.store.state.outbox.all.allSatisfy { $0.status == .sent })
        #expect(StoreCheck.run(at: w.dir.store).isSound)
    }

    /// A sent e-mail stayed in mail/cur and the outbox after its recipient deleted the message.
    @Test("after a send no body remains in any file: the outbox keeps kind, time, subject and state")
    func sentKeepsNoContent() throws {
        let w = try DeskWorld()
        try w.store.update { tx in
            try tx.queueMail(MailMessage(to: "r@example.nl", subject: "Onderwerp", body: "INHOUD-CANARY van de mail"), kind: .announcement, accounts: [])
        }
        #expect(!w.filesContaining("INHOUD-CANARY").isEmpty, "planted")
        #expect(try w.store.deliverMail(using: RecordingSender()) == DeliveryReport(sent: 1, failed: 0, uncertain: 0))
        #expect(w.filesContaining("INHOUD-CANARY").isEmpty)
        #expect(allFiles(under: w.dir.store + "/mail").filter { !$0.hasSuffix(".lock") }.isEmpty)
        let line = try #require(w.store.state.outbox.all.first)
        #expect(line.status == .sent && line.subject == "Onderwerp" && line.body.isEmpty && line.file == nil && line.kind == .announcement)
        #expect(StoreCheck.run(at: w.dir.store).isSound)
    }

    @Test("a refused e-mail keeps its error, stays in new/, and goes with a later run") func retry() throws {
        let w = try DeskWorld()
        try queue(w, 1)
        let s = RecordingSender()
        s.refuse = "exit status 75: Mail queue full"
        #expect(try w.store.deliverMail(using: s).failed == 1)
        let m = try #require(w.store.state.outbox.all.first)
        #expect(m.status == .failed && m.attempts == 1 && m.lastError == "exit status 75: Mail queue full")
        #expect(allFiles(under: w.dir.store + "/mail/new").count == 1)
        s.refuse = nil
        #expect(try reopen(w.dir).deliverMail(using: s).sent == 1)
        #expect(s.sent.count == 1)
    }

    @Test("after a stop while sending, the e-mail is not sent again by itself; if its file was moved it counts as sent") func crashBetween() throws {
        let w = try DeskWorld()
        try queue(w, 2)
        let ids = w.store.state.outbox.all.map(\.id).sorted()
        // As if the program stopped after handing both over: one before moving its file, one after.
        try w.store.update { tx in
            for id in ids { var m = tx.state.outbox[id.rawValue]!; m.status = .sending; tx.put(m) }
        }
        let moved = w.store.state.outbox[ids[1].rawValue]!.file!
        #expect(rename(w.dir.store + "/mail/" + moved, w.dir.store + "/mail/" + Store.sentName(moved)) == 0)
        let reopened = try reopen(w.dir)
        #expect(reopened.leftoverFiles().isEmpty, "the moved file still belongs to its record")
        let s = RecordingSender()
        #expect(try reopened.deliverMail(using: s) == DeliveryReport(sent: 0, failed: 0, uncertain: 1))
        #expect(s.sent.isEmpty, "nothing is sent twice")
        #expect(reopened.state.outbox[ids[0].rawValue]!.status == .uncertain)
        #expect(reopened.state.outbox[ids[1].rawValue]!.status == .sent)
        try reopened.retryMail(ids[0], by: .commandLine)
        #expect(try reopened.deliverMail(using: s).sent == 1)
    }

    @Test("a real sendmail-compatible command: accepted, and refused with its own words") func sendmailCommand() throws {
        let w = try DeskWorld()
        let spool = w.dir.path + "/spool"
        let good = w.dir.path + "/fake-sendmail"
        try "#!/bin/sh\ncat > \"\(spool).$$\"\n".write(toFile: good, atomically: true, encoding: .utf8)
        let bad = w.dir.path + "/broken-sendmail"
        try "#!/bin/sh\ncat > /dev/null\necho 'sendmail: cannot connect' >&2\nexit 75\n".write(toFile: bad, atomically: true, encoding: .utf8)
        chmod(good, 0o755); chmod(bad, 0o755)
        #expect(throws: CoreError.mailNotConfigured) { try w.store.configuredSender() }
        #expect(throws: CoreError.mailCommandInvalid("sendmail -t")) { try w.store.setMail(command: ["sendmail", "-t"], from: nil, by: .commandLine) }
        #expect(throws: CoreError.notPermitted(.administratorsOnly)) { try w.store.setMail(command: [good], from: nil, by: w.desk) }
        try w.store.setMail(command: [bad, "-t", "-oi"], from: "post@borne.example", by: .account(w.admin))
        try queue(w, 1)
        #expect(try w.store.deliverMail(using: w.store.configuredSender()).failed == 1)
        #expect(w.store.state.outbox.all.first?.lastError == "exit status 75: sendmail: cannot connect")
        try w.store.setMail(command: [good, "-t", "-oi"], from: nil, by: .commandLine)
        #expect(try w.store.deliverMail(using: w.store.configuredSender()).sent == 1)
        let delivered = allFiles(under: w.dir.path).filter { $0.hasPrefix(spool) }
        #expect(delivered.count == 1)
        let text = try String(contentsOfFile: delivered[0], encoding: .utf8)
        #expect(text.contains("From: SociaalHus <post@borne.example>"))
        #expect(text.contains("To: <r0@example.nl>"))
    }

    @Test("regression: a mail command that closes its input early: no SIGPIPE, each e-mail failed with the reason, mail send exits 1")
    func commandClosesInput() throws {
        let w = try DeskWorld()
        let quitter = w.dir.path + "/closes-input"
        try "#!/bin/sh\nexec 0<&-\nsleep 0.1\nexit 0\n".write(toFile: quitter, atomically: true, encoding: .utf8)
        chmod(quitter, 0o755)
        try w.store.setMail(command: [quitter, "-t"], from: "post@borne.example", by: .commandLine)
        // Larger than a pipe's buffer, so the write meets the closed end.
        let big = String(repeating: "regel tekst\n", count: 20_000)
        for i in 0..<3 {
            try w.store.update { tx in
                try tx.queueMail(MailMessage(to: "r\(i)@example.nl", subject: "Groot \(i)", body: big), kind: .announcement, accounts: [])
            }
        }
        let report = try w.store.deliverMail(using: w.store.configuredSender())
        #expect(report.failed == 3 && report.sent == 0)
        for m in w.store.state.outbox.all {
            #expect(m.status == .failed, "not left 'sending'")
            #expect(m.lastError?.contains("stopped reading") == true, "\(m.lastError ?? "")")
        }
        // The command line says so and exits 1, as docs/operating.md documents.
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("sociaalhus").path
        let path = FileManager.default.isExecutableFile(atPath: binary) ? binary
            : FileManager.default.currentDirectoryPath + "/.build/debug/sociaalhus"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = ["mail", "send", "--store", w.dir.store]
        p.environment = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationReason == .exit && p.terminationStatus == 1)
    }

    @Test("e-mails are marked 'sending' one at a time: after a stop only the one in hand is uncertain") func oneAtATime() throws {
        let w = try DeskWorld()
        for i in 0..<3 {
            try w.store.update { tx in try tx.queueMail(MailMessage(to: "r\(i)@example.nl", subject: "Kort", body: "tekst"), kind: .announcement, accounts: []) }
        }
        /// Looks at the store on disk (as a run killed at that moment would leave it) while the
        /// second e-mail is in its hands.
        final class LooksAtSecond: MailSending, @unchecked Sendable {
            let path: String
            var calls = 0
            var seen: [OutboxMessage.Status] = []
            init(_ path: String) { self.path = path }
            func send(_ message: Data) throws {
                calls += 1
                if calls == 2 { seen = try Store.open(at: path, hasher: TestHasher()).state.outbox.all.sorted { $0.id < $1.id }.map(\.status) }
            }
        }
        let sender = LooksAtSecond(w.dir.store)
        #expect(try w.store.deliverMail(using: sender).sent == 3)
        #expect(sender.seen == [.sent, .sending, .pending], "\(sender.seen)")
    }
}
