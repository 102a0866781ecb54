import Foundation

/// Where the store lives: `--store DIR`, else `SOCIAALHUS_STORE`, else `$XDG_DATA_HOME/sociaalhus`,
/// else `~/.local/share/sociaalhus`.
public enum StoreLocation {
    /// Resolves the store directory from an explicit option and the environment.
    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return absolute(explicit) }
        if let env = environment["SOCIAALHUS_STORE"], !env.isEmpty { return absolute(env) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/sociaalhus" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/sociaalhus"
    }

    private static func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return (expanded as NSString).standardizingPath }
        return ((FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(expanded) as NSString).standardizingPath
    }
}
