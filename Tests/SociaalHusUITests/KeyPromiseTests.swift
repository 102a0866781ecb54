import Foundation
import Testing
@testable import SociaalHusCore
import SociaalHusBench
@testable import SociaalHusUI
import TerminalKit

/// A key the bottom bar or the help offers is a key that works: pressed, it changes something
/// (the screen, a dialog, the focus, what a field holds) or answers with a message about what it
/// was asked to do; never "this key does nothing here", and never a refusal of the permission
/// function (a key is offered only where that function allows its action). A seeded walk per
/// role presses the keys offered wherever it goes and checks every one.
@Suite struct KeyPromiseTests {
    /// Who walks: a visitor, each demo role, and a visitor on a platform behind a login.
    enum Walker: CustomStringConvertible, Sendable {
        case visitor, account(String), privateVisitor
        var description: String {
            switch self {
            case .visitor: "visitor"
            case .account(let p): p
            case .privateVisitor: "visitor on a private platform"
            }
        }
    }

    static let walkers: [Walker] = [.visitor, .account("anna"), .account("kees"), .account("lotte"),
                                    .account("sanne"), .account("bram"), .privateVisitor]

    /// An app as `walker`, at a size where every screen shows what it offers.
    static func driver(_ walker: Walker) -> Driver {
        let store = UIFixture.freshStore()
        if case .privateVisitor = walker {
            try! store.update { tx in
                var s = tx.state.settings
                s.isPrivate = true
                tx.setSettings(s)
            }
        }
        let d = Driver(size: Size(cols: 110, rows: 40), store: store)
        if case .account(let prefix) = walker { d.logIn(prefix) }
        return d
    }

    /// The frame without the message line: what a key changed, dialogs and the cursor included.
    static func frame(_ d: Driver) -> String {
        let keep = d.app.ctx.message
        d.app.ctx.message = nil
        defer { d.app.ctx.message = keep }
        let g = d.grid
        return g.text + "\n\(g.cursor.map { "\($0.x),\($0.y)" } ?? "-")"
    }

    /// Messages that say a key has no use where it was offered: "does nothing here", and every
    /// refusal of the permission function ("log in first", "only editors …").
    static func emptyAnswers(_ d: Driver) -> [String] {
        let denials: [PermissionDenial] = [.notLoggedIn, .blocked, .notYourPost, .notEditor, .administratorsOnly, .residentsOnly,
                                           .otherWijk, .notYourAccount, .deskStaffOnly, .partnersOnly, .accountGone, .rightsChanged,
                                           .ownContent, .notOnBehalf, .onBehalfOfStaff]
        return [d.app.ctx.t(.thisKeyDoesNothingHere(d.app.ctx.key(.help)))] + denials.map { d.app.ctx.t($0.word) }
    }

