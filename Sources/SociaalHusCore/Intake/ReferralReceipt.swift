import Foundation

/// A written receipt of one referral, for the resident to take home or receive by e-mail: to
/// whom, which fields (by name), why, when, by whom, the exact sentence they were read, and how
/// to see, correct, erase or object.
///
/// It is made only from what the store recorded for the referral, never from what a screen
/// shows, so the paper says what the core holds. It carries no values of the fields (no phone
/// number, no question): a receipt left on a counter or a bus tells a finder nothing of the
/// person beyond the referral itself, and the resident can see the values in Mijn gegevens or
/// at the desk. Every receipt is in Dutch and English, the language the sentence was read in
/// first: the desk may speak English with someone who reads no Dutch, and the resident, not the
/// desk, decides which part they read.
public struct ReferralReceipt: Sendable, Hashable {
    /// The conversation.
    public var intake: IntakeID
    /// Which referral of the conversation, from 1 (oldest first).
    public var number: Int
    /// The disclosure entry of the referral, which names it in the store.
    public var disclosure: DisclosureID
    /// The organisation's name at the time.
    public var organisationName: String
    /// The fields passed on.
    public var fields: [IntakeField]
    /// Why.
    public var purpose: String
    /// The sentence the resident was read, exactly as the desk confirmed it.
    public var toldSentence: String
    /// When the data was passed on.
    public var at: Date
    /// The staff member's name at the time (the privacy statement promises "by whom").
    public var staffName: String
    /// Whether the conversation is linked to the resident's account (then Mijn gegevens shows it).
    public var linkedToAccount: Bool
    /// Where to write about privacy (the privacy statement's address).
    public var privacyAddress: String

    /// The receipt of referral `number` (from 1) of `intake`, or nil when it has no such referral.
    public init?(intake: Intake, number: Int, privacyAddress: String) {
        guard number >= 1, number <= intake.referrals.count else { return nil }
        let r = intake.referrals[number - 1]
        self.intake = intake.id
        self.number = number
        disclosure = r.disclosure
        organisationName = r.organisationName
        fields = r.fields
        purpose = r.purpose
        toldSentence = r.toldSentence
        at = r.at
        staffName = r.staffName
        linkedToAccount = intake.person.account != nil
        self.privacyAddress = privacyAddress
    }

    /// The language the sentence was read in: the one whose notice it is (Dutch when neither).
    public var spokenLanguage: Language {
        Language.allCases.first {
            ReferralNotice.sentence(fields: fields, organisationName: organisationName, purpose: purpose, lang: $0) == toldSentence
        } ?? .dutch
    }

    /// The reference the desk finds it by: "gesprek 12, doorverwijzing 1".
    public func reference(_ lang: Language) -> String {
        lang.pick(nl: "gesprek \(intake), doorverwijzing \(number)", en: "conversation \(intake), referral \(number)")
    }

    /// The file name a printed receipt gets; no personal data in it.
    public var fileName: String { "sociaalhus-bon-gesprek-\(intake)-\(number).txt" }

    /// The e-mail subject; no personal data in it.
    public static let mailSubject = "Bewijs van uw doorverwijzing / Receipt of your referral"

    /// Printable text: both languages, the one the sentence was read in first, lines of at most
    /// `width` characters, every recorded text made safe to print.
    public func text(width: Int = 72) -> String {
        let first = spokenLanguage
        let second: Language = first == .dutch ? .english : .dutch
        let rule = String(repeating: "=", count: min(width, 72))
        return ([rule, first.pick(nl: "Deze bon staat hieronder in het Nederlands en daarna in het Engels.",
                                  en: "This receipt is in English below, then in Dutch."),
                 first.pick(nl: "This receipt is in Dutch below, then in English.",
                            en: "Deze bon staat hieronder in het Engels en daarna in het Nederlands."),
                 rule, ""]
                + section(first, width: width) + ["", rule, ""] + section(second, width: width))
            .joined(separator: "\n") + "\n"
    }

