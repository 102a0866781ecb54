import Foundation
import SociaalHusCore
import TerminalKit

/// The whole interface as a state machine: keys in, grids out. No ncurses here, so every
/// screen and every flow can be tested in memory.
public final class App {
    /// Smallest size at which the screens work; below it a plain "window too small" message.
    public static let minimumSize = Size(cols: 60, rows: 20)
    /// Most screens open on one tab: links between screens (an activity's organisation, its
    /// activities…) can lead on forever, and every screen kept holds what it read.
    public static let maximumStackDepth = 16

    /// Screens, language, session and store.
    public let ctx: UIContext
    /// The tab in front.
    public private(set) var tab: Tab = .agenda
    /// False once the user confirmed quitting.
    public private(set) var running = true
    /// Seconds without keys before a logged-in session is warned (default 10 minutes).
    public var idleTimeout: TimeInterval
    /// Seconds between the warning and the automatic logout (at least 20).
    public let idleGrace: TimeInterval
    private var stacks: [Tab: [Screen]] = [:]
    private var modal: Modal?
    /// True once a form with input was told another terminal changed the store (said once).
    private var changedWhileTyping = false
    private var lastKey: Date
    private let makeRoot: (Tab, UIContext) -> Screen
    /// Collections another terminal changed that `poll` read while keys kept coming: the next
    /// idle tick still shows them (a refresh reports a change once).
    private var changesNotShown: Set<CollectionName> = []
    /// True while the message line shows a message that came with the last key or tick: the
    /// cursor then sits on the message, and the next key gives it back to the focused element
    /// (see `render`).
    public private(set) var cursorOnMessage = false
    /// Set when a key's handling cleared the message line (so a message there now is new).
    private var messageCleared = false

    enum Modal {
        case help(offset: Int)
        case confirmQuit
        case confirmDiscard(then: AfterDiscard)
        case confirmLogout
        /// What goes, the line saying whether it can be undone (nil: it cannot), and the act.
        case confirmAction(String, undo: String?, () -> Void)
        case idleWarning(deadline: Date)
        /// The session was ended for the person (blocked or erased elsewhere): why, and whom to
        /// ask. Any key closes it.
        case sessionEnded(title: String, lines: [String])
    }

    /// What happens once typed input is given up.
    enum AfterDiscard {
        /// Esc: close the form.
        case back
        /// Ctrl-R: read the store again.
        case reload
    }

    /// The size of the last frame drawn: keys are only acted on when it was big enough to show
    /// the screen they act on.
    public private(set) var drawnSize: Size?

    /// True when the last frame was the "window too small" or "window too large" message
    /// (keys then do nothing).
    public var isWindowUnusable: Bool {
        guard let s = drawnSize else { return false }
        return s.cols < Self.minimumSize.cols || s.rows < Self.minimumSize.rows || s.exceedsLargest
    }

    /// Creates the app; `makeRoot` builds the first screen of each tab.
    public init(context: UIContext, idleTimeout: TimeInterval = 600, idleGrace: TimeInterval = 30,
                makeRoot: @escaping (Tab, UIContext) -> Screen = RootScreens.make) {
        ctx = context
        self.idleTimeout = idleTimeout
        self.idleGrace = max(idleGrace, 20)
        self.makeRoot = makeRoot
        lastKey = context.now
        resetScreens()
        // A message given before the first frame (a theme or keys file error, the demo hint) is
        // read first, as any new message is.
        cursorOnMessage = context.message != nil
    }

    /// The screen in front.
    public var current: Screen { currentStack.last! }

    /// How many sessions have ended (logged out by key, idle or elsewhere; helping "namens"
    /// over): the run loop clears the terminal, scrollback included, when it changes.
    public private(set) var sessionsEnded = 0

    /// True when the screen in front is its tab's first (nothing to go back to).
    var isFirstScreen: Bool { currentStack.count == 1 }

    /// True while a dialog is open.
    public var hasModal: Bool { modal != nil }

    /// What the open dialog waits for, so plain mode can ask it as a question.
    public enum DialogAnswer: Sendable {
        /// j or n: what the dialog asks is done only on yes.
        case yesNo
        /// Any key closes it (a notice, the idle warning).
        case anyKey
        /// The help: its own keys scroll it, any other closes it.
        case help
    }

