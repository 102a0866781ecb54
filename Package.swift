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
        // One exhaustive switch per language over every word: past some 1,500 cases the
        // compiler's budget for proving a switch exhaustive runs out, so it gets a larger one
        // (the check itself is the point: a word a catalogue lacks does not build).
        .target(name: "SociaalHusWords", swiftSettings: [.unsafeFlags(["-Xfrontend", "-switch-checking-invocation-threshold=10000000"])]),
        .target(name: "SociaalHusCore", dependencies: ["SociaalHusWords", "CCrypt", "CSQLite"]),
        // The demo content of `init --demo` and the tests' store: made through the core's public API.
        .target(name: "SociaalHusDemo", dependencies: ["SociaalHusCore"]),
        // The benchmark's synthetic Borne and the load test's checks (the core's `Bench` SPI).
        .target(name: "SociaalHusBench", dependencies: ["SociaalHusCore", "SociaalHusDemo"]),
        .target(name: "TerminalKit"),
        .target(name: "CursesTerminal", dependencies: ["CNcursesw", "TerminalKit"]),
        .target(name: "SociaalHusUI", dependencies: ["SociaalHusCore", "TerminalKit"]),
        .executableTarget(name: "sociaalhus", dependencies: ["SociaalHusCore", "SociaalHusDemo", "SociaalHusBench", "SociaalHusUI",
                                                            "CursesTerminal", "TerminalKit"]),
        .testTarget(name: "SociaalHusCoreTests", dependencies: ["SociaalHusCore", "SociaalHusDemo", "SociaalHusBench"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        .testTarget(name: "SociaalHusUITests", dependencies: ["SociaalHusUI", "TerminalKit", "SociaalHusCore", "SociaalHusDemo", "SociaalHusBench"],
                    exclude: ["Golden"]),
        // Runs the built `sociaalhus` binary as a person or a script would; depends on it so it is built first.
        .testTarget(name: "CommandLineTests", dependencies: ["sociaalhus"]),
        // The built binary in tmux, driven by keys as a person types, asserted on the captured screen.
        .testTarget(name: "EndToEndTests", dependencies: ["sociaalhus", "SociaalHusCore", "SociaalHusBench"]),
    ],
    swiftLanguageModes: [.v6]
)
