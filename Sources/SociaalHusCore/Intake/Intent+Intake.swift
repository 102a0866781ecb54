import Foundation

/// The desk's changes: intake conversations, referrals, receipts, drafts and retention. Desk
/// staff and administrators; reading a record is a change too, for it is logged.
extension Intent where Result == IntakePage {
    /// Reads the desk's list (a run of `listing`), logging rows new to the run. Conversations
    /// past their retention are erased first, in the same transaction: see `IntakeRetention`.
    public static func listIntakes(_ listing: IntakeListing) -> Intent {
        Intent("listIntakes", .action(.handleIntakes)) { s, v in
            var run = listing
            let rows = try s.listIntakes(&run, by: v)
            return IntakePage(rows: rows, listing: run)
        }
    }
}

extension Intent where Result == Intake {
    /// Opens one conversation, logging that it was opened.
    public static func openIntake(_ id: IntakeID) -> Intent {
        Intent("openIntake", .action(.handleIntakes)) { s, v in try s.openIntake(id, by: v) }
    }

    /// Records a new conversation.
    public static func createIntake(_ input: IntakeInput, consent: LinkConsent? = nil) -> Intent {
        Intent("createIntake", .action(.handleIntakes)) { s, v in try s.createIntake(input, consent: consent, by: v) }
    }

    /// Changes a conversation.
    public static func updateIntake(_ id: IntakeID, _ input: IntakeInput, consent: LinkConsent? = nil) -> Intent {
        Intent("updateIntake", .action(.handleIntakes)) { s, v in try s.updateIntake(id, input, consent: consent, by: v) }
    }

    /// Sets a conversation's status.
    public static func setIntakeStatus(_ id: IntakeID, _ status: IntakeStatus) -> Intent {
        Intent("setIntakeStatus", .action(.handleIntakes)) { s, v in try s.setIntakeStatus(id, status, by: v) }
    }
}

extension Intent where Result == (intakes: [Intake], disclosures: [Disclosure]) {
    /// The person's earlier conversations and what was passed on, logging the look.
    public static func personHistory(of id: IntakeID) -> Intent {
        Intent("personHistory", .action(.handleIntakes)) { s, v in try s.personHistory(of: id, by: v) }
    }
}

extension Intent where Result == AccountMatch? {
    /// The account a typed e-mail address belongs to, logging the look-up.
    public static func accountMatch(email: String, shown: AccountMatch? = nil) -> Intent {
        Intent("accountMatch", .action(.handleIntakes)) { s, v in try s.accountMatch(email: email, shown: shown, by: v) }
    }
}

extension Intent where Result == Referral {
    /// Passes a conversation on to an organisation, in one checked transaction.
    public static func refer(_ id: IntakeID, plan: ReferralPlan, told: ResidentTold?) -> Intent {
        Intent("refer", .action(.handleIntakes)) { s, v in try s.refer(id, plan: plan, told: told, by: v) }
    }
}

extension Intent where Result == [ReferralReceipt] {
    /// The receipts of a conversation's referrals, logging the look.
    public static func referralReceipts(of id: IntakeID) -> Intent {
        Intent("referralReceipts", .action(.handleIntakes)) { s, v in try s.referralReceipts(of: id, by: v) }
    }
}

extension Intent where Result == ReferralReceipt {
    /// A referral's receipt to print for the resident.
    public static func printReferralReceipt(_ id: IntakeID, number: Int) -> Intent {
        Intent("printReferralReceipt", .action(.handleIntakes)) { s, v in try s.printReferralReceipt(id, number: number, by: v) }
    }
}

extension Intent where Result == String {
    /// Mails a referral's receipt to the resident; returns the address.
    public static func mailReferralReceipt(_ id: IntakeID, number: Int) -> Intent {
        Intent("mailReferralReceipt", .action(.handleIntakes)) { s, v in try s.mailReferralReceipt(id, number: number, by: v) }
    }
}

extension Intent where Result == Int {
    /// Counts the person's conversations before erasing them, logging the look.
    public static func intakeCountOfPerson(of id: IntakeID) -> Intent {
        Intent("intakeCountOfPerson", .action(.handleIntakes)) { s, v in try s.intakeCountOfPerson(of: id, by: v) }
    }

    /// Erases every conversation of the person (on their request); returns how many.
    public static func eraseIntakes(ofPersonIn id: IntakeID) -> Intent {
        Intent("eraseIntakes", .action(.handleIntakes)) { s, v in try s.eraseIntakes(ofPersonIn: id, by: v) }
    }

    /// Sets how many months closed conversations are kept (administrators) and applies it at
    /// once, in the same transaction; returns how many were erased.
    public static func setIntakeRetention(months: Int) -> Intent {
        Intent("setIntakeRetention", .action(.administerPlatform)) { s, v in try s.setIntakeRetention(months: months, by: v) }
    }

    /// Erases what is past its retention (the operator's `retention` command, and the terminal
    /// program as it starts); returns how many conversations were erased.
    public static func eraseExpiredIntakes() -> Intent {
        Intent("eraseExpiredIntakes", .commandLine) { s, _ in try s.eraseExpiredIntakes() }
    }
}

extension Intent where Result == Void {
    /// Keeps the unsaved intake form of the desk member.
    public static func saveIntakeDraft(_ input: IntakeInput, editing: IntakeID?) -> Intent {
        Intent("saveIntakeDraft", .action(.handleIntakes)) { s, v in try s.saveIntakeDraft(input, editing: editing, by: v) }
    }

    /// Throws away the desk member's unsaved intake form.
    public static func discardIntakeDraft() -> Intent {
        Intent("discardIntakeDraft", .action(.handleIntakes)) { s, v in try s.discardIntakeDraft(by: v) }
    }
}
