import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// A visitor who wrote through the contact form leaves a name, an address and a text,
/// and had no rights ("geen account"). By the address they wrote from, they have them now.
@Suite struct VisitorRightsTests {
    static let address = "bezoeker.kanarie@example.org"

    @Test("a visitor's whole journey: write, export, erase, nothing left; nothing of anyone else changes")
    func journey() throws {
        let m = try MailWorld(toggles: EmailPreferences(visitorMessages: true))
        let s = m.store
        let sent = try s.sendMessage(senderName: "Bezoeker Kanarie", senderEmail: Self.address, to: .resident(m.anna.id),
                                     text: "VISITOR-CANARY mag ik de ladder lenen?", by: .visitor)
        try s.reply(to: sent.id, text: "REPLY-CANARY ja hoor", by: .account(s.state.accounts[m.anna.id.rawValue]!))
        let post = try s.createPost(PostDraft(kind: .aanbod, title: "Ladder", body: "x", wijk: m.anna.profile.wijk, author: .resident(m.anna.id)),
                                    by: .account(s.state.accounts[m.anna.id.rawValue]!))
        try s.report(.post(post.id), reason: .other, explanation: "REPORT-CANARY", name: "Bezoeker Kanarie", email: Self.address, by: .visitor)
        // Someone else's message, with a name alike, stays.
        let other = try s.sendMessage(senderName: "Bezoeker Kanarie", senderEmail: "iemand.anders@example.org", to: .resident(m.anna.id),
                                      text: "OTHER-TEXT", by: .visitor)
        let export = try s.visitorExport(email: "Bezoeker.Kanarie@Example.org", by: .commandLine)
        #expect(export.messagesSent.map(\.text) == ["VISITOR-CANARY mag ik de ladder lenen?"])
        #expect(export.messagesSent.first?.to == "een bewoner / a resident", "the resident's name or address is not theirs to see")
        #expect(export.repliesReceived.map(\.text) == ["REPLY-CANARY ja hoor"])
        #expect(export.reportsMade.map(\.explanation) == ["REPORT-CANARY"])
        #expect(!String(decoding: try export.json(), as: UTF8.self).contains(m.anna.email))
        #expect(throws: CoreError.self) { try s.visitorExport(email: Self.address, by: .visitor) }
        #expect(throws: CoreError.self) { try s.eraseVisitor(email: Self.address, by: .account(m.anna)) }

        let n = try s.eraseVisitor(email: Self.address, by: .commandLine)
        #expect(n >= 3)
        for canary in [Self.address, "VISITOR-CANARY", "REPLY-CANARY"] { #expect(m.w.filesContaining(canary).isEmpty, "\(canary) left") }
        #expect(s.state.reports.all.contains { $0.explanation == "REPORT-CANARY" && $0.reporterEmail.isEmpty && $0.reporterName.isEmpty },
                "the report stays for moderation, without who made it")
        #expect(s.state.messages[other.id.rawValue]?.text == "OTHER-TEXT")
        #expect(try s.visitorExport(email: Self.address, by: .commandLine).isEmpty)
        #expect(StoreCheck.run(at: m.w.dir.store).isSound)
    }
}
