import Foundation
import Testing
@testable import SociaalHusCore

/// One press of "Save" on the profile is one change: all of it, or nothing of it.
@Suite struct ProfileSaveTests {
    struct World {
        let dir = TempDir()
        let store: Store
        let anna: Account
        let photoPath: String

        init() throws {
            store = try makeStore(dir)
            anna = try addResident(store, "anna@example.nl", name: "Anna de Vries")
            photoPath = dir.path + "/anna.png"
            let png = PhotoMetadataTests.signature + PhotoMetadataTests.chunk("IHDR", Array(repeating: 7, count: 13)) + PhotoMetadataTests.chunk("IEND", [])
            try Data(png).write(to: URL(fileURLWithPath: photoPath))
        }

        var now: Account { store.ownAccount(anna.id)! }

        /// A save of the form with a new name, a new photo and the newsletter ticked, changed by `change`.
        func save(_ change: (inout ProfileSave) -> Void = { _ in }) -> ProfileSave {
            var fields = anna.profile
            fields.displayName = "Anna Smit"
            var s = ProfileSave(account: anna.id, basedOn: anna.profile, fields: fields, photo: .file(photoPath), email: [.newsletter: true])
            change(&s)
            return s
        }
    }

    @Test("a save writes photo, fields and e-mail choices in one transaction") func oneTransaction() throws {
        let w = try World()
        let before = w.store.state.manifest.generation
        try w.store.perform(.saveProfile(w.save()), as: .account(w.anna))
        #expect(w.store.state.manifest.generation == before + 1)
        #expect(w.now.profile.displayName == "Anna Smit" && w.now.profile.photo != nil && w.now.profile.email[.newsletter])
    }

    /// A part of the form after the photo that the core refuses.
    enum LaterPart: String, CaseIterable {
        case unknownWijk, phoneTooLong

        func spoil(_ s: inout ProfileSave) {
            switch self {
            case .unknownWijk: s.fields.wijk = WijkID(999)
            case .phoneTooLong: s.fields.phone = String(repeating: "0", count: 200)
            }
        }

        var error: CoreError {
            switch self {
            case .unknownWijk: .unknownWijk("999")
            case .phoneTooLong: .fieldTooLong(.phone, limit: Field.phone.limit)
            }
        }
    }

    @Test("a refusal of a later part leaves nothing of the earlier parts saved", arguments: LaterPart.allCases)
    func allOrNothing(_ part: LaterPart) throws {
        let w = try World()
        let before = w.store.state.manifest.generation
        #expect(throws: part.error) { try w.store.perform(.saveProfile(w.save(part.spoil)), as: .account(w.anna)) }
        #expect(w.store.state.manifest.generation == before)
        #expect(w.now.profile == w.anna.profile, "photo, name and e-mail choices are as they were")
        #expect(allFiles(under: w.dir.store + "/photos").isEmpty, "no photo file was left behind")
    }

    @Test("someone else's save since the form was filled is said before anything is saved") func changedElsewhere() throws {
        let w = try World()
        try w.store.updateProfile(for: w.anna.id, by: .account(w.anna)) { $0.phone = "06-11111111" }
        #expect(throws: CoreError.self) { try w.store.perform(.saveProfile(w.save()), as: .account(w.store.ownAccount(w.anna.id)!)) }
        #expect(w.now.profile.photo == nil && w.now.profile.displayName == "Anna de Vries" && !w.now.profile.email[.newsletter])
    }
}
