import Foundation

/// An agenda laid out on A4 pages for paper: one column, black on white, a heading per day, each
/// activity with its time beside its title and its details under it, and on every page the
/// line saying which agenda it is and its page number. Texts arrive worded and sanitised; here
/// they are only measured with the fonts' widths and wrapped, so no line runs off the page
/// whatever its length. A day's heading never stands alone at the bottom of a page, an activity
/// is moved whole to the next page when it fits there, and a day that goes on over a page break
/// is named again on the new page.
public struct AgendaPrintLayout: Sendable {
    /// One activity: its time, title and the lines under it ("Waar: …").
    public struct Activity: Sendable, Equatable {
        public var time: String
        public var title: String
        public var details: [String]

        /// Creates an activity's entry.
        public init(time: String, title: String, details: [String]) {
            self.time = time; self.title = title; self.details = details
        }
    }

    /// One day: its heading, the heading it gets on a page it goes on to, its activities.
    public struct Day: Sendable, Equatable {
        public var heading: String
        public var continued: String
        public var activities: [Activity]

        /// Creates a day.
        public init(heading: String, continued: String, activities: [Activity]) {
            self.heading = heading; self.continued = continued; self.activities = activities
        }
    }

    /// The type sizes in points.
    public struct Sizes: Sendable, Equatable {
        public var body: Double, day: Double, top: Double, pageNumber: Double

        /// Large print: no text under 16 points.
        public static let large = Sizes(body: 18, day: 22, top: 16, pageNumber: 16)
        /// Ordinary print.
        public static let normal = Sizes(body: 11, day: 14, top: 10, pageNumber: 10)
    }

    /// What every page says at the top ("Agenda Centrum, 7 december t/m 20 december 2026, …").
    public var top: String
    /// What the only page says when there are no activities.
    public var empty: String
    /// The days, in order.
    public var days: [Day]
    /// The type sizes.
    public var sizes: Sizes

    /// Creates a layout.
    public init(top: String, empty: String, days: [Day], sizes: Sizes) {
        self.top = top; self.empty = empty; self.days = days; self.sizes = sizes
    }

    /// Left and right margin, and top and bottom margin, in points.
    static let side = 56.0, edge = 48.0
    /// Line height as a multiple of the type size.
    static let leading = 1.3
    /// The longest text taken from one field: what an editor typed is never trusted to be short.
    static let maximumBytes = 2_000

    /// One line of a page: its pieces (left edge from the margin, font, bytes), its size and
    /// the space above it (left out at the top of a page).
    struct Line {
        var pieces: [(x: Double, font: PDFFont, bytes: [UInt8])]
        var size: Double
        var before: Double
        var height: Double { size * AgendaPrintLayout.leading }
    }

    /// The width of the text column.
    var width: Double { PDFDocument.a4Width - 2 * Self.side }

    /// The pages; `pageLabel` words "Pagina 1 van 2" for a page and the number of pages.
    public func document(pageLabel: (Int, Int) -> String) -> PDFDocument {
        let topLines = Self.wrap(PDFWinAnsi.encode(top), font: .bold, size: sizes.top, first: width, rest: width)
        // The page from below the top lines and their rule to above the page number.
        let contentTop = PDFDocument.a4Height - Self.edge - Double(topLines.count) * sizes.top * Self.leading - sizes.top * 0.8
        let contentBottom = Self.edge + sizes.pageNumber * Self.leading + sizes.body * 0.5
        let pages = paginate(height: contentTop - contentBottom)
        var out: [PDFDocument.Page] = []
        for (n, lines) in pages.enumerated() {
            var page = PDFDocument.Page()
            var y = PDFDocument.a4Height - Self.edge - sizes.top
            for l in topLines {
                page.runs.append(.init(x: Self.side, y: y, size: sizes.top, font: .bold, bytes: l))
                y -= sizes.top * Self.leading
            }
            let ruleY = y + sizes.top * Self.leading - sizes.top * 0.45
            page.rules.append(.init(x1: Self.side, y1: ruleY, x2: Self.side + width, y2: ruleY, width: 1.5))
            y = contentTop
            for (i, line) in lines.enumerated() {
                if i > 0 { y -= line.before }
                y -= line.size  // the baseline sits a size below the line's top
                for p in line.pieces {
                    page.runs.append(.init(x: Self.side + p.x, y: y, size: line.size, font: p.font, bytes: p.bytes))
                }
                y -= line.height - line.size
            }
            let label = PDFWinAnsi.encode(pageLabel(n + 1, pages.count))
            let labelWidth = PDFFont.regular.width(label, size: sizes.pageNumber)
            page.runs.append(.init(x: max(Self.side, Self.side + width - labelWidth), y: Self.edge, size: sizes.pageNumber, font: .regular, bytes: label))
            out.append(page)
        }
        return PDFDocument(pages: out, title: String(top.prefix(200)))
    }

