import Foundation
import Testing

/// `--help` anywhere prints help and does nothing else; wrong words are refused with the valid
/// choices and exit status 2.
@Suite(.serialized) struct HelpTests {
    typealias CLI = CommandLineTests

    /// Every command as a person would type it, with real values, then `--help` or `-h`.
    static let invocations: [[String]] = [
        [], ["--demo"], ["init", "--demo"], ["init", "--wijk", "Nieuw"],
        ["account", "add", "--email", "nieuw@example.nl", "--name", "Nieuw", "--wijk", "Centrum"],
        ["account", "role", "--email", "anna@example.nl", "--add", "admin"], ["account", "role", "--email", "anna@example.nl", "--remove", "resident"],
        ["account", "block", "--email", "anna@example.nl"], ["account", "unblock", "--email", "anna@example.nl"],
        ["account", "reset", "--email", "anna@example.nl"], ["account", "verify", "--email", "anna@example.nl"], ["account", "letters"],
        ["account", "erase", "--email", "anna@example.nl"], ["account", "photo", "--email", "anna@example.nl", "--remove"], ["export", "--email", "anna@example.nl"],
        ["agenda"], ["agenda", "--wijk", "Centrum", "--format", "ics"], ["check"], ["retention"],
        ["intake", "receipt", "--id", "1"], ["intake", "receipt", "--id", "1", "--number", "2", "--out", "/tmp/bon.txt"], ["intake"],
        ["backup", "--to", "/tmp/nooit.shb"], ["restore", "--from", "/etc/hostname"],
        ["mail", "config", "--command", "/bin/true"], ["mail", "send"], ["mail", "digest"], ["mail", "reminders"], ["mail", "list"],
        ["signup", "--activity", "1", "--name", "Vera", "--email", "vera@example.org"],
        ["mail", "retry", "--id", "1"], ["privacy"], ["privacy", "show"], ["privacy", "set", "--nl", "/etc/hostname", "--en", "/etc/hostname"],
        ["privacy", "reset"], ["keys"], ["deploy", "ssh"], ["deploy"], ["bench", "--runs", "1", "--scale", "1"], ["help"], ["account"], ["mail"],
    ]

    /// Every file of a folder and its bytes.
    static func snapshot(_ dir: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: dir)
        while let f = e?.nextObject() as? String {
            out[f] = FileManager.default.contents(atPath: dir + "/" + f) ?? Data("<dir>".utf8)
        }
        return out
    }

    @Test("every command with --help or -h prints its help, exits 0 and leaves the store byte for byte unchanged")
    func helpDoesNothingElse() throws {
        let t = CLI.Temp()
        #expect(try CLI.run(["init", "--store", t.store]).status == 0)
        #expect(try CLI.run(["account", "add", "--store", t.store, "--email", "anna@example.nl", "--name", "Anna Tester", "--wijk", "Centrum"], stdin: CLI.password).status == 0)
        let before = Self.snapshot(t.store)
        let cwdBefore = Self.snapshot(t.path).keys.sorted()
        for words in Self.invocations {
            for flag in ["--help", "-h"] {
                for place in [words.count, min(words.count, 1)] {
                    var args = words
                    args.insert(flag, at: place)
                    let r = try CLI.run(args + ["--store", t.store])
                    #expect(r.status == 0, "\(args): \(r.err)")
                    #expect(r.out.contains("Gebruik") || r.out.contains("Opdrachten"), "\(args) printed no help: \(r.out)")
                    #expect(r.err.isEmpty, "\(args): \(r.err)")
                }
            }
        }
        #expect(Self.snapshot(t.store) == before, "a --help changed the store")
        #expect(Self.snapshot(t.path).keys.sorted() == cwdBefore)
        #expect(!FileManager.default.fileExists(atPath: t.path + "/Nieuw"))
    }

    @Test("every command in the help overview is in the table above") func tableIsComplete() throws {
        let overview = try CLI.run(["help"]).out
        // The rows under "Opdrachten:" up to the blank line; the command fills the first 18 columns.
        let lines = overview.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = lines.firstIndex(of: "Opdrachten:")! + 1
        let rows = lines[start...].prefix { !$0.isEmpty }
        let listed = rows.map { String($0.dropFirst(2).prefix(18)).trimmingCharacters(in: .whitespaces) }.filter { $0 != "(geen)" }
        #expect(listed.count > 15)
        for command in listed where !command.isEmpty {
            let path = command.split(separator: " ").map(String.init)
            #expect(Self.invocations.contains { $0.starts(with: path) }, "'\(command)' has no --help case")
        }
    }

    static let refusals: [([String], String)] = [
        (["--bogus"], "--bogus"), (["agenda", "-d", "3"], "-d"), (["agenda", "stray"], "stray"),
        (["--lang", "xx"], "nl, en"), (["agenda", "--format", "pdf"], "text, ics, json"),
        (["account"], "add, block, unblock, verify, letters, reset, erase"), (["bogus"], "Opdrachten:"), (["check", "--demo"], "--demo"),
        (["agenda", "--days"], "--days"), (["account", "erase"], "--email"), (["agenda", "--wijk", "A", "--wijk", "B"], "twee keer"),
        (["export", "--email", "--out", "x"], "--email"), (["init", "--demo=yes"], "--demo"),
        (["help", "bogus"], "bogus"), (["intake", "receipt"], "--id"), (["intake", "receipt", "--id", "1", "--bogus"], "--bogus"), (["help", "account", "add", "extra"], "account add extra"), (["check", "--store="], "--store"),
    ]

    @Test("wrong words are refused with exit 2 and a sentence naming what is valid", arguments: refusals)
    func refused(words: [String], mentions: String) throws {
        let t = CLI.Temp()
        let r = try CLI.run(words + ["--store", t.store])
        #expect(r.status == 2, "\(words): \(r.status) \(r.err)")
        #expect(r.err.contains(mentions), "\(words): \(r.err)")
        #expect(r.out.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: t.store), "nothing was created")
    }

    @Test("regression: the options every command takes may come before the command, as in cron lines") func globalsFirst() throws {
        let t = CLI.Temp()
        #expect(try CLI.run(["--store", t.store, "init"]).status == 0)
        let r = try CLI.run(["--lang", "en", "--store", t.store, "check"])
        #expect(r.status == 0 && r.out.contains("is sound"), "\(r.err)")
    }

    @Test("--version prints the version") func version() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0 && r.out.hasPrefix("SociaalHus "))
    }

    @Test("help in English") func english() throws {
        let r = try CLI.run(["account", "add", "--help", "--lang", "en"])
        #expect(r.out.contains("Usage: sociaalhus account add --email E --name N --wijk W"))
        #expect(r.out.contains("at least 12 characters"))
    }
}

/// Passwords read from standard input are checked whole.
@Suite(.serialized) struct PasswordInputTests {
    typealias CLI = CommandLineTests

    @Test("regression: a NUL byte in the password is refused, not cut off") func nulRefused() throws {
        let t = CLI.Temp()
        #expect(try CLI.run(["init", "--store", t.store]).status == 0)
        let r = try CLI.run(["account", "add", "--store", t.store, "--email", "nul@example.nl", "--name", "Nul Tester", "--wijk", "Centrum"],
                            stdin: "ab\u{0}cdefghijklmnopq\n")
        #expect(r.status == 1, "\(r.out) \(r.err)")
        #expect(r.err.contains("stuurteken"))
        let e = try CLI.run(["export", "--store", t.store, "--email", "nul@example.nl"])
        #expect(e.status == 1, "no account was made")
    }
}
