import Foundation
import Testing

/// The README and `docs/` as a newcomer and an operator read them: the commands they name exist,
/// the first screenful holds the two commands, links lead somewhere, and no line leans on the
/// issue tracker to be understood.
@Suite struct DocsTests {
    typealias CLI = CommandLineTests

    /// The repository's root folder.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// README.md and every `docs/*.md`, by path from the root, with their text.
    static func documents() throws -> [(path: String, text: String)] {
        let docs = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
        return try (["README.md"] + docs).map { ($0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// The commands `sociaalhus help` lists under "Opdrachten:", e.g. "agenda", "account add".
    static func listedCommands() throws -> Set<String> {
        let lines = try CLI.run(["help"]).out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "Opdrachten:")) + 1
        return Set(lines[start...].prefix { !$0.isEmpty }
            .map { String($0.dropFirst(2).prefix(18)).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && $0 != "(geen)" })
    }

    /// Every `sociaalhus WORD [WORD]` in a text, as the words after it ("account block|unblock"
    /// gives ["account", "block|unblock"]). Paths (`/usr/local/bin/sociaalhus`), the user
    /// (`-u sociaalhus`) and options after the name (`sociaalhus --demo`) are not commands.
    static func commandsNamed(in text: String) -> [[String]] {
        groups(of: #"(?<![/=\w.~-])sociaalhus\s+([a-z][a-z|]*)(?:[ \t]*\n?[ \t]*([a-z][a-z|]*))?"#, in: text)
            .map { g in [g[0]!] + (g[1].map { [$0] } ?? []) }
    }

    /// The capture groups of every match of an ICU pattern (Swift's own regex has no lookbehind).
    static func groups(of pattern: String, in text: String) -> [[String?]] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            (1..<m.numberOfRanges).map { i in m.range(at: i).location == NSNotFound ? nil : ns.substring(with: m.range(at: i)) }
        }
    }

    /// Whether an ICU pattern matches anywhere in a text.
    static func contains(_ pattern: String, _ text: String) -> Bool {
        (try! NSRegularExpression(pattern: pattern)).firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
    }

    /// Whether the words name a listed command: the first word alone, or the first two, each
    /// alternative of "block|unblock" counted.
    static func names(_ words: [String], in listed: Set<String>) -> Bool {
        let firsts = words[0].split(separator: "|").map(String.init)
        return firsts.allSatisfy { first in
            if listed.contains(first) { return true }
            guard words.count > 1 else { return false }
            return words[1].split(separator: "|").allSatisfy { listed.contains(first + " " + $0) }
        }
    }

    @Test("the reader of this test's patterns finds commands and only commands", arguments: [
        ("`sociaalhus check` runs", [["check"]]),
        ("run `sociaalhus account block|unblock --email E`", [["account", "block|unblock"]]),
        ("`swift run -c release sociaalhus bench --runs 5`", [["bench"]]),
        ("install -m 0755 .build/release/sociaalhus /usr/local/bin/\nsociaalhus deploy ssh --binary /usr/local/bin/sociaalhus", [["deploy", "ssh"]]),
        ("`swift run sociaalhus --demo`, `pkill -HUP -u sociaalhus`, `~/.local/share/sociaalhus`", []),
        ("'general#shell=sociaalhus' and `sociaalhus.db`", []),
    ])
    func patterns(text: String, expected: [[String]]) {
        #expect(Self.commandsNamed(in: text) == expected)
    }

    @Test("a command the docs could name wrongly is told apart from the real ones") func unknownIsRefused() throws {
        let listed = try Self.listedCommands()
        #expect(Self.names(["account", "block|unblock"], in: listed))
        #expect(Self.names(["agenda", "reads"], in: listed))
        #expect(!Self.names(["account", "frobnicate"], in: listed))
        #expect(!Self.names(["account"], in: listed))
        #expect(!Self.names(["mail", "list|purge"], in: listed))
        #expect(!Self.names(["stats"], in: listed))
    }