    /// Keys that may change nothing, and say nothing, where they are offered: moving at the
    /// end of a list or form (today's date included), the key of the tab in front, Esc on a tab's
    /// first screen (the bar shows it only where it leaves something), and what a text field
    /// takes as typing (Backspace in an empty field, a letter in a full one).
    static func mayBeStill(_ key: Key, _ action: Action, _ d: Driver) -> Bool {
        if d.app.current.capturesText, key == .backspace || { if case .char = key { true } else { false } }() { return true }
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last, .nextField, .previousField, .today: return true
        case .back: return d.app.isFirstScreen
        default: return action == d.app.tab.action
        }
    }

    /// The keys offered now: the bottom bar's and the help's, each with its action.
    static func offered(_ d: Driver) -> [(Key, Action)] {
        var out: [(Key, Action)] = []
        for b in d.app.statusBarBindings() + d.app.activeBindings() {
            for k in b.keys where !out.contains(where: { $0.0 == k }) { out.append((k, b.action)) }
        }
        return out
    }

    /// Walks `steps` keys as `walker`, most of them keys offered at that moment, and returns what
    /// broke the promise (and the screens seen).
    static func walk(_ walker: Walker, steps: Int) -> (broken: Set<String>, seen: Set<String>) {
        let d = driver(walker)
        var rng = SplitMix64(seed: walker.description.unicodeScalars.reduce(28) { $0 &* 31 &+ UInt64($1.value) })
        var broken: Set<String> = []
        var seen: Set<String> = []
        for _ in 0..<steps {
            // A question is answered no and the help closed, so the walk goes on where it was.
            if d.app.dialogAnswer != nil { d.press(.escape); continue }
            let offer = offered(d).filter { k, a in
                // Quitting at once, logging out and ending help end the walk's session.
                k != .ctrl("c") && ![.logout, .endOnBehalf].contains(a)
            }
            guard Int.random(in: 0..<100, using: &rng) < 75, let (key, action) = offer.randomElement(using: &rng) else {
                d.press(KeyTableTests.walkKey(&rng))
                continue
            }
            let title = d.app.current.title(d.app.ctx)
            seen.insert(title)
            let visitor = d.app.ctx.session == nil
            let before = frame(d)
            let still = mayBeStill(key, action, d)
            d.press(key)
            let message = d.app.ctx.message?.text
            let where_ = "\(title): \(key) (\(action))"
            if let message, let empty = emptyAnswers(d).first(where: { message.contains($0) }) {
                broken.insert("\(where_) answers '\(empty)'" + (visitor ? " to a visitor" : ""))
            } else if message == nil, !still, frame(d) == before {
                broken.insert("\(where_) changes nothing and says nothing")
            }
        }
        return (broken, seen)
    }

    @Test("every key offered changes something or answers for itself, for every role", arguments: walkers)
    func keysOfferedWork(_ walker: Walker) {
        let (broken, seen) = Self.walk(walker, steps: 700)
        #expect(broken.isEmpty, "\(walker):\n\(broken.sorted().joined(separator: "\n"))")
        #expect(seen.count >= 3, "the walk reached only \(seen.sorted())")
    }
}

/// The findings of the walk through the screens by hand: keys shown that did nothing or the
/// wrong thing.
@Suite struct KeysShownFindingsTests {
    /// The bottom bar's text (the last row).
    static func bar(_ d: Driver) -> String { d.grid.lines.last ?? "" }

    @Test("a visitor on an organisation's page is not offered e Bewerken; an administrator is")
    func visitorIsNotOfferedEditingAnOrganisation() {
        let d = Driver(size: Size(cols: 110, rows: 40))
        d.press(.char("3"), .enter)
        #expect(d.app.current is OrganisationDetailScreen)
        #expect(!Self.bar(d).contains("Bewerken"), "\(Self.bar(d))")
        d.press(.char("e"))
        #expect(d.app.ctx.message?.text.contains("Log eerst in") != true, "\(d.app.ctx.message?.text ?? "")")
        let admin = Driver(size: Size(cols: 110, rows: 40))
        admin.logIn("bram")
        admin.press(.escape, .char("3"), .enter)
        #expect(Self.bar(admin).contains("e Bewerken"), "\(Self.bar(admin))")
    }

    @Test("on a private platform the visitor's agenda offers no week view and no wijk filter")
    func privateAgendaOffersNothingOfTheAgenda() {
        let d = KeyPromiseTests.driver(.privateVisitor)
        #expect(d.screen.contains("alleen toegankelijk na inloggen"))
        #expect(!Self.bar(d).contains("w Week") && !Self.bar(d).contains("f Wijk"), "\(Self.bar(d))")
        #expect(!d.app.activeBindings().contains { [.weekView, .filterWijk, .search, .monthView].contains($0.action) })
    }

    @Test("one's own post offers no c Reageren: the contact form would go to oneself")
    func ownPostOffersNoReply() throws {
        let store = UIFixture.freshStore()
        let anna = try #require(store.state.account(email: UIFixture.account("anna").email))
        let own = try #require(store.posts(for: .account(anna), now: fixedNow).first { $0.post.author == .resident(anna.id) })
        let other = try #require(store.posts(for: .account(anna), now: fixedNow).first { $0.post.author != .resident(anna.id) })
        for (post, mine) in [(own.post.id, true), (other.post.id, false)] {
            let d = Driver(size: Size(cols: 110, rows: 40), store: mine ? store : UIFixture.freshStore(),
                           makeRoot: { tab, ctx -> Screen in tab == .prikbord ? PostDetailScreen(id: post) : RootScreens.make(tab, ctx) })
            d.logIn("anna")
            d.press(.escape, .char("2"))
            #expect(d.app.current is PostDetailScreen)
            #expect(Self.bar(d).contains("c Reageren") == !mine, "\(Self.bar(d))")
            d.press(.char("c"))
            #expect((d.app.current is ContactFormScreen) == !mine)
        }
    }

