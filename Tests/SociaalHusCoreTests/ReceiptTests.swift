import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// The written receipt of a referral: made from what the store recorded,
/// in both languages, with the exact sentence the resident was read, and the resident's rights.
@Suite struct ReceiptTextTests {
    /// Text with its line breaks, indents and column padding folded into single spaces, as a reader reads it.
    static func flat(_ text: String) -> String {
        text.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ")
    }

    /// Refers the conversation made by `change` to the Voedselbank with `fields`, the sentence said in `lang`.
    static func referred(_ w: DeskWorld, fields: [IntakeField], purpose: String = "voedselpakket", lang: Language = .dutch,
                         _ change: (inout IntakeInput) -> Void = { _ in }) throws -> (Intake, Referral) {
        let input = w.input(change)
        let intake = try w.store.createIntake(input, consent: input.account.map { LinkConsent(account: $0) }, by: w.desk)
        let plan = ReferralPlan(organisation: w.voedselbank.id, fields: fields, purpose: purpose)
        let referral = try w.store.refer(intake.id, plan: plan, told: w.told(intake, plan, lang), by: w.desk)
        return (w.store.state.intakes[intake.id.rawValue]!, referral)
    }

    static let fieldCases: [([IntakeField], String, String)] = [
        ([.name, .phone, .question], "naam, telefoonnummer en vraag", "name, phone number and question"),
        ([.email], "e-mailadres", "e-mail address"),
        ([.address, .notes], "adres en aantekeningen van de baliemedewerker", "address and the desk's notes"),
        ([.name, .phone, .email, .address, .question, .notes],
         "naam, telefoonnummer, e-mailadres, adres, vraag en aantekeningen van de baliemedewerker",
         "name, phone number, e-mail address, address, question and the desk's notes"),
    ]

    @Test("the fields are named in words in both languages, never their values", arguments: fieldCases)
    func fieldsInWords(fields: [IntakeField], nl: String, en: String) throws {
        let w = try DeskWorld()
        let (intake, _) = try Self.referred(w, fields: fields) { $0.email = "piet@example.nl" }
        let receipt = try w.store.printReferralReceipt(intake.id, number: 1, by: w.desk)
        let text = Self.flat(receipt.text())
        #expect(text.contains("Gegevens: " + nl), "\(text)")
        #expect(text.contains("Data: " + en), "\(text)")
        for value in ["Piet Pieters", "0612345678", "piet@example.nl", "Marktstraat", "7622 AB", "boodschappen", "energiebedrijf"] {
            #expect(!receipt.text().contains(value), "the value '\(value)' is not on the receipt")
        }
    }

    @Test("the exact sentence said, the organisation, purpose, date, the desk member, reference and rights") func contents() throws {
        let w = try DeskWorld()
        let (intake, referral) = try Self.referred(w, fields: [.name, .phone, .question])
        let receipt = try w.store.printReferralReceipt(intake.id, number: 1, by: w.desk)
        let text = Self.flat(receipt.text())
        #expect(text.contains("\"" + referral.toldSentence + "\""), "the sentence, word for word:\n\(receipt.text())")
        #expect(text.contains("Aan: Voedselbank Borne") && text.contains("To: Voedselbank Borne"))
        #expect(text.contains("Doel: voedselpakket") && text.contains("Purpose: voedselpakket"))
        #expect(text.contains("Op dinsdag 24 november 2026 om 10:00 heeft Lotte Balie, baliemedewerker van het Sociaal Hus"))
        #expect(text.contains("On Tuesday 24 November 2026 at 10:00, Lotte Balie, desk staff of the Sociaal Hus"))
        #expect(text.contains("Kenmerk: gesprek \(intake.id), doorverwijzing 1") && text.contains("Reference: conversation \(intake.id), referral 1"))
        for right in ["- Inzien:", "- Verbeteren:", "- Wissen:", "- Bezwaar", "- See:", "- Correct:", "- Erase:", "- Object"] {
            #expect(text.contains(right), "\(right)")
        }
        #expect(text.contains("privacy@sociaalhus.invalid"), "the privacy statement's address")
        #expect(text.contains("aan de balie van het Sociaal Hus"))
        #expect(!text.contains("Mijn gegevens"), "not linked to an account: Mijn gegevens has nothing of it")
        #expect(receipt.text().split(separator: "\n").allSatisfy { $0.count <= 72 }, "printable lines")
        #expect(receipt.fileName == "sociaalhus-bon-gesprek-\(intake.id)-1.txt")
        // Dutch said, Dutch first.
        let dutch = try #require(receipt.text().range(of: "BEWIJS VAN DOORVERWIJZING")), english = try #require(receipt.text().range(of: "RECEIPT OF A REFERRAL"))
        #expect(dutch.lowerBound < english.lowerBound)
    }

