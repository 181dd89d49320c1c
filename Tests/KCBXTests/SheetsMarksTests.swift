import Foundation
import KCBXCore
import Testing
@testable import KCBXSheets

/// The look of single cells and rows read back from a workbook's XML: fill and font colour of a cell
/// (through its style), and the height of a row.
struct StyleReadBack {
    let sheetXML: String
    private let xfs: [(fill: Int, font: Int)]
    private let fills: [String], fonts: [String]

    init(_ url: URL, sheet: Int = 1) throws {
        sheetXML = try TestSupport.zipPart(url, "xl/worksheets/sheet\(sheet).xml")
        let styles = try TestSupport.zipPart(url, "xl/styles.xml")
        func section(_ tag: String) -> String {
            styles.components(separatedBy: "<\(tag) ").dropFirst().first?.components(separatedBy: "</\(tag)>").first ?? ""
        }
        func attribute(_ name: String, _ xml: String) -> Int { Int(xml.components(separatedBy: "\(name)=\"").dropFirst().first?.prefix { $0 != "\"" } ?? "") ?? 0 }
        xfs = section("cellXfs").components(separatedBy: "<xf ").dropFirst().map { (attribute("fillId", $0), attribute("fontId", $0)) }
        fills = section("fills").components(separatedBy: "<fill>").dropFirst().map { String($0) }
        fonts = section("fonts").components(separatedBy: "<font>").dropFirst().map { String($0) }
    }

    /// The style index of cell `ref` (`s="…"`), 0 when it has none.
    func style(_ ref: String) -> Int {
        let c = SheetsTests.cell(sheetXML, ref)
        return Int(c.components(separatedBy: " s=\"").dropFirst().first?.prefix { $0 != "\"" } ?? "") ?? 0
    }

    /// The fill colour of cell `ref` (`FFFFC7CE`), nil when unfilled.
    func fill(_ ref: String) -> String? {
        let s = style(ref)
        guard s < xfs.count, xfs[s].fill < fills.count else { return nil }
        return Self.rgb(in: fills[xfs[s].fill].components(separatedBy: "<fgColor").dropFirst().first ?? "")
    }

    /// The font colour of cell `ref`, nil when the default.
    func fontColor(_ ref: String) -> String? {
        let s = style(ref)
        guard s < xfs.count, xfs[s].font < fonts.count else { return nil }
        return Self.rgb(in: fonts[xfs[s].font].components(separatedBy: "<color").dropFirst().first ?? "")
    }

    /// Whether cell `ref` shows the alert (a figure below its target): dark red on pink.
    func isAlert(_ ref: String) -> Bool { fill(ref) == "FFFFC7CE" && fontColor(ref) == "FF9C0006" }

    /// The custom height of row `row` (1-based) in points, nil when it has the default height.
    func height(row: Int) -> Double? {
        guard let start = sheetXML.range(of: "<row r=\"\(row)\"") else { return nil }
        let tag = sheetXML[start.lowerBound...].prefix { $0 != ">" }
        guard tag.contains("customHeight=\"1\"") else { return nil }
        return Double(tag.components(separatedBy: "ht=\"").dropFirst().first?.prefix { $0 != "\"" } ?? "")
    }

    static func rgb(in xml: String) -> String? {
        guard let value = xml.components(separatedBy: "rgb=\"").dropFirst().first?.prefix(while: { $0 != "\"" }) else { return nil }
        return String(value)
    }
}

/// Cell-level alerts, row heights that fit wrapped text, and rate charts on a fixed 0–100% axis.
@Suite("SheetsTests marks")
struct SheetsMarksTests {
    static func temporary() -> URL { TestSupport.temporaryDirectory("kcbx-sheets-marks") }

    @Test("An alert marks the one cell below its target, not its row")
    func alertMarksOneCell() throws {
        let dir = Self.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("通报.xlsx")
        let book = try XLSXWorkbook(url: url)
        let sheet = try book.addSheet("分镇街", columns: [XLSXColumn("镇街"), XLSXColumn("入学率", .percent), XLSXColumn("巩固率", .percent),
                                                         XLSXColumn("未销号", .integer)], title: "分镇街")
        try sheet.append([.text("城关镇"), .percent(0.99), .percent(0.93), .integer(0)], alerts: [2])
        try sheet.append([.text("河口镇"), .percent(0.99), .percent(0.99), .integer(3)], highlight: true, alerts: [3])
        try book.close()
        let look = try StyleReadBack(url)
        #expect(look.isAlert("C3"))
        #expect(!look.isAlert("A3") && !look.isAlert("B3") && !look.isAlert("D3"))
        #expect(look.fill("B3") == nil)
        // On a highlighted (priority) row the alert wins on its cell, the others keep the row's fill.
        #expect(look.isAlert("D4"))
        #expect(look.fill("A4") == "FFFFF2CC" && look.fill("C4") == "FFFFF2CC")
        // The alerted percentage keeps its number format (the style differs from a plain percentage only in look).
        #expect(look.style("C3") != look.style("B3"))
    }

