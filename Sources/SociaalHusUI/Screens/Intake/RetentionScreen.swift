import Foundation
import SociaalHusCore
import TerminalKit

/// The administrator's setting for how many months closed conversations are kept.
final class RetentionScreen: FormScreen {
    init(_ ctx: UIContext) {
        var months = TextField(limit: 3)
        months.text = String(ctx.store.settings.intakeRetentionMonths)
        let range = PlatformSettings.retentionRange
        super.init(Form([
            FormField("months", ctx.t(.months), .text(months)),
            FormField("note", ctx.t(.closedConversationsAreThenErased(range.lowerBound, range.upperBound)), .note(.muted)),
            FormField("save", ctx.t(.save), .button),
        ], labelWidth: 10))
    }

    override func title(_ ctx: UIContext) -> String { ctx.t(.retentionPeriod) }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "save" else { return }
        let range = PlatformSettings.retentionRange
        guard let months = Int(form.text("months").trimmingCharacters(in: .whitespaces)) else {
            return ctx.fail(CoreError.invalidRetention(minimum: range.lowerBound, maximum: range.upperBound))
        }
        do {
            let erased = try ctx.store.perform(.setIntakeRetention(months: months), as: ctx.viewer)
            ctx.pop()
            ctx.inform(ctx.t(.theRetentionPeriodIsNow(months, erased)))
        } catch { ctx.fail(error) }
    }
}
