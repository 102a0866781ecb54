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
    /// Which needles of `texts` and `streets` begin with each four characters: a text is walked
    /// once, and only the needles that begin with one of its fours are compared with it (a store
    /// holds some 100,000 needles, and a wijk's feed has thousands of texts to look through).
    private var textsByStart: [String: [Int]] = [:]
    private var streetsByStart: [String: [Int]] = [:]

    /// The first four characters of `needle` (every needle has at least five).
    private static func start(_ needle: String) -> String { String(needle.prefix(4)) }

    /// Every run of four characters in `text`.
    private static func fours(_ text: String) -> Set<String> {
        let chars = Array(text)
        guard chars.count >= 4 else { return [] }
        return Set((0...(chars.count - 4)).map { String(chars[$0..<($0 + 4)]) })
    }

    /// The collections it reads from: a change to any of them makes a kept scan stale.
    static let sources: [CollectionName] = [.accounts, .intakes, .messages, .organisations]

    /// Collects what to look for from `state` (its `sources` only).
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
        for (i, t) in texts.enumerated() { textsByStart[Self.start(t.needle), default: []].append(i) }
        for (i, t) in streets.enumerated() { streetsByStart[Self.start(t.needle), default: []].append(i) }
    }

    /// What kind of personal data `text` contains, or nil when none was found.
    public func finding(in text: String) -> PersonalDataKind? {
        let lower = text.lowercased()
        let fours = Self.fours(lower)
        // The first needle in the order collected, as a walk through all of them would find it.
        let textCandidates = fours.flatMap { textsByStart[$0] ?? [] }.sorted()
        for i in textCandidates where lower.contains(texts[i].needle) { return texts[i].what }
        let streetCandidates = fours.flatMap { streetsByStart[$0] ?? [] }.sorted()
        for i in streetCandidates where !PersonIdentifiers.wholeTokenRanges(of: streets[i].needle, in: lower, isPart: { $0.isLetter || $0.isNumber }).isEmpty {
            return streets[i].what
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
