import Foundation

/// A change to the store as a value: the interface says what it wants (`.createPost(draft)`),
/// the core decides. Only the core makes one (the initialiser is internal) and only
/// `Store.perform` runs one; every method of the store that writes is internal to the core. So a
/// screen or a command has no way to change the store but `perform`, and the compiler, not a
/// convention, says so: `store.createPost(...)` outside the core does not build.
public struct Intent<Result> {
    /// What the change is called (in tests and refusals' logs).
    public let name: String
    /// What `Permissions` is asked before anything else.
    let gate: Gate
    /// The change itself, run with the actor as the store's rows hold it.
    let work: (Store, Viewer) throws -> Result

    init(_ name: String, _ gate: Gate, _ work: @escaping (Store, Viewer) throws -> Result) {
        self.name = name
        self.gate = gate
        self.work = work
    }
}

/// The first question `perform` asks of `Permissions`, before it reads or writes anything
/// for the change. A rule that depends on a record (the author of this post, the wijk of this
/// report) is asked again by the change inside its transaction, with the same account.
enum Gate: Sendable {
    /// Anyone at the terminal, visitors too: the change's own rule is the check (registration's
    /// rules, a one-time code, the login throttle, who may write to whom).
    case anyone
    /// The value the intent carries is the check, not who sends it: an `OnBehalf`, which only
    /// `startOnBehalf` makes, ends whatever its accounts became meanwhile (that is one reason
    /// it ends), so no actor is looked up.
    case carried
    /// Only the operator at the machine's command line (cron, the administrator's shell).
    case commandLine
    /// Any logged-in account that is not blocked; the record's own rule follows inside.
    case signedIn
    /// This action must be allowed.
    case action(ContentAction)
}

extension Store {
    /// Runs `intent` for `viewer`: the one door through which the store changes. For an
    /// account (or a desk member acting for one), the store's write lock is taken first and,
    /// inside it, the account is looked up in the store's own rows (erased, blocked, or with
    /// other roles or another wijk than the caller's copy: refused, as `update(actor:)` does);
    /// then `Permissions` is asked with that account, before anything else; only then does the
    /// change run, still inside the same lock, so nothing another terminal does can come
    /// between the question and the change.
    @discardableResult
    public func perform<R>(_ intent: Intent<R>, as viewer: Viewer) throws -> R {
        if case .carried = intent.gate { return try intent.work(self, viewer) }
        switch viewer {
        case .visitor, .commandLine:
            // No account: nothing of theirs to look up.
            try Permissions.require(intent.gate, by: viewer)
            return try intent.work(self, viewer)
        case .account, .onBehalf:
            return try holdingWriteLock {
                try refresh()
                let actor = try Self.resolve(viewer, in: state, now: clock.now())
                try Permissions.require(intent.gate, by: actor)
                return try intent.work(self, actor)
            }
        }
    }

    /// `viewer` with its account(s) as the store's rows hold them now; throws as `confirm` does
    /// when they are gone, blocked, or changed in what their rights depend on.
    static func resolve(_ viewer: Viewer, in state: StoreState, now: Date) throws -> Viewer {
        try confirm(viewer, in: state, now: now)
        switch viewer {
        case .account(let a):
            return state.accounts[a.id.rawValue].map(Viewer.account) ?? viewer
        case .onBehalf(var o):
            if let r = state.accounts[o.resident.id.rawValue] { o.resident = r }
            if let h = state.accounts[o.helper.id.rawValue] { o.helper = h }
            return .onBehalf(o)
        case .visitor, .commandLine:
            return viewer
        }
    }
}