    /// What the open dialog waits for; nil without one.
    public var dialogAnswer: DialogAnswer? {
        switch modal {
        case nil: nil
        case .help: .help
        case .confirmQuit, .confirmDiscard, .confirmLogout, .confirmAction: .yesNo
        case .idleWarning, .sessionEnded: .anyKey
        }
    }

    /// Goes to `tab` as its key does (a tab the viewer may not see stays closed), also from a
    /// text field: plain mode's `!prikbord` while a question waits.
    public func go(to tab: Tab) {
        guard modal == nil, !isWindowUnusable else { return }
        lastKey = ctx.now
        defer { endSessionIfRevoked() }
        ctx.message = nil
        perform(tab.action)
        carryOut()
    }

    /// Only the tab in front gets its screen now; the others when first opened, so starting
    /// (and logging in or out) reads only what the first screen shows.
    private func resetScreens() {
        stacks = [:]
        stacks[tab] = [makeRoot(tab, ctx)]
    }

    /// The screens of the tab in front (its root made when the tab is first opened).
    private var currentStack: [Screen] {
        get {
            if stacks[tab] == nil { stacks[tab] = [makeRoot(tab, ctx)] }
            return stacks[tab]!
        }
        set { stacks[tab] = newValue }
    }

    /// Every binding valid now: the screen's own, then the global ones.
    public func activeBindings() -> [Binding<Action>] {
        var b = ctx.keyMap.apply(current.bindings(ctx))
        // (The privacy statement's own key is not offered on it: it is already in front.)
        let global = globalBindings().filter { g in !b.contains { $0.action == g.action } && !(g.action == .privacy && current is PrivacyScreen) }
        b += global
        return b
    }

    /// The global keys, with the keys file's rebinding.
    private func globalBindings() -> [Binding<Action>] {
        ctx.keyMap.apply(KeyTable.global(ctx.lang, intake: ctx.handlesIntakes, moderation: Tab.moderates(ctx.viewer), onBehalf: ctx.onBehalf != nil))
    }

    /// The bindings that work with the next key: while a text field has focus, letters and
    /// digits are typed, so only the keys that are not characters are shown (F1 for help).
    public func usableBindings() -> [Binding<Action>] {
        let onChoice = current.focusIsOnChoice
        guard current.capturesText || onChoice else { return activeBindings() }
        let own = Set(current.bindings(ctx).map(\.action))
        return activeBindings().compactMap { b in
            var b = b
            // On a tick box or a row of options the screen's own letters do nothing (the form's
            // own keys and the global ones, the tabs and help, still work).
            let works = onChoice && (!own.contains(b.action) || Self.choiceActions.contains(b.action))
            b.keys = b.keys.filter { if case .char = $0 { return works } else { return true } }
            return b.keys.isEmpty ? nil : b
        }
    }

    /// The actions of the screen whose character keys still work while a tick box or a row of
    /// options has focus: those of the form itself.
    static let choiceActions: Set<Action> = [.toggle, .activate, .nextField, .previousField, .submit]

    /// The keys the bottom bar offers: those usable now, with Esc among them (just before help)
    /// wherever it does something: back to the screen below, or out of a text field on a
    /// first screen (so the tab keys and q work again).
    func statusBarBindings() -> [Binding<Action>] {
        var b = usableBindings()
        let goesBack = currentStack.count > 1
        guard goesBack || current.capturesText || current.focusIsOnChoice, let i = b.firstIndex(where: { $0.action == .back }) else { return b }
        var back = b.remove(at: i)
        back.inStatusBar = true
        if !goesBack { back.label = ctx.t(.leaveField) }
        b.insert(back, at: b.firstIndex { $0.action == .help } ?? b.endIndex)
        return b
    }

    // MARK: Keys

    /// Handles one key press. A message it leaves on the message line takes the cursor for the
    /// next frame; any other key gives the cursor back to the focused element.
    public func handle(_ key: Key) {
        let before = ctx.message
        if key == .resize {
            // Not a key of the person's: whatever holds the cursor keeps it (a session ended
            // elsewhere is still noticed, as at any key).
            lastKey = ctx.now
            endSessionIfRevoked()
            noteNewMessage(since: before)
            return
        }
        messageCleared = false
        handleKeyPress(key)
        cursorOnMessage = ctx.message != nil && (messageCleared || ctx.message != before)
    }

