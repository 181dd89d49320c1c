import Foundation
import KCBXCore
import KCBXFormats
@testable import KCBXIngest
import Testing

@Suite("Ingest of delimited text")
struct IngestTests {
    /// A pipeline file in `dir` with the given sources (YAML lines under `sources:`).
    static func config(_ dir: URL, _ sources: String) throws -> PipelineConfig {
        let yaml = """
        name: 测试
        district: {code: "370783", name: 示例县}
        as_of: 2026-11-30
        store: state.sqlite
        output: out/
        sources:
        \(sources)
        """
        let url = dir.appendingPathComponent("p.yaml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        return try PipelineFile.load(url)
    }

    @Test("headers match after trimming and full-width folding", arguments: [
        "公民身份号码,姓名", " 公民身份号码 ,\u{3000}姓名", "公民身份号码\u{3000},姓　名",
    ])
    func headerFolding(header: String) throws {
        let dir = TestSupport.temporaryDirectory()
        _ = CSVFixture.write("\(header)\n110101201501011234,张三\n", "h.csv", in: dir)
        let config = try Self.config(dir, "  - {name: 公安, role: hukou, path: h.csv, format: csv, columns: {id_number: 公民身份号码, name: 姓名}}")
        let ingested = try IngestStage.read(config.sources[0], limits: .init())
        #expect(ingested.table.records.map(\.values) == [["110101201501011234", "张三"]])
        #expect(IngestStage.foldHeader("ＩＤ（号码）") == "ID(号码)")
        #expect(IngestStage.foldHeader("Ｎａｍｅ １") == "Name1")
    }

    @Test("every row is accepted or rejected with record number, line, raw values and reason")
    func nothingLost() throws {
        let dir = TestSupport.temporaryDirectory()
        let text = """
        户号,公民身份号码,姓名,备注
        H1,110101201501011234,张三,
        H1,110101201601011234
        H2,,,"有备注"
        H3,"110101201701011234","李
        四",x
        H4,110101201801011234,王五,x,y

        """
        _ = CSVFixture.write(text, "r.csv", in: dir)
        let config = try Self.config(dir, "  - {name: 公安, role: hukou, path: r.csv, format: csv, columns: {id_number: 公民身份号码, name: 姓名}}")
        let table = try IngestStage.read(config.sources[0], limits: .init()).table
        #expect(table.rowsRead == 5)
        #expect(table.records.map(\.recordNumber) == [1, 4])
        #expect(table.records.map(\.line) == [2, 5])
        #expect(table.records[1].values == ["110101201701011234", "李\n四"])
        #expect(table.rejects.map(\.recordNumber) == [2, 3, 5])
        #expect(table.rejects.map(\.line) == [3, 4, 7])
        #expect(table.rejects.map(\.reason) == ["expected 4 fields, found 2", "all mapped columns are empty", "expected 4 fields, found 5"])
        #expect(table.rejects[0].raw == ["H1", "110101201601011234"])
    }

    @Test("control and direction characters in a mapped field reject the row, naming the column and the character",
          arguments: [("张\u{7}三", "U+0007"), ("\u{202E}三张", "U+202E"), ("张\u{2066}三", "U+2066"),
                      ("张\u{85}三", "U+0085"), ("张\u{200F}三", "U+200F")])
    func forbiddenCharacters(_ name: String, _ code: String) throws {
        let dir = TestSupport.temporaryDirectory()
        _ = CSVFixture.write("公民身份号码,姓名,备注\n110101201501011234,\(name),\u{1}\n110101201601011234,李四,\u{1}\n", "c.csv", in: dir)
        let config = try Self.config(dir, "  - {name: 公安, role: hukou, path: c.csv, format: csv, columns: {id_number: 公民身份号码, name: 姓名}}")
        let table = try IngestStage.read(config.sources[0], limits: .init()).table
        // The unmapped 备注 column may hold anything: it is not read.
        #expect(table.records.map(\.values) == [["110101201601011234", "李四"]])
        #expect(table.rejects.map(\.reason) == ["column `姓名` holds the control or direction character \(code); expected plain text"])
        #expect(table.rejects[0].raw.allSatisfy { $0.unicodeScalars.allSatisfy { !($0.value < 0x20 && $0.value != 10) && $0.value != 0x202E } })
    }

    @Test("a missing column names the file, the header, the headers found and the nearest one")
    func missingColumn() throws {
        let dir = TestSupport.temporaryDirectory()
        _ = CSVFixture.write("公民身份证号码,姓名\n110101201501011234,张三\n", "m.csv", in: dir)
        let config = try Self.config(dir, "  - {name: 公安, role: hukou, path: m.csv, format: csv, columns: {id_number: 公民身份号码, name: 姓名}}")
        #expect(throws: KCBXError.self) { try IngestStage.read(config.sources[0], limits: .init()) }
        let error = CSVFixture.error { _ = try IngestStage.read(config.sources[0], limits: .init()) }
        #expect(error?.file == dir.appendingPathComponent("m.csv").path)
        #expect(error?.message.contains("missing column `公民身份号码`") == true)
        #expect(error?.message.contains("headers found: 公民身份证号码, 姓名") == true)
        #expect(error?.message.contains("`公民身份号码` → `公民身份证号码`?") == true)
    }

    @Test("an export without its header row, or a file that is not an export, is not printed in the message",
          arguments: ["110101201501011234,张三\n110101201601011234,李四\n", "root:$6$abcdefgh$xyz:19000:0:99999:7:::\n"])
    func headerlessFileIsNotShown(_ content: String) throws {
        let dir = TestSupport.temporaryDirectory()
        _ = CSVFixture.write(content, "n.csv", in: dir)
        let config = try Self.config(dir, "  - {name: 公安, role: hukou, path: n.csv, format: csv, columns: {id_number: 公民身份号码, name: 姓名}}")
        let error = CSVFixture.error { _ = try IngestStage.read(config.sources[0], limits: .init()) }
        let message = try #require(error?.message)
        #expect(message.contains("missing columns `公民身份号码`, `姓名`") && message.contains("not shown"))
        #expect(!message.contains("110101201501011234") && !message.contains("张三") && !message.contains("root") && !message.contains("$6$"))
    }

    @Test("validate reports every source's problems at once")
    func checkReportsAll() throws {
        let dir = TestSupport.temporaryDirectory()
        _ = CSVFixture.write("身份证号码,姓名\n1,张三\n", "a.csv", in: dir)
        _ = CSVFixture.write("", "b.csv", in: dir)
        _ = CSVFixture.write("公民身份号码,姓名\n1,张三\n", "ok.csv", in: dir)
        CSVFixture.shell("cd '\(dir.path)' && printf '公民身份号码,姓名\\n' | gzip -c | head -c 12 > c.csv")
        let columns = "columns: {id_number: 公民身份号码, name: 姓名}"
        let config = try Self.config(dir, """
          - {name: A, role: hukou, path: a.csv, format: csv, \(columns)}
          - {name: B, role: hukou, path: b.csv, format: csv, \(columns)}
          - {name: OK, role: hukou, path: ok.csv, format: csv, \(columns)}
          - {name: C, role: hukou, path: c.csv, format: csv, \(columns)}
          - {name: D, role: hukou, path: missing.csv, format: csv, \(columns)}
        """)
        let problems = IngestStage.check(config).problems
        #expect(problems.count == 4)
        #expect(problems.map { URL(fileURLWithPath: $0.file ?? "").lastPathComponent } == ["a.csv", "b.csv", "c.csv", "missing.csv"])
        #expect(problems[1].message == "source `B`: empty file: expected a header row")
        #expect(problems[2].message.hasPrefix("source `C`: truncated gzip file"))
        #expect(problems[3].message.contains("file not found"))
    }

    @Test("sources read in parallel, each with its file's checksum and size; a gzipped GB18030 source reads like UTF-8")
    func parallelSources() throws {
        let dir = TestSupport.temporaryDirectory()
        var text = "公民身份号码\t姓名\n"
        for i in 0..<20000 { text += "1101012015010\(10000 + i)\t张三\(i)\n" }
        let plain = CSVFixture.write(text, "u.tsv", in: dir)
        CSVFixture.shell("cd '\(dir.path)' && iconv -f UTF-8 -t GB18030 u.tsv | gzip -c > g.csv")
        let columns = "columns: {id_number: 公民身份号码, name: 姓名}"
        let config = try Self.config(dir, """
          - {name: U, role: hukou, path: u.tsv, format: csv, \(columns)}
          - {name: G, role: hukou, path: g.csv, format: csv, encoding: gb18030, \(columns)}
        """)
        let sources = try IngestStage.run(config)
        #expect(sources.map(\.table.records.count) == [20000, 20000])
        #expect(sources[0].table.records.map(\.values) == sources[1].table.records.map(\.values))
        #expect(sources[0].file.bytes == Int64(try Data(contentsOf: plain).count))
        #expect(sources[0].file.sha256.count == 64)
    }

    @Test("an XML source's header is the elements and attributes found: a mapped field it lacks names the nearest one")
    func xmlMissingField() throws {
        let dir = TestSupport.temporaryDirectory()
        _ = CSVFixture.write("<导出><学生 学校标识码=\"2137000001\"><姓名>张三</姓名><身份证件号>110101201501011234</身份证件号></学生></导出>", "x.xml", in: dir)
        let config = try Self.config(dir, "  - {name: 学籍, role: student_status, path: x.xml, format: xml, record: 学生, columns: {id_number: 身份证号, name: 姓名, school_code: \"@学校标识码\"}}")
        let error = CSVFixture.error { _ = try IngestStage.read(config.sources[0], limits: .init()) }
        #expect(error?.file == dir.appendingPathComponent("x.xml").path)
        #expect(error?.message == "source `学籍`: missing column `身份证号`; headers found: @学校标识码, 姓名, 身份证件号; nearest: `身份证号` → `身份证件号`?")
        #expect(IngestStage.check(config).problems.map(\.message) == [error?.message])
    }

    @Test("an XML source is decoded like CSV: GB18030 without a declaration, as detected or configured")
    func xmlGB18030() throws {
        let dir = TestSupport.temporaryDirectory()
        let xml = "<导出><学生 学校标识码=\"2137000001\"><姓名>王喆</姓名><身份证件号>110101201501011234</身份证件号></学生></导出>"
        _ = CSVFixture.write(xml, "u.xml", in: dir)
        CSVFixture.shell("cd '\(dir.path)' && iconv -f UTF-8 -t GB18030 u.xml | gzip -c > g.xml")
        let columns = "record: 学生, columns: {id_number: 身份证件号, name: 姓名, school_code: \"@学校标识码\"}"
        let config = try Self.config(dir, """
          - {name: A, role: student_status, path: g.xml, format: xml, \(columns)}
          - {name: B, role: student_status, path: g.xml, format: xml, encoding: gb18030, \(columns)}
        """)
        for source in config.sources {
            let table = try IngestStage.read(source, limits: .init()).table
            #expect(table.records.map(\.values) == [["110101201501011234", "王喆", "2137000001"]])
        }
    }

    @Test("a row with bytes not valid in the file's encoding is rejected naming the column; read = accepted + rejected")
    func invalidBytesAreRejects() throws {
        let dir = TestSupport.temporaryDirectory()
        let utf8 = Array("公民身份号码,姓名,住址\n110101201501011234,张三,城关镇\n110101201601011234,李".utf8) + [0xC3, 0x28]
            + Array("四,城关镇\n110101201701011234,王五,城关镇\n".utf8)
        _ = CSVFixture.write(utf8, "u.csv", in: dir)
        // The same rows in GB18030 with a byte GB18030 cannot decode (0xFF) in 李四.
        _ = CSVFixture.write(Array("公民身份号码,姓名,住址\n110101201501011234,张三,城关镇\n110101201601011234,李四,城关镇\n110101201701011234,王五,城关镇\n".utf8), "g0.csv", in: dir)
        CSVFixture.shell("cd '\(dir.path)' && iconv -f UTF-8 -t GB18030 g0.csv | LC_ALL=C sed 's/\\xc0\\xee/\\xc0\\xff/' > g.csv")
        let columns = "columns: {id_number: 公民身份号码, name: 姓名}"
        let config = try Self.config(dir, """
          - {name: U, role: hukou, path: u.csv, format: csv, \(columns)}
          - {name: G, role: hukou, path: g.csv, format: csv, \(columns)}
        """)
        let expected = ["column 2 `姓名`: bytes that are not valid UTF-8 (shown as \u{FFFD}); the file is read as UTF-8",
                        "column 2 `姓名`: bytes that are not valid GB18030 (shown as \u{FFFD})"]
        for (source, reason) in zip(config.sources, expected) {
            let table = try IngestStage.read(source, limits: .init()).table
            #expect(table.rowsRead == 3)
            #expect(table.records.map(\.recordNumber) == [1, 3], "\(source.name)")
            #expect(table.rejects.map(\.reason) == [reason])
            #expect(table.rejects.map(\.line) == [3])
            #expect(table.rejects.first?.raw.first == "110101201601011234")
        }
    }

    @Test("a header-only source reads as zero rows")
    func headerOnly() throws {
        let dir = TestSupport.temporaryDirectory()
        _ = CSVFixture.write("公民身份号码,姓名\r\n", "h.csv", in: dir)
        let config = try Self.config(dir, "  - {name: 公安, role: hukou, path: h.csv, format: csv, columns: {id_number: 公民身份号码, name: 姓名}}")
        let table = try IngestStage.read(config.sources[0], limits: .init()).table
        #expect(table.rowsRead == 0)
        #expect(IngestStage.check(config).problems.isEmpty)
    }
}
