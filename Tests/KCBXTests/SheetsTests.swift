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

    /// The inside of the first `<tag>…</tag>` in `xml` ("" when absent), e.g. a chart's `c:valAx`.
    static func element(_ xml: String, _ tag: String) -> String {
        xml.components(separatedBy: "<\(tag)>").dropFirst().first?.components(separatedBy: "</\(tag)>").first ?? ""
    }

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
        #expect(try Self.part(url, "xl/styles.xml").contains("formatCode=\"0.00%\""))
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
        #expect(try Self.part(url, "xl/styles.xml").contains("<fgColor rgb=\"FFE2EFDA\"/>"))  // officer columns' header
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

/// Drop-down lists, charts of every kind, errors and big sheets.
@Suite("SheetsTests more")
struct SheetsMoreTests {
    static func temporary() -> URL { TestSupport.temporaryDirectory("kcbx-sheets") }

    @Test("A long list of choices goes to a hidden sheet", arguments: [false, true])
    func longChoices(constantMemory: Bool) throws {
        let dir = Self.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("台账.xlsx")
        let schools = (1...60).map { "第\($0)中心小学" }
        let book = try XLSXWorkbook(url: url, constantMemory: constantMemory)
        let sheet = try book.addSheet("台账", columns: [
            XLSXColumn("姓名"), XLSXColumn("安置学校", editable: true, choices: schools),
            XLSXColumn("处理结果", editable: true, choices: ["已复学", "送教上门"]),
            XLSXColumn("去向", editable: true, choices: ["外出务工", "随父母迁出, 已联系"]),
        ])
        for name in ["张三", "李四", "王五"] { try sheet.append([.text(name)]) }
        try book.close()
        let workbook = try SheetsTests.part(url, "xl/workbook.xml")
        #expect(workbook.contains("<sheet name=\"下拉选项\" sheetId=\"2\" state=\"hidden\""))
        let xml = try SheetsTests.part(url, "xl/worksheets/sheet1.xml")
        #expect(xml.contains("<formula1>'下拉选项'!$A$1:$A$60</formula1>"))
        #expect(xml.contains("<formula1>\"已复学,送教上门\"</formula1>"))
        #expect(xml.contains("<formula1>'下拉选项'!$B$1:$B$2</formula1>"))  // a choice with a comma
        #expect(xml.contains("sqref=\"B2:B4\""))
        let choices = try SheetsTests.part(url, "xl/worksheets/sheet2.xml")
        #expect(try SheetsTests.text(url, choices, "A60") == "第60中心小学")
        #expect(try SheetsTests.text(url, choices, "B2") == "随父母迁出, 已联系")
    }

    @Test("Charts: bar, line and pie, with titles on the right axes", arguments: [XLSXChart.Kind.bar, .line, .pie, .column])
    func charts(kind: XLSXChart.Kind) throws {
        let dir = Self.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("通报.xlsx")
        let book = try XLSXWorkbook(url: url)
        let sheet = try book.addSheet("各镇街", columns: [XLSXColumn("镇街"), XLSXColumn("入学率", .percent)], title: "2024年11月")
        try sheet.append([.text("城关街道"), .percent(0.99)])
        try sheet.append([.text("东港镇"), .percent(0.95)])
        let range = { (c: Int) in XLSXRange(sheet: sheet.name, firstRow: sheet.firstDataRow, firstColumn: c, lastRow: sheet.lastDataRow, lastColumn: c) }
        #expect(sheet.headerRow == 1 && sheet.rowCount == 2 && sheet.firstDataRow == 2 && sheet.lastDataRow == 3)
        try sheet.insertChart(XLSXChart(kind: kind, title: "入学率", categories: range(0), series: [("入学率", range(1))],
                                        xTitle: "镇街", yTitle: "入学率", percent: true), row: 5, column: 0, width: 600, height: 300)
        try book.close()
        let chart = try SheetsTests.part(url, "xl/charts/chart1.xml")
        #expect(chart.contains("<c:f>'各镇街'!$A$3:$A$4</c:f>"))
        #expect(chart.contains("<c:f>'各镇街'!$B$3:$B$4</c:f>"))
        #expect(chart.contains("typeface=\"宋体\""))
        if kind != .pie {
            // The category axis carries 镇街, the value axis 入学率 in percent.
            let category = SheetsTests.element(chart, "c:catAx")
            let value = SheetsTests.element(chart, "c:valAx")
            #expect(category.contains("镇街"))
            #expect(value.contains("入学率"))
            #expect(value.contains("formatCode=\"0%\""))
        }
        #expect(try SheetsTests.part(url, "xl/drawings/drawing1.xml").contains("<xdr:graphicFrame"))
    }

