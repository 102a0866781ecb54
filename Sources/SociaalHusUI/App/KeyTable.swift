import TerminalKit

/// The key table: every binding the app knows, with its help text in Dutch and English.
/// Screens pick from it; the status bar and the help screen are generated from what they pick.
public enum KeyTable {
    /// The global keys, valid on every screen (unless a text field is being typed in). The tab
    /// keys stay out of the bottom bar: the top bar already shows them as "1 Agenda 2 Prikbord …".
    public static func global(_ lang: LanguageText, intake: Bool = false, moderation: Bool = false, onBehalf: Bool = false) -> [Binding<Action>] {
        // While helping "namens" the way out is on every screen and in the bottom bar.
        let endKey = onBehalf ? [Binding(Action.endOnBehalf, [.ctrl("n")], label: lang.t("Stop namens", "End on behalf"), help: lang.t("Stoppen met helpen namens de bewoner; je bent weer jezelf", "Stop helping on behalf of the resident; you are yourself again"), group: lang.t("Algemeen", "General"))] : []
        let moderationKey = moderation ? [Binding(Action.goModeratie, [.char("7")], label: lang.t("Moderatie", "Moderation"), help: lang.t("Meldingen, delen van de agenda, platform (partners en beheerders)", "Reports, agenda sharing, platform (partners and administrators)"), group: lang.t("Algemeen", "General"), inStatusBar: false)] : []
        let intakeKey = intake ? [Binding(Action.goIntake, [.char("5")], label: "Intake", help: lang.t("Informatie- en adviesgesprekken (baliemedewerkers)", "Intake conversations (desk staff)"), group: lang.t("Algemeen", "General"), inStatusBar: false)] : []
        return [
            Binding(.goAgenda, [.char("1")], label: "Agenda", group: lang.t("Algemeen", "General"), inStatusBar: false),
            Binding(.goPrikbord, [.char("2")], label: lang.t("Prikbord", "Notice board"), group: lang.t("Algemeen", "General"), inStatusBar: false),
            Binding(.goOrganisaties, [.char("3")], label: lang.t("Organisaties", "Organisations"), group: lang.t("Algemeen", "General"), inStatusBar: false),
            Binding(.goProfiel, [.char("4")], label: lang.t("Profiel", "Profile"), group: lang.t("Algemeen", "General"), inStatusBar: false),
        ] + intakeKey + [
            Binding(.goBerichten, [.char("6")], label: lang.t("Berichten", "Messages"), help: lang.t("Je ontvangen en verstuurde berichten", "Your received and sent messages"), group: lang.t("Algemeen", "General"), inStatusBar: false),
        ] + moderationKey + [
        ] + endKey + [
            Binding(.help, [.char("?"), .function(1)], label: "Help", help: lang.t("Alle toetsen van dit scherm", "All keys of this screen"), group: lang.t("Algemeen", "General")),
            // Backspace too where it types nothing (App.handle): under Fenrir Esc stops speech.
            Binding(.back, [.escape, .backspace], label: lang.t("Terug", "Back"), help: lang.t("Terug, annuleren of tekstveld verlaten", "Back, cancel or leave a text field"), group: lang.t("Algemeen", "General"), inStatusBar: false),
            Binding(.privacy, [.ctrl("p")], label: lang.t("Privacyverklaring", "Privacy statement"), help: lang.t("Wat er met je gegevens gebeurt", "What happens to your data"), group: lang.t("Algemeen", "General"), inStatusBar: false),
            Binding(.refresh, [.ctrl("r")], label: lang.t("Vernieuwen", "Refresh"), help: lang.t("Wijzigingen van andere terminals ophalen", "Fetch changes from other terminals"), group: lang.t("Algemeen", "General"), inStatusBar: false),
            Binding(.quit, [.char("q")], label: lang.t("Stoppen", "Quit"), help: lang.t("Programma afsluiten (met bevestiging)", "Quit the program (asks first)"), group: lang.t("Algemeen", "General")),
            Binding(.quit, [.ctrl("c")], label: lang.t("Direct stoppen", "Quit now"), help: lang.t("Direct afsluiten, zonder te vragen", "Quit at once, without asking"), group: lang.t("Algemeen", "General"), inStatusBar: false),
        ]
    }