    /// One language's part of the receipt, as lines.
    public func section(_ lang: Language, width: Int = 72) -> [String] {
        let org = clean(organisationName), staff = clean(staffName)
        let list = ReferralNotice.join(fields.map { $0.label(lang) }, lang)
        let when = LocalTime.dayNameWithYear(at, lang) + lang.pick(nl: " om ", en: " at ") + LocalTime.time(at)
        var out: [String] = []
        func para(_ text: String, indent: String = "") {
            out += ReferralReceipt.wrap(text, width: width, indent: indent)
        }
        func item(_ label: String, _ value: String) {
            let label = label + ":"
            let pad = String(repeating: " ", count: max(14 - label.count, 1))
            out += ReferralReceipt.wrap(value, width: width, indent: "  " + String(repeating: " ", count: 14), firstIndent: "  " + label + pad)
        }
        out.append(lang.pick(nl: "SOCIAAL HUS BORNE — BEWIJS VAN DOORVERWIJZING", en: "SOCIAAL HUS BORNE — RECEIPT OF A REFERRAL"))
        out.append(lang.pick(nl: "Kenmerk: ", en: "Reference: ") + reference(lang))
        out.append("")
        para(lang.pick(nl: "Op \(when) heeft \(staff), baliemedewerker van het Sociaal Hus, gegevens van u doorgegeven:",
                       en: "On \(when), \(staff), desk staff of the Sociaal Hus, passed on data of yours:"))
        out.append("")
        item(lang.pick(nl: "Aan", en: "To"), org)
        item(lang.pick(nl: "Gegevens", en: "Data"), list)
        item(lang.pick(nl: "Doel", en: "Purpose"), clean(purpose))
        out.append("")
        para(lang.pick(nl: "Alleen deze gegevens zijn doorgegeven, niets anders. Wat erin stond, staat niet op deze bon.",
                       en: "Only these data were passed on, nothing else. What they said is not on this receipt."))
        out.append("")
        para(lang.pick(nl: "Voordat er iets werd doorgegeven, is u deze zin voorgelezen (woord voor woord):",
                       en: "Before anything was passed on, you were read this sentence (word for word):"))
        para("\"" + clean(toldSentence) + "\"", indent: "  ")
        out.append("")
        out.append(lang.pick(nl: "Uw rechten", en: "Your rights"))
        let see = linkedToAccount
            ? lang.pick(nl: "in SociaalHus onder Profiel › Mijn gegevens, of aan de balie van het Sociaal Hus",
                        en: "in SociaalHus under Profile › My data, or at the Sociaal Hus desk")
            : lang.pick(nl: "aan de balie van het Sociaal Hus", en: "at the Sociaal Hus desk")
        para(lang.pick(nl: "- Inzien: u mag altijd zien wat het Sociaal Hus van u bewaart en wat aan wie is doorgegeven, \(see).",
                       en: "- See: you may always see what the Sociaal Hus keeps about you and what was passed on to whom, \(see)."), indent: "  ")
        para(lang.pick(nl: "- Verbeteren: klopt er iets niet, vraag dan aan de balie om het te verbeteren.",
                       en: "- Correct: if something is wrong, ask the desk to correct it."), indent: "  ")
        para(lang.pick(nl: "- Wissen: u kunt vragen al uw gegevens bij het Sociaal Hus te wissen" + (linkedToAccount ? ", aan de balie of in Mijn gegevens." : ", aan de balie."),
                       en: "- Erase: you can ask for all your data at the Sociaal Hus to be erased" + (linkedToAccount ? ", at the desk or in My data." : ", at the desk.")),
             indent: "  ")
        para(lang.pick(nl: "- Bezwaar of een vraag: bent u het niet eens met het doorgeven, kom dan naar de balie van het Sociaal Hus of schrijf naar \(clean(privacyAddress)), met het kenmerk hierboven.",
                       en: "- Object or ask: if you do not agree with the passing on, come to the Sociaal Hus desk or write to \(clean(privacyAddress)), with the reference above."),
             indent: "  ")
        para(lang.pick(nl: "Wat \(org) al ontving, beheert die organisatie zelf: u kunt ook daar vragen om inzien, verbeteren of wissen.",
                       en: "What \(org) already received is kept by that organisation: you can also ask them to see, correct or erase it."))
        out.append("")
        para(lang.pick(nl: "Het Sociaal Hus deelt of verkoopt uw gegevens nooit aan derden.",
                       en: "The Sociaal Hus never shares or sells your data to third parties."))
        return out
    }

    /// Recorded text made safe to print or mail: no control characters, escapes, bidi overrides
    /// or line breaks (a line break would let a name start a paragraph of its own).
    func clean(_ s: String) -> String { TextSanitizer.sanitize(s) }

    /// Words of `text` in lines of at most `width` characters (a longer word stands alone).
    /// Lines break only at a space, and other spaces stay, so the lines joined with a space give
    /// the text back exactly: the told sentence is printed as it was said.
    static func wrap(_ text: String, width: Int, indent: String = "", firstIndent: String? = nil) -> [String] {
        var lines: [String] = []
        var line = firstIndent ?? indent
        var empty = true
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !empty, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
                empty = true
            }
            line += (empty ? "" : " ") + word
            empty = false
        }
        lines.append(line)
        return lines
    }
}
