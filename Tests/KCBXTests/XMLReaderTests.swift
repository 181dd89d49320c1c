import Foundation
import Testing
@testable import KCBXCore
@testable import KCBXFormats

/// XML exports (学籍 and others) streamed through libxml2: records, fields, lines, and hostile input.
@Suite struct XMLReaderTests {
    static let xueji = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- 全国中小学生学籍信息管理系统 导出 -->
        <导出 批次="2026-11">
          <学生 学校标识码="2137000001" 状态="在读">
            <姓名> 张三 </姓名>
            <身份证件号>370783201501011234</身份证件号>
            <全国学籍号>G370783201501011234</全国学籍号>
          </学生>
          <学生 学校标识码="2137000002">
            <姓名>买买提·艾力</姓名>
            <备注><![CDATA[转入 <外县>]]></备注>
          </学生>
          <学生 学校标识码="2137000003"/>
        </导出>
        """

    static func write(_ text: String, _ name: String = "x.xml", encoding: String.Encoding = .utf8) -> URL {
        let url = TestSupport.temporaryDirectory("kcbx-xml").appendingPathComponent(name)
        try! text.data(using: encoding)!.write(to: url)
        return url
    }

    static func readAll(_ url: URL, record: String, fields: [String], limits: InputLimits = .init()) throws -> (header: [String], rows: [Row]) {
        let reader = try XMLRecordReader(url: url, record: record, fields: fields, limits: limits)
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        return (reader.header, rows)
    }

    static func error(_ body: () throws -> Void) -> KCBXError? {
        do { try body() } catch let e as KCBXError { return e } catch { Issue.record("not a KCBXError: \(error)") }
        return nil
    }

    @Test func childElementsAndAttributesBecomeFields() throws {
        let (header, rows) = try Self.readAll(Self.write(Self.xueji), record: "学生",
                                              fields: ["姓名", "身份证件号", "@学校标识码", "备注", "@无此属性"])
        #expect(header == ["姓名", "身份证件号", "@学校标识码", "备注", "@无此属性"])
        #expect(rows.map(\.values) == [
            ["张三", "370783201501011234", "2137000001", "", ""],
            ["买买提·艾力", "", "2137000002", "转入 <外县>", ""],
            ["", "", "2137000003", "", ""],
        ])
        #expect(rows.map(\.recordNumber) == [1, 2, 3])
        #expect(rows.map(\.line) == [4, 9, 13])
        #expect(rows.allSatisfy { $0.problem == nil })
    }

    @Test(arguments: [
        (" 张三 ", "张三"), ("\u{3000}张三\u{3000}", "张三"), ("\n\t 买买提·艾力\r\n", "买买提·艾力"),
        ("\u{00A0}李四\u{2003}", "李四"), ("王\u{3000}五", "王\u{3000}五"), ("\u{3000}", ""), ("   ", ""), ("", ""),
        ("\u{205F}370783201501011234\u{2029}", "370783201501011234"), ("示例县城关镇\u{00A0}", "示例县城关镇"),
    ])
    func fieldValuesAreTrimmedLikeFoundation(raw: String, expected: String) {
        #expect(trimmedString(Array(raw.utf8)) == expected)
        #expect(raw.trimmingCharacters(in: .whitespacesAndNewlines) == expected)
    }

    @Test(arguments: [
        ("导出/学生", 2),        // only the students directly under 导出
        ("学生", 3),            // every 学生 anywhere
        ("转出/学生", 1),
        ("批次/导出/学生", 2),
        ("批次/学生", 0),
    ])
    func recordPathMatchesAncestors(path: String, expected: Int) throws {
        let xml = """
            <批次><导出>
              <学生><姓名>甲</姓名></学生>
              <学生><姓名>乙</姓名></学生>
              <转出><学生><姓名>丙</姓名></学生></转出>
            </导出></批次>
            """
        let url = Self.write(xml)
        if expected == 0 {
            let e = Self.error { _ = try Self.readAll(url, record: path, fields: ["姓名"]) }
            #expect(e?.message.hasPrefix("no <批次/学生> element found; elements seen: 批次, 导出, 学生, 姓名, 转出") == true, "\(e?.message ?? "")")
        } else {
            let rows = try Self.readAll(url, record: path, fields: ["姓名"]).rows
            #expect(rows.count == expected)
        }
    }

    @Test func missingRecordElementIsAClearError() throws {
        let url = Self.write("<导出><学籍><姓名>甲</姓名></学籍><学籍/></导出>")
        let reader = try XMLRecordReader(url: url, record: "学生", fields: ["姓名", "@学校标识码"])
        #expect(reader.header == ["姓名", "@学校标识码"])
        let e = Self.error { _ = try reader.next() }
        #expect(e?.kind == .input)
        #expect(e?.message == "no <学生> element found; elements seen: 导出, 学籍, 姓名")
        #expect(e?.file == url.path)
    }

    @Test(arguments: [
        ("<导出><学生><姓名>甲</姓名></学生>\n<学生><姓名>乙</名></学生></导出>", 2, "malformed XML: Opening and ending tag mismatch: 姓名 line 2 and 名"),
        ("<导出>\n<学生 a=1/></导出>", 2, "malformed XML: AttValue: \" or ' expected"),
        ("<导出><学生><姓名>甲</姓名></学生>\n<学生><姓名>乙</姓名>", 2, "malformed XML: the document ends before its elements are closed (a truncated file?)"),
        ("<学生><姓名>甲</姓名></学生><学生/>", 1, "malformed XML: Extra content at the end of the document"),
        ("<导出><学生>&nbsp;</学生></导出>", 1, "malformed XML: Entity 'nbsp' not defined"),
        ("PK\u{3}\u{4}\u{14}\u{0}binary", 1, "not an XML document (it starts with bytes 50 4B 03 04 14 00 62 69); libxml2: Document is empty"),
    ])
    func malformedXMLNamesLineColumnAndLibxmlMessage(xml: String, line: Int, fragment: String) throws {
        let url = Self.write(xml)
        let e = Self.error { _ = try Self.readAll(url, record: "学生", fields: ["姓名"]) }
        #expect(e?.kind == .input)
        #expect(e?.message.contains(fragment) == true, "\(e?.message ?? "no error")")
        #expect(e?.line == line, "\(String(describing: e))")
        #expect(e?.column != nil, "\(String(describing: e))")
    }

    @Test func anEmptyFileSaysSo() throws {
        let e = Self.error { _ = try Self.readAll(Self.write(""), record: "学生", fields: ["姓名"]) }
        #expect(e?.message == "the file is empty (expected an XML document)")
    }

    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE 导出 [
         <!ENTITY lol "lol">
         <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
         <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
         <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
         <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
         <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
         <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
         <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
         <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
         <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <导出><学生><姓名>&lol9;</姓名></学生></导出>
        """

