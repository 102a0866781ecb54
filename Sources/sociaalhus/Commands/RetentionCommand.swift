import Foundation
@_spi(Operator) import SociaalHusCore

/// `sociaalhus retention`: erases closed intakes older than the retention period, for a daily
/// cron job (the interface also does this when it starts and when the intake list opens).
enum RetentionCommand {
    static func run(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let store = try ctx.openStore(&args)
        let erased = try store.perform(.eraseExpiredIntakes(), as: .commandLine)
        let months = store.settings.intakeRetentionMonths
        Console.out(ctx.t(.closedConversationSOlderThan(erased, months)))
    }
}
