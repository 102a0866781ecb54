import Foundation

/// The platform's shared words in English. The categories editors give
/// activities and organisations are the desk's subjects (`IntakeCategory`) plus a few of their
/// own; those known here are shown in the reader's language, anything else as typed.
public enum Glossary {
    /// Categories used besides the intake subjects, with their English.
    static let extraCategories: [String: String] = [
        "cultuur": "culture", "sport en bewegen": "sport and exercise", "sport": "sport", "ontmoeting": "meeting people",
        "taal": "language", "gezondheid": "health", "jeugd": "youth", "ouderen": "older people", "mantelzorg": "informal care",
    ]

    /// A category as `lang` reads it: a known one translated (keeping a capital first letter), others as typed.
    public static func category(_ text: String, _ lang: Language) -> String {
        guard lang == .english else { return text }
        let key = text.lowercased().trimmingCharacters(in: .whitespaces)
        let english = IntakeCategory(rawValue: key)?.label(.english) ?? extraCategories[key]
        guard let english else { return text }
        return text.first?.isUppercase == true ? english.prefix(1).uppercased() + english.dropFirst() : english
    }
}