    private func handleKeyPress(_ key: Key) {
        lastKey = ctx.now
        // A key that read the store again (a tab, Esc, Ctrl-R) may show the account blocked or
        // erased elsewhere: then the session ends before anything else is shown.
        defer { endSessionIfRevoked() }
        if key == .ctrl("c") {
            // Ctrl-C stops at once, as everywhere in a terminal; the caller restores the terminal.
            suspendAll()
            running = false
            return
        }
        // Nobody can see what a key would do on a screen that is not drawn.
        if isWindowUnusable { return }
        if let modal {
            handleModal(modal, key)
            return
        }
        ctx.message = nil
        messageCleared = true
        let screen = current
        if screen.capturesText, isTyping(key) || (screen.capturesLines && isLineKey(key)), screen.handleKey(key, ctx) {
            carryOut()
            return
        }
        let own = ctx.keyMap.apply(screen.bindings(ctx))
        if let choice = screen.focusedChoice, case .char = key, KeyTable.action(for: key, in: own).map({ !Self.choiceActions.contains($0) })
            ?? (KeyTable.action(for: key, in: globalBindings()) == nil) {
            // On a tick box or a row of options a letter of the screen's is no shortcut: someone
            // typing a path there, thinking it a text field, opened another screen through a
            // letter. The form may take it (x ticks); the tabs, help and quit still work.
            if !screen.handleKey(key, ctx) {
                ctx.inform(choice == .tickBox ? ctx.t(.lettersDoNothingOnATickBox(ctx.key(.toggle), ctx.key(.nextField)))
                                              : ctx.t(.lettersDoNothingOnAChoice(ctx.key(.nextField))))
            }
            carryOut()
            return
        }
        if key == .backspace, !screen.capturesText, KeyTable.action(for: .backspace, in: own) == nil,
           KeyTable.action(for: .backspace, in: globalBindings()) == .back {
            // Fenrir, a console screen reader, keeps Esc for "stop speech": where Backspace
            // types nothing and the screen has no use for it, it goes back as Esc does, through
            // the screen's own Esc (a search cleared, a question answered no). A keys
            // file that moves "back" moves this too.
            return handleKeyPress(.escape)
        }
        if !ctx.keyMap.keys.isEmpty, let (k, a, b) = KeyTable.conflicts(own + globalBindings()).first(where: { $0.0 == key }) {
            // A keys file gave this key to two actions offered here (its check cannot know every
            // screen): say so rather than do one of them silently.
            ctx.fail(ctx.t(.theKeyDoesTwoThings(InLanguage { k.name(english: $0 == .english) }, a.rawValue, b.rawValue)))
            carryOut()
            return
        }
        if let action = KeyTable.action(for: key, in: own) {
            screen.handle(action, ctx)
        } else if let action = KeyTable.action(for: key, in: globalBindings()), !(screen.capturesText && isPrintable(key)) {
            perform(action)
        } else if !screen.handleKey(key, ctx), case .char = key {
            ctx.inform(ctx.t(.thisKeyDoesNothingHere(ctx.key(.help))))
        }
        carryOut()
    }

    private func isPrintable(_ key: Key) -> Bool {
        if case .char = key { return true }
        return false
    }

    private func isTyping(_ key: Key) -> Bool {
        switch key {
        case .char, .backspace, .delete, .left, .right, .home, .end, .ctrl("a"), .ctrl("e"), .ctrl("u"), .ctrl("w"), .ctrl("k"): true
        default: false
        }
    }

    /// Keys a text area uses for itself: a new line and moving between its lines.
    private func isLineKey(_ key: Key) -> Bool {
        switch key {
        case .enter, .up, .down, .pageUp, .pageDown: true
        default: false
        }
    }

