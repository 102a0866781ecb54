import Foundation
import Testing
@testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// Drafts and typed text are never thrown away without a question. Every
/// form, opened as a person opens it: Esc and Ctrl-R leave an unchanged form without a
/// question; with something typed they ask, n or Esc keeps it, j gives it up.
@Suite(.serialized) struct DiscardAsksTests {
    /// One form: who opens it, what must exist first, and the keys that open it.
    struct FormCase: CustomTestStringConvertible, Sendable {
        let name: String
        let account: String?
        let prepare: @Sendable (Driver) throws -> Void
        let open: @Sendable (Driver) -> Void
        var testDescription: String { name }

        init(_ name: String, _ account: String?, prepare: @escaping @Sendable (Driver) throws -> Void = { _ in },
             open: @escaping @Sendable (Driver) -> Void) {
            self.name = name
            self.account = account
            self.prepare = prepare
            self.open = open
        }

        /// Opens the form with `keys`.
        init(_ name: String, _ account: String?, prepare: @escaping @Sendable (Driver) throws -> Void = { _ in }, keys: [Key]) {
            self.init(name, account, prepare: prepare) { d in for k in keys { d.press(k) } }
        }
    }

    /// Every form a person can type into and leave with Esc (the intake form keeps a draft
    /// instead: `intakeDiscardAsks`; the login, visitor-code and desk look-up fields hold a
    /// key to something, not text of one's own, and say so with `hasUnsavedInput` false).
    static let forms: [FormCase] = [
        FormCase("PostEditScreen", "anna", keys: [.char("2"), .char("n")]),
        FormCase("AgendaEditScreen", "kees", keys: [.char("1"), .char("n")]),
        FormCase("ContactFormScreen", nil, keys: [.char("2"), .enter, .char("c")]),
        FormCase("OrganisationEditScreen", "kees") { d in
            let kees = d.app.ctx.account!
            let org = d.store.organisationsWritable(by: .account(kees), agenda: false).first!
            d.press(.char("3"), .char("/"))
            d.type(org.name)
            d.press(.enter, .enter, .char("e"))
        },
        FormCase("ChangePasswordScreen", "anna", keys: [.char("4"), .char("p")]),
        FormCase("ExportDataScreen", "anna", keys: [.char("4"), .char("g"), .char("x")]),
        FormCase("BroadcastScreen", "sanne", keys: [.char("6"), .char("n")]),
        FormCase("BroadcastScreen (announcement)", "bram", keys: [.char("6"), .char("m")]),
        FormCase("ReportScreen", "anna", keys: [.char("2"), .enter, .char("m")]),
        FormCase("ModerationReplyScreen", "bram", prepare: { try $0.reportCatPost() }, keys: [.char("7"), .enter, .char("r")]),
        FormCase("ApproveFeedScreen", "sanne", keys: [.char("7"), .char("d"), .char("n")]),
        FormCase("PlatformScreen", "bram", keys: [.char("7"), .char("p")]),
        FormCase("RetentionScreen", "bram", keys: [.char("5"), .char("t")]),
        FormCase("RegisterScreen", nil) { d in
            d.press(.char("4"))
            d.tabUntil("▌ [ Nieuw hier? Registreren ]")
            d.press(.enter)
        },
    ]

    /// The class of the screen in front, without the "(announcement)" of a second case.
    static func screenName(_ d: Driver) -> String { String(describing: type(of: d.app.current)) }

    /// Changes the form as a person would: types into its first text field, or, on a form of
    /// switches only, flips the first switch. Returns the field changed, when it is a text field
    /// of a `FormScreen` (its value is then checked after every question).
    @discardableResult
    static func edit(_ d: Driver) -> String? {
        if let fs = d.app.current as? FormScreen, !fs.form.fields.contains(where: { if case .text = $0.kind { true } else if case .area = $0.kind { true } else { false } }) {
            for _ in 0..<20 {
                if let f = fs.form.fields.first(where: { $0.id == fs.form.focusedID }), case .toggle = f.kind { break }
                d.press(.tab)
            }
            d.press(.char(" "))
            return nil
        }
        for _ in 0..<20 where !d.app.current.capturesText { d.press(.tab) }
        d.type("Zq")
        return (d.app.current as? FormScreen)?.form.focusedID
    }

    /// The text of `field` in the form in front.
    static func value(_ d: Driver, _ field: String?) -> String? {
        field.flatMap { (d.app.current as? FormScreen)?.form.text($0) }
    }

