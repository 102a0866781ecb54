import Foundation

/// One e-mail as the product writes it: to one address, plain UTF-8 text.
public struct MailMessage: Sendable, Hashable {
    /// The recipient's address (validated).
    public var to: String
    /// The subject (one line).
    public var subject: String
    /// The text; lines end with "\n".
    public var body: String

    // No Reply-To, on purpose: the contact copy carried the visitor's address there,
    // and answering it from a mail program handed the visitor the resident's address, which the
    // screen promises stays hidden. Every e-mail says to answer in SociaalHus instead.

    /// Creates a message.
    public init(to: String, subject: String, body: String) {
        self.to = to
        self.subject = subject
        self.body = body
    }
}

/// Writes RFC 5322 messages: RFC 2047 encoded subjects, quoted-printable UTF-8 text, and no way
/// for a name, subject or address to add a header.
public enum RFC5322 {
    /// The whole message as it goes into the Maildir and to sendmail (lines end with LF, the
    /// local convention for both).
    public static func render(_ m: MailMessage, from: String, date: Date, messageID: String) throws -> String {
        let to = try address(m.to)
        let fromAddress = try address(from)
        guard !m.subject.contains(where: { $0.isNewline || $0 == "\0" }) else { throw CoreError.mailHeaderInvalid(field: "Subject") }
        guard messageID.allSatisfy({ $0.isASCII && !$0.isNewline && $0 != " " }) else { throw CoreError.mailHeaderInvalid(field: "Message-ID") }
        var headers = [
            "From: SociaalHus <\(fromAddress)>",
            "To: <\(to)>",
        ]
        headers += [
            // What others typed reaches a mail reader only as visible text (␛, <U+009B>), never as a control.
            "Subject: " + encodeHeaderText(TextSanitizer.sanitize(m.subject), used: "Subject: ".count),
            "Date: " + dateHeader(date),
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable",
        ]
        return headers.joined(separator: "\n") + "\n\n" + quotedPrintable(TextSanitizer.sanitize(m.body, keepNewlines: true))
    }

    /// A validated address, or an error naming it.
    static func address(_ a: String) throws -> String {
        guard EmailAddress.isValid(a) else { throw CoreError.invalidEmail(a) }
        return a
    }

    /// "Wed, 25 Nov 2026 07:30:00 +0100" in Amsterdam time.
    public static func dateHeader(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = amsterdam
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return f.string(from: date)
    }

    /// The subject as is when it is plain printable ASCII that fits, else as RFC 2047 "B"
    /// encoded words of at most 75 characters, one per folded line, never splitting a character.
    static func encodeHeaderText(_ text: String, used: Int) -> String {
        let plain = text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        if plain && used + text.count <= 78 && !text.contains("=?") { return text }
        let prefix = "=?UTF-8?B?", suffix = "?="
        // 36 bytes of text make 48 characters of base64, 60 with the wrapping: with "Subject: " or
        // the folding space every line stays well under 76 characters.
        var words: [String] = []
        var chunk: [UInt8] = []
        for ch in text {
            let bytes = Array(String(ch).utf8)
            if chunk.count + bytes.count > 36 {
                words.append(prefix + Data(chunk).base64EncodedString() + suffix)
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(prefix + Data(chunk).base64EncodedString() + suffix) }
        return words.joined(separator: "\n ")
    }

    /// Quoted-printable (RFC 2045) of UTF-8 text: lines of at most 76 characters, soft breaks
    /// with "=", every byte outside printable ASCII (and "=") as =XX, trailing spaces encoded.
    public static func quotedPrintable(_ text: String) -> String {
        var out = ""
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        for (n, line) in lines.enumerated() {
            var current = ""
            let bytes = Array(line.utf8)
            for (i, b) in bytes.enumerated() {
                let isLast = i == bytes.count - 1
                var piece: String
                if (b >= 33 && b <= 126 && b != 61) || (b == 32 && !isLast) {
                    piece = String(UnicodeScalar(b))
                } else {
                    piece = String(format: "=%02X", b)
                }
                if current.count + piece.count > 75 {
                    out += current + "=\n"
                    current = ""
                }
                current += piece
            }
            out += current
            if n < lines.count - 1 { out += "\n" }
        }
        return out.hasSuffix("\n") ? out : out + "\n"
    }
}
