import Foundation
import Testing
@testable import TerminalKit

/// Issues 15 and 25: the WCAG 2.2 contrast of every role of every theme, measured on the palettes
/// people have: xterm (dark and light), the Linux console, GNOME Terminal's Tango (dark and
/// light), Solarized (dark and light) and macOS Terminal's Basic profile. The floor is 4.5:1, 7:1
/// for `hoog-contrast`; the monochrome attributes are held to the same.
///
/// How a cell is drawn: a role on the terminal's default colour takes the palette's own; bold is
/// drawn bright or as the plain colour (terminals do either; bold black becomes grey), reverse
/// swaps, dim is half way to the background. The Linux console draws as its kernel does (below).
///
/// A role drawn wholly in the terminal's own colours (no `fg:`, no `bg:`) can be no clearer than
/// the colours the person chose for their terminal: it is held to the floor, or to the terminal's
/// own contrast where that is lower (Solarized light's own text is 4.1:1). Every role that brings
/// a colour meets the floor outright.
@Suite struct ThemeContrastTests {
    typealias RGB = (Double, Double, Double)

    static func hex(_ v: Int) -> RGB { (Double((v >> 16) & 255), Double((v >> 8) & 255), Double(v & 255)) }

    /// A terminal's 16 colours (ANSI order: black red green yellow blue magenta cyan white), its
    /// default foreground and background, and the default foreground drawn bold.
    struct Palette {
        let name: String
        let normal: [RGB]
        let bright: [RGB]
        let fg: RGB
        let bg: RGB
        let boldFg: RGB
        /// The Linux console: bold is always bright and brightens the colour in front *after*
        /// reverse (`a ^= 0x08` in the kernel's `build_attr`, drivers/tty/vt/vt.c), so bold
        /// reverse grey is drawn dark grey on grey; underline and dim are drawn as colours
        /// (`default_underline_color` cyan, half-bright dark grey) in place of the text colour,
        /// but only without a colour pair: terminfo `linux` has `ncv#18`, so ncurses drops
        /// underline and dim from every cell with a colour pair (lib_vidattr.c), which in colour
        /// every role has.
        var console = false
    }

    static let xtermNormal = [0x000000, 0xCD0000, 0x00CD00, 0xCDCD00, 0x0000EE, 0xCD00CD, 0x00CDCD, 0xE5E5E5].map(hex)
    static let xtermBright = [0x7F7F7F, 0xFF0000, 0x00FF00, 0xFFFF00, 0x5C5CFF, 0xFF00FF, 0x00FFFF, 0xFFFFFF].map(hex)
    static let tangoNormal = [0x2E3436, 0xCC0000, 0x4E9A06, 0xC4A000, 0x3465A4, 0x75507B, 0x06989A, 0xD3D7CF].map(hex)
    static let tangoBright = [0x555753, 0xEF2929, 0x8AE234, 0xFCE94F, 0x729FCF, 0xAD7FA8, 0x34E2E2, 0xEEEEEC].map(hex)
    // Solarized as terminals map it: black base02, white base2, and the "bright" colours are the
    // base tones (base03, orange, base01, base00, base0, violet, base1, base3).
    static let solarizedNormal = [0x073642, 0xDC322F, 0x859900, 0xB58900, 0x268BD2, 0xD33682, 0x2AA198, 0xEEE8D5].map(hex)
    static let solarizedBright = [0x002B36, 0xCB4B16, 0x586E75, 0x657B83, 0x839496, 0x6C71C4, 0x93A1A1, 0xFDF6E3].map(hex)

