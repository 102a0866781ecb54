import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// The store changes through one door, `Store.perform`: the interface names an `Intent`, the
/// core looks the actor up in its own rows under the write lock and asks `Permissions` before
/// anything else. That there is no other door is the compiler's to say (the store's writing
/// methods are internal, `.commandLine` is in the `Operator` SPI): `CompileGuardTests` below
/// type-checks code written outside the core and sees it refused.
@Suite struct OneDoorTests {
    static let coreFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/SociaalHusCore")

    /// One intent, its result forgotten, so intents of every kind fit one table.
    struct Door {
        let name: String
        let gate: Gate
        let run: (Store, Viewer) throws -> Void

        init<R>(_ intent: Intent<R>) {
            name = intent.name
            gate = intent.gate
            run = { s, v in _ = try s.perform(intent, as: v) }
        }
    }

    /// Intents a terminal can send, one of each gate and area; the ids need not exist, for a
    /// refusal comes before anything is read.
    static func doors(_ w: DeskWorld) -> [Door] {
        let post = PostID(999), intake = IntakeID(999), report = ReportID(999)
        let centrum = w.resident.profile.wijk
        return [
            Door(.createPost(PostDraft(kind: .vraag, title: "Ladder", body: "Wie leent een ladder?", wijk: centrum, author: .resident(w.resident.id)))),
            Door(.editPost(post, PostEdit(title: "x"))), Door(.deletePost(post)), Door(.renewPost(post)),
            Door(.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: "Inloop", start: testNow, end: testNow.addingTimeInterval(3600),
                                              location: "Hus", organisation: w.voedselbank.id, createdBy: w.editor.id))),
            Door(.updateOrganisation(w.voedselbank.id, to: w.voedselbank)), Door(.createOrganisation(w.welzijn)),
            Door(.moderate(report, .hide)), Door(.blockAuthor(ofReport: report)), Door(.setPlatform(isPrivate: true)),
            Door(.setPrivacyStatement(dutch: "x", english: "x")), Door(.giveRole(.administrator, to: w.resident.id)),
            Door(.setBlocked(w.resident.id, blocked: true)), Door(.markRead(MessageID(999))),
            Door(.listIntakes(IntakeListing())), Door(.openIntake(intake)), Door(.createIntake(w.input())),
            Door(.eraseIntakes(ofPersonIn: intake)), Door(.setIntakeRetention(months: 1)), Door(.eraseExpiredIntakes()),
            Door(.sendDigests()), Door(.retryMail(OutboxMessageID(999))), Door(.sendAnnouncement(subject: "x", text: "x")),
            Door(.saveProfile(ProfileSave(account: w.staff.id, basedOn: nil, fields: w.staff.profile))),
            Door(.changePassword(for: w.staff.id, old: goodPassword, new: goodPassword + " en terug")),
            Door(.erase(w.admin.id)), Door(.approveFeed(wijk: centrum, thirdParty: "Krant")),
            Door(.changeOccurrence(AgendaItemID(999), on: testNow, .cancel)),
        ]
    }

    @Test("for every intent and every actor, a refusal by Permissions comes before any write") func tableOfRefusals() throws {
        let w = try DeskWorld()
        let blocked = try addResident(w.store, "geblokkeerd@example.nl")
        try w.store.setBlocked(blocked.id, blocked: true, by: .commandLine)
        let actors: [(String, Viewer)] = [("visitor", .visitor), ("resident", .account(w.resident)), ("editor", .account(w.editor)),
                                          ("partner", .account(w.partner)), ("desk", w.desk), ("admin", .account(w.admin)),
                                          ("blocked", .account(w.store.ownAccount(blocked.id)!))]
        var refused = 0
        for door in Self.doors(w) {
            for (who, viewer) in actors {
                guard let denial = Permissions.denial(door.gate, by: viewer) else { continue }
                // A blocked account is refused as it is looked up, before any permission.
                let want = who == "blocked" ? .blocked : denial
                try w.store.refresh()
                let before = w.store.state.manifest.generation
                #expect(throws: CoreError.notPermitted(want), "\(door.name) as \(who)") { try door.run(w.store, viewer) }
                try w.store.refresh()
                #expect(w.store.state.manifest.generation == before, "\(door.name) as \(who) wrote before it was refused")
                refused += 1
            }
        }
        #expect(refused > 100, "the table refuses many pairs (\(refused))")
    }

    /// Explicit rows: each refusal is the permission's, not what reading the record would say.
    @Test("the permission is asked before the record is read", arguments: [
        ("a visitor deletes a post that does not exist", "visitor", "deletePost", PermissionDenial.notLoggedIn),
        ("a resident opens the intake list", "resident", "listIntakes", .deskStaffOnly),
        ("a desk member runs the operator's retention", "desk", "eraseExpiredIntakes", .administratorsOnly),
        ("an administrator runs the operator's digests", "admin", "sendDigests", .administratorsOnly),
        ("an editor gives a role", "editor", "giveRole", .administratorsOnly),
        ("a resident saves the desk member's profile", "resident", "saveProfile", .notYourAccount),
        ("a blocked account marks a message read", "blocked", "markRead", .blocked),
    ])
    func explicitRows(_ row: (String, String, String, PermissionDenial)) throws {
        let w = try DeskWorld()
        let blocked = try addResident(w.store, "geblokkeerd@example.nl")
        let copy = w.store.ownAccount(blocked.id)!
        try w.store.setBlocked(blocked.id, blocked: true, by: .commandLine)
        var blockedCopy = copy
        blockedCopy.blocked = true
        let viewers: [String: Viewer] = ["visitor": .visitor, "resident": .account(w.resident), "desk": w.desk, "admin": .account(w.admin),
                                         "editor": .account(w.editor), "blocked": .account(blockedCopy)]
        let door = try #require(Self.doors(w).first { $0.name == row.2 })
        #expect(throws: CoreError.notPermitted(row.3), "\(row.0)") { try door.run(w.store, viewers[row.1]!) }
    }

    @Test("the actor is the account as the store's rows hold it, not the caller's copy") func actorFromRows() throws {
        let w = try DeskWorld()
        let staleAdmin = w.admin
        // At another terminal: a second administrator takes the role from the first.
        let other = try reopen(w.dir, clock: w.clock)
        try other.giveRole(.administrator, to: w.staff.id, by: .commandLine)
        try other.takeRole(.administrator, from: w.admin.id, by: .account(other.ownAccount(w.staff.id)!))
        let before = w.store.state.manifest.generation
        #expect(throws: CoreError.notPermitted(.rightsChanged)) { try w.store.perform(.setPlatform(isPrivate: true), as: .account(staleAdmin)) }
        // Erased at another terminal: gone, whatever the copy says.
        try other.erase(w.editor.id, by: .account(other.ownAccount(w.editor.id)!))
        #expect(throws: CoreError.notPermitted(.accountGone)) {
            try w.store.perform(.updateOrganisation(w.voedselbank.id, to: w.voedselbank), as: .account(w.editor))
        }
        try w.store.refresh()
        #expect(w.store.state.manifest.generation == before + 3, "only the other terminal's three changes were written")
        // A change of what rights do not depend on (the name) is no reason to refuse.
        try other.updateProfile(for: w.resident.id, by: .account(w.resident)) { $0.displayName = "Anna de Vries-Smit" }
        try w.store.perform(.deletePost(try w.store.perform(.createPost(PostDraft(kind: .vraag, title: "Ladder", body: "Wie leent er een?",
                                                                                   wijk: w.resident.profile.wijk, author: .resident(w.resident.id))),
                                                            as: .account(w.resident)).id), as: .account(w.resident))
    }
}

