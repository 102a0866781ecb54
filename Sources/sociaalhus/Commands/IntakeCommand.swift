import Foundation
@_spi(Operator) import SociaalHusCore

/// `sociaalhus intake receipt --id N [--number K] [--out FILE]`: the written receipt of a
/// referral, for the operator to print when the desk works over SSH (`--shared`), where the
/// interface writes no file on the server. Made by the core from what the store recorded and
/// logged for the person, as the desk's own printing is.
enum IntakeCommand {
    static func run(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let sub = args.positional.count > 1 ? args.positional[1] : ""
        guard sub == "receipt" else { throw CLIError.unknownCommand("intake " + sub) }
        let idText = try args.required("id")
        guard let id = Int(idText), id > 0 else {
            throw CLIError.invalidValue(option: "id", value: idText, expected: ctx.t(.theConversationSNumber))
        }
        let numberText = args.value("number")
        let number = try numberText.map { text -> Int in
            guard let n = Int(text), n > 0 else {
                throw CLIError.invalidValue(option: "number", value: text, expected: ctx.t(.n1ForTheFirstReferral))
            }
            return n
        }
        let out = args.value("out")
        let store = try ctx.openStore(&args)
        let intakeID = IntakeID(id)
        // Without --number: the latest referral, as the desk's own key prints it.
        let latest = try number ?? {
            let all = try store.perform(.referralReceipts(of: intakeID), as: .commandLine)
            guard let last = all.last else { throw CoreError.notFound(what: "referral of intake \(id)") }
            return last.number
        }()
        let receipt = try store.perform(.printReferralReceipt(intakeID, number: latest), as: .commandLine)
        let data = Data(receipt.text().utf8)
        if let out {
            try OutputFile.write(data, to: out)
            Console.err(ctx.t(.receiptWrittenToReadableBy(TextSanitizer.sanitize(out))))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
