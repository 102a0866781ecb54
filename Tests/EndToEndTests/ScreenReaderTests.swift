import Foundation
import Testing

/// Fenrir, Debian's console screen reader, reading SociaalHus as a blind resident hears it.
///
/// Fenrir runs headless in tmux: its PTY screen driver runs `sociaalhus` in a pseudo-terminal it
/// emulates (and sets `TERM=linux` there, as on the console where Fenrir is normally used), its
/// PTY input driver takes the keys tmux types, and its generic speech driver appends every
/// utterance as a line to a file instead of sounding it (Tests/Fixtures/screenreader/settings.conf).
final class Fenrir {
    let tmux = Tmux()
    let speechLog: String
    /// How much of the speech log earlier steps have taken.
    private var heardBytes = 0
    /// Every step's name with what Fenrir said for it, for the report and for failure messages.
    private(set) var transcript: [(step: String, spoken: String)] = []

    /// The settings file, found from this source file (tests run in the package folder or not).
    static let settings: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/screenreader/settings.conf").path

    /// True where Fenrir is installed (CI installs it; see .ci/run).
    static var isAvailable: Bool { (try? Tmux.run(["sh", "-c", "command -v fenrir"]).status) == 0 }

    /// Starts Fenrir in an 80×24 terminal running `sociaalhus` with `args`.
    init(_ args: [String]) throws {
        speechLog = tmux.home + "/spoken.txt"
        FileManager.default.createFile(atPath: speechLog, contents: nil)
        // Fenrir splits its shell command like a shell (shlex), so quote the words for one.
        let command = ([Tmux.binary] + args).map(Tmux.quote).joined(separator: " ")
        try tmux.start(["fenrir", "-s", Fenrir.settings, "-o", "general#shell=" + command],
                       env: ["FENRIR_SPEECH_LOG": speechLog], raw: true)
    }

    /// Everything Fenrir said so far.
    var spokenSoFar: String { (try? String(contentsOfFile: speechLog, encoding: .utf8)) ?? "" }