    @Test("a sentence said in English puts English first; a linked account points to Mijn gegevens") func englishFirst() throws {
        let w = try DeskWorld()
        let (intake, referral) = try Self.referred(w, fields: [.name, .email], purpose: "food parcel", lang: .english) {
            $0.email = w.resident.email; $0.account = w.resident.id
        }
        let receipt = try w.store.printReferralReceipt(intake.id, number: 1, by: w.desk)
        #expect(receipt.spokenLanguage == .english)
        let text = receipt.text()
        #expect(text.range(of: "RECEIPT OF A REFERRAL")!.lowerBound < text.range(of: "BEWIJS VAN DOORVERWIJZING")!.lowerBound)
        #expect(Self.flat(text).contains("\"" + referral.toldSentence + "\""))
        #expect(Self.flat(text).contains("Profiel › Mijn gegevens") && Self.flat(text).contains("Profile › My data"))
    }

    @Test("hostile recorded text is printed harmless: no escapes, no bidi overrides, no line of its own") func hostile() throws {
        // The core refuses control characters on input; the receipt does not rely on that (a
        // store of an older build, a restored backup), so it is fed them directly here.
        let w = try DeskWorld()
        var intake = try w.store.createIntake(w.input(), by: w.desk)
        intake.referrals = [Referral(organisation: w.voedselbank.id, organisationName: "Evil\u{1B}[2J\u{202E}Org", fields: [.name],
                                     purpose: "hulp\u{7}\nFAKE LINE", at: testNow, staff: w.staff.id, staffName: "Lotte\u{9B}31m",
                                     toldSentence: "Ik geef\u{1B}]0;x\u{7} uw naam door.", disclosure: DisclosureID(1), message: OutboxMessageID(1))]
        let text = try #require(ReferralReceipt(intake: intake, number: 1, privacyAddress: "privacy@borne.example")).text()
        #expect(!text.unicodeScalars.contains { [0x1B, 0x202E, 0x07, 0x9B].contains($0.value) })
        #expect(text.contains("Evil␛[2J<U+202E>Org") && text.contains("Lotte<U+009B>31m"))
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("FAKE LINE") }, "a line break in recorded text starts no line")
        #expect(ReferralReceipt(intake: intake, number: 2, privacyAddress: "x@y.example") == nil)
    }

    @Test("the receipt is made from the store: a later change of the directory does not change it") func fromStore() throws {
        let w = try DeskWorld()
        let (intake, _) = try Self.referred(w, fields: [.name])
        try w.store.updateOrganisation(w.voedselbank.id, by: .commandLine) { $0.name = "Voedselbank Twente" }
        let text = try w.store.printReferralReceipt(intake.id, number: 1, by: w.desk).text()
        #expect(text.contains("Voedselbank Borne") && !text.contains("Twente"))
    }

    @Test("only desk staff; a referral that does not exist is not found; printing is logged for the person") func rules() throws {
        let w = try DeskWorld()
        let (intake, _) = try Self.referred(w, fields: [.name, .email], lang: .dutch) { $0.email = w.resident.email; $0.account = w.resident.id }
        _ = intake
        let linked = try #require(w.store.state.intakes.all.first)
        for v: Viewer in [.visitor, .account(w.resident), .account(w.editor), .account(w.partner)] {
            #expect(throws: CoreError.self) { try w.store.printReferralReceipt(linked.id, number: 1, by: v) }
            #expect(throws: CoreError.self) { try w.store.mailReferralReceipt(linked.id, number: 1, by: v) }
        }
        #expect(throws: CoreError.notFound(what: "referral 2 of intake \(linked.id)")) { try w.store.printReferralReceipt(linked.id, number: 2, by: w.desk) }
        _ = try w.store.printReferralReceipt(linked.id, number: 1, by: w.desk)
        let events = w.store.state.audit.all.filter { $0.action == .receiptPrinted }
        #expect(events.map(\.actor) == [w.staff.id] && events.map(\.target) == ["intake:\(linked.id)"])
    }
}

@Suite struct ReceiptMailTests {
    /// Sets a mail command, as the operator does.
    static func configureMail(_ w: DeskWorld) throws {
        let fake = w.dir.path + "/fake-sendmail"
        try "#!/bin/sh\ncat > /dev/null\n".write(toFile: fake, atomically: true, encoding: .utf8)
        chmod(fake, 0o755)
        try w.store.setMail(command: [fake, "-t", "-oi"], from: nil, by: .commandLine)
    }