    private func perform(_ action: Action) {
        switch action {
        case .goAgenda: switchTo(.agenda)
        case .goPrikbord: switchTo(.prikbord)
        case .goOrganisaties: switchTo(.organisaties)
        case .goProfiel: switchTo(.profiel)
        case .goIntake: if ctx.handlesIntakes { switchTo(.intake) }
        case .goBerichten: switchTo(.berichten)
        case .goModeratie: if Tab.moderates(ctx.viewer) { switchTo(.moderatie) }
        case .help: modal = .help(offset: 0)
        case .privacy:
            // Already in front: pressing it again opens no second copy. Otherwise through the
            // same door as every screen, so the limit on screens holds (the caller carries it out).
            if !(current is PrivacyScreen) { ctx.push(PrivacyScreen()) }
        case .quit: modal = .confirmQuit
        case .endOnBehalf:
            guard let o = ctx.onBehalf else { break }
            let name = TextSanitizer.sanitize(o.resident.profile.displayName)
            let unsaved = unsavedPlaces()
            if unsaved.isEmpty {
                endOnBehalfNow(.ended)
                ctx.inform(ctx.t(.helpingOnBehalfOfHas(name)))
            } else {
                // Ending clears every screen of the resident: ask first, naming where the typing is.
                modal = .confirmAction(ctx.t(.stopHelpingOnBehalfOf(name)) + unsaved.joined(separator: ", "),
                                       undo: nil, { [weak self] in
                                           self?.endOnBehalfNow(.ended)
                                           self?.ctx.inform(self?.ctx.t(.helpingOnBehalfOfHas2(name)) ?? "")
                                       })
            }
        case .refresh:
            // Reading again throws away what was typed: one key, so ask first.
            if current.hasUnsavedInput && current.reloadDiscardsInput { modal = .confirmDiscard(then: .reload) } else { reload() }
        case .back:
            if currentStack.count > 1 {
                if current.hasUnsavedInput { modal = .confirmDiscard(then: .back) } else { popScreen() }
            } else if current.capturesText || current.focusIsOnChoice {
                // On a first screen Esc leaves the text field or choice, so 1–4 and q work
                // again: no keyboard trap.
                _ = current.handleKey(.escape, ctx)
            }
        default: break
        }
    }

    /// Ctrl-R: reads the store again and the screen in front with it, typed input given up.
    private func reload() {
        changedWhileTyping = false
        do {
            try ctx.store.refresh()
            current.reloadDiscardingInput(ctx)
            ctx.inform(ctx.t(.refreshed))
        } catch { ctx.fail(error) }
    }

    private func switchTo(_ t: Tab) {
        let left = tab
        // The tab keeps its screens: what was typed is still there on coming back. Say so.
        let keptInput = t != tab && currentStack.contains(where: \.hasUnsavedInput)
        if t != tab { current.willDisappear(ctx) }
        tab = t
        try? ctx.store.refresh()
        current.willAppear(ctx)
        if keptInput {
            ctx.inform(ctx.t(.yourUnsavedInputInIs(left.name(ctx.lang), left.rawValue + 1)))
        }
    }

    private func popScreen() {
        if currentStack.count > 1 { currentStack.removeLast().willDisappear(ctx) }
        try? ctx.store.refresh()
        current.willAppear(ctx)
    }

    private func handleModal(_ m: Modal, _ key: Key) {
        switch m {
        case .help(let offset):
            switch key {
            case .down, .char("j"): modal = .help(offset: offset + 1)
            case .up, .char("k"): modal = .help(offset: max(offset - 1, 0))
            case .pageDown, .char(" "): modal = .help(offset: offset + 10)
            case .pageUp: modal = .help(offset: max(offset - 10, 0))
            case .home: modal = .help(offset: 0)
            case .end: modal = .help(offset: Int.max / 2)
            default: modal = nil
            }
        case .confirmQuit:
            switch key {
            case _ where ctx.saysYes(key) || key == .enter: suspendAll(); running = false; modal = nil
            default: modal = nil
            }
        case .confirmDiscard(let then):
            modal = nil
            switch key {
            case _ where ctx.saysYes(key):
                switch then {
                case .back: popScreen()
                case .reload: reload(); carryOut()
                }
            default: break
            }
        case .sessionEnded:
            // Any key closes it; the message line keeps the short version.
            modal = nil
        case .confirmAction(_, _, let perform):
            modal = nil
            switch key {
            case _ where ctx.saysYes(key): perform(); carryOut()
            default: ctx.inform(ctx.t(.nothingDone))
            }
        case .confirmLogout:
            switch key {
            case _ where ctx.saysYes(key):
                modal = nil
                logOutNow()
                ctx.inform(ctx.t(.youAreLoggedOut))
            default: modal = nil
            }
        case .idleWarning:
            // Any key keeps the session.
            modal = nil
        }
    }

