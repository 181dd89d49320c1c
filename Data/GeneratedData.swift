import Foundation
import KCBXCore

/// The generated tables kcbx reads (made by scripts/generate-data, never edited by hand), shipped as
/// this module's resources: SwiftPM copies them into the folder `kcbx_KCBXData.resources` beside the
/// kcbx binary (and beside the test runner), which a deployment copies with the binary (README).
///
/// - `han-table.txt`: pinyin and simplified form of U+4E00–U+9FFF as ICU gives them, one line per
///   character (read by KCBXNormalize's `HanTable`).
/// - `region-codes.txt`: GB/T 2260 codes of provinces, prefectures and counties, current and
///   historical (read by KCBXReport's ``RegionCodes``).
///
/// The text of a table is read from disk when its reader first asks (each reader keeps what it parsed
/// in a lazy static): a missing resource folder or file is a ``KCBXError`` saying where kcbx looked.
public enum GeneratedData {
    public enum Table: String, Sendable, CaseIterable {
        case hanTable = "han-table.txt"
        case regionCodes = "region-codes.txt"
    }

    /// The resource folder's name (SwiftPM: `<package>_<target>`; `.resources` on Linux, `.bundle` on macOS).
    static let bundleNames = ["kcbx_KCBXData.resources", "kcbx_KCBXData.bundle"]

    /// The text of `table`, without its final line break.
    public static func text(_ table: Table) throws(KCBXError) -> String {
        let url = try url(table)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw KCBXError(.runFailed, "cannot read kcbx's data file \(table.rawValue)", file: url.path)
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw corrupt(table, "it is not UTF-8 text")
        }
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Where `table` is: the first resource folder that holds it, looking beside the running binary
    /// (as started and with symbolic links resolved) and beside every loaded bundle (a test runner).
    public static func url(_ table: Table) throws(KCBXError) -> URL {
        let fm = FileManager.default
        for directory in searchDirectories {
            for name in bundleNames {
                let folder = directory.appendingPathComponent(name)
                for candidate in [folder, folder.appendingPathComponent("Contents/Resources")] {
                    let file = candidate.appendingPathComponent(table.rawValue)
                    if fm.fileExists(atPath: file.path) { return file }
                }
            }
        }
        throw KCBXError(.runFailed, "kcbx's data file \(table.rawValue) is missing: no \(bundleNames[0])/\(table.rawValue) in "
                        + searchDirectories.map(\.path).joined(separator: ", ")
                        + "; the folder \(bundleNames[0]) that the build writes beside the kcbx binary must be copied with it")
    }

    /// A ``KCBXError`` for a table that is there but not what scripts/generate-data writes.
    public static func corrupt(_ table: Table, _ what: String) -> KCBXError {
        let path = (try? url(table).path) ?? table.rawValue
        return KCBXError(.runFailed, "kcbx's data file \(table.rawValue) is damaged: \(what); rebuild kcbx or run scripts/generate-data",
                         file: path)
    }

    static let searchDirectories: [URL] = {
        var directories: [URL] = []
        func add(_ url: URL?) {
            guard let url else { return }
            let directory = url.standardizedFileURL
            if !directories.contains(directory) { directories.append(directory) }
        }
        add(Bundle.main.bundleURL)
        add(Bundle.main.executableURL?.deletingLastPathComponent())
        add(Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent())
        #if os(Linux)
        add(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent())
        #endif
        for bundle in Bundle.allBundles { add(bundle.bundleURL.deletingLastPathComponent()) }
        return directories
    }()
}
