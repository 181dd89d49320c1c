import Foundation
import KCBXCore
@testable import KCBXFormats
import Testing

/// Helpers for the CSV tests: files in a temporary folder, gzip and iconv through the system tools.
enum CSVFixture {
    static func write(_ bytes: [UInt8], _ name: String, in dir: URL) -> URL {
        let url = dir.appendingPathComponent(name)
        FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        return url
    }

    static func write(_ text: String, _ name: String, in dir: URL) -> URL { write(Array(text.utf8), name, in: dir) }

    /// Runs a shell command (gzip, iconv, head) and waits; returns its exit status.
    @discardableResult
    static func shell(_ command: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        try? process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Every row of a CSV file, read through ``CSVReader``.
    static func rows(_ url: URL, encoding: TextEncodingOption = .auto, delimiter: Character? = nil,
                     limits: InputLimits = .init()) throws -> (header: [String], rows: [Row], reader: CSVReader) {
        let reader = try CSVReader(url: url, encoding: encoding, delimiter: delimiter, limits: limits)
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        return (reader.header, rows, reader)
    }

    /// The error thrown by `body`, if it is a ``KCBXError``.
    static func error(_ body: () throws -> Void) -> KCBXError? {
        do { try body() } catch let error as KCBXError { return error } catch { return nil }
        return nil
    }
}

@Suite("ByteSource and CSVWriter")
struct ByteSourceWriterTests {
    @Test("gzip is recognised by its magic bytes whatever the file is called; a plain file named .gz reads as is")
    func gzipByContent() throws {
        let dir = TestSupport.temporaryDirectory()
        let text = String(repeating: "公民身份号码,姓名\n110101201501011234,张三\n", count: 5000)
        let plain = CSVFixture.write(text, "plain.gz", in: dir)
        let gz = CSVFixture.write(text, "hukou", in: dir)
        CSVFixture.shell("gzip -c '\(gz.path)' > '\(dir.path)/hukou.csv'")
        for url in [plain, dir.appendingPathComponent("hukou.csv")] {
            let source = try ByteSource(url: url, limits: .init())
            var out = [UInt8](repeating: 0, count: 4096)
            var all: [UInt8] = []
            while true {
                let n = try out.withUnsafeMutableBytes { try source.read(into: $0) }
                if n == 0 { break }
                all.append(contentsOf: out[0..<n])
            }
            #expect(source.isGzip == (url.lastPathComponent == "hukou.csv"))
            #expect(String(decoding: all, as: UTF8.self) == text)
            #expect(source.bytesRead == Int64(text.utf8.count))
        }
    }

    @Test("concatenated gzip members read as one file")
    func concatenatedMembers() throws {
        let dir = TestSupport.temporaryDirectory()
        _ = CSVFixture.write("a,b\n1,2\n", "one", in: dir)
        _ = CSVFixture.write("3,4\n", "two", in: dir)
        CSVFixture.shell("cd '\(dir.path)' && gzip -c one > both.csv && gzip -c two >> both.csv")
        let (header, rows, _) = try CSVFixture.rows(dir.appendingPathComponent("both.csv"))
        #expect(header == ["a", "b"])
        #expect(rows.map(\.values) == [["1", "2"], ["3", "4"]])
    }

    @Test("CSVWriter round-trips through CSVReader in every encoding, gzipped or not, with mode 0600",
          arguments: [CSVWriter.Encoding.utf8BOM, .utf8, .gb18030], [false, true])
    func roundTrip(encoding: CSVWriter.Encoding, gzip: Bool) throws {
        let dir = TestSupport.temporaryDirectory()
        let url = dir.appendingPathComponent("out.csv")
        let rows: [[String]] = [
            ["公民身份号码", "姓名", "住址", "备注"],
            ["11010120150101123X", "阿依古丽·买买提", "示例县城关镇, 幸福路 1 号", "他说\"明天来\""],
            ["370783201203044321", "王𠮷", "第一行\r\n第二行", ""],
            ["", "李四", "a\"b,c\nd", "x"],
        ]
        let writer = try CSVWriter(url: url, encoding: encoding, gzip: gzip)
        for row in rows { try writer.write(row) }
        try writer.close()
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        let (header, read, reader) = try CSVFixture.rows(url)
        #expect(header == rows[0])
        #expect(read.map(\.values) == Array(rows.dropFirst()))
        #expect(read.map(\.line) == [2, 3, 5])
        #expect(reader.isGzip == gzip)
        #expect(reader.encoding == (encoding == .gb18030 ? .gb18030 : .utf8))
        #expect(reader.detectedEncoding == [.utf8BOM: .utf8BOM, .utf8: .utf8, .gb18030: .gb18030][encoding])
    }

    @Test("the writer's bytes: BOM, CRLF, quoting only where needed, tab-separated; GB18030 bytes as iconv makes them")
    func writerBytes() throws {
        let dir = TestSupport.temporaryDirectory()
        let bom = dir.appendingPathComponent("bom.csv"), tsv = dir.appendingPathComponent("t.tsv"), gb = dir.appendingPathComponent("gb.csv")
        var w = try CSVWriter(url: bom)
        try w.write(["姓名", "a,b", "say \"hi\""]); try w.close()
        #expect(try Data(contentsOf: bom) == Data([0xEF, 0xBB, 0xBF] + Array("姓名,\"a,b\",\"say \"\"hi\"\"\"\r\n".utf8)))
        w = try CSVWriter(url: tsv, encoding: .utf8, delimiter: "\t", permissions: 0o640)
        try w.write(["a,b", "c\td"]); try w.close()
        #expect(try Data(contentsOf: tsv) == Data("a,b\t\"c\td\"\r\n".utf8))
        #expect((try FileManager.default.attributesOfItem(atPath: tsv.path)[.posixPermissions] as? Int) == 0o640)
        w = try CSVWriter(url: gb, encoding: .gb18030)
        try w.write(["张三"]); try w.close()
        #expect(try Data(contentsOf: gb) == Data([0xD5, 0xC5, 0xC8, 0xFD, 0x0D, 0x0A]))
    }

    @Test("an existing file is truncated and gets the requested mode")
    func truncatesAndSetsMode() throws {
        let dir = TestSupport.temporaryDirectory()
        let url = CSVFixture.write(String(repeating: "old\n", count: 1000), "x.csv", in: dir)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
        let w = try CSVWriter(url: url, encoding: .utf8)
        try w.write(["new"]); try w.close()
        #expect(try String(contentsOf: url, encoding: .utf8) == "new\r\n")
        #expect((try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) == 0o600)
    }

    @Test("gzip output is a real gzip file")
    func gzipOutputIsGzip() throws {
        let dir = TestSupport.temporaryDirectory()
        let url = dir.appendingPathComponent("x.csv.gz")
        let w = try CSVWriter(url: url, encoding: .utf8, gzip: true)
        for i in 0..<10000 { try w.write(["\(i)", "王五"]) }
        try w.close()
        #expect(CSVFixture.shell("gzip -t '\(url.path)'") == 0)
        #expect(CSVFixture.shell("gzip -dc '\(url.path)' | head -1 | grep -q '^0,王五'") == 0)
    }
}
