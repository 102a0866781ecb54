import Foundation
@_spi(Operator) import SociaalHusCore

/// `sociaalhus signup --activity N|WORDS [--on YYYY-MM-DD] --name NAME --email ADDRESS [--remind-days D]`:
/// signs up someone who called or came to the desk, as a visitor known by the address they give.
/// The activity is its number, or words from its title (the caller says "the information
/// evening"; the desk has no number to hand).
enum SignUpCommand {
    static func run(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let idText = try args.required("activity")
        let name = try args.required("name")
        let email = try args.required("email")
        let onText = args.value("on")
        let remindText = args.value("remind-days")
        if let n = Int(idText), n <= 0 { throw CLIError.invalidValue(option: "activity", value: idText, expected: ctx.t(.numberOfTheActivity)) }
        var day: Date?
        if let onText {
            guard let d = ISODate.day(onText) else { throw CLIError.invalidValue(option: "on", value: onText, expected: "YYYY-MM-DD") }
            day = d
        }
        var remind: Int? = 1
        if let remindText {
            guard let n = Int(remindText), (0...SignUp.maximumRemindDays).contains(n) else {
                throw CLIError.invalidValue(option: "remind-days", value: remindText, expected: ctx.t(.numberFrom0To(SignUp.maximumRemindDays)))
            }
            remind = n
        }
        let store = try ctx.openStore(&args)
        let id: Int
        if let n = Int(idText) {
            id = n
        } else {
            let found = store.signUpActivities(matching: idText, for: .commandLine)
            guard let first = found.first else { throw CLIError.invalidValue(option: "activity", value: idText, expected: ctx.t(.noSignUpActivityWithTitle)) }
            guard found.count == 1 else {
                let list = found.map { "\($0.item.id.rawValue) \(TextSanitizer.sanitize($0.item.title)) (\(LocalTime.isoDay($0.next)))" }.joined(separator: "; ")
                throw CLIError.invalidValue(option: "activity", value: idText, expected: ctx.t(.signUpActivityMatches(list)))
            }
            id = first.item.id.rawValue
        }
        guard let at = store.occurrence(of: AgendaItemID(id), on: day, for: .commandLine) else {
            throw CLIError.invalidValue(option: day == nil ? "activity" : "on", value: onText ?? idText, expected: ctx.t(.anActivityOnThatDay))
        }
        let row = try store.perform(.signUp(AgendaItemID(id), at: at, SignUpRequest(remindDays: remind, visitorName: name, visitorEmail: email)), as: .commandLine)
        Console.out(ctx.t(row.state == .waiting ? .signUpCommandWaiting(row.id, LocalTime.isoDay(at) + " " + LocalTime.time(at))
                                                : .signUpCommandPlace(row.id, LocalTime.isoDay(at) + " " + LocalTime.time(at))))
    }
}
