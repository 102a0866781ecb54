import Foundation

/// The page of a letter that verifies a resident's wijk, in Dutch and English, for a window
/// envelope: the address block first.
public enum WijkLetterText {
    /// One page, sanitised (name and address are typed by the resident).
    public static func page(_ l: WijkLetter) -> String {
        let until = Language.dutch.t(LocalTime.dayNameWithYear(l.validUntil))
        let untilEn = Language.english.t(LocalTime.dayNameWithYear(l.validUntil))
        let name = TextSanitizer.sanitize(l.name), address = TextSanitizer.sanitize(l.address), wijk = TextSanitizer.sanitize(l.wijk)
        return """
            \(name)
            \(address)



            Uw code om uw wijk in SociaalHus te bevestigen

            Beste \(name),

            U vroeg in SociaalHus om uw wijk, \(wijk), te bevestigen. Typ deze code onder
            Profiel › Wijk bevestigen (toets v):

                \(l.code)

            De code werkt tot en met \(until), één keer. Daarna ziet u de namen van bewoners
            van \(wijk) die hun profiel op 'Alleen buren' hebben.
            Heeft u dit niet gevraagd, of woont u niet op dit adres? Dan kunt u deze brief
            weggooien; er gebeurt niets. Vragen: de balie van het Sociaal Hus.

            ---

            Your code to verify your neighbourhood in SociaalHus: \(l.code)
            Type it under Profile › Verify neighbourhood (key v). It works until \(untilEn), once.
            Did you not ask for this? Then throw this letter away; nothing will happen.

            """
    }
}