    @Test("Esc leaves the week view, as w does; Backspace too")
    func escapeLeavesTheWeekView() {
        let d = Driver(size: Size(cols: 110, rows: 40))
        let list = d.screen
        d.press(Key.char("w"))
        #expect(d.app.current.title(d.app.ctx) == "Weekoverzicht")
        #expect(Self.bar(d).contains("Esc Terug"), "\(Self.bar(d))")
        d.press(.escape)
        #expect(d.app.current.title(d.app.ctx) == "Agenda")
        #expect(d.screen == list)
        d.press(Key.char("w"), Key.backspace)
        #expect(d.app.current.title(d.app.ctx) == "Agenda")
    }
}

/// Letters typed while a tick box or a row of options has focus never act as a screen's
/// shortcut: they say so, and the form stays (typing a path with the focus on a tick box once opened the
/// password form through p). The app's own keys (the tabs, help, quit) work there as anywhere.
@Suite struct LettersOnTickBoxesTests {
    /// True for the screens that are forms.
    static func isForm(_ s: Screen) -> Bool { s is FormScreen || s is ProfileScreen || s is ReferralScreen }

    /// Tabs once around the form in front and, at every tick box, types a to z: the
    /// same form stays in front (q's question, the app's own, is answered no). Returns the
    /// problems found and how many tick boxes and choices it typed on.
    static func typeOnEveryChoice(_ d: Driver) -> (problems: [String], choices: Int) {
        let screen = d.app.current, tab = d.app.tab, title = screen.title(d.app.ctx)
        var problems: [String] = []
        var choices = 0
        for _ in 0..<40 {
            guard d.app.current === screen else { break }
            if screen.focusIsOnChoice {
                choices += 1
                for c in "abcdefghijklmnopqrstuvwxyz" {
                    d.press(.char(c))
                    if c == "q", d.app.dialogAnswer == .yesNo { d.press(.escape) }
                    if d.app.current !== screen || d.app.hasModal || d.app.tab != tab {
                        problems.append("\(title): \(c) on a tick box or choice left the form")
                        return (problems, choices)
                    }
                    if !screen.focusIsOnChoice { problems.append("\(title): \(c) moved the focus off the choice"); break }
                }
            }
            d.press(.tab)
        }
        return (problems, choices)
    }

