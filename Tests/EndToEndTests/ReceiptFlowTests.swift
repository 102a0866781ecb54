import Foundation
import Testing
@testable import SociaalHusCore

/// The receipt of a referral in the real binary: the desk refers, confirms
/// with `b`, writes the receipt to print and mails it; the mail command receives exactly that
/// text for the resident's address, and the operator's command prints the same receipt.
@Suite(.serialized) struct ReceiptFlowTests {
    /// Quoted-printable decoded (soft breaks joined, =XX bytes), as a mail reader shows the body.
    static func unQP(_ s: String) -> String {
        var bytes: [UInt8] = []
        let u = Array(s.replacingOccurrences(of: "=\n", with: "").utf8)
        var i = 0
        while i < u.count {
            if u[i] == UInt8(ascii: "="), i + 2 < u.count, let b = UInt8(String(decoding: u[i + 1...i + 2], as: UTF8.self), radix: 16) {
                bytes.append(b)
                i += 3
            } else {
                bytes.append(u[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Words joined by single spaces: what a reader reads, however the lines were wrapped.
    static func flat(_ s: String) -> String { s.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ") }

    @Test("desk refers, confirms b, prints the receipt and mails it; the mail command gets it for the resident only")
    func receiptJourney() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        // The operator's mail command: a sendmail stand-in that keeps what it is handed.
        let spool = t.home + "/spool"
        let sendmail = t.home + "/fake-sendmail"
        try "#!/bin/sh\ncat >> \(Tmux.quote(spool))\necho '----' >> \(Tmux.quote(spool))\n".write(toFile: sendmail, atomically: true, encoding: .utf8)
        chmod(sendmail, 0o755)
        #expect(try t.cli(["mail", "config", "--command", sendmail + " -t -oi"]).status == 0)
        // The desk's folder: the interface runs there, so a printed receipt lands there.
        let desk = t.home + "/balie"
        try FileManager.default.createDirectory(atPath: desk, withIntermediateDirectories: true)
        try t.start(["sh", "-c", "cd \(Tmux.quote(desk)) && exec \(Tmux.quote(Tmux.binary)) --store \(Tmux.quote(t.store))"],
                    cols: 100, rows: 40, raw: true)
        try t.waitFor("bezoeker")
        try t.startIntake(typing: "Ik kom niet rond met de boodschappen")
        try t.keys("Tab", "Right")
        try t.waitFor("‹ wonen ›")
        try t.keys("Right", "Right")
        try t.waitFor("‹ geldzaken ›")
        try t.keys("Tab")
        try t.type("Piet Pieters")
        try t.keys("Tab")
        try t.type("06 1234 5678")
        try t.keys("Tab")
        try t.type("piet@example.nl")
        try t.tabUntil("[ Opslaan ]")
        try t.keys("Enter")
        try t.waitFor("Gesprek opgeslagen.")
        // Refer to the food bank, tell, confirm with b.
        try t.keys("d")
        try t.waitFor("Passend bij geldzaken")
        try t.keys("/")
        try t.type("voedsel")
        try t.keys("Enter")
        try t.waitFor("▌ Voedselbank Borne")
        try t.keys("Enter")
        try t.waitFor("Stap 2 van 3")
        try t.tabUntil("[ Verder ]")
        try t.keys("Enter")
        try t.waitFor("Zeg dit tegen de bewoner")
        try t.keys("b")
        // The receipt takes the referral's place, as it will be printed.
        var s = try t.waitFor("Doorverwijzing 1 van 1 · Voedselbank Borne")
        #expect(s.contains("Doorgegeven aan Voedselbank Borne"))
        #expect(s.contains("BEWIJS VAN DOORVERWIJZING"))
        #expect(s.contains("p Bon printen") && s.contains("m Bon mailen"), "the bottom bar names both")
        try t.keys("p")
        s = try t.waitFor("De bon staat klaar om af te drukken.")
        let store = try Store.open(at: t.store)
        let intake = try #require(store.state.intakes.all.first)
        let told = try #require(intake.referrals.first?.toldSentence)
        #expect(told.hasPrefix("Ik geef uw naam, telefoonnummer en vraag door aan Voedselbank Borne"))
        let printed = try String(contentsOfFile: desk + "/sociaalhus-bon-gesprek-\(intake.id)-1.txt", encoding: .utf8)
        #expect(Self.flat(printed).contains("\"" + told + "\""), "\(printed)")
        #expect(Self.flat(printed).contains("Gegevens: naam, telefoonnummer en vraag"))
        #expect(Self.flat(printed).contains("Aan: Voedselbank Borne") && Self.flat(printed).contains("baliemedewerker van het Sociaal Hus"))
        #expect(printed.contains("RECEIPT OF A REFERRAL") && printed.contains("Uw rechten") && printed.contains("Your rights"))
        #expect(!printed.contains("0612345678") && !printed.contains("piet@example.nl"), "no values on paper")
        // Mail: asked first, naming the address.
        try t.keys("m")
        try t.waitFor("per e-mail sturen naar piet@example.nl")
        try t.keys("j")
        try t.waitFor("De bon gaat per e-mail naar de bewoner.")
        // Back on the conversation, p and m are there for its referral.
        try t.keys("Escape")
        s = try t.waitFor("Bewoner ingelicht")
        try t.keys("q", "j")
        // The operator's command prints the same receipt (made from the store, not from a screen).
        let cli = try t.cli(["intake", "receipt", "--id", "\(intake.id)"])
        #expect(cli.status == 0 && cli.out == printed, "\(cli.out)")
        // The mail command gets one e-mail: the receipt, to the resident's address only.
        let sent = try t.cli(["mail", "send"])
        #expect(sent.status == 0, "\(sent.out)")
        let mails = try String(contentsOfFile: spool, encoding: .utf8).components(separatedBy: "----\n").filter { !$0.isEmpty }
        let receipt = try #require(mails.first { $0.contains("Receipt of your referral") })
        #expect(receipt.contains("To: <piet@example.nl>"))
        #expect(!receipt.contains("info@") , "not to the organisation")
        let body = Self.unQP(receipt)
        #expect(Self.flat(body).contains("\"" + told + "\""))
        #expect(body.contains("U ontvangt deze e-mail omdat u aan de balie van het Sociaal Hus om dit bewijs vroeg."))
        let after = try Store.open(at: t.store)
        #expect(after.state.audit.all.contains { $0.action == .receiptPrinted && $0.target == "intake:\(intake.id)" })
        #expect(after.state.audit.all.contains { $0.action == .receiptMailed && $0.target == "intake:\(intake.id)" })
        #expect(try t.cli(["check"]).status == 0)
    }
}
