import Foundation
import SociaalHusCore
import TerminalKit

/// Plain mode (issue 15, part 1): the same app, screens and key table, written as lines in
/// reading order and never redrawn, for screen readers, braille displays and terminals that
/// cannot place the cursor (`TERM=dumb`).
///
/// Each screen starts with its name and position ("Agenda, 143 items, 1 van 143"), then its
/// summary, its items as numbered lines and its text. A form is asked one field at a time, with
/// its rules, and its errors as text. Typed lines work as in the full screen:
///
/// - a key as on screen: `j`, `k`, `w`, `q`, `?` (the help, written as lines), …
/// - a number: open item N of a list, or choose option N of a field (elsewhere, as on screen,
///   the tab of that number); a tab's name ("prikbord", "profiel") goes to that tab;
/// - `/term`: search; an empty line: say again where you are (in a form: keep the value);
/// - `!` and key names (`!esc`, `!enter`, `!ctrl-s`, `!2`): any key, also inside a form.
///
/// Where the full screen draws from `Grid.outline`: the widgets note what they draw, so a screen
/// needs no second rendering of its own to be read in plain mode.
public final class PlainSession {
    /// The app being read out.
    public let app: App
    /// The size plain mode renders at: a page of items, lines long enough not to be cut.
    static let size = Size(cols: 160, rows: 40)
    private var lastScreen: ObjectIdentifier?
    private var lastTitle = ""
    private var lastOutline: [OutlineItem] = []
    private var lastFocus: OutlineField?
    private var lastPosition: (number: Int, of: Int)?
    private var lastMessage: OutlineItem?
    private var lastDialog: OutlineItem?
    private var idleWarned: Set<Int> = []

    /// Reads `app` out through `write` (one call per line).
    public init(app: App, write: @escaping (String) -> Void) {
        self.app = app
        self.output = write
    }

    private let output: (String) -> Void
    private var written = 0

    private func write(_ line: String) {
        written += 1
        output(line)
    }

    private var ctx: UIContext { app.ctx }
    private func t(_ nl: String, _ en: String) -> String { ctx.t(nl, en) }

    /// Writes the first screen and how plain mode works.
    public func start() {
        write(t("SociaalHus in gewone tekst. Typ een toets en Enter (j, k, q, ?), een nummer om te openen of te kiezen, de naam van een tab (agenda, prikbord, organisaties, profiel, berichten), /woord om te zoeken, !esc voor Esc. Een lege regel zegt waar je bent.",
                "SociaalHus in plain text. Type a key and Enter (j, k, q, ?), a number to open or choose, a tab's name (agenda, notice board, organisations, profile, messages), /word to search, !esc for Esc. An empty line says where you are."))
        report(force: true)
    }

    /// Handles one typed line.
    public func handle(line raw: String) {
        let before = written
        perform(line: raw)
        // Every line gets an answer: when nothing changed, say where you are.
        if written == before && app.running { whereAmI(app.render(size: Self.size), nothingChanged: true) }
    }