    private func carryOut() {
        while !ctx.requests.isEmpty {
            let r = ctx.requests.removeFirst()
            switch r {
            case .push(let s):
                guard currentStack.count < Self.maximumStackDepth else {
                    ctx.message = StatusMessage(ctx.t(.tooManyScreensOpenGo(Self.maximumStackDepth, ctx.key(.back))), isError: true)
                    continue
                }
                currentStack.append(s)
                s.willAppear(ctx)
            case .pop: popScreen()
            case .tab(let t): switchTo(t)
            case .startOnBehalf(let o):
                // The desk's own screens are told while the session is still the desk's (a
                // half-filled intake is kept as its draft), then cleared: nothing of another
                // person's conversation stays on screen for the resident, nor the other way round.
                suspendAll()
                ctx.onBehalf = o
                ctx.session = o.resident.id
                ctx.visitorProof.forget()
                let keep = ctx.message
                tab = .profiel
                resetScreens()
                ctx.message = keep
            case .endOnBehalf:
                perform(.endOnBehalf)
                if modal != nil { ctx.requests.removeAll(); return }
            case .login(let id):
                ctx.session = id
                ctx.visitorProof.forget()
                let keep = ctx.message
                resetScreens()
                ctx.message = keep
            case .confirm(let what, let undo, let perform):
                modal = .confirmAction(what, undo: undo, perform)
                ctx.requests.removeAll()
                return
            case .logout(let force):
                if !force && !unsavedPlaces().isEmpty {
                    // Logging out clears every screen: ask first, naming where the typing is.
                    modal = .confirmLogout
                    ctx.message = nil
                    ctx.requests.removeAll()
                    return
                }
                logOutNow()
            }
        }
    }

    private func logOutNow() {
        sessionsEnded += 1
        suspendAll()
        // Logging out ends helping too (the desk member's own session with it).
        if let o = ctx.onBehalf { try? ctx.store.perform(.endOnBehalf(o, .logout), as: ctx.viewer) }
        ctx.onBehalf = nil
        ctx.session = nil
        ctx.visitorProof.forget()
        resetScreens()
        tab = .agenda
    }

    /// Ends helping "namens": the resident's screens are told and cleared, the end is logged in
    /// the resident's log, and the desk member's own session comes back on the Intake tab.
    private func endOnBehalfNow(_ how: OnBehalf.Ending) {
        guard let o = ctx.onBehalf else { return }
        sessionsEnded += 1
        suspendAll()
        try? ctx.store.perform(.endOnBehalf(o, how), as: ctx.viewer)
        ctx.onBehalf = nil
        ctx.session = o.helper.id
        ctx.visitorProof.forget()
        tab = ctx.handlesIntakes ? .intake : .agenda
        resetScreens()
    }

    /// Ends the session without asking (the connection dropped): every open screen is told, as at
    /// logging out, so a half-filled intake is kept as the staff member's draft.
    public func hangUp() {
        suspendAll()
        running = false
    }

    /// "Profiel › Profiel, Prikbord › Nieuw bericht": where typed input has not been saved.
    public func unsavedPlaces() -> [String] {
        places(where: \.hasUnsavedInput)
    }

    /// The open screens for which `test` holds, named by tab and title.
    private func places(where test: (Screen) -> Bool) -> [String] {
        Tab.allCases.flatMap { t in
            (stacks[t] ?? []).filter(test).map { "\(t.name(ctx.lang)) › \($0.title(ctx))" }
        }
    }

    /// Tells every open screen it is about to go, while the session is still there, so a
    /// half-filled intake form is kept as the staff member's draft.
    private func suspendAll() {
        for t in Tab.allCases { for s in stacks[t] ?? [] { s.willDisappear(ctx) } }
    }

    // MARK: Time

    /// True while the session holds someone: a logged-in account, or a visitor's code or proven
    /// address (`VisitorProof`), which the idle logout closes the same way.
    public var holdsSomeone: Bool { ctx.session != nil || ctx.visitorProof.isOpen }

