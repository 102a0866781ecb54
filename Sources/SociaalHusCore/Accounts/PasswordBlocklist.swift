import Foundation

/// Passwords refused because they are common or guessable; ships with the product (no download).
///
/// Entries are compared after `PasswordPolicy.fold` (lower case, leading and trailing digits and
/// punctuation removed), so "Welkom2026!" matches "welkom".
enum PasswordBlocklist {
    /// Words naming this product or the municipality; a password that is little more than one is refused.
    static let productWords = ["sociaalhus", "sociaal hus", "wijkconnect", "gemeenteborne", "borne"]

    /// Common passwords, Dutch and international.
    static let entries: Set<String> = Set(raw.map { PasswordPolicy.fold($0) })

    /// True when `folded` is on the list.
    static func contains(_ folded: String) -> Bool { entries.contains(folded) || entries.contains(folded.replacingOccurrences(of: " ", with: "")) }

    private static let raw: [String] = [
        "wachtwoord", "wachtwoord1", "wachtwoord12", "wachtwoord123", "welkom", "welkom123",
        "welkomwelkom", "welkom01", "geheim", "geheimgeheim", "mijnwachtwoord", "mijngeheim",
        "nieuwwachtwoord", "nieuwwachtwoord1", "wachtwoord!", "hallohallo", "hallo123456", "voetbal",
        "voetballen", "voetbal123", "ajaxamsterdam", "feyenoord", "rotterdam", "amsterdam",
        "nederland", "nederland1", "hollandhollande", "oranjeboven", "ikhouvanjou", "ikhouvanjou1",
        "liefde123456", "zomer2024", "winter2024", "welkom2024", "welkom2025", "welkom2026",
        "wachtwoord2024", "wachtwoord2025", "wachtwoord2026", "prinsesje", "schatje123", "konijntje",
        "muisje123", "hondjes", "password", "password1", "password12", "password123",
        "password1234", "passwordpassword", "qwertyuiop", "qwertyuiop1", "qwerty123456", "asdfghjkl",
        "asdfghjkl1", "zxcvbnm123", "1q2w3e4r5t6y", "1q2w3e4r5t", "1qaz2wsx3edc", "qazwsxedcrfv",
        "iloveyou", "iloveyou1", "iloveyou123", "letmein", "letmein123", "welcome",
        "welcome123", "welcome1234", "sunshine", "sunshine1", "princess", "princess1",
        "football", "football1", "baseball", "dragon", "dragon123", "monkey",
        "monkey123", "master", "master123", "superman", "batman", "batman123",
        "trustno1", "trustnoone", "starwars", "starwars1", "whatever", "whatever1",
        "freedom", "freedom1", "shadow", "shadow123", "michael", "jennifer",
        "jordan23", "harley", "hunter2", "hunter123", "summer2024", "winter2025",
        "changeme", "changeme123", "administrator", "admin12345", "adminadmin", "computer",
        "computer1", "internet", "internet1", "secret", "secret123", "secretpassword",
        "letmeinplease", "correcthorsebatterystaple", "passw0rd", "p@ssw0rd", "p@ssword", "passwort",
        "passwort123", "motdepasse", "contrasena", "123456789012", "1234567890", "12345678910",
        "0987654321", "abcdefghijkl", "abc123456789", "abcd1234abcd", "aaaaaaaaaaaa", "111111111111",
        "000000000000", "123123123123", "121212121212", "qwertyqwerty", "azertyuiop",
    ]
}
