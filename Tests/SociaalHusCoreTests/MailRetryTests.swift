import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// `mail retry` answers from the e-mail's state: it says "goes with the next mail send" only
/// when the next run will send it, and refuses what that run would not send.
@Suite struct MailRetryTests {
    /// One e-mail queued, then put in `status` as a delivery run or a stop leaves it.
    static func mail(in status: OutboxMessage.Status) throws -> (DeskWorld, OutboxMessageID) {
        let w = try DeskWorld()
        try w.store.update { tx in
            try tx.queueMail(MailMessage(to: "r@example.nl", subject: "Bericht", body: "tekst"), kind: .announcement, accounts: [])
        }
        let id = try #require(w.store.state.outbox.all.first?.id)
        switch status {
        case .sent: _ = try w.store.deliverMail(using: RecordingSender())
        case .pending: break
        default:
            try w.store.update { tx in var m = tx.state.outbox[id.rawValue]!; m.status = status; m.attempts = 5; tx.put(m) }
        }
        return (w, id)
    }

    static let cases: [(OutboxMessage.Status, Result<MailRetry, CoreError>, sentAfter: Int)] = [
        (.failed, .success(.queued), 1),
        (.uncertain, .success(.queued), 1),
        (.pending, .success(.alreadyWaiting), 1),
        (.sent, .failure(.mailAlreadySent(id: 1)), 0),
        (.sending, .failure(.mailBeingSent(id: 1)), 0),
        (.noAddress, .failure(.mailHasNoAddress(id: 1)), 0),
    ]

    @Test("retry says what the next mail send will do with the e-mail, and the next run does just that", arguments: cases)
    func fromState(_ status: OutboxMessage.Status, _ answer: Result<MailRetry, CoreError>, sentAfter: Int) throws {
        let (w, id) = try Self.mail(in: status)
        #expect(id.rawValue == 1)
        switch answer {
        case .success(let said): #expect(try w.store.perform(.retryMail(id), as: .commandLine) == said)
        case .failure(let refusal): #expect(throws: refusal) { try w.store.perform(.retryMail(id), as: .commandLine) }
        }
        let s = RecordingSender()
        _ = try w.store.deliverMail(using: s)
        #expect(s.sent.count == sentAfter, "what retry said about \(status) is what mail send did")
    }

    @Test("the refusals say what is true, in both languages", arguments: Language.allCases)
    func refusalWords(_ lang: Language) {
        let sent = CoreError.mailAlreadySent(id: 7).message(lang)
        #expect(sent.contains("7") && (sent.contains("al verstuurd") || sent.contains("was sent already")))
        #expect(!sent.contains("'mail send'"), "it does not go with the next mail send")
    }
}
