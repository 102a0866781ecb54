import Foundation
import SociaalHusCore

/// What every command needs: language, environment and the resolved store path.
struct CommandContext {
    /// Interface language.
    var lang: Language
    /// Process environment.
    var environment: [String: String]

    /// The store directory from `--store`, `SOCIAALHUS_STORE`, `XDG_DATA_HOME` or the home folder.
    func storePath(_ args: inout Arguments) -> String {
        StoreLocation.resolve(explicit: args.value("store"), environment: environment)
    }

    /// Opens the store named by the arguments, for `use`: a command that only reads opens it
    /// `.read`, so it creates, truncates, checkpoints and re-creates no file (issue 22).
    func openStore(_ args: inout Arguments, use: Store.Use = .change) throws -> Store {
        let store = try Store.open(at: storePath(&args), use: use)
        Self.opened.store = store
        return store
    }

    /// The store a command opened, so the entry point can report a record that turned out
    /// damaged while the command read it (opening no longer reads every record).
    static let opened = Opened()

    /// Holds the store a command opened.
    final class Opened: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Store?
        /// The store, once opened.
        var store: Store? {
            get { lock.withLock { value } }
            set { lock.withLock { value = newValue } }
        }
    }

    /// The text of `word` in the chosen language.
    func t(_ word: Word) -> String { lang.t(word) }
}