    /// Called when no key came for a while (about once a second): shows what other terminals
    /// changed, ends a session whose account was blocked or erased there, and warns before,
    /// and performs, the automatic logout.
    public func tick() {
        let before = ctx.message
        defer { noteNewMessage(since: before) }
        liveRefresh()
        guard holdsSomeone else { return }
        let now = ctx.now
        if case .idleWarning(let deadline) = modal {
            if now >= deadline { autoLogout() }
            return
        }
        if now.timeIntervalSince(lastKey) >= idleTimeout {
            modal = .idleWarning(deadline: now.addingTimeInterval(idleGrace))
        }
    }

    /// Live between terminals: when another process changed the store, the screen
    /// in front reads again, within a second and without a key. A form with typed input is
    /// never overwritten: it says another terminal changed something, and Ctrl-R reloads. A
    /// session whose account was blocked or erased there ends first (nothing is read for it).
    func liveRefresh() {
        // (A post placed elsewhere does not make the agenda read its weeks again: under the load
        // of a hundred terminals that was a listing per terminal per post.)
        let fresh = try? ctx.store.refreshChanges()
        // First whether the session still holds: a blocked account's screens are not read again.
        let held = ctx.session
        endSessionIfRevoked()
        guard var changed = fresh, held == ctx.session else { return }
        changed.formUnion(changesNotShown)
        changesNotShown = []
        guard !changed.isEmpty, current.refreshesLive,
              current.livesOn.map({ !$0.isDisjoint(with: changed) }) ?? true else { return }
        if current.hasUnsavedInput {
            if !changedWhileTyping && current.inputOutdated(by: changed, ctx) {
                changedWhileTyping = true
                ctx.inform(ctx.t(.changedBySomeoneElseAt(ctx.key(.refresh), ctx.key(.back))))
            }
        } else {
            changedWhileTyping = false
            current.willAppear(ctx)
        }
    }

    /// A message that came without a key (an automatic logout, a change at another terminal, a
    /// session ended elsewhere) takes the cursor as one that came with a key; one already shown
    /// keeps what it had.
    private func noteNewMessage(since before: StatusMessage?) {
        if ctx.message != nil && ctx.message != before { cursorOnMessage = true }
    }

    /// Seconds until the automatic logout while the countdown is shown.
    public var idleSecondsLeft: Int? {
        if case .idleWarning(let deadline) = modal { return max(Int(deadline.timeIntervalSince(ctx.now).rounded(.up)), 0) }
        return nil
    }

    /// The seconds the countdown shows for `left`: rounded up to a step of 10 ("binnen 30
    /// seconden"), so the dialog changes three times, not thirty. A screen reader speaks text
    /// that changes (Fenrir does, and a braille display flashes the line): a number redrawn every
    /// second was read out every second, over whatever the person was trying to hear.
    static func countdownStep(_ left: Int) -> Int {
        left <= 0 ? 0 : (left + 9) / 10 * 10
    }

    /// True while the idle countdown is shown (the dialog changes only at its steps).
    public var isCountingDown: Bool {
        if case .idleWarning = modal { return true }
        return false
    }

    /// Called by the run loop about once a second while keys keep coming (so no idle tick
    /// runs): reads what other terminals changed, to be shown at the next tick, so a block or
    /// an erasure elsewhere still ends this session within two seconds of typing.
    public func poll() {
        let before = ctx.message
        defer { noteNewMessage(since: before) }
        if let changed = try? ctx.store.refreshChanges() { changesNotShown.formUnion(changed) }
        endSessionIfRevoked()
    }

