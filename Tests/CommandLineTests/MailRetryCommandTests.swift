import Foundation
import Testing

/// `sociaalhus mail retry` as the operator runs it after a delivery run.
@Suite struct MailRetryCommandTests {
    typealias CLI = CommandLineTests

    @Test("retry on an e-mail already sent says so and exits 1; it does not promise the next mail send, which sends nothing")
    func retrySent() throws {
        let t = CLI.Temp()
        #expect(try CLI.run(["init", "--demo", "--store", t.store]).status == 0)
        let sendmail = t.path + "/sendmail"
        try "#!/bin/sh\ncat > /dev/null\n".write(toFile: sendmail, atomically: true, encoding: .utf8)
        chmod(sendmail, 0o755)
        #expect(try CLI.run(["mail", "config", "--store", t.store, "--command", sendmail, "--from", "post@example.nl"]).status == 0)
        #expect(try CLI.run(["mail", "send", "--store", t.store]).status == 0)
        for (lang, said) in [("nl", "E-mail 1 is al verstuurd. Opnieuw versturen kan niet"), ("en", "E-mail 1 was sent already. It cannot be sent again")] {
            let r = try CLI.run(["mail", "retry", "--store", t.store, "--id", "1", "--lang", lang])
            #expect(r.status == 1, "a refusal by the store: \(r.err)")
            #expect(r.err.contains(said), "\(r.err)")
            #expect(!(r.out + r.err).contains("mail send'."), "no promise of the next run: \(r.out)\(r.err)")
        }
        let next = try CLI.run(["mail", "send", "--store", t.store])
        #expect(next.out.hasPrefix("0 "), "nothing was waiting: \(next.out)")
    }
}
