import Foundation
import Testing
@testable import sociaalhus
import SociaalHusUI
import SociaalHusWords

/// The command list of `--help` reads as one list: every summary, in both languages, starts in
/// lower case and ends without a full stop (the command's own help adds the capital and the
/// stop), so no line stands out as a sentence among phrases. Read from the command table, so
/// a new command is covered the day it is added.
@Suite struct CommandSummaryTests {
    @Test("every command's summary starts in lower case and ends without a full stop, in Dutch and English",
          arguments: [Language.dutch, .english])
    func summariesReadAsOneList(_ language: Language) {
        let lang = LanguageText(language)
        for c in CommandSpec.all {
            let s = lang.t(c.summary)
            let name = c.path.isEmpty ? "(none)" : c.path.joined(separator: " ")
            #expect(s.first.map { !$0.isUppercase } == true, "\(name): '\(s)'")
            #expect(!s.hasSuffix("."), "\(name): '\(s)'")
        }
    }
}