    /// The palettes measured. Sources: xterm's own defaults (XTerm-col.ad: red3, blue2, gray90,
    /// gray50, rgb:5c/5c/ff…) and macOS Terminal's Basic profile, both as in the colour table of
    /// Wikipedia's "ANSI escape code"; the Linux console's `default_red/grn/blu`
    /// (drivers/tty/vt/vt.c: the VGA colours, brown for yellow); GNOME Terminal's built-in Tango
    /// palette with its "Tango dark" and "Tango light" colour schemes (bold in the text colour,
    /// GNOME's default); Solarized from ethanschoonover.com/solarized and its gnome-terminal
    /// palette in altercation/solarized (text base0 on base03 dark, base00 on base3 light; bold
    /// base1 and base01).
    static let palettes: [Palette] = [
        Palette(name: "xterm dark", normal: xtermNormal, bright: xtermBright, fg: hex(0xE5E5E5), bg: hex(0x000000), boldFg: hex(0xFFFFFF)),
        Palette(name: "xterm light", normal: xtermNormal, bright: xtermBright, fg: hex(0x000000), bg: hex(0xFFFFFF), boldFg: hex(0x000000)),
        Palette(name: "Linux console",
                normal: [0x000000, 0xAA0000, 0x00AA00, 0xAA5500, 0x0000AA, 0xAA00AA, 0x00AAAA, 0xAAAAAA].map(hex),
                bright: [0x555555, 0xFF5555, 0x55FF55, 0xFFFF55, 0x5555FF, 0xFF55FF, 0x55FFFF, 0xFFFFFF].map(hex),
                fg: hex(0xAAAAAA), bg: hex(0x000000), boldFg: hex(0xFFFFFF), console: true),
        Palette(name: "GNOME Tango dark", normal: tangoNormal, bright: tangoBright, fg: hex(0xD3D7CF), bg: hex(0x2E3436), boldFg: hex(0xD3D7CF)),
        Palette(name: "GNOME Tango light", normal: tangoNormal, bright: tangoBright, fg: hex(0x2E3436), bg: hex(0xEEEEEC), boldFg: hex(0x2E3436)),
        Palette(name: "Solarized dark", normal: solarizedNormal, bright: solarizedBright, fg: hex(0x839496), bg: hex(0x002B36), boldFg: hex(0x93A1A1)),
        Palette(name: "Solarized light", normal: solarizedNormal, bright: solarizedBright, fg: hex(0x657B83), bg: hex(0xFDF6E3), boldFg: hex(0x586E75)),
        Palette(name: "macOS Terminal Basic",
                normal: [(0, 0, 0), (194, 54, 33), (37, 188, 36), (173, 173, 39), (73, 46, 225), (211, 56, 211), (51, 187, 200), (203, 204, 205)],
                bright: [(129, 131, 131), (252, 57, 31), (49, 231, 34), (234, 236, 35), (88, 51, 255), (249, 53, 248), (20, 240, 240), (233, 235, 235)],
                fg: hex(0x000000), bg: hex(0xFFFFFF), boldFg: hex(0x000000)),
    ]

    static func palette(_ name: String) -> Palette { palettes.first { $0.name == name }! }

