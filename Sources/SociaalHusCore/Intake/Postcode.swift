import Foundation

/// Dutch postcodes: four digits (not starting with 0), two letters; SA, SD and SS are never issued.
public enum Postcode {
    /// Returns the postcode as "1234 AB", or throws `CoreError.invalidPostcode` saying the form.
    public static func normalise(_ input: String) throws -> String {
        let compact = input.filter { !$0.isWhitespace }.uppercased()
        let chars = Array(compact)
        guard chars.count == 6,
              chars[0...3].allSatisfy({ $0.isASCII && $0.isNumber }), chars[0] != "0",
              chars[4...5].allSatisfy({ $0.isASCII && $0.isLetter }),
              !["SA", "SD", "SS"].contains(String(chars[4...5]))
        else { throw CoreError.invalidPostcode(input) }
        return String(chars[0...3]) + " " + String(chars[4...5])
    }
}
