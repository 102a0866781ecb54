import Foundation
@_spi(Operator) import SociaalHusCore

/// `sociaalhus export --email E [--out FILE]`: everything held about a person, as JSON.
enum ExportCommand {
    static func run(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let email = try args.required("email")
        let out = args.value("out")
        // Its audit event is its only write (documented); the log is never folded in here.
        let store = try ctx.openStore(&args, use: .readAndRecord)
        let data: Data
        do {
            let account = try store.account(email: email)
            data = try store.export(account.id, by: .commandLine).json()
        } catch CoreError.unknownAccount(let e) {
            // No account: perhaps a visitor, known by the address they wrote from.
            let visitor = try store.visitorExport(email: email, by: .commandLine)
            if visitor.isEmpty { throw CoreError.unknownAccount(email: e) }
            data = try visitor.json()
        }
        if let out {
            try OutputFile.write(data, to: out)
            Console.err(ctx.t(.exportWrittenToReadableBy(TextSanitizer.sanitize(out))))
        } else {
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
    }
}

/// Writing a file the user named: mode 0600 (it holds personal data), atomically, and never
/// through a path that is not a regular file.
enum OutputFile {
    static func write(_ data: Data, to path: String) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw CLIError.cannotWrite(path: path, reason: "it is a folder")
        }
        do {
            try DurableFile.replace(path, data: data)
        } catch let e as CoreError {
            if case .storeIO(_, let problem) = e { throw CLIError.cannotWrite(path: path, reason: problem) }
            throw e
        }
    }
}