/// The compiler's part: code outside the core cannot change the store but through `perform`,
/// nor name the operator without asking for the `Operator` SPI. Checked by type-checking such
/// code against the module this test was built with.
@Suite struct CompileGuardTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Type-checks `source` as a file of another module; returns the compiler's error lines.
    static func typecheck(_ source: String) throws -> [String] {
        let modules = root.appendingPathComponent(".build/debug/Modules").path
        try #require(FileManager.default.fileExists(atPath: modules + "/SociaalHusCore.swiftmodule"), "the built core module is at \(modules)")
        let dir = TempDir()
        let file = dir.path + "/Outside.swift"
        try source.write(toFile: file, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["swiftc", "-typecheck", "-I", modules,
                       "-Xcc", "-fmodule-map-file=" + root.appendingPathComponent("Sources/CSQLite/module.modulemap").path,
                       "-Xcc", "-fmodule-map-file=" + root.appendingPathComponent("Sources/CCrypt/module.modulemap").path, file]
        let out = Pipe()
        p.standardError = out
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return text.split(separator: "\n").map(String.init).filter { $0.hasPrefix(file) && $0.contains("error:") }
    }

    static let header = "import SociaalHusCore\nfunc outside(_ s: Store, _ v: Viewer, _ d: PostDraft, _ p: PostID, _ a: AccountID) throws {\n"

    @Test("through perform, code outside the core changes the store") func performBuilds() throws {
        #expect(try Self.typecheck(Self.header + "    _ = try s.perform(.createPost(d), as: v)\n    try s.perform(.deletePost(p), as: v)\n}\n") == [])
    }

    @Test("every other way in is refused by the compiler", arguments: [
        "_ = try s.createPost(d, by: v)", "try s.deletePost(p, by: v)", "try s.setBlocked(a, blocked: true, by: v)",
        "try s.updateProfile(for: a, by: v) { $0.displayName = \"x\" }", "_ = try s.giveRole(.administrator, to: a, by: v)",
        "_ = try s.eraseExpiredIntakes()", "_ = try s.sendDigests()", "_ = try s.login(email: \"a\", password: \"b\")",
        "_ = try s.erase(a, by: v)", "try s.update { _ in }", "_ = Viewer.commandLine", "try s.perform(.setPlatform(isPrivate: true), as: .commandLine)",
    ])
    func otherWaysRefused(_ line: String) throws {
        let errors = try Self.typecheck(Self.header + "    " + line + "\n}\n")
        #expect(errors.contains { $0.contains("inaccessible") }, "\(line) builds outside the core: \(errors)")
    }
}

