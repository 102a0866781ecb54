import Foundation
import SociaalHusCore
import TerminalKit

/// Plain mode: the same app, screens and key table, written as lines in
/// reading order and never redrawn, for screen readers, braille displays and terminals that
/// cannot place the cursor (`TERM=dumb`).
///
/// Each screen starts with its name ("Agenda."), then a page of its items as numbered lines and
/// how many there are ("Nog 117 van 143 activiteiten; Enter voor meer."), then its text. Nothing is framed in symbol runs: a screen reader would speak "==" as words.
///
/// While a question waits (a form field, a yes/no dialog) a typed line is its answer: a
/// choice by its number or its words, a yes/no by its words, a text field by its text;
/// anything else asks again with the valid answers and changes nothing. Commands then need `!`
/// (`!esc`, `!ctrl-s`, `!?`, `!agenda`). Elsewhere a line is a command:
///
/// - a key as on screen: `j`, `k`, `w`, `q`, `?` (the help, written as lines), …; a line of
///   several characters only when each is a key of the screen (a sentence is never run as keys);
/// - a number: open item N of a list (the month: day N);
/// - a tab's name ("prikbord", "profiel") goes to that tab;
/// - `/term`: search; an empty line: the next page of a list, else say again where you are;
/// - `!` and key names (`!esc`, `!enter`, `!ctrl-s`, `!2`): any key.
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
    /// The items of the list in front said so far (first and last number): Enter reads on.
    private var page: (first: Int, last: Int)?

    /// Reads `app` out through `write` (one call per line).
    public init(app: App, write: @escaping (String) -> Void) {
        self.app = app
        self.output = write
    }

    private let output: (String) -> Void
    private var written = 0

    /// The terminal plain mode writes to (nil through a pipe). Lines are then broken at spaces
    /// to its width and a screen's page fits its height: a screen reader that reads the screen
    /// rather than the stream (Fenrir) heard words cut in two and missed what scrolled away
    /// before it looked.
    public var terminal: Size?
    /// Rows kept free below a page for what follows it (the first screen's message and intro).
    private var reservedRows = 0

    private func write(_ line: String) {
        written += 1
        let pieces = terminal.map { $0.cols > 1 ? TextWidth.wrap(line, to: $0.cols - 1) : [line] } ?? [line]
        if collecting != nil { collecting! += pieces } else { pieces.forEach(output) }
    }

    /// The lines of one answer while it is made: written when done, a terminal's height at a time.
    private var collecting: [String]?
    /// What did not fit on the terminal: the next empty line writes it, so the help and a
    /// form's summary never scroll their first lines away before a screen reader reads them.
    private var held: [String] = []

    /// Makes one answer with `body`, then writes it: whole through a pipe; on a terminal as much
    /// as fits, the rest held back with how many lines are left.
    private func respond(_ body: () -> Void) {
        collecting = []
        body()
        let lines = collecting ?? []
        collecting = nil
        held = []
        show(lines)
    }

    /// Writes `lines`, on a terminal no more than fit above the line being typed.
    private func show(_ lines: [String]) {
        guard let terminal, lines.count > terminal.rows - 1, terminal.rows > 3 else { return lines.forEach(output) }
        let room = terminal.rows - 2
        lines.prefix(room).forEach(output)
        held = Array(lines.dropFirst(room))
        output(t(.moreLinesEnterForMore(held.count)))
    }

    /// The rows `line` takes on the terminal (1 through a pipe).
    private func rows(_ line: String) -> Int {
        guard let terminal, terminal.cols > 1 else { return 1 }
        return max(TextWidth.wrap(line, to: terminal.cols - 1).count, 1)
    }

    /// The rows a page of items may take after `other` lines: all of them through a pipe.
    private func pageBudget(besides other: [String]) -> Int {
        guard let terminal else { return Int.max }
        // One row for the line being typed.
        return terminal.rows - 1 - reservedRows - other.reduce(0) { $0 + rows($1) }
    }

    private var ctx: UIContext { app.ctx }

    private func t(_ word: Word) -> String { ctx.t(word) }

    /// Writes the first screen, then how plain mode works: the first item comes first, so it is
    /// heard within seconds (an intro before it would take 26 seconds of speech).
    public func start() {
        respond(begin)
    }

    private func begin() {
        let message = app.render(size: Self.size).outline.compactMap { item -> String? in
            if case .message(let text, _) = item { return text } else { return nil }
        }.first
        reservedRows = rows(intro()) + (message.map(rows) ?? 0)
        report(force: true, messageLast: true)
        reservedRows = 0
        if let message { write(Self.spoken(message: message)) }
        write(intro())
    }

    /// How plain mode works, with the keys this keys file gives.
    func intro() -> String {
        // The letters a line can hold (j, k, q), not the arrows it cannot: a list's and the
        // global ones as the keys file moved them, also when the first screen is a form.
        let table = ctx.keyMap.apply(KeyTable.list(ctx.lang)) + app.activeBindings()
        let keys = [Action.down, .up, .quit].compactMap { action in
            table.first { $0.action == action }?.keys.first { if case .char = $0 { return true } else { return false } }
                .map { $0.name(english: ctx.language == .english) }
        }
        let help = key(for: .help).map { $0.name(english: ctx.language == .english) } ?? "?"
        return t(.plainTextTypeLineAnd(help, keys.joined(separator: ", ")))
    }

    /// Handles one typed line.
    public func handle(line raw: String) {
        if raw.trimmingCharacters(in: CharacterSet(charactersIn: "\r\n")).isEmpty, !held.isEmpty {
            // The rest of an answer that did not fit.
            let rest = held
            held = []
            return show(rest)
        }
        respond {
            let before = written
            perform(line: raw)
            // Every line gets an answer: when nothing changed, say where you are.
            if written == before && app.running { whereAmI(app.render(size: Self.size), nothingChanged: true) }
        }
    }

    private func perform(line raw: String) {
        let line = raw.trimmingCharacters(in: CharacterSet(charactersIn: "\r\n"))
        let grid = app.render(size: Self.size)
        idleWarned = []
        if line.hasPrefix("!") && !line.hasPrefix("!!") { return command(String(line.dropFirst()), grid) }
        // "!!" types a line that starts with "!".
        let text = line.hasPrefix("!!") ? String(line.dropFirst()) : line
        if let dialog = app.dialogAnswer { return answerDialog(dialog, text) }
        if let field = focusedField(grid) { return answer(field, text) }
        if text.isEmpty {
            if let position = Self.position(grid.outline), let page, page.last < position.of {
                return readPage(from: page.last + 1)
            }
            // Enter where the screen offers it and there is no list to say the place in (a
            // screen with one button); elsewhere an empty line says where you are.
            if Self.position(grid.outline) == nil, app.activeBindings().contains(where: { $0.keys.contains(.enter) }) {
                app.handle(.enter)
                return report()
            }
            return whereAmI(grid)
        }
        if let tab = Self.tab(named: text) { return go(to: tab) }
        if text == "?" {
            help()
            return
        }
        if text.hasPrefix("/"), text.count > 1 { return search(String(text.dropFirst())) }
        if text.allSatisfy({ $0.isASCII && $0.isNumber }), text.count > 1 || text != "0",
           let count = Self.position(grid.outline)?.of {
            return open(number: text, of: count)
        }
        // A line of several characters is keys only when every one is a key here: "jjj" moves
        // three down, "Alleen buren" is not run as A, l, l, e, ….
        if text.count > 1 {
            let bound = Set(app.activeBindings().flatMap(\.keys))
            guard text.allSatisfy({ bound.contains(.char($0)) }) else {
                write(t(.errorIsNotCommandHere(TextSanitizer.sanitize(text))))
                return
            }
        }
        for c in text { app.handle(.char(c)) }
        report()
    }

    /// A line starting with "!": a command also while a question waits.
    private func command(_ rest: String, _ grid: Grid) {
        let word = rest.lowercased().trimmingCharacters(in: .whitespaces)
        if ["leeg", "empty"].contains(word), app.dialogAnswer == nil, let field = focusedField(grid) {
            // An empty line keeps a value; this empties it (a phone number taken away).
            switch field.kind {
            case .text, .area:
                clear(field)
                app.handle(.tab)
            default:
                write(t(.errorOnlyTextFieldCan))
            }
            return report()
        }
        if ["?", "hulp", "help"].contains(word), app.dialogAnswer == nil {
            help()
            return
        }
        if let tab = Self.tab(named: word), app.dialogAnswer == nil { return go(to: tab) }
        let names = rest.split(separator: " ")
        let keys = names.compactMap { KeyMap.key(named: String($0)) }
        if keys.count != names.count || keys.isEmpty {
            write(t(.errorUnknownKeyInFor(TextSanitizer.sanitize(rest))))
            return
        }
        if keys == [.pageDown], app.dialogAnswer == nil, focusedField(grid) == nil, let position = Self.position(grid.outline), let page {
            // A page further is the next page read out, not one item eleven rows on.
            if page.last < position.of { return readPage(from: page.last + 1) }
        }
        if keys == [.pageUp], app.dialogAnswer == nil, focusedField(grid) == nil, Self.position(grid.outline) != nil, let page, page.first > 1 {
            // As many back as this page holds (a terminal's page may be short).
            return readPage(from: max(page.first - (page.last - page.first + 1), 1))
        }
        for k in keys { press(k) }
        report()
    }

    /// Presses a key as a command: a letter meant for the screen (`!l`, log out) while a text
    /// field or a choice has focus is neither typed into it nor refused there; the focus goes to
    /// a field that takes no letters (a button) for the key and comes back when the key left the
    /// screen as it was.
    private func press(_ key: Key) {
        let takesLetters = { self.app.current.capturesText || self.app.current.focusIsOnChoice }
        guard case .char = key, app.dialogAnswer == nil, takesLetters() else { return app.handle(key) }
        let screen = ObjectIdentifier(app.current)
        var moved = 0
        let fields = Self.fields(app.render(size: Self.size).outline).count
        while takesLetters(), moved < fields {
            app.handle(.tab)
            moved += 1
        }
        guard !takesLetters() else {
            for _ in 0..<moved { app.handle(.backTab) }
            write(t(.errorOnThisScreenLetters))
            return
        }
        app.handle(key)
        if ObjectIdentifier(app.current) == screen, !app.hasModal { for _ in 0..<moved { app.handle(.backTab) } }
    }

    /// The tab a typed word names ("prikbord", "notice board"), in either language.
    static func tab(named text: String) -> Tab? {
        Tab.allCases.first { [$0.name(LanguageText(.dutch)), $0.name(LanguageText(.english))].map { $0.lowercased() }.contains(text.lowercased()) }
    }

    /// Goes to a tab; going to a tab reads it out, also the one you are on.
    private func go(to tab: Tab) {
        let before = ObjectIdentifier(app.current)
        app.go(to: tab)
        report(force: ObjectIdentifier(app.current) == before)
    }

    /// A new search, not the last one's text with this added; its results read as a new list.
    private func search(_ term: String) {
        app.handle(key(for: .search) ?? .char("/"))
        app.handle(.end)
        app.handle(.ctrl("u"))
        for c in term { app.handle(.char(c)) }
        app.handle(.enter)
        report(force: true)
    }

    /// Opens item `text` of a list of `count` (the month: day N).
    private func open(number text: String, of count: Int) {
        // (A number too large for an Int is no item either.)
        let n = Int(text) ?? Int.max
        guard n >= 1, n <= count else {
            write(t(.errorThereIsNoNumber(text, count)))
            return
        }
        if app.current is AgendaMonthScreen {
            // The month: day N (Home is day 1, → the next day).
            app.handle(.home)
            for _ in 1..<n { app.handle(.right) }
        } else {
            select(item: n)
        }
        app.handle(key(for: .open) ?? .enter)
        report()
    }

    /// Puts the list's selection on item `n` (from 1).
    private func select(item n: Int) {
        app.handle(key(for: .first) ?? .home)
        for _ in 1..<max(n, 1) { app.handle(key(for: .down) ?? .down) }
    }

    /// Reads the list from item `first` on: as many as a page holds, then how many are left.
    /// The selection goes to `first`, so Enter opens the first item just read.
    private func readPage(from first: Int) {
        // From the end upwards, the view starts at the item before `first` (its day heading
        // then comes into view), then one down: the selection on `first`, the view unmoved.
        app.handle(key(for: .last) ?? .end)
        _ = app.render(size: Self.size)
        if first <= 1 {
            app.handle(key(for: .first) ?? .home)
        } else {
            guard let count = Self.position(app.render(size: Self.size).outline)?.of else { return report() }
            for _ in 0..<max(count - (first - 1), 0) { app.handle(key(for: .up) ?? .up) }
            _ = app.render(size: Self.size)
            app.handle(key(for: .down) ?? .down)
        }
        let grid = app.render(size: Self.size)
        let outline = Self.withContent(grid)
        let groups = items(outline)
        let written = writeItems(groups, from: groups.firstIndex { ($0.number ?? 0) >= first } ?? groups.endIndex,
                                 budget: pageBudget(besides: [moreLineSample]))
        let last = written?.last ?? first - 1
        page = (first, max(last, first))
        endOfPage(last: last, count: Self.position(outline)?.of ?? last)
        remember(grid, outline)
    }

    /// A list's items in view as they are said, each with the day heading said with it: one at
    /// the foot of a page, its items on the next, would be a heading without items.
    private func items(_ outline: [OutlineItem]) -> [(lines: [String], number: Int?, selected: Bool)] {
        var groups: [(lines: [String], number: Int?, selected: Bool)] = []
        var pendingHeading: String?
        for item in outline {
            switch item {
            case .heading(let text): pendingHeading = text
            case .row(let text, let number, let selected):
                groups.append(((pendingHeading.map { [$0] } ?? []) + [rowLine(text, number, selected)], number, selected))
                pendingHeading = nil
            default: break
            }
        }
        return groups
    }

    /// Writes `groups` from index `start` while they fit in `budget` rows (the first always),
    /// and returns the first and last item number written.
    @discardableResult
    private func writeItems(_ groups: [(lines: [String], number: Int?, selected: Bool)], from start: Int, budget: Int) -> (first: Int, last: Int)? {
        var used = 0
        var span: (first: Int, last: Int)?
        for i in groups.indices.dropFirst(start) {
            let need = groups[i].lines.reduce(0) { $0 + rows($1) }
            if used + need > budget && i > start { break }
            used += need
            groups[i].lines.forEach(write)
            if let n = groups[i].number { span = (min(span?.first ?? n, n), max(span?.last ?? n, n)) }
        }
        return span
    }

    /// The longest end-of-page line, for the rows a page keeps free for it.
    private var moreLineSample: String { t(.n999MoreOf999Activities) }

    /// "Nog 118 van 144 activiteiten; Enter voor meer.", or that the list ends here.
    private func endOfPage(last: Int, count: Int) {
        if last < count {
            write(t(.moreOfEnterForMore(count - last, count, noun(count))))
        } else {
            write(t(.endOfTheList(count, noun(count))))
        }
    }

    /// A message as spoken: the full screen's "»" marks information for the eye; spoken it is noise.
    static func spoken(message: String) -> String {
        message.hasPrefix("» ") ? String(message.dropFirst(2)) : message
    }

    /// The first key bound to `action` here (a keys file may have moved it).
    private func key(for action: Action) -> Key? {
        app.activeBindings().first { $0.action == action }?.keys.first
    }

    /// What a list holds ("143 activiteiten"): the screen's own word, else the tab's.
    private func noun(_ count: Int) -> String {
        let one = count == 1
        if let own = app.current.itemNoun(one: one, ctx) { return own }
        switch app.tab {
        case .agenda: return one ? t(.activity) : t(.activities)
        case .prikbord: return one ? t(.post) : t(.posts)
        case .organisaties: return one ? t(.organisation) : t(.organisations)
        case .berichten: return one ? t(.message) : t(.messages)
        case .intake: return one ? t(.conversation) : t(.conversations)
        default: return one ? t(.line) : t(.lines)
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

    /// "Agenda, 143 activiteiten." and where the selection is when it is not on the first.
    /// The count is said at the page's end ("Nog 138 van 144 activiteiten"): said first, a
    /// number like "honderdvierenveertig" kept the first item past 5 seconds of speech.
    private func heading(_ title: String, _ position: (number: Int, of: Int)) -> String {
        marked(title) + (position.number > 1 ? ", \(position.number) " + t(.of) + " \(position.of)" : "") + "."
    }

    /// A screen's name, and while a desk member helps "namens" whose account it is and who
    /// helps, at every screen (the full screen says it in the top bar).
    private func marked(_ title: String) -> String {
        guard let o = ctx.onBehalf, let name = ctx.onBehalfName else { return title }
        return title + " (" + TextSanitizer.sanitize(o.helper.profile.displayName) + t(.onBehalfOf) + TextSanitizer.sanitize(name) + ")"
    }

    /// The screen's name and place, and the chosen item.
    private func whereAmI(_ grid: Grid, nothingChanged: Bool = false) {
        let title = app.current.title(ctx)
        if nothingChanged {
            let place: String
            if let (n, count) = Self.position(grid.outline) {
                place = "\(n) " + t(.of) + " \(count)" + (selectedRow(grid.outline).map { ": " + $0 } ?? "")
            } else {
                place = title
            }
            write(t(.nothingChanged) + place)
            return
        }
        if let position = Self.position(grid.outline) {
            write(marked(title) + ", \(position.of) " + noun(position.of) + ", \(position.number) " + t(.of) + " \(position.of).")
            if let row = selectedRow(grid.outline) { write(row) }
        } else {
            report(force: true)
        }
    }

    /// The focused field of a form on screen, if any.
    private func focusedField(_ grid: Grid) -> OutlineField? {
        Self.fields(grid.outline).first { $0.focused }
    }

    /// A typed line while a dialog waits: yes or no by their words, any line closes a notice.
    private func answerDialog(_ dialog: App.DialogAnswer, _ text: String) {
        switch dialog {
        case .yesNo:
            switch text.isEmpty ? .no : PlainAnswer.yesNo(text) {
            case .yes: app.handle(ctx.keyMap.keys(for: .confirm).first ?? .char("j"))
            case .no: app.handle(ctx.keyMap.keys(for: .cancel).first ?? .escape)
            case nil:
                write(t(.errorIsNoAnswerTo(TextSanitizer.sanitize(text))))
                lastDialog = nil
            }
        case .anyKey, .help:
            app.handle(.escape)
        }
        report()
    }

    /// A typed line while a form field waits: its answer, or the question again.
    private func answer(_ field: OutlineField, _ text: String) {
        switch field.kind {
        case .text, .area:
            if !text.isEmpty {
                clear(field)
                for c in text { app.handle(.char(c)) }
            }
            app.handle(.tab)
        case .toggle(let on):
            guard text.isEmpty || PlainAnswer.yesNo(text, yes: PlainAnswer.onWords, no: PlainAnswer.offWords) != nil else {
                return askAgain(field, text, t(.typeYOrNOr))
            }
            let yes = PlainAnswer.yesNo(text, yes: PlainAnswer.onWords, no: PlainAnswer.offWords)
            if (yes == .yes && !on) || (yes == .no && on) { app.handle(.char(" ")) }
            app.handle(.tab)
        case .choice(let options, let selected):
            if !text.isEmpty {
                guard let n = PlainAnswer.choice(text, options: options) else {
                    let list = options.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: ", ")
                    return askAgain(field, text, t(.typeNumberOrTheWords(list, field.value)))
                }
                let steps = n - selected
                for _ in 0..<abs(steps) { app.handle(steps > 0 ? .right : .left) }
            }
            app.handle(.tab)
        case .button:
            switch text.isEmpty ? .yes : PlainAnswer.yesNo(text) {
            case .yes: app.handle(.enter)
            case .no: app.handle(.tab)
            case nil: return askAgain(field, text, t(.typeEnterOrYTo))
            }
        }
        report()
    }

    /// Says a line is no answer and asks the same question again; nothing changed.
    private func askAgain(_ field: OutlineField, _ text: String, _ valid: String) {
        write(t(.errorIsNoAnswerTo2(TextSanitizer.sanitize(text))) + valid
              + t(.commandsStartWithHereSuch))
        prompt(field, outline: Self.fields(app.render(size: Self.size).outline).map { OutlineItem.field($0) })
    }

    /// Empties the focused text field as a person would: to its very end (an area: its last
    /// line), then delete back to the start.
    private func clear(_ field: OutlineField) {
        if case .area = field.kind { for _ in 0..<(field.value.count + 1) { app.handle(.pageDown) } }
        app.handle(.end)
        for _ in 0..<field.value.count { app.handle(.backspace) }
    }

    /// The key table of this screen, as lines; in a form the screen's keys need "!".
    private func help() {
        let inForm = focusedField(app.render(size: Self.size)) != nil
        write(t(.keysOf(app.current.title(ctx))))
        let english = ctx.language == .english
        for b in app.activeBindings() { write("  " + (inForm ? "!" : "") + b.keyText(english: english) + ": " + b.help) }
        if inForm {
            write(t(.inFormWhatYouType))
        } else {
            write(t(.numberOpenAnItemTab))
        }
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
        let hadSession = ctx.session != nil
        let account = ctx.account?.id
        app.tick()
        if ctx.account?.id != account {
            // What was held back of the last person's screen is never given to the next.
            self.held = []
        }
        if hadSession, ctx.session == nil, app.isShowingSessionEnd {
            idleWarned = []
            report(force: true)
        } else if app.isCountingDown, let left = app.idleSecondsLeft {
            let mark = left <= 10 ? 10 : 30
            if !idleWarned.contains(mark) {
                idleWarned.insert(mark)
                write(ctx.session == nil
                      ? t(.areYouStillThereMy(left))
                      : t(.areYouStillThereYou(left)))
            }
        } else if !idleWarned.isEmpty {
            idleWarned = []
            report()
        }
    }

    /// Writes what changed since the last line: a new screen whole; on the same screen the
    /// message, the dialog, the focused field or the chosen item.
    func report(force: Bool = false, messageLast: Bool = false) {
        // After the last answer ("j" to quit) nothing more is said.
        guard app.running else { return }
        var grid = app.render(size: Self.size)
        let screen = ObjectIdentifier(app.current)
        let title = app.current.title(ctx)
        let newScreen = force || screen != lastScreen || title != lastTitle
        // The message of the key that brought the screen, before a key below would clear it.
        let message = grid.outline.first { if case .message = $0 { return true } else { return false } }
        if newScreen, app.dialogAnswer == nil, Self.fields(grid.outline).count > 1 {
            // A form is asked from its first field, so no question is skipped (the profile
            // once started at its fourth). Buttons above the first field are ways to other
            // screens (the profile's Mijn gegevens, Wachtwoord, Uitloggen): the summary names
            // them and "!" reaches them by their keys, but the questions start after them, where
            // an empty line would otherwise press the first and leave the form.
            let all = Self.fields(grid.outline)
            let start = all.firstIndex { if case .button = $0.kind { return false } else { return true } } ?? 0
            var guardSteps = all.count
            while let index = Self.fields(grid.outline).firstIndex(where: \.focused), index != start, guardSteps > 0 {
                app.handle(index > start ? .backTab : .tab)
                guardSteps -= 1
                let next = app.render(size: Self.size)
                guard ObjectIdentifier(app.current) == screen,
                      let moved = Self.fields(next.outline).firstIndex(where: \.focused), abs(moved - start) < abs(index - start) else { break }
                grid = next
            }
        }
        let outline = Self.withContent(grid)
        let dialog = outline.last { if case .dialog = $0 { return true } else { return false } }
        let focus = focusedField(grid)
        let position = Self.position(outline)
        if !messageLast, let message, message != lastMessage || newScreen, case .message(let text, _) = message {
            write(Self.spoken(message: text))
        }
        if let dialog, dialog != lastDialog, case .dialog(let dt, let lines) = dialog {
            // A line each, as on screen: the help is a key a line, not one long sentence.
            write(dt.last.map { "?!.:".contains($0) } == true ? dt : dt + ":")
            lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.forEach(write)
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
                write("\(position.number) " + t(.of) + " \(position.of): " + row)
            }
        }
        remember(grid, outline)
        lastMessage = message
    }

    /// What was said last, so the next report says only what changed.
    private func remember(_ grid: Grid, _ outline: [OutlineItem]) {
        lastScreen = ObjectIdentifier(app.current)
        lastTitle = app.current.title(ctx)
        lastOutline = outline
        lastFocus = focusedField(grid)
        lastPosition = Self.position(outline)
        lastMessage = outline.first { if case .message = $0 { return true } else { return false } }
        lastDialog = outline.last { if case .dialog = $0 { return true } else { return false } }
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
            if l.hasPrefix(ListView.marker + " ") { l = String(l.dropFirst(2)) }
            return l
        }.filter { !$0.isEmpty }
        return lines.map { OutlineItem.text($0) } + grid.outline
    }

    private func selectedRow(_ outline: [OutlineItem]) -> String? {
        for item in outline { if case .row(let text, _, true) = item { return text } }
        return nil
    }

    /// One item of a list: its number, its text, and "gekozen" on the chosen one.
    private func rowLine(_ text: String, _ number: Int?, _ selected: Bool) -> String {
        (number.map { "\($0). " } ?? "") + text + (selected ? t(.chosen) : "")
    }

    /// A whole screen: name and what it holds; a list's page first, then its text; a form's
    /// fields all with their values, then the question.
    private func writeScreen(title: String, outline: [OutlineItem], position: (number: Int, of: Int)?, focus: OutlineField?) {
        let fields = Self.fields(outline)
        page = nil
        if let position {
            let head = heading(title, position)
            write(head)
            var after: [String] = []
            for case .text(let text) in outline where !text.trimmingCharacters(in: .whitespaces).isEmpty { after.append(text) }
            for case .field(let f) in outline where !f.focused { after.append(describe(f)) }
            // The items first: what a resident came for is heard before the notes around it;
            // as many as the terminal shows, from the first in view, or from the chosen one
            // when it would not be among them (back on a list far down).
            let groups = items(outline)
            let budget = pageBudget(besides: [head, moreLineSample] + after)
            var start = 0
            if let chosen = groups.firstIndex(where: \.selected),
               groups[...chosen].reduce(0, { $0 + $1.lines.reduce(0) { $0 + rows($1) } }) > budget { start = chosen }
            let (first, last) = writeItems(groups, from: start, budget: budget) ?? (0, 0)
            if last > 0 {
                page = (first, last)
                endOfPage(last: last, count: position.of)
            } else if position.of > 0 {
                // A screen that draws its items itself (the month's grid of days): how many.
                write("\(position.of) " + noun(position.of) + ".")
            }
            after.forEach(write)
        } else {
            write(marked(title) + (fields.isEmpty ? "." : t(.formWithFields(fields.count))))
            for item in outline {
                switch item {
                case .heading(let text): write(text)
                case .row(let text, let number, let selected): write(rowLine(text, number, selected))
                case .text(let text): if !text.trimmingCharacters(in: .whitespaces).isEmpty { write(text) }
                case .field(let f): write(describe(f))
                default: break
                }
            }
        }
        if let focus { prompt(focus, outline: outline) }
    }

    /// A field's label as spoken: a required mark "*" said as a word, not "sterretje".
    private func spoken(_ label: String) -> String {
        guard label.hasSuffix(" *") else { return label }
        return String(label.dropLast(2)) + t(.required)
    }

    /// A field with its value.
    private func describe(_ f: OutlineField) -> String {
        switch f.kind {
        case .button: return t(.button) + spoken(f.label) + "."
        case .toggle(let on): return spoken(f.label) + ": " + (on ? t(.on) : t(.off)) + "."
        default: return spoken(f.label) + ": " + (f.value.isEmpty ? t(.empty) : f.value) + "."
        }
    }

    /// Asks for the focused field: its place, its rules, its value and its error.
    private func prompt(_ f: OutlineField, outline: [OutlineItem]) {
        let fields = Self.fields(outline)
        let place = (fields.firstIndex(of: f).map { "\($0 + 1)" } ?? "?") + " " + t(.of) + " \(fields.count)"
        let label = spoken(f.label)
        if let e = f.error { write(t(.errorIn) + label + ": " + e) }
        switch f.kind {
        case .text(let secret, let limit):
            write(t(.fieldTextAtMostCharacters(place, label, limit, secret ? Word.notShownNote : ""))
                  + (f.value.isEmpty ? t(.empty) : f.value) + t(.typeTheTextEnterTo))
        case .area(let limit):
            write(t(.fieldTextAtMostCharacters2(place, label, limit))
                  + (f.value.isEmpty ? t(.empty) : f.value) + t(.typeTheTextEnterTo))
        case .toggle(let on):
            write(t(.fieldTypeYOrN(place, label, on ? Word.on : Word.off)))
        case .choice(let options, let selected):
            let list = options.enumerated().map { "\($0.offset + 1) \($0.element)" + ($0.offset == selected ? t(.chosen) : "") }
            write(t(.fieldOptions(place, label)) + list.joined(separator: ", ")
                  + t(.typeNumberOrTheWords2))
        case .button:
            write(t(.buttonEnterOrYTo(place, label)))
        }
    }
}
