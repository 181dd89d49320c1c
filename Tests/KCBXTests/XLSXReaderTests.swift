import Foundation
import Testing
import ZIPFoundation
@testable import KCBXCore
@testable import KCBXFormats

/// XLSX workbooks (扶贫监测户, 残疾人证 lists…) read sheet by sheet: cells as Excel shows them.
@Suite struct XLSXReaderTests {
    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>
        """

    static func workbookXML(_ sheets: [String], date1904: Bool = false) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
        <workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets>
        \(sheets.enumerated().map { "<sheet name=\"\($1)\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined())
        </sheets></workbook>
        """
    }

    static func relsXML(_ count: Int) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        \((1...count).map { "<Relationship Id=\"rId\($0)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"\($0 == 2 ? "/xl/" : "")worksheets/sheet\($0).xml\"/>" }.joined())
        <Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
        </Relationships>
        """
    }

    static let sharedStrings = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">
        <si><t>姓名</t></si>
        <si><t xml:space="preserve"> 身份证号 </t></si>
        <si><r><rPr><b/></rPr><t>欧阳</t></r><r><t>娜娜</t></r><rPh sb="0" eb="2"><t>オウヨウ</t></rPh></si>
        <si><t>李四</t></si>
        <si><t>第一行_x000D_第二行</t></si>
        <si/>
        </sst>
        """

    /// numFmtId 14 (built-in date) at style 1, a custom 年月日 format at style 2, a plain number at 3,
    /// a custom date-time at 4; `cellStyleXfs` must not shift the indices.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="yyyy/m/d\\ h:mm"/></numFmts>
        <cellStyleXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellStyleXfs>
        <cellXfs count="5"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" xfId="0"/><xf numFmtId="2" xfId="0"/><xf numFmtId="165" xfId="0"/></cellXfs>
        </styleSheet>
        """

    static let sheet1 = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:E8"/><sheetData>
        <row r="1"/>
        <row r="2" spans="1:5"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="inlineStr"><is><t>出生日期</t></is></c><c r="D2" t="str"><v>人数</v></c><c r="E2" t="inlineStr"><is><t>备注</t></is></c></row>
        <row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3"><v>370783201501011234</v></c><c r="C3" s="1"><v>42005</v></c><c r="D3" s="3"><v>3</v></c><c r="E3" t="s"><v>4</v></c></row>
        <row r="5"><c r="A5" t="s"><v>3</v></c><c r="C5" s="2"><v>42370</v></c><c r="D5"><v>1.5</v></c><c r="E5" t="b"><v>1</v></c></row>
        <row r="6"><c r="A6" t="inlineStr"><is><r><t>王</t></r><r><t>五</t></r></is></c><c r="B6"><v>3.70783201501012E+17</v></c><c r="C6" s="1"><v>60</v></c><c r="D6"><v>1.2E+5</v></c><c r="E6" s="4"><v>42005.5</v></c></row>
        <row r="7"><c r="A7" s="1"/><c r="B7" t="s"><v>5</v></c></row>
        <row r="8"><c r="A8" t="str"><f>CONCAT("赵","六")</f><v>赵六</v></c><c r="G8" t="e"><v>#N/A</v></c></row>
        </sheetData></worksheet>
        """

    static let sheet2 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
        <row><c t="inlineStr"><is><t>学校</t></is></c><c t="inlineStr"><is><t>人数</t></is></c></row>
        <row><c t="inlineStr"><is><t>示例县第一小学</t></is></c><c><v>1200</v></c></row>
        </sheetData></worksheet>
        """

    /// Writes a workbook from its parts (path → XML), deflated as Excel does.
    static func workbook(_ parts: [String: String], _ name: String = "book.xlsx") throws -> URL {
        let url = TestSupport.temporaryDirectory("kcbx-xlsx").appendingPathComponent(name)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url
    }

    static func standardBook(date1904: Bool = false) throws -> URL {
        try workbook([
            "[Content_Types].xml": contentTypes,
            "xl/workbook.xml": workbookXML(["监测户成员", "学校"], date1904: date1904),
            "xl/_rels/workbook.xml.rels": relsXML(2),
            "xl/sharedStrings.xml": sharedStrings,
            "xl/styles.xml": styles,
            "xl/worksheets/sheet1.xml": sheet1,
            "xl/worksheets/sheet2.xml": sheet2,
        ])
    }

    static func readAll(_ url: URL, sheet: String? = nil, limits: InputLimits = .init()) throws -> (header: [String], rows: [Row]) {
        let reader = try XLSXReader(url: url, sheet: sheet, limits: limits)
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        return (reader.header, rows)
    }

    static func error(_ body: () throws -> Void) -> KCBXError? { XMLReaderTests.error(body) }

    @Test func cellsReadAsExcelShowsThem() throws {
        let (header, rows) = try Self.readAll(Self.standardBook())
        #expect(header == ["姓名", "身份证号", "出生日期", "人数", "备注"])
        #expect(rows.map(\.values) == [
            ["欧阳娜娜", "370783201501011234", "2015-01-01", "3", "第一行\r第二行"],
            ["李四", "", "2016-01-01", "1.5", "TRUE"],
            ["王五", "3.70783201501012E+17", "1900-02-29", "120000", "2015-01-01 12:00:00"],
            ["赵六", "", "", "", ""],
        ])
        #expect(rows.map(\.line) == [3, 5, 6, 8])
        #expect(rows.map(\.recordNumber) == [1, 2, 3, 4])
        #expect(rows.map(\.problem) == [nil, nil, nil, "cell G8 has a value but its column has no header"])
    }

    @Test func theChosenSheetIsRead() throws {
        let url = try Self.standardBook()
        #expect(try XLSXReader.sheetNames(url: url) == ["监测户成员", "学校"])
        let (header, rows) = try Self.readAll(url, sheet: "学校")
        #expect(header == ["学校", "人数"])
        #expect(rows.map(\.values) == [["示例县第一小学", "1200"]])
        #expect(rows.map(\.line) == [2])
    }

    @Test func anUnknownSheetListsTheSheetsFound() throws {
        let url = try Self.standardBook()
        let e = Self.error { _ = try XLSXReader(url: url, sheet: "监测户") }
        #expect(e?.kind == .input)
        #expect(e?.message == "no sheet named `监测户`; sheets found: `监测户成员`, `学校`")
        #expect(e?.file == url.path)
    }

    @Test func the1904DateSystemIsHonoured() throws {
        let rows = try Self.readAll(Self.standardBook(date1904: true)).rows
        #expect(rows[0].values[2] == "2019-01-02")  // 42005 days after 1904-01-01
    }

    @Test(arguments: [
        ("1", false, "1900-01-01"), ("59", false, "1900-02-28"), ("60", false, "1900-02-29"), ("61", false, "1900-03-01"),
        ("42005", false, "2015-01-01"), ("45991", false, "2025-11-30"), ("42005.99999", false, "2015-01-01"),
        ("0", false, nil), ("-3", false, nil), ("abc", false, nil), ("3000000", false, nil),
        ("0", true, nil), ("1", true, "1904-01-02"), ("40543", true, "2015-01-01"),
    ] as [(String, Bool, String?)])
    func excelSerials(raw: String, date1904: Bool, expected: String?) {
        #expect(excelDate(raw, style: .date, date1904: date1904) == expected)
    }

    @Test(arguments: [
        ("370783201501011234", "370783201501011234"),   // an ID typed as a number keeps every digit
        ("3.70783E+17", "3.70783E+17"),                 // damaged by Excel: kept as given for normalize to flag
        ("1.2345678901234567E+17", "1.2345678901234567E+17"),
        ("1.2E+5", "120000"), ("1E+3", "1000"), ("-2.5E+2", "-250"),
        ("1.5", "1.5"), ("12.50", "12.5"), ("3.0", "3"), ("-7", "-7"), ("0.1", "0.1"),
        ("1.5E-3", "1.5E-3"), ("1.25E+1", "1.25E+1"), ("13812345678", "13812345678"),
    ])
    func numbers(raw: String, expected: String) {
        #expect(numberText(raw) == expected)
    }

    @Test(arguments: [
        ("yyyy/m/d", DateStyle.date), ("yyyy\"年\"m\"月\"d\"日\"", .date), ("[$-804]yyyy\"年\"m\"月\"", .date),
        ("m/d/yy h:mm", .dateTime), ("yyyy-mm-dd hh:mm:ss", .dateTime), ("h:mm", .none), ("[h]:mm", .none),
        ("mm:ss", .none), ("0.00", .none), ("General", .none), ("0.00E+00", .none), ("#,##0\"元\"", .none),
        ("[Red]0.00", .none), ("\"日期\"0", .none),
    ] as [(String, DateStyle)])
    func customFormats(code: String, expected: DateStyle) {
        #expect(DateStyle(formatCode: code) == expected)
    }

    @Test(arguments: [(14, DateStyle.date), (22, .dateTime), (31, .date), (57, .date), (0, .none), (49, .none), (20, .none)])
    func builtinFormats(id: Int, expected: DateStyle) {
        #expect(DateStyle(builtin: id) == expected)
    }

    @Test func notAWorkbookIsAClearError() throws {
        let dir = TestSupport.temporaryDirectory("kcbx-xlsx")
        let cases: [(String, [UInt8], String)] = [
            ("text.xlsx", Array("姓名,身份证号\n".utf8), "not an XLSX workbook: not a zip archive"),
            ("old.xlsx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "not an XLSX workbook: this is an Excel 97-2003 .xls file"),
            ("empty.xlsx", [], "not an XLSX workbook: the file is empty"),
            ("cut.xlsx", [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0x41, count: 200), "not an XLSX workbook: the zip archive is corrupt"),
        ]
        for (name, bytes, message) in cases {
            let url = dir.appendingPathComponent(name)
            _ = FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
            let e = Self.error { _ = try XLSXReader(url: url) }
            #expect(e?.kind == .input, "\(name)")
            #expect(e?.message.hasPrefix(message) == true, "\(name): \(String(describing: e))")
            #expect(e?.file == url.path)
        }
        let zipWithoutWorkbook = try Self.workbook(["hello.txt": "not a workbook"], "plain.zip.xlsx")
        let e = Self.error { _ = try XLSXReader.sheetNames(url: zipWithoutWorkbook) }
        #expect(e?.message == "not an XLSX workbook: no xl/workbook.xml in the archive")
    }

    @Test func aTruncatedWorkbookIsAClearError() throws {
        let url = try Self.standardBook()
        let data = try Data(contentsOf: url)
        let cut = url.deletingLastPathComponent().appendingPathComponent("cut.xlsx")
        try data.prefix(data.count / 2).write(to: cut)
        let e = Self.error { _ = try Self.readAll(cut) }
        #expect(e?.message.hasPrefix("not an XLSX workbook") == true, "\(String(describing: e))")
    }

    @Test func entitiesInsideAPartAreRefused() throws {
        var parts = [
            "xl/workbook.xml": Self.workbookXML(["监测户成员"]),
            "xl/_rels/workbook.xml.rels": Self.relsXML(1),
            "xl/worksheets/sheet1.xml": Self.sheet2,
        ]
        parts["xl/sharedStrings.xml"] = """
            <?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t></si></sst>
            """
        let e = Self.error { _ = try Self.readAll(Self.workbook(parts)) }
        #expect(e?.message == "DTD/entity declarations are not allowed (billion laughs/XXE guard)")
        #expect(e?.file?.hasSuffix("!xl/sharedStrings.xml") == true)
    }

    @Test func aRowOverTheLimitIsAnError() throws {
        var parts = [
            "xl/workbook.xml": Self.workbookXML(["监测户成员"]),
            "xl/_rels/workbook.xml.rels": Self.relsXML(1),
        ]
        let long = String(repeating: "长", count: 200)
        parts["xl/worksheets/sheet1.xml"] = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>备注</t></is></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>\(long)</t></is></c><c r="B2" t="inlineStr"><is><t>\(long)</t></is></c></row>
            </sheetData></worksheet>
            """
        let e = Self.error { _ = try Self.readAll(Self.workbook(parts), limits: .init(maxRecordBytes: 1000)) }
        #expect(e?.message == "sheet `监测户成员` row 2 is larger than the 1000-byte record limit")
        #expect(e?.line == 2)
    }

    @Test func aSheetThatInflatesPastTheLimitIsRefused() throws {
        var parts = [
            "xl/workbook.xml": Self.workbookXML(["监测户成员"]),
            "xl/_rels/workbook.xml.rels": Self.relsXML(1),
        ]
        parts["xl/worksheets/sheet1.xml"] = "<worksheet><sheetData>" + String(repeating: "<row/>", count: 100_000) + "</sheetData></worksheet>"
        let e = Self.error { _ = try Self.readAll(Self.workbook(parts), limits: .init(maxInflatedBytes: 100_000)) }
        #expect(e?.message == "xl/worksheets/sheet1.xml inflates to more than 100000 bytes (rules.max_inflated_mb) (zip-bomb guard)")
    }

    @Test func withoutRelationshipsSheetsAreFoundAtTheirDefaultPlaces() throws {
        let url = try Self.workbook([
            "xl/workbook.xml": Self.workbookXML(["监测户成员", "学校"]),
            "xl/worksheets/sheet2.xml": Self.sheet2,
        ])
        #expect(try Self.readAll(url, sheet: "学校").rows.map(\.values) == [["示例县第一小学", "1200"]])
        let e = Self.error { _ = try XLSXReader(url: url) }
        #expect(e?.message == "not an XLSX workbook: sheet `监测户成员` has no part in the archive")
    }

    @Test func aHeaderOnlySheetHasItsHeaderAndNoRows() throws {
        let url = try Self.workbook([
            "xl/workbook.xml": Self.workbookXML(["监测户成员"]),
            "xl/_rels/workbook.xml.rels": Self.relsXML(1),
            "xl/worksheets/sheet1.xml": """
                <worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>证件号码</t></is></c><c r="B1" t="inlineStr"><is><t> 成员姓名 </t></is></c></row>
                <row r="2"/><row r="3"><c r="A3"/></row></sheetData></worksheet>
                """,
        ])
        let (header, rows) = try Self.readAll(url)
        #expect(header == ["证件号码", "成员姓名"])
        #expect(rows.isEmpty)
    }

    @Test func anEmptySheetHasNoHeaderAndNoRows() throws {
        let url = try Self.workbook([
            "xl/workbook.xml": Self.workbookXML(["空"]),
            "xl/_rels/workbook.xml.rels": Self.relsXML(1),
            "xl/worksheets/sheet1.xml": "<worksheet><sheetData/></worksheet>",
        ])
        let (header, rows) = try Self.readAll(url)
        #expect(header.isEmpty)
        #expect(rows.isEmpty)
    }
}
