import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// Export and erasure: the resident's rights over their data.
@Suite struct DataRightsTests {
    /// A store with one person carrying unique canary strings everywhere, and a bystander.
    struct Planted {
        let dir = TempDir()
        let store: Store
        let person: Account
        let bystander: Account
        let canaries: [String]
        /// A JPEG whose picture (after its start of scan) carries the canary: what a stored photo keeps.
        let photo = Data([0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 63, 0] + Array("CANARY-PHOTO-BYTES-q8Zt".utf8) + [0xFF, 0xD9])

        init() throws {
            store = try makeStore(dir)
            let org = try store.createOrganisation(Organisation(id: OrganisationID(0), name: "Voedselbank"), by: .commandLine)
            var p = try store.register(Registration(email: "canary-mail-x7qp@example.nl", name: "Canary Naam Zw4k", password: goodPassword,
                                                    wijk: "Centrum", roles: Roles(editorOf: [org.id])))
            try store.updateProfile(for: p.id, by: .account(p)) {
                $0.phone = "06-CANARY-TEL-9931"
                $0.address = "Canarystraat 77 Borne"
                $0.displayName = "Canary Schermnaam Pq2"
            }
            let photoPath = dir.path + "/foto.jpg"
            try photo.write(to: URL(fileURLWithPath: photoPath))
            p = store.state.accounts[p.id.rawValue]!
            try store.setPhoto(for: p.id, from: photoPath, by: .account(p))
            p = store.state.accounts[p.id.rawValue]!
            bystander = try addResident(store, "bystander@example.nl", name: "Bystander Bea")
            // An anonymous resident is reached through a post of theirs.
            try store.createPost(PostDraft(kind: .aanbod, title: "Ladder te leen", body: "Bel me", wijk: bystander.profile.wijk,
                                           author: .resident(bystander.id)), by: .account(bystander))
            try store.createPost(PostDraft(kind: .vraag, title: "Canary vraag", body: "CANARY-POST-BODY-Lm3", wijk: p.profile.wijk,
                                           author: .resident(p.id), show: ContactChoice(email: true)), by: .account(p))
            try store.createPost(PostDraft(kind: .mededeling, title: "Org bericht", body: "Van de voedselbank", wijk: p.profile.wijk,
                                           author: .organisation(org.id, by: p.id)), by: .account(p))
            try store.sendMessage(senderName: "Canary Naam Zw4k", senderEmail: "canary-mail-x7qp@example.nl", to: .resident(bystander.id),
                                  text: "CANARY-SENT-TEXT-Hh8", by: .account(p))
            try store.sendMessage(senderName: "Bea", senderEmail: "bystander@example.nl", to: .resident(p.id),
                                  text: "CANARY-RECEIVED-TEXT-Yy5", by: .account(bystander))
            try store.sendMessage(senderName: "Canary Naam Zw4k", senderEmail: "canary-mail-x7qp@example.nl", to: .organisation(org.id),
                                  text: "CANARY-AS-VISITOR-Kk1", by: .visitor)
            try store.setEmailPreference(.visitorMessage, to: true, for: p.id, by: .account(p))
            person = store.state.accounts[p.id.rawValue]!
            canaries = ["canary-mail-x7qp", "Canary Naam Zw4k", "06-CANARY-TEL-9931", "Canarystraat 77", "Canary Schermnaam Pq2",
                        "CANARY-POST-BODY-Lm3", "CANARY-SENT-TEXT-Hh8", "CANARY-RECEIVED-TEXT-Yy5", "CANARY-AS-VISITOR-Kk1", "CANARY-PHOTO-BYTES-q8Zt"]
        }

        /// Files under the store holding `needle`.
        func filesContaining(_ needle: String) -> [String] {
            allFiles(under: dir.store).filter { f in
                guard let d = try? Data(contentsOf: URL(fileURLWithPath: f)) else { return false }
                return d.range(of: Data(needle.utf8)) != nil
            }
        }
    }

