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
                            "changeSettings(", "editPost(", "editAgendaItem(", "wijkOf("].contains { body.contains($0) }
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
        try m.store.moderate(r.id, .hide, by: .account(m.w.partner))
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
