import Foundation

/// The privacy statement shown in the client, written for this product in plain language.
public enum PrivacyStatement {
    /// The text in the chosen language.
    /// The statement in force: a partner's own text when an administrator set one, else the
    /// built-in one with the address for takedown notices (privacy@ the platform's mail domain).
    public static func text(_ lang: Language, settings: PlatformSettings) -> String {
        let own = settings.privacyStatement
        if own.count == 2 { return lang == .dutch ? own[0] : own[1] }
        return text(lang) + "\n\n" + takedown(lang, address: privacyAddress(settings))
    }

    /// Where takedown notices go.
    public static func privacyAddress(_ settings: PlatformSettings) -> String {
        "privacy@" + (settings.mailFrom.split(separator: "@").last.map(String.init) ?? "sociaalhus.invalid")
    }

    static func takedown(_ lang: Language, address: String) -> String {
        lang.t(.privacyTakedown(address))
    }

    public static func text(_ lang: Language) -> String {
        lang.t(.privacyStatementText)
    }
}
