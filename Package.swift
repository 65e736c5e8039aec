// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Winnow",
    products: [
        .library(name: "Winnow", targets: ["Winnow"]),
        .executable(name: "winnow", targets: ["winnow"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // C libraries from Debian -dev packages. Only the targets named in the comments import them.
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),  // WinnowHTML only
        // ICU's converters behind a plain-C facade (libicu-dev); used by the Decode stage only.
        .target(name: "CICUConvert", linkerSettings: [.linkedLibrary("icuuc")]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),  // WinnowIO only
        .systemLibrary(
            name: "CBrotli", pkgConfig: "libbrotlidec", providers: [.apt(["libbrotli-dev"])]),  // WinnowIO only
        .systemLibrary(
            name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),  // WinnowIO only (SHA-256)

        // A per-document arena allocator for libxml2 (xmlMemSetup), behind `--arena`.
        .target(name: "CLibXML2Arena", dependencies: ["CLibXML2"]),
        // The DOM: the one module that holds libxml2 pointers.
        .target(name: "WinnowHTML", dependencies: ["CLibXML2", "CLibXML2Arena"]),
        // Bytes in and bytes out: files, folders, stdin, gzip, JSON Lines writing. No libxml2.
        .target(name: "WinnowIO", dependencies: ["CZlib", "CBrotli", "CCrypto"]),
        // The pipeline: one folder per stage under Stages/.
        .target(
            name: "Winnow", dependencies: ["WinnowHTML", "WinnowIO", "CICUConvert", .product(name: "Yams", package: "Yams")],
            plugins: ["EmbedVocabulary"]),
        // Build-time only: the boilerplate vocabulary data files compiled into the Winnow module.
        .executableTarget(name: "VocabularyCompiler"),
        .plugin(name: "EmbedVocabulary", capability: .buildTool(), dependencies: ["VocabularyCompiler"]),
        .executableTarget(
            name: "winnow",
            dependencies: ["Winnow", "WinnowHTML", "WinnowIO", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .target(name: "WinnowTestSupport", dependencies: ["Winnow", "WinnowIO"]),

        .testTarget(name: "WinnowHTMLTests", dependencies: ["WinnowHTML"]),
        .testTarget(name: "WinnowIOTests", dependencies: ["WinnowIO", "WinnowTestSupport"]),
        .testTarget(name: "WinnowTests", dependencies: ["Winnow", "WinnowHTML", "WinnowTestSupport"]),
        .testTarget(name: "WinnowCorpusTests", dependencies: ["Winnow", "WinnowIO", "WinnowTestSupport"]),
        .testTarget(name: "WinnowCLITests", dependencies: ["WinnowTestSupport"]),
    ]
)
