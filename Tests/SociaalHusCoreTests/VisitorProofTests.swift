import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// A visitor proves an address with a code mailed to it (or the desk checks in
/// person), then sees, saves and erases what the store holds about it.
@Suite struct VisitorProofTests {
    static let address = "bezoeker.kanarie@example.org"

    /// A store where a visitor wrote to Anna from `address`, and a proof on the store's clock.
    struct World {
        let m: MailWorld
        var store: Store { m.store }
        var clock: FixedClock { m.w.clock }

        init() throws {
            m = try MailWorld(toggles: EmailPreferences())
            try m.store.sendMessage(senderName: "Bezoeker Kanarie", senderEmail: VisitorProofTests.address, to: .resident(m.anna.id),
                                    text: "VISITOR-CANARY mag ik de ladder lenen?", by: .visitor)
        }

        func proof() -> VisitorProof { VisitorProof(clock: clock) }

        /// The code e-mails to `address`, oldest first.
        func codeMails(_ address: String = VisitorProofTests.address) -> [OutboxMessage] {
            m.mails(to: address).filter(VisitorProof.isCodeMail)
        }

        /// The code in the newest code e-mail to `address`.
        func lastCode(_ address: String = VisitorProofTests.address) -> String? {
            guard let body = codeMails(address).last?.body, let line = body.split(separator: "\n").first(where: { $0.hasPrefix("Je code: ") }) else { return nil }
            return String(line.dropFirst("Je code: ".count))
        }
    }

    enum Case: String, CaseIterable, CustomTestStringConvertible {
        case right, rightWithSpaces, wrong, malformed, expired, tooManyTries, noCode, replacedByNewRequest, unknownAddress
        var testDescription: String { rawValue }
    }

    static let expected: [Case: VisitorCodeCheck] = [
        .right: .proved(email: address), .rightWithSpaces: .proved(email: address), .wrong: .wrong(triesLeft: 4), .malformed: .malformed,
        .expired: .expired, .tooManyTries: .voided, .noCode: .noCode, .replacedByNewRequest: .wrong(triesLeft: 4), .unknownAddress: .wrong(triesLeft: 4),
    ]

