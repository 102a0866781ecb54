import SociaalHusCore

extension Form {
    /// The label of field `id` as the screen shows it, without the " *" that marks it required:
    /// what an error about the field calls it, so "Vul 'organisatie' in" never names a field
    /// that is on screen as "Voor wie".
    func shownLabel(_ id: String) -> String? {
        guard var label = fields.first(where: { $0.id == id })?.label else { return nil }
        if label.hasSuffix(" *") { label.removeLast(2) }
        return label
    }
}