/// The operator identity is the executable's: only a file that asks for the `Operator` SPI can
/// name it, and no file of the interface asks.
@Suite struct OperatorIdentityTests {
    @Test("no interface source asks for the Operator SPI; the command line's do") func interfaceNeverOperator() {
        let ui = ReadThroughViewsTests.swiftFiles("SociaalHusUI"), cli = ReadThroughViewsTests.swiftFiles("sociaalhus")
        #expect(ui.count > 30 && cli.count > 10, "the scan sees the sources")
        for (file, text) in ui where text.contains("@_spi(Operator)") || text.contains("@_spi(") {
            Issue.record("\(file) asks for the Operator SPI: a terminal session could become the operator")
        }
        #expect(cli.contains { $0.1.contains("@_spi(Operator) import SociaalHusCore") })
    }
}

/// Reporting once checked nothing but messages.
@Suite struct ReportVisibilityTests {
    @Test("regression: a visitor cannot report a post they may not see (hidden by a moderator)") func hiddenPost() throws {
        let m = try ModerationTests.World()
        let r = try m.report()
        try m.store.moderate(r.id, .hide, reason: .incorrect, note: "Klopt niet", by: .account(m.w.partner))
        #expect(throws: CoreError.notFound(what: "post \(m.post.id)")) {
            try m.store.report(.post(m.post.id), reason: .other, explanation: "x", name: "B", email: "b@example.org", by: .visitor)
        }
    }
}

