import Foundation

/// A named input field, so validation messages can name it in the user's language.
public enum Field: String, Sendable, Equatable, CaseIterable {
    case name, email, password, wijk, title, body, text, description, location, organisation, category
    case senderName, senderEmail, phone, address, interests, reason, cost, signup, website, openingHours
    case postcode, place, question, notes, purpose, privacyStatement

    /// The field's label as users see it.
    public func label(_ lang: Language) -> String { lang.t(word) }

    /// The same as a word with its values, for the reader's layer to word.
    public var word: Word {
        switch self {
        case .name: .name3
        case .email: .eMailAddress2
        case .password: .password3
        case .wijk: .neighbourhood4
        case .title: .title2
        case .body: .text3
        case .text: .message
        case .description: .descriptionText2
        case .location: .location2
        case .organisation: .organisation
        case .category: .category3
        case .senderName: .yourName3
        case .senderEmail: .yourEMailAddress
        case .phone: .phoneNumber
        case .address: .address3
        case .interests: .areasOfInterest
        case .reason: .reason3
        case .cost: .cost2
        case .signup: .howToSignUp
        case .website: .website
        case .openingHours: .openingHours3
        case .postcode: .postcodeField
        case .place: .place2
        case .question: .question3
        case .notes: .notes2
        case .purpose: .purpose5
        case .privacyStatement: .privacyStatement2
        }
    }

    /// True for fields that may hold several lines.
    public var isMultiLine: Bool {
        switch self {
        case .body, .text, .description, .question, .notes, .purpose, .privacyStatement, .signup, .openingHours: true
        default: false
        }
    }

    /// The most characters the field accepts; longer input is refused with the limit named.
    public var limit: Int {
        switch self {
        case .body, .text, .description, .question, .notes: 5_000
        case .postcode: 20
        case .place: 100
        case .purpose: 500
        case .privacyStatement: 100_000
        case .title, .name, .senderName, .location, .organisation, .category, .reason, .cost, .website: 200
        case .signup, .openingHours: 1_000
        case .email, .senderEmail: 254
        case .phone: 40
        case .address: 300
        case .interests: 500
        case .password: 1_024
        case .wijk: 100
        }
    }
}

/// Trims `value` and checks it against the field's limit; throws when required and empty, and
/// when it holds control, bidi or invisible formatting characters (a name with ESC in it once
/// travelled into e-mails). In several-line fields a tab becomes a space and CRLF a line break.
/// What is kept is in NFC: "José" typed with é composed or as e + U+0301 is stored as one text,
/// so it is found, compared and hashed alike (a password is left as typed: its hash normalises).
public func validated(_ value: String, _ field: Field, required: Bool = true) throws -> String {
    var value = field == .password ? value : value.precomposedStringWithCanonicalMapping
    if field.isMultiLine { value = value.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\t", with: " ") }
    if field != .password, TextSanitizer.needsSanitizing(value, allowNewlines: field.isMultiLine) {
        throw CoreError.fieldControlCharacters(field)
    }
    let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
    if required && trimmed.isEmpty { throw CoreError.fieldRequired(field) }
    if trimmed.count > field.limit { throw CoreError.fieldTooLong(field, limit: field.limit) }
    return trimmed
}
