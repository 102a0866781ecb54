// swift-tools-version:6.0
import PackageDescription

/// SociaalHus: a terminal client for the social domain of Borne.
/// No package dependencies: Foundation plus three system libraries (ncursesw, libcrypt, SQLite).
let package = Package(
    name: "SociaalHus",
    products: [
        .executable(name: "sociaalhus", targets: ["sociaalhus"]),
        .library(name: "SociaalHusCore", targets: ["SociaalHusCore"]),
    ],
    targets: [
        .systemLibrary(name: "CCrypt", path: "Sources/CCrypt"),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        // Every text a person reads, one catalogue per language; depends on nothing.
        .target(name: "SociaalHusWords"),
        .target(name: "SociaalHusCore", dependencies: ["SociaalHusWords", "CCrypt", "CSQLite"]),
        .target(name: "TerminalKit"),
        .target(name: "CursesTerminal", dependencies: ["CNcursesw", "TerminalKit"]),
        .target(name: "SociaalHusUI", dependencies: ["SociaalHusCore", "TerminalKit"]),
        .executableTarget(name: "sociaalhus", dependencies: ["SociaalHusCore", "SociaalHusUI", "CursesTerminal", "TerminalKit"]),
        .testTarget(name: "SociaalHusCoreTests", dependencies: ["SociaalHusCore"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        .testTarget(name: "SociaalHusUITests", dependencies: ["SociaalHusUI", "TerminalKit", "SociaalHusCore"],
                    exclude: ["Golden"]),
        // Runs the built `sociaalhus` binary as a person or a script would; depends on it so it is built first.
        .testTarget(name: "CommandLineTests", dependencies: ["sociaalhus"]),
        // The built binary in tmux, driven by keys as a person types, asserted on the captured screen.
        .testTarget(name: "EndToEndTests", dependencies: ["sociaalhus", "SociaalHusCore"]),
    ],
    swiftLanguageModes: [.v6]
)
