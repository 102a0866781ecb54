import Foundation
import Testing

/// How long espeak-ng takes to say a text: the yardstick for "within N seconds of speech".
///
/// It writes the speech to a wav file (`espeak-ng -w`) and reads the length from the header, so
/// nothing is played and the number does not depend on the machine's speed. espeak-ng's default
/// rate (175 words a minute) is used: a screen reader user may speed it up, but a first-time user
/// at a public terminal hears it like this.
enum Speech {
    /// A voice: Dutch (`nl`, the interface's default language) or English (`en`).
    enum Voice: String, CaseIterable { case nl, en }

    /// A problem saying a text: espeak-ng missing or failing, or a wav file it did not fill.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// True where espeak-ng is installed (CI installs it; see .ci/run).
    static var isAvailable: Bool { (try? Tmux.run(["sh", "-c", "command -v espeak-ng"]).status) == 0 }

    /// The seconds espeak-ng takes to say `text` in `voice`.
    static func seconds(_ text: String, voice: Voice = .nl) throws -> Double {
        let wav = NSTemporaryDirectory() + "speech-" + UUID().uuidString + ".wav"
        defer { try? FileManager.default.removeItem(atPath: wav) }
        // The text goes in on standard input: an argument could be read as an option. Not -q: it
        // writes no wav either.
        let r = try Tmux.run(["espeak-ng", "-v", voice.rawValue, "-w", wav, "--stdin"], stdin: text)
        guard r.status == 0 else { throw Failure(description: "espeak-ng failed (\(r.status)): \(r.out)") }
        let data = try Data(contentsOf: URL(fileURLWithPath: wav))
        guard let seconds = wavSeconds(data) else { throw Failure(description: "espeak-ng wrote no readable wav (\(data.count) bytes)") }
        return seconds
    }

    /// The length of a PCM wav file from its header: the `data` chunk's bytes over the `fmt `
    /// chunk's bytes per second; nil when it is not a RIFF/WAVE file with both chunks.
    ///
    /// A `data` size larger than what follows (a writer that could not seek back to fill it in)
    /// counts what is there.
    static func wavSeconds(_ data: Data) -> Double? {
        let bytes = [UInt8](data)
        func u32(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2]) << 16 | Int(bytes[i + 3]) << 24 }
        guard bytes.count >= 12, bytes[0..<4] == Array("RIFF".utf8)[...], bytes[8..<12] == Array("WAVE".utf8)[...] else { return nil }
        var at = 12
        var bytesPerSecond: Int?
        while at + 8 <= bytes.count {
            let id = String(decoding: bytes[at..<at + 4], as: UTF8.self)
            let size = u32(at + 4)
            let body = at + 8
            if id == "fmt ", body + 12 <= bytes.count {
                bytesPerSecond = u32(body + 8)
            } else if id == "data" {
                guard let rate = bytesPerSecond, rate > 0 else { return nil }
                return Double(min(size, bytes.count - body)) / Double(rate)
            }
            at = body + size + (size & 1)
        }
        return nil
    }

    /// What a listener hears before the first item of `output` begins: every line before the
    /// first that is a list item ("1. …"), and that item's number ("1."); nil when no line is one.
    static func untilFirstItem(_ output: String) -> String? {
        var lines: [Substring] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.drop(while: { $0 == " " }).range(of: #"^1[.)] "#, options: .regularExpression) != nil {
                return (lines + ["1."]).joined(separator: "\n")
            }
            lines.append(line)
        }
        return nil
    }
}

/// The measuring helper itself: the wav arithmetic, and that espeak-ng's numbers grow with the text.
@Suite struct SpeechTests {
    /// A 16-bit mono wav header with `rate` samples a second and `dataBytes` of samples declared,
    /// followed by `present` bytes of silence.
    static func wav(rate: Int, channels: Int = 1, dataBytes: Int, present: Int, extraChunk: Bool = false) -> Data {
        func le32(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24 & 0xFF)] }
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        var b: [UInt8] = Array("RIFF".utf8) + le32(36 + dataBytes) + Array("WAVE".utf8)
        b += Array("fmt ".utf8) + le32(16) + le16(1) + le16(channels) + le32(rate) + le32(rate * channels * 2) + le16(channels * 2) + le16(16)
        if extraChunk { b += Array("LIST".utf8) + le32(3) + [1, 2, 3, 0] }
        b += Array("data".utf8) + le32(dataBytes) + [UInt8](repeating: 0, count: present)
        return Data(b)
    }

    @Test("a wav header gives its length: data bytes over bytes a second", arguments: [
        (wav(rate: 22050, dataBytes: 44100, present: 44100), 1.0 as Double?),
        (wav(rate: 22050, dataBytes: 22050, present: 22050), 0.5),
        (wav(rate: 8000, channels: 2, dataBytes: 64000, present: 64000), 2.0),
        (wav(rate: 22050, dataBytes: 44100, present: 44100, extraChunk: true), 1.0),   // an odd-sized chunk before the samples
        (wav(rate: 22050, dataBytes: 0x7FFF_FFFF, present: 4410), 0.1),                 // size never filled in: what is there
        (Data("RIFF0000WAVE".utf8), nil),                                               // no chunks
        (Data("not a wav file at all".utf8), nil),
    ])
    func wavLength(file: Data, seconds: Double?) {
        let measured = Speech.wavSeconds(file)
        #expect(measured.map { ($0 * 1000).rounded() } == seconds.map { ($0 * 1000).rounded() })
    }

    @Test("what a listener hears before the first item of a plain screen begins", arguments: [
        ("Intro\nAgenda, 3 activiteiten.\nMaandag\n1. Koffie\n2. Thee\n", "Intro\nAgenda, 3 activiteiten.\nMaandag\n1." as String?),
        ("Kop\n  1) Eerste\n", "Kop\n1."),
        ("Kop\n10. Tiende\n1. Eerste\n", "Kop\n10. Tiende\n1."),   // "10." is not the first item
        ("Geen lijst\nhier\n", nil),
    ])
    func firstItem(output: String, heard: String?) {
        #expect(Speech.untilFirstItem(output) == heard)
    }

    @Test("espeak-ng says a longer text for longer, in Dutch and in English", .enabled(if: Speech.isAvailable, "espeak-ng is not installed"),
          arguments: Speech.Voice.allCases)
    func longerTakesLonger(voice: Speech.Voice) throws {
        let short = try Speech.seconds("Agenda", voice: voice)
        let long = try Speech.seconds("Agenda, honderdvierenveertig activiteiten, één van honderdvierenveertig. Alle wijken.", voice: voice)
        #expect(short > 0.2 && short < 2, "one word took \(short) s")
        #expect(long > 3 * short, "a sentence (\(long) s) against one word (\(short) s)")
    }
}