    /// Ends the session at once when its account was blocked or erased elsewhere (an
    /// administrator at another terminal, `sociaalhus account block`, the person at another
    /// terminal): the same logout as the idle one, so every open screen is told first and keeps
    /// what the core still lets it keep; then a dialog says why and whom to ask. The reason an
    /// administrator gave is not shown: the dialog stays on a shared terminal after the person
    /// may have gone, and the reason is theirs (the desk can tell them).
    func endSessionIfRevoked() {
        guard running else { return }
        // Helping "namens" ends first at its 30 minutes, or when either account changed (blocked,
        // erased, a role): the desk member's own session comes back, and then is checked itself.
        if let o = ctx.onBehalf, ctx.store.onBehalfNow(o) == nil {
            let timeUp = ctx.now >= o.ends
            let name = TextSanitizer.sanitize(o.resident.profile.displayName)
            let lost = places(where: \.hasTypedInput)
            modal = nil
            endOnBehalfNow(timeUp ? .time : .ended)
            var lines = [timeUp
                ? ctx.t(.helpingOnBehalfOfHas3(name, Int(OnBehalf.limit / 60)))
                : ctx.t(.helpingOnBehalfOfHas4(name))]
            if !lost.isEmpty { lines.append(ctx.t(.notKept) + lost.joined(separator: ", ")) }
            modal = .sessionEnded(title: ctx.t(.helpingEnded), lines: lines)
            ctx.message = StatusMessage(ctx.t(.helpingOnBehalfOfHas2(name)))
        }
        guard let id = ctx.session else { return }
        let account = ctx.store.ownAccount(id)
        guard account?.blocked ?? true else { return }
        let erased = account == nil
        // What was typed and is not kept: a blocked or erased account may no longer write, not
        // even a draft of a conversation.
        let lost = places(where: \.hasTypedInput)
        modal = nil
        logOutNow()
        var lines = erased
            ? [ctx.t(.yourAccountNoLongerExists)]
            : [ctx.t(.yourAccountWasBlockedBy),
               ctx.t(.wantToKnowWhyOr)]
        if !lost.isEmpty {
            lines.append(ctx.t(.notKept) + lost.joined(separator: ", "))
        }
        modal = .sessionEnded(title: ctx.t(.loggedOut), lines: lines)
        // After the dialog is closed the message line still says it, until the next key.
        ctx.message = StatusMessage(erased
            ? ctx.t(.loggedOutYourAccountNo)
            : ctx.t(.loggedOutYourAccountIs))
    }

    /// True while the dialog saying the session was ended (blocked or erased) is shown.
    public var isShowingSessionEnd: Bool {
        if case .sessionEnded = modal { return true }
        return false
    }

    private func autoLogout() {
        modal = nil
        let lost = unsavedPlaces()
        let visitor = ctx.session == nil
        logOutNow()
        // Nobody is there to ask, and on a shared terminal the typing must not stay on screen;
        // the warning named it, and the message says what was not kept.
        let text = visitor
            ? ctx.t(.myDataAsVisitorWas)
            : lost.isEmpty
            ? ctx.t(.youWereLoggedOutAutomatically)
            : ctx.t(.youWereLoggedOutAutomatically2(lost.joined(separator: ", ")))
        ctx.message = StatusMessage(text)
    }

    // MARK: Drawing

    /// Draws everything for a terminal of `size`.
    public func render(size: Size) -> Grid {
        drawnSize = size
        if size.exceedsLargest {
            // Drawn in the small frame served for it, never at what the terminal claims.
            let largest = Size.largest
            return sizeMessage(size: size.served, [
                ctx.t(.windowTooLarge),
                ctx.t(.atMostNowMakeThe(largest.cols, largest.rows, size.cols, size.rows))])
        }
        guard size.cols >= Self.minimumSize.cols, size.rows >= Self.minimumSize.rows else {
            return sizeMessage(size: size, [
                ctx.t(.windowTooSmall),
                ctx.t(.atLeastNow(Self.minimumSize.cols, Self.minimumSize.rows, size.cols, size.rows)),
                // The way in that needs no size (a magnifier at a large zoom, a braille terminal).
                ctx.t(.orStartSociaalhusPlainIt)])
        }
        var g = Grid(size: size)
        Chrome.drawTopBar(into: &g, app: self)
        // A long message takes two lines (the content gives up its last row), so no reason is cut off.
        // A damaged record found while reading stays on screen until a newer message replaces it.
        let message = ctx.message ?? ctx.store.damage.map { StatusMessage($0.message(ctx.language), isError: true) }
        let messageLines = Chrome.messageLines(message, lang: ctx.lang, width: size.cols)
        let area = Rect(x: 0, y: 1, width: size.cols, height: size.rows - 2 - max(messageLines.count, 1))
        current.render(into: &g, area: area, ctx)
        Chrome.drawMessage(into: &g, messageLines, isError: message?.isError ?? false)
        Chrome.drawStatusBar(into: &g, bindings: statusBarBindings(), lang: ctx.lang)
        if g.cursor == nil { g.cursor = (0, 1) }
        // A new message takes the cursor for as long as nothing is pressed: a braille display
        // shows only the line the cursor is on, and Fenrir reads the line the cursor moves to,
        // so "FOUT: …" on row 22 while the cursor stays in the field is never read there. Drawing
        // the message beside the focused field instead would cover what the screen shows there
        // and still be off the one line a braille display has. The next key goes to the focused
        // field as always (nothing is swallowed), and the cursor is back on it in that frame.
        if cursorOnMessage, ctx.message != nil, !messageLines.isEmpty {
            g.cursor = (0, size.rows - 1 - messageLines.count)
        }
        if let modal { drawModal(modal, into: &g) }
        return g
    }

