import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `sociaalhus backup` and `sociaalhus restore` as an operator runs them.
@Suite(.serialized) struct BackupCommandTests {
    typealias CLI = CommandLineTests

    @Test("add a person, back up, erase, restore: the person stays erased, the later account is gone, check is sound; refusals in Dutch and English")
    func backupEraseRestore() throws {
        let t = CLI.Temp()
        let backup = t.path + "/reserve.shb"
        #expect(try CLI.run(["init", "--store", t.store]).status == 0)
        for (email, name) in [("anna@example.nl", "Anna Tester"), ("bob@example.nl", "Bob Buur")] {
            #expect(try CLI.run(["account", "add", "--store", t.store, "--email", email, "--name", name, "--wijk", "Centrum"], stdin: CLI.password).status == 0)
        }
        var r = try CLI.run(["backup", "--store", t.store, "--to", backup])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("Reservekopie geschreven"))
        var st = stat()
        #expect(stat(backup, &st) == 0 && st.st_mode & 0o777 == 0o600)
        // Never written over.
        r = try CLI.run(["backup", "--store", t.store, "--to", backup, "--lang", "en"])
        #expect(r.status == 1 && r.err.contains("already exists"), "\(r.err)")
        #expect(try CLI.run(["account", "erase", "--store", t.store, "--email", "anna@example.nl", "--yes"]).status == 0)
        #expect(try CLI.run(["account", "add", "--store", t.store, "--email", "carol@example.nl", "--name", "Carol", "--wijk", "Centrum"], stdin: CLI.password).status == 0)

        r = try CLI.run(["restore", "--store", t.store, "--from", backup, "--yes"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("Opnieuw gewist") && r.out.contains("1 account,"), "\(r.out)")
        #expect(try CLI.run(["export", "--store", t.store, "--email", "anna@example.nl"]).status == 1, "Anna stays erased")
        #expect(try CLI.run(["export", "--store", t.store, "--email", "carol@example.nl"]).status == 1, "as the backup had it")
        #expect(try CLI.run(["export", "--store", t.store, "--email", "bob@example.nl"]).status == 0)
        r = try CLI.run(["check", "--store", t.store])
        #expect(r.status == 0, "\(r.err)")

        // Not a backup: refused with a sentence, exit 1, the store as it was.
        let text = t.path + "/notities.txt"
        FileManager.default.createFile(atPath: text, contents: Data("boodschappen\n".utf8), attributes: [.posixPermissions: 0o600])
        r = try CLI.run(["restore", "--store", t.store, "--from", text, "--yes"])
        #expect(r.status == 1 && r.err.contains("geen reservekopie van SociaalHus"), "\(r.err)")
        r = try CLI.run(["restore", "--store", t.store, "--from", text, "--lang", "en", "--yes"])
        #expect(r.status == 1 && r.err.contains("not a SociaalHus backup"), "\(r.err)")
        #expect(try CLI.run(["export", "--store", t.store, "--email", "bob@example.nl"]).status == 0)
        // A backup inside the store folder is refused.
        r = try CLI.run(["backup", "--store", t.store, "--to", t.store + "/photos/kopie.shb"])
        #expect(r.status == 1 && r.err.contains("in de map van de opslag"), "\(r.err)")
        #expect(try CLI.run(["check", "--store", t.store]).status == 0)
    }
}