    /// The lines of each page, with the rules about headings and page breaks applied.
    func paginate(height: Double) -> [[Line]] {
        var pages: [[Line]] = [[]]
        var used = 0.0
        func room(_ lines: [Line]) -> Double {
            lines.enumerated().reduce(0) { $0 + $1.element.height + ($1.offset == 0 && pages[pages.count - 1].isEmpty ? 0 : $1.element.before) }
        }
        func newPage() {
            pages.append([])
            used = 0
        }
        func put(_ line: Line) {
            used += line.height + (pages[pages.count - 1].isEmpty ? 0 : line.before)
            pages[pages.count - 1].append(line)
        }
        func fits(_ lines: [Line]) -> Bool { used + room(lines) <= height + 0.001 }
        /// The height of `lines` at the top of a page.
        func fresh(_ lines: [Line]) -> Double {
            lines.enumerated().reduce(0) { $0 + $1.element.height + ($1.offset == 0 ? 0 : $1.element.before) }
        }
        if days.isEmpty {
            for l in paragraph(empty, font: .regular, size: sizes.body, before: 0) { if !fits([l]) { newPage() }; put(l) }
        }
        let timeColumn = self.timeColumn
        for day in days {
            let heading = paragraph(day.heading, font: .bold, size: sizes.day, before: sizes.body)
            let continued = paragraph(day.continued, font: .bold, size: sizes.day, before: sizes.body)
            let blocks = day.activities.map { block($0, column: timeColumn) }
            // The heading goes where its first activity fits under it (or, for one that does
            // not fit on a page with it, the first two lines of it, and the rest goes on).
            let first = blocks.first.map { fresh(heading + $0) <= height ? $0 : Array($0.prefix(2)) } ?? []
            if !fits(heading + first) && !pages[pages.count - 1].isEmpty { newPage() }
            heading.forEach(put)
            for (k, block) in blocks.enumerated() {
                // An activity that fits on a page is not split: it goes to the next page whole
                // (never the first, which would leave the heading alone).
                if k > 0 && !fits(block) && fresh(continued + block) <= height {
                    newPage()
                    continued.forEach(put)
                }
                for line in block {
                    if !fits([line]) {
                        newPage()
                        continued.forEach(put)
                    }
                    put(line)
                }
            }
        }
        return pages
    }

    /// The width of the time column: the widest time and a space, at most two fifths of the page.
    var timeColumn: Double {
        let widest = days.flatMap(\.activities).map { PDFFont.bold.width(PDFWinAnsi.encode($0.time), size: sizes.body) }.max() ?? 0
        return min(widest + sizes.body, width * 0.4)
    }

    /// An activity's lines: time and title in bold side by side, the details under the title.
    func block(_ a: Activity, column: Double) -> [Line] {
        let times = Self.wrap(PDFWinAnsi.encode(a.time), font: .bold, size: sizes.body, first: column - sizes.body / 2, rest: column - sizes.body / 2)
        var right = Self.wrap(PDFWinAnsi.encode(a.title), font: .bold, size: sizes.body, first: width - column, rest: width - column).map { (PDFFont.bold, $0) }
        for d in a.details {
            right += Self.wrap(PDFWinAnsi.encode(d), font: .regular, size: sizes.body, first: width - column, rest: width - column).map { (PDFFont.regular, $0) }
        }
        var lines: [Line] = []
        for i in 0..<max(times.count, right.count) {
            var pieces: [(x: Double, font: PDFFont, bytes: [UInt8])] = []
            if i < times.count { pieces.append((0, .bold, times[i])) }
            if i < right.count { pieces.append((column, right[i].0, right[i].1)) }
            lines.append(Line(pieces: pieces, size: sizes.body, before: i == 0 ? sizes.body * 0.6 : 0))
        }
        return lines
    }

    /// A paragraph over the whole width.
    func paragraph(_ text: String, font: PDFFont, size: Double, before: Double) -> [Line] {
        Self.wrap(PDFWinAnsi.encode(text), font: font, size: size, first: width, rest: width).enumerated().map { i, l in
            Line(pieces: [(0, font, l)], size: size, before: i == 0 ? before : 0)
        }
    }

    /// `bytes` in lines no wider than `first` (the first line) and `rest` (the others): broken
    /// at spaces, and a word wider than a line broken where the line is full. Runs of spaces
    /// count as one; an empty text is one empty line.
    static func wrap(_ bytes: [UInt8], font: PDFFont, size: Double, first: Double, rest: Double) -> [[UInt8]] {
        let words = bytes.prefix(maximumBytes).split(separator: 0x20).map(Array.init)
        var lines: [[UInt8]] = []
        var line: [UInt8] = []
        var lineWidth = 0.0
        let space = font.width([0x20], size: size)
        func limit() -> Double { max(lines.isEmpty ? first : rest, size) }
        for var word in words {
            var w = font.width(word, size: size)
            if !line.isEmpty {
                if lineWidth + space + w <= limit() {
                    line.append(0x20); line += word; lineWidth += space + w
                    continue
                }
                lines.append(line); line = []; lineWidth = 0
            }
            // A word longer than a whole line: as much as fits, then the rest on the next line.
            while w > limit() {
                var cut = 0, cutWidth = 0.0
                while cut < word.count {
                    let g = font.width([word[cut]], size: size)
                    if cutWidth + g > limit() && cut > 0 { break }
                    cutWidth += g; cut += 1
                }
                lines.append(Array(word[..<cut]))
                word = Array(word[cut...])
                w = font.width(word, size: size)
            }
            line = word; lineWidth = w
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
