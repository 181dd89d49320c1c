import Foundation
import KCBXCore
import Testing
import ZIPFoundation
@testable import KCBXSheets

/// The officer workbooks written with libxlsxwriter, read back as XML.
@Suite("SheetsTests")
struct SheetsTests {
    static let id = "370783201003151234"
    static let choices = ["已复学", "送教上门", "转学外地", "其他"]

    static let columns: [XLSXColumn] = [
        XLSXColumn("身份证件号"), XLSXColumn("姓名"), XLSXColumn("学校标识码"), XLSXColumn("出生日期", .date),
        XLSXColumn("人数", .integer), XLSXColumn("入学率", .percent),
        XLSXColumn("核查结果", editable: true, choices: choices), XLSXColumn("备注", width: 30, editable: true),
    ]

    /// A small workbook as a report writes it: a titled sheet of children and a second, untitled sheet with a chart.
    static func write(constantMemory: Bool, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent("差异清单.xlsx")
        let book = try XLSXWorkbook(url: url, constantMemory: constantMemory)
        try book.setProperties(title: "差异清单", subject: "控辍保学")
        let sheet = try book.addSheet("应入学未入学", columns: columns, title: "应入学未入学（F01）")
        try sheet.append([.text(id), .text("张三"), .text("2137012345"), .date(CivilDate(year: 2010, month: 3, day: 15)!),
                          .integer(3), .percent(0.985), .text("已复学"), .empty], highlight: true)
        try sheet.append([.text("37078320110708002X"), .text("李四"), .text("0123456789"), .date(CivilDate(year: 2011, month: 7, day: 8)!),
                          .integer(12), .percent(0.5)])
        let towns = try book.addSheet("各镇街/入学率:2024[11]月?很长很长很长很长很长的名字", columns: [
            XLSXColumn("镇街"), XLSXColumn("入学率", .percent), XLSXColumn("巩固率", .percent),
        ])
        for (town, a, b) in [("城关街道", 0.99, 0.97), ("东港镇", 0.95, 0.93), ("南山乡", 0.9, 0.96)] {
            try towns.append([.text(town), .percent(a), .percent(b)])
        }
        let data = { (column: Int) in
            XLSXRange(sheet: towns.name, firstRow: towns.firstDataRow, firstColumn: column, lastRow: towns.lastDataRow, lastColumn: column)
        }
        try towns.insertChart(XLSXChart(kind: .column, title: "各镇街入学率", categories: data(0),
                                        series: [("入学率", data(1)), ("巩固率", data(2))],
                                        xTitle: "镇街", yTitle: "比率", percent: true), row: 6, column: 0)
        try book.close()
        return url
    }

    static func part(_ url: URL, _ path: String) throws -> String { try TestSupport.zipPart(url, path) }

    /// The `<c r="ref" …>…</c>` element of a cell, or "".
    static func cell(_ sheet: String, _ ref: String) -> String {
        guard let start = sheet.range(of: "<c r=\"\(ref)\"") else { return "" }
        let rest = sheet[start.lowerBound...]
        guard let selfClosing = rest.range(of: "/>"), let close = rest.range(of: "</c>") else { return String(rest.prefix(200)) }
        let tagEnd = rest.range(of: ">")!
        return String(rest[..<(tagEnd.upperBound == selfClosing.upperBound ? selfClosing.upperBound : close.upperBound)])
    }

    /// The text of a string cell, shared (`t="s"`) or inline (`t="inlineStr"`).
    static func text(_ url: URL, _ sheet: String, _ ref: String) throws -> String? {
        let c = cell(sheet, ref)
        if c.contains("t=\"inlineStr\"") {
            return c.components(separatedBy: "<t>").dropFirst().first?.components(separatedBy: "</t>").first
        }
        guard c.contains("t=\"s\""), let v = c.components(separatedBy: "<v>").dropFirst().first?.components(separatedBy: "</v>").first,
              let index = Int(v) else { return nil }
        let strings = try part(url, "xl/sharedStrings.xml").components(separatedBy: "<si>").dropFirst()
        guard index < strings.count else { return nil }
        let si = strings[strings.index(strings.startIndex, offsetBy: index)]
        return si.components(separatedBy: ">").dropFirst().first?.components(separatedBy: "</t").first
    }

    @Test("Sheet names are made valid for Excel", arguments: [
        ("汇总", "汇总"),
        ("各镇街/入学率:2024[11]月?", "各镇街_入学率_2024_11_月_"),
        ("a*b\\c", "a_b_c"),
        ("'引号'", "引号"),
        ("", "Sheet"),
        ("应入学未入学适龄儿童少年名单及核查情况一览表（含随迁子女和留守儿童）", "应入学未入学适龄儿童少年名单及核查情况一览表（含随迁子女和留守"),
    ])
    func sheetNames(name: String, expected: String) {
        #expect(XLSXLayout.sheetName(name) == expected)
        #expect(expected.utf16.count <= 31)
    }