    private func perform(line raw: String) {
        let line = raw.trimmingCharacters(in: CharacterSet(charactersIn: "\r\n"))
        let grid = app.render(size: Self.size)
        idleWarned = []
        if ["!leeg", "!empty"].contains(line.lowercased()), !app.hasModal, let field = focusedField(grid) {
            // An empty line keeps a value; this empties it (a phone number taken away).
            switch field.kind {
            case .text, .area:
                clear(field)
                app.handle(.tab)
            default:
                write(t("FOUT: alleen een tekstveld kan leeg.", "ERROR: only a text field can be emptied."))
            }
            return report()
        }
        if line.hasPrefix("!") && !line.hasPrefix("!!") {
            let names = line.dropFirst().split(separator: " ")
            let keys = names.compactMap { KeyMap.key(named: String($0)) }
            if keys.count != names.count || keys.isEmpty {
                write(t("FOUT: onbekende toets in '\(line)'. Bijvoorbeeld !esc, !enter, !tab, !ctrl-s, !pgdn, !2.",
                        "ERROR: unknown key in '\(line)'. For example !esc, !enter, !tab, !ctrl-s, !pgdn, !2."))
                return
            }
            for k in keys { app.handle(k) }
            return report()
        }
        let text = line.hasPrefix("!!") ? String(line.dropFirst()) : line
        if app.hasModal {
            // A question or the help: its answer is a key.
            if text.isEmpty { app.handle(.escape) } else { for c in text.prefix(1) { app.handle(.char(c)) } }
            return report()
        }
        if let field = focusedField(grid), app.current.capturesText || !isCommand(text, field) {
            fill(field, with: text)
            return report()
        }
        if text.isEmpty {
            // Enter where the screen offers it and there is no list to say the place in (a
            // screen with one button); elsewhere an empty line says where you are.
            if Self.position(grid.outline) == nil, app.activeBindings().contains(where: { $0.keys.contains(.enter) }) {
                app.handle(.enter)
                return report()
            }
            return whereAmI(grid)
        }
        let before = app.current
        if let tab = Tab.allCases.first(where: { [$0.name(LanguageText(.dutch)), $0.name(LanguageText(.english))].map { $0.lowercased() }.contains(text.lowercased()) }) {
            // A tab by its name ("prikbord", "notice board"): in a list a number opens an item.
            // Through the key table, so a keys file that moved the tab keys is followed.
            app.handle(key(for: Self.tabActions[tab.rawValue]) ?? .char(Character(String(tab.rawValue + 1))))
            // Going to a tab reads it out, also the one you are on.
            return report(force: ObjectIdentifier(app.current) == ObjectIdentifier(before))
        }
        if text == "?" {
            help()
            return
        }
        if text.hasPrefix("/"), text.count > 1 {
            app.handle(key(for: .search) ?? .char("/"))
            // A new search, not the last one's text with this added.
            app.handle(.end)
            app.handle(.ctrl("u"))
            for c in text.dropFirst() { app.handle(.char(c)) }
            app.handle(.enter)
            return report()
        }
        if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), text.count > 1 || text != "0",
           let count = Self.position(grid.outline)?.of {
            // (A number too large for an Int is no item either.)
            let n = Int(text) ?? Int.max
            guard n >= 1, n <= count else {
                write(t("FOUT: er is geen nummer \(text); kies 1 tot \(count).", "ERROR: there is no number \(text); choose 1 to \(count)."))
                return
            }
            if app.current is AgendaMonthScreen {
                // The month: day N (Home is day 1, → the next day).
                app.handle(.home)
                for _ in 1..<n { app.handle(.right) }
            } else {
                app.handle(key(for: .first) ?? .home)
                for _ in 1..<n { app.handle(key(for: .down) ?? .down) }
            }
            app.handle(key(for: .open) ?? .enter)
            return report()
        }
        for c in text { app.handle(.char(c)) }
        report()
    }

    static let tabActions: [Action] = [.goAgenda, .goPrikbord, .goOrganisaties, .goProfiel, .goIntake, .goBerichten, .goModeratie]

    /// The first key bound to `action` here (a keys file may have moved it).
    private func key(for action: Action) -> Key? {
        app.activeBindings().first { $0.action == action }?.keys.first
    }

    /// What a list of the tab in front holds ("143 activiteiten").
    private func noun(_ count: Int) -> String {
        let one = count == 1
        switch app.tab {
        case .agenda: return one ? t("activiteit", "activity") : t("activiteiten", "activities")
        case .prikbord: return one ? t("bericht", "post") : t("berichten", "posts")
        case .organisaties: return one ? t("organisatie", "organisation") : t("organisaties", "organisations")
        case .berichten: return one ? t("bericht", "message") : t("berichten", "messages")
        case .intake: return one ? t("gesprek", "conversation") : t("gesprekken", "conversations")
        default: return one ? t("regel", "line") : t("regels", "lines")
        }
    }

    /// Where a list's selection is ("3 of 143"), if the screen has a list.
    static func position(_ outline: [OutlineItem]) -> (number: Int, of: Int)? {
        for case .position(let n, let count) in outline { return (n, count) }
        return nil
    }

    /// The form fields of a screen, in order.
    static func fields(_ outline: [OutlineItem]) -> [OutlineField] {
        outline.compactMap { item in if case .field(let f) = item { return f } else { return nil } }
    }

    /// "== Agenda, 143 activiteiten, 1 van 143 ==".
    private func heading(_ title: String, _ position: (number: Int, of: Int)) -> String {
        "== " + marked(title) + ", \(position.of) " + noun(position.of) + ", \(position.number) " + t("van", "of") + " \(position.of) =="
    }

    /// A screen's name, and while a desk member helps "namens" whose account it is and who
    /// helps, at every screen (the full screen says it in the top bar).
    private func marked(_ title: String) -> String {
        guard let o = ctx.onBehalf, let name = ctx.onBehalfName else { return title }
        return title + " (" + TextSanitizer.sanitize(o.helper.profile.displayName) + t(" namens ", " on behalf of ") + TextSanitizer.sanitize(name) + ")"
    }

    /// The screen's name and place, and the chosen item.
    private func whereAmI(_ grid: Grid, nothingChanged: Bool = false) {
        let title = app.current.title(ctx)
        if nothingChanged {
            let place: String
            if let (n, count) = Self.position(grid.outline) {
                place = "\(n) " + t("van", "of") + " \(count)" + (selectedRow(grid.outline).map { ": " + $0 } ?? "")
            } else {
                place = title
            }
            write(t("Niets veranderd. ", "Nothing changed. ") + place)
            return
        }
        if let position = Self.position(grid.outline) {
            write(heading(title, position))
            if let row = selectedRow(grid.outline) { write(row) }
        } else {
            report(force: true)
        }
    }

    /// True when a line typed on a form is a command rather than a value: on a button or tick
    /// box, `?` and the keys of the screen.
    private func isCommand(_ text: String, _ field: OutlineField) -> Bool {
        if text.isEmpty { return false }
        switch field.kind {
        case .text, .area: return false
        case .choice: return Int(text) == nil
        case .toggle: return !Self.yes.contains(text.lowercased()) && !Self.no.contains(text.lowercased())
        case .button: return !Self.yes.contains(text.lowercased()) && !Self.no.contains(text.lowercased())
        }
    }

    static let yes: Set<String> = ["j", "ja", "y", "yes", "1", "aan", "on", "ok"]
    static let no: Set<String> = ["n", "nee", "no", "0", "uit", "off"]

    /// The focused field of a form on screen, if any.
    private func focusedField(_ grid: Grid) -> OutlineField? {
        Self.fields(grid.outline).first { $0.focused }
    }

    /// Fills the focused field with a typed line, then goes to the next field (a button is
    /// pressed by an empty line, "j" or "ja", skipped by "n").
    private func fill(_ field: OutlineField, with text: String) {
        switch field.kind {
        case .text, .area:
            if !text.isEmpty {
                clear(field)
                for c in text { app.handle(.char(c)) }
            }
            app.handle(.tab)
        case .toggle(let on):
            let yes = Self.yes.contains(text.lowercased()), no = Self.no.contains(text.lowercased())
            if (yes && !on) || (no && on) { app.handle(.char(" ")) }
            app.handle(.tab)
        case .choice(let options, let selected):
            if let n = Int(text) {
                guard (1...options.count).contains(n) else {
                    write(t("FOUT: kies een nummer van 1 tot \(options.count).", "ERROR: choose a number from 1 to \(options.count)."))
                    return
                }
                let steps = n - 1 - selected
                for _ in 0..<abs(steps) { app.handle(steps > 0 ? .right : .left) }
            } else if !text.isEmpty {
                write(t("FOUT: typ het nummer van een keuze, of Enter om '\(field.value)' te houden.",
                        "ERROR: type the number of an option, or Enter to keep '\(field.value)'."))
                return
            }
            app.handle(.tab)
        case .button:
            if text.isEmpty || Self.yes.contains(text.lowercased()) { app.handle(.enter) } else { app.handle(.tab) }
        }
    }

    /// Empties the focused text field as a person would: to its very end (an area: its last
    /// line), then delete back to the start.
    private func clear(_ field: OutlineField) {
        if case .area = field.kind { for _ in 0..<(field.value.count + 1) { app.handle(.pageDown) } }
        app.handle(.end)
        for _ in 0..<field.value.count { app.handle(.backspace) }
    }

    /// The key table of this screen, as lines.
    private func help() {
        write(t("Toetsen van \(app.current.title(ctx)):", "Keys of \(app.current.title(ctx)):"))
        let english = ctx.language == .english
        for b in app.activeBindings() { write("  " + b.keyText(english: english) + ": " + b.help) }
        write(t("  nummer: item openen of keuze maken; /woord: zoeken; !esc, !enter, !tab, !ctrl-s: die toets; lege regel: waar ben ik",
                "  number: open an item or make a choice; /word: search; !esc, !enter, !tab, !ctrl-s: that key; empty line: where am I"))
    }

    /// True while the field asked for is a secret (a password): the runner turns the terminal's
    /// echo off for that line, so it is neither shown nor spoken.
    public var expectsSecret: Bool {
        if app.hasModal { return false }
        if case .text(true, _)? = focusedField(app.render(size: Self.size))?.kind { return true }
        return false
    }

    /// Called about once a second while nobody types: the idle warning, once and again at 10 s,
    /// and the end of a session whose account was blocked or erased elsewhere (said at once).
    public func tick() {
        let held = ctx.session != nil
        app.tick()
        if held, ctx.session == nil, app.isShowingSessionEnd {
            idleWarned = []
            report(force: true)
        } else if app.isCountingDown, let left = app.idleSecondsLeft {
            let mark = left <= 10 ? 10 : 30
            if !idleWarned.contains(mark) {
                idleWarned.insert(mark)
                write(ctx.session == nil
                      ? t("Ben je er nog? Mijn gegevens als bezoeker sluit over \(left) seconden. Typ Enter om verder te gaan.",
                          "Are you still there? My data as a visitor closes in \(left) seconds. Type Enter to carry on.")
                      : t("Ben je er nog? Je wordt over \(left) seconden uitgelogd. Typ Enter om ingelogd te blijven.",
                          "Are you still there? You will be logged out in \(left) seconds. Type Enter to stay logged in."))
            }
        } else if !idleWarned.isEmpty {
            idleWarned = []
            report()
        }
    }

    /// Writes what changed since the last line: a new screen whole; on the same screen the
    /// message, the dialog, the focused field or the chosen item.
    func report(force: Bool = false) {
        // After the last answer ("j" to quit) nothing more is said.
        guard app.running else { return }
        let grid = app.render(size: Self.size)
        let screen = ObjectIdentifier(app.current)
        let title = app.current.title(ctx)
        let outline = Self.withContent(grid)
        let message = outline.first { if case .message = $0 { return true } else { return false } }
        let dialog = outline.last { if case .dialog = $0 { return true } else { return false } }
        let focus = focusedField(grid)
        let position = Self.position(outline)
        let newScreen = force || screen != lastScreen || title != lastTitle
        if let message, message != lastMessage || newScreen, case .message(let text, _) = message { write(text) }
        if let dialog, dialog != lastDialog, case .dialog(let dt, let lines) = dialog {
            write(dt + ": " + lines.joined(separator: " "))
        } else if newScreen {
            writeScreen(title: title, outline: outline, position: position, focus: focus)
        } else if let focus {
            // What a choice changed on the form (an explanation, the preview), then the next question.
            let before = Set(lastOutline.compactMap { item -> String? in if case .text(let s) = item { return s } else { return nil } })
            for case .text(let s) in outline where !before.contains(s) && !s.trimmingCharacters(in: .whitespaces).isEmpty { write(s) }
            if focus != lastFocus || outline != lastOutline { prompt(focus, outline: outline) }
        } else {
            // On the same screen: what its text now says that it did not (a filter's summary,
            // "nothing found"), then the chosen item where it moved or changed.
            let before = Set(lastOutline.compactMap { item -> String? in if case .text(let s) = item { return s } else { return nil } })
            for case .text(let s) in outline where !before.contains(s) && !s.trimmingCharacters(in: .whitespaces).isEmpty { write(s) }
            if let position, position != lastPosition ?? (0, 0) || outline != lastOutline, let row = selectedRow(outline) {
                write("\(position.number) " + t("van", "of") + " \(position.of): " + row)
            }
        }
        lastScreen = screen
        lastTitle = title
        lastOutline = outline
        lastFocus = focus
        lastPosition = position
        lastMessage = message
        lastDialog = dialog
    }

    /// The outline, or for a screen that draws its own text (no widget noted anything), the
    /// lines of its content area in reading order, so nothing on screen is left unsaid.
    static func withContent(_ grid: Grid) -> [OutlineItem] {
        let content = grid.outline.contains { item in
            switch item {
            case .heading, .row, .text, .field: return true
            default: return false
            }
        }
        if content { return grid.outline }
        let lines = grid.lines.dropFirst().prefix(max(grid.size.rows - 3, 0)).map { line -> String in
            var l = line.trimmingCharacters(in: .whitespaces)
            if l.hasPrefix("▶ ") { l = String(l.dropFirst(2)) }
            return l
        }.filter { !$0.isEmpty }
        return lines.map { OutlineItem.text($0) } + grid.outline
    }

    private func selectedRow(_ outline: [OutlineItem]) -> String? {
        for item in outline { if case .row(let text, _, true) = item { return text } }
        return nil
    }

    /// A whole screen: name and position, then its items in reading order.
    private func writeScreen(title: String, outline: [OutlineItem], position: (Int, Int)?, focus: OutlineField?) {
        let fields = Self.fields(outline)
        if let position {
            write(heading(title, position))
        } else if !fields.isEmpty {
            write("== " + marked(title) + ", " + t("formulier met \(fields.count) velden", "form with \(fields.count) fields") + " ==")
        } else {
            write("== " + marked(title) + " ==")
        }
        for item in outline {
            switch item {
            case .heading(let text): write(text)
            case .row(let text, let number, let selected):
                write((number.map { "\($0). " } ?? "   ") + text + (selected ? t("  (gekozen)", "  (chosen)") : ""))
            case .text(let text): if !text.trimmingCharacters(in: .whitespaces).isEmpty { write(text) }
            case .field(let f) where !f.focused: write("- " + describe(f))
            default: break
            }
        }
        if let focus { prompt(focus, outline: outline) }
    }

    /// A field with its value.
    private func describe(_ f: OutlineField) -> String {
        switch f.kind {
        case .button: return "[" + f.label + "]"
        case .toggle(let on): return f.label + ": " + (on ? t("aan", "on") : t("uit", "off"))
        default: return f.label + ": " + (f.value.isEmpty ? t("(leeg)", "(empty)") : f.value)
        }
    }

    /// Asks for the focused field: its place, its rules, its value and its error.
    private func prompt(_ f: OutlineField, outline: [OutlineItem]) {
        let fields = Self.fields(outline)
        let place = (fields.firstIndex(of: f).map { "\($0 + 1)" } ?? "?") + " " + t("van", "of") + " \(fields.count)"
        if let e = f.error { write(t("FOUT bij ", "ERROR in ") + f.label + ": " + e) }
        switch f.kind {
        case .text(let secret, let limit):
            write(t("Veld \(place): \(f.label) (tekst, hoogstens \(limit) tekens\(secret ? ", wordt niet getoond" : "")). Nu: ",
                    "Field \(place): \(f.label) (text, at most \(limit) characters\(secret ? ", not shown" : "")). Now: ")
                  + (f.value.isEmpty ? t("leeg", "empty") : f.value) + t(". Typ de tekst, Enter om te houden, of !leeg om te wissen:", ". Type the text, Enter to keep it, or !empty to clear it:"))
        case .area(let limit):
            write(t("Veld \(place): \(f.label) (tekst, hoogstens \(limit) tekens). Nu: ", "Field \(place): \(f.label) (text, at most \(limit) characters). Now: ")
                  + (f.value.isEmpty ? t("leeg", "empty") : f.value) + t(". Typ de tekst, Enter om te houden, of !leeg om te wissen:", ". Type the text, Enter to keep it, or !empty to clear it:"))
        case .toggle(let on):
            write(t("Veld \(place): \(f.label): \(on ? "aan" : "uit"). Typ j of n, of Enter om te houden:",
                    "Field \(place): \(f.label): \(on ? "on" : "off"). Type y or n, or Enter to keep it:"))
        case .choice(let options, let selected):
            let list = options.enumerated().map { "\($0.offset + 1) \($0.element)" + ($0.offset == selected ? t(" (gekozen)", " (chosen)") : "") }
            write(t("Veld \(place): \(f.label). Keuzes: ", "Field \(place): \(f.label). Options: ") + list.joined(separator: ", ")
                  + t(". Typ een nummer, of Enter om te houden:", ". Type a number, or Enter to keep it:"))
        case .button:
            write(t("Knop \(place): \(f.label). Enter of j om te kiezen, n om verder te gaan, !esc om terug te gaan:",
                    "Button \(place): \(f.label). Enter or y to press, n to go on, !esc to go back:"))
        }
    }
}