    @Test("Esc and Ctrl-R on an unchanged form ask nothing; with something typed Esc asks (n, Esc and Enter keep it, j gives it up), and Ctrl-R asks or keeps it", arguments: forms)
    func escAndReload(_ c: FormCase) throws {
        let expected = String(c.name.prefix { $0 != " " })
        func opened() throws -> Driver {
            let d = Driver(size: Size(cols: 120, rows: 50))
            try c.prepare(d)
            if let a = c.account { d.logIn(a) }
            c.open(d)
            return d
        }
        // Unchanged: Ctrl-R reads again, Esc closes, neither asks.
        let unchanged = try opened()
        try #require(Self.screenName(unchanged) == expected, "opened \(Self.screenName(unchanged))")
        #expect(!unchanged.app.current.hasUnsavedInput, "a form just opened has nothing unsaved")
        unchanged.press(.ctrl("r"))
        #expect(!unchanged.app.hasModal, "Ctrl-R on an unchanged form asks nothing")
        unchanged.press(.escape)
        #expect(!unchanged.app.hasModal, "Esc on an unchanged form asks nothing")
        #expect(Self.screenName(unchanged) != expected, "Esc closed the unchanged form")
        // Changed: Esc asks; the answer No (n, Esc, Enter) keeps every character.
        let d = try opened()
        let form = d.app.current
        let field = Self.edit(d)
        #expect(form.hasUnsavedInput, "the change counts as unsaved")
        let typed = Self.value(d, field)
        #expect(field == nil || typed?.hasSuffix("Zq") == true || typed?.count == 3, "typed: \(typed ?? "-")")
        for no in [Key.char("n"), .escape, .enter] {
            d.press(.escape)
            #expect(d.app.hasModal && d.screen.contains("Niet opgeslagen") && d.screen.contains("j = weggooien en terug"), "Esc asks first")
            d.press(no)
            #expect(!d.app.hasModal)
            #expect(d.app.current === form && form.hasUnsavedInput, "Esc then \(no) keeps the form and its input")
            #expect(Self.value(d, field) == typed)
        }
        // Ctrl-R: a form that would read its record anew asks; any other keeps the input as it is.
        for no in [Key.char("n"), .escape] {
            d.press(.ctrl("r"))
            if form.reloadDiscardsInput {
                #expect(d.app.hasModal && d.screen.contains("j = weggooien en opnieuw laden"), "Ctrl-R asks first")
                d.press(no)
                #expect(!d.app.hasModal)
            } else {
                #expect(!d.app.hasModal)
            }
            #expect(d.app.current === form && form.hasUnsavedInput, "Ctrl-R (then \(no)) keeps the form and its input")
            #expect(Self.value(d, field) == typed)
        }
        // j gives it up.
        d.press(.escape, .char("j"))
        #expect(Self.screenName(d) != expected, "Esc j closed the form")
    }

    @Test("regression: on the profile (a tab's first screen) Ctrl-R asks before throwing a change away")
    func profileReload() throws {
        let d = Driver(size: Size(cols: 120, rows: 50))
        d.logIn("anna")
        d.tabUntil("▌ Naam")
        d.type(" Zqx")
        #expect(d.app.current.hasUnsavedInput)
        d.press(.ctrl("r"))
        #expect(d.screen.contains("j = weggooien en opnieuw laden"))
        d.press(.char("n"))
        #expect(d.screen.contains("Zqx"))
        d.press(.ctrl("r"), .char("j"))
        #expect(!d.screen.contains("Zqx"))
        #expect(!d.app.current.hasUnsavedInput)
    }

    @Test("regression: 'Concept weggooien' asks when something was typed (n, Esc and Enter keep it; j throws it away) and not when nothing was")
    func intakeDiscardAsks() throws {
        let d = Driver(size: Size(cols: 120, rows: 50))
        d.logIn("lotte")
        let lotte = d.account("lotte")
        // Nothing typed: nothing to lose, no question.
        d.press(.char("5"), .char("n"))
        d.focus("Concept weggooien")
        d.press(.enter)
        #expect(!d.app.hasModal)
        #expect(!(d.app.current is IntakeFormScreen), "the empty form closed")
        // Typed: it asks, naming what goes; any answer but j keeps the form, the text and the draft.
        d.press(.char("n"))
        d.type("Hulp bij de huurtoeslag")
        d.focus("Concept weggooien")
        for no in [Key.char("n"), .escape, .enter] {
            d.press(.enter)
            #expect(d.app.hasModal && d.screen.contains("Het concept van dit gesprek weggooien?"), "\(d.screen)")
            d.press(no)
            #expect(!d.app.hasModal)
            #expect(d.app.current is IntakeFormScreen)
            #expect(d.screen.contains("Hulp bij de huurtoeslag"), "\(no) keeps the text")
        }
        #expect(try d.store.intakeDraft(by: .account(lotte))?.input.question == "Hulp bij de huurtoeslag", "the draft is kept")
        d.press(.enter, .char("j"))
        #expect(!(d.app.current is IntakeFormScreen))
        #expect(d.screen.contains("Concept weggegooid"))
        #expect(try d.store.intakeDraft(by: .account(lotte)) == nil)
        d.press(.char("n"))
        #expect(!d.screen.contains("Hulp bij de huurtoeslag"))
    }

    @Test("regression: Esc from step 2 of a referral back to the organisations keeps the purpose typed and the ticks")
    func referralKeepsPurpose() throws {
        let d = Driver(size: Size(cols: 120, rows: 50))
        try d.recordIntake()
        d.logIn("lotte")
        d.press(.char("5"), .enter, .char("d"), .enter)
        try #require(d.screen.contains("Doorverwijzen 2/3"), "\(d.screen)")
        d.press(.char(" "))                 // the first tick flipped
        let ticked = d.screen.split(separator: "\n").first { $0.contains("▌") }.map(String.init)
        d.focus("Doel")
        d.type(" en de aanvraag")
        d.press(.escape)
        #expect(d.screen.contains("Doorverwijzen 1/3"))
        d.press(.down, .enter)              // another organisation
        #expect(d.screen.contains("Doorverwijzen 2/3"))
        #expect(d.screen.contains("en de aanvraag"), "the purpose typed is kept:\n\(d.screen)")
        if let ticked { #expect(d.screen.contains(ticked.replacingOccurrences(of: "▌", with: " ")) || d.screen.contains(ticked), "the tick is kept") }
    }
}