    @Test("every 'sociaalhus COMMAND' in README.md and docs/ is a command of 'sociaalhus --help'")
    func namedCommandsExist() throws {
        let listed = try Self.listedCommands()
        #expect(listed.count > 15)
        var seen = 0
        for (path, text) in try Self.documents() {
            for words in Self.commandsNamed(in: text) {
                seen += 1
                #expect(Self.names(words, in: listed), "\(path) names 'sociaalhus \(words.joined(separator: " "))', which 'sociaalhus --help' does not list")
            }
        }
        #expect(seen > 40, "the docs name the commands an operator uses")
    }

    @Test("the README's first 40 lines hold the demo command and the very test command .ci/run runs")
    func firstScreenful() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let first = readme.split(separator: "\n", omittingEmptySubsequences: false).prefix(40).joined(separator: "\n")
        #expect(first.contains("swift run sociaalhus --demo"))
        let ci = try String(contentsOf: Self.root.appendingPathComponent(".ci/run"), encoding: .utf8)
        let testLine = try #require(ci.split(separator: "\n").first { $0.hasPrefix("swift test") })
        // What CI adds only because it has no terminal: no standard input.
        let command = testLine.replacingOccurrences(of: "</dev/null", with: "").trimmingCharacters(in: .whitespaces)
        #expect(command == "swift test")
        #expect(first.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == command },
                "README's first screenful shows '\(command)' on a line of its own")
        for word in ["Debian", "libsqlite3-dev", "libncurses-dev", "libcrypt-dev", "Swift 6", "anna.devries", "lotte.meijer", "bram.kuipers"] {
            #expect(first.contains(word), "the first screenful names \(word)")
        }
    }

    @Test("no line of README.md or docs/ names an issue or a stop by number")
    func noIssueNumbers() throws {
        let pattern = #"(?i)\b(issues?|stop)\s+#?\d+|(?<![\w&/])#\d+\b"#
        #expect(Self.contains(pattern, "after issue 23's schema"))
        #expect(Self.contains(pattern, "see #14"))
        #expect(Self.contains(pattern, "built at Stop 17"))
        #expect(!Self.contains(pattern, "store-stop17-format2.tar.gz, schema 9, 300 sessions, `\\e[3J`"))
        for (path, text) in try Self.documents() {
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where Self.contains(pattern, String(line)) {
                Issue.record("\(path):\(n + 1) names an issue: \(line)")
            }
        }
    }

    /// The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens.
    static func anchor(_ heading: String) -> String {
        String(heading.lowercased().compactMap { c -> Character? in
            if c == " " { return "-" }
            return c.isLetter || c.isNumber || c == "-" || c == "_" ? c : nil
        })
    }

    @Test("the README links to every doc, and every link between them leads to a file and heading that exist")
    func linksLeadSomewhere() throws {
        let documents = try Self.documents()
        var anchors: [String: Set<String>] = [:]
        for (path, text) in documents {
            anchors[path] = Set(text.split(separator: "\n").filter { $0.hasPrefix("#") }
                .map { Self.anchor(String($0.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces)) })
        }
        let readme = documents[0].text
        for (path, _) in documents.dropFirst() {
            #expect(readme.contains("](\(path))"), "README links to \(path)")
        }
        #expect(Self.anchor("What `check` does and does not detect") == "what-check-does-and-does-not-detect")
        for (path, text) in documents {
            let folder = (path as NSString).deletingLastPathComponent
            for g in Self.groups(of: #"\]\(([^)#\s:]*)(?:#([^)\s]+))?\)"#, in: text) {
                let target = g[0] ?? ""
                let file = target.isEmpty ? path : ((folder as NSString).appendingPathComponent(target) as NSString).standardizingPath
                #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(file).path), "\(path) links to \(file), which is missing")
                if let heading = g[1], let known = anchors[file] {
                    #expect(known.contains(heading), "\(path) links to \(file)#\(heading), a heading it does not have")
                }
            }
        }
    }
}