/// The core speaks in codes and screen names, never in the terminal's keys: e-mails and the
/// privacy statement must stay true for any interface.
@Suite struct NoKeysInCoreTests {
    @Test("no key hint ('kies 4', 'press m', '6 Berichten') in the core's texts") func noKeys() throws {
        let folder = OneDoorTests.coreFolder
        let files = FileManager.default.enumerator(atPath: folder.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        let patterns = ["kies 4", "choose 4", "press m", "op m (", "onder 6 ", "under 6 ", "(1 Agenda", "Profiel (4)", "Profile (4)"]
        for f in files {
            let text = try String(contentsOf: folder.appendingPathComponent(f), encoding: .utf8)
            for p in patterns { #expect(!text.contains(p), "\(f) says '\(p)'") }
        }
    }
}

/// Only the core writes records: `Store.update` and `Transaction` are internal to it.
@Suite struct InternalWritesTests {
    @Test("no module outside the core can open a transaction or put a record") func internalWrites() throws {
        let folder = OneDoorTests.coreFolder
        let tx = try String(contentsOf: folder.appendingPathComponent("Store/Transaction.swift"), encoding: .utf8)
        #expect(!tx.contains("public "), "Transaction has nothing public")
        let store = try String(contentsOf: folder.appendingPathComponent("Store/Store.swift"), encoding: .utf8)
        #expect(!store.contains("public func update"), "Store.update is internal")
    }
}

/// Screens and commands read through the core's view functions: the raw tables stay inside it,
/// and every role check is in `Permissions`.
@Suite struct ReadThroughViewsTests {
    static let sources = OneDoorTests.coreFolder.deletingLastPathComponent()

    static func swiftFiles(_ folder: String) -> [(String, String)] {
        let base = sources.appendingPathComponent(folder)
        return FileManager.default.enumerator(atPath: base.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.compactMap { f in
            (try? String(contentsOf: base.appendingPathComponent(f), encoding: .utf8)).map { (folder + "/" + f, $0) }
        }
    }

    @Test("the store's tables and its state type are not public") func tablesInternal() throws {
        let core = OneDoorTests.coreFolder
        let store = try String(contentsOf: core.appendingPathComponent("Store/Store.swift"), encoding: .utf8)
        #expect(!store.contains("public private(set) var state") && !store.contains("public var state"))
        let state = try String(contentsOf: core.appendingPathComponent("Store/StoreState.swift"), encoding: .utf8)
        #expect(!state.contains("public struct StoreState"))
    }

    @Test("no screen or command reads the raw state or checks a role itself") func noRoleChecksOutside() {
        #expect(Self.swiftFiles("SociaalHusUI").count > 30 && Self.swiftFiles("sociaalhus").count > 10, "the scan sees the sources")
        let patterns = ["store.state", ".roles.", "isAdministrator", "editorOf", "partnerOf"]
        // The command line parses role words into a Roles value: that is input, not a check.
        let allowed: Set<String> = ["sociaalhus/Commands/AccountCommand.swift:.roles.", "sociaalhus/Commands/AccountCommand.swift:editorOf",
                                    "sociaalhus/Commands/AccountCommand.swift:partnerOf",
                                    // Mijn gegevens lists the person's own roles from their export.
                                    "SociaalHusUI/Screens/Profiel/MyDataLines.swift:.roles.", "SociaalHusUI/Screens/Profiel/MyDataLines.swift:editorOf",
                                    "SociaalHusUI/Screens/Profiel/MyDataLines.swift:partnerOf"]
        for (file, text) in Self.swiftFiles("SociaalHusUI") + Self.swiftFiles("sociaalhus") {
            for p in patterns where text.contains(p) && !allowed.contains(file + ":" + p) {
                Issue.record("\(file) uses '\(p)': ask the core's view functions or Permissions instead")
            }
        }
    }

    @Test("a screen's own account carries no password hash; the settings no throttle secrets") func noSecretsInViews() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let anna = try addResident(store, "anna@example.nl")
        _ = try? store.login(email: "nobody@example.nl", password: "wrong-password-1")
        #expect(!store.state.accounts[anna.id.rawValue]!.passwordHash.isEmpty && !store.state.settings.throttleKey.isEmpty)
        #expect(store.ownAccount(anna.id)?.passwordHash == "")
        #expect(store.settings.throttleKey.isEmpty && store.settings.loginFailures.isEmpty)
        #expect(store.settings.wijken == store.state.settings.wijken)
    }

    @Test("a post out of sight is not handed to a screen by id, nor a report to a non-moderator") func viewsApplyRules() throws {
        let w = try DeskWorld()
        let post = try w.store.createPost(PostDraft(kind: .vraag, title: "Verborgen", body: "x", wijk: w.resident.profile.wijk, author: .resident(w.resident.id)),
                                          by: .account(w.resident))
        let r = try w.store.report(.post(post.id), reason: .unwanted, explanation: "weg", name: "B", email: "b@example.org", by: .visitor)
        #expect(w.store.report(r.id, by: .visitor) == nil && w.store.report(r.id, by: .account(w.resident)) == nil)
        #expect(w.store.report(r.id, by: .account(w.partner)) != nil)
        try w.store.moderate(r.id, .hide, reason: .unwanted, note: "Weg ermee", by: .account(w.partner))
        #expect(w.store.post(post.id, for: .visitor, now: testNow) == nil)
        #expect(w.store.post(post.id, for: .account(w.resident), now: testNow)?.post.hiddenReason != nil, "its author sees why")
    }
}
