import Foundation
import SociaalHusCore
import TerminalKit

/// What screens need: the store, the language, who is logged in, and a way to navigate.
public final class UIContext {
    /// The store.
    public let store: Store
    /// Language picker.
    public var lang: LanguageText
    /// The logged-in account, if any (while helping "namens": the resident helped).
    public var session: AccountID?
    /// While a desk member acts for the resident at the desk ("namens"): the core's record of
    /// the resident's agreement. The desk member's own session comes back when it ends.
    public internal(set) var onBehalf: OnBehalf?
    /// The message line.
    public var message: StatusMessage?
    /// Folder where exports are written by default.
    public var exportDirectory: String
    /// The keys file's rebinding (none by default).
    public var keyMap = KeyMap()
    /// Served to others (`--shared`, the SSH recipe): nothing a person types names a file on
    /// this computer. A data export goes by e-mail to the person's own address, and a photo
    /// cannot be chosen by path (the administrator sets it: `sociaalhus account photo`).
    public var shared = false
    /// A visitor's proof of an address (a mailed code, or the desk's check in person), for this
    /// session only: in memory, never in the store, and ended when someone logs in or out, or at
    /// the idle logout (see `VisitorProof`).
    public let visitorProof: VisitorProof
    /// Navigation requests, carried out by the app after the key is handled.
    var requests: [NavigationRequest] = []

    /// Creates a context.
    public init(store: Store, language: Language, exportDirectory: String) {
        self.store = store
        self.lang = LanguageText(language)
        self.exportDirectory = exportDirectory
        visitorProof = VisitorProof(clock: store.clock)
    }

    /// How the first key of `action` is written now, after the user's keys file ("f", "Ctrl-R"),
    /// for a text that names it: a sentence never names a key the keys file has moved.
    public func key(_ action: Action) -> String { keyNames(action).first ?? "" }

    /// Every key of `action` now, as the help writes them ("PgUp/[").
    public func keys(_ action: Action) -> String { keyNames(action).joined(separator: "/") }

    /// The key named for "yes" where a screen asks: the table's confirm key that is the
    /// language's own word's first letter where it has one (j for ja, y for yes).
    public var yesKey: String {
        let keys = keyMap.keys(for: .confirm)
        let own: Key = .char(lang.language == .english ? "y" : "j")
        return (keys.contains(own) ? own : keys.first)?.name(english: lang.language == .english) ?? ""
    }

    /// The keys named for "no" where a screen asks ("n of Esc").
    public var noKeys: String { keyNames(.cancel).joined(separator: t(.orWord)) }

    /// The names of `action`'s keys in force, in the interface language.
    private func keyNames(_ action: Action) -> [String] {
        Self.keyNames(action, in: keyMap, english: lang.language == .english)
    }

    /// The names of `action`'s keys in `map` ("PgUp", "[" ; "Spatie" or "Space").
    private static func keyNames(_ action: Action, in map: KeyMap, english: Bool) -> [String] {
        map.keys(for: action).map { $0.name(english: english) }
    }

    /// Whether `key` says yes where a screen asks: a confirm key of the table, in either case.
    public func saysYes(_ key: Key) -> Bool {
        let keys = keyMap.keys(for: .confirm)
        if keys.contains(key) { return true }
        if case .char(let c) = key, let lower = c.lowercased().first { return keys.contains(.char(lower)) }
        return false
    }

    /// The text of `word` in the interface language.
    public func t(_ word: Word) -> String {
        let map = keyMap, english = lang.language == .english
        return KeyName.$namer.withValue(KeyNamer { name in Action(rawValue: name).flatMap { Self.keyNames($0, in: map, english: english).first } }) {
            lang.t(word)
        }
    }

    /// The interface language.
    public var language: Language { lang.language }

    /// The logged-in account as the store knows it now (nil when logged out or erased), without
    /// its password hash: the core hands a screen only the session owner's own record.
    public var account: Account? { session.flatMap { store.ownAccount($0) } }

    /// Who is looking: every screen asks the core's rules with this. While helping "namens":
    /// the resident with the helper, as the core reads them now (past its time, the core refuses
    /// every change, and the app ends it within a second).
    public var viewer: Viewer {
        if let o = onBehalf { return .onBehalf(store.onBehalfNow(o) ?? o) }
        return account.map { .account($0) } ?? .visitor
    }

