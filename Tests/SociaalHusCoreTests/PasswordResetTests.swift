import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// Password reset with one-time codes: who may make one, and that a code works
/// once, for a day, for its own account only, and cannot be guessed faster than a password.
@Suite struct PasswordResetTests {
    static let newPassword = "een nieuw wachtwoord voor de winter"

    /// The code inside a queued code e-mail.
    static func code(in body: String) -> String? {
        body.split(separator: "\n").first { $0.hasPrefix("Je code: ") }.map { String($0.dropFirst(9)) }
    }

    @Test("a code from the desk sets a new password once; the old password and the used code stop working")
    func deskCode() throws {
        let w = try DeskWorld()
        let code = try w.store.issueResetCode(email: "Anna@example.nl", by: w.desk)
        #expect(PasswordReset.normalised(code) != nil)
        #expect(code.count == 14 && code.filter { $0 == "-" }.count == 2, "grouped by four: \(code)")
        let a = try w.store.resetPassword(email: "anna@example.nl", code: code.lowercased().replacingOccurrences(of: "-", with: " "), newPassword: Self.newPassword)
        #expect(a.id == w.resident.id)
        #expect(throws: CoreError.loginFailed) { try w.store.login(email: "anna@example.nl", password: goodPassword) }
        #expect(try w.store.login(email: "anna@example.nl", password: Self.newPassword).id == w.resident.id)
        #expect(throws: CoreError.resetCodeWrong) { try w.store.resetPassword(email: "anna@example.nl", code: code, newPassword: goodPassword) }
        // Both steps are in the person's log, the first with who made the code.
        let log = w.store.state.audit.all.filter { $0.subject == w.resident.id }
        #expect(log.contains { $0.action == .resetCodeIssued && $0.actor == w.staff.id && $0.target == "desk" })
        #expect(log.contains { $0.action == .passwordReset && $0.target == "desk" })
    }

    /// Who may make a code for whom: desk staff for accounts without a platform role of trust,
    /// an administrator and the operator for anyone, nobody else.
    @Test("who may make a code for whom") func permissionTable() throws {
        let w = try DeskWorld()
        let viewers: [(String, Viewer)] = [("visitor", .visitor), ("resident", .account(w.resident)), ("editor", .account(w.editor)),
                                           ("partner", .account(w.partner)), ("desk", w.desk), ("admin", .account(w.admin)), ("operator", .commandLine)]
        let targets: [(String, Account)] = [("resident", w.resident), ("editor", w.editor), ("partner", w.partner), ("desk", w.staff), ("admin", w.admin)]
        for (vName, viewer) in viewers {
            for (tName, target) in targets {
                let expected: CoreError?
                switch vName {
                case "admin", "operator": expected = nil
                case "desk": expected = tName == "desk" || tName == "admin" ? .notPermitted(.administratorsOnly) : nil
                case "visitor": expected = .notPermitted(.notLoggedIn)
                default: expected = .notPermitted(.deskStaffOnly)
                }
                do {
                    _ = try w.store.issueResetCode(email: target.email, by: viewer)
                    #expect(expected == nil, "\(vName) made a code for \(tName)")
                } catch {
                    #expect(error as? CoreError == expected, "\(vName) for \(tName): \(error)")
                }
            }
        }
    }

    @Test("a code works for 24 hours; an expired one says so and is gone") func expiry() throws {
        let w = try DeskWorld()
        let code = try w.store.issueResetCode(email: "anna@example.nl", by: w.desk)
        #expect(w.store.hasResetCode(w.resident.id))
        w.clock.advance(PasswordReset.validity + 1)
        #expect(!w.store.hasResetCode(w.resident.id))
        #expect(throws: CoreError.resetCodeExpired) { try w.store.resetPassword(email: "anna@example.nl", code: code, newPassword: Self.newPassword) }
        #expect(try w.store.db.integer("SELECT count(*) FROM reset_code") == 0)
        #expect(try w.store.login(email: "anna@example.nl", password: goodPassword).id == w.resident.id)
    }

    @Test("a new code replaces the one before") func replaced() throws {
        let w = try DeskWorld()
        let first = try w.store.issueResetCode(email: "anna@example.nl", by: w.desk)
        let second = try w.store.issueResetCode(email: "anna@example.nl", by: .commandLine)
        #expect(first != second)
        #expect(throws: CoreError.resetCodeWrong) { try w.store.resetPassword(email: "anna@example.nl", code: first, newPassword: Self.newPassword) }
        _ = try w.store.resetPassword(email: "anna@example.nl", code: second, newPassword: Self.newPassword)
    }

    @Test("a code is for its own account only") func ownAccountOnly() throws {
        let w = try DeskWorld()
        let code = try w.store.issueResetCode(email: "anna@example.nl", by: w.desk)
        #expect(throws: CoreError.resetCodeWrong) { try w.store.resetPassword(email: "kees@example.nl", code: code, newPassword: Self.newPassword) }
        #expect(try w.store.login(email: "kees@example.nl", password: goodPassword).id == w.editor.id)
    }

