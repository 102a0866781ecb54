import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// The written receipt of a referral on screen: after `b`, and with `p`/`m`
/// on a conversation that has referrals.
@Suite(.serialized) struct ReceiptScreenTests {
    /// A driver logged in as Lotte at the desk, with the export folder a fresh one.
    static func desk(lang: Language = .dutch, email: String = "piet@example.nl") throws -> (Driver, Intake, String) {
        let d = Driver(lang: lang, size: Size(cols: 100, rows: 60))
        let folder = NSTemporaryDirectory() + "sociaalhus-receipt-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        d.app.ctx.exportDirectory = folder
        let intake = try d.recordIntake { $0.email = email }
        d.logIn("lotte")
        return (d, intake, folder)
    }

    /// Refers the open conversation to the Voedselbank through the screens, and confirms with `b`.
    static func referThroughScreens(_ d: Driver, lang: Language = .dutch) {
        d.press(.char("5"), .enter, .char("d"), .char("/"))
        d.type("voedsel")
        d.press(.enter, .enter)
        d.focus(lang == .dutch ? "[ Verder" : "[ Next")
        d.press(.enter, .char("b"))
    }

    /// The whole receipt as the screen shows it, page by page.
    static func seen(_ d: Driver) -> String {
        var seen = ""
        for _ in 0..<8 { seen += d.screen; d.press(.pageDown) }
        d.press(.home)
        return seen
    }

