import Foundation

extension Store {
    /// The receipts of every referral of conversation `id`, oldest first; desk staff only.
    /// Showing them shows the conversation's referrals, so it is logged as opening it, as the
    /// conversation's own screen is.
    func referralReceipts(of id: IntakeID, by viewer: Viewer) throws -> [ReferralReceipt] {
        try Permissions.require(.handleIntakes, by: viewer)
        return try update(actor: viewer) { tx in
            let intake = try Self.intake(id, in: tx.state)
            tx.audit(.intakeOpened, actor: viewer.account?.id, subject: intake.person.account, target: "intake:\(id)")
            let address = PrivacyStatement.privacyAddress(tx.state.settings)
            return intake.referrals.indices.compactMap { ReferralReceipt(intake: intake, number: $0 + 1, privacyAddress: address) }
        }
    }

    /// The receipt of referral `number` (from 1) of conversation `id`, made from what the store
    /// recorded, for the desk to print and hand over; desk staff only. Logged for the person
    /// ("receipt-printed"), so their log shows that a paper copy was made and by whom.
    func printReferralReceipt(_ id: IntakeID, number: Int, by viewer: Viewer) throws -> ReferralReceipt {
        try Permissions.require(.handleIntakes, by: viewer)
        return try update(actor: viewer) { tx in
            let (intake, receipt) = try Self.receipt(id, number: number, in: tx.state)
            tx.audit(.receiptPrinted, actor: viewer.account?.id, subject: intake.person.account, target: "intake:\(id)")
            return receipt
        }
    }

    /// Queues the receipt of referral `number` of conversation `id` by e-mail to the resident;
    /// desk staff only. It goes to the address the resident gave at the desk, else to their
    /// linked account's; to no one else. Refused when there is no such address, and when no
    /// mail command is set (the receipt would wait in the outbox while the desk believes it
    /// sent: better a paper one now). The e-mail is erased with the conversation and with the
    /// linked account. Logged for the person ("receipt-mailed"). Returns the address.
    func mailReferralReceipt(_ id: IntakeID, number: Int, by viewer: Viewer) throws -> String {
        try Permissions.require(.handleIntakes, by: viewer)
        return try update(actor: viewer) { tx in
            let (intake, receipt) = try Self.receipt(id, number: number, in: tx.state)
            guard let to = Self.receiptAddress(of: intake, in: tx.state) else { throw CoreError.receiptCannotMail(noAddress: true) }
            guard !tx.state.settings.mailCommand.isEmpty else { throw CoreError.receiptCannotMail(noAddress: false) }
            let accounts = intake.person.account.map { [$0] } ?? []
            _ = try tx.queueMail(MailMessage(to: to, subject: ReferralReceipt.mailSubject, body: receipt.text() + ReferralReceipt.mailFooter),
                                 kind: .referralReceipt, accounts: accounts, intake: id)
            tx.audit(.receiptMailed, actor: viewer.account?.id, subject: intake.person.account, target: "intake:\(id)")
            return to
        }
    }

    /// Where a receipt of conversation `intake` is mailed: the address the resident gave at the
    /// desk, else their linked account's; nil when neither is a valid address.
    static func receiptAddress(of intake: Intake, in state: StoreState) -> String? {
        if EmailAddress.isValid(intake.person.email) { return intake.person.email }
        if let a = intake.person.account, let account = state.accounts[a.rawValue], EmailAddress.isValid(account.email) { return account.email }
        return nil
    }

    /// The conversation and the receipt of its referral `number`, or not found.
    static func receipt(_ id: IntakeID, number: Int, in state: StoreState) throws -> (Intake, ReferralReceipt) {
        let intake = try intake(id, in: state)
        guard let receipt = ReferralReceipt(intake: intake, number: number, privacyAddress: PrivacyStatement.privacyAddress(state.settings)) else {
            throw CoreError.notFound(what: "referral \(number) of intake \(id)")
        }
        return (intake, receipt)
    }
}

extension ReferralReceipt {
    /// The end of the receipt's e-mail: why the resident receives it, and that answering does not reach anyone.
    public static let mailFooter = """

        --
        U ontvangt deze e-mail omdat u aan de balie van het Sociaal Hus om dit bewijs vroeg.
        Beantwoorden kan niet; met vragen kunt u terecht bij de balie van het Sociaal Hus.
        You receive this e-mail because you asked for this receipt at the Sociaal Hus desk.
        Replying is not possible; questions can be asked at the Sociaal Hus desk.

        """
}