    @Test("Priority rows are filled; the header is bold on a fill")
    func highlight() throws {
        let dir = Self.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("名单.xlsx")
        let book = try XLSXWorkbook(url: url)
        let sheet = try book.addSheet("名单", columns: [XLSXColumn("姓名"), XLSXColumn("年龄", .integer)])
        try sheet.append([.text("张三"), .integer(9)], highlight: true)
        try sheet.append([.text("李四"), .integer(10)])
        try book.close()
        let styles = try SheetsTests.part(url, "xl/styles.xml")
        #expect(styles.contains("<fgColor rgb=\"FFFFF2CC\"/>"))
        #expect(styles.contains("<fgColor rgb=\"FFDDEBF7\"/>"))
        #expect(styles.contains("<b/>"))
        #expect(styles.contains("<name val=\"宋体\"/>"))
        let xml = try SheetsTests.part(url, "xl/worksheets/sheet1.xml")
        #expect(SheetsTests.cell(xml, "A2") != SheetsTests.cell(xml, "A3").replacingOccurrences(of: "A3", with: "A2"))
        #expect(!xml.contains("<sheetProtection"))  // no officer column: not protected
        #expect(!xml.contains("<dataValidation"))
    }

    @Test("Errors name the file and say why")
    func errors() throws {
        let dir = Self.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A folder that does not exist.
        let missing = dir.appendingPathComponent("无此目录/差异清单.xlsx")
        #expect(throws: KCBXError.self) { try XLSXWorkbook(url: missing) }
        do { _ = try XLSXWorkbook(url: missing) } catch {
            #expect(error.kind == .runFailed)
            #expect(error.message.hasPrefix("cannot write 差异清单.xlsx: "))
            #expect(error.file == missing.path)
        }
        let url = dir.appendingPathComponent("a.xlsx")
        let book = try XLSXWorkbook(url: url)
        let sheet = try book.addSheet("a", columns: [XLSXColumn("姓名")])
        #expect(throws: KCBXError.self) { try sheet.append([.text("张三"), .text("多余")]) }
        #expect(throws: KCBXError.self) { try book.addSheet("b", columns: []) }
        // Longer than Excel's 32,767 characters: libxlsxwriter's reason comes through.
        do { try sheet.append([.text(String(repeating: "长", count: 40_000))]); Issue.record("no error") } catch {
            #expect(error.message.contains("cannot write a.xlsx: sheet a row 2 column 姓名: "))
        }
        try sheet.append([.number(.nan)])
        try book.close()
        #expect(throws: KCBXError.self) { try sheet.append([.text("张三")]) }
        #expect(throws: KCBXError.self) { try book.close() }
    }

    @Test("A workbook dropped without close leaves no file")
    func abandoned() throws {
        let dir = Self.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            let book = try XLSXWorkbook(url: dir.appendingPathComponent("x.xlsx"), constantMemory: true)
            try book.addSheet("a", columns: [XLSXColumn("姓名")]).append([.text("张三")])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test("Files are 0600 whatever the umask")
    func mode() throws {
        let dir = Self.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("m.xlsx")
        FileManager.default.createFile(atPath: url.path, contents: Data("old".utf8), attributes: [.posixPermissions: 0o644])
        let book = try XLSXWorkbook(url: url)
        _ = try book.addSheet("a", columns: [XLSXColumn("姓名")])
        try book.close()
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try SheetsTests.part(url, "xl/workbook.xml").contains("name=\"a\""))
    }

    /// `KCBX_BENCH=1 swift test --skip-build --filter SheetsTests.more` — 1,000,000 rows × 10 columns.
    @Test("Benchmark: a million rows in constant-memory mode", .enabled(if: ProcessInfo.processInfo.environment["KCBX_BENCH"] != nil))
    func million() throws {
        let dir = Self.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("big.xlsx")
        let start = Date()
        let book = try XLSXWorkbook(url: url, constantMemory: true)
        let sheet = try book.addSheet("名单", columns: [
            XLSXColumn("案件编号"), XLSXColumn("重点群体"), XLSXColumn("身份证件号"), XLSXColumn("姓名"),
            XLSXColumn("出生日期", .date), XLSXColumn("性别"), XLSXColumn("镇街"), XLSXColumn("学校标识码"),
            XLSXColumn("年龄", .integer), XLSXColumn("说明"),
        ], title: "大表")
        let birth = CivilDate(year: 2012, month: 5, day: 1)!
        for i in 0..<1_000_000 {
            try sheet.append([.text("C\(i)"), .text(i % 7 == 0 ? "是" : ""), .text("370783********\(1000 + i % 9000)"), .text("张三丰"),
                              .date(birth.adding(days: i % 3000)), .text("男"), .text("城关街道"), .text("2137\(100000 + i % 900000)"),
                              .integer(i % 16), .text("户籍在册、学籍无记录，未见转出证明")], highlight: i % 7 == 0)
        }
        try book.close()
        let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("1,000,000 rows: \(Date().timeIntervalSince(start)) s, \(size / 1_000_000) MB, peak RSS \(usage.ru_maxrss / 1024) MB")
    }
}

