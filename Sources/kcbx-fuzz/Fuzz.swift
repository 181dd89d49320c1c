import Foundation
import KCBXCore
import KCBXFormats
import KCBXNormalize
import Logging
import ZIPFoundation

/// `kcbx-fuzz`: coverage-guided fuzzing of what reads hostile input — the CSV, XML and XLSX readers,
/// the ID and date normalizers and the pipeline-file parser — with libFuzzer.
///
/// Built for fuzzing by `scripts/fuzz` (`-sanitize=fuzzer -D KCBX_LIBFUZZER`), it is libFuzzer with the
/// target named by `KCBX_FUZZ_TARGET` (csv, xml, xlsx, sheet, id, date, pipeline). Built plainly (as
/// `swift build` does), it replays files: `kcbx-fuzz <target> FILE|FOLDER...` runs each file through the
/// same target, so a crash libFuzzer found is reproduced, and its fix tested, without the fuzzing build.
/// A target fails by trapping: on a crash, and on a broken invariant (`check`).
@main
struct FuzzMain {
    static func main() {
        #if KCBX_LIBFUZZER
        guard let name = ProcessInfo.processInfo.environment["KCBX_FUZZ_TARGET"], let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("kcbx-fuzz: set KCBX_FUZZ_TARGET to one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        FuzzTarget.current = target
        LoggingSystem.bootstrap { SwiftLogNoOpLogHandler($0) }
        var argc = CommandLine.argc
        // unsafe: libFuzzer C entry points take C pointers and argv
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput))
        #else
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
            print("usage: kcbx-fuzz <\(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|"))> FILE|FOLDER...")
            exit(2)
        }
        FuzzTarget.current = target
        LoggingSystem.bootstrap { SwiftLogNoOpLogHandler($0) }
        var count = 0
        for path in arguments.dropFirst() {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            let files = isFolder.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 } : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                // unsafe: libFuzzer C entry points take C pointers and argv
                data.withUnsafeBytes { raw in _ = LLVMFuzzerTestOneInput(raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count) }
                count += 1
            }
        }
        print("kcbx-fuzz \(target.rawValue): \(count) inputs replayed, no crash")
        #endif
    }
}

#if KCBX_LIBFUZZER
@_silgen_name("LLVMFuzzerRunDriver")
// unsafe: libFuzzer C entry points take C pointers and argv
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32
#endif

/// libFuzzer's entry: one input through the chosen target.
@_cdecl("LLVMFuzzerTestOneInput")
// unsafe: libFuzzer C entry points take C pointers and argv
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTarget.current.run(bytes)
    return 0
}

/// What is fuzzed. File readers get the input as a file (in /dev/shm when there is one).
enum FuzzTarget: String, CaseIterable {
    /// CSVReader; the first byte picks the encoding and delimiter options.
    case csv
    /// XMLRecordReader on records named `r`; the first byte picks the encoding option.
    case xml
    /// XLSXReader on the input as a whole .xlsx file.
    case xlsx
    /// XLSXReader on a workbook built around the input: the part before the first NUL byte is the sheet
    /// (xl/worksheets/sheet1.xml), the rest the shared strings (xl/sharedStrings.xml).
    case sheet
    /// IDNumber.parse and everything derived from it.
    case id
    /// DateParser.parse.
    case date
    /// PipelineFile.parse.
    case pipeline

    // unsafe: set once from the command line before libFuzzer starts; read-only after
    nonisolated(unsafe) static var current = FuzzTarget.csv