    /// Moving through a list.
    public static func list(_ lang: LanguageText) -> [Binding<Action>] {
        [
            Binding(.up, [.up, .char("k")], label: lang.t("Omhoog", "Up"), group: lang.t("Lijst", "List"), inStatusBar: false),
            Binding(.down, [.down, .char("j")], label: lang.t("Omlaag", "Down"), group: lang.t("Lijst", "List"), inStatusBar: false),
            Binding(.pageUp, [.pageUp], label: lang.t("Pagina omhoog", "Page up"), group: lang.t("Lijst", "List"), inStatusBar: false),
            Binding(.pageDown, [.pageDown, .char(" ")], label: lang.t("Pagina omlaag", "Page down"), group: lang.t("Lijst", "List"), inStatusBar: false),
            Binding(.first, [.home], label: lang.t("Begin", "First"), help: lang.t("Naar het begin van de lijst", "To the start of the list"), group: lang.t("Lijst", "List"), inStatusBar: false),
            Binding(.last, [.end], label: lang.t("Einde", "Last"), help: lang.t("Naar het einde van de lijst", "To the end of the list"), group: lang.t("Lijst", "List"), inStatusBar: false),
            Binding(.open, [.enter], label: lang.t("Openen", "Open"), group: lang.t("Lijst", "List")),
        ]
    }

    /// Moving through a form.
    public static func form(_ lang: LanguageText) -> [Binding<Action>] {
        [
            Binding(.nextField, [.tab, .down], label: lang.t("Volgend veld", "Next field"), group: lang.t("Formulier", "Form"), inStatusBar: false),
            Binding(.previousField, [.backTab, .up], label: lang.t("Vorig veld", "Previous field"), group: lang.t("Formulier", "Form"), inStatusBar: false),
            Binding(.activate, [.enter], label: lang.t("Kiezen", "Choose"), help: lang.t("Knop indrukken of naar het volgende veld", "Press a button or go to the next field"), group: lang.t("Formulier", "Form")),
            Binding(.toggle, [.char(" ")], label: lang.t("Aan/uit", "On/off"), help: lang.t("Vinkje of keuze wisselen", "Switch a tick box or choice"), group: lang.t("Formulier", "Form"), inStatusBar: false),
        ]
    }

    /// Moving through `form`: inside a text area Enter makes a new line and ↑/↓ move by line, so
    /// the bar says so; Ctrl-S presses the form's first button (save, send, log in) from anywhere.
    public static func form(_ lang: LanguageText, form: Form) -> [Binding<Action>] {
        var b = self.form(lang)
        if form.isEditingArea {
            b = b.map { binding in
                var binding = binding
                switch binding.action {
                case .nextField: binding.keys = [.tab]; binding.inStatusBar = true
                case .previousField: binding.keys = [.backTab]
                case .activate:
                    binding.label = lang.t("Nieuwe regel", "New line")
                    binding.help = lang.t("Nieuwe regel in de tekst (Tab gaat naar het volgende veld)", "New line in the text (Tab goes to the next field)")
                    binding.inStatusBar = false
                default: break
                }
                return binding
            }
        }
        if let submit = form.submitButton {
            b.append(Binding(.submit, [.ctrl("s")], label: submit.label,
                             help: lang.t("\(submit.label) (vanuit elk veld)", "\(submit.label) (from any field)"), group: lang.t("Formulier", "Form")))
        }
        return b
    }

    /// The action bound to `key` in `bindings`, if any.
    public static func action(for key: Key, in bindings: [Binding<Action>]) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// Pairs of bindings that share a key (must be empty for every screen).
    public static func conflicts(_ bindings: [Binding<Action>]) -> [(Key, Action, Action)] {
        var seen: [Key: Action] = [:]
        var out: [(Key, Action, Action)] = []
        for b in bindings {
            for k in b.keys {
                if let other = seen[k], other != b.action { out.append((k, other, b.action)) } else { seen[k] = b.action }
            }
        }
        return out
    }
}
