// swift-tools-version: 6.0
import PackageDescription

/// Settings applied to every Swift target in one place.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Dyad",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dyad", targets: ["dyad"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .target(name: "Core"),
        .target(name: "Terminal"),
        .systemLibrary(name: "CNcursesw"),
        .systemLibrary(name: "CKernels"),
        .target(name: "NcursesTerminal", dependencies: ["Terminal", "CNcursesw"]),
        .target(name: "Engine", dependencies: [
            "Core", "CKernels", .product(name: "Collections", package: "swift-collections"),
        ]),
        .target(name: "Insight", dependencies: [
            "Engine", "Core", .product(name: "Collections", package: "swift-collections"),
        ]),
        .target(name: "Journal", dependencies: [
            "Core", .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "Workbench", dependencies: [
            "Terminal", "Engine", "CKernels", "Insight", "Journal", "Core",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Collections", package: "swift-collections"),
        ], resources: []),
        .executableTarget(name: "dyad", dependencies: [
            "Workbench", "NcursesTerminal", "Terminal", "Engine", "Insight", "Journal", "Core",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "TestSupport", dependencies: ["Core", "Terminal"], path: "Tests/TestSupport"),
        .testTarget(name: "CoreTests", dependencies: ["Core"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "TestSupport"]),
        .testTarget(name: "NcursesTerminalTests", dependencies: ["NcursesTerminal", "Terminal"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Core", "TestSupport"]),
        .testTarget(name: "JournalTests", dependencies: ["Journal", "Core", "TestSupport"]),
        .testTarget(name: "InsightTests", dependencies: ["Insight", "Engine", "Core", "TestSupport"]),
        .testTarget(name: "WorkbenchTests", dependencies: ["Workbench", "Terminal", "Engine", "Journal", "Core", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
    ]
)

/// Modules on the per-key and per-decision path are optimized even in debug
/// builds, so `make run` and the end-to-end tests feel like the real thing;
/// test targets stay unoptimized for quick compiles.
let optimizedInDebug: Set<String> = ["Core", "Terminal", "Engine", "Insight", "Journal", "Workbench"]

/// Modules whose inner loops (learning steps, scoring, clustering) run millions
/// of times: their dynamic exclusivity checks are turned off (measured: a few
/// percent of a learning step); compile-time checks still apply.
let numericKernels: Set<String> = ["Engine", "Insight"]

for target in package.targets where target.type != .system {
    var settings = (target.swiftSettings ?? []) + swiftSettings
    if optimizedInDebug.contains(target.name) {
        settings.append(.unsafeFlags(["-O"], .when(configuration: .debug)))
    }
    if numericKernels.contains(target.name) {
        settings.append(.unsafeFlags(["-enforce-exclusivity=unchecked"]))
    }
    target.swiftSettings = settings
}
