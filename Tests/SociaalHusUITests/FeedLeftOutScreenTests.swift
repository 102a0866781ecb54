import Foundation
import Testing
@_spi(Operator) @testable import SociaalHusCore
@testable import SociaalHusUI
import TerminalKit

/// An activity whose text holds personal data the platform knows stays out of the wijk's shared
/// feed: its editor hears so before saving, and the wijk's partner sees what was left out and
/// why, never the data itself.
@Suite struct FeedLeftOutScreenTests {
    /// Anna's address: an account's e-mail, which the feed refuses.
    static let annaEmail = UIFixture.account("anna").email

    /// The screen as one line of text, each run of spaces one space: a sentence wrapped over
    /// lines reads whole.
    static func flat(_ screen: String) -> String {
        screen.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    /// An organisation editor's new activity, typed up to the save button, with `description`.
    static func newActivity(_ d: Driver, description: String) throws -> AgendaEditScreen {
        d.logIn("kees")
        d.press(.char("1"), .char("n"))
        let screen = try #require(d.app.current as? AgendaEditScreen)
        screen.form.setText("title", "Koffie-ochtend")
        screen.form.setText("description", description)
        screen.form.setText("location", "Buurthuis De Kern")
        return screen
    }

    @Test("saving an activity with an account's e-mail address: warned under the field, saved only when saved again, and told it stays out of the feed",
          arguments: [
              (Language.dutch, "Nog niet opgeslagen: een e-mailadres in de beschrijving.",
               "Hier staat een e-mailadres in de beschrijving. Zo komt de activiteit alleen in de app, niet in de gedeelde agenda. Haal het weg om hem te delen.",
               "Haal het weg, of kies nog eens Opslaan om zo op te slaan.",
               "Opgeslagen. De activiteit staat in de app, maar niet in de gedeelde agenda: een e-mailadres in de beschrijving."),
              (Language.english, "Not saved yet: an e-mail address in the description.",
               "Found here: an e-mail address in the description. As it is, the activity is shown in the app but not in the shared agenda. Remove it to share it.",
               "Remove it, or choose Save again to save it as it is.",
               "Saved. The activity is shown in the app, but stays out of the shared agenda: an e-mail address in the description."),
          ])
    func editorIsWarned(_ lang: Language, _ warning: String, _ underField: String, _ howToSave: String, _ saved: String) throws {
        let d = Driver(lang: lang)
        let screen = try Self.newActivity(d, description: "Aanmelden bij " + Self.annaEmail)
        let before = d.store.state.agenda.all.count
        d.press(.ctrl("s"))
        let shown = Self.flat(d.screen)
        #expect(shown.contains(warning) && shown.contains(howToSave), "\(d.screen)")
        #expect(screen.form.errors == ["description": underField])
        #expect(screen.form.focusedID == "description", "focus on the field to change")
        #expect(d.app.current === screen && d.store.state.agenda.all.count == before, "nothing saved yet, nothing typed lost")
        // Saved again as it is: the editor's choice; it is in the app, not in the feed.
        d.press(.ctrl("s"))
        #expect(d.store.state.agenda.all.count == before + 1)
        #expect(d.app.current !== screen)
        #expect(Self.flat(d.screen).contains(saved), "\(d.screen)")
    }

    @Test("the warning follows the text: changed after the warning, it is checked again; without personal data it saves at once")
    func warningFollowsTheText() throws {
        let d = Driver()
        let screen = try Self.newActivity(d, description: "Voor iedereen")
        screen.form.setText("signup", "Bij " + Self.annaEmail)
        let before = d.store.state.agenda.all.count
        d.press(.ctrl("s"))
        #expect(screen.form.errors.keys.sorted() == ["signup"] && d.store.state.agenda.all.count == before)
        // A different address of Anna's kind in another field: a new warning, not a save.
        screen.form.setText("signup", "Vrije inloop")
        screen.form.setText("cost", "Bel " + UIFixture.account("ria").email)
        d.press(.ctrl("s"))
        #expect(screen.form.errors.keys.sorted() == ["cost"] && d.store.state.agenda.all.count == before)
        #expect(d.screen.contains("een e-mailadres in de kosten"))
        screen.form.setText("cost", "gratis")
        d.press(.ctrl("s"))
        #expect(d.store.state.agenda.all.count == before + 1)
        #expect(d.screen.contains("De activiteit staat in de agenda."))
    }

    @Test("the partner sees on the sharing screen how many activities the feed leaves out, and in the preview which and why, without the data",
          arguments: [Language.dutch, .english])
    func partnerSeesWhatWasLeftOut(_ lang: Language) throws {
        let d = Driver(lang: lang)
        let sanne = try #require(d.store.state.accounts.all.first { $0.email.hasPrefix("sanne") })
        let wijk = try #require(sanne.roles.partnerOf.first)
        try d.store.perform(.approveFeed(wijk: wijk, thirdParty: "Vrijwilligerscentrale Borne"), as: .account(sanne))
        let org = try #require(d.store.state.organisations.all.first)
        let start = fixedNow.addingTimeInterval(3 * 86_400)
        for (title, description) in [("Koffie bij De Kern", "Aanmelden bij " + Self.annaEmail), ("Wandeling Bornsche Beek", "Voor iedereen")] {
            try d.store.perform(.createAgendaItem(AgendaItem(id: AgendaItemID(0), title: title, description: description, start: start,
                                                             end: start.addingTimeInterval(3_600), location: "Buurthuis", wijk: wijk, organisation: org.id)),
                                as: .commandLine)
        }
        d.logIn("sanne")
        d.press(.char("7"), .char("d"))
        #expect(d.app.current is FeedsScreen)
        #expect(Self.flat(d.screen).contains(lang == .dutch ? "1 activiteit blijft buiten deze feed. Er staan persoonsgegevens in. Enter toont welke en waarom."
                                             : "1 activity is left out of this feed because it holds personal data. Enter shows which and why."), "\(d.screen)")
        d.press(.enter)
        let preview = Self.flat(d.screen)
        #expect(d.app.current is FeedPreviewScreen)
        let expected = lang == .dutch
            ? ["1 activiteit blijft buiten deze feed. Er staan persoonsgegevens in:", "Koffie bij De Kern, van \(org.name). Gevonden: een e-mailadres in de",
               "Vraag de organisatie om de gegevens weg te halen."]
            : ["1 activity is left out of this feed because it holds personal data:", "Koffie bij De Kern, by \(org.name). Found: an e-mail address in the",
               "Ask the organisation to remove the data"]
        for line in expected { #expect(preview.contains(line), "\(line)\n\(preview)") }
        #expect(preview.contains("BEGIN:VCALENDAR"), "the feed follows")
        let feed = String(decoding: try d.store.feed(wijk: wijk, format: .ics, from: fixedNow).data, as: UTF8.self)
        #expect(feed.contains("SUMMARY:Wandeling Bornsche Beek") && !feed.contains("Koffie bij De Kern"))
        #expect(!preview.contains(Self.annaEmail) && !preview.contains("Anna"), "the data itself is not shown")
    }
}
