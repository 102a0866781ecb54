import Foundation

/// Looks for personal data held in the store inside text that is about to leave it (a shared
/// feed): e-mail addresses, names, phone numbers and addresses of accounts, of people at the
/// desk and of contact-form senders. Organisation data is public and not looked for.
///
/// It says what kind of data it found, never whose nor where it came from: the editor who is
/// warned, and the partner who sees what a feed left out, learn no more than that the text
/// holds, say, a name the platform knows.
public struct PersonalDataScan: Sendable {
    private var texts: [(needle: String, what: PersonalDataKind)] = []
    /// The street and house number of each stored address, found only as a whole (so "Coraweg 1"
    /// is not found in "Coraweg 12"): a feed saying "langs op Coraweg 1" named a resident's home
    /// without its postcode.
    private var streets: [(needle: String, what: PersonalDataKind)] = []
    private var phones: Set<String> = []

    /// Collects what to look for from `state`.
    init(_ state: StoreState) {
        func add(_ s: String?, _ what: PersonalDataKind) {
            guard let s = s?.trimmingCharacters(in: .whitespacesAndNewlines), s.count >= 5 else { return }
            texts.append((s.lowercased(), what))
        }
        func phone(_ s: String?) {
            let digits = (s ?? "").filter(\.isNumber)
            if digits.count >= 8 { phones.insert(String(digits.suffix(9))) }
        }
        func address(_ s: String?, _ what: PersonalDataKind) {
            if let whole = s?.trimmingCharacters(in: .whitespacesAndNewlines), whole.count >= 5 { streets.append((whole.lowercased(), what)) }
            // "Coraweg 1, 7622 AB Borne" → "coraweg 1": the part before the first comma, when it ends in a number.
            guard let first = s?.split(separator: ",").first?.trimmingCharacters(in: .whitespacesAndNewlines),
                  first.count >= 5, first.last?.isNumber == true || (first.dropLast().last?.isNumber == true && first.last?.isLetter == true),
                  first.contains(where: \.isLetter) else { return }
            streets.append((first.lowercased(), what))
        }
        let orgNames = Set(state.organisations.all.map { $0.name.lowercased() })
        for a in state.accounts.all {
            add(a.email, .emailAddress)
            if !orgNames.contains(a.name.lowercased()) { add(a.name, .name) }
            if !orgNames.contains(a.profile.displayName.lowercased()) { add(a.profile.displayName, .name) }
            address(a.profile.address, .address)
            phone(a.profile.phone)
        }
        for i in state.intakes.all {
            add(i.person.email, .emailAddress); add(i.person.name, .name); address(i.person.address, .address)
            phone(i.person.phone)
        }
        for m in state.messages.all {
            add(m.senderEmail, .emailAddress); add(m.senderName, .name)
        }
    }

    /// What kind of personal data `text` contains, or nil when none was found.
    public func finding(in text: String) -> PersonalDataKind? {
        let lower = text.lowercased()
        for t in texts where lower.contains(t.needle) { return t.what }
        for t in streets where !PersonIdentifiers.wholeTokenRanges(of: t.needle, in: lower, isPart: { $0.isLetter || $0.isNumber }).isEmpty {
            return t.what
        }
        // Phone numbers are compared by their last nine digits, whatever the separators.
        var digits = ""
        for ch in text + " " {
            if ch.isNumber { digits.append(ch); continue }
            if [" ", "-", ".", "(", ")", "+", "/"].contains(ch) && !digits.isEmpty { continue }
            if digits.count >= 8, phones.contains(String(digits.suffix(9))) { return .phoneNumber }
            digits = ""
        }
        if digits.count >= 8, phones.contains(String(digits.suffix(9))) { return .phoneNumber }
        return nil
    }
}

/// A kind of personal data the feed's scan looks for.
public enum PersonalDataKind: String, Sendable, CaseIterable, Codable {
    case emailAddress, name, phoneNumber, address
}
