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

    static func readAll(_ url: URL, record: String, encoding: TextEncodingOption = .auto,
                        limits: InputLimits = .init()) throws -> (header: [String], rows: [Row]) {
        let reader = try XMLRecordReader(url: url, record: record, encoding: encoding, limits: limits)
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        return (reader.header, rows)
    }

    static func error(_ body: () throws -> Void) -> KCBXError? {
        do { try body() } catch let e as KCBXError { return e } catch { Issue.record("not a KCBXError: \(error)") }
        return nil
    }

    @Test func childElementsAndAttributesSeenBecomeTheHeader() throws {
        let (header, rows) = try Self.readAll(Self.write(Self.xueji), record: "学生")
        // First-seen order: a record's attributes come before its children.
        #expect(header == ["@学校标识码", "@状态", "姓名", "身份证件号", "全国学籍号", "备注"])
        #expect(rows.map(\.values) == [
            ["2137000001", "在读", "张三", "370783201501011234", "G370783201501011234", ""],
            ["2137000002", "", "买买提·艾力", "", "", "转入 <外县>"],
            ["2137000003", "", "", "", "", ""],
        ])
        #expect(rows.map(\.recordNumber) == [1, 2, 3])
        #expect(rows.map(\.line) == [4, 9, 13])
        #expect(rows.allSatisfy { $0.problem == nil })
    }

    /// The header is what the first 1,000 records hold: a child first seen in record 1,001 is no column.
    @Test func theHeaderComesFromTheFirstThousandRecords() throws {
        var xml = "<导出>\n"
        for i in 1...1000 { xml += "<学生 序号=\"\(i)\"><姓名>学生\(i)</姓名>\(i == 999 ? "<曾用名>旧名</曾用名>" : "")</学生>\n" }
        xml += "<学生 序号=\"1001\"><姓名>学生1001</姓名><户口所在地>示例县</户口所在地></学生>\n<学生><曾用名>又一个</曾用名></学生>\n</导出>"
        let (header, rows) = try Self.readAll(Self.write(xml), record: "学生")
        #expect(header == ["@序号", "姓名", "曾用名"])
        #expect(rows.count == 1002)
        #expect(rows[0].values == ["1", "学生1", ""])
        #expect(rows[998].values == ["999", "学生999", "旧名"])
        #expect(rows[1000].values == ["1001", "学生1001", ""])
        #expect(rows[1001].values == ["", "", "又一个"])
        #expect(rows.map(\.line) == Array(2...1003))
    }

    /// The ingest stage's byte path hands out the same values as `next()` (a record read while the columns
    /// were found may hold fewer values: the rest are blank).
    @Test func rowsAsBytesMatchRowsAsStrings() throws {
        let url = Self.write(Self.xueji)
        let strings = try Self.readAll(url, record: "学生").rows
        let reader = try XMLRecordReader(url: url, record: "学生")
        var raw: [Row] = []
        try reader.forEachRow { row in
            var values = row.values
            values += repeatElement("", count: reader.header.count - values.count)
            raw.append(Row(values: values, recordNumber: row.recordNumber, line: row.line))
        }
        #expect(raw.map(\.values) == strings.map(\.values))
        #expect(raw.map(\.line) == [4, 9, 13])
        #expect(raw.map(\.recordNumber) == [1, 2, 3])
    }

    /// Nested elements inside a field give their text to that field; a repeated child keeps its first value.
    @Test func nestedAndRepeatedChildren() throws {
        let xml = "<导出><学生><监护人><姓名>父</姓名><电话>139</电话></监护人><姓名>子</姓名><姓名>重复</姓名></学生></导出>"
        let (header, rows) = try Self.readAll(Self.write(xml), record: "学生")
        #expect(header == ["监护人", "姓名"])
        // The nested elements' text is not merged into 监护人 (it was "父139").
        #expect(rows.map(\.values) == [["", "子"]])
    }

    @Test func elementsNestedTooDeeplyStopTheReader() throws {
        let deep = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        let xml = "<导出><学生><姓名>张三</姓名></学生><学生><姓名>" + deep + "</姓名></学生></导出>"
        let e = Self.error { _ = try Self.readAll(Self.write(xml), record: "学生") }
        #expect(e?.message.contains("nested deeper than 256") == true)
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
            let e = Self.error { _ = try Self.readAll(url, record: path) }
            #expect(e?.message.hasPrefix("no <批次/学生> element found; elements seen: 批次, 导出, 学生, 姓名, 转出") == true, "\(e?.message ?? "")")
        } else {
            let rows = try Self.readAll(url, record: path).rows
            #expect(rows.count == expected)
        }
    }

    @Test func missingRecordElementIsAClearError() throws {
        let url = Self.write("<导出><学籍><姓名>甲</姓名></学籍><学籍/></导出>")
        let e = Self.error { _ = try XMLRecordReader(url: url, record: "学生") }
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
        ("\u{1}\u{2}binary", 1, "not an XML document (it starts with bytes 01 02 62 69 6E 61 72 79); libxml2: Document is empty"),
    ])
    func malformedXMLNamesLineColumnAndLibxmlMessage(xml: String, line: Int, fragment: String) throws {
        let url = Self.write(xml)
        let e = Self.error { _ = try Self.readAll(url, record: "学生") }
        #expect(e?.kind == .input)
        #expect(e?.message.contains(fragment) == true, "\(e?.message ?? "no error")")
        #expect(e?.line == line, "\(String(describing: e))")
        #expect(e?.column != nil, "\(String(describing: e))")
    }

    @Test func anEmptyFileSaysSo() throws {
        let e = Self.error { _ = try Self.readAll(Self.write(""), record: "学生") }
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
            let reader = try XMLRecordReader(url: url, record: "学生")
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
        let e = Self.error { _ = try Self.readAll(utf16, record: "学生") }
        #expect(e?.message.contains("billion laughs/XXE guard") == true)
    }

    @Test func aPrologTooLongToInspectIsRefused() throws {
        let xml = "<?xml version=\"1.0\"?>\n<!-- " + String(repeating: "注释", count: 200_000) + " -->\n<导出><学生/></导出>"
        let e = Self.error { _ = try Self.readAll(Self.write(xml), record: "学生") }
        #expect(e?.message == "the XML prolog is longer than 1 MB before the first element")
    }

    @Test func aDoctypeWithoutEntitiesIsRead() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE 导出 SYSTEM "http://example.invalid/xueji.dtd" [ <!ELEMENT 学生 (姓名)> <!ATTLIST 学生 状态 CDATA "在读"> ]>
            <导出><学生><姓名>甲</姓名></学生></导出>
            """
        // No DTD is fetched (NONET, no DTDLOAD) and no default attribute is filled in (no DTDATTR).
        let (header, rows) = try Self.readAll(Self.write(xml), record: "学生")
        #expect(header == ["姓名"])
        #expect(rows.map(\.values) == [["甲"]])
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
        let rows = try Self.readAll(url, record: "学生").rows
        #expect(rows.map(\.values) == [["2137000001", "欧阳娜娜", "示例县城关镇"]])
    }

    @Test func linesStayExactPastLibxml2s65535() throws {
        var xml = "<导出>\n"
        for i in 1...30_000 { xml += "  <学生 序号=\"\(i)\">\n    <姓名>学生\(i)</姓名>\n  </学生>\n" }
        xml += "</导出>\n"
        let rows = try Self.readAll(Self.write(xml), record: "学生").rows
        #expect(rows.count == 30_000)
        for i in [1, 21_845, 21_846, 30_000] { #expect(rows[i - 1].line == 2 + (i - 1) * 3, "record \(i)") }
    }

    @Test func aRecordOverTheLimitIsAnError() throws {
        let xml = "<导出><学生><姓名>\(String(repeating: "长", count: 400))</姓名></学生></导出>"
        let e = Self.error { _ = try Self.readAll(Self.write(xml), record: "学生", limits: .init(maxRecordBytes: 1000)) }
        #expect(e?.message == "record 1 (<学生> element) is larger than the 1000-byte record limit")
        #expect(e?.line == 1)
    }

    @Test func gzipIsInflatedWhateverTheFileIsCalled() throws {
        let plain = Self.write(Self.xueji)
        let gz = plain.deletingLastPathComponent().appendingPathComponent("xueji.xml")
        CSVFixture.shell("gzip -c '\(plain.path)' > '\(gz.path)'")
        #expect(try Self.readAll(gz, record: "学生").rows.map(\.values)
                == Self.readAll(plain, record: "学生").rows.map(\.values))
        #expect(try Self.readAll(gz, record: "学生").rows.map(\.line) == [4, 9, 13])
    }

    @Test func aTruncatedGzipIsReportedAsSuch() throws {
        var xml = "<导出>"
        for i in 1...2000 { xml += "<学生><姓名>学生\(i)</姓名></学生>" }
        let plain = Self.write(xml + "</导出>")
        let gz = plain.deletingLastPathComponent().appendingPathComponent("cut.xml.gz")
        CSVFixture.shell("gzip -c '\(plain.path)' | head -c 2000 > '\(gz.path)'")
        let e = Self.error { _ = try Self.readAll(gz, record: "学生") }
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
            let reader = try XMLRecordReader(url: gz, record: "学生", limits: .init(maxInflatedBytes: 1 << 20))
            while try reader.next() != nil { count += 1 }
        }
        #expect(e?.kind == .input)
        #expect(e?.message.hasPrefix("gzip file inflates to more than 1 MB") == true, "\(String(describing: e))")
        #expect(e?.file == gz.path)
        #expect(count < 100_000)
    }

    @Test func nothingIsPrintedToStandardError() throws {
        let captured = try Self.capturingStandardError {
            _ = Self.error { _ = try Self.readAll(Self.write("<导出><学生></导出>"), record: "学生") }
            _ = Self.error { _ = try Self.readAll(Self.write(Self.billionLaughs), record: "学生") }
            _ = Self.error { _ = try Self.readAll(Self.write("<?xml version='1.0' encoding='no-such-encoding'?><a/>"), record: "学生") }
        }
        for libxml2Noise in ["parser error", "I/O error", "encoding error", "Unsupported encoding"] { #expect(!captured.contains(libxml2Noise)) }
    }

    // MARK: encodings: the same decoding path as CSV (iconv)

    /// A name outside GB2312 (喆) and one that needs GB18030's four-byte form (𠀀, U+20000).
    static let beyondGB2312 = "<导出><学生><姓名>王喆</姓名><备注>𠀀</备注></学生></导出>"

    @Test(arguments: [nil, "GB18030", "GBK", "gb2312", "GB_2312-80", "CP936"])
    func gb18030IsReadWithOrWithoutADeclaration(declared: String?) throws {
        let xml = (declared.map { "<?xml version=\"1.0\" encoding=\"\($0)\"?>\n" } ?? "") + Self.beyondGB2312
        let url = TestSupport.temporaryDirectory("kcbx-xml").appendingPathComponent("gb.xml")
        try Self.gb18030(xml).write(to: url)
        let reader = try XMLRecordReader(url: url, record: "学生")
        #expect(try reader.next()?.values == ["王喆", "𠀀"])
        #expect(reader.detectedEncoding == .gb18030)
    }

    @Test func aConfiguredEncodingWinsOverTheDeclaration() throws {
        // Exporters that declare UTF-8 and write GBK: auto-detection and `encoding: gb18030` both read it.
        let url = TestSupport.temporaryDirectory("kcbx-xml").appendingPathComponent("wrong.xml")
        try Self.gb18030("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + Self.beyondGB2312).write(to: url)
        #expect(try Self.readAll(url, record: "学生").rows.map(\.values) == [["王喆", "𠀀"]])
        #expect(try Self.readAll(url, record: "学生", encoding: .gb18030).rows.map(\.values) == [["王喆", "𠀀"]])
    }

    @Test func utf16WithoutAByteOrderMarkAndLatin1CharacterReferencesAreRead() throws {
        let dir = TestSupport.temporaryDirectory("kcbx-xml")
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><导出><学生><姓名>王喆</姓名></学生></导出>"
        let le = dir.appendingPathComponent("le.xml"), be = dir.appendingPathComponent("be.xml")
        try Data(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: le)
        try Data(text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }).write(to: be)
        for url in [le, be] { #expect(try Self.readAll(url, record: "学生").rows.map(\.values) == [["王喆"]]) }
        // Java exporters writing ISO-8859-1 put Chinese text in character references.
        let latin1 = Self.write("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><export><s><name>&#x738B;&#21894;</name><note>caf\u{E9}</note></s></export>",
                                encoding: .isoLatin1)
        #expect(try Self.readAll(latin1, record: "s").rows.map(\.values) == [["王喆", "café"]])
    }

    @Test func anUnknownDeclaredEncodingIsAClearError() throws {
        let url = Self.write("<?xml version=\"1.0\" encoding=\"EBCDIC-CP-US\"?>\n<导出/>")
        let e = Self.error { _ = try Self.readAll(url, record: "学生") }
        #expect(e?.message.contains("encoding `EBCDIC-CP-US`") == true, "\(String(describing: e))")
        #expect(e?.file == url.path)
        #expect(e?.line == 1)
        // With `encoding:` set, the declaration is not consulted.
        #expect(throws: Never.self) { _ = try XMLRecordReader(url: Self.write("<?xml version=\"1.0\" encoding=\"x\"?><导出><学生/></导出>"), record: "学生", encoding: .utf8) }
    }

    @Test func invalidUTF8InAUTF8DocumentNamesTheLineAndTheWayOut() throws {
        var bytes = Array("<导出>\n<学生><姓名>张三</姓名><住址>示例县城关镇北街</住址></学生>\n<学生><姓名>李".utf8)
        bytes += [0xC3, 0x28] + Array("四</姓名></学生>\n</导出>".utf8)
        let url = CSVFixture.write(bytes, "bad.xml", in: TestSupport.temporaryDirectory("kcbx-xml"))
        let e = Self.error { _ = try Self.readAll(url, record: "学生") }
        #expect(e?.message.hasPrefix("bytes that are not valid UTF-8 (the file is read as UTF-8; if it is GB18030, set `encoding: gb18030`)") == true,
                "\(String(describing: e))")
        #expect(e?.line == 3)
    }

    // MARK: errors: inside the first 1,000 records from init, after them from next()

    @Test func errorsInTheFirstThousandRecordsThrowFromInit() throws {
        var xml = "<导出>\n"
        for i in 1...1500 { xml += "<学生><姓名>学生\(i)</姓名></学生>\n" }
        let early = Self.write(xml.replacingOccurrences(of: "<姓名>学生500</姓名>", with: "<姓名>学生500</名>") + "</导出>")
        let e = Self.error { _ = try XMLRecordReader(url: early, record: "学生") }
        #expect(e?.message.contains("Opening and ending tag mismatch") == true, "\(String(describing: e))")
        #expect(e?.file == early.path)
        #expect(e?.line == 501)
        let late = Self.write(xml.replacingOccurrences(of: "<姓名>学生1200</姓名>", with: "<姓名>学生1200</名>") + "</导出>")
        let reader = try XMLRecordReader(url: late, record: "学生")
        var read = 0
        let lateError = Self.error { while try reader.next() != nil { read += 1 } }
        #expect(read > 1000 && read < 1200)  // libxml2 parses a little ahead of the records it hands out
        #expect(lateError?.line == 1201)
    }

    // MARK: hostile input

    @Test func aBinaryFileNamedXMLIsNotText() throws {
        var bytes: [UInt8] = []
        var x: UInt32 = 2026
        for _ in 0..<100_000 { x = x &* 1103515245 &+ 12345; bytes.append(UInt8(truncatingIfNeeded: x >> 16)) }
        let dir = TestSupport.temporaryDirectory("kcbx-xml")
        let url = CSVFixture.write(bytes, "xueji.xml", in: dir)
        let e = Self.error { _ = try Self.readAll(url, record: "学生") }
        #expect(e?.kind == .input)
        #expect(e?.message.hasPrefix("not a text file: binary content") == true, "\(String(describing: e))")
        #expect(e?.message.contains("expected an XML document") == true)
        #expect(e?.file == url.path)
        let zip = CSVFixture.write([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0x41, count: 100), "book.xml", in: dir)
        #expect(Self.error { _ = try Self.readAll(zip, record: "学生") }?.message.contains("`format: xlsx`") == true)
    }

    /// 100 MB of text in one element (gzipped on disk): reading stops at the record limit (8 MB), long
    /// before the whole text is inflated, and the message says what happened and where.
    @Test func aHundredMegabytesOfTextInOneElementIsRefused() throws {
        let dir = TestSupport.temporaryDirectory("kcbx-xml")
        CSVFixture.shell("cd '\(dir.path)' && (printf '<导出>\\n<学生><姓名>甲</姓名></学生>\\n<学生><备注>'; head -c 104857600 /dev/zero | tr '\\0' x; printf '</备注></学生></导出>') | gzip -1 > big.xml")
        let url = dir.appendingPathComponent("big.xml")
        let before = Self.peakMemoryMB()
        let e = Self.error { _ = try Self.readAll(url, record: "学生") }
        #expect(e?.kind == .input)
        #expect(e?.message == "record 2 (<学生> element) is larger than the 8388608-byte record limit", "\(String(describing: e))")
        #expect(e?.file == url.path)
        #expect(e?.line == 3)
        #expect(Self.peakMemoryMB() - before < 200)
    }

    /// 100 MB of text in an element that is no column (first seen after the first 1,000 records) streams
    /// past without being kept: the records around it read, and memory stays bounded.
    @Test func aHundredMegabytesOfTextOutsideTheColumnsStreamsPast() throws {
        let dir = TestSupport.temporaryDirectory("kcbx-xml")
        var head = "<导出>\n"
        for i in 1...1000 { head += "<学生><姓名>学生\(i)</姓名></学生>\n" }
        try head.write(to: dir.appendingPathComponent("head.xml"), atomically: true, encoding: .utf8)
        CSVFixture.shell("cd '\(dir.path)' && (cat head.xml; printf '<学生><姓名>长</姓名><备注>'; head -c 104857600 /dev/zero | tr '\\0' x; printf '</备注></学生>\\n<学生><姓名>末</姓名></学生>\\n</导出>') | gzip -1 > long.xml")
        let before = Self.peakMemoryMB()
        let (header, rows) = try Self.readAll(dir.appendingPathComponent("long.xml"), record: "学生")
        #expect(header == ["姓名"])
        #expect(rows.count == 1002)
        #expect(rows.suffix(2).map(\.values) == [["长"], ["末"]])
        #expect(rows.last?.line == 1003)
        #expect(Self.peakMemoryMB() - before < 64)
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
        for (label, url) in [("plain", plain), ("gzip", gz)] {
            let start = Date()
            let reader = try XMLRecordReader(url: url, record: "学生")
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
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
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
