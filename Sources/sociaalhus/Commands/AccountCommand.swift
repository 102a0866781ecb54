import Foundation
@_spi(Operator) import SociaalHusCore

/// `sociaalhus account add|role|block|unblock|reset|verify|letters|erase|photo`.
enum AccountCommand {
    static func run(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let sub = args.positional.count > 1 ? args.positional[1] : ""
        switch sub {
        case "add": try add(&args, ctx)
        case "role": try AccountRoleCommand.run(&args, ctx)
        case "block", "unblock": try block(&args, ctx, blocked: sub == "block")
        case "erase": try erase(&args, ctx)
        case "reset": try reset(&args, ctx)
        case "verify": try verify(&args, ctx)
        case "letters": try letters(&args, ctx)
        case "photo": try photo(&args, ctx)
        default: throw CLIError.unknownCommand("account " + sub)
        }
    }

    /// Creates an account; the password is read from stdin (without echo on a terminal).
    static func add(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let email = try args.required("email")
        let name = try args.required("name")
        let wijk = try args.required("wijk")
        let roleWords = args.values("role")
        let visibilityWord = args.value("visibility")
        // Only the platform's categories: a word outside the list would match nothing.
        let interests = try args.values("interest").map { text in
            guard let c = PlatformCategory(matching: text) else {
                throw CLIError.invalidValue(option: "interest", value: text, expected: PlatformCategory.keysListed)
            }
            return c.key
        }
        let store = try ctx.openStore(&args)
        let roles = try parseRoles(roleWords, store: store)
        var visibility = ProfileVisibility.anonymous
        if let v = visibilityWord {
            guard let parsed = ProfileVisibility(name: v) else {
                throw CLIError.invalidValue(option: "visibility", value: v, expected: "anoniem, alleen-buren, openbaar")
            }
            visibility = parsed
        }
        // Refuse a bad address or wijk before asking for a password.
        _ = try EmailAddress.normalise(email)
        guard store.wijk(named: wijk) != nil else { throw CoreError.unknownWijk(wijk) }
        // The operator is not the person who could "log in": an existing account
        // gets its roles with `account role`, named here with the roles asked for.
        if let existing = try? store.account(email: email) { throw CLIError.accountExists(email: existing.email, roles: roleWords) }
        if Console.interactive { Console.err(ctx.lang.t(PasswordPolicy.explanation)) }
        guard let password = Console.readSecret(prompt: ctx.t(.password2)) else { throw CLIError.noPassword }
        try PasswordPolicy.check(password, name: name, email: email)
        if Console.interactive {
            guard Console.readSecret(prompt: ctx.t(.again)) == password else { throw CLIError.passwordMismatch }
        }
        let account: Account
        do {
            account = try store.perform(.register(Registration(email: email, name: name, password: password, wijk: wijk,
                                                      roles: roles, visibility: visibility, interests: interests)), as: .commandLine)
        } catch CoreError.emailInUse {
            // Made at another terminal while the password was typed.
            throw CLIError.accountExists(email: email, roles: roleWords)
        }
        Console.out(ctx.t(.accountCreatedForProfileAll(account.id, account.email, account.roles.names.joined(separator: ", "), visibility.label(ctx.lang))))
    }

    /// Parses `--role` words: resident, editor:ORGANISATION, desk, partner:WIJK, admin.
    static func parseRoles(_ words: [String], store: Store) throws -> Roles {
        if words.isEmpty { return .residentOnly }
        var roles = Roles(resident: false)
        for word in words { roles.set(try parseRole(word, store: store), held: true) }
        return roles
    }

    /// Prints a one-time code with which the account's holder sets a new password at the login
    /// form ("Wachtwoord vergeten"); logged in their log as made by the operator.
    static func reset(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let email = try args.required("email")
        let store = try ctx.openStore(&args)
        let account = try store.account(email: email)
        let code = try store.perform(.issueResetCode(email: email), as: .commandLine)
        let hours = Int(PasswordReset.validity / 3600)
        Console.out(ctx.t(.oneTimeCodeForAccount(account.id, account.email, code, hours)))
    }

    /// Verifies an account's wijk as the one in its profile (the operator saw proof of the address).
    static func verify(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let email = try args.required("email")
        let store = try ctx.openStore(&args)
        let a = try store.perform(.verifyWijk(email: email), as: .commandLine)
        let wijk = store.wijk(a.profile.wijk)?.name ?? ""
        Console.out(ctx.t(.theNeighbourhoodOfAccountIs(a.id, wijk)))
    }

