import Foundation

/// The privacy statement shown in the client, written for this product in plain language.
public enum PrivacyStatement {
    /// The statement in force: a partner's own text when an administrator set one, else the
    /// built-in one with the address for takedown notices (privacy@ the platform's mail domain).
    public static func text(settings: PlatformSettings) -> Word {
        let own = settings.privacyStatement
        if own.count == 2 { return .languageChoice(own[0], own[1]) }
        return .paragraphs(Word.privacyStatementText, Word.privacyTakedown(privacyAddress(settings)))
    }

    /// Where takedown notices go.
    public static func privacyAddress(_ settings: PlatformSettings) -> String {
        "privacy@" + (settings.mailFrom.split(separator: "@").last.map(String.init) ?? "sociaalhus.invalid")
    }

}