    @Test("Duplicate sheet names get a number")
    func duplicateNames() throws {
        let dir = TestSupport.temporaryDirectory("kcbx-sheets")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("重名.xlsx")
        let book = try XLSXWorkbook(url: url)
        let a = try book.addSheet("名单", columns: [XLSXColumn("姓名")])
        let b = try book.addSheet("名单", columns: [XLSXColumn("姓名")])
        try book.close()
        #expect(a.name == "名单")
        #expect(b.name == "名单(2)")
    }

    @Test("Sheet names, headers, IDs as text, dates, layout and print set-up", arguments: [false, true])
    func layout(constantMemory: Bool) throws {
        let dir = TestSupport.temporaryDirectory("kcbx-sheets")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = try Self.write(constantMemory: constantMemory, in: dir)

        let workbook = try Self.part(url, "xl/workbook.xml")
        #expect(workbook.contains("name=\"应入学未入学\""))
        // []:*?/\ replaced and the name cut to 31 characters.
        let long = XLSXLayout.sheetName("各镇街/入学率:2024[11]月?很长很长很长很长很长的名字")
        #expect(long == "各镇街_入学率_2024_11_月_很长很长很长很长很长的名字")
        #expect(workbook.contains("name=\"\(long)\""))
        #expect(workbook.contains("_xlnm.Print_Titles"))
        #expect(workbook.contains("'应入学未入学'!$2:$2"))

        let sheet = try Self.part(url, "xl/worksheets/sheet1.xml")
        #expect(try Self.text(url, sheet, "A1") == "应入学未入学（F01）")
        #expect(sheet.contains("<mergeCell ref=\"A1:H1\"/>"))
        #expect(try Self.text(url, sheet, "A2") == "身份证件号")
        #expect(try Self.text(url, sheet, "G2") == "核查结果")
        // An 18-digit ID and a school code with a leading zero stay text.
        #expect(try Self.text(url, sheet, "A3") == Self.id)
        #expect(!Self.cell(sheet, "A3").contains("<v>\(Self.id)</v>"))
        #expect(try Self.text(url, sheet, "C4") == "0123456789")
        // A date is a number (Excel serial) with a date format; 2010-03-15 is 40252.
        #expect(Self.cell(sheet, "D3").contains("<v>40252</v>"))
        #expect(try Self.part(url, "xl/styles.xml").contains("formatCode=\"yyyy-mm-dd\""))
        #expect(try Self.part(url, "xl/styles.xml").contains("formatCode=\"0.0%\""))
        #expect(Self.cell(sheet, "F3").contains("<v>0.985</v>"))
        #expect(Self.cell(sheet, "E4").contains("<v>12</v>"))

        #expect(sheet.contains("<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<autoFilter ref=\"A2:H4\"/>"))
        #expect(sheet.contains("orientation=\"landscape\""))
        #expect(sheet.contains("paperSize=\"9\""))
        #expect(sheet.contains("fitToHeight=\"0\""))
        #expect(sheet.contains("<oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter>"))
        #expect(sheet.contains("<ignoredError sqref=\"A1:H4\" numberStoredAsText=\"1\"/>"))
        #expect(sheet.contains("<dataValidation type=\"list\""))
        #expect(sheet.contains("sqref=\"G3:G4\""))
        #expect(sheet.contains("<formula1>\"已复学,送教上门,转学外地,其他\"</formula1>"))
        #expect(sheet.contains("<sheetProtection"))
        #expect(try Self.part(url, "xl/styles.xml").contains("locked=\"0\""))
        // Widths: ID fitted (18 × 1.1 + 1), 备注 as given.
        #expect(sheet.contains("<col min=\"1\" max=\"1\" width=\"21.5"))
        #expect(sheet.contains("<col min=\"8\" max=\"8\" width=\"30.7"))

        let chart = try Self.part(url, "xl/charts/chart1.xml")
        let towns = "'\(long)'"
        #expect(chart.contains("<c:f>\(towns)!$A$2:$A$4</c:f>"))
        #expect(chart.contains("<c:f>\(towns)!$B$2:$B$4</c:f>"))
        #expect(chart.contains("<c:f>\(towns)!$C$2:$C$4</c:f>"))
        #expect(chart.contains("各镇街入学率"))
        #expect(chart.contains("formatCode=\"0%\""))
        #expect(chart.contains("typeface=\"宋体\""))

        var info = stat()
        #expect(stat(url.path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["差异清单.xlsx"])
    }
}
