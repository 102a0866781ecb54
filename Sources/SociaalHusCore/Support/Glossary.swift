import Foundation

/// The platform's shared words for categories. The categories editors give activities and
/// organisations are the desk's subjects (`IntakeCategory`) plus a few of their own; those known
/// here are shown in the reader's language, anything else as typed.
public enum Glossary {
    /// Categories used besides the intake subjects, by their Dutch name.
    static let extraCategories: [String: Word] = [
        "cultuur": .categoryCultuur, "sport en bewegen": .categorySportEnBewegen, "sport": .categorySport,
        "ontmoeting": .categoryOntmoeting, "taal": .categoryTaal, "gezondheid": .categoryGezondheid,
        "jeugd": .categoryJeugd, "ouderen": .categoryOuderen, "mantelzorg": .categoryMantelzorg,
    ]

    /// A category as its reader reads it: as typed in Dutch; a known one translated in another
    /// language (keeping a capital first letter), others as typed.
    public static func category(_ text: String) -> Word {
        let key = text.lowercased().trimmingCharacters(in: .whitespaces)
        guard let known = IntakeCategory(rawValue: key)?.word ?? extraCategories[key] else { return .named(text) }
        return text.first?.isUppercase == true ? .categoryNameCapitalised(text, known) : .categoryName(text, known)
    }
}