    @Test("A row whose text wraps is as high as its lines", arguments: [false, true])
    func wrappedTextRowsFit(constantMemory: Bool) throws {
        let dir = Self.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("差异清单.xlsx")
        let book = try XLSXWorkbook(url: url, constantMemory: constantMemory)
        let sheet = try book.addSheet("人籍不一致", columns: [XLSXColumn("姓名", width: 10), XLSXColumn("说明", width: 20),
                                                            XLSXColumn("依据")], title: "人籍不一致")
        let long = String(repeating: "学籍姓名与户籍姓名不一致", count: 4)  // 48 CJK characters: 96 units in a 20-wide column
        try sheet.append([.text("张三"), .text("姓名不一致")])
        try sheet.append([.text("李四"), .text(long)])
        try sheet.append([.text("王五"), .text("第一行\n第二行\n第三行")])
        try sheet.append([.text("赵六"), .text("短"), .text(String(repeating: "id=exact(+12.0) ", count: 10))])  // fitted column, clamped at 60
        try book.close()
        let look = try StyleReadBack(url)
        #expect(look.height(row: 3) == nil)  // one line: default height
        let four = try #require(look.height(row: 4))
        #expect(four == XLSXLayout.rowHeight(lines: 5))  // 96 units in a 20-wide column
        #expect(look.height(row: 5) == XLSXLayout.rowHeight(lines: 3))
        #expect(look.height(row: 6) == XLSXLayout.rowHeight(lines: 3))  // 160 units (and spaces) in a 60-wide column
    }

    @Test("Lines of wrapped text", arguments: [
        ("姓名不一致", 20.0, 1), (String(repeating: "字", count: 10), 20.0, 1), (String(repeating: "字", count: 11), 20.0, 2),
        ("一\n二", 20.0, 2), ("", 10.0, 1), (String(repeating: "a", count: 30), 11.0, 3), ("deceased_active_status", 22.0, 1),
    ])
    func lineCount(text: String, width: Double, lines: Int) {
        #expect(XLSXLayout.lineCount(text, columnWidth: width) == lines)
    }

    /// Writes a sheet of two rows with the chart `make` builds on its two columns, and returns the value axis
    /// of the chart as written (`c:valAx`).
    func valueAxis(_ columns: [XLSXColumn], _ rows: [[XLSXCell]], _ make: (XLSXRange, XLSXRange) -> XLSXChart) throws -> String {
        let dir = Self.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("通报.xlsx")
        let book = try XLSXWorkbook(url: url)
        let sheet = try book.addSheet("图表", columns: columns)
        for row in rows { try sheet.append(row) }
        let range = { (c: Int) in XLSXRange(sheet: sheet.name, firstRow: sheet.firstDataRow, firstColumn: c, lastRow: sheet.lastDataRow, lastColumn: c) }
        try sheet.insertChart(make(range(0), range(1)), row: 4, column: 0)
        try book.close()
        return SheetsTests.element(try SheetsTests.part(url, "xl/charts/chart1.xml"), "c:valAx")
    }

    @Test("A rate chart reads against 0–100%, every 20%")
    func rateChartAxis() throws {
        let value = try valueAxis([XLSXColumn("镇街"), XLSXColumn("入学率", .percent)],
                                  [[.text("城关镇"), .percent(0.99)], [.text("河口镇"), .percent(0.97)]]) { categories, rates in
            let chart = XLSXChart.rates(title: "入学率", categories: categories, series: [("入学率", rates)], xTitle: "镇街")
            #expect(chart.kind == .column && chart.percent && chart.valueMin == 0 && chart.valueMax == 1)
            return chart
        }
        #expect(value.contains("<c:max val=\"1\"/>") && value.contains("<c:min val=\"0\"/>"))
        #expect(value.contains("<c:majorUnit val=\"0.2\"/>"))
        #expect(value.contains("formatCode=\"0%\""))
    }

    @Test("A title longer than its sheet is wide wraps on a taller row")
    func longTitleWraps() throws {
        let dir = Self.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("差异清单.xlsx")
        let book = try XLSXWorkbook(url: url)
        _ = try book.addSheet("短", columns: [XLSXColumn("代码", width: 10), XLSXColumn("值", width: 10)], title: "链接参数")
        _ = try book.addSheet("长", columns: [XLSXColumn("代码", width: 10), XLSXColumn("值", width: 10)],
                              title: "概率关联参数（Fellegi–Sunter；m 由 EM 在 244812 对候选记录上估计）")
        try book.close()
        #expect(try StyleReadBack(url, sheet: 1).height(row: 1) == 28)
        #expect((try StyleReadBack(url, sheet: 2).height(row: 1) ?? 0) > 28 * 2)
    }

    @Test("Count axes step in whole numbers", arguments: [(0, 1), (1, 1), (5, 1), (6, 2), (22, 5), (111, 50), (20_000, 5000)])
    func countStep(largest: Int, step: Int) {
        #expect(XLSXChart.countStep(largest) == step)
    }

    @Test("A count chart starts at 0 and shows whole numbers")
    func countChartAxis() throws {
        let value = try valueAxis([XLSXColumn("问题类型"), XLSXColumn("人数", .integer)],
                                  [[.text("应入未入"), .integer(1)], [.text("疑似辍学"), .integer(0)]]) { categories, counts in
            .counts(.bar, title: "人数", categories: categories, series: [("人数", counts)], largest: 1, yTitle: "人数")
        }
        #expect(value.contains("<c:min val=\"0\"/>") && value.contains("<c:max val=\"1\"/>") && value.contains("<c:majorUnit val=\"1\"/>"))
        #expect(value.contains("formatCode=\"0\""))
    }
}