    @Test("the export holds every piece of personal data, and no password hash") func export() throws {
        let w = try Planted()
        let export = try w.store.export(w.person.id, by: .account(w.person))
        let json = String(decoding: try export.json(), as: UTF8.self)
        for c in w.canaries where c != "CANARY-PHOTO-BYTES-q8Zt" { #expect(json.contains(c), "\(c) missing from the export") }
        #expect(export.profile.photo?.hasPrefix("photos/") == true)
        #expect(export.posts.count == 1 && export.postsForOrganisations.count == 1)
        #expect(export.messagesSent.count == 2 && export.messagesReceived.count == 1)
        #expect(export.profile.emailPreferences["berichten-van-bezoekers"] == true)
        #expect(export.auditEvents.contains { $0.action == "account-created" })
        #expect(!json.contains("passwordHash") && !json.contains("$test$"))
        #expect(!json.contains("Bystander Bea"), "the bystander is anonymous, so their name is not in the export")
        #expect(json.contains("+01:00"), "dates carry the Amsterdam offset")
    }

    @Test("only the owner may export") func exportPermission() throws {
        let w = try Planted()
        #expect(throws: CoreError.notPermitted(.notYourAccount)) { try w.store.export(w.person.id, by: .account(w.bystander)) }
    }

    @Test("an export sent by e-mail (served over SSH) goes to the person's own address only, holds their data, is refused to anyone else, and is erased with them")
    func mailedExport() throws {
        let w = try Planted()
        #expect(throws: CoreError.notPermitted(.notYourAccount)) { try w.store.mailExport(w.person.id, by: .account(w.bystander)) }
        let to = try w.store.mailExport(w.person.id, by: .account(w.person))
        #expect(to == w.person.email)
        let mail = try #require(try reopen(w.dir).state.outbox.all.first { $0.kind == .dataExport })
        #expect(mail.to == w.person.email && mail.accounts == [w.person.id])
        for c in w.canaries where c != "CANARY-PHOTO-BYTES-q8Zt" { #expect(mail.body.contains(c), "\(c) missing from the mailed export") }
        try w.store.erase(w.person.id, by: .account(w.person))
        for c in w.canaries { #expect(w.filesContaining(c).isEmpty, "\(c) still in \(w.filesContaining(c))") }
        #expect(try reopen(w.dir).state.outbox.all.allSatisfy { $0.kind != .dataExport })
    }

    @Test("after erasure no byte of the person's data remains in any file of the store") func eraseCanary() throws {
        let w = try Planted()
        for c in w.canaries { #expect(!w.filesContaining(c).isEmpty, "canary \(c) was planted") }
        try w.store.erase(w.person.id, by: .account(w.person))
        for c in w.canaries { #expect(w.filesContaining(c).isEmpty, "\(c) still in \(w.filesContaining(c))") }
        let reopened = try reopen(w.dir)
        #expect(reopened.state.accounts[w.person.id.rawValue] == nil)
        #expect(reopened.state.accounts[w.bystander.id.rawValue] != nil, "others are untouched")
        let events = reopened.state.audit.all.filter { $0.subject == w.person.id }
        #expect(events.map(\.action) == [.accountErased], "the log keeps only 'account N erased'")
        #expect(reopened.state.posts.all.contains { $0.author == .organisation(OrganisationID(1), by: nil) }, "the organisation's post stays, unlinked")
        #expect(StoreCheck.run(at: w.dir.store).isSound)
        #expect(reopened.leftoverFiles().isEmpty)
    }

    @Test("a photo must be a JPEG or PNG of at most 5 MB") func photoChecks() throws {
        let w = try Planted()
        let text = w.dir.path + "/notes.jpg"
        try Data("just text".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: CoreError.invalidPhoto(.notJPEGOrPNG)) { try w.store.setPhoto(for: w.person.id, from: text, by: .account(w.person)) }
        let big = w.dir.path + "/big.png"
        try (Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(count: 6 * 1024 * 1024)).write(to: URL(fileURLWithPath: big))
        #expect(throws: CoreError.invalidPhoto(.tooLarge(megabytes: 5))) { try w.store.setPhoto(for: w.person.id, from: big, by: .account(w.person)) }
        #expect(throws: CoreError.invalidPhoto(.notRegularFile)) { try w.store.setPhoto(for: w.person.id, from: w.dir.path, by: .account(w.person)) }
        #expect(w.store.leftoverFiles().isEmpty)
    }

    /// "/etc/shadow" answered "Permission denied" and a missing file "No such file", so
    /// the photo field told which files of the computer exist and are readable.
    @Test("a photo path that is missing, or someone else's file of any kind, gets one answer that tells nothing about it")
    func photoPathOfOthersTellsNothing() throws {
        let w = try Planted()
        let photoBefore = w.store.state.accounts[w.person.id.rawValue]?.profile.photo
        let photosBefore = try FileManager.default.contentsOfDirectory(atPath: w.store.path + "/photos")
        let others = w.dir.path + "/others"
        try FileManager.default.createDirectory(atPath: others, withIntermediateDirectories: true)
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let cases: [(name: String, data: Data?, mode: Int)] = [
            ("text.jpg", Data("secret".utf8), 0o644),
            ("huge.png", png + Data(count: 6 * 1024 * 1024), 0o644),
        ]
        var paths = ["/nonexistent/x.png", w.dir.path + "/missing.png", others]
        #expect(mkfifo(others + "/fifo.png", 0o644) == 0)
        paths.append(others + "/fifo.png")
        for c in cases {
            let path = others + "/" + c.name
            try c.data!.write(to: URL(fileURLWithPath: path))
            chmod(path, mode_t(c.mode))
            paths.append(path)
        }
        // Someone else's: as root (CI) they are given to nobody; otherwise a system file stands in.
        if geteuid() == 0 {
            for p in paths.dropFirst(2) { chown(p, 65534, 65534) }
        } else {
            paths = ["/nonexistent/x.png", w.dir.path + "/missing.png", "/etc/passwd", "/etc/shadow", "/"]
        }
        for p in paths {
            #expect(throws: CoreError.invalidPhoto(.cannotUse), "\(p)") { try w.store.setPhoto(for: w.person.id, from: p, by: .account(w.person)) }
        }
        #expect(CoreError.invalidPhoto(.cannotUse).message(.dutch) == "Deze foto kan niet worden gebruikt: kies een JPEG- of PNG-bestand dat van jou is.")
        #expect(w.store.state.accounts[w.person.id.rawValue]?.profile.photo == photoBefore)
        #expect(try FileManager.default.contentsOfDirectory(atPath: w.store.path + "/photos") == photosBefore)
    }

    @Test("a readable PNG of someone else is still taken locally (it is the person's own computer)")
    func othersReadablePhotoTaken() throws {
        let w = try Planted()
        let path = w.dir.path + "/shared.png"
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]).write(to: URL(fileURLWithPath: path))
        if geteuid() == 0 { chown(path, 65534, 65534) }
        let before = w.store.state.accounts[w.person.id.rawValue]?.profile.photo
        try w.store.setPhoto(for: w.person.id, from: path, by: .account(w.person))
        #expect(w.store.state.accounts[w.person.id.rawValue]?.profile.photo != before)
    }
}

/// Looking at one's data is not an export.
@Suite struct ExportAuditTests {
    @Test func onlyRealExportsAreLogged() throws {
        let w = try DataRightsTests.Planted()
        func exports() -> Int { w.store.state.audit.all.filter { $0.subject == w.person.id && $0.action == .dataExported }.count }
        _ = try w.store.export(w.person.id, by: .account(w.person), recordAudit: false)
        #expect(exports() == 0)
        _ = try w.store.export(w.person.id, by: .account(w.person))
        #expect(exports() == 1)
    }
}
