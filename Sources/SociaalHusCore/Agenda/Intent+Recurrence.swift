import Foundation

/// Changes to single occurrences of repeating activities.
extension Intent where Result == Void {
    /// Cancels, moves or restores the occurrence of activity `id` on the local day of `day`
    /// (an activity takes place at most once a day); its organisation's editors only.
    public static func changeOccurrence(_ id: AgendaItemID, on day: Date, _ edit: OccurrenceEdit) -> Intent {
        Intent("changeOccurrence", .signedIn) { s, v in try s.changeOccurrence(id, on: day, edit, by: v) }
    }
}
