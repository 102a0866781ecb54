import Foundation
import Testing

/// `sociaalhus agenda --format pdf`: the large-print agenda on paper, as the desk or a cron line
/// runs it.
@Suite(.serialized) struct AgendaPdfCommandTests {
    typealias CLI = CommandLineTests

    /// pdftotext, when poppler-utils is installed (`.ci/run` installs it).
    static let pdftotext = FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")

    /// The text of a PDF file, runs of spaces and line ends as one space.
    static func text(_ path: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        p.arguments = ["-layout", "-enc", "UTF-8", path, "-"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Wrong words: exit 2, one sentence saying what is wrong and what to do, nothing written.
    /// "STORE" and "DIR" stand for the store's folder and the test's folder.
    static let wrongWords: [([String], String)] = [
        (["--large"], "--large werkt alleen met --format pdf. Voeg --format pdf toe, of laat --large weg."),
        (["--weeks", "2", "--days", "3", "--format", "pdf", "--out", "DIR/a.pdf"], "Geef --weeks of --days, niet allebei."),
        (["--weeks", "0", "--format", "pdf", "--out", "DIR/a.pdf"], "'0' is geen geldige waarde voor --weeks; verwacht: een getal van 1 tot en met 26."),
        (["--weeks", "27", "--format", "pdf", "--out", "DIR/a.pdf"], "'27' is geen geldige waarde voor --weeks; verwacht: een getal van 1 tot en met 26."),
        (["--weeks", "twee", "--format", "pdf", "--out", "DIR/a.pdf"], "'twee' is geen geldige waarde voor --weeks"),
        (["--format", "pdf", "--out", ""], "'' is geen geldige waarde voor --out; verwacht: de naam van een bestand."),
        (["--format", "pdf", "--out", "STORE/agenda.pdf"], "niet schrijven: dat is de map met de gegevens van SociaalHus; kies een andere map."),
        (["--format", "pdf", "--out", "DIR"], "niet schrijven: het is een map; geef de naam van een bestand."),
        (["--format", "pdf", "--out", "DIR/brief.pdf"], "niet schrijven: het bestand bestaat al en is geen agenda van SociaalHus; kies een andere naam of haal het eerst weg."),
        (["--format", "text", "--out", "DIR/a.pdf"], "verwacht: alleen met --format ics, json of pdf."),
        (["--format", "postscript"], "verwacht: text, ics, json, pdf."),
    ]

    @Test("every wrong value exits 2 with what is wrong and how to fix it; nothing is written or overwritten", arguments: wrongWords)
    func wrong(args: [String], message: String) throws {
        let t = CLI.Temp()
        try CLI.run(["init", "--store", t.store])
        let letter = Data("Beste buren, tot zaterdag!".utf8)
        try letter.write(to: URL(fileURLWithPath: t.path + "/brief.pdf"))
        let words = args.map { $0.replacingOccurrences(of: "STORE", with: t.store).replacingOccurrences(of: "DIR", with: t.path) }
        let r = try CLI.run(["agenda", "--store", t.store] + words)
        #expect(r.status == 2, "\(r.err)")
        #expect(r.err.contains(message), "\(r.err)")
        #expect(r.err.split(separator: "\n").count == 1 && r.out.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: t.path + "/brief.pdf")) == letter)
        #expect(!FileManager.default.fileExists(atPath: t.path + "/a.pdf") && !FileManager.default.fileExists(atPath: t.store + "/agenda.pdf"))
    }

    @Test("a PDF is not written onto a terminal: exit 2, saying to give --out or pipe it to the printer") func terminal() throws {
        let t = CLI.Temp()
        try CLI.run(["init", "--store", t.store])
        // `script` gives the command a terminal as its output, as a desk member's shell would.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", "'\(CLI.binary)' agenda --store '\(t.store)' --format pdf --large", "/dev/null"]
        p.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8", "TERM": "xterm"]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let shown = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(shown.contains("Geef --out BESTAND, of stuur hem naar de printer met | lp."), "\(shown)")
        #expect(!shown.contains("%PDF"))
        #expect(p.terminationStatus == 2)
    }

    @Test("the demo's agenda of Centrum: written, replaced next time, in Dutch or English, to a pipe") func written() throws {
        let t = CLI.Temp()
        try CLI.run(["init", "--demo", "--store", t.store])
        let out = t.path + "/agenda-centrum.pdf"
        var r = try CLI.run(["agenda", "--store", t.store, "--wijk", "Centrum", "--weeks", "2", "--format", "pdf", "--large", "--out", out])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("De agenda staat in \(out). Aantal pagina's: "))
        let first = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(first.starts(with: Data("%PDF-1.4".utf8)))
        #expect(try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int == 0o600)
        // Next week's print replaces this one: it is one of ours.
        r = try CLI.run(["agenda", "--store", t.store, "--wijk", "Centrum", "--weeks", "1", "--format", "pdf", "--large", "--out", out, "--lang", "en"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("The agenda is in \(out). Pages: "))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) != first)
        // To a pipe (`| lp`): the PDF on the output.
        r = try CLI.run(["agenda", "--store", t.store, "--format", "pdf"])
        #expect(r.status == 0 && r.out.hasPrefix("%PDF-1.4"))
    }

    @Test("the paper holds the demo's activities in Dutch or English and no resident's name",
          .enabled(if: pdftotext, "poppler-utils is not installed here (apt-get install poppler-utils; .ci/run installs it)"))
    func read() throws {
        let t = CLI.Temp()
        try CLI.run(["init", "--demo", "--store", t.store])
        let add = try CLI.run(["account", "add", "--store", t.store, "--email", "kanarie@example.nl", "--name", "Kanarie Zwaluwstaart", "--wijk", "Centrum"],
                              stdin: CLI.password)
        #expect(add.status == 0, "\(add.err)")
        let out = t.path + "/agenda-centrum.pdf"
        try CLI.run(["agenda", "--store", t.store, "--wijk", "Centrum", "--weeks", "2", "--format", "pdf", "--large", "--out", out])
        let text = try Self.text(out)
        #expect(text.contains("Agenda Centrum, ") && text.contains(" t/m ") && text.contains("gemaakt op ") && text.contains("Pagina 1 van "))
        #expect(text.contains("Inloopspreekuur Sociaal Hus") && text.contains("Waar: Sociaal Hus Borne, Marktstraat 12") && text.contains("Digicafé"))
        // A resident whose name and address must appear nowhere on the paper, nor any demo account's.
        #expect(!text.contains("Kanarie") && !text.contains("kanarie@") && !text.contains("Demo "), "no account's name")
        #expect(!text.contains("Wandelen rond Hertme"), "only Centrum and all of Borne")
        try CLI.run(["agenda", "--store", t.store, "--wijk", "Centrum", "--format", "pdf", "--large", "--out", out, "--lang", "en"])
        #expect(try Self.text(out).contains("Page 1 of "))
    }

    @Test("the help names --weeks, --large and pdf") func help() throws {
        let r = try CLI.run(["agenda", "--help"])
        #expect(r.status == 0)
        #expect(r.out.contains("--weeks N") && r.out.contains("--large") && r.out.contains("text|ics|json|pdf"))
    }
}
