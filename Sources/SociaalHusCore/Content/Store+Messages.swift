import Foundation

extension Store {
    /// Sends a contact-form message: the sender's name and e-mail address are mandatory; only
    /// the recipient (for an organisation: its editors) will see them.
    @discardableResult
    public func sendMessage(senderName: String, senderEmail: String, to recipient: ContactMessage.Recipient,
                            text: String, by viewer: Viewer) throws -> ContactMessage {
        let name = try validated(senderName, .senderName)
        guard !senderEmail.trimmingCharacters(in: .whitespaces).isEmpty else { throw CoreError.fieldRequired(.senderEmail) }
        let email = try EmailAddress.normalise(senderEmail)
        let body = try validated(text, .text)
        try PlatformAccess.require(.profiles, viewer: viewer, settings: state.settings)
        return try update { tx in
            switch recipient {
            case .resident(let id):
                guard let r = tx.state.accounts[id.rawValue], !r.blocked else { throw CoreError.notFound(what: "account \(id)") }
            case .organisation(let id):
                guard tx.state.organisations[id.rawValue] != nil else { throw CoreError.unknownOrganisation(String(id.rawValue)) }
            }
            let id: MessageID = tx.nextID(.messages)
            let message = ContactMessage(id: id, senderName: name, senderEmail: email, senderAccount: viewer.activeAccount?.id,
                                         recipient: recipient, text: body, sent: tx.now)
            tx.put(message)
            if case .resident(let r) = recipient { tx.audit(.messageSent, actor: viewer.activeAccount?.id, subject: r, target: "message:\(id)") }
            if let s = viewer.activeAccount?.id { tx.audit(.messageSent, actor: s, subject: s, target: "message:\(id)") }
            return message
        }
    }

    /// The messages `viewer` may read, newest first.
    public func messages(for viewer: Viewer) -> [ContactMessage] {
        state.messages.all.filter { ContentVisibility.mayRead($0, by: viewer) }.sorted { $0.sent > $1.sent }
    }
}
