import Foundation
import Testing
@testable import SociaalHusCore

/// Every public method of the core that changes the store goes through one door: it names who
/// acts (`update(actor:)`, checked inside the lock) and asks a rule (`Permissions`,
/// `PlatformAccess`, a moderation or messaging rule) — or it is on the short list below of
/// what the system itself does, each with the reason.
@Suite struct OneDoorTests {
    /// Methods that change the store without an acting account, and why.
    static let systemMethods: [String: String] = [
        "register": "anyone may register; the registration rules are the check",
        "login": "counts failed logins before anyone is logged in",
        "sendDigests": "cron: queues digests under EmailPolicy",
        "eraseExpiredIntakes": "retention: the system erases what expired",
        "deliverMail": "cron: hands the outbox to the mail command",
        "retryMail": "operator command line (viewer nil) or an administrator",
        "create": "makes a new store",
        "refresh": "re-reads the store",
        "requestVisitorCode": "anyone without an account may ask a code; VisitorProof's limits and 'only where visitor data is held' are the check",
        "requestResetCodeByMail": "anyone at the login form may ask; the code goes only to the account's own address, one per quarter of an hour",
        "resetPassword": "before anyone is logged in: the one-time code is the check, wrong codes throttled as logins",
        "endOnBehalf": "writes only the log line that helping at the desk ended, for an OnBehalf only startOnBehalf can make; written even when the accounts changed meanwhile (that is one reason it ends)",
    ]

    static let coreFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/SociaalHusCore")

    /// (file, function name, body) of every `public func` in an `extension Store`.
    static func storeMethods() throws -> [(String, String, String)] {
        var out: [(String, String, String)] = []
        let files = FileManager.default.enumerator(atPath: coreFolder.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        for f in files {
            let text = try String(contentsOf: coreFolder.appendingPathComponent(f), encoding: .utf8)
            guard text.contains("extension Store {") else { continue }
            let lines = text.components(separatedBy: "\n")
            var i = 0
            while i < lines.count {
                let l = lines[i]
                if l.hasPrefix("    public func "), let name = l.dropFirst("    public func ".count).split(whereSeparator: { $0 == "(" || $0 == "<" }).first {
                    var body: [String] = []
                    var j = i + 1
                    while j < lines.count && lines[j] != "    }" { body.append(lines[j]); j += 1 }
                    out.append((f, String(name), ([l] + body).joined(separator: "\n")))
                    i = j
                }
                i += 1
            }
        }
        return out
    }

    @Test("every public core method that changes the store names its actor and asks a rule") func oneDoor() throws {
        let methods = try Self.storeMethods()
        #expect(methods.count > 40, "the scan found the core's methods")
        var mutating = 0
        for (file, name, body) in methods where body.contains("update(") || body.contains("update {") {
            mutating += 1
            if Self.systemMethods[name] != nil { continue }
            #expect(body.contains("update(actor: viewer)") || body.contains("editPost(") || body.contains("editAgendaItem("),
                    "\(file): \(name) changes the store without naming who acts")
            let asksRule = ["Permissions.require", "Permissions.denial", "PlatformAccess.require", "moderates(", "isRecipient(", "mayRead(",
                            "changeSettings(", "editPost(", "editAgendaItem(", "wijkOf(", "provenAddress("].contains { body.contains($0) }
            #expect(asksRule, "\(file): \(name) changes the store without asking a rule")
        }
        #expect(mutating > 25)
    }
}

/// Found by the scan above: reporting checked nothing but messages.
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
        #expect(w.store.post(post.id, for: .visitor, now: testNow, lang: .dutch) == nil)
        #expect(w.store.post(post.id, for: .account(w.resident), now: testNow, lang: .dutch)?.post.hiddenReason != nil, "its author sees why")
    }
}
