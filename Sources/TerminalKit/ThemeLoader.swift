import Foundation

/// Finds and loads themes from `Themes/`, wherever the binary was started from.
public enum ThemeLoader {
    /// The built-in default, used when no file can be read or a file has an error.
    /// (The same roles as `Themes/standaard.theme`; `ThemeContrastTests` holds the two equal.)
    public static let builtInDefault: Theme = try! ThemeParser.parse("""
        name = standaard
        normal    = ; mono: normal
        title     = bold ; mono: bold
        header    = bold ; mono: bold
        selected  = fg:black bg:white ; mono: reverse
        focus     = fg:black bg:white ; mono: bold underline
        key       = bold fg:white bg:black ; mono: bold
        error     = underline fg:black bg:white ; mono: bold underline
        muted     = ; mono: normal
        topBar    = fg:black bg:white ; mono: reverse
        statusBar = fg:black bg:white ; mono: reverse
        success   = fg:black bg:white ; mono: bold
        warning   = fg:black bg:white ; mono: bold
        input     = underline ; mono: underline
        """, file: "standaard")

    /// The built-in monochrome theme (NO_COLOR, terminals without colours).
    public static var builtInMonochrome: Theme {
        var t = builtInDefault.asMonochrome
        t.name = "monochroom"
        return t
    }

    /// Folders searched for `NAME.theme`, in order: `$SOCIAALHUS_THEMES`, `Themes/` next to the
    /// binary or in `../share/sociaalhus`, and the source tree this binary was built from.
    public static func searchPaths(environment: [String: String], executable: String) -> [String] {
        var paths: [String] = []
        if let env = environment["SOCIAALHUS_THEMES"], !env.isEmpty { paths.append(env) }
        let exeDir = (executable as NSString).deletingLastPathComponent
        paths.append(exeDir + "/Themes")
        paths.append(exeDir + "/../share/sociaalhus/Themes")
        // Sources/TerminalKit/ThemeLoader.swift → the package root.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        paths.append(source.appendingPathComponent("Themes").path)
        return paths
    }

    /// Loads a theme by name; on a missing file or an error returns the built-in default and the error.
    public static func load(name: String, environment: [String: String], executable: String) -> (Theme, ThemeError?) {
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), !name.isEmpty else {
            return (builtInDefault, ThemeError(file: name, line: 0, problem: "invalid theme name / ongeldige themanaam"))
        }
        for dir in searchPaths(environment: environment, executable: executable) {
            let path = dir + "/" + name + ".theme"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            do {
                return (try ThemeParser.parse(text, file: path), nil)
            } catch let e as ThemeError {
                return (builtInDefault, e)
            } catch {
                return (builtInDefault, ThemeError(file: path, line: 0, problem: "\(error)"))
            }
        }
        if name == "monochroom" { return (builtInMonochrome, nil) }
        if name == "standaard" { return (builtInDefault, nil) }
        return (builtInDefault, ThemeError(file: name, line: 0, problem: "theme not found / thema niet gevonden"))
    }
}
