import Foundation

/// Validation and normalisation of e-mail addresses: a practical subset of RFC 5322's addr-spec
/// (dot-atom local part, a domain of letter-digit-hyphen labels with a top-level domain), so that
/// no address can carry a newline, a space or a comment into a header or a screen.
public enum EmailAddress {
    /// Characters allowed in the local part besides letters and digits (RFC 5322 atext).
    private static let atextSpecials = Set("!#$%&'*+-/=?^_`{|}~")

    /// Returns the trimmed, lower-cased address, or throws `CoreError.invalidEmail`.
    public static func normalise(_ raw: String) throws -> String {
        let address = folded(raw)
        guard isValid(address) else { throw CoreError.invalidEmail(raw) }
        return address
    }

    /// `raw` trimmed, lower-cased and in NFC, valid or not: one key for one address however it
    /// was typed (NFC after lower-casing, which can itself leave a letter decomposed: "İ" → i + U+0307).
    public static func folded(_ raw: String) -> String {
        raw.trimmingCharacters(in: .whitespaces).lowercased().precomposedStringWithCanonicalMapping
    }

    /// True when `address` is an acceptable e-mail address.
    public static func isValid(_ address: String) -> Bool {
        guard address.utf8.count <= 254, address.unicodeScalars.allSatisfy({ $0.isASCII }) else { return false }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = parts[0], domain = parts[1]
        guard !local.isEmpty, local.utf8.count <= 64, !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        for c in local where !(c.isLetter || c.isNumber || c == "." || atextSpecials.contains(c)) { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, domain.utf8.count <= 253 else { return false }
        for label in labels {
            guard !label.isEmpty, label.utf8.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-") else { return false }
            for c in label where !(c.isLetter || c.isNumber || c == "-") { return false }
        }
        guard let tld = labels.last, tld.count >= 2, tld.allSatisfy({ $0.isLetter }) else { return false }
        return true
    }
}
