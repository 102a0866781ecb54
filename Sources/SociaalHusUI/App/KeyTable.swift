import TerminalKit

/// The key table: every binding the app knows, with its help text in Dutch and English.
/// Screens pick from it; the status bar and the help screen are generated from what they pick.
public enum KeyTable {
    /// The global keys, valid on every screen (unless a text field is being typed in). The tab
    /// keys stay out of the bottom bar: the top bar already shows them as "1 Agenda 2 Prikbord …".
    public static func global(_ lang: LanguageText, intake: Bool = false, moderation: Bool = false, onBehalf: Bool = false) -> [Binding<Action>] {
        // While helping "namens" the way out is on every screen and in the bottom bar.
        let endKey = onBehalf ? [Binding.table(Action.endOnBehalf, label: lang.t(.endOnBehalf), help: lang.t(.stopHelpingOnBehalfOf2), group: lang.t(.general))] : []
        let moderationKey = moderation ? [Binding.table(Action.goModeratie, label: lang.t(.moderation), help: lang.t(.reportsAgendaSharingPlatformPartners), group: lang.t(.general), inStatusBar: false)] : []
        let intakeKey = intake ? [Binding.table(Action.goIntake, label: "Intake", help: lang.t(.intakeConversationsDeskStaff), group: lang.t(.general), inStatusBar: false)] : []
        return [
            Binding.table(.goAgenda, label: "Agenda", group: lang.t(.general), inStatusBar: false),
            Binding.table(.goPrikbord, label: lang.t(.noticeBoard), group: lang.t(.general), inStatusBar: false),
            Binding.table(.goOrganisaties, label: lang.t(.organisations2), group: lang.t(.general), inStatusBar: false),
            Binding.table(.goProfiel, label: lang.t(.profile), group: lang.t(.general), inStatusBar: false),
        ] + intakeKey + [
            Binding.table(.goBerichten, label: lang.t(.messages2), help: lang.t(.yourReceivedAndSentMessages), group: lang.t(.general), inStatusBar: false),
        ] + moderationKey + [
        ] + endKey + [
            Binding.table(.help, label: "Help", help: lang.t(.allKeysOfThisScreen), group: lang.t(.general)),
            // Backspace too where it types nothing (App.handle): under Fenrir Esc stops speech.
            Binding.table(.back, label: lang.t(.back), help: lang.t(.backCancelOrLeaveText), group: lang.t(.general), inStatusBar: false),
            Binding.table(.privacy, label: lang.t(.privacyStatement), help: lang.t(.whatHappensToYourData), group: lang.t(.general), inStatusBar: false),
            Binding.table(.refresh, label: lang.t(.refresh), help: lang.t(.fetchChangesFromOtherTerminals), group: lang.t(.general), inStatusBar: false),
            Binding.table(.quit, label: lang.t(.quit), help: lang.t(.quitTheProgramAsksFirst), group: lang.t(.general)),
            Binding(.quit, [.ctrl("c")], label: lang.t(.quitNow), help: lang.t(.quitAtOnceWithoutAsking), group: lang.t(.general), inStatusBar: false),
        ]
    }

    /// Moving through a list.
    public static func list(_ lang: LanguageText) -> [Binding<Action>] {
        [
            Binding.table(.up, label: lang.t(.up), group: lang.t(.list), inStatusBar: false),
            Binding.table(.down, label: lang.t(.down), group: lang.t(.list), inStatusBar: false),
            Binding.table(.pageUp, label: lang.t(.pageUp), group: lang.t(.list), inStatusBar: false),
            Binding.table(.pageDown, label: lang.t(.pageDown), group: lang.t(.list), inStatusBar: false),
            Binding.table(.first, label: lang.t(.first), help: lang.t(.toTheStartOfThe), group: lang.t(.list), inStatusBar: false),
            Binding.table(.last, label: lang.t(.last), help: lang.t(.toTheEndOfThe), group: lang.t(.list), inStatusBar: false),
            Binding.table(.open, label: lang.t(.openText), group: lang.t(.list)),
        ]
    }

    /// Moving through a list; Enter (open) only when the list holds something to open.
    public static func list(_ lang: LanguageText, empty: Bool) -> [Binding<Action>] {
        list(lang).filter { !(empty && $0.action == .open) }
    }

    /// Moving through a form.
    public static func form(_ lang: LanguageText) -> [Binding<Action>] {
        [
            Binding.table(.nextField, label: lang.t(.nextField), group: lang.t(.form), inStatusBar: false),
            Binding.table(.previousField, label: lang.t(.previousField), group: lang.t(.form), inStatusBar: false),
            Binding.table(.activate, label: lang.t(.choose), help: lang.t(.pressButtonOrGoTo), group: lang.t(.form)),
            Binding.table(.toggle, label: lang.t(.onOff), help: lang.t(.switchTickBoxOrChoice), group: lang.t(.form), inStatusBar: false),
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
                    binding.label = lang.t(.newLine)
                    binding.help = lang.t(.newLineInTheText)
                    binding.inStatusBar = false
                default: break
                }
                return binding
            }
        }
        if let submit = form.submitButton {
            b.append(Binding.table(.submit, label: submit.label,
                             help: lang.t(.fromAnyField(submit.label)), group: lang.t(.form)))
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