    /// The frame for a window the screens cannot be shown in: what is wrong, and by how much.
    private func sizeMessage(size: Size, _ lines: [String]) -> Grid {
        var g = Grid(size: size)
        // The heading cut at the edge, the rest wrapped, so a narrow window shows every word of it.
        let rows = lines.enumerated().flatMap { i, l in (i == 0 ? [l] : TextWidth.wrap(l, to: max(size.cols, 1))).map { (i, $0) } }
        for (y, (i, l)) in rows.enumerated() where y < size.rows {
            g.put(l, x: 0, y: y, role: i == 0 ? .error : .normal)
        }
        g.cursor = (0, 0)
        return g
    }

    private func drawModal(_ m: Modal, into g: inout Grid) {
        switch m {
        case .help(let offset):
            // Kept inside the text, so ↑ after End (or ↓ past the end) moves at once.
            modal = .help(offset: Chrome.drawHelp(into: &g, bindings: activeBindings(), title: current.title(ctx), offset: offset, lang: ctx.lang))
        case .confirmQuit:
            let unsaved = unsavedPlaces()
            Chrome.drawDialog(into: &g, title: ctx.t(.quit),
                              lines: [ctx.t(.doYouWantToQuit)]
                                + (unsaved.isEmpty ? [] : [ctx.t(.notSaved) + unsaved.joined(separator: ", ")])
                                + [ctx.t(.yYesQuitNOr(ctx.yesKey, ctx.noKeys))])
        case .confirmAction(let what, let undo, _):
            let width = max(g.size.cols - 12, 20)
            Chrome.drawDialog(into: &g, title: ctx.t(.areYouSure),
                              lines: TextWidth.wrap(what, to: width)
                                + TextWidth.wrap(undo ?? ctx.t(.thisCannotBeUndone), to: width)
                                + [ctx.t(.yYesDoItN(ctx.yesKey, ctx.noKeys))])
        case .sessionEnded(let title, let lines):
            let width = max(g.size.cols - 12, 20)
            Chrome.drawDialog(into: &g, title: title,
                              lines: lines.flatMap { TextWidth.wrap($0, to: width) }
                                + [ctx.t(.pressAnyKeyToCarry)])
        case .confirmLogout:
            Chrome.drawDialog(into: &g, title: ctx.t(.notSaved2),
                              lines: [ctx.t(.loggingOutDiscardsWhatYou)]
                                + unsavedPlaces()
                                + [ctx.t(.yDiscardAndLogOut(ctx.yesKey, ctx.noKeys))])
        case .confirmDiscard(let then):
            Chrome.drawDialog(into: &g, title: ctx.t(.notSaved2),
                              lines: [ctx.t(.whatYouTypedHasNot),
                                      then == .back
                                        ? ctx.t(.yDiscardAndGoBack(ctx.yesKey, ctx.noKeys))
                                        : ctx.t(.yDiscardAndReloadN(ctx.yesKey, ctx.noKeys))])
        case .idleWarning(let deadline):
            let left = Self.countdownStep(max(Int(deadline.timeIntervalSince(ctx.now).rounded(.up)), 0))
            let unsaved = unsavedPlaces()
            let lines = ctx.session == nil
                ? [ctx.t(.myDataAsVisitorCloses(left)),
                   ctx.t(.pressAnyKeyToCarry)]
                : [ctx.t(.youWillBeLoggedOut(left)),
                   ctx.t(.pressAnyKeyToStay)]
            Chrome.drawDialog(into: &g, title: ctx.t(.areYouStillThere),
                              lines: lines
                                + (unsaved.isEmpty ? [] : [ctx.t(.unsavedInputWillThenBe)]))
        }
    }
}
