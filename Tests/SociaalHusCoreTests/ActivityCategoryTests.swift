import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore

/// An activity's category is one of the platform's list (the one residents pick their
/// interests from) or none: a word outside it would notify nobody, so it is refused, except the
/// category an activity already had from before the list, which stays when it is edited.
@Suite struct ActivityCategoryTests {
    /// The category stored before (nil: a new activity), the category saved, and what is kept
    /// (nil: refused as not on the list).
    static let cases: [(name: String, stored: String?, typed: String, kept: String?)] = [
        ("a listed key", nil, "sport en bewegen", "sport en bewegen"),
        ("a listed key in another case, with accents and extra spaces", nil, "  Cultúur ", "cultuur"),
        ("two words in capitals", nil, "Sport en  Bewegen", "sport en bewegen"),
        ("empty", nil, "", ""),
        ("only spaces", nil, "   ", ""),
        ("an unlisted word, new", nil, "wandelen", nil),
        ("a typo of a listed key, new", nil, "sprot", nil),
        ("an unlisted word, unchanged on edit", "wandelen", "wandelen", "wandelen"),
        ("an unlisted word replaced by another unlisted word on edit", "wandelen", "fietsen", nil),
        ("an unlisted word replaced by a listed one on edit", "wandelen", "Sport", "sport"),
        ("an unlisted word emptied on edit", "wandelen", "", ""),
        ("a listed key in another case, unchanged on edit", "Geldzaken", "Geldzaken", "geldzaken"),
        ("a listed key changed to an unlisted word on edit", "sport", "wandelen", nil),
    ]

    @Test("an activity is saved with a category of the list (by its key), none, or the unlisted one it already had; any other is refused",
          arguments: Self.cases)
    func saving(_ name: String, _ stored: String?, _ typed: String, _ kept: String?) throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let org = try store.createOrganisation(Organisation(id: OrganisationID(0), name: "De Kern"), by: .commandLine)
        var draft = AgendaItem(id: AgendaItemID(0), title: "Koffie", start: testNow.addingTimeInterval(86_400), location: "Kern", organisation: org.id)
        let save: () throws -> AgendaItem?
        if let stored {
            // An activity from before the list: planted as the store holds it, past every check.
            let old = try store.createAgendaItem(draft, by: .commandLine)
            try store.update { tx in
                var item = old
                item.category = stored
                tx.put(item)
            }
            let original = try #require(store.state.agenda[old.id.rawValue])
            draft = original
            draft.category = typed
            save = {
                try store.editAgendaItem(old.id, AgendaEdit(draft), basedOn: original, by: .commandLine)
                return store.state.agenda[old.id.rawValue]
            }
        } else {
            draft.category = typed
            save = { try store.createAgendaItem(draft, by: .commandLine) }
        }
        let before = store.state.agenda.all.map(\.category)
        if let kept {
            #expect(try save()?.category == kept, "\(name)")
        } else {
            #expect(throws: CoreError.unknownCategory(typed.trimmingCharacters(in: .whitespaces)), "\(name)") { _ = try save() }
            #expect(store.state.agenda.all.map(\.category) == before, "\(name): nothing saved")
        }
    }

    @Test("the refusal names the field and the word, and lists the categories to choose from, in both languages")
    func refusalWords() {
        let error = CoreError.unknownCategory("wandelen")
        #expect(error.field == .category)
        let dutch = error.message(.dutch), english = error.message(.english)
        #expect(dutch.hasPrefix("\"wandelen\" staat niet in de lijst voor 'categorie'."), "\(dutch)")
        #expect(english.hasPrefix("\"wandelen\" is not on the list for 'category'."), "\(english)")
        for message in [dutch, english] {
            #expect(PlatformCategory.all.allSatisfy { message.contains($0.key) }, "\(message)")
        }
        // A form names the field as it shows it.
        #expect(Language.dutch.t(error.word(naming: "Categorie")).contains("'Categorie'"))
        #expect(!CoreError.unknownCategory("x\u{1B}[2J").message(.dutch).contains("\u{1B}"))
    }
}
