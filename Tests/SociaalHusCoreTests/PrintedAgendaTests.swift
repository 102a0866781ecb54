import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore
import SociaalHusBench
import SociaalHusWords

/// The tools of poppler-utils that read the PDFs (installed by `.ci/run`). Without them the
/// tests that need them are skipped, saying so; everything else runs.
enum Poppler {
    static let tools = ["pdfinfo", "pdffonts", "pdftotext", "pdftoppm"]
    static let available = tools.allSatisfy { FileManager.default.isExecutableFile(atPath: "/usr/bin/" + $0) }
    static let missing = "poppler-utils is not installed here (apt-get install poppler-utils; .ci/run installs it)"

    /// Runs `/usr/bin/<tool>` and returns its status, output and errors.
    static func run(_ tool: String, _ args: [String]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/" + tool)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    /// The text of `pdf` as `pdftotext -layout` reads it, with its errors.
    static func text(_ pdf: Data, in dir: TempDir) throws -> (status: Int32, out: String, err: String) {
        let path = dir.path + "/read-\(UUID().uuidString.prefix(6)).pdf"
        try pdf.write(to: URL(fileURLWithPath: path))
        return try run("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"])
    }
}

@Suite struct PrintedAgendaTests {
    /// A store with activities in Centrum, Hertme and all of Borne, one weekly, with accents.
    struct World {
        let w: DeskWorld
        let centrum: WijkID
        init() throws {
            w = try DeskWorld()
            centrum = wijkID(w.store, "Centrum")
            // testNow is Tuesday 24 November 2026; two weeks run to Monday 7 December.
            try add("Koffieochtend voor iedereen", 25, 10, 0, wijk: centrum, place: "Buurthuis De Kern, Marktstraat 2", signup: "vrije inloop",
                    recurrence: Recurrence(.weekly))
            try add("Crème brûlée bakken, één keer (met Zoë)", 26, 19, 30, wijk: centrum, place: "Café ’t Hoekje, Ëikenlaan 3",
                    signup: "aanmelden via (074) 000 10 00", cost: "€ 2,50")
            try add("Spreekuur geldzaken", 30, 13, 30, wijk: nil, place: "Sociaal Hus Borne, Marktstraat 12", signup: "")
            try add("Wandeling rond Hertme", 27, 9, 30, wijk: wijkID(w.store, "Hertme"), place: "Dorpshuis Hertme", signup: "vrije inloop")
            try add("Kerstmarkt", 12 + 30, 11, 0, wijk: centrum, place: "Marktplein", signup: "vrije inloop")
        }

