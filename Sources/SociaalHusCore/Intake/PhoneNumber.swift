import Foundation

/// Phone numbers as people write them: Dutch (074-1234567, 06 12345678) or international
/// (+31 6 12345678, 0032 2 123 45 67, +31 (0)74 123 4567).
public enum PhoneNumber {
    /// Returns the number in a compact form: "0612345678" for Dutch numbers, "+3221234567" for
    /// others, or throws `CoreError.invalidPhone` saying the accepted forms.
    public static func normalise(_ input: String) throws -> String {
        var s = input.trimmingCharacters(in: .whitespaces)
        // The "(0)" written after a country code is the trunk prefix and is not dialled.
        s = s.replacingOccurrences(of: "(0)", with: "")
        let separators: Set<Character> = [" ", "-", ".", "(", ")", "/"]
        s = String(s.filter { !separators.contains($0) })
        if s.hasPrefix("00") { s = "+" + s.dropFirst(2) }
        let digits = s.hasPrefix("+") ? String(s.dropFirst()) : s
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw CoreError.invalidPhone(input) }
        if s.hasPrefix("+") {
            if digits.hasPrefix("31") {
                // A Dutch number written internationally: nine digits after 31, not starting with 0.
                let national = digits.dropFirst(2)
                guard national.count == 9, national.first != "0" else { throw CoreError.invalidPhone(input) }
                return "0" + national
            }
            guard (8...15).contains(digits.count), digits.first != "0" else { throw CoreError.invalidPhone(input) }
            return s
        }
        guard digits.count == 10, digits.hasPrefix("0"), !digits.hasPrefix("00") else { throw CoreError.invalidPhone(input) }
        return digits
    }
}
