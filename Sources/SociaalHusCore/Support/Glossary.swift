import Foundation

/// The platform's shared words for categories: those of the one list (`PlatformCategory`) are
/// shown in the reader's language, anything else as typed.
public enum Glossary {
    /// A category as its reader reads it: as typed in Dutch; a known one translated in another
    /// language (keeping a capital first letter), others as typed.
    public static func category(_ text: String) -> Word {
        guard let known = PlatformCategory(matching: text)?.word else { return .named(text) }
        return text.first?.isUppercase == true ? .categoryNameCapitalised(text, known) : .categoryName(text, known)
    }
}
