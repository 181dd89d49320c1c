// swift-tools-version:6.0
import PackageDescription

/// kcbx: the 控辍保学 data-reconciliation pipeline.
///
/// The layout follows the pipeline: `ingest → normalize → link → reconcile → report`,
/// one module per stage, with the store (`KCBXStore`) and the command line (`kcbx`) at the edges.
/// The hot loops (reading bytes, normalizing, the linkage's m/u estimation over 1.5 million pairs even for a test
/// county) are unusably slow unoptimised: link alone took ~45 s of a 5,000-children run and the hostile corpus runs
/// kcbx 300 times. Debug builds (the tests, CI) compile these stages optimised; release builds are anyway.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "kcbx",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kcbx", targets: ["kcbx"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        // System libraries (Debian: libxml2-dev, zlib1g-dev, libxlsxwriter-dev).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(name: "CZlibGzip", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter",
                       providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]),
        // glibc's mallopt, to keep freed blocks for reuse (see Sources/kcbx/main.swift).
        .systemLibrary(name: "CGlibcMalloc"),

        // The kernel: dates, errors, log, value table, binary codec, records, the pipeline file.
        .target(name: "KCBXCore", dependencies: [
            .product(name: "Yams", package: "Yams"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: optimizedInDebug),
        // The ledger (台账): cases, their finding codes (plain keys) and the two kinds of work.
        .target(name: "KCBXLedger", dependencies: ["KCBXCore"]),
        // File formats at the edge: gzip, text encodings, CSV, XML, XLSX (read and write).
        .target(name: "KCBXFormats", dependencies: [
            "KCBXCore", "CLibXML2", "CZlibGzip",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], swiftSettings: optimizedInDebug),
        // Spreadsheets as officers need them, written with libxlsxwriter.
        .target(name: "KCBXSheets", dependencies: ["KCBXCore", "CXlsxWriter"]),
        // The stages, in pipeline order.
        .target(name: "KCBXIngest", dependencies: [
            "KCBXCore", "KCBXFormats",
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: optimizedInDebug),
        // The generated tables (scripts/generate-data) as resources, outside Sources: Han pinyin, GB/T 2260 codes.
        .target(name: "KCBXData", dependencies: ["KCBXCore"], path: "Data",
                resources: [.copy("han-table.txt"), .copy("region-codes.txt")]),
        .target(name: "KCBXNormalize", dependencies: ["KCBXCore", "KCBXData"], swiftSettings: optimizedInDebug),
        .target(name: "KCBXLink", dependencies: ["KCBXCore", "KCBXNormalize"], swiftSettings: optimizedInDebug),
        .target(name: "KCBXReconcile", dependencies: ["KCBXCore", "KCBXData", "KCBXLedger", "KCBXNormalize", "KCBXLink"]),
        // Report reads reconcile's result and plain values the pipeline makes of the earlier stages' (StageRecords):
        // it imports neither normalize nor link.
        .target(name: "KCBXReport", dependencies: ["KCBXCore", "KCBXLedger", "KCBXData", "KCBXFormats", "KCBXSheets", "KCBXReconcile"]),
        // The store: runs, stage results, ledger (SQLite through GRDB).
        .target(name: "KCBXStore", dependencies: [
            "KCBXCore", "KCBXLedger",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // Runs the stages against the store.
        .target(name: "KCBXPipeline", dependencies: [
            "KCBXCore", "KCBXLedger", "KCBXFormats", "KCBXIngest", "KCBXNormalize", "KCBXLink", "KCBXReconcile", "KCBXReport", "KCBXStore",
        ]),
        // The synthetic county.
        .target(name: "KCBXSynth", dependencies: ["KCBXCore", "KCBXLedger", "KCBXFormats", "KCBXSheets", "KCBXNormalize"]),
        .executableTarget(name: "kcbx", dependencies: [
            "CGlibcMalloc", "KCBXCore", "KCBXLedger", "KCBXPipeline", "KCBXSynth", "KCBXStore", "KCBXReconcile", "KCBXReport", "KCBXLink", "KCBXFormats", "KCBXSheets", "KCBXNormalize",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // libFuzzer on the readers, normalizers and pipeline-file parser (scripts/fuzz); a replayer when built plainly.
        .executableTarget(name: "kcbx-fuzz", dependencies: [
            "KCBXCore", "KCBXFormats", "KCBXNormalize",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "KCBXTests", dependencies: [
            "KCBXCore", "KCBXLedger", "KCBXData", "KCBXFormats", "KCBXSheets", "KCBXIngest", "KCBXNormalize", "KCBXLink", "KCBXReconcile",
            "KCBXReport", "KCBXStore", "KCBXPipeline", "KCBXSynth", "kcbx",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
