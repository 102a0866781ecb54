import Foundation
import TerminalKit

/// The run loop: draw when something changed, wait for a key, hand it to the app, and tick
/// the idle clock when none came. It lives here, not in the executable, so tests can drive the
/// very same loop with a `HeadlessTerminal`.
public final class AppRunner {
    /// The app driven.
    public let app: App
    /// Where frames go and keys come from.
    public let terminal: Terminal
    private var shown: Grid?
    /// When the store was last asked for other terminals' changes (a tick or a poll).
    private var lastLook = Date()

    /// Creates a runner for `app` on `terminal`.
    public init(app: App, terminal: Terminal) {
        self.app = app
        self.terminal = terminal
    }

    /// One turn of the loop: draw (only when the frame changed; nothing ticks while idle), then
    /// one key or one tick. Returns the key handled, if any.
    @discardableResult
    public func step(timeoutMilliseconds: Int = 1000) -> Key? {
        let grid = app.render(size: terminal.size)
        if grid != shown {
            terminal.present(grid)
            shown = grid
        }
        // A session that ended with this key or tick (logging out, the idle logout, blocked or
        // erased elsewhere, helping "namens" over) leaves nothing on the terminal: screen and
        // scrollback are cleared before the next frame is drawn whole.
        let ended = app.sessionsEnded
        defer {
            if app.sessionsEnded != ended {
                terminal.forget()
                shown = nil
            }
        }
        if let key = terminal.readKey(timeoutMilliseconds: timeoutMilliseconds) {
            app.handle(key)
            // Someone typing without a pause never lets a tick run: still look once a second,
            // so a block elsewhere ends the session within two seconds.
            if Date().timeIntervalSince(lastLook) >= 1 {
                app.poll()
                lastLook = Date()
            }
            return key
        }
        app.tick()
        lastLook = Date()
        return nil
    }

    /// Runs until the person quits, or a signal asks the session to end (a dropped SSH
    /// connection): then every open screen is told, as at logging out, so a half-filled intake
    /// is kept as the draft, the field being typed included; that signal is returned.
    @discardableResult
    public func run() -> Int32? {
        while app.running {
            if let sig = terminal.endedBySignal {
                app.hangUp()
                return sig
            }
            step()
        }
        return nil
    }
}
