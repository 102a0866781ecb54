import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// The desk prints the agenda in large print from the agenda screen (`p`).
@Suite(.serialized) struct AgendaPrintScreenTests {
    /// A driver with a fresh export folder, logged in as `who` (nil: a visitor), on the agenda.
    /// `folder` is the export folder (a fresh one, unless a golden screen needs the same name every run).
    static func driver(_ who: String?, lang: Language = .dutch, folder: String = "/tmp/sociaalhus-print-" + UUID().uuidString) throws -> (Driver, String) {
        // Wide enough for a temporary folder's path on one line.
        let d = Driver(lang: lang, size: Size(cols: 160, rows: 30))
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        d.app.ctx.exportDirectory = folder
        if let who { d.logIn(who) }
        d.press(.char("1"))
        return (d, folder)
    }

    static func offered(_ d: Driver) -> Bool { d.app.activeBindings().contains { $0.action == .printAgenda } }

    @Test("only the desk is offered the key, and not over a shared connection", arguments: [("lotte", true), ("anna", false), (nil, false)] as [(String?, Bool)])
    func who(account: String?, offered: Bool) throws {
        let (d, _) = try Self.driver(account)
        #expect(Self.offered(d) == offered)
        d.press(.char("p"))
        #expect(d.screen.contains("Agenda afdrukken") == offered)
        if offered {
            d.press(.escape)
            d.app.ctx.shared = true
            #expect(!Self.offered(d))
        }
    }

    @Test("p asks which wijk, how many weeks and where; the PDF is written there and the desk is told") func prints() throws {
        let (d, folder) = try Self.driver("lotte", folder: "/tmp/sociaalhus-print-golden")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        d.press(.char("f"))  // the agenda's wijk filter: the form starts on that wijk
        let wijk = try #require(d.store.wijken.first)
        d.press(.char("p"))
        #expect(d.screen.contains("Wijk             ‹ \(wijk.name) ›"), "\(d.screen)")
        #expect(d.screen.contains("‹ 2 weken ›"))
        let file = folder + "/agenda-" + wijk.name.lowercased().replacingOccurrences(of: " ", with: "-") + ".pdf"
        #expect(d.screen.contains(file))
        Golden.check(d.grid, "agenda-print-desk")
        d.focus("Maak de pdf")
        d.press(.enter)
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(data.starts(with: Data("%PDF-1.4".utf8)))
        #expect(d.app.ctx.message?.text.hasPrefix("De agenda staat in \(file). Aantal pagina's: ") == true, "\(d.screen)")
        #expect(!d.screen.contains("Agenda afdrukken"), "back on the agenda")
        // Another wijk: the suggested name follows it; a typed name is kept.
        d.press(.char("p"), .right)
        let next = d.store.wijken[1].name.lowercased().replacingOccurrences(of: " ", with: "-")
        #expect(d.screen.contains(folder + "/agenda-" + next + ".pdf"), "\(d.screen)")
        d.press(.escape)
    }

    @Test("a file the program did not write is not replaced: the desk is told under the field") func notOurs() throws {
        let (d, folder) = try Self.driver("lotte")
        let file = folder + "/agenda-borne.pdf"
        let letter = Data("%PDF-1.7 iemands eigen brief".utf8)
        try letter.write(to: URL(fileURLWithPath: file))
        d.press(.char("p"))
        #expect(d.screen.contains("‹ heel Borne ›") && d.screen.contains(file))
        d.focus("Maak de pdf")
        d.press(.enter)
        #expect(d.screen.contains("geen agenda van SociaalHus"), "\(d.screen)")
        #expect(d.screen.contains("Agenda afdrukken"), "the form stays")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == letter)
        // Another name, typed over the suggestion: written.
        d.focus("Bestand")
        for _ in 0..<file.count { d.press(.backspace) }
        d.type("prikbord.pdf")
        d.focus("Maak de pdf")
        d.press(.enter)
        #expect(FileManager.default.fileExists(atPath: folder + "/prikbord.pdf"), "\(d.screen)")
    }

    @Test("in English the form and the message are English") func english() throws {
        let (d, folder) = try Self.driver("lotte", lang: .english)
        d.press(.char("p"))
        #expect(d.screen.contains("Print the agenda") && d.screen.contains("‹ 2 weeks ›") && d.screen.contains("‹ all of Borne ›"), "\(d.screen)")
        d.focus("Make the PDF")
        d.press(.enter)
        #expect(d.app.ctx.message?.text.hasPrefix("The agenda is in \(folder)/agenda-borne.pdf. Pages: ") == true, "\(d.screen)")
    }
}