    /// The words of `text` as a listener compares them: letters and digits, lower case.
    /// Fenrir names some punctuation ("E dash mailadres") and drops the rest, so a phrase is
    /// heard when its words come in order within one utterance, whatever stands between them.
    static func words(_ text: String) -> [Substring] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    }

    /// True when one line (utterance) of `spoken` says `phrase`'s words in order.
    static func says(_ spoken: String, _ phrase: String) -> Bool {
        let wanted = words(phrase)
        guard !wanted.isEmpty else { return false }
        return spoken.split(separator: "\n").contains { utterance in
            var next = wanted.startIndex
            for word in words(String(utterance)) where next < wanted.endIndex && word == wanted[next] { next += 1 }
            return next == wanted.endIndex
        }
    }

    /// Does `keys` (tmux key names; a `literal` string is typed as text), waits until Fenrir has
    /// said every phrase of `expecting` and then gone quiet, and returns what it said since the
    /// last step. A phrase not said within `seconds` is recorded as an issue with what was said.
    @discardableResult
    func step(_ name: String, literal: String? = nil, keys: [String] = [], expecting: [String] = [], seconds: Double = 12,
              sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        if let literal { try tmux.type(literal) }
        for key in keys {
            try tmux.keys(key)
            usleep(150_000)   // a person's pace: Fenrir reads the screen between keys
        }
        let deadline = Date().addingTimeInterval(seconds)
        var heard = newSpeech()
        while Date() < deadline, !expecting.allSatisfy({ Fenrir.says(heard, $0) }) {
            usleep(100_000)
            heard = newSpeech()
        }
        // Quiet: no new utterance for 0.6 s, so the next step's speech is its own.
        var quietSince = Date()
        var last = heard
        while Date().timeIntervalSince(quietSince) < 0.6, Date() < deadline.addingTimeInterval(3) {
            usleep(100_000)
            heard = newSpeech()
            if heard != last { last = heard; quietSince = Date() }
        }
        heardBytes += heard.utf8.count
        transcript.append((name, heard))
        for phrase in expecting where !Fenrir.says(heard, phrase) {
            Issue.record("\(name): Fenrir did not say '\(phrase)'. It said:\n\(heard)\nThe screen was:\n\(try tmux.screen())",
                         sourceLocation: sourceLocation)
        }
        return heard
    }

    /// What Fenrir said after the previous step.
    private func newSpeech() -> String {
        let all = Data(spokenSoFar.utf8)
        return all.count > heardBytes ? String(decoding: all[heardBytes...], as: UTF8.self) : ""
    }

    /// The transcript as text: each step, then what was spoken, indented.
    var transcriptText: String {
        transcript.map { step in
            "## " + step.step + "\n" + step.spoken.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// The focused row of the screen (the one with `▌`), without the marker.
    func focusedRow(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let screen = try tmux.screen()
        guard let row = screen.split(separator: "\n").first(where: { $0.contains("▌") }) else {
            Issue.record("no focused row on:\n\(screen)", sourceLocation: sourceLocation)
            return ""
        }
        return row.replacingOccurrences(of: "▌", with: "").trimmingCharacters(in: .whitespaces)
    }

    /// An agenda row's title: what stands between the time ("hele dag" or "10:00–11:30") and
    /// the place after " — ".
    static func activityTitle(_ row: String) -> String {
        let beforePlace = row.components(separatedBy: " — ")[0]
        let title = beforePlace.replacingOccurrences(of: #"^(hele dag|\d\d:\d\d–\d\d:\d\d)\s+"#, with: "", options: .regularExpression)
        return title.trimmingCharacters(in: .whitespaces)
    }
}

/// A blind resident's day with SociaalHus under Fenrir: what Fenrir says on
/// each focus move, screen and message. Assertions are on meaning (the activity's title, the
/// field's label, "FOUT"), not on decoration; where Fenrir says something a listener should not
/// have to hear, or does not say what one needs, the test says so by name (`withKnownIssue`).
@Suite(.serialized, .enabled(if: Fenrir.isAvailable || ProcessInfo.processInfo.environment["CI"] != nil,
                             "Fenrir is not installed (apt-get install fenrir)"))
struct ScreenReaderTests {
    static let anna = (email: "anna.devries@demo.sociaalhus.example", password: "demo-Kiwi-Tulp-2026")

    @Test("full screen under Fenrir: the agenda, an activity, a wrong password, logging in, a message, a required field")
    func fullScreenJourney() throws {
        let started = Date()
        let f = try Fenrir(["--demo"])
        defer { print("Fenrir, full screen:\n" + f.transcriptText) }

        // The first screen: the tab and the focused activity, read without a key.
        _ = try f.tmux.waitFor("▌", seconds: 20)
        let first = Fenrir.activityTitle(try f.focusedRow())
        try f.step("start", expecting: ["Agenda", first], seconds: 20)

        // Moving through the agenda: each move says the newly focused activity.
        for key in ["j", "j", "k", "Down"] {
            let before = try f.focusedRow()
            try f.tmux.keys(key)
            try f.tmux.waitUntil("focus to move") { screen in
                screen.split(separator: "\n").contains { $0.contains("▌") && !$0.contains(before) }
            }
            let title = Fenrir.activityTitle(try f.focusedRow())
            let heard = try f.step("agenda: \(key)", expecting: [title])
            // (The focus marker was "▶", which espeak-ng (nl) says as "knop voor afspelen"; the
            // marker is now one it passes over.)
            #expect(!heard.contains("▶"), "spoken: \(heard)")
        }

        // Opening the activity reads it from its title on.
        let opened = Fenrir.activityTitle(try f.focusedRow())
        try f.step("agenda: Enter opens the activity", keys: ["Enter"], expecting: ["Activiteit", opened, "Wanneer", "Waar"])

        // The login form: the screen, then the focused field's label.
        try f.step("4: Profiel, the login form", keys: ["4"], expecting: ["Log in om je profiel", "E-mailadres"])
        // An empty input field on the Linux console (TERM=linux, as Fenrir's PTY sets it) was drawn
        // as "[.....]", which Fenrir read as "26 left bracket dot".
        let login = f.transcript.last!.spoken
        #expect(!login.contains("bracket") && !login.contains(" dot") && !login.contains("underscore"), "spoken: \(login)")
        // Typed text is read back as the screen changes, in pieces (Fenrir's character echo is
        // off, as in its stock settings), so only the screen is checked here.
        try f.step("typing the e-mail address", literal: Self.anna.email)
        #expect(try f.tmux.screen().contains(Self.anna.email))
        try f.step("Tab: the password field", keys: ["Tab"], expecting: ["Wachtwoord"])

        // A wrong password: the error under the form is read by itself, though the cursor
        // stays in the field.
        let typedWrong = try f.step("typing a wrong password", literal: "fout-wachtwoord")
        #expect(!typedWrong.contains("fout-wachtwoord"), "the password is not spoken: \(typedWrong)")
        let error = try f.step("Enter: wrong password", keys: ["Enter"], expecting: ["FOUT", "wachtwoord klopt niet"])
        #expect(!error.contains("fout-wachtwoord"))

        // The right one: the welcome and who is logged in.
        try f.step("typing the right password", literal: Self.anna.password)
        try f.step("Enter: logged in", keys: ["Enter"], expecting: ["ingelogd", "Welkom, Demo Anna de Vries"])

        // A message: the list says the new conversation, Enter reads it.
        _ = try f.step("6: Berichten", keys: ["6"], expecting: ["Berichten", "Gesprekken", "nieuw"])
        let conversation = try f.focusedRow()
        #expect(Fenrir.says(f.transcript.last!.spoken, conversation.components(separatedBy: "·")[0]), "the focused conversation: \(conversation)")
        try f.tmux.keys("Enter")
        let message = try f.tmux.waitFor("Verstuurd")
        let body = message.split(separator: "\n", omittingEmptySubsequences: false)
            .drop(while: { !$0.contains("Verstuurd") }).dropFirst().drop(while: { $0.trimmingCharacters(in: .whitespaces).isEmpty })
            .prefix(while: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }).map(String.init)
        #expect(!body.isEmpty, "a message body on:\n\(message)")
        try f.step("Enter: the message", expecting: ["Gesprek", "Over:", "Van:"] + body)

        // A required field left empty: the field's label, then the error when sending.
        try f.step("r: reply form", keys: ["r"], expecting: ["Beantwoorden", "Bericht"])
        try f.step("Ctrl-S with no text", keys: ["C-s"], expecting: ["FOUT", "Vul 'Bericht' in; dit veld is verplicht"])

        // Esc, which goes back in SociaalHus, is Fenrir's "stop speech" in its PTY layout: it
        // never reaches the app. Fenrir's bypass (Alt-: then the key) passes it on.
        try f.step("Esc", keys: ["Escape"])
        let afterEsc = try f.tmux.screen()
        withKnownIssue("Esc is Fenrir's 'stop speech' key (pty layout): 'Esc goes back' does not reach SociaalHus under Fenrir without its bypass") {
            #expect(!afterEsc.contains("Beantwoorden"))
        }
        // So Backspace goes back too where it types nothing: from the form's button.
        try f.step("Tab to the button, then Backspace: back to the message", keys: ["Tab", "BSpace"], expecting: ["Gesprek"])
        #expect((try f.tmux.screen()).split(separator: "\n").first?.contains("│ Gesprek") == true, "Backspace went back: the top bar names the message")
        try f.step("Fenrir's bypass, then Esc: back to the list", keys: ["M-:", "Escape"], expecting: ["bypass", "Gesprekken"])

        let seconds = Date().timeIntervalSince(started)
        print("Fenrir full-screen journey took \(String(format: "%.1f", seconds)) s")
        #expect(seconds < 45, "the journey took \(seconds) s")
    }

    @Test("plain mode under Fenrir: an item by number, the next with j, a wrong password in the login form")
    func plainJourney() throws {
        let started = Date()
        let f = try Fenrir(["--demo", "--plain"])
        defer { print("Fenrir, plain mode:\n" + f.transcriptText) }

        // The first screen is written at once; wait for its list on the screen, then for Fenrir.
        try f.tmux.waitUntil("the first screen's list", seconds: 20) { screen in
            screen.split(separator: "\n").contains { $0.range(of: #"^\d+\. "#, options: .regularExpression) != nil }
        }
        let start = try f.step("start")
        // What the program wrote, scrolled-off lines included: its heading and first item.
        let written = try Tmux.run(["tmux", "-L", f.tmux.socket, "capture-pane", "-p", "-J", "-S", "-200"]).out
            .split(separator: "\n").map(String.init)
        let itemAt = written.firstIndex { $0.hasPrefix("1. ") } ?? written.endIndex
        let heading = written[..<itemAt].last { $0.contains("Agenda") } ?? "heading not found"
        let firstItem = itemAt < written.endIndex ? Fenrir.activityTitle(String(written[itemAt].dropFirst(3))) : "first item not found"
        // Fenrir reads the screen, not the stream: what scrolled away before it looked is never
        // said, so the first page fits the 24 rows.
        // (It once scrolled its heading and first item off a 24-row terminal before Fenrir read
        // them: a page now fits the terminal.)
        #expect(Fenrir.says(start, heading), "spoken: \(start)")
        #expect(Fenrir.says(start, firstItem), "spoken: \(start)")
        try f.step("an empty line: the next page", keys: ["Enter"], expecting: ["Nog", "Enter voor meer"])
        try f.step("j: the next activity", literal: "j", keys: ["Enter"], expecting: ["van"])
        try f.step("3: open the third", literal: "3", keys: ["Enter"], expecting: ["Wanneer", "Waar"])
        try f.step("profiel: the login form", literal: "profiel", keys: ["Enter"], expecting: ["E-mailadres"])
        try f.step("the e-mail address", literal: Self.anna.email, keys: ["Enter"], expecting: ["Wachtwoord"])
        let typed = try f.step("a wrong password", literal: "fout-wachtwoord", keys: ["Enter"], expecting: ["Knop", "Inloggen"])
        let error = try f.step("Enter on Inloggen", keys: ["Enter"], expecting: ["FOUT", "wachtwoord klopt niet"])
        #expect(!(typed + error).contains("fout-wachtwoord"), "the password is not spoken: \(typed + error)")

        let seconds = Date().timeIntervalSince(started)
        print("Fenrir plain-mode journey took \(String(format: "%.1f", seconds)) s")
        #expect(seconds < 30, "the journey took \(seconds) s")
    }
}

/// Plain mode's first screen reaches its first item within 5 seconds of speech.
@Suite(.enabled(if: Speech.isAvailable || ProcessInfo.processInfo.environment["CI"] != nil, "espeak-ng is not installed"))
struct PlainFirstScreenSpeechTests {
    @Test("plain mode's first screen says its first item within 5 s of espeak-ng speech", arguments: [
        (Speech.Voice.nl, "nl"), (Speech.Voice.en, "en"),
    ])
    func firstItemWithinFiveSeconds(voice: Speech.Voice, lang: String) throws {
        let dir = NSTemporaryDirectory() + "sociaalhus-speech-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // No input: the first screen and the end of the input.
        let r = try Tmux.run(["sh", "-c", "cd " + Tmux.quote(dir) + " && exec " + Tmux.quote(Tmux.binary) + " --demo --plain --lang " + lang],
                             env: ["LANG": "C.UTF-8", "HOME": dir])
        guard let heard = Speech.untilFirstItem(r.out) else {
            Issue.record("no first item (\"1. …\") in plain mode's output:\n\(r.out)")
            return
        }
        let seconds = try Speech.seconds(heard, voice: voice)
        print("plain first screen to its first item (\(lang), espeak-ng -v \(voice.rawValue)): \(String(format: "%.1f", seconds)) s for:\n\(heard)")
        #expect(seconds <= 5, "\(String(format: "%.1f", seconds)) s of speech before the first item:\n\(heard)")
    }
}
