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
    public var reference: Word { .conversationReferral(intake, number) }

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
        return ([rule, first.t(.thisReceiptIsInEnglish),
                 first.t(.dezeBonStaatHieronderIn),
                 rule, ""]
                + section(first, width: width) + ["", rule, ""] + section(second, width: width))
            .joined(separator: "\n") + "\n"
    }

    /// One language's part of the receipt, as lines.
    public func section(_ lang: Language, width: Int = 72) -> [String] {
        let org = clean(organisationName), staff = clean(staffName)
        let list = lang.t(Word.list(fields.map(\.word)) ?? .named(""))
        let when = lang.t(LocalTime.dayNameWithYear(at)) + lang.t(.at) + LocalTime.time(at)
        var out: [String] = []
        func para(_ text: String, indent: String = "") {
            out += ReferralReceipt.wrap(text, width: width, indent: indent)
        }
        func item(_ label: String, _ value: String) {
            let label = label + ":"
            let pad = String(repeating: " ", count: max(14 - label.count, 1))
            out += ReferralReceipt.wrap(value, width: width, indent: "  " + String(repeating: " ", count: 14), firstIndent: "  " + label + pad)
        }
        out.append(lang.t(.sociaalHusBorneReceiptOf))
        out.append(lang.t(.reference) + lang.t(reference))
        out.append("")
        para(lang.t(.onDeskStaffOfThe(when, staff)))
        out.append("")
        item(lang.t(.to6), org)
        item(lang.t(.data3), list)
        item(lang.t(.purpose4), clean(purpose))
        out.append("")
        para(lang.t(.onlyTheseDataWerePassed))
        out.append("")
        para(lang.t(.beforeAnythingWasPassedOn))
        para("\"" + clean(toldSentence) + "\"", indent: "  ")
        out.append("")
        out.append(lang.t(.yourRights))
        let see = linkedToAccount
            ? lang.t(.inSociaalhusUnderProfileMy)
            : lang.t(.atTheSociaalHusDesk2)
        para(lang.t(.seeYouMayAlwaysSee(see)), indent: "  ")
        para(lang.t(.correctIfSomethingIsWrong), indent: "  ")
        para(lang.t(linkedToAccount ? .receiptEraseAtDeskOrMyData : .receiptEraseAtDesk),
             indent: "  ")
        para(lang.t(.objectOrAskIfYou(clean(privacyAddress))),
             indent: "  ")
        para(lang.t(.whatAlreadyReceivedIsKept(org)))
        out.append("")
        para(lang.t(.theSociaalHusNeverShares))
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
