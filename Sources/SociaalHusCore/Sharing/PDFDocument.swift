import Foundation

/// A PDF 1.4 document of text pages, written without any library: pages of text runs in the
/// standard Helvetica fonts (WinAnsi bytes) and straight lines, black on white. A value in,
/// bytes out: the same document gives the same bytes.
public struct PDFDocument: Sendable, Equatable {
    /// A4 in points (1/72 inch).
    public static let a4Width = 595.0, a4Height = 842.0

    /// What every page of this program says in its document information, so a file it wrote
    /// can be told from one it did not (see `PrintedAgendaFile`).
    public static let producer = "SociaalHus"

    /// One piece of text on one line.
    public struct Run: Sendable, Equatable {
        /// Left edge and baseline, in points from the page's bottom left.
        public var x: Double, y: Double
        /// Font size in points.
        public var size: Double
        /// Which of the two fonts.
        public var font: PDFFont
        /// The text as WinAnsi bytes (`PDFWinAnsi.encode`).
        public var bytes: [UInt8]

        /// Creates a run.
        public init(x: Double, y: Double, size: Double, font: PDFFont, bytes: [UInt8]) {
            self.x = x; self.y = y; self.size = size; self.font = font; self.bytes = bytes
        }
    }

    /// A straight black line.
    public struct Rule: Sendable, Equatable {
        /// From and to, in points.
        public var x1: Double, y1: Double, x2: Double, y2: Double
        /// Its thickness in points.
        public var width: Double

        /// Creates a line.
        public init(x1: Double, y1: Double, x2: Double, y2: Double, width: Double) {
            self.x1 = x1; self.y1 = y1; self.x2 = x2; self.y2 = y2; self.width = width
        }
    }

    /// One page.
    public struct Page: Sendable, Equatable {
        /// Its text.
        public var runs: [Run] = []
        /// Its lines.
        public var rules: [Rule] = []

        /// An empty page.
        public init() {}
    }

    /// The pages, in order (a document has at least one: an empty list writes one blank page).
    public var pages: [Page]
    /// The document's title, as a reader shows it in its title bar.
    public var title: String

    /// Creates a document.
    public init(pages: [Page], title: String) {
        self.pages = pages
        self.title = title
    }

    /// The file's bytes: header, information, catalogue, page tree, the two fonts, each page with
    /// its content stream, the cross-reference table with every object's byte offset, trailer.
    public func data() -> Data {
        var out: [UInt8] = []
        var offsets: [Int] = []
        func object(_ body: [UInt8]) {
            offsets.append(out.count)
            out += Array("\(offsets.count) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        // The second line's bytes above 127 tell a transfer program the file is binary.
        out += Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3] + [0x0A]
        let shown = pages.isEmpty ? [Page()] : pages
        let firstPage = 6
        object(Array("<< /Producer (\(Self.producer)) /Title \(Self.textString(title)) >>".utf8))  // 1
        object(Array("<< /Type /Catalog /Pages 3 0 R >>".utf8))  // 2
        let kids = shown.indices.map { "\(firstPage + 2 * $0) 0 R" }.joined(separator: " ")
        object(Array("<< /Type /Pages /Kids [\(kids)] /Count \(shown.count) >>".utf8))  // 3
        for font in [PDFFont.regular, .bold] {  // 4, 5
            object(Array("<< /Type /Font /Subtype /Type1 /BaseFont /\(font.baseFont) /Encoding /WinAnsiEncoding >>".utf8))
        }
        for (i, page) in shown.enumerated() {
            object(Array(("<< /Type /Page /Parent 3 0 R /MediaBox [0 0 \(Self.number(Self.a4Width)) \(Self.number(Self.a4Height))]"
                          + " /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents \(firstPage + 2 * i + 1) 0 R >>").utf8))
            let stream = Self.content(page)
            object(Array("<< /Length \(stream.count) >>\nstream\n".utf8) + stream + Array("\nendstream".utf8))
        }
        let xref = out.count
        out += Array("xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n".utf8)
        for o in offsets {
            let digits = String(o)
            out += Array((String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n").utf8)
        }
        out += Array("trailer\n<< /Size \(offsets.count + 1) /Root 2 0 R /Info 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return Data(out)
    }

    /// A page's drawing operators: black fill and stroke, each run placed by its text matrix.
    static func content(_ page: Page) -> [UInt8] {
        var s: [UInt8] = Array("0 g 0 G\n".utf8)
        for r in page.rules {
            s += Array("\(number(r.width)) w \(number(r.x1)) \(number(r.y1)) m \(number(r.x2)) \(number(r.y2)) l S\n".utf8)
        }
        for r in page.runs where !r.bytes.isEmpty {
            s += Array("BT /\(r.font.resource) \(number(r.size)) Tf 1 0 0 1 \(number(r.x)) \(number(r.y)) Tm ".utf8)
            s += literal(r.bytes)
            s += Array(" Tj ET\n".utf8)
        }
        return s
    }

    /// A string literal: "(", ")" and "\" escaped, and every byte outside printable ASCII
    /// written as an octal escape, so the content stream is plain text whatever the text holds.
    static func literal(_ bytes: [UInt8]) -> [UInt8] {
        var s: [UInt8] = [0x28]
        for b in bytes {
            switch b {
            case 0x28, 0x29, 0x5C: s += [0x5C, b]
            case 0x20...0x7E: s.append(b)
            default:
                s += [0x5C, 0x30 + (b >> 6), 0x30 + ((b >> 3) & 7), 0x30 + (b & 7)]
            }
        }
        s.append(0x29)
        return s
    }

    /// A text string outside the page (the title): UTF-16 with its byte-order mark, in hex.
    static func textString(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var s = "<FEFF"
        for unit in text.utf16 {
            for shift in [12, 8, 4, 0] { s.append(hex[Int(unit >> UInt16(shift)) & 15]) }
        }
        return s + ">"
    }

    /// A number with at most two decimals and no exponent, whatever the locale.
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let hundredths = Int((x * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let whole = abs(hundredths) / 100, part = abs(hundredths) % 100
        if part == 0 { return sign + String(whole) }
        return sign + String(whole) + "." + (part < 10 ? "0" : "") + (part % 10 == 0 ? String(part / 10) : String(part))
    }
}
