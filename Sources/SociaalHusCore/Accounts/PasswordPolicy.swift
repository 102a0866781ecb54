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
    /// Contains a control character (NUL, ESC, a line break …), which cannot be typed reliably.
    case controlCharacter

    /// The message shown, in the chosen language.
    public func message(_ lang: Language) -> String { lang.t(word) }

    /// The same as a word with its values, for the reader's layer to word.
    public var word: Word {
        switch self {
        case .tooShort(let minimum, let actual):
            return .yourPasswordIsTooShort(actual, minimum)
        case .tooLong(let maximum):
            return .yourPasswordIsTooLong(maximum)
        case .common:
            return .thisPasswordIsCommonlyUsed
        case .repetitive:
            return .thisPasswordConsistsOfRepeated
        case .containsPersonalData:
            return .yourPasswordContainsYourOwn
        case .controlCharacter:
            return .yourPasswordContainsControlCharacter
        case .containsProductName:
            return .yourPasswordContainsTheName
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
    public static var explanation: Word { .choosePasswordOfAtLeast(minimumLength, maximumLength) }

    /// Returns nil when `password` is acceptable for a person with this name and e-mail, else the first problem.
    public static func problem(with password: String, name: String = "", email: String = "") -> PasswordProblem? {
        // Checked first, on the raw input: what is checked must be exactly what is hashed.
        if password.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) {
            return .controlCharacter
        }
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

    /// One repeated character, a run of consecutive characters (abcdef, 123456, 654321), or a
    /// short part said again (abcabcabcabc, zomer2026zomer: its letters are "zomer" twice).
    static func isRepetitive(_ s: String) -> Bool {
        let letters = String(s.filter(\.isLetter))
        let alphanumerics = String(s.filter { $0.isLetter || $0.isNumber })
        if [s, letters, alphanumerics].contains(where: isRepeatedUnit) { return true }
        return isRun(s)
    }

    /// True when `s` is one shorter part written two or more times.
    static func isRepeatedUnit(_ s: String) -> Bool {
        let c = Array(s)
        guard c.count >= 4 else { return false }
        for unit in 1...(c.count / 2) where c.count % unit == 0 {
            if (unit..<c.count).allSatisfy({ c[$0] == c[$0 % unit] }) { return true }
        }
        return false
    }

    static func isRun(_ s: String) -> Bool {
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

    /// True when the password is mostly the person's name, e-mail address or its local part,
    /// whatever digits and punctuation stand around or inside it ("blok.lijst@example.nl1").
    static func containsPersonalData(_ folded: String, name: String, email: String) -> Bool {
        func letters(_ s: String) -> String { String(s.lowercased().filter(\.isLetter)) }
        var words: [String] = [letters(name), letters(email)]
        words += name.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        let local = email.lowercased().split(separator: "@").first.map(String.init) ?? ""
        words.append(letters(local))
        words += local.split(whereSeparator: { !$0.isLetter }).map(String.init)
        words = words.filter { $0.count >= 4 }
        let compact = letters(folded)
        // Refused when a personal word makes up at least half of the password's letters.
        return words.contains { compact.contains($0) && $0.count * 2 >= compact.count }
    }
}
