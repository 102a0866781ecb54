import Foundation

/// A named input field, so validation messages can name it in the user's language.
public enum Field: String, Sendable, Equatable, CaseIterable {
    case name, email, password, wijk, title, body, text, description, location, organisation, category
    case senderName, senderEmail, phone, address, interests, reason, cost, signup, website, openingHours
    case postcode, place, question, notes, purpose, privacyStatement

    /// The field's label as users see it.
    public func label(_ lang: Language) -> String {
        switch self {
        case .name: lang.pick(nl: "naam", en: "name")
        case .email: lang.pick(nl: "e-mailadres", en: "e-mail address")
        case .password: lang.pick(nl: "wachtwoord", en: "password")
        case .wijk: "wijk"
        case .title: lang.pick(nl: "titel", en: "title")
        case .body: lang.pick(nl: "tekst", en: "text")
        case .text: lang.pick(nl: "bericht", en: "message")
        case .description: lang.pick(nl: "beschrijving", en: "description")
        case .location: lang.pick(nl: "locatie", en: "location")
        case .organisation: lang.pick(nl: "organisatie", en: "organisation")
        case .category: lang.pick(nl: "categorie", en: "category")
        case .senderName: lang.pick(nl: "je naam", en: "your name")
        case .senderEmail: lang.pick(nl: "je e-mailadres", en: "your e-mail address")
        case .phone: lang.pick(nl: "telefoonnummer", en: "phone number")
        case .address: lang.pick(nl: "adres", en: "address")
        case .interests: lang.pick(nl: "interessegebieden", en: "areas of interest")
        case .reason: lang.pick(nl: "reden", en: "reason")
        case .cost: lang.pick(nl: "kosten", en: "cost")
        case .signup: lang.pick(nl: "aanmelden", en: "how to sign up")
        case .website: "website"
        case .openingHours: lang.pick(nl: "openingstijden", en: "opening hours")
        case .postcode: "postcode"
        case .place: lang.pick(nl: "plaats", en: "place")
        case .question: lang.pick(nl: "vraag", en: "question")
        case .notes: lang.pick(nl: "aantekeningen", en: "notes")
        case .purpose: lang.pick(nl: "doel", en: "purpose")
        case .privacyStatement: lang.pick(nl: "privacyverklaring", en: "privacy statement")
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
