import SociaalHusCore

/// Safe text for drawing: user text with control characters made visible, on one line. (In the
/// app, not TerminalKit: the rule for what is made visible is the core's `TextSanitizer`.)
public func safe(_ s: String) -> String { TextSanitizer.sanitize(s) }
