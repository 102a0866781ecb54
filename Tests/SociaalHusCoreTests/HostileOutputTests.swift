import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// Text one person typed reaches other people's terminals, mail readers and parsers through
/// every output: refused at input, and neutralised in every output format.
@Suite(.serialized) struct HostileOutputTests {
    /// The hostile corpus: terminal sequences, C1 as UTF-8, overwriting, bidi, zero-width.
    static let corpus: [String] = [
        "a\u{1B}[2Jb", "a\u{1B}]0;PWNED-TITLE\u{07}b", "a\u{1B}P+q\u{1B}\\b", "a\u{9B}31mb", "a\u{9D}0;x\u{9C}b",
        "a\u{08}\u{08}Xb", "a\rOVERWRITE", "a\u{202E}cba", "a\u{2066}b\u{2069}", "a\u{200B}b", "a\u{FEFF}b", "a\u{7F}b", "a\u{0}b",
        // Found in review: tag characters, deprecated format controls, interlinear annotation.
        "a\u{E0069}\u{E006E}b", "a\u{206A}b", "a\u{FFF9}b\u{FFFB}",
    ]
    /// Harmless text that looks dangerous to naive code: must be accepted and kept.
    static let harmless = ["%s%n%x %@", "{{7*7}} ${x}", "Anna 👨‍👩‍👧 ✌️ é", "'; DROP TABLE --", "<script>"]

    @Test("every field refuses the corpus at input, with the field named; harmless look-alikes are kept") func inputRefused() throws {
        for field in Field.allCases where field != .password {
            for h in Self.corpus {
                #expect(throws: CoreError.fieldControlCharacters(field), "\(field) accepted \(h.debugDescription)") { try validated(h, field) }
            }
            for h in Self.harmless {
                let limit = field.limit
                guard h.count <= limit else { continue }
                #expect(try validated(h, field) == h, "\(field) changed \(h)")
            }
        }
        #expect(try validated("regel 1\r\nregel\t2", .body) == "regel 1\nregel 2", "CRLF and tab in a body are normalised")
    }

    /// Every scalar of `text` that a terminal or mail reader could act on.
    static func dangerous(_ text: String, allowCR: Bool = false) -> [String] {
        text.unicodeScalars.filter { TextSanitizer.isDangerous($0.value) && !(allowCR && $0.value == 0x0D) }.map { String(format: "U+%04X", $0.value) }
    }

    @Test("planted in every text field of a store from before, the corpus leaves no control in the export, feeds, e-mail or command line")
    func outputsNeutralised() throws {
        let w = try DeskWorld()
        let s = w.store
        let centrum = wijkID(s, "Centrum")
        var n = 0
        /// The next string of the corpus, made unique (the feed refuses account names it finds).
        func h() -> String {
            n += 1
            return "H\(n)-" + Self.corpus[n % Self.corpus.count]
        }
        try s.approveFeed(wijk: centrum, thirdParty: "Website", by: .account(w.partner))
        let post = try s.createPost(PostDraft(kind: .vraag, title: "t", body: "b", wijk: w.resident.profile.wijk, author: .resident(w.resident.id),
                                              show: ContactChoice(name: true, email: true, phone: true, address: true)), by: .account(w.resident))
        let item = try s.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "x", start: testNow.addingTimeInterval(86_400), location: "Buurthuis", wijk: centrum,
                                                     organisation: w.welzijn.id), by: .commandLine)
        let message = try s.sendMessage(senderName: "Bea", senderEmail: "bea@example.org", to: .resident(w.resident.id), text: "m", by: .visitor)
        // A store written before input was checked: every text field holds the corpus.
        try s.update { tx in
            var a = tx.state.accounts[w.resident.id.rawValue]!
            a.name = h(); a.profile.displayName = h(); a.profile.phone = h(); a.profile.address = h(); a.profile.interests = [h(), h()]
            tx.put(a)
            var p = tx.state.posts[post.id.rawValue]!
            p.title = h(); p.body = h(); tx.put(p)
            var i = tx.state.agenda[item.id.rawValue]!
            i.title = h(); i.description = h(); i.location = h(); i.category = h(); i.cost = h(); i.signup = h(); tx.put(i)
            var o = tx.state.organisations[w.welzijn.id.rawValue]!
            o.name = h(); o.description = h(); o.address = h(); o.website = h(); o.openingHours = h(); tx.put(o)
            var m = tx.state.messages[message.id.rawValue]!
            m.senderName = h(); m.text = h(); tx.put(m)
            try tx.queueMail(MailMessage(to: "anna@example.nl", subject: "S" + Self.corpus[0] + Self.corpus[3], body: Self.corpus.joined(separator: "\n")),
                             kind: .announcement, accounts: [a.id])
        }
        // The export: no control character, and the same strings when parsed (lossless escapes).
        let export = try s.export(w.resident.id, by: .account(s.state.accounts[w.resident.id.rawValue]!)).json()
        let exportText = String(decoding: export, as: UTF8.self)
        #expect(Self.dangerous(exportText).isEmpty, "export: \(Self.dangerous(exportText))")
        let parsed = try #require(try JSONSerialization.jsonObject(with: export) as? [String: Any])
        #expect((parsed["account"] as? [String: Any])?["name"] as? String == s.state.accounts[w.resident.id.rawValue]!.name, "escapes are lossless")
        // Both feeds.
        let json = String(decoding: try s.feed(wijk: centrum, format: .json, from: testNow).data, as: UTF8.self)
        #expect(Self.dangerous(json).isEmpty, "JSON feed: \(Self.dangerous(json))")
        let ics = String(decoding: try s.feed(wijk: centrum, format: .ics, from: testNow).data, as: UTF8.self)
        #expect(Self.dangerous(ics, allowCR: true).isEmpty, "ICS feed: \(Self.dangerous(ics, allowCR: true))")
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\r"), "CR only in line ends")
        _ = try parseICS(ics)
        // E-mail files, as they go to sendmail.
        for f in allFiles(under: w.dir.store + "/mail") {
            let text = try String(contentsOfFile: f, encoding: .utf8)
            #expect(Self.dangerous(text).isEmpty, "e-mail \(f): \(Self.dangerous(text))")
            // Quoted-printable could hide a control as =1B: decode the body and look again.
            let body = text.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n")
            let decoded = body.replacingOccurrences(of: "=\n", with: "").replacingOccurrences(of: "=1B", with: "\u{1B}").replacingOccurrences(of: "=C2=9B", with: "\u{9B}")
            #expect(!decoded.contains("\u{1B}") && !decoded.contains("\u{9B}"), "e-mail body decodes to a control")
        }
        // The command line's text output.
        for args in [["agenda", "--days", "30"], ["mail", "list"], ["check"], ["export", "--email", "anna@example.nl"]] {
            let out = try Self.run(args + ["--store", w.dir.store])
            #expect(Self.dangerous(out).isEmpty, "\(args.joined(separator: " ")): \(Self.dangerous(out))")
        }
    }

    /// Runs the built binary and returns stdout and stderr together.
    static func run(_ args: [String]) throws -> String {
        let here = FileManager.default.currentDirectoryPath + "/.build/debug/sociaalhus"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: here)
        p.arguments = args
        p.environment = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
