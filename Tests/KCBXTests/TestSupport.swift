import Foundation
import ZIPFoundation

/// Helpers shared by the tests: temporary folders, running the built `kcbx`, looking inside XLSX files.
enum TestSupport {
    /// The package's root folder.
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// A new empty temporary folder.
    static func temporaryDirectory(_ label: String = "kcbx-test") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The `kcbx` executable built beside the test bundle.
    static let kcbx: URL = {
        var candidates: [URL] = []
        if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent()) }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for dir in candidates {
            var d = dir
            for _ in 0..<4 {
                let url = d.appendingPathComponent("kcbx")
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue { return url }
                d.deleteLastPathComponent()
            }
        }
        return root.appendingPathComponent(".build/debug/kcbx")
    }()

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    /// Runs `kcbx` with `arguments` and waits for it.
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = start(arguments, in: directory)
        let out = process.out.fileHandleForReading.readDataToEndOfFile()
        let err = process.err.fileHandleForReading.readDataToEndOfFile()
        process.process.waitUntilExit()
        return Result(status: process.process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    /// Starts `kcbx` without waiting.
    static func start(_ arguments: [String], in directory: URL? = nil) -> (process: Process, out: Pipe, err: Pipe) {
        let process = Process()
        process.executableURL = kcbx
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try! process.run()
        return (process, out, err)
    }

    /// The text of one part of a zip archive (an XLSX's `xl/worksheets/sheet1.xml`, say).
    static func zipPart(_ url: URL, _ path: String) throws -> String {
        let archive = try Archive(url: url, accessMode: .read)
        guard let entry = archive[path] else { return "" }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads a CSV written with a BOM into rows of fields (RFC 4180, no line breaks inside fields assumed).
    static func csvRows(_ url: URL) throws -> [[String]] {
        var text = try String(contentsOf: url, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { line in
            var fields: [String] = [], field = "", quoted = false
            var chars = Array(line.replacingOccurrences(of: "\r", with: "")).makeIterator()
            while let c = chars.next() {
                if quoted {
                    if c == "\"" {
                        if let n = chars.next() { if n == "\"" { field.append("\"") } else { quoted = false; if n == "," { fields.append(field); field = "" } else { field.append(n) } } } else { quoted = false }
                    } else { field.append(c) }
                } else if c == "\"" { quoted = true } else if c == "," { fields.append(field); field = "" } else { field.append(c) }
            }
            fields.append(field)
            return fields
        }
    }
}
