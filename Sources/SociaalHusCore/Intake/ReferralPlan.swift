import Foundation

/// What a staff member intends to pass on: to which organisation, which fields, and why.
public struct ReferralPlan: Sendable, Hashable {
    /// The receiving organisation.
    public var organisation: OrganisationID
    /// The fields to pass on, in a fixed order.
    public var fields: [IntakeField]
    /// Why the data is passed on.
    public var purpose: String

    /// Creates a plan; duplicate fields are dropped and the order fixed.
    public init(organisation: OrganisationID, fields: some Sequence<IntakeField>, purpose: String) {
        self.organisation = organisation
        self.fields = Array(Set(fields)).sorted()
        self.purpose = purpose
    }

    /// The default: as little as possible. The name (when known), one way to reach the person
    /// (phone, else e-mail, else address) and the question; never the notes.
    public static func minimumFields(for intake: Intake) -> [IntakeField] {
        var out: [IntakeField] = []
        if !intake.person.name.isEmpty { out.append(.name) }
        if let contact = [IntakeField.phone, .email, .address].first(where: { !$0.value(in: intake).isEmpty }) { out.append(contact) }
        out.append(.question)
        return out.sorted()
    }
}

/// The staff member's confirmation that they said the notice sentence to the resident.
///
/// The core accepts a referral only with the exact sentence for that plan, so what the resident
/// was told always names the organisation and every field passed on.
public struct ResidentTold: Sendable, Hashable {
    /// The sentence that was said.
    public let sentence: String

    /// Confirms that `sentence` was said to the resident.
    public init(sentence: String) { self.sentence = sentence }
}

/// The sentence said to the resident before their data is passed on.
public enum ReferralNotice {
    /// "Ik geef uw naam, telefoonnummer en vraag door aan …": the organisation and every field, by name.
    ///
    /// The sentence is read aloud and stored as said (`ReferralConsent`), so it is worded here in
    /// the language it is read in, like the receipt that quotes it.
    public static func sentence(fields: [IntakeField], organisationName: String, purpose: String, lang: Language) -> String {
        let purpose = purpose.trimmingCharacters(in: .whitespacesAndNewlines)
        return lang.t(.referralNoticeSentence(Word.list(fields.map(\.word)) ?? .named(""), organisationName, purpose))
    }
}

/// The message to the organisation: only the fields chosen for the referral.
public enum ReferralMessage {
    /// Subject and text (in Dutch, the organisations' language); the subject holds no personal data.
    public static func compose(_ intake: Intake, fields: [IntakeField], organisationName: String, purpose: String,
                               staffName: String) -> (subject: String, body: String) {
        let subject = "Doorverwijzing vanuit het Sociaal Hus: " + intake.category.label(.dutch)
        var lines = [
            "Beste \(organisationName),",
            "",
            "Het Sociaal Hus verwijst een inwoner naar u door. Doel: \(purpose).",
            "De inwoner is verteld dat precies deze gegevens aan u worden doorgegeven:",
            "",
        ]
        for f in fields {
            let label = f.label(.dutch)
            lines.append(label.prefix(1).uppercased() + label.dropFirst() + ": " + f.value(in: intake))
        }
        lines += ["", "Met vriendelijke groet,", "\(staffName), Sociaal Hus"]
        return (subject, lines.joined(separator: "\n"))
    }
}
