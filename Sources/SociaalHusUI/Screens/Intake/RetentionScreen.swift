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
            FormField("months", ctx.t("Maanden", "Months"), .text(months)),
            FormField("note", ctx.t("Afgesloten gesprekken worden daarna automatisch gewist (\(range.lowerBound) tot \(range.upperBound) maanden).",
                                    "Closed conversations are then erased automatically (\(range.lowerBound) to \(range.upperBound) months)."), .note(.muted)),
            FormField("save", ctx.t("Opslaan", "Save"), .button),
        ], labelWidth: 10))
    }

    override func title(_ ctx: UIContext) -> String { ctx.t("Bewaartermijn", "Retention period") }

    override func pressed(_ id: String, _ ctx: UIContext) {
        guard id == "save" else { return }
        let range = PlatformSettings.retentionRange
        guard let months = Int(form.text("months").trimmingCharacters(in: .whitespaces)) else {
            return ctx.fail(CoreError.invalidRetention(minimum: range.lowerBound, maximum: range.upperBound))
        }
        do {
            let erased = try ctx.store.perform(.setIntakeRetention(months: months), as: ctx.viewer)
            ctx.pop()
            ctx.inform(ctx.t("Bewaartermijn is nu \(months) maanden; \(erased) verlopen gesprek(ken) gewist.",
                             "The retention period is now \(months) months; \(erased) expired conversation(s) erased."))
        } catch { ctx.fail(error) }
    }
}