    static func luminance(_ c: RGB) -> Double {
        func channel(_ v: Double) -> Double { let s = v / 255; return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4) }
        return 0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }

    /// The WCAG contrast ratio of two colours.
    static func ratio(_ a: RGB, _ b: RGB) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// The lowest ratio `fg`/`bg` with `attributes` can be drawn with on `palette`; `colour` says
    /// whether the cell has a colour pair (the theme's colours) or not (monochrome).
    static func worst(fg: ThemeColor, bg: ThemeColor, _ attributes: Attributes, colour: Bool = true, on palette: Palette) -> Double {
        if palette.console {
            let sixteen = palette.normal + palette.bright
            var f = fg == .default ? 7 : Int(fg.cursesNumber), b = bg == .default ? 0 : Int(bg.cursesNumber)
            if !colour && attributes.contains(.underline) { f = 6 } else if !colour && attributes.contains(.dim) { f = 8 }
            if attributes.contains(.reverse) { (f, b) = (b, f) }
            if attributes.contains(.bold) { f ^= 8 }
            return ratio(sixteen[f], sixteen[b])
        }
        var fronts: [RGB] = [fg == .default ? palette.fg : palette.normal[Int(fg.cursesNumber)]]
        if attributes.contains(.bold) { fronts.append(fg == .default ? palette.boldFg : palette.bright[Int(fg.cursesNumber)]) }
        let back = bg == .default ? palette.bg : palette.normal[Int(bg.cursesNumber)]
        return fronts.map { front in
            var (f, b) = attributes.contains(.reverse) ? (back, front) : (front, back)
            if attributes.contains(.dim) { f = ((f.0 + b.0) / 2, (f.1 + b.1) / 2, (f.2 + b.2) / 2) }
            return ratio(f, b)
        }.min()!
    }

    static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes")

    static func themes() throws -> [Theme] {
        let files = try FileManager.default.contentsOfDirectory(atPath: themesFolder.path).filter { $0.hasSuffix(".theme") }.sorted()
        return try files.map { try ThemeParser.parse(String(contentsOf: themesFolder.appendingPathComponent($0), encoding: .utf8), file: $0) }
            + [ThemeLoader.builtInDefault, ThemeLoader.builtInMonochrome]
    }

    /// Every way `theme` draws its roles (in colour unless monochrome, and in monochrome), with
    /// the lowest ratio on `palette` and the ratio it must reach there.
    static func measurements(_ theme: Theme, on palette: Palette) -> [(role: StyleRole, mode: String, ratio: Double, floor: Double)] {
        let floor = theme.name == "hoog-contrast" ? 7.0 : 4.5
        let own = ratio(palette.fg, palette.bg)
        var out: [(role: StyleRole, mode: String, ratio: Double, floor: Double)] = []
        for role in StyleRole.allCases {
            let s = theme.style(role)
            var drawn: [(String, ThemeColor, ThemeColor, Attributes, Bool)] = []
            if !theme.monochrome { drawn.append(("colour", s.fg, s.bg, s.attributes, true)) }
            drawn.append(("mono", .default, .default, theme.monochrome ? s.attributes.union(s.mono) : s.mono, false))
            for (mode, fg, bg, attributes, colour) in drawn {
                let r = worst(fg: fg, bg: bg, attributes, colour: colour, on: palette)
                let ownColours = fg == .default && bg == .default && !attributes.contains(.dim)
                out.append((role, mode, r, ownColours ? min(floor, own) : floor))
            }
        }
        return out
    }

    @Test("the ratio is WCAG's, and the palettes draw as measured by hand")
    func ratioIsWCAG() {
        #expect(abs(Self.ratio((0, 0, 0), (255, 255, 255)) - 21) < 0.01)
        #expect(abs(Self.ratio((205, 0, 0), (205, 0, 0)) - 1) < 0.001)
        let xterm = Self.palette("xterm dark"), console = Self.palette("Linux console")
        let cases: [(String, Double, Double)] = [
            ("xterm's red on black (issue 15's measurement)", Self.worst(fg: .red, bg: .default, [.bold], on: xterm), 3.6),
            ("bold black drawn grey", Self.worst(fg: .black, bg: .yellow, [.bold], on: xterm), 2.35),
            ("the console's brown 'yellow' behind black (the audit's measurement)", Self.worst(fg: .black, bg: .yellow, [], on: console), 4.01),
            ("bold reverse on the console: dark grey on grey", Self.worst(fg: .default, bg: .default, [.bold, .reverse], colour: false, on: console), 3.21),
            ("underline on the console without colour: cyan on black", Self.worst(fg: .default, bg: .default, [.underline], colour: false, on: console), 7.33),
            ("underline on the console in colour: dropped (ncv), black on grey", Self.worst(fg: .black, bg: .white, [.underline], on: console), 9.04),
            ("Solarized's black on its cyan", Self.worst(fg: .black, bg: .cyan, [], on: Self.palette("Solarized dark")), 4.12),
            ("Solarized light's own text", Self.ratio(Self.palette("Solarized light").fg, Self.palette("Solarized light").bg), 4.13),
            ("Tango's black on its cyan", Self.worst(fg: .black, bg: .cyan, [], on: Self.palette("GNOME Tango dark")), 3.59),
            ("Terminal.app's bold white on red", Self.worst(fg: .white, bg: .red, [.bold], on: Self.palette("macOS Terminal Basic")), 3.40),
        ]
        for (what, measured, expected) in cases {
            #expect(abs(measured - expected) < 0.01, "\(what): \(String(format: "%.2f", measured)):1, expected \(expected):1")
        }
    }

    @Test("only a role wholly in the terminal's own colours is held to the terminal's own contrast; dim or a colour of its own is held to the floor")
    func ownColoursFloor() throws {
        let theme = try ThemeParser.parse("""
            name = probe
            normal   = ; mono: normal
            muted    = dim ; mono: dim
            selected = fg:black bg:white ; mono: reverse
            key      = bold fg:white ; mono: bold
            """, file: "probe")
        let light = Self.palette("Solarized light"), own = Self.ratio(light.fg, light.bg)
        let floors = Dictionary(Self.measurements(theme, on: light).filter { $0.mode == "colour" }.map { ($0.role, $0.floor) }) { a, _ in a }
        let cases: [(StyleRole, Double)] = [(.normal, own), (.muted, 4.5), (.selected, 4.5), (.key, 4.5)]
        for (role, floor) in cases { #expect(abs(floors[role]! - floor) < 0.001, "\(role)") }
        #expect(own < 4.5)
    }

    @Test("the palette table has 8 normal and 8 bright colours for each of the 8 palettes")
    func palettesAreWhole() {
        #expect(Self.palettes.count == 8)
        for p in Self.palettes { #expect(p.normal.count == 8 && p.bright.count == 8, "\(p.name)") }
    }

    @Test("every role of every theme holds its contrast on every palette, in colour and in monochrome")
    func everyRole() throws {
        let themes = try Self.themes()
        #expect(themes.count >= 5)
        var failures: [String] = []
        for palette in Self.palettes {
            for theme in themes {
                for m in Self.measurements(theme, on: palette) where m.ratio < m.floor - 1e-9 {
                    failures.append("\(palette.name), \(theme.name), \(m.role) in \(m.mode): \(String(format: "%.2f", m.ratio)):1 (needs \(m.floor >= 7 ? "7" : String(format: "%.2f", m.floor)))")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test("the built-in default is the standaard theme file")
    func builtInIsTheFile() throws {
        let file = try ThemeParser.parse(String(contentsOf: Self.themesFolder.appendingPathComponent("standaard.theme"), encoding: .utf8), file: "standaard.theme")
        #expect(file.styles == ThemeLoader.builtInDefault.styles)
    }
}