    /// "namens Anna de Vries": the name of the resident helped, while helping.
    public var onBehalfName: String? { onBehalf.map { (store.onBehalfNow($0) ?? $0).resident.profile.displayName } }

    /// True when the logged-in account may work with intake records (desk staff, administrators).
    public var handlesIntakes: Bool { Permissions.denial(.handleIntakes, by: viewer) == nil }

    /// The current moment.
    public var now: Date { store.clock.now() }

    /// Shows an information line.
    public func inform(_ text: String) { message = StatusMessage(text) }

    /// Shows an error line.
    public func fail(_ text: String) { message = StatusMessage(text, isError: true) }

    /// Shows a core error in the interface language.
    public func fail(_ error: Error) {
        if let e = error as? CoreError { fail(t(e.word)) } else { fail("\(error)") }
    }

    /// Opens a screen on top of the current one.
    public func push(_ screen: Screen) { requests.append(.push(screen)) }

    /// Closes the current screen.
    public func pop() { requests.append(.pop) }

    /// Logs in (replaces every tab's screens, so nothing of the visitor view lingers).
    public func logIn(_ id: AccountID) { requests.append(.login(id)) }

    /// Starts acting for the resident who agreed (`Store.startOnBehalf`): every screen is
    /// cleared, as at a login, so nothing of the desk's own work stays on screen.
    public func startOnBehalf(_ o: OnBehalf) { requests.append(.startOnBehalf(o)) }

    /// Ends acting for the resident: every screen cleared, the desk member's own session back.
    public func endOnBehalf() { requests.append(.endOnBehalf) }

    /// Logs out and clears every screen; asks first when typed input would be lost, unless
    /// `force` (the account is gone, so nothing is left to keep).
    public func logOut(force: Bool = false) { requests.append(.logout(force: force)) }

    /// Switches tab.
    public func show(_ tab: Tab) { requests.append(.tab(tab)) }

    /// Asks before an act: the app shows one dialog naming `what` goes, then `undo` (how it can
    /// be undone; nil says it cannot, so a dialog never promises more, nor less, than is true);
    /// `j`/`y` runs `perform`, any other key (Esc, n, Enter) does nothing.
    public func confirm(_ what: String, undo: String? = nil, perform: @escaping () -> Void) {
        requests.append(.confirm(what, undo: undo, perform))
    }
}

/// What a screen can ask the app to do.
enum NavigationRequest {
    case push(Screen), pop, login(AccountID), logout(force: Bool), tab(Tab), confirm(String, undo: String?, () -> Void)
    case startOnBehalf(OnBehalf), endOnBehalf
}

/// The main screens; intake only for desk staff and administrators. The number key of a tab is
/// its raw value plus one (intake 5, berichten 6).
public enum Tab: Int, CaseIterable, Sendable {
    case agenda, prikbord, organisaties, profiel, intake, berichten, moderatie

    /// The action of the key that goes to this tab.
    public var action: Action {
        switch self {
        case .agenda: .goAgenda
        case .prikbord: .goPrikbord
        case .organisaties: .goOrganisaties
        case .profiel: .goProfiel
        case .intake: .goIntake
        case .berichten: .goBerichten
        case .moderatie: .goModeratie
        }
    }

    /// The tabs `viewer` sees in the top bar and can reach with a key.
    public static func visible(to viewer: Viewer) -> [Tab] {
        allCases.filter { t in
            switch t {
            case .intake: Permissions.denial(.handleIntakes, by: viewer) == nil
            case .moderatie: moderates(viewer)
            default: true
            }
        }
    }

    /// True for administrators and local partners: they have the moderation tab.
    public static func moderates(_ viewer: Viewer) -> Bool {
        Permissions.denial(.openModeration, by: viewer) == nil
    }

    /// The name in the top bar.
    public func name(_ l: LanguageText) -> String {
        switch self {
        case .agenda: "Agenda"
        case .prikbord: l.t(.noticeBoard)
        case .organisaties: l.t(.organisations2)
        case .profiel: l.t(.profile)
        case .intake: "Intake"
        case .berichten: l.t(.messages2)
        case .moderatie: l.t(.moderation)
        }
    }
}
