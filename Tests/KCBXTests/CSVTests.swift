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

    @Test("formula-safe cells: = + - @ tab CR get a leading quote (OWASP), negative numbers stay numbers",
          arguments: [("=cmd|'/c calc'!A1", "\"'=cmd|'/c calc'!A1\""), ("+SUM(A1:A2)", "\"'+SUM(A1:A2)\""), ("@SUM(1)", "\"'@SUM(1)\""),
                      ("-2+3+cmd|' /C calc'!A0", "\"'-2+3+cmd|' /C calc'!A0\""), ("\tx", "\"'\tx\""), ("-3.5", "-3.5"), ("-12", "-12"),
                      ("王小明", "王小明"), ("a=b", "a=b")])
    func formulaSafe(_ cell: String, _ written: String) throws {
        let url = TestSupport.temporaryDirectory().appendingPathComponent("f.csv")
        let w = try CSVWriter(url: url, encoding: .utf8, formulaSafe: true)
        try w.write([cell]); try w.close()
        #expect(String(decoding: try Data(contentsOf: url), as: UTF8.self) == written + "\r\n")
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

@Suite("CSVReader")
struct CSVReaderTests {
    /// One parsing case: file bytes, expected header and rows (values, line).
    struct Case: CustomTestStringConvertible, Sendable {
        var label: String
        var bytes: [UInt8]
        var header: [String]
        var rows: [[String]]
        var lines: [Int]? = nil
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "quoted fields with commas, doubled quotes and line breaks",
             bytes: Array("姓名,住址,备注\n张三,\"城关镇, 幸福路\",\"他说\"\"好\"\"\"\n李四,\"第一行\n第二行\",x\n王五,y,z\n".utf8),
             header: ["姓名", "住址", "备注"],
             rows: [["张三", "城关镇, 幸福路", "他说\"好\""], ["李四", "第一行\n第二行", "x"], ["王五", "y", "z"]],
             lines: [2, 3, 5]),
        Case(label: "CRLF line ends, no final line break",
             bytes: Array("a,b\r\n1,2\r\n3,4".utf8), header: ["a", "b"], rows: [["1", "2"], ["3", "4"]], lines: [2, 3]),
        Case(label: "old Mac CR line ends", bytes: Array("a,b\r1,2\r3,4\r".utf8), header: ["a", "b"], rows: [["1", "2"], ["3", "4"]]),
        Case(label: "UTF-8 BOM is not part of the first header",
             bytes: [0xEF, 0xBB, 0xBF] + Array("公民身份号码,姓名\n110101201501011234,张三\n".utf8),
             header: ["公民身份号码", "姓名"], rows: [["110101201501011234", "张三"]]),
        Case(label: "values trimmed of spaces, tabs, U+3000 and U+00A0; blank lines skipped",
             bytes: Array("  姓名 ,\u{3000}性别\u{3000}\n\n 张三\u{A0}, 男 \n   \n\"  李四 \" ,女\n".utf8),
             header: ["姓名", "性别"], rows: [["张三", "男"], ["李四", "女"]], lines: [3, 5]),
        Case(label: "empty fields and a quoted empty field",
             bytes: Array("a,b,c\n,,\n\"\",x,\n".utf8), header: ["a", "b", "c"], rows: [["", "", ""], ["", "x", ""]]),
        Case(label: "a stray quote inside an unquoted field is kept; text after a closing quote is kept",
             bytes: Array("a,b\n5\"3,\"ab\"c\n".utf8), header: ["a", "b"], rows: [["5\"3", "abc"]]),
        Case(label: "trailing empty fields beyond the header are dropped (spreadsheet export)",
             bytes: Array("a,b\n1,2,,\n".utf8), header: ["a", "b"], rows: [["1", "2"]]),
        Case(label: "unnamed trailing header columns are dropped, and so are the rows' empty values under them",
             bytes: Array("a,b,,\n1,2,,\n3,4\n".utf8), header: ["a", "b"], rows: [["1", "2"], ["3", "4"]]),
        Case(label: "a header-only file has no rows and no error",
             bytes: Array("公民身份号码,姓名\r\n".utf8), header: ["公民身份号码", "姓名"], rows: []),
    ]

    @Test("RFC 4180 parsing", arguments: cases)
    func parses(_ c: Case) throws {
        let dir = TestSupport.temporaryDirectory()
        let (header, rows, _) = try CSVFixture.rows(CSVFixture.write(c.bytes, "x.csv", in: dir))
        #expect(header == c.header)
        #expect(rows.map(\.values) == c.rows)
        #expect(rows.allSatisfy { $0.problem == nil })
        #expect(rows.map(\.recordNumber) == Array(1...max(1, c.rows.count)).prefix(c.rows.count).map { $0 })
        if let lines = c.lines { #expect(rows.map(\.line) == lines) }
        // The ingest stage's byte path hands out the same rows.
        let reader = try CSVReader(url: dir.appendingPathComponent("x.csv"))
        var raw: [Row] = []
        try reader.forEachRow { raw.append($0.row) }
        #expect(raw.map(\.values) == c.rows)
        #expect(raw.map(\.line) == rows.map(\.line))
    }

    @Test("delimiter sniffed from the header line", arguments: [("\t", "\t"), (";", ";"), ("|", "|"), (",", ","), ("\t", "\t,")])
    func sniffsDelimiter(delimiter: String, headerJoin: String) throws {
        let dir = TestSupport.temporaryDirectory()
        // The last case: a tab-separated file whose header has a comma inside a quoted name.
        let header = headerJoin == "\t," ? "\"户号,编号\"\t姓名\t性别" : ["户号", "姓名", "性别"].joined(separator: delimiter)
        let text = header + "\n" + ["0001", "张三, 小名", "男"].map { $0.contains(",") && delimiter == "," ? "\"\($0)\"" : $0 }.joined(separator: delimiter) + "\n"
        let (h, rows, reader) = try CSVFixture.rows(CSVFixture.write(text, "x.txt", in: dir))
        #expect(reader.delimiter == Character(delimiter))
        #expect(h.count == 3)
        #expect(rows.map(\.values) == [["0001", "张三, 小名", "男"]])
    }

    @Test("a configured delimiter is used as is")
    func configuredDelimiter() throws {
        let dir = TestSupport.temporaryDirectory()
        let (h, rows, _) = try CSVFixture.rows(CSVFixture.write("a;b,c\n1;2,3\n", "x.csv", in: dir), delimiter: ";")
        #expect(h == ["a", "b,c"])
        #expect(rows.map(\.values) == [["1", "2,3"]])
    }

    @Test("ragged rows come back with a problem, their raw values, line and record number")
    func raggedRows() throws {
        let dir = TestSupport.temporaryDirectory()
        let text = "a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n"
        let (_, rows, _) = try CSVFixture.rows(CSVFixture.write(text, "x.csv", in: dir))
        #expect(rows.map(\.problem) == [nil, "expected 3 fields, found 2", "expected 3 fields, found 4", nil])
        #expect(rows[1].values == ["4", "5"])
        #expect(rows.map(\.recordNumber) == [1, 2, 3, 4])
        #expect(rows.map(\.line) == [2, 3, 4, 5])
    }

    @Test("GB18030 detected and converted, also when the first Chinese text comes after 64 KB of ASCII")
    func gb18030() throws {
        let dir = TestSupport.temporaryDirectory()
        var text = "id,name\n"
        for i in 0..<5000 { text += "\(100000 + i),ascii\n" }  // ~70 KB of ASCII before any Chinese
        text += "1,张三\n2,阿依古丽·买买提\n3,𠮷\n"
        let utf8 = CSVFixture.write(text, "u.csv", in: dir)
        #expect(CSVFixture.shell("iconv -f UTF-8 -t GB18030 '\(utf8.path)' > '\(dir.path)/g.csv' && gzip -c '\(dir.path)/g.csv' > '\(dir.path)/g2.csv'") == 0)
        for name in ["g.csv", "g2.csv"] {
            let (_, rows, reader) = try CSVFixture.rows(dir.appendingPathComponent(name))
            #expect(rows.count == 5003)
            #expect(rows.suffix(3).map { $0.values[1] } == ["张三", "阿依古丽·买买提", "𠮷"])
            #expect(reader.encoding == .gb18030)
        }
        let (_, rows, reader) = try CSVFixture.rows(utf8)
        #expect(rows.last?.values == ["3", "𠮷"])
        #expect(reader.encoding == .utf8)
    }

    @Test("multibyte GB18030 sequences split across read buffers survive")
    func splitSequences() throws {
        let dir = TestSupport.temporaryDirectory()
        // Odd-length ASCII prefixes shift the two-byte characters across every buffer boundary.
        var text = "姓名,备注\n"
        for i in 0..<60000 { text += "张三\(i % 7 == 0 ? "x" : ""),李四王五赵六\n" }
        let utf8 = CSVFixture.write(text, "u.csv", in: dir)
        CSVFixture.shell("iconv -f UTF-8 -t GB18030 '\(utf8.path)' > '\(dir.path)/g.csv'")
        let (_, rows, _) = try CSVFixture.rows(dir.appendingPathComponent("g.csv"), encoding: .gb18030)
        #expect(rows.count == 60000)
        #expect(rows.allSatisfy { $0.values[1] == "李四王五赵六" && $0.values[0].hasPrefix("张三") })
    }

    @Test("a byte that is not GB18030 rejects its row, naming the column; the raw value shows U+FFFD; the rows around it read",
          arguments: [TextEncodingOption.gb18030, .auto])
    func invalidGB18030(encoding: TextEncodingOption) throws {
        let dir = TestSupport.temporaryDirectory()
        // 编号,姓名 / 1,张三 in GB18030 with a lone 0xFF (never valid) inside 张三, then 2,A.
        let bytes: [UInt8] = [0xB1, 0xE0, 0xBA, 0xC5, 0x2C, 0xD0, 0xD5, 0xC3, 0xFB, 0x0A,
                              0x31, 0x2C, 0xD5, 0xC5, 0xFF, 0xC8, 0xFD, 0x0A, 0x32, 0x2C, 0x41, 0x0A]
        let (h, rows, reader) = try CSVFixture.rows(CSVFixture.write(bytes, "bad.csv", in: dir), encoding: encoding)
        #expect(h == ["编号", "姓名"])
        #expect(reader.detectedEncoding == .gb18030)
        #expect(rows.map(\.values) == [["1", "张\u{FFFD}三"], ["2", "A"]])
        #expect(rows.map(\.problem) == ["column 2 `姓名`: bytes that are not valid GB18030 (shown as \u{FFFD})", nil])
    }

    @Test("invalid UTF-8 in a UTF-8 file rejects its row, naming the column, instead of being replaced silently",
          arguments: [([0xFF], "lone FF"), ([0xE5, 0xBC], "cut sequence"), ([0xC0, 0xAF], "overlong"), ([0xED, 0xA0, 0x80], "surrogate"),
                      ([0xF0, 0xA0, 0x80], "four-byte sequence cut after three bytes: U+FFFD has the same length")])
    func invalidUTF8(bad: [UInt8], label: String) throws {
        let dir = TestSupport.temporaryDirectory()
        var bytes = Array("编号,姓名,住址\n1,张三,示例县\n2,李".utf8) + bad + Array("四,\"城关镇\n北街\"\n3,王五𠀀,x\n".utf8)
        let url = CSVFixture.write(bytes, "u.csv", in: dir)
        let (_, rows, reader) = try CSVFixture.rows(url)
        #expect(reader.detectedEncoding == .utf8, "\(label)")
        #expect(rows.map(\.problem) == [nil, "column 2 `姓名`: bytes that are not valid UTF-8 (shown as \u{FFFD}); the file is read as UTF-8", nil], "\(label)")
        #expect(rows[1].values[1].hasPrefix("李\u{FFFD}"))
        #expect(rows[1].values[2] == "城关镇\n北街")
        #expect(rows.map(\.line) == [2, 3, 5])
        // Several bad columns: each is named; a ragged row says both.
        bytes = Array("a,b,c\n".utf8) + [0xFF] + Array(",x,".utf8) + [0xFE] + Array(",extra\n".utf8)
        let (_, ragged, _) = try CSVFixture.rows(CSVFixture.write(bytes, "r.csv", in: dir), encoding: .utf8)
        #expect(ragged.map(\.problem) == ["expected 3 fields, found 4; columns 1 `a`, 3 `c`: bytes that are not valid UTF-8 (shown as \u{FFFD}); the file is read as UTF-8"])
    }

    static let utf8Samples: [[UInt8]] = {
        let texts: [String] = ["", "abc", "城关镇12村, 45号", "𠀀王喆", String(repeating: "a", count: 17) + "张"]
        let bad: [[UInt8]] = [
            [0xFF], [0xC0, 0xAF], [0xC2], [0xE5, 0xBC], [0xED, 0xA0, 0x80], [0xE0, 0x80, 0x80], [0xF0, 0x80, 0x80, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xF0, 0xA0, 0x80, 0x80], [0xEF, 0xBF, 0xBD],
        ]
        let ascii8: [UInt8] = Array("abcdefgh".utf8)
        let mixed: [[UInt8]] = [ascii8 + [0xFE] + ascii8, Array("abcdefg".utf8) + [0xE5, 0xBC, 0x41]]
        return texts.map { Array($0.utf8) } + bad + mixed
    }()

    @Test("the UTF-8 check agrees with the standard library", arguments: utf8Samples)
    func utf8Check(bytes: [UInt8]) {
        let expected = String(validating: bytes, as: UTF8.self) != nil
        #expect(bytes.withView { $0.isValidUTF8 } == expected)
    }

    @Test("UTF-16 (Excel's \"Unicode text\") is converted")
    func utf16() throws {
        let dir = TestSupport.temporaryDirectory()
        let text = "姓名\t性别\r\n张三\t男\r\n"
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let (h, rows, reader) = try CSVFixture.rows(CSVFixture.write(bytes, "u.txt", in: dir))
        #expect(h == ["姓名", "性别"])
        #expect(rows.map(\.values) == [["张三", "男"]])
        #expect(reader.detectedEncoding == .utf16LE)
    }
}

@Suite("CSVReader on hostile input")
struct CSVHostileTests {
    @Test("an empty file needs a header row")
    func emptyFile() {
        let dir = TestSupport.temporaryDirectory()
        for (name, bytes) in [("empty.csv", [UInt8]()), ("blank.csv", Array("\n\r\n  \n".utf8))] {
            let url = CSVFixture.write(bytes, name, in: dir)
            let error = CSVFixture.error { _ = try CSVReader(url: url) }
            #expect(error?.message == "empty file: expected a header row")
            #expect(error?.file == url.path)
        }
    }

    @Test("a binary file named .csv is not text")
    func binaryFile() {
        let dir = TestSupport.temporaryDirectory()
        var bytes: [UInt8] = []
        var x: UInt32 = 12345
        for _ in 0..<100_000 { x = x &* 1103515245 &+ 12345; bytes.append(UInt8(truncatingIfNeeded: x >> 16)) }
        let url = CSVFixture.write(bytes, "data.csv", in: dir)
        let error = CSVFixture.error { _ = try CSVReader(url: url) }
        #expect(error?.message.hasPrefix("not a text file") == true)
        #expect(error?.kind == .input)
        let zip = CSVFixture.write([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0x41, count: 100), "book.csv", in: dir)
        #expect(CSVFixture.error { _ = try CSVReader(url: zip) }?.message.contains("XLSX") == true)
    }

    @Test("a header-only file has its header and no rows")
    func headerOnly() throws {
        let dir = TestSupport.temporaryDirectory()
        for (name, text) in [("h.csv", "公民身份号码,姓名\r\n"), ("h2.csv", "公民身份号码,姓名"), ("h3.csv", "公民身份号码\t姓名\n\n\n")] {
            let (header, rows, _) = try CSVFixture.rows(CSVFixture.write(text, name, in: dir))
            #expect(header == ["公民身份号码", "姓名"])
            #expect(rows.isEmpty)
        }
    }

    @Test("a truncated gzip says so, with the file")
    func truncatedGzip() throws {
        let dir = TestSupport.temporaryDirectory()
        var text = "id,name\n"
        for i in 0..<50000 { text += "\(i),张三\(i)\n" }
        _ = CSVFixture.write(text, "x", in: dir)
        CSVFixture.shell("cd '\(dir.path)' && gzip -c x > full.gz && head -c 60000 full.gz > cut.csv")
        let url = dir.appendingPathComponent("cut.csv")
        let error = CSVFixture.error {
            let reader = try CSVReader(url: url)
            while try reader.next() != nil {}
        }
        #expect(error?.message.hasPrefix("truncated gzip file") == true)
        #expect(error?.file == url.path)
        // Corrupt (not cut): bytes flipped in the middle of the stream.
        var bytes = try [UInt8](Data(contentsOf: dir.appendingPathComponent("full.gz")))
        for i in 2000..<2100 { bytes[i] ^= 0x5A }
        let corrupt = CSVFixture.write(bytes, "corrupt.csv", in: dir)
        let corruptError = CSVFixture.error {
            let reader = try CSVReader(url: corrupt)
            while try reader.next() != nil {}
        }
        #expect(corruptError?.message.contains("gzip file") == true)
    }

    @Test("a gzip bomb stops at the inflation limit")
    func gzipBomb() {
        let dir = TestSupport.temporaryDirectory()
        CSVFixture.shell("cd '\(dir.path)' && (printf 'a,b\\n'; head -c 67108864 /dev/zero | tr '\\0' '1') | gzip -c > bomb.csv")
        let url = dir.appendingPathComponent("bomb.csv")
        let error = CSVFixture.error {
            let reader = try CSVReader(url: url, limits: InputLimits(maxInflatedBytes: 8 << 20, maxRecordBytes: 64 << 20))
            while try reader.next() != nil {}
        }
        #expect(error?.message.hasPrefix("gzip file inflates to more than 8 MB") == true)
        #expect(error?.file == url.path)
    }

    /// A 10 MB line against a 1 MB limit, and a real 100 MB line (gzipped on disk, 100 KB) against the
    /// default 8 MB limit: both stop at the limit without reading the line whole.
    @Test("a very long line stops at the record limit, naming the file and line", arguments: [
        (10 << 20, "", 1 << 20, "record longer than 1 MB"),
        (100 << 20, " | gzip -1", InputLimits().maxRecordBytes, "record longer than 8 MB (the limit for one record); is this really a CSV file?"),
    ])
    func longLine(lineBytes: Int, gzip: String, limit: Int, message: String) {
        let dir = TestSupport.temporaryDirectory()
        CSVFixture.shell("cd '\(dir.path)' && (printf 'a,b\\n1,2\\n'; head -c \(lineBytes) /dev/zero | tr '\\0' 'x'; printf '\\n3,4\\n')\(gzip) > long.csv")
        let url = dir.appendingPathComponent("long.csv")
        var rowsBefore = 0
        let error = CSVFixture.error {
            let reader = try CSVReader(url: url, limits: InputLimits(maxRecordBytes: limit))
            while try reader.next() != nil { rowsBefore += 1 }
        }
        #expect(rowsBefore == 1)
        #expect(error?.message.hasPrefix(message) == true, "\(String(describing: error))")
        #expect(error?.file == url.path)
        #expect(error?.line == 3)
    }

    @Test("an unterminated quote names the line where it opened")
    func unterminatedQuote() {
        let dir = TestSupport.temporaryDirectory()
        let url = CSVFixture.write("a,b\n1,2\n3,\"open\n4,5\n6,7\n", "q.csv", in: dir)
        let error = CSVFixture.error {
            let reader = try CSVReader(url: url)
            while try reader.next() != nil {}
        }
        #expect(error?.line == 3)
        #expect(error?.message.contains("quote opened on line 3") == true)
    }

    @Test("NUL bytes after the sniffed start do not crash the reader")
    func lateNul() throws {
        let dir = TestSupport.temporaryDirectory()
        var bytes = Array(("a,b\n" + String(repeating: "1,2\n", count: 30000)).utf8)
        bytes += [0x33, 0x00, 0x2C, 0x34, 0x0A]
        let (_, rows, _) = try CSVFixture.rows(CSVFixture.write(bytes, "n.csv", in: dir))
        #expect(rows.count == 30001)
    }
}

/// Only regular files are read: a named pipe or a device gets a clear message instead of a run that never ends.
@Suite struct RegularFileTests {
    @Test func aNamedPipeADeviceAndAFolderAreRefusedALinkIsFollowed() throws {
        let dir = TestSupport.temporaryDirectory()
        let fifo = dir.appendingPathComponent("hukou.csv")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        #expect(throws: KCBXError.self) { try ByteSource.checkRegularFile(fifo, label: "source `公安户籍`") }
        do { try ByteSource.checkRegularFile(fifo, label: "source `公安户籍`") } catch {
            #expect(error.message.contains("named pipe") && error.exitCode == 2)
        }
        do { try ByteSource.checkRegularFile(URL(fileURLWithPath: "/dev/zero"), label: "x") } catch { #expect(error.message.contains("a device")) }
        do { try ByteSource.checkRegularFile(dir, label: "x") } catch { #expect(error.message.contains("a folder")) }
        // A CSVReader on the pipe fails at once rather than waiting for a writer.
        #expect(throws: KCBXError.self) { _ = try CSVReader(url: fifo) }
        let real = dir.appendingPathComponent("real.csv"), link = dir.appendingPathComponent("link.csv")
        try "a,b\r\n1,2\r\n".write(to: real, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        try ByteSource.checkRegularFile(link, label: "x")
        #expect(try CSVReader(url: link).header == ["a", "b"])
    }
}

@Suite struct InflationLimitTests {
    @Test("the default inflation limit follows the compressed size: 100 times, from 64 MB up to the absolute limit",
          arguments: [(Int64(100_000), Int64(64 << 20)), (Int64(5 << 20), Int64(500 << 20)), (Int64(200 << 20), Int64(8) << 30)])
    func ratio(_ compressed: Int64, _ limit: Int64) {
        let limits = InputLimits(maxInflatedBytes: 8 << 30, maxInflationRatio: 100)
        #expect(limits.inflatedLimit(compressedBytes: compressed) == limit)
        // An explicit rules.max_inflated_mb is absolute.
        #expect(InputLimits(maxInflatedBytes: 1 << 30).inflatedLimit(compressedBytes: compressed) == 1 << 30)
    }
}
