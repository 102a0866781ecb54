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

    /// Opens the store named by the arguments.
    func openStore(_ args: inout Arguments) throws -> Store {
        try Store.open(at: storePath(&args))
    }

    /// Picks a text in the interface language.
    func t(_ nl: String, _ en: String) -> String { lang.pick(nl: nl, en: en) }
}