    @Test("after b the receipt is shown; p writes it into the export folder, made from the store, and logs it") func afterConfirm() throws {
        let (d, intake, folder) = try Self.desk()
        Self.referThroughScreens(d)
        #expect(d.screen.contains("Doorgegeven aan Voedselbank Borne"))
        #expect(d.screen.contains("Doorverwijzing 1 van 1 · Voedselbank Borne · Piet Pieters"), "\(d.screen)")
        let referral = try #require(d.store.state.intakes[intake.id.rawValue]?.referrals.first)
        let shown = Self.seen(d)
        #expect(shown.contains("BEWIJS VAN DOORVERWIJZING") && shown.contains("RECEIPT OF A REFERRAL"))
        #expect(d.app.activeBindings().contains { $0.action == .printReceipt && $0.label == "Bon printen" })
        d.press(.char("p"))
        let path = folder + "/sociaalhus-bon-gesprek-\(intake.id)-1.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ")
            .contains("\"" + referral.toldSentence + "\""))
        #expect(!text.contains("0612345678") && !text.contains("boodschappen"), "no values on paper")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(d.screen.contains("Geschreven naar: " + path) || d.screen.contains("Geschreven naar:"), "\(d.screen)")
        #expect(d.store.state.audit.all.contains { $0.action == .receiptPrinted && $0.target == "intake:\(intake.id)" })
        d.press(.escape)
        #expect(d.screen.contains("Gesprek"), "Esc goes back to the conversation")
    }

    @Test("m asks, naming the address; n sends nothing; j queues it to that address only") func mail() throws {
        let (d, intake, _) = try Self.desk()
        try d.store.setMail(command: ["/usr/bin/true"], from: nil, by: .commandLine)
        Self.referThroughScreens(d)
        d.press(.char("m"))
        #expect(d.screen.contains("per e-mail sturen naar piet@example.nl"), "\(d.screen)")
        d.press(.char("n"))
        #expect(!d.store.state.outbox.all.contains { $0.kind == .referralReceipt })
        d.press(.char("m"), .char("j"))
        let mails = d.store.state.outbox.all.filter { $0.kind == .referralReceipt }
        #expect(mails.map(\.to) == ["piet@example.nl"] && mails.first?.intake == intake.id)
        #expect(d.screen.contains("De bon gaat per e-mail naar de bewoner."))
        #expect(d.store.state.audit.all.contains { $0.action == .receiptMailed && $0.target == "intake:\(intake.id)" })
    }

    @Test("without a mail command the desk is told to hand it over on paper, and nothing is queued") func noMailCommand() throws {
        let (d, _, _) = try Self.desk()
        Self.referThroughScreens(d)
        d.press(.char("m"), .char("j"))
        #expect(d.screen.contains("Geef de bon op papier mee."), "\(d.screen)")
        #expect(!d.store.state.outbox.all.contains { $0.kind == .referralReceipt })
    }

    @Test("without an address m asks nothing and says to hand it over on paper") func noAddress() throws {
        let (d, _, _) = try Self.desk(email: "")
        try d.store.setMail(command: ["/usr/bin/true"], from: nil, by: .commandLine)
        Self.referThroughScreens(d)
        d.press(.char("m"))
        #expect(d.screen.contains("Er is geen e-mailadres van de bewoner bij dit gesprek"), "\(d.screen)")
        #expect(!d.screen.contains("Zeker weten?"))
        #expect(!d.store.state.outbox.all.contains { $0.kind == .referralReceipt })
    }

    @Test("on the conversation p and m are there only with a referral, open the latest, and ←/→ choose another") func fromDetail() throws {
        let (d, intake, folder) = try Self.desk()
        d.press(.char("5"), .enter)
        #expect(!d.app.activeBindings().contains { $0.action == .printReceipt || $0.action == .mailReceipt })
        d.press(.escape, .escape)
        let lotte = Viewer.account(d.account("lotte"))
        for (org, purpose) in [("Voedselbank Borne", "voedselpakket"), ("Welzijn Borne", "hulp bij de administratie")] {
            guard let o = d.store.state.organisation(named: org) else { continue }
            let plan = ReferralPlan(organisation: o.id, fields: [.name, .phone], purpose: purpose)
            try d.store.refer(intake.id, plan: plan, told: ResidentTold(sentence: ReferralNotice.sentence(fields: plan.fields, organisationName: o.name, purpose: purpose, lang: .dutch)), by: lotte)
        }
        let count = d.store.state.intakes[intake.id.rawValue]!.referrals.count
        try #require(count >= 1)
        d.press(.char("5"), .enter)
        #expect(KeyTable.conflicts(d.app.activeBindings()).isEmpty)
        let help = d.app.activeBindings().map(\.label)
        #expect(help.contains("Bon printen") && help.contains("Bon mailen"))
        d.press(.char("p"))
        #expect(d.screen.contains("Doorverwijzing \(count) van \(count)"), "\(d.screen)")
        #expect(FileManager.default.fileExists(atPath: folder + "/sociaalhus-bon-gesprek-\(intake.id)-\(count).txt"), "p on the conversation prints the latest")
        #expect(KeyTable.conflicts(d.app.activeBindings()).isEmpty)
        for b in d.app.activeBindings() { #expect(KeyMap.defaultKeys[b.action] != nil, "\(b.action) is not in KeyMap.defaults") }
        if count > 1 {
            d.press(.left)
            #expect(d.screen.contains("Doorverwijzing \(count - 1) van \(count)"))
            d.press(.right)
            #expect(d.screen.contains("Doorverwijzing \(count) van \(count)"))
        }
    }

    @Test("served to others nothing is written: no p, and the screen says how to get it on paper") func shared() throws {
        let (d, intake, folder) = try Self.desk()
        d.app.ctx.shared = true
        Self.referThroughScreens(d)
        #expect(!d.app.activeBindings().contains { $0.action == .printReceipt })
        #expect(d.app.activeBindings().contains { $0.action == .mailReceipt })
        #expect(d.screen.contains("sociaalhus intake receipt --id \(intake.id) --number 1"), "\(d.screen)")
        d.press(.char("p"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test("English is complete on the receipt screen") func english() throws {
        let (d, _, _) = try Self.desk(lang: .english)
        Self.referThroughScreens(d, lang: .english)
        #expect(d.screen.contains("Referral 1 of 1 · Voedselbank Borne"), "\(d.screen)")
        #expect(d.screen.contains("Receipt of the referral"))
        let labels = d.app.activeBindings().filter { [.printReceipt, .mailReceipt].contains($0.action) }.map(\.label)
        #expect(labels == ["Print receipt", "Mail receipt"])
        // The sentence was said in English, so the English part comes first.
        let shown = Self.seen(d)
        let en = try #require(shown.range(of: "RECEIPT OF A REFERRAL")), nl = try #require(shown.range(of: "BEWIJS VAN DOORVERWIJZING"))
        #expect(en.lowerBound < nl.lowerBound)
        for dutchOnly in ["Bon printen", "Doorverwijzing 1 van", "Geschreven naar"] { #expect(!d.screen.contains(dutchOnly)) }
    }
}