    @Test("queued to the address the resident gave, to nobody else, logged for them, erased with the conversation") func mailed() throws {
        let w = try DeskWorld()
        try Self.configureMail(w)
        let intake = try w.store.createIntake(w.input { $0.email = w.resident.email; $0.account = w.resident.id },
                                              consent: LinkConsent(account: w.resident.id), by: w.desk)
        let plan = ReferralPlan(organisation: w.voedselbank.id, fields: [.name, .email, .question], purpose: "voedselpakket")
        let referral = try w.store.refer(intake.id, plan: plan, told: w.told(intake, plan), by: w.desk)
        let before = Set(w.store.state.outbox.all.map(\.id))
        let to = try w.store.mailReferralReceipt(intake.id, number: 1, by: w.desk)
        #expect(to == w.resident.email)
        let new = w.store.state.outbox.all.filter { !before.contains($0.id) }
        #expect(new.count == 1)
        let mail = try #require(new.first)
        #expect(mail.kind == .referralReceipt && mail.to == w.resident.email && mail.accounts == [w.resident.id] && mail.intake == intake.id)
        #expect(mail.subject == "Bewijs van uw doorverwijzing / Receipt of your referral")
        #expect(ReceiptTextTests.flat(mail.body).contains("\"" + referral.toldSentence + "\""))
        #expect(mail.body.contains("U ontvangt deze e-mail omdat u aan de balie van het Sociaal Hus om dit bewijs vroeg."))
        // The Maildir file is the same text, to the same one address.
        let file = try String(contentsOfFile: w.dir.store + "/mail/" + mail.file!, encoding: .utf8)
        #expect(file.contains("To: <" + w.resident.email + ">") && !file.contains(w.voedselbank.email))
        let event = try #require(w.store.state.audit.all.first { $0.action == .receiptMailed })
        #expect(event.subject == w.resident.id && event.actor == w.staff.id && event.target == "intake:\(intake.id)")
        // The resident's own export says who at the desk did it.
        let json = String(decoding: try w.store.export(w.resident.id, by: .account(w.resident)).json(), as: UTF8.self)
        #expect(json.contains("receipt-mailed") && json.contains("desk-staff"))
        try w.store.eraseIntakes(ofPersonIn: intake.id, by: w.desk)
        #expect(!w.store.state.outbox.all.contains { $0.kind == .referralReceipt })
    }

    @Test("no address, or no mail command: refused, nothing queued, nothing logged") func refused() throws {
        let w = try DeskWorld()
        let intake = try w.store.createIntake(w.input(), by: w.desk)   // phone only
        let plan = ReferralPlan(organisation: w.voedselbank.id, fields: [.name], purpose: "voedselpakket")
        try w.store.refer(intake.id, plan: plan, told: w.told(intake, plan), by: w.desk)
        try Self.configureMail(w)
        #expect(throws: CoreError.receiptCannotMail(noAddress: true)) { try w.store.mailReferralReceipt(intake.id, number: 1, by: w.desk) }
        let w2 = try DeskWorld()
        let withMail = try w2.store.createIntake(w2.input { $0.email = "piet@example.nl" }, by: w2.desk)
        try w2.store.refer(withMail.id, plan: plan, told: w2.told(withMail, plan), by: w2.desk)
        #expect(throws: CoreError.receiptCannotMail(noAddress: false)) { try w2.store.mailReferralReceipt(withMail.id, number: 1, by: w2.desk) }
        for s in [w.store, w2.store] {
            #expect(!s.state.outbox.all.contains { $0.kind == .referralReceipt })
            #expect(!s.state.audit.all.contains { $0.action == .receiptMailed })
        }
    }

    @Test("an unlinked conversation's receipt goes to the address typed at the desk") func unlinked() throws {
        let w = try DeskWorld()
        try Self.configureMail(w)
        let intake = try w.store.createIntake(w.input { $0.email = "piet@example.nl" }, by: w.desk)
        let plan = ReferralPlan(organisation: w.voedselbank.id, fields: [.name], purpose: "voedselpakket")
        try w.store.refer(intake.id, plan: plan, told: w.told(intake, plan), by: w.desk)
        #expect(try w.store.mailReferralReceipt(intake.id, number: 1, by: w.desk) == "piet@example.nl")
        let mail = try #require(w.store.state.outbox.all.first { $0.kind == .referralReceipt })
        #expect(mail.to == "piet@example.nl" && mail.accounts.isEmpty)
        #expect(w.store.state.audit.all.contains { $0.action == .receiptMailed && $0.subject == nil && $0.target == "intake:\(intake.id)" })
    }
}