    static let xxe = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE 导出 [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
        <导出><学生><姓名>&xxe;</姓名></学生></导出>
        """

    static let parameterEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE 导出 [ <!-- a comment with ' and ] inside --> %remote; ]>
        <导出><学生><姓名>甲</姓名></学生></导出>
        """

    @Test(arguments: [("billion laughs", billionLaughs, 3), ("XXE", xxe, 2), ("parameter entity", parameterEntity, 2)])
    func entityDeclarationsAreRefusedAndNeverExpanded(label: String, xml: String, line: Int) throws {
        let before = Self.peakMemoryMB()
        let url = Self.write(xml)
        var values: [String] = []
        let e = Self.error {
            let reader = try XMLRecordReader(url: url, record: "学生", fields: ["姓名"])
            while let row = try reader.next() { values += row.values }
        }
        #expect(e?.kind == .input, "\(label)")
        #expect(e?.message == "DTD/entity declarations are not allowed (billion laughs/XXE guard)")
        #expect(e?.file == url.path)
        #expect(e?.line == line)
        #expect(values.isEmpty)
        #expect((e?.description ?? "").contains("root:") == false)
        #expect(Self.peakMemoryMB() - before < 64)
    }

    @Test func refusalHoldsWhenTheDTDArrivesInTinyPieces() throws {
        // The guard sees the prolog across reads; UTF-16 is seen through its NUL bytes.
        var guardState = PrologGuard()
        var refusal: (message: String, line: Int)?
        for byte in Array(Self.xxe.utf8) {
            let chunk = [byte]
            refusal = chunk.withUnsafeBytes { guardState.inspect($0) }
            if refusal != nil { break }
        }
        #expect(refusal?.line == 2)
        var clean = PrologGuard()
        for byte in Array("<?xml version='1.0'?><!-- --> --><?pi x?><!DOCTYPE 导出 SYSTEM 'x.dtd'><导出>".utf8) {
            #expect([byte].withUnsafeBytes { clean.inspect($0) } == nil)
        }
        #expect(clean.done)
        let utf16 = Self.write(Self.xxe.replacingOccurrences(of: "UTF-8", with: "UTF-16"), encoding: .utf16)
        let e = Self.error { _ = try Self.readAll(utf16, record: "学生", fields: ["姓名"]) }
        #expect(e?.message.contains("billion laughs/XXE guard") == true)
    }

    @Test func aPrologTooLongToInspectIsRefused() throws {
        let xml = "<?xml version=\"1.0\"?>\n<!-- " + String(repeating: "注释", count: 200_000) + " -->\n<导出><学生/></导出>"
        let e = Self.error { _ = try Self.readAll(Self.write(xml), record: "学生", fields: ["姓名"]) }
        #expect(e?.message == "the XML prolog is longer than 1 MB before the first element")
    }

    @Test func aDoctypeWithoutEntitiesIsRead() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE 导出 SYSTEM "http://example.invalid/xueji.dtd" [ <!ELEMENT 学生 (姓名)> <!ATTLIST 学生 状态 CDATA "在读"> ]>
            <导出><学生><姓名>甲</姓名></学生></导出>
            """
        // No DTD is fetched (NONET, no DTDLOAD) and no default attribute is filled in (no DTDATTR).
        let rows = try Self.readAll(Self.write(xml), record: "学生", fields: ["姓名", "@状态"]).rows
        #expect(rows.map(\.values) == [["甲", ""]])
    }

    @Test(arguments: ["GB18030", "GBK", "gb2312"])
    func declaredChineseEncodingsAreDecoded(encoding: String) throws {
        let xml = """
            <?xml version="1.0" encoding="\(encoding)"?>
            <导出><学生 学校标识码="2137000001"><姓名>欧阳娜娜</姓名><户籍地址>示例县城关镇</户籍地址></学生></导出>
            """
        let url = TestSupport.temporaryDirectory("kcbx-xml").appendingPathComponent("gb.xml")
        try Self.gb18030(xml).write(to: url)
        #expect(try Data(contentsOf: url).count < xml.utf8.count)  // really two bytes per character
        let rows = try Self.readAll(url, record: "学生", fields: ["姓名", "户籍地址", "@学校标识码"]).rows
        #expect(rows.map(\.values) == [["欧阳娜娜", "示例县城关镇", "2137000001"]])
    }

    @Test func linesStayExactPastLibxml2s65535() throws {
        var xml = "<导出>\n"
        for i in 1...30_000 { xml += "  <学生 序号=\"\(i)\">\n    <姓名>学生\(i)</姓名>\n  </学生>\n" }
        xml += "</导出>\n"
        let rows = try Self.readAll(Self.write(xml), record: "学生", fields: ["@序号"]).rows
        #expect(rows.count == 30_000)
        for i in [1, 21_845, 21_846, 30_000] { #expect(rows[i - 1].line == 2 + (i - 1) * 3, "record \(i)") }
    }

    @Test func aRecordOverTheLimitIsAnError() throws {
        let xml = "<导出><学生><姓名>\(String(repeating: "长", count: 400))</姓名></学生></导出>"
        let e = Self.error { _ = try Self.readAll(Self.write(xml), record: "学生", fields: ["姓名"], limits: .init(maxRecordBytes: 1000)) }
        #expect(e?.message == "record 1 (<学生> element) is larger than the 1000-byte record limit")
        #expect(e?.line == 1)
    }

    @Test func gzipIsInflatedWhateverTheFileIsCalled() throws {
        let plain = Self.write(Self.xueji)
        let gz = plain.deletingLastPathComponent().appendingPathComponent("xueji.xml")
        CSVFixture.shell("gzip -c '\(plain.path)' > '\(gz.path)'")
        let fields = ["姓名", "身份证件号", "@学校标识码"]
        #expect(try Self.readAll(gz, record: "学生", fields: fields).rows.map(\.values)
                == Self.readAll(plain, record: "学生", fields: fields).rows.map(\.values))
        #expect(try Self.readAll(gz, record: "学生", fields: fields).rows.map(\.line) == [4, 9, 13])
    }

    @Test func aTruncatedGzipIsReportedAsSuch() throws {
        var xml = "<导出>"
        for i in 1...2000 { xml += "<学生><姓名>学生\(i)</姓名></学生>" }
        let plain = Self.write(xml + "</导出>")
        let gz = plain.deletingLastPathComponent().appendingPathComponent("cut.xml.gz")
        CSVFixture.shell("gzip -c '\(plain.path)' | head -c 2000 > '\(gz.path)'")
        let e = Self.error { _ = try Self.readAll(gz, record: "学生", fields: ["姓名"]) }
        #expect(e?.kind == .input)
        #expect(e?.message.contains("truncated") == true, "\(String(describing: e))")
        #expect(e?.message.hasPrefix("malformed XML") == false)
    }

    @Test func aGzipBombStopsAtTheLimit() throws {
        let plain = Self.write("<导出>" + String(repeating: "<学生><姓名>甲</姓名></学生>", count: 100_000) + "</导出>")
        let gz = plain.deletingLastPathComponent().appendingPathComponent("bomb.xml")
        CSVFixture.shell("gzip -c '\(plain.path)' > '\(gz.path)'")
        var count = 0
        let e = Self.error {
            let reader = try XMLRecordReader(url: gz, record: "学生", fields: ["姓名"], limits: .init(maxInflatedBytes: 1 << 20))
            while try reader.next() != nil { count += 1 }
        }
        #expect(e?.kind == .input)
        #expect(count < 100_000)
    }

    @Test func nothingIsPrintedToStandardError() throws {
        let captured = try Self.capturingStandardError {
            _ = Self.error { _ = try Self.readAll(Self.write("<导出><学生></导出>"), record: "学生", fields: ["姓名"]) }
            _ = Self.error { _ = try Self.readAll(Self.write(Self.billionLaughs), record: "学生", fields: ["姓名"]) }
            _ = Self.error { _ = try Self.readAll(Self.write("<?xml version='1.0' encoding='no-such-encoding'?><a/>"), record: "学生", fields: ["姓名"]) }
        }
        for libxml2Noise in ["parser error", "I/O error", "encoding error", "Unsupported encoding"] { #expect(!captured.contains(libxml2Noise)) }
    }

    /// Records per second on a 200,000-record 学籍 export, plain and gzipped (KCBX_BENCH=1 to run).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["KCBX_BENCH"] != nil))
    func benchmark200kRecords() throws {
        let dir = TestSupport.temporaryDirectory("kcbx-xml-bench")
        let plain = dir.appendingPathComponent("xueji.xml")
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<导出 批次=\"2026-11\">\n"
        xml.reserveCapacity(80 << 20)
        for i in 0..<200_000 {
            xml += """
                  <学生 学校标识码="21370\(10000 + i % 300)">
                    <姓名>学生\(i)</姓名>
                    <性别>\(i % 2 == 0 ? "男" : "女")</性别>
                    <出生日期>2015-0\(1 + i % 9)-1\(i % 10)</出生日期>
                    <身份证件号>37078320150101\(String(1000 + i % 9000))</身份证件号>
                    <全国学籍号>G37078320150101\(String(1000 + i % 9000))</全国学籍号>
                    <年级>\(1 + i % 9)</年级>
                  </学生>

                """
        }
        xml += "</导出>\n"
        try xml.write(to: plain, atomically: false, encoding: .utf8)
        let gz = dir.appendingPathComponent("xueji.xml.gz")
        CSVFixture.shell("gzip -c '\(plain.path)' > '\(gz.path)'")
        let fields = ["姓名", "性别", "出生日期", "身份证件号", "全国学籍号", "年级", "@学校标识码"]
        for (label, url) in [("plain", plain), ("gzip", gz)] {
            let start = Date()
            let reader = try XMLRecordReader(url: url, record: "学生", fields: fields)
            var count = 0
            while try reader.next() != nil { count += 1 }
            let seconds = Date().timeIntervalSince(start)
            #expect(count == 200_000)
            let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            print("XML benchmark (\(label), \(size >> 20) MB): \(count) records in \(String(format: "%.2f", seconds)) s = \(Int(Double(count) / seconds)) records/s")
        }
    }

    // MARK: helpers

    /// `text` encoded as GB18030 through iconv.
    static func gb18030(_ text: String) throws -> Data {
        let cd = iconv_open("GB18030", "UTF-8")
        defer { iconv_close(cd) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 2 + 16)
        var inLeft = input.count, outLeft = output.count
        let written = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf -> Int in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                _ = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                return outBuf.count - outLeft
            }
        }
        #expect(inLeft == 0)
        return Data(output.prefix(written).map { UInt8(bitPattern: $0) })
    }

    static func peakMemoryMB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) / 1024
    }

    static func capturingStandardError(_ body: () throws -> Void) throws -> String {
        let url = TestSupport.temporaryDirectory("kcbx-stderr").appendingPathComponent("stderr.txt")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let fd = open(url.path, O_WRONLY)
        let saved = dup(2)
        fflush(nil)
        dup2(fd, 2)
        defer { fflush(nil); dup2(saved, 2); close(saved); close(fd) }
        try body()
        fflush(nil)
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }
}
