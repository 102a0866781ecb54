import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// Sign-ups from several processes at once, as several terminals and the desk would make them.
@Suite(.serialized) struct SignUpRaceTests {
    /// A demo store with one activity two days ahead that takes `places` sign-ups.
    static func store(places: Int, waitingList: Bool = true) throws -> (dir: String, store: String, item: AgendaItem) {
        let (dir, path) = try DemoStore.make("race")
        let s = try Store.open(at: path, hasher: YescryptHasher())
        let org = try #require(s.organisations(for: .visitor).first)
        let start = s.clock.now().addingTimeInterval(2 * 86_400)
        let item = try s.perform(.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "Laatste plaats", start: start, location: "Buurthuis",
                                                              organisation: org.id), signUps: SignUpOptions(places: places, waitingList: waitingList)),
                                 as: .commandLine)
        return (dir, path, item)
    }

    /// Starts every command at once and waits for all of them: their exit codes and output.
    /// (Foundation's `Process`, not a shell's `wait`: a shell started from the test runner
    /// never hears its children end.)
    static func together(_ commands: [[String]]) throws -> [(status: Int32, out: String)] {
        let started = try commands.map { args -> (Process, Pipe) in
            let p = Process(), pipe = Pipe()
            p.executableURL = URL(fileURLWithPath: Tmux.binary)
            p.arguments = args
            p.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": NSTemporaryDirectory()]
            p.standardOutput = pipe
            p.standardError = pipe
            p.standardInput = FileHandle.nullDevice
            try p.run()
            return (p, pipe)
        }
        return started.map { p, pipe in
            let out = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return (p.terminationStatus, String(decoding: out, as: UTF8.self))
        }
    }

    @Test("eight processes take the last place at once: one gets it, the others the waiting list, in one order without gaps")
    func lastPlace() throws {
        let (dir, path, item) = try Self.store(places: 1)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let outs = try Self.together((1...8).map { i in
            ["signup", "--store", path, "--activity", "\(item.id)", "--name", "Persoon \(i)", "--email", "p\(i)@example.org"]
        }).map(\.out)
        #expect(outs.filter { $0.hasPrefix("Aangemeld") }.count == 1, "\(outs)")
        #expect(outs.filter { $0.hasPrefix("Op de wachtlijst") }.count == 7, "\(outs)")
        let s = try Store.open(at: path, hasher: YescryptHasher())
        let summary = try #require(s.signUpSummary(item.id, at: item.start, for: .visitor))
        #expect(summary.taken == 1 && summary.waiting == 7)
        #expect(try s.db.integer("SELECT count(DISTINCT email) FROM signup WHERE account IS NULL AND activity = ?1", item.id.rawValue) == 8)
        #expect(StoreCheck.run(at: path).isSound)
    }

    @Test("without a waiting list the others are told it is full, and the command exits 1 for them")
    func fullRefused() throws {
        let (dir, path, item) = try Self.store(places: 2, waitingList: false)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let results = try Self.together((1...5).map { i in
            ["signup", "--store", path, "--activity", "\(item.id)", "--name", "P\(i)", "--email", "p\(i)@example.org"]
        })
        let codes = results.map(\.status), outs = results.map(\.out)
        #expect(codes.filter { $0 == 0 }.count == 2 && codes.filter { $0 == 1 }.count == 3, "\(codes)")
        #expect(outs.filter { $0.contains("geen wachtlijst") }.count == 3, "\(outs)")
    }

    @Test("cron's reminders run twice at once: every reminder goes exactly once")
    func remindersOnce() throws {
        let (dir, path, item) = try Self.store(places: 10)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for i in 1...4 {
            let r = try Tmux.run([Tmux.binary, "signup", "--store", path, "--activity", "\(item.id)", "--name", "P\(i)", "--email", "p\(i)@example.org",
                                  "--remind-days", "2"], env: ["LANG": "C.UTF-8"])
            #expect(r.status == 0, "\(r.out)")
        }
        let said = try Self.together([["mail", "reminders", "--store", path], ["mail", "reminders", "--store", path]]).map(\.out).joined()
        let s = try Store.open(at: path, hasher: YescryptHasher())
        let reminders = s.state.outbox.all.filter { $0.kind == .reminder }
        #expect(reminders.count == 4 && Set(reminders.map(\.to)).count == 4)
        #expect(said.contains("4 herinneringen") && said.contains("0 herinneringen"), "\(said)")
    }
}
