import Foundation
import Testing
@testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// An error names the field as the form on screen names it. "Vul 'organisatie' in"
/// was said for the field "Voor wie", "Vul 'bericht' in" for "Toelichting".
@Suite struct FieldNameTests {
    @Test("the audit's two cases, left empty and sent", arguments: [
        (nil, ["1", "1"], "m", "Toelichting", "bericht"),
        ("sanne", ["7", "d"], "n", "Voor wie", "organisatie"),
    ] as [(String?, [String], String, String, String)])
    func named(role: String?, path: [String], open: String, shown: String, store: String) {
        let d = Driver(size: Size(cols: 100, rows: 40))
        if let role { d.logIn(role) }
        for p in path { d.press(p == "1" && d.app.tab != .agenda ? .char("1") : (p == "1" ? .enter : .char(Character(p)))) }
        d.press(.char(Character(open)))
        // To the button, then press it with nothing filled in.
        for _ in 0..<12 where !(PlainSession.fields(d.grid.outline).first { $0.focused }.map { if case .button = $0.kind { true } else { false } } ?? false) {
            d.press(.tab)
        }
        d.press(.enter)
        #expect(d.screen.contains("FOUT: Vul '\(shown)' in; dit veld is verplicht.") || d.screen.contains("kloppen nog niet: \(shown),"), "\(d.screen)")
        #expect(d.screen.contains("! Vul '\(shown)' in; dit veld is verplicht."), "at the field: \(d.screen)")
        #expect(!d.screen.contains("'' is geen geldig e-mailadres"), "an empty address is a field to fill in")
        #expect(!d.screen.contains("Vul '\(store)' in"))
    }

    @Test("a core error about a field, named by the form: every kind", arguments: [
        CoreError.fieldRequired(.text), .fieldTooLong(.organisation, limit: 200), .fieldControlCharacters(.senderName),
    ])
    func everyKind(_ error: CoreError) {
        for lang in [Language.dutch, .english] {
            let named = lang.t(error.word(naming: "Voor wie"))
            #expect(named.contains("'Voor wie'") && !named.contains("'\(error.field!.label(lang))'"), "\(named)")
            #expect(error.message(lang).contains("'\(error.field!.label(lang))'"), "without a form the store's word stays")
        }
        #expect(Language.dutch.t(CoreError.emailInUse.word(naming: "X")) == CoreError.emailInUse.message(.dutch))
    }
}
