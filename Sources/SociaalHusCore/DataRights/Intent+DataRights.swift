import Foundation

/// Changes that serve a person's rights over their data when they have no account: a code
/// to prove the address, a file of their data, erasing it.
extension Intent where Result == Void {
    /// Mails a code to prove a visitor's address; `VisitorProof`'s limits are the check.
    public static func requestVisitorCode(email: String, proof: VisitorProof) -> Intent {
        Intent("requestVisitorCode", .anyone) { s, _ in try s.requestVisitorCode(email: email, proof: proof) }
    }
}

extension Intent where Result == String {
    /// Mails a visitor the data held about their proven address; returns the address.
    public static func mailVisitorExport(proof: VisitorProof) -> Intent {
        Intent("mailVisitorExport", .anyone) { s, v in try s.mailVisitorExport(proof: proof, by: v) }
    }
}

extension Intent where Result == Int {
    /// Erases the data held about a visitor's proven address; returns how many records.
    public static func eraseVisitor(proof: VisitorProof) -> Intent {
        Intent("eraseVisitor", .anyone) { s, v in try s.eraseVisitor(proof: proof, by: v) }
    }

    /// Erases the data held about a visitor's address, after the desk checked who they are (administrators).
    public static func eraseVisitor(email: String) -> Intent {
        Intent("eraseVisitor", .action(.administerPlatform)) { s, v in try s.eraseVisitor(email: email, by: v) }
    }
}