    @Test("wrong codes are throttled as wrong passwords are, for known and unknown addresses alike")
    func throttled() throws {
        let w = try DeskWorld()
        let code = try w.store.issueResetCode(email: "anna@example.nl", by: w.desk)
        for address in ["anna@example.nl", "nobody@example.nl"] {
            for _ in 0..<5 {
                #expect(throws: CoreError.resetCodeWrong) { try w.store.resetPassword(email: address, code: "ABCD-EFGH-JKLM", newPassword: Self.newPassword) }
            }
            #expect(throws: CoreError.loginThrottled(seconds: 2)) { try w.store.resetPassword(email: address, code: code, newPassword: Self.newPassword) }
        }
        // The right code still works once the wait is over.
        w.clock.advance(2)
        _ = try w.store.resetPassword(email: "anna@example.nl", code: code, newPassword: Self.newPassword)
    }

    @Test("a typo that cannot be a code is explained and not counted") func malformed() throws {
        let w = try DeskWorld()
        for typo in ["", "ABCD", "ABCD-EFGH-JKL0", "ABCD-EFGH-JKLM-N", "ÀBCD-EFGH-JKLM"] {
            #expect(throws: CoreError.resetCodeMalformed) { try w.store.resetPassword(email: "anna@example.nl", code: typo, newPassword: Self.newPassword) }
        }
        #expect(w.store.state.accounts[w.resident.id.rawValue]?.throttle == LoginThrottleState())
    }

    @Test("a password the rules refuse keeps the code") func refusedPasswordKeepsCode() throws {
        let w = try DeskWorld()
        let code = try w.store.issueResetCode(email: "anna@example.nl", by: w.desk)
        #expect(throws: CoreError.passwordRejected(.tooShort(minimum: 12, actual: 4))) {
            try w.store.resetPassword(email: "anna@example.nl", code: code, newPassword: "kort")
        }
        _ = try w.store.resetPassword(email: "anna@example.nl", code: code, newPassword: Self.newPassword)
    }

    @Test("a blocked account gets no code, and a code made before the block does not open it") func blocked() throws {
        let w = try DeskWorld()
        let code = try w.store.issueResetCode(email: "anna@example.nl", by: w.desk)
        try w.store.setBlocked(w.resident.id, blocked: true, by: .commandLine)
        #expect(throws: CoreError.accountBlocked) { try w.store.issueResetCode(email: "anna@example.nl", by: w.desk) }
        #expect(throws: CoreError.accountBlocked) { try w.store.resetPassword(email: "anna@example.nl", code: code, newPassword: Self.newPassword) }
    }

    @Test("by mail: a code to the account's own address, one per quarter of an hour, nothing for an unknown address")
    func byMail() throws {
        let w = try DeskWorld()
        #expect(throws: CoreError.mailNotConfigured) { try w.store.requestResetCodeByMail(email: "anna@example.nl") }
        try w.store.setMail(command: ["/bin/true"], from: "post@borne.example", by: .commandLine)
        try w.store.requestResetCodeByMail(email: "ANNA@example.nl")
        try w.store.requestResetCodeByMail(email: "anna@example.nl")  // within 15 minutes: nothing more
        try w.store.requestResetCodeByMail(email: "nobody@example.nl")  // no account: nothing, and no error
        let mails = w.store.state.outbox.all.filter { $0.kind == .passwordReset }
        #expect(mails.count == 1)
        #expect(mails.first?.to == "anna@example.nl")
        #expect(mails.first?.accounts == [w.resident.id])
        let code = try #require(mails.first.flatMap { Self.code(in: $0.body) })
        w.clock.advance(PasswordReset.mailInterval)
        try w.store.requestResetCodeByMail(email: "anna@example.nl")
        #expect(w.store.state.outbox.all.filter { $0.kind == .passwordReset }.count == 2)
        // The newer code replaced the first.
        #expect(throws: CoreError.resetCodeWrong) { try w.store.resetPassword(email: "anna@example.nl", code: code, newPassword: Self.newPassword) }
        let newer = try #require(w.store.state.outbox.all.filter { $0.kind == .passwordReset }.max { $0.id < $1.id }.flatMap { Self.code(in: $0.body) })
        _ = try w.store.resetPassword(email: "anna@example.nl", code: newer, newPassword: Self.newPassword)
        #expect(w.store.state.audit.all.contains { $0.subject == w.resident.id && $0.action == .passwordReset && $0.target == "mail" })
    }

    @Test("the export and Mijn gegevens say a code is waiting (never the code); erasure takes it")
    func inventory() throws {
        let w = try DeskWorld()
        _ = try w.store.issueResetCode(email: "anna@example.nl", by: w.desk)
        let export = try w.store.export(w.resident.id, by: .account(w.resident))
        #expect(export.account.resetCodeValidUntil == testNow.addingTimeInterval(PasswordReset.validity))
        #expect(export.account.resetCodeGiven == "desk")
        _ = try w.store.issueResetCode(email: "kees@example.nl", by: w.desk)
        try w.store.erase(w.resident.id, by: .commandLine)
        #expect(try w.store.db.integer("SELECT count(*) FROM reset_code") == 1, "Kees's code stays")
        #expect(try w.store.db.integer("SELECT account FROM reset_code") == w.editor.id.rawValue)
    }
}