    @Test("every form a role reaches: every letter on every tick box keeps the form", arguments: KeyPromiseTests.walkers)
    func lettersKeepTheForm(_ walker: KeyPromiseTests.Walker) {
        let d = KeyPromiseTests.driver(walker)
        var rng = SplitMix64(seed: walker.description.unicodeScalars.reduce(5) { $0 &* 31 &+ UInt64($1.value) })
        var swept: [String: Int] = [:]
        var problems: [String] = []
        for _ in 0..<1_200 {
            d.press(KeyTableTests.walkKey(&rng))
            if d.app.dialogAnswer != nil { d.press(.escape) }
            let name = String(describing: type(of: d.app.current))
            guard Self.isForm(d.app.current), swept[name] == nil else { continue }
            let (p, n) = Self.typeOnEveryChoice(d)
            swept[name] = n
            problems += p
            if d.app.dialogAnswer != nil { d.press(.escape) }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(swept.values.contains { $0 > 0 } || walker.description.contains("visitor"), "no tick box reached: \(swept)")
    }

    /// The forms with tick boxes the walks do not reliably reach, and the keys to each.
    static let formsByKeys: [(walker: KeyPromiseTests.Walker, keys: [Key], form: String)] = [
        (.account("kees"), [.char("1"), .char("n")], "AgendaEditScreen"),
        (.account("bram"), [.char("7"), .char("p")], "PlatformScreen"),
        (.account("lotte"), [.char("5"), .char("c")], "DeskResetScreen"),
        (.account("lotte"), [.char("5"), .char("v")], "DeskWijkScreen"),
        (.account("lotte"), [.char("5"), .char("h")], "OnBehalfScreen"),
        (.account("lotte"), [.char("5"), .char("n")], "IntakeFormScreen"),
        (.account("anna"), [.char("4")], "ProfileScreen"),
    ]

    @Test("every letter on every tick box of each form keeps the form", arguments: 0..<formsByKeys.count)
    func lettersKeepEachForm(_ i: Int) {
        let (walker, keys, form) = Self.formsByKeys[i]
        let d = KeyPromiseTests.driver(walker)
        // (Esc out of whatever field logging in left focused, so the keys below are shortcuts.)
        d.press(.escape)
        for k in keys { d.press(k) }
        #expect(String(describing: type(of: d.app.current)) == form, "\(walker) reached \(type(of: d.app.current)):\n\(d.screen)")
        let (problems, choices) = Self.typeOnEveryChoice(d)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(choices > 0, "\(form) has no tick box")
    }

    @Test("the profile: a path typed with the focus on a tick box opens nothing and says what letters do there")
    func pathOnATickBox() {
        let d = Driver(size: Size(cols: 110, rows: 40))
        d.logIn("anna")
        d.press(.char("4"))
        let profile = d.app.current
        for _ in 0..<40 where profile.focusedChoice != .tickBox { d.press(.tab) }
        #expect(profile.focusedChoice == .tickBox)
        d.type("/tmp/pasfoto.png")
        #expect(d.app.current === profile && !d.app.hasModal, "\(d.app.current.title(d.app.ctx))")
        #expect(d.app.ctx.message?.text == "Letters doen niets op een vakje. Spatie zet het aan of uit, Tab gaat naar het volgende veld.",
                "\(d.app.ctx.message?.text ?? "")")
        // The bar offers no letter that would not work there, and Esc leaves the tick box for a
        // button (the profile is a first screen: no keyboard trap).
        #expect(!KeysShownFindingsTests.bar(d).contains("p Wachtwoord"), "\(KeysShownFindingsTests.bar(d))")
        d.press(.escape)
        #expect(!profile.focusIsOnChoice && !profile.capturesText)
        d.press(.char("p"))
        #expect(d.app.current is ChangePasswordScreen)
    }

    @Test("the profile: a path typed on 'Wie ziet je' (a row of options) opens nothing, changes nothing and says what letters do there")
    func pathOnAChoice() throws {
        for lang in [Language.dutch, .english] {
            let d = Driver(lang: lang, size: Size(cols: 110, rows: 40))
            d.logIn("anna")
            d.press(.char("4"))
            let profile = d.app.current
            let who = lang == .dutch ? "Wie ziet je" : "Who sees you"
            ProfielScreenTests.focus(d, on: who)
            #expect(profile.focusedChoice == .options)
            let before = d.grid.lines.first { $0.contains(who) } ?? ""
            d.type("/tmp/pasfoto.png")
            #expect(d.app.current === profile && !d.app.hasModal, "\(d.app.current.title(d.app.ctx))")
            #expect(d.app.ctx.message?.text == (lang == .dutch
                ? "Letters doen niets bij een keuze. De pijltjes links en rechts kiezen, Tab gaat naar het volgende veld."
                : "Letters do nothing on a choice. The left and right arrows choose; Tab goes to the next field."),
                    "\(d.app.ctx.message?.text ?? "")")
            #expect(d.grid.lines.first { $0.contains(who) } == before, "the choice is unchanged")
            #expect(!KeysShownFindingsTests.bar(d).contains(lang == .dutch ? "p Wachtwoord" : "p Password"), "\(KeysShownFindingsTests.bar(d))")
            // The arrows still choose, and Esc leaves the choice for a button where p works.
            d.press(.left)
            #expect(d.grid.lines.first { $0.contains(who) } != before)
            d.press(.right)
            d.press(.escape)
            #expect(!profile.focusIsOnChoice && !profile.capturesText)
            d.press(.char("p"))
            #expect(d.app.current is ChangePasswordScreen)
        }
    }

    @Test("a tick box still takes Space and x, and the keys of the form")
    func tickBoxStillTicks() {
        let d = Driver(size: Size(cols: 110, rows: 40))
        d.logIn("anna")
        d.press(.char("4"))
        let profile = d.app.current
        for _ in 0..<40 where profile.focusedChoice != .tickBox { d.press(.tab) }
        let before = d.screen
        d.press(.char(" "))
        #expect(d.screen != before)
        #expect(d.app.ctx.message == nil)
    }
}
