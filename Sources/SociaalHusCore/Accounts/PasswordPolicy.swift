import Foundation

/// Why a password was refused; each case tells the user what to do instead.
public enum PasswordProblem: Equatable, Sendable {
    /// Fewer than the minimum number of characters.
    case tooShort(minimum: Int, actual: Int)
    /// More than the maximum accepted.
    case tooLong(maximum: Int)
    /// On the blocklist of common passwords.
    case common
    /// One character repeated, or a simple run such as 123456789012.
    case repetitive
    /// Contains the person's own name or e-mail address.
    case containsPersonalData
    /// Contains the product's or the municipality's name.
    case containsProductName

    /// The message shown, in the chosen language.
    public func message(_ lang: Language) -> String {
        switch self {
        case .tooShort(let minimum, let actual):
            return lang.pick(nl: "Je wachtwoord is te kort (\(actual) tekens). Gebruik minstens \(minimum) tekens; een zin van een paar woorden werkt goed.",
                             en: "Your password is too short (\(actual) characters). Use at least \(minimum) characters; a sentence of a few words works well.")
        case .tooLong(let maximum):
            return lang.pick(nl: "Je wachtwoord is te lang; gebruik hoogstens \(maximum) tekens.",
                             en: "Your password is too long; use at most \(maximum) characters.")
        case .common:
            return lang.pick(nl: "Dit wachtwoord wordt veel gebruikt en is makkelijk te raden. Kies iets wat alleen jij bedenkt.",
                             en: "This password is commonly used and easy to guess. Choose something only you would think of.")
        case .repetitive:
            return lang.pick(nl: "Dit wachtwoord bestaat uit herhaalde tekens of een eenvoudige reeks. Kies iets minder voorspelbaars.",
                             en: "This password consists of repeated characters or a simple sequence. Choose something less predictable.")
        case .containsPersonalData:
            return lang.pick(nl: "Je wachtwoord bevat je eigen naam of e-mailadres. Kies iets wat anderen niet over je weten.",
                             en: "Your password contains your own name or e-mail address. Choose something others do not know about you.")
        case .containsProductName:
            return lang.pick(nl: "Je wachtwoord bevat de naam van dit platform of de gemeente. Kies iets anders.",
                             en: "Your password contains the name of this platform or the municipality. Choose something else.")
        }
    }
}

/// Password rules after NIST SP 800-63B: length counts, composition rules do not; known and
/// guessable passwords are refused.
public enum PasswordPolicy {
    /// Fewest characters (after NFC normalisation).
    public static let minimumLength = 12
    /// Most characters accepted (NIST asks for at least 64).
    public static let maximumLength = 256

    /// The rules in one sentence, shown before the user types.
    public static func explanation(_ lang: Language) -> String {
        lang.pick(nl: "Kies een wachtwoord van minstens \(minimumLength) tekens (tot \(maximumLength)). Alle tekens mogen, ook spaties. Veelgebruikte wachtwoorden en je eigen naam of e-mailadres worden geweigerd.",
                  en: "Choose a password of at least \(minimumLength) characters (up to \(maximumLength)). Any character may be used, spaces too. Common passwords and your own name or e-mail address are refused.")
    }

    /// Returns nil when `password` is acceptable for a person with this name and e-mail, else the first problem.
    public static func problem(with password: String, name: String = "", email: String = "") -> PasswordProblem? {
        let normalised = password.precomposedStringWithCanonicalMapping
        let length = normalised.count
        if length < minimumLength { return .tooShort(minimum: minimumLength, actual: length) }
        if length > maximumLength { return .tooLong(maximum: maximumLength) }
        let folded = fold(normalised)
        if PasswordBlocklist.contains(folded) { return .common }
        if isRepetitive(folded) { return .repetitive }
        if containsPersonalData(folded, name: name, email: email) { return .containsPersonalData }
        if PasswordBlocklist.productWords.contains(where: { folded.contains($0) && folded.count - $0.count < 6 }) {
            return .containsProductName
        }
        return nil
    }

    /// Throws `CoreError.passwordRejected` when the password is not acceptable.
    public static func check(_ password: String, name: String = "", email: String = "") throws {
        if let p = problem(with: password, name: name, email: email) { throw CoreError.passwordRejected(p) }
    }

    /// Lower-cases and strips leading and trailing digits, spaces and punctuation, so that
    /// "Wachtwoord123!" is recognised as "wachtwoord".
    static func fold(_ s: String) -> String {
        let lowered = s.lowercased()
        let core = lowered.trimmingCharacters(in: CharacterSet.alphanumerics.inverted.union(.decimalDigits))
        return core.isEmpty ? lowered : core
    }

    /// One repeated character, or a run of consecutive characters (abcdef, 123456, 654321).
    static func isRepetitive(_ s: String) -> Bool {
        let scalars = Array(s.unicodeScalars.map(\.value))
        guard scalars.count > 1 else { return true }
        if Set(scalars).count <= 2 { return true }
        var ascending = true, descending = true
        for i in 1..<scalars.count {
            let d = Int(scalars[i]) - Int(scalars[i - 1])
            if !(d == 1 || d == -9) { ascending = false }
            if !(d == -1 || d == 9) { descending = false }
        }
        return ascending || descending
    }

    /// True when the password is mostly the person's name or e-mail (local part).
    static func containsPersonalData(_ folded: String, name: String, email: String) -> Bool {
        var words: [String] = []
        let nameFolded = name.lowercased().replacingOccurrences(of: " ", with: "")
        if nameFolded.count >= 4 { words.append(nameFolded) }
        words += name.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0.count >= 4 }
        let local = email.lowercased().split(separator: "@").first.map(String.init) ?? ""
        if local.count >= 4 { words.append(local) }
        let compact = folded.replacingOccurrences(of: " ", with: "")
        // Refused when a personal word makes up at least half of the password.
        return words.contains { compact.contains($0) && $0.count * 2 >= compact.count }
    }
}