    /// Writes the letters residents asked for, one page each (a form feed between pages), with
    /// the code that verifies their wijk; the store keeps only the codes' hashes.
    static func letters(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let out = args.value("out")
        let store = try ctx.openStore(&args)
        if let out, FileManager.default.fileExists(atPath: out) {
            throw CLIError.cannotWrite(path: out, reason: ctx.t(.theFileExistsAlreadyChoose))
        }
        let letters = try store.perform(.writeWijkLetters(), as: .commandLine)
        guard !letters.isEmpty else { return Console.out(ctx.t(.noLettersWereAskedFor)) }
        let text = letters.map { WijkLetterText.page($0) }.joined(separator: "\u{0C}")
        if let out {
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .withoutOverwriting) } catch {
                throw CLIError.cannotWrite(path: out, reason: (error as NSError).localizedDescription)
            }
            chmod(out, 0o600)
            Console.out(ctx.t(.letterSWrittenToPrint(letters.count, out)))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// One role word (with its Dutch aliases), as `--role` of `account add` and `--add` and
    /// `--remove` of `account role` take it; `option` names the option in the refusal.
    static func parseRole(_ word: String, store: Store, option: String = "role") throws -> Role {
        let expected = "resident, editor:ORGANISATIE, desk, partner:WIJK, admin"
        let parts = word.split(separator: ":", maxSplits: 1).map(String.init)
        switch parts.first?.lowercased() ?? "" {
        case "resident", "bewoner": return .resident
        case "desk", "desk-staff", "baliemedewerker": return .deskStaff
        case "admin", "administrator", "beheerder": return .administrator
        case "editor", "organisation-editor", "organisatie":
            guard parts.count == 2 else { throw CLIError.invalidValue(option: option, value: word, expected: expected) }
            guard let org = store.organisation(named: parts[1]) else { throw CoreError.unknownOrganisation(parts[1]) }
            return .editor(org.id)
        case "partner", "local-partner", "lokale-partner":
            guard parts.count == 2 else { throw CLIError.invalidValue(option: option, value: word, expected: expected) }
            guard let w = store.wijk(named: parts[1]) else { throw CoreError.unknownWijk(parts[1]) }
            return .partner(w.id)
        default:
            throw CLIError.invalidValue(option: option, value: word, expected: expected)
        }
    }

    static func block(_ args: inout Arguments, _ ctx: CommandContext, blocked: Bool) throws {
        let email = try args.required("email")
        let reason = args.value("reason")
        let store = try ctx.openStore(&args)
        let account = try store.account(email: email)
        try store.perform(.setBlocked(account.id, blocked: blocked, reason: reason), as: .commandLine)
        Console.out(blocked ? ctx.t(.accountIsBlockedItCannot(account.id))
                            : ctx.t(.accountIsNoLongerBlocked(account.id)))
    }

    /// Sets or removes a person's photo for them: served over SSH a resident cannot name a file
    /// on the server, so the administrator does it from a file the resident brought.
    static func photo(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let email = try args.required("email")
        let from = args.value("from")
        let remove = args.flag("remove")
        guard (from != nil) != remove else { throw CLIError.photoSource }
        let store = try ctx.openStore(&args)
        let account = try store.account(email: email)
        if let from {
            try store.perform(.setPhoto(for: account.id, from: from), as: .commandLine)
            Console.out(ctx.t(.thePhotoOfAccountIs(account.id)))
        } else {
            try store.perform(.removePhoto(for: account.id), as: .commandLine)
            Console.out(ctx.t(.thePhotoOfAccountIs2(account.id)))
        }
    }

    static func erase(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let email = try args.required("email")
        let store = try ctx.openStore(&args)
        let account: Account
        do {
            account = try store.account(email: email)
        } catch CoreError.unknownAccount(let e) {
            // No account: a visitor, known by the address they wrote from, has the same right.
            let held = try store.visitorExport(email: email, by: .commandLine)
            if held.isEmpty { throw CoreError.unknownAccount(email: e) }
            try Console.confirm(ctx.t(.eraseEverythingOfTheVisitor(held.email, held.messagesSent.count, held.reportsMade.count, held.emailsWaiting.count)),
                                yes: args.flag("yes"), command: "account erase", ctx)
            let n = try store.perform(.eraseVisitor(email: email), as: .commandLine)
            Console.out(ctx.t(.theVisitorIsErasedRow(held.email, n)))
            return
        }
        // What goes, in the inventory's words (the same lines as the screen before an erasure).
        let statement = StoreInventory.erasureStatement().map(ctx.lang.t).joined(separator: "\n")
        try Console.confirm(ctx.t(.eraseAccountAndAllIts(account.id, account.email, statement)),
                            yes: args.flag("yes"), command: "account erase", ctx)
        let report = try store.perform(.erase(account.id), as: .commandLine)
        Console.out(ctx.t(.accountIsErasedAccountProfile(account.id)))
        // Names are never cut from others' texts automatically (a namesake's would change too).
        if report.textsNamingThem > 0 {
            Console.out(ctx.t(.textSByOthersStill(report.textsNamingThem)))
        }
    }
}