    @Test("checking a code: right, wrong, a typo, expired, too many tries, none asked, replaced, an address without data",
          arguments: Case.allCases)
    func table(_ c: Case) throws {
        let w = try World()
        let proof = w.proof()
        if c == .noCode {
            #expect(proof.check("123456") == .noCode)
            return
        }
        try w.store.requestVisitorCode(email: c == .unknownAddress ? "niemand@example.org" : "  Bezoeker.Kanarie@Example.org ", proof: proof)
        let code = try #require(c == .unknownAddress ? "000000" : w.lastCode())
        let other = code == "000000" ? "000001" : "000000"
        let outcome: VisitorCodeCheck
        switch c {
        case .right: outcome = proof.check(code)
        case .rightWithSpaces: outcome = proof.check(" " + code.prefix(3) + " " + code.dropFirst(3) + " ")
        case .wrong: outcome = proof.check(other)
        case .malformed:
            outcome = proof.check("12a4")
            #expect(proof.check(other) == .wrong(triesLeft: 4), "a typo is not counted as a try")
        case .expired:
            w.clock.advance(VisitorProof.codeValidity)
            outcome = proof.check(code)
        case .tooManyTries:
            for left in (1..<VisitorProof.maximumWrongTries).reversed() { #expect(proof.check(other) == .wrong(triesLeft: left)) }
            #expect(proof.check(other) == .voided)
            outcome = proof.check(code)
        case .replacedByNewRequest:
            try w.store.requestVisitorCode(email: Self.address, proof: proof)
            let newer = try #require(w.lastCode())
            outcome = newer == code ? .wrong(triesLeft: 4) : proof.check(code)
        case .unknownAddress:
            #expect(w.store.state.outbox.all.allSatisfy { !$0.to.contains("niemand") }, "no e-mail to an address without data")
            outcome = proof.check(code)
        case .noCode: return
        }
        #expect(outcome == Self.expected[c])
        if case .proved = outcome {
            #expect(proof.grant?.email == Self.address)
            #expect(try w.store.visitorExport(proof: proof, by: .visitor).messagesSent.map(\.text) == ["VISITOR-CANARY mag ik de ladder lenen?"])
        } else {
            #expect(proof.grant == nil)
            #expect(throws: CoreError.visitorProofNeeded) { try w.store.visitorExport(proof: proof, by: .visitor) }
            #expect(throws: CoreError.visitorProofNeeded) { try w.store.eraseVisitor(proof: proof, by: .visitor) }
        }
    }

    @Test("the answer is the same for every address; the e-mail goes only where the store holds visitor data, never to an account's or an organisation's",
          arguments: [(address, true), ("niemand@example.org", false), ("anna@example.nl", false), ("info@voedselbank.example", false)])
    func sameAnswer(_ address: String, _ mailed: Bool) throws {
        let w = try World()
        // Someone wrote without logging in from the resident's and the organisation's address too.
        for a in ["anna@example.nl", "info@voedselbank.example"] {
            try w.store.sendMessage(senderName: "B", senderEmail: a, to: .resident(w.m.anna.id), text: "x", by: .visitor)
            #expect(try !w.store.visitorExport(email: a, by: .commandLine).isEmpty)
        }
        let proof = w.proof()
        let before = w.store.state.outbox.all.count
        try w.store.requestVisitorCode(email: address, proof: proof)
        #expect(proof.pendingEmail == address)
        #expect(proof.isOpen)
        #expect(w.store.state.outbox.all.count == before + (mailed ? 1 : 0))
        #expect((w.lastCode(address) != nil) == mailed)
    }

    @Test("at most 3 codes per session in any hour, whatever the address; the limit names the minutes")
    func sessionLimit() throws {
        let w = try World()
        let proof = w.proof()
        for a in [Self.address, "niemand@example.org", "nog.iemand@example.org"] { try w.store.requestVisitorCode(email: a, proof: proof) }
        w.clock.advance(20 * 60)
        #expect(throws: CoreError.visitorCodeLimit(minutes: 40)) { try w.store.requestVisitorCode(email: Self.address, proof: proof) }
        #expect(w.codeMails().count == 1)
        // A malformed address is refused before it counts.
        #expect(throws: CoreError.invalidEmail("geen adres")) { try w.store.requestVisitorCode(email: "geen adres", proof: proof) }
        w.clock.advance(40 * 60)
        try w.store.requestVisitorCode(email: Self.address, proof: proof)
        #expect(w.codeMails().count == 2)
        // Another session has its own count.
        try w.store.requestVisitorCode(email: "x@example.org", proof: w.proof())
    }

    @Test("at most 3 code e-mails per address a day over all sessions, silently; sent ones still count")
    func addressLimit() throws {
        let w = try World()
        for _ in 0..<VisitorProof.codesPerAddress { try w.store.requestVisitorCode(email: Self.address, proof: w.proof()) }
        #expect(w.codeMails().count == 3)
        _ = try w.store.deliverMail(using: RecordingSender())
        let fourth = w.proof()
        try w.store.requestVisitorCode(email: Self.address, proof: fourth)
        #expect(w.codeMails().count == 3, "no fourth e-mail")
        #expect(fourth.check("000000") == .wrong(triesLeft: 4), "the screen goes on as always")
        w.clock.advance(VisitorProof.addressWindow)
        try w.store.requestVisitorCode(email: Self.address, proof: w.proof())
        #expect(w.codeMails().count == 4)
    }

    @Test("the code e-mail: the code and what it is for, no Reply-To, nothing of anyone else; the proof keeps only a hash")
    func mailAndHash() throws {
        let w = try World()
        let proof = w.proof()
        try w.store.requestVisitorCode(email: Self.address, proof: proof)
        let code = try #require(w.lastCode())
        #expect(code.count == 6 && code.allSatisfy(\.isNumber))
        let mail = try #require(w.codeMails().last)
        #expect(mail.accounts.isEmpty)
        let file = try #require(try w.store.mailText(mail, by: .commandLine))
        #expect(!file.lowercased().contains("reply-to"))
        #expect(file.contains("Subject: " + VisitorProof.mailSubject))
        for absent in ["Kanarie", "VISITOR-CANARY", "ladder", w.m.anna.email, w.m.anna.profile.displayName] { #expect(!file.contains(absent), "\(absent) in the code e-mail") }
        #expect(mail.body.contains("negeren") && mail.body.contains("ignore"))
        var memory = ""
        dump(proof, to: &memory)
        #expect(!memory.contains(code), "the code itself is not kept")
    }

    @Test("a proof lasts 30 minutes; logging out (forget) ends it at once")
    func grantEnds() throws {
        let w = try World()
        let proof = w.proof()
        try w.store.requestVisitorCode(email: Self.address, proof: proof)
        #expect(proof.check(try #require(w.lastCode())) == .proved(email: Self.address))
        w.clock.advance(VisitorProof.grantValidity - 1)
        #expect(try !w.store.visitorExport(proof: proof, by: .visitor).isEmpty)
        w.clock.advance(1)
        #expect(!proof.isOpen)
        #expect(throws: CoreError.visitorProofNeeded) { try w.store.visitorExport(proof: proof, by: .visitor) }

        let again = w.proof()
        try w.store.requestVisitorCode(email: Self.address, proof: again)
        _ = again.check(try #require(w.lastCode()))
        again.forget()
        #expect(throws: CoreError.visitorProofNeeded) { try w.store.visitorExport(proof: again, by: .visitor) }
    }

    @Test("proven, the visitor saves their export by e-mail and erases everything: nothing of them is left in any file")
    func eraseByProof() throws {
        let w = try World()
        let other = try w.store.sendMessage(senderName: "Iemand", senderEmail: "iemand.anders@example.org", to: .resident(w.m.anna.id), text: "OTHER-TEXT", by: .visitor)
        let proof = w.proof()
        try w.store.requestVisitorCode(email: Self.address, proof: proof)
        _ = proof.check(try #require(w.lastCode()))
        #expect(try w.store.mailVisitorExport(proof: proof, by: .visitor) == Self.address)
        #expect(w.m.mails(to: Self.address).contains { $0.body.contains("VISITOR-CANARY") })
        let export = try w.store.visitorExport(proof: proof, by: .visitor)
        #expect(export.emailsWaiting.count == 2, "the code e-mail and the export e-mail")

        let n = try w.store.eraseVisitor(proof: proof, by: .visitor)
        #expect(n == 3)
        #expect(proof.grant == nil, "nothing is left to see")
        for canary in [Self.address, "VISITOR-CANARY", "ladder lenen"] { #expect(w.m.w.filesContaining(canary).isEmpty, "\(canary) left") }
        #expect(w.store.state.messages[other.id.rawValue]?.text == "OTHER-TEXT")
        #expect(w.store.state.audit.all.contains { $0.action == .accountErased && $0.target == "visitor" && $0.actor == nil })
        #expect(StoreCheck.run(at: w.m.w.dir.store).isSound)
        #expect(throws: CoreError.visitorProofNeeded) { try w.store.eraseVisitor(proof: proof, by: .visitor) }
    }

    @Test("the desk checks in person: desk staff and administrators only, and the grant works for that staff member only")
    func desk() throws {
        let w = try World()
        let staff = Viewer.account(w.m.w.staff)
        #expect(throws: CoreError.notPermitted(.deskStaffOnly)) { try w.proof().checkedAtDesk(email: Self.address, by: .account(w.m.anna)) }
        #expect(throws: CoreError.notPermitted(.notLoggedIn)) { try w.proof().checkedAtDesk(email: Self.address, by: .visitor) }
        let proof = w.proof()
        try proof.checkedAtDesk(email: Self.address, by: staff)
        #expect(proof.grant?.checkedBy == w.m.w.staff.id)
        #expect(throws: CoreError.notPermitted(.deskStaffOnly)) { try w.store.visitorExport(proof: proof, by: .visitor) }
        #expect(throws: CoreError.notPermitted(.deskStaffOnly)) { try w.store.eraseVisitor(proof: proof, by: .account(w.m.w.admin)) }
        #expect(try w.store.visitorExport(proof: proof, by: staff).messagesSent.count == 1)
        #expect(try w.store.eraseVisitor(proof: proof, by: staff) == 1)
        #expect(w.store.state.audit.all.contains { $0.action == .accountErased && $0.target == "visitor" && $0.actor == w.m.w.staff.id })
        #expect(w.m.w.filesContaining("VISITOR-CANARY").isEmpty)
    }

    @Test("an account's address is never opened as a visitor's: registered after the proof, or typed at the desk")
    func registeredMeanwhile() throws {
        let w = try World()
        let proof = w.proof()
        try w.store.requestVisitorCode(email: Self.address, proof: proof)
        _ = proof.check(try #require(w.lastCode()))
        try addResident(w.store, Self.address, name: "Kanarie")
        #expect(throws: CoreError.visitorAddressHasAccount) { try w.store.visitorExport(proof: proof, by: .visitor) }
        #expect(throws: CoreError.visitorAddressHasAccount) { try w.store.eraseVisitor(proof: proof, by: .visitor) }
        // Nor at the desk: a visitor's erasure would take every e-mail to the account's address.
        let desk = w.proof()
        try desk.checkedAtDesk(email: "anna@example.nl", by: .account(w.m.w.staff))
        #expect(throws: CoreError.visitorAddressHasAccount) { try w.store.visitorExport(proof: desk, by: .account(w.m.w.staff)) }
    }
}