/// `KCBX_SHEETS_SAMPLE=/some/dir swift test --skip-build --filter sample` writes a sample workbook to look at
/// (render it with `soffice --headless --convert-to pdf` and `pdftoppm -png`).
@Suite("SheetsTests sample")
struct SheetsSample {
    @Test("Sample workbook for a visual check", .enabled(if: ProcessInfo.processInfo.environment["KCBX_SHEETS_SAMPLE"] != nil),
          arguments: [false, true])
    func sample(constantMemory: Bool) throws {
        let dir = URL(fileURLWithPath: ProcessInfo.processInfo.environment["KCBX_SHEETS_SAMPLE"] ?? "/tmp")
        let book = try XLSXWorkbook(url: dir.appendingPathComponent(constantMemory ? "样例-流式.xlsx" : "样例.xlsx"), constantMemory: constantMemory)
        try book.setProperties(title: "样例", subject: "控辍保学")
        let sheet = try book.addSheet("应入学未入学", columns: [
            XLSXColumn("案件编号"), XLSXColumn("重点群体"), XLSXColumn("身份证件号"), XLSXColumn("姓名"),
            XLSXColumn("出生日期", .date), XLSXColumn("性别"), XLSXColumn("镇街"), XLSXColumn("学校标识码"),
            XLSXColumn("核查结果", editable: true, choices: ["已复学", "送教上门", "转学外地", "其他"]),
            XLSXColumn("说明", width: 40),
        ], title: "示范县 2024年11月 应入学未入学适龄儿童名单（F01）")
        let towns = ["城关街道", "东港镇", "南山乡", "北岭镇", "西河乡"]
        let names = ["张三", "李四", "王小五", "欧阳晓明", "赵六"]
        for i in 0..<60 {
            try sheet.append([.text("F01-\(1000 + i)"), .text(i % 5 == 0 ? "是" : ""), .text("370783********\(1200 + i)"),
                              .text(names[i % 5]), .date(CivilDate(year: 2012 + i % 6, month: 1 + i % 12, day: 1 + i % 28)!),
                              .text(i % 2 == 0 ? "男" : "女"), .text(towns[i % 5]), .text("21370\(10000 + i)"),
                              .empty, .text("户籍在册，学籍系统无在籍记录，未见转出证明")], highlight: i % 5 == 0)
        }
        let rates = try book.addSheet("各镇街入学率", columns: [
            XLSXColumn("镇街"), XLSXColumn("适龄儿童", .integer), XLSXColumn("入学率", .percent), XLSXColumn("巩固率", .percent),
        ], title: "各镇街入学率与巩固率")
        for (i, town) in towns.enumerated() {
            try rates.append([.text(town), .integer(12000 - i * 1500), .percent(0.999 - Double(i) * 0.012), .percent(0.99 - Double(i) * 0.008)])
        }
        let range = { (c: Int) in XLSXRange(sheet: rates.name, firstRow: rates.firstDataRow, firstColumn: c, lastRow: rates.lastDataRow, lastColumn: c) }
        try rates.insertChart(XLSXChart(kind: .column, title: "各镇街入学率与巩固率", categories: range(0),
                                        series: [("入学率", range(2)), ("巩固率", range(3))], xTitle: "镇街", yTitle: "比率", percent: true),
                              row: rates.lastDataRow + 2, column: 0)
        try rates.insertChart(XLSXChart(kind: .bar, title: "各镇街适龄儿童", categories: range(0), series: [("适龄儿童", range(1))],
                                        xTitle: "镇街", yTitle: "人数"), row: rates.lastDataRow + 22, column: 0, width: 480, height: 300)
        try rates.insertChart(XLSXChart(kind: .pie, title: "适龄儿童分布", categories: range(0), series: [("适龄儿童", range(1))]),
                              row: rates.lastDataRow + 22, column: 5, width: 400, height: 300)
        try rates.insertChart(XLSXChart(kind: .line, title: "巩固率", categories: range(0), series: [("巩固率", range(3))],
                                        yTitle: "巩固率", percent: true), row: rates.lastDataRow + 42, column: 0)
        try book.close()
    }
}
