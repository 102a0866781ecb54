import Foundation
import Testing

/// A terminal type that shows only ASCII gets the ASCII marks, whatever the locale says.
@Suite struct AsciiTerminalTests {
    typealias CLI = CommandLineTests

    @Test("plain mode on TERM=vt100 with a UTF-8 locale writes only ASCII; on xterm the same session writes UTF-8",
          arguments: [("vt100", true), ("vt220-am", true), ("xterm-256color", false)])
    func vt100GetsAscii(term: String, ascii: Bool) throws {
        let r = try CLI.run(["--demo", "--plain"], stdin: "?\nq\nj\n", env: ["TERM": term, "LANG": "C.UTF-8"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.count > 200, "\(r.out)")
        let nonAscii = r.out.unicodeScalars.filter { !$0.isASCII }
        if ascii {
            #expect(nonAscii.isEmpty, "\(String(String.UnicodeScalarView(nonAscii.prefix(20))))")
        } else {
            #expect(!nonAscii.isEmpty, "the control: the same session has non-ASCII marks on xterm")
        }
    }
}
