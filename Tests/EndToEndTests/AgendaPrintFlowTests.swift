import Foundation
import Testing

/// The desk prints the agenda for the notice board in the real binary, as a desk member would:
/// log in, open the agenda, choose Centrum with its filter, `p`, Enter on the button.
@Suite(.serialized) struct AgendaPrintFlowTests {
    @Test("Lotte prints two weeks of Centrum in large print; the PDF lands in the folder the interface runs in")
    func deskPrints() throws {
        let t = Tmux()
        try t.cli(["init", "--demo"])
        let desk = t.home + "/balie"
        try FileManager.default.createDirectory(atPath: desk, withIntermediateDirectories: true)
        try t.startLoggedIn("lotte.meijer@demo.sociaalhus.example", "demo-Balie-Lamp-Thee-4", expecting: "Demo Lotte",
                            command: ["sh", "-c", "cd \(Tmux.quote(desk)) && exec \(Tmux.quote(Tmux.binary)) --store \(Tmux.quote(t.store))"],
                            cols: 120, rows: 40)
        try t.keys("1")
        try t.waitFor("Zoeken (/)")
        try t.keys("f")
        try t.waitFor("Filter: wijk: Centrum")
        try t.keys("p")
        var s = try t.waitFor("Agenda afdrukken")
        #expect(s.contains("‹ Centrum ›") && s.contains("‹ 2 weken ›") && s.contains(desk + "/agenda-centrum.pdf"), "\(s)")
        try t.tabUntil("▌ [ Maak de pdf ]")
        try t.keys("Enter")
        s = try t.waitFor("De agenda staat in")
        #expect(s.contains("Filter: wijk: Centrum"), "back on the agenda")
        let pdf = try Data(contentsOf: URL(fileURLWithPath: desk + "/agenda-centrum.pdf"))
        #expect(pdf.starts(with: Data("%PDF-1.4".utf8)))
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else { return }
        let read = try Tmux.run(["/usr/bin/pdftotext", "-layout", desk + "/agenda-centrum.pdf", "-"])
        #expect(read.status == 0 && read.out.contains("Agenda Centrum, ") && read.out.contains("Pagina 1 van "))
        #expect(!read.out.contains("Lotte"), "nobody's name, not even the desk member's")
    }
}