        func add(_ title: String, _ day: Int, _ hour: Int, _ minute: Int, wijk: WijkID?, place: String, signup: String, cost: String = "",
                 recurrence: Recurrence = .none) throws {
            let start = amsterdamCalendar().date(from: DateComponents(year: 2026, month: 11, day: day, hour: hour, minute: minute))!
            _ = try w.store.perform(.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: title, start: start, end: start.addingTimeInterval(5_400),
                                                                 location: place, wijk: wijk, organisation: w.welzijn.id, category: "ontmoeting",
                                                                 cost: cost, signup: signup, recurrence: recurrence)), as: .account(w.admin))
        }

        func pdf(_ lang: Language = .dutch, large: Bool = true, weeks: Int = 2) throws -> PDFDocument {
            try w.store.printedAgenda(AgendaQuery(wijk: centrum, from: testNow, days: 7 * weeks), large: large, t: lang.t)
        }
    }

    // MARK: WinAnsi

    static let encodings: [(String, [UInt8], String)] = [
        ("Borne", Array("Borne".utf8), "ASCII as it is"),
        ("ë é ï", [0xEB, 0x20, 0xE9, 0x20, 0xEF], "Dutch accents are Latin-1 bytes"),
        ("e\u{301}", [0xE9], "a letter with a combining accent is composed first"),
        ("€ “x” – — ’", [0x80, 0x20, 0x93, 0x78, 0x94, 0x20, 0x96, 0x20, 0x97, 0x20, 0x92], "the code page's own signs at 0x80–0x9F"),
        ("ĳs Ĳsselmeer", Array("ijs IJsselmeer".utf8), "the Dutch ij ligature is spelled"),
        ("Łódź ő", [0x4C, 0xF3, 0x64, 0x7A, 0x20, 0x6F], "letters outside the code page lose their accent"),
        ("feest 🎉!", Array("feest !".utf8), "an emoji is left out"),
        ("👩🏽‍⚕️ arts", Array(" arts".utf8), "a whole emoji sequence is left out"),
        ("日本", Array("??".utf8), "other scripts become a question mark"),
        ("a\u{1B}b\u{0}c\u{7F}", Array("a?b?c?".utf8), "control characters never become bytes"),
        ("zacht\u{AD}je", Array("zachtje".utf8), "a soft hyphen draws nothing"),
        ("a\u{A0}b\tc\nd", Array("a b c d".utf8), "every kind of space is a space"),
        ("1️⃣ → 2", Array("1 -> 2".utf8), "a keycap keeps its digit; an arrow is spelled"),
    ]

    @Test("text becomes WinAnsi bytes the fonts draw, with readable fallbacks", arguments: encodings)
    func winAnsi(text: String, bytes: [UInt8], why: String) {
        #expect(PDFWinAnsi.encode(text) == bytes, "\(why)")
    }

    @Test("no text whatever gives a byte the encoding leaves undrawn") func winAnsiProperty() {
        var rng = SplitMix64(seed: 27)
        let unused: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        for _ in 0..<2_000 {
            let scalars = (0..<Int.random(in: 0...40, using: &rng)).compactMap { _ -> Unicode.Scalar? in
                let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0xFF, 0x100...0x17F, 0x2000...0x206F, 0x300...0x36F, 0x1F300...0x1FAFF, 0x4E00...0x4E50, 0xE000...0xE010]
                return Unicode.Scalar(UInt32.random(in: ranges.randomElement(using: &rng)!, using: &rng))
            }
            let bytes = PDFWinAnsi.encode(String(String.UnicodeScalarView(scalars)))
            #expect(bytes.allSatisfy { $0 >= 0x20 && $0 != 0x7F && !unused.contains($0) }, "\(scalars.map { String($0.value, radix: 16) })")
        }
    }

    // MARK: The PDF file

    @Test("strings escape ( ) \\ and write other bytes as octal") func literals() {
        #expect(PDFDocument.literal(Array("(a)\\b".utf8)) == Array("(\\(a\\)\\\\b)".utf8))
        #expect(PDFDocument.literal([0xEB, 0x0A]) == Array("(\\353\\012)".utf8))
        #expect(PDFDocument.number(12.5) == "12.5" && PDFDocument.number(-0.05) == "-0.05" && PDFDocument.number(595) == "595")
    }

    @Test("every cross-reference offset points at its object, startxref at the table") func crossReferences() throws {
        let data = try World().pdf().data()
        let bytes = [UInt8](data)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-1.4\n"))
        #expect(text.hasSuffix("%%EOF\n"))
        let tail = try #require(text.range(of: "startxref\n", options: .backwards))
        let xref = try #require(Int(text[tail.upperBound...].prefix { $0.isNumber }))
        #expect(Array(bytes[xref..<(xref + 5)]) == Array("xref\n".utf8))
        // The table itself, read by bytes (the offsets are byte offsets).
        let table = String(decoding: bytes[xref...], as: UTF8.self).split(separator: "\n")
        let count = try #require(Int(table[1].split(separator: " ")[1]))
        #expect(count > 6)
        for k in 1..<count {
            let entry = table[2 + k]
            #expect(entry.count == 19 && entry.hasSuffix(" 00000 n "), "entries are 20 bytes with their line end")
            let offset = try #require(Int(entry.prefix(10)))
            #expect(Array(bytes[offset..<(offset + "\(k) 0 obj".utf8.count)]) == Array("\(k) 0 obj".utf8), "object \(k)")
        }
        // Every stream's /Length is its length.
        var search = text.startIndex
        while let s = text.range(of: "/Length ", range: search..<text.endIndex) {
            let n = try #require(Int(text[s.upperBound...].prefix { $0.isNumber }))
            let start = try #require(text.range(of: "stream\n", range: s.upperBound..<text.endIndex))
            let end = try #require(text.range(of: "\nendstream", range: start.upperBound..<text.endIndex))
            #expect(text.utf8.distance(from: start.upperBound, to: end.lowerBound) == n)
            search = end.upperBound
        }
        #expect(text.contains("/BaseFont /Helvetica /Encoding /WinAnsiEncoding") && text.contains("/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding"))
    }

    // MARK: Layout

    /// Random days of activities with titles and places of random length, some one long word.
    static func randomLayout(_ rng: inout SplitMix64, large: Bool) -> AgendaPrintLayout {
        func words(_ n: Int) -> String {
            (0..<n).map { _ in
                Bool.random(using: &rng) && Int.random(in: 0..<8, using: &rng) == 0
                    ? String(repeating: "W", count: Int.random(in: 30...200, using: &rng))
                    : String(repeating: "ëa", count: Int.random(in: 1...7, using: &rng))
            }.joined(separator: " ")
        }
        let days = (0..<Int.random(in: 0...9, using: &rng)).map { d in
            AgendaPrintLayout.Day(heading: "Dag \(d) woensdag \(d) december 2026", continued: "Dag \(d) woensdag \(d) december 2026 (vervolg)",
                                  activities: (0..<Int.random(in: 1...6, using: &rng)).map { _ in
                                      .init(time: Bool.random(using: &rng) ? "10:00–12:00" : "hele dag", title: words(Int.random(in: 1...60, using: &rng)),
                                            details: (0..<Int.random(in: 0...4, using: &rng)).map { _ in "Waar: " + words(Int.random(in: 1...30, using: &rng)) })
                                  })
        }
        return AgendaPrintLayout(top: "Agenda Centrum, " + words(Int.random(in: 1...12, using: &rng)), empty: "Geen activiteiten.", days: days,
                                 sizes: large ? .large : .normal)
    }

    @Test("no text runs off the page or under the margins, large print is 16 pt or more, no page ends on a day's heading")
    func layoutProperty() {
        var rng = SplitMix64(seed: 4)
        for round in 0..<300 {
            let large = round % 2 == 0
            let layout = Self.randomLayout(&rng, large: large)
            let doc = layout.document { "Pagina \($0) van \($1)" }
            #expect(!doc.pages.isEmpty)
            for page in doc.pages {
                for run in page.runs {
                    let right = run.x + run.font.width(run.bytes, size: run.size)
                    #expect(run.x >= AgendaPrintLayout.side - 0.01 && right <= PDFDocument.a4Width - AgendaPrintLayout.side + 0.01, "round \(round): \(right)")
                    #expect(run.y >= AgendaPrintLayout.edge - 0.01 && run.y + run.size <= PDFDocument.a4Height - AgendaPrintLayout.edge + 0.01)
                    if large { #expect(run.size >= 16) }
                }
            }
            let top = PDFDocument.a4Height - AgendaPrintLayout.edge - Double(AgendaPrintLayout.wrap(PDFWinAnsi.encode(layout.top), font: .bold,
                size: layout.sizes.top, first: layout.width, rest: layout.width).count) * layout.sizes.top * AgendaPrintLayout.leading - layout.sizes.top * 0.8
            let pages = layout.paginate(height: top - AgendaPrintLayout.edge - layout.sizes.pageNumber * AgendaPrintLayout.leading - layout.sizes.body * 0.5)
            for (n, lines) in pages.enumerated() where n < pages.count - 1 {
                #expect(lines.last?.size != layout.sizes.day, "round \(round): page \(n + 1) ends on a heading")
            }
            // Every activity's title is there, whole and in order: the bold text beside the times.
            let drawn = pages.flatMap { $0 }.flatMap { $0.pieces.filter { $0.font == .bold && $0.x > 0 }.map(\.bytes) }.joined()
            let titles = layout.days.flatMap(\.activities).map { PDFWinAnsi.encode($0.title) }.joined()
            #expect(drawn.filter { $0 != 0x20 } == titles.filter { $0 != 0x20 }, "round \(round)")
        }
    }

    @Test("a word longer than a line is broken where the line is full; an empty text is one empty line") func wrapping() {
        let long = [UInt8](repeating: 0x57, count: 300)  // "WWW…"
        let lines = AgendaPrintLayout.wrap(long, font: .bold, size: 18, first: 200, rest: 100)
        #expect(lines.joined().count == 300)
        #expect(PDFFont.bold.width(lines[0], size: 18) <= 200 && lines.dropFirst().allSatisfy { PDFFont.bold.width($0, size: 18) <= 100 })
        #expect(AgendaPrintLayout.wrap([], font: .regular, size: 18, first: 100, rest: 100) == [[]])
        #expect(AgendaPrintLayout.wrap(Array("a  b".utf8), font: .regular, size: 10, first: 500, rest: 500) == [Array("a b".utf8)])
    }

    @Test("a day's activities going on past a page are headed again with '(vervolg)'") func continued() {
        let activity = AgendaPrintLayout.Activity(time: "10:00", title: "Koffie", details: ["Waar: hier", "Aanmelden: vrij"])
        let layout = AgendaPrintLayout(top: "Agenda", empty: "", days: [.init(heading: "Maandag", continued: "Maandag (vervolg)",
                                                                                 activities: Array(repeating: activity, count: 12))], sizes: .large)
        let doc = layout.document { "\($0)/\($1)" }
        #expect(doc.pages.count > 1)
        for page in doc.pages.dropFirst() {
            #expect(page.runs.contains { $0.bytes == Array("Maandag (vervolg)".utf8) })
        }
    }

    // MARK: The agenda, read by poppler

    @Test("the printed agenda: A4, Helvetica in WinAnsi, every activity of the period with time and place, accents intact, nobody's name",
          .enabled(if: Poppler.available, Comment(rawValue: Poppler.missing)))
    func readByPoppler() throws {
        let f = try World()
        let dir = TempDir()
        let path = dir.path + "/agenda.pdf"
        try f.pdf().data().write(to: URL(fileURLWithPath: path))
        let info = try Poppler.run("pdfinfo", [path])
        #expect(info.status == 0 && info.err.isEmpty, "\(info.err)")
        #expect(info.out.contains("Page size:       595 x 842 pts (A4)"))
        let pages = Int(info.out.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
        #expect(pages >= 1)
        let fonts = try Poppler.run("pdffonts", [path])
        #expect(fonts.status == 0)
        let rows = fonts.out.split(separator: "\n").dropFirst(2)
        #expect(Set(rows.map { String($0.split(separator: " ")[0]) }) == ["Helvetica", "Helvetica-Bold"])
        #expect(rows.allSatisfy { $0.contains("WinAnsi") })
        let read = try Poppler.run("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"])
        #expect(read.status == 0 && read.err.isEmpty, "\(read.err)")
        // Columns and wrapped lines as one text: runs of spaces and line ends count as one space.
        let text = read.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in ["Agenda Centrum, 24 november 2026 t/m 7 december 2026, gemaakt op 24 november 2026",
                         "Woensdag 25 november 2026", "Woensdag 2 december 2026", "Donderdag 26 november 2026", "Maandag 30 november 2026",
                         "10:00–11:30", "Koffieochtend voor iedereen", "Waar: Buurthuis De Kern, Marktstraat 2", "Aanmelden: vrije inloop",
                         "19:30–21:00", "Crème brûlée bakken, één keer (met Zoë)", "Waar: Café ’t Hoekje, Ëikenlaan 3",
                         "Aanmelden: aanmelden via (074) 000 10 00", "Kosten: € 2,50", "Organisatie: Welzijn Borne",
                         "13:30–15:00", "Spreekuur geldzaken", "Pagina 1 van \(pages)"] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
        #expect(text.components(separatedBy: "Koffieochtend voor iedereen").count - 1 == 2, "the weekly activity twice in two weeks")
        #expect(!text.contains("Hertme") && !text.contains("Kerstmarkt"), "another wijk's activity and one after the period are not printed")
        #expect(text.components(separatedBy: "Agenda Centrum, 24 november").count - 1 == pages, "the heading on every page")
        // Nothing of any account: names and addresses of every account in the store.
        for a in f.w.store.state.accounts.all {
            #expect(!text.contains(a.name) && !text.contains(a.email), "\(a.name)")
        }
        // In English with the language option.
        let english = try Poppler.text(try f.pdf(.english).data(), in: dir).out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(english.contains("Agenda Centrum, 24 November 2026 to 7 December 2026, made on 24 November 2026"))
        #expect(english.contains("Wednesday 25 November 2026") && english.contains("Where: Café ’t Hoekje, Ëikenlaan 3") && english.contains("Page 1 of"))
        // A page rendered: poppler draws it without a complaint.
        let png = try Poppler.run("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", path, dir.path + "/page"])
        #expect(png.status == 0 && png.err.isEmpty, "\(png.err)")
        #expect(FileManager.default.fileExists(atPath: dir.path + "/page-1.png") || FileManager.default.fileExists(atPath: dir.path + "/page-01.png"))
    }

    @Test("an activity that takes sign-ups says where to sign up, never how many or who signed up",
          .enabled(if: Poppler.available, Comment(rawValue: Poppler.missing)))
    func signUps() throws {
        let f = try World()
        let koffie = try #require(f.w.store.state.agenda.all.first { $0.title == "Koffieochtend voor iedereen" })
        try f.w.store.perform(.setSignUpOptions(koffie.id, SignUpOptions(places: 37, waitingList: true)), as: .account(f.w.admin))
        let read = try Poppler.text(try f.pdf().data(), in: TempDir()).out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(read.components(separatedBy: "Aanmelden via SociaalHus: aan de balie of op een scherm").count - 1 == 2, "both Wednesdays")
        #expect(!read.contains("37") && !read.contains("plaatsen"))
    }

    @Test("an agenda without activities is one page saying so", .enabled(if: Poppler.available, Comment(rawValue: Poppler.missing)))
    func empty() throws {
        let f = try World()
        // Zenderen has no activities of its own; Centrum's weekly one is not its.
        let doc = try f.w.store.printedAgenda(AgendaQuery(wijk: wijkID(f.w.store, "Zenderen"), from: testNow.addingTimeInterval(20 * 86_400), days: 7),
                                              large: true, t: Language.dutch.t)
        #expect(doc.pages.count == 1)
        let read = try Poppler.text(doc.data(), in: TempDir())
        #expect(read.out.contains("Geen activiteiten in deze periode.") && read.out.contains("Pagina 1 van 1"))
    }

    /// Pieces of text an editor might type, hostile ones among them.
    static let pieces = ["a", "é", "ë", "ï", "ĳ", "€", "(", ")", "\\", "\\(", ")\\", "\u{1B}[2J", "\u{0}", "\u{7F}", "\u{9B}", "🎉", "👩🏽‍⚕️", "🇳🇱",
                         "日本", "\n", "\r\n", "\t", " ", "  ", "\u{202E}", "\u{200B}", "—", "“", "%%EOF", "endstream", "stream", ">>", "<<",
                         "/Length 0", "endobj", "xref", "Ω", "ß", "\u{301}", String(repeating: "Lang", count: 60)]

    /// The pieces the store takes in a field of one line (it refuses control characters).
    static let storable = pieces.filter { p in !p.unicodeScalars.contains { TextSanitizer.isDangerous($0.value) || $0 == "\n" || $0 == "\r" || $0 == "\t" } }

    @Test("fuzz: any typed texts give a PDF that pdftotext reads without an error", .enabled(if: Poppler.available, Comment(rawValue: Poppler.missing)))
    func fuzz() throws {
        var rng = SplitMix64(seed: 2027)
        let dir = TempDir()
        var printed = 0
        for round in 0..<25 {
            let w = try DeskWorld()
            let centrum = wijkID(w.store, "Centrum")
            // Within the fields' limits (200 characters for a line): the store refuses longer.
            func text() -> String { String((0..<Int.random(in: 0...30, using: &rng)).map { _ in Self.storable.randomElement(using: &rng)! }.joined().prefix(180)) }
            for k in 0..<Int.random(in: 0...8, using: &rng) {
                let start = testNow.addingTimeInterval(Double(Int.random(in: 0...13, using: &rng)) * 86_400 + Double(k) * 600)
                var item = AgendaItem(id: AgendaItemID(0), title: "T\(round)x\(k) " + text(), start: start, end: start.addingTimeInterval(3_600),
                                      location: "Plek " + text(), wijk: Bool.random(using: &rng) ? centrum : nil, organisation: w.welzijn.id,
                                      cost: text(), signup: text())
                item.allDay = Int.random(in: 0..<5, using: &rng) == 0
                _ = try w.store.perform(.createAgendaItem(item), as: .account(w.admin))
            }
            let doc = try w.store.printedAgenda(AgendaQuery(wijk: centrum, from: testNow, days: 14), large: round % 3 != 0, t: Language.dutch.t)
            let read = try Poppler.text(doc.data(), in: dir)
            #expect(read.status == 0 && read.err.isEmpty, "round \(round): \(read.err)")
            let shown = try w.store.agenda(AgendaQuery(wijk: centrum, from: testNow, days: 14), viewer: .visitor)
            printed += shown.count
            for o in shown {
                let marker = String(String.UnicodeScalarView(o.item.title.unicodeScalars.prefix { $0 != " " }))
                #expect(read.out.contains(marker), "round \(round): \(marker) is printed")
            }
        }
        #expect(printed > 40, "\(printed) activities printed")
        // Straight into the layout, unsanitised, control characters and all: the PDF is still sound.
        for round in 0..<40 {
            func text() -> String { (0..<Int.random(in: 0...40, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }.joined() }
            let days = (0..<Int.random(in: 0...4, using: &rng)).map { _ in
                AgendaPrintLayout.Day(heading: text(), continued: text(), activities: (0..<Int.random(in: 1...5, using: &rng)).map { _ in
                    .init(time: text(), title: "R\(round) " + text(), details: [text(), text()])
                })
            }
            let doc = AgendaPrintLayout(top: text(), empty: text(), days: days, sizes: round % 2 == 0 ? .large : .normal).document { _, _ in text() }
            let read = try Poppler.text(doc.data(), in: dir)
            #expect(read.status == 0 && read.err.isEmpty, "raw round \(round): \(read.err)")
            if !days.isEmpty { #expect(read.out.contains("R\(round)")) }
        }
    }

    @Test("on a private platform nothing is printed: what is behind a login does not go on a notice board") func privatePlatform() throws {
        let f = try World()
        try f.w.store.update { tx in var s = tx.state.settings; s.isPrivate = true; tx.setSettings(s) }
        #expect(throws: CoreError.platformPrivate) { try f.pdf() }
    }

    // MARK: Writing the file

    @Test("a file is replaced only when this program wrote it") func replacing() throws {
        let f = try World()
        let dir = TempDir()
        let ours = dir.path + "/agenda.pdf", other = dir.path + "/brief.pdf", folder = dir.path + "/map", link = dir.path + "/link.pdf"
        #expect(PrintedAgendaFile.refusal(ours, storePath: f.w.dir.store) == nil, "nothing there yet")
        try PrintedAgendaFile.write(try f.pdf(), to: ours, storePath: f.w.dir.store)
        #expect(PrintedAgendaFile.refusal(ours, storePath: f.w.dir.store) == nil, "written by this program: next week's replaces it")
        try PrintedAgendaFile.write(try f.pdf(weeks: 1), to: ours, storePath: f.w.dir.store)
        #expect(try FileManager.default.attributesOfItem(atPath: ours)[.posixPermissions] as? Int == 0o600)
        // Someone's own PDF, a folder, a link to one of ours, the store's folder.
        try Data("%PDF-1.4\n1 0 obj\n<< /Producer (LibreOffice) >>".utf8).write(to: URL(fileURLWithPath: other))
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: ours)
        let cases: [(String, PrintedAgendaFile.Refusal)] = [(other, .notOurs), (folder, .folder), (link, .notOurs), (f.w.dir.store + "/agenda.pdf", .insideStore)]
        for (path, refusal) in cases {
            #expect(PrintedAgendaFile.refusal(path, storePath: f.w.dir.store) == refusal, "\(path)")
            #expect(throws: refusal) { try PrintedAgendaFile.write(try f.pdf(), to: path, storePath: f.w.dir.store) }
        }
        #expect(try String(contentsOfFile: other, encoding: .utf8).contains("LibreOffice"), "left as it was")
        #expect(!FileManager.default.fileExists(atPath: f.w.dir.store + "/agenda.pdf"))
    }
}