    static let folder: URL = {
        let shm = URL(fileURLWithPath: "/dev/shm")
        let base = FileManager.default.isWritableFile(atPath: shm.path) ? shm : FileManager.default.temporaryDirectory
        let folder = base.appendingPathComponent("kcbx-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    /// Small limits, so that each input is quick and a big allocation shows as a failure.
    static let limits = InputLimits(maxInflatedBytes: 16 << 20, maxRecordBytes: 1 << 20)

    static func file(_ name: String, _ bytes: some Collection<UInt8>) -> URL {
        let url = folder.appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        return url
    }

    func run(_ bytes: [UInt8]) {
        switch self {
        case .csv:
            let option = bytes.first ?? 0
            let encodings: [TextEncodingOption] = [.auto, .utf8, .gb18030]
            let delimiters: [Character?] = [nil, ",", "\t", ";"]
            let url = Self.file("input.csv", bytes.dropFirst())
            readAll { () throws(KCBXError) in
                try CSVReader(url: url, encoding: encodings[Int(option) % 3], delimiter: delimiters[Int(option / 3) % 4], limits: Self.limits)
            }
        case .xml:
            let option = bytes.first ?? 0
            let encodings: [TextEncodingOption] = [.auto, .utf8, .gb18030]
            let url = Self.file("input.xml", bytes.dropFirst())
            readAll { () throws(KCBXError) in
                try XMLRecordReader(url: url, record: option & 0x80 == 0 ? "r" : "rs/r", encoding: encodings[Int(option) % 3], limits: Self.limits)
            }
        case .xlsx:
            let url = Self.file("input.xlsx", bytes)
            readAll { () throws(KCBXError) in try XLSXReader(url: url, limits: Self.limits) }
        case .sheet:
            let cut = bytes.firstIndex(of: 0) ?? bytes.count
            guard let url = Workbook.make(sheet: bytes[..<cut], sharedStrings: bytes[min(cut + 1, bytes.count)...], at: Self.folder) else { return }
            readAll { () throws(KCBXError) in try XLSXReader(url: url, limits: Self.limits) }
        case .id:
            let id = IDNumber.parse(String(decoding: bytes, as: UTF8.self))
            _ = (id.birthDate, id.sex, id.regionCode, id.masked, id.shown)
            if id.isValid, id.kind != .foreignPermanent || id.normalized.count == 18 {
                check(id.normalized.count == 18, "a usable ID number of \(id.normalized.count) characters")
                check(IDNumber.checkCharacter(of: id.normalized.prefix(17)).map(String.init) == String(id.normalized.suffix(1)), "a usable ID number with a wrong check character")
            }
            if id.kind == .damaged { check(!id.shown.isEmpty, "a damaged ID number shown as nothing") }
            let masked = id.masked
            if masked.count > 10 { check(masked.filter(\.isNumber).count <= 10, "a masked ID number showing more than 10 digits") }
        case .date:
            if case .date(let d) = DateParser.parse(String(decoding: bytes, as: UTF8.self)) {
                check(CivilDate(year: d.year, month: d.month, day: d.day) == d, "a date that does not exist: \(d)")
            }
        case .pipeline:
            let url = Self.file("pipeline.yaml", bytes)
            let (config, problems) = PipelineFile.parse(url)
            check((config == nil) != problems.isEmpty, "a pipeline file both accepted and refused")
            if let config {
                check(!config.sources.isEmpty, "a pipeline accepted without sources")
                check((2000...2100).contains(config.asOf.year), "as_of out of range")
                check(config.linkage.reviewThreshold <= config.linkage.autoThreshold, "review threshold above the auto threshold")
            }
        }
    }

    /// Opens a reader and reads every row, checking what each row promises.
    func readAll(_ open: () throws(KCBXError) -> any RowReader) {
        do {
            let reader = try open()
            let width = reader.header.count
            var rows = 0
            try reader.forEachRow { row in
                rows += 1
                if row.problem == nil { check(row.fields.count <= max(width, 1), "a row without a problem wider than its header") }
                for k in row.fields.indices { _ = row.forbiddenCharacter(k) }
                _ = row.values
            }
            _ = rows
        } catch {
            check(error.kind == .input || error.kind == .config, "a reader error of kind \(error.kind): \(error.message)")
        }
    }
}

/// Stops the fuzzer (a trap it records as a crash) when an invariant does not hold.
func check(_ condition: Bool, _ what: @autoclosure () -> String) {
    if !condition { fatalError("kcbx-fuzz: \(what())") }
}

/// A minimal workbook around a fuzzed sheet and shared-strings part.
enum Workbook {
    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>
    """
    static let workbook = """
    <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>
    """
    static let rels = """
    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
    """

    static func make(sheet: ArraySlice<UInt8>, sharedStrings: ArraySlice<UInt8>, at folder: URL) -> URL? {
        let url = folder.appendingPathComponent("sheet.xlsx")
        try? FileManager.default.removeItem(at: url)
        do {
            let archive = try Archive(url: url, accessMode: .create)
            for (path, bytes) in [("[Content_Types].xml", Array(contentTypes.utf8)[...]), ("xl/workbook.xml", Array(workbook.utf8)[...]),
                                  ("xl/_rels/workbook.xml.rels", Array(rels.utf8)[...]), ("xl/worksheets/sheet1.xml", sheet),
                                  ("xl/sharedStrings.xml", sharedStrings)] {
                let data = Data(bytes)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        } catch {
            return nil
        }
        return url
    }
}
