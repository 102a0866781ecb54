import CursesTerminal
import Foundation
@_spi(Operator) import SociaalHusCore
import SociaalHusDemo
import SociaalHusUI
import TerminalKit
#if canImport(Glibc)
import Glibc
#endif

/// `sociaalhus [--store DIR] [--demo] [--theme NAME] [--lang nl|en] [--idle-minutes N] [--ascii] [--plain]`: the terminal interface.
enum InterfaceCommand {
    /// Runs the interface; returns the exit status (128 + the signal that ended the session).
    static func run(_ args: inout Arguments, _ ctx: CommandContext) throws -> Int32 {
        let demo = args.flag("demo")
        let askedAscii = args.flag("ascii")
        let plainAsked = args.flag("plain")
        let shared = args.flag("shared")
        let themeName = args.value("theme") ?? "standaard"
        let idleText = args.value("idle-minutes")
        var store: Store
        var demoPath: String?
        // A demo store lives only as long as the demo.
        defer { if let demoPath { try? FileManager.default.removeItem(atPath: demoPath) } }
        if demo {
            let path = NSTemporaryDirectory() + "sociaalhus-demo-" + UUID().uuidString.prefix(8).lowercased()
            store = try Store.create(at: path, wijken: DemoData.wijken)
            _ = try DemoData.populate(store)
            demoPath = path
        } else {
            store = try ctx.openStore(&args)
        }
        var idleMinutes = 10.0
        if let idleText {
            guard let m = Double(idleText), m >= 1, m <= 24 * 60 else {
                throw CLIError.invalidValue(option: "idle-minutes", value: idleText, expected: ctx.t(.minutesFrom1To1440))
            }
            idleMinutes = m
        }
        // Plain mode reads and writes lines, so it also runs through a pipe; the full screen needs
        // a terminal, and one that can place its cursor (TERM=dumb gets plain mode, not a blank screen).
        guard plainAsked || (isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1) else {
            throw CLIError.noTerminal
        }
        let capability = CursesTerminal.capability
        // ASCII when asked, without a UTF-8 locale, or on a terminal type (vt100) that shows no more.
        let ascii = AsciiFallback.isNeeded(asked: askedAscii, localeIsUTF8: CursesTerminal.localeIsUTF8, term: ctx.environment["TERM"])
        let plain = plainAsked || capability != .addressable
        // Closed conversations past the retention period go before anyone can look.
        try store.perform(.eraseExpiredIntakes(), as: .commandLine)
        let noColor = !(ctx.environment["NO_COLOR"] ?? "").isEmpty
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        var (theme, themeError) = ThemeLoader.load(name: themeName, environment: ctx.environment, executable: executable)
        if noColor { theme = theme.asMonochrome }
        let uiContext = UIContext(store: store, language: ctx.lang, exportDirectory: FileManager.default.currentDirectoryPath)
        uiContext.shared = shared
        if demo {
            uiContext.inform(ctx.t(.demoStoreLogInWith))
        }
        // Your own keys; a wrong line is left out and said (the first; `sociaalhus keys` lists all).
        let (keyMap, keyProblems, keysPath) = KeyMap.load(environment: ctx.environment)
        uiContext.keyMap = keyMap
        if let first = keyProblems.first {
            let more = keyProblems.count > 1 ? ctx.t(.andMoreSociaalhusKeys(keyProblems.count - 1)) : ""
            uiContext.fail(first.message(LanguageText(ctx.lang), file: keysPath ?? "keys") + more)
        }
        // A theme error outranks the demo hint: it is shown last, so it is the one on screen.
        if let themeError { uiContext.fail(themeError.message(dutch: ctx.lang == .dutch)) }
        let app = App(context: uiContext, idleTimeout: idleMinutes * 60)
        if plain {
            if !plainAsked && capability == .unknown {
                // Not a silent exit (initscr's way): plain text works on any terminal, and says why.
                let term = ctx.environment["TERM"] ?? ""
                Console.out(ctx.t(.theTerminalTypeTermIs2(TextSanitizer.sanitize(term))))
            }
            PlainRunner(app: app, ascii: ascii).run()
            return 0
        }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(theme: theme, noColor: noColor, ascii: ascii, demoPath: demoPath)
        } catch let e as CursesTerminal.UnknownTerminal {
            throw CLIError.unknownTerminal(e.term)
        }
        defer { terminal.close() }
        // (A signal just as the person quit is honoured too.)
        if let sig = AppRunner(app: app, terminal: terminal).run() ?? terminal.endedBySignal {
            // A dropped connection or SIGTERM: the session was ended in order; the terminal and a
            // demo store are cleaned up here (and the store closed by the entry point), and the
            // process ends with the signal's status.
            terminal.close()
            return 128 + sig
        }
        return 0
    }
}
