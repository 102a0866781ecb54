import CNcursesw
import Foundation
import TerminalKit
#if canImport(Glibc)
import Glibc
#endif

/// The one place that talks to ncurses: shows grids (only changed cells), places the cursor on
/// the focused element, reads keys, and always gives the terminal back.
public final class CursesTerminal: Terminal {
    private var previous: Grid?
    private let theme: Theme
    private let colour: Bool
    private var closed = false
    /// True when marks are drawn as ASCII (no UTF-8 locale, or asked for).
    public let usesAscii: Bool
    /// True when input fields are bracketed (the terminal cannot underline, or is the Linux
    /// console, which shows underline as a colour).
    public let bracketsFields: Bool

    /// Thrown when curses cannot start: the terminal type (`TERM`) is unknown here.
    public struct UnknownTerminal: Error {
        /// The value of TERM.
        public let term: String
    }

    /// Starts curses with `theme`; colour only when the terminal has it and `noColor` is false;
    /// ASCII marks when `ascii` or when the locale is not UTF-8. `demoPath`, when given, is
    /// removed if a signal ends the process.
    public init(theme: Theme, noColor: Bool, ascii: Bool = false, demoPath: String? = nil) throws {
        setlocale(LC_ALL, "")
        usesAscii = ascii || cn_locale_is_utf8() == 0
        // Before curses starts, so the modes saved are the shell's own.
        cn_guard_terminal(demoPath)
        // curses takes LINES and COLUMNS over what the terminal reports: a window larger than
        // served starts at the largest size instead of allocating for the reported one.
        let reported = Self.reportedSize()
        let started = Self.withSizeEnvironment(reported?.served) { cn_start() == 1 }
        guard started else {
            cn_forget_demo()
            cn_release_terminal()
            throw UnknownTerminal(term: ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        bracketsFields = cn_has_underline() == 0 || term == "linux" || term.hasPrefix("linux-")
        raw()
        noecho()
        nonl()
        keypad(cn_stdscr(), true)
        set_escdelay(25)
        colour = !noColor && !theme.monochrome && has_colors()
        self.theme = theme
        if let reported { reportedSize = reported }
        if colour {
            start_color()
            use_default_colors()
            for (i, role) in StyleRole.allCases.enumerated() {
                let s = theme.style(role)
                init_pair(Int16(i + 1), s.fg.cursesNumber, s.bg.cursesNumber)
            }
        }
    }

    /// True when the locale of the environment writes UTF-8 (else marks are written in ASCII).
    public static var localeIsUTF8: Bool {
        setlocale(LC_ALL, "")
        return cn_locale_is_utf8() == 1
    }

    /// What `TERM` says of the terminal: it can place the cursor, it cannot (dumb), or it is
    /// unknown here (no terminfo entry). Only the first gets the full screen.
    public enum Capability { case addressable, dumb, unknown }

    /// The capability of the terminal `TERM` names.
    public static var capability: Capability {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb" else { return .dumb }
        switch cn_can_address_cursor() {
        case 1: return .addressable
        case -1: return .unknown
        default: return .dumb
        }
    }

    /// True when colours are used.
    public var usesColour: Bool { colour }

    /// Restores the terminal (idempotent).
    /// SIGHUP or SIGTERM, once received: the run loop then ends the session (see the shim).
    public var endedBySignal: Int32? {
        let s = cn_hangup_signal()
        return s == 0 ? nil : s
    }

    /// Clears the screen and the terminal's own scrollback before curses lets go: on a terminal
    /// without an alternate screen (the Linux console, vt100) endwin left the last frame, the
    /// resident's name in it, on screen and in the scrollback.
    public func close() {
        guard !closed else { return }
        forget()
        closed = true
        endwin()
        cn_release_terminal()
    }

    /// Clears the screen (curses' clear: the terminal's `clear` at the next refresh) and then
    /// the scrollback with terminfo's `E3` where the terminal has it; in that order, because
    /// some terminals (tmux, VTE) scroll a cleared screen into the scrollback.
    public func forget() {
        guard !closed else { return }
        clear()
        refresh()
        if let e3 = cn_curses_string("E3") {
            fflush(nil)
            Self.writeOut(Self.withoutPadding(String(cString: e3)))
        }
        previous = nil
    }

    /// What writes, to the terminal TERM names, a clear screen followed by a clear scrollback
    /// (terminfo `clear`, then `E3` where it has it), read without starting curses; nil when it
    /// has no `clear` (TERM=dumb, an unknown TERM). For plain mode, on a terminal only.
    public static func forgetSequence() -> String? {
        guard let clear = cn_terminfo_string("clear") else { return nil }
        defer { free(clear) }
        var text = withoutPadding(String(cString: clear))
        if let e3 = cn_terminfo_string("E3") {
            text += withoutPadding(String(cString: e3))
            free(e3)
        }
        return text.isEmpty ? nil : text
    }

    /// Writes straight to standard output, past curses (whose buffer `refresh` has emptied).
    private static func writeOut(_ text: String) {
        var text = text
        text.withUTF8 { p in
            var off = 0
            while off < p.count {
                let n = Glibc.write(STDOUT_FILENO, p.baseAddress! + off, p.count - off)
                if n <= 0 { return }
                off += n
            }
        }
    }

    /// A terminfo string without its padding ("$<50>" in vt100's clear): delays are for
    /// terminals at 9600 baud, and written as text they would show.
    static func withoutPadding(_ s: String) -> String {
        s.replacingOccurrences(of: #"\$<[0-9.*/]*>"#, with: "", options: .regularExpression)
    }

    deinit { close() }

    /// What the terminal last reported, beyond the largest size served too (the app then says
    /// "Venster te groot"); nil until it reported one, then curses' own size is the answer.
    private var reportedSize: Size?

    public var size: Size { reportedSize ?? Size(cols: Int(cn_cols()), rows: Int(cn_lines())) }

    /// The window size the terminal reports, if it reports one.
    private static func reportedSize() -> Size? {
        var rows: Int32 = 0, cols: Int32 = 0
        guard cn_reported_size(&rows, &cols) == 1 else { return nil }
        return Size(cols: Int(cols), rows: Int(rows))
    }

    /// Runs `body` with LINES and COLUMNS set to `size` (when given), then puts them back as they were.
    private static func withSizeEnvironment<T>(_ size: Size?, _ body: () -> T) -> T {
        guard let size else { return body() }
        let old = ["LINES": getenv("LINES").map { String(cString: $0) },
                   "COLUMNS": getenv("COLUMNS").map { String(cString: $0) }]
        setenv("LINES", String(size.rows), 1)
        setenv("COLUMNS", String(size.cols), 1)
        defer {
            for (name, value) in old {
                if let value { setenv(name, value, 1) } else { unsetenv(name) }
            }
        }
        return body()
    }

    /// Reads the size after SIGWINCH and gives curses only the size served for it.
    private func applyResize() {
        guard let reported = Self.reportedSize() else { return }
        reportedSize = reported
        let served = reported.served
        if served.rows != Int(cn_lines()) || served.cols != Int(cn_cols()) {
            resizeterm(Int32(served.rows), Int32(served.cols))
        }
    }

    public func present(_ grid: Grid) {
        // Never more than curses holds (the app draws within the largest size served).
        guard grid.size.cols <= Int(cn_cols()), grid.size.rows <= Int(cn_lines()) else { return }
        var grid = grid
        if bracketsFields { grid = AsciiFallback.bracketFields(grid) }
        if usesAscii { grid = AsciiFallback.ascii(grid) }
        let full = previous?.size != grid.size
        if full { clear() }
        for y in 0..<grid.size.rows {
            for x in 0..<grid.size.cols {
                let cell = grid[x, y]
                if !full, let p = previous, p[x, y] == cell { continue }
                if cell.text.isEmpty { continue } // right half of a wide grapheme
                draw(cell, x: x, y: y)
            }
        }
        if let c = grid.cursor, c.x >= 0, c.y >= 0, c.x < grid.size.cols, c.y < grid.size.rows {
            curs_set(1)
            move(Int32(c.y), Int32(c.x))
        } else {
            curs_set(0)
        }
        refresh()
        previous = grid
    }

    private func draw(_ cell: Cell, x: Int, y: Int) {
        let style = theme.style(cell.role)
        let attrs = colour ? style.attributes : style.mono
        var a = cn_normal()
        if attrs.contains(.bold) { a |= cn_bold() }
        if attrs.contains(.underline) { a |= cn_underline() }
        if attrs.contains(.reverse) { a |= cn_reverse() }
        if attrs.contains(.dim) { a |= cn_dim() }
        let pair: Int16 = colour ? Int16((StyleRole.allCases.firstIndex(of: cell.role) ?? 0) + 1) : 0
        // One cchar_t per cell the text takes (more than one only for a stand-in; see
        // `Grapheme.terminalCells`). setcchar keeps the scalars only up to the first spacing one
        // after the first, so `👩🏽‍⚕️` became `👩`: it sets the attributes and colour, and the
        // scalars go into `chars` directly, which ncurses stores and writes out whole.
        for (i, scalars) in Grapheme.terminalCells(cell.text, capacity: Int(CCHARW_MAX)).enumerated() {
            var cc = cchar_t()
            setcchar(&cc, [wchar_t(bitPattern: scalars[0].value), 0], a, pair, nil)
            withUnsafeMutableBytes(of: &cc.chars) { raw in
                let chars = raw.bindMemory(to: wchar_t.self)
                for k in chars.indices { chars[k] = k < scalars.count ? wchar_t(bitPattern: scalars[k].value) : 0 }
            }
            mvadd_wch(Int32(y), Int32(x + i), &cc)
        }
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        if cn_take_winch() == 1 {
            applyResize()
            return .resize
        }
        timeout(Int32(timeoutMilliseconds))
        var ch: wint_t = 0
        let rc = get_wch(&ch)
        if rc == ERR {
            if cn_take_winch() == 1 {
                applyResize()
                return .resize
            }
            // No key: a timeout, a signal, or a terminal that is gone without a SIGHUP (which
            // would otherwise return at once, forever: 100 % CPU). Gone ends the session as SIGHUP does.
            if cn_input_gone() == 1 { cn_note_hangup() }
            return nil
        }
        // curses' own resize (a size change it noticed itself) is read through the same limit.
        if rc == KEY_CODE_YES && Int32(ch) == KEY_RESIZE {
            applyResize()
            return .resize
        }
        if rc == KEY_CODE_YES { return Self.functionKey(Int32(ch)) }
        return Self.character(UInt32(ch))
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case (KEY_F0 + 1)...(KEY_F0 + 12): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    static func character(_ v: UInt32) -> Key? {
        switch v {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(v + 96)!))
        case 0, 28...31: return nil
        default: return Unicode.Scalar(v).map { .char(Character($0)) }
        }
    }
}
