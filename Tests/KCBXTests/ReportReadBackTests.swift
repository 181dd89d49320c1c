import Foundation
import Testing
@testable import KCBXCore
import KCBXLedger
@testable import KCBXLink
@testable import KCBXNormalize
@testable import KCBXReconcile
@testable import KCBXReport

/// Every workbook of the report read back as an officer's spreadsheet program sees it: sheet names,
/// headers, an ID cell stored as text, the bulletin's figures equal to summary.json (ledger figures
/// too), cells below target marked, and the probabilistic links explained.
@Suite struct ReportReadBackTests {
    /// The fixture county with a ledger: a case per finding, open, and one closed case whose town no record names.
    static func input(mask: [String]) -> (input: ReportInput, ids: [String]) {
        var (input, ids) = ReportFixture.input(mask: mask)
        let day = ReportFixture.asOf
        input.cases = input.reconcile.findings.map { f in
            Case(id: f.caseID, code: f.code, personID: f.personID, state: .open, priority: f.priority, idNumber: ids[0], name: "张三",
                 birthDate: nil, town: f.town, schoolCode: f.schoolCode, detail: f.detail, evidence: "", openedPeriod: "2026-11",
                 openedOn: day, lastSeenPeriod: "2026-11", lastSeenOn: day, history: [CaseEvent(period: "2026-11", date: day, kind: .opened, detail: "")])
        }
        input.cases.append(Case(id: "C0000000001", code: .notEnrolled, personID: "PX", state: .closed, priority: false, idNumber: "",
                                name: "某某", birthDate: nil, town: "", schoolCode: "", detail: "", evidence: "", openedPeriod: "2026-10",
                                openedOn: day, lastSeenPeriod: "2026-10", lastSeenOn: day, closedOn: day, closeReason: "已入学"))
        input.ledger.byTown[""] = .init(opened: 0, closed: 1, open: 0)
        input.ledger.district.closed += 1
        return (input, ids)
    }

    static func run(mask: [String] = ["town_lists"]) throws -> (dir: URL, ids: [String], input: ReportInput) {
        let (input, ids) = Self.input(mask: mask)
        let dir = TestSupport.temporaryDirectory("kcbx-report-readback")
        try ReportStage.run(input, into: dir, fillIn: dir.appendingPathComponent(LedgerWorkbook.folder))
        return (dir, ids, input)
    }

    /// A workbook, a sheet of it, the header row (1-based) and its headers, and an ID cell with its expected text.
    struct Expected: Sendable, CustomTestStringConvertible {
        var file: String, sheets: [String], sheet: String, headerRow: Int, headers: [String], idCell: String?, idOf: Int?, masked: Bool
        var testDescription: String { file }
    }

    static let findingHeaders = FindingSheets.columns(reportBack: false).map(\.header)
    static let townHeaders = FindingSheets.columns(reportBack: true, ledger: true).map(\.header)

    @Test(arguments: [
        Expected(file: "差异清单_2026年11月.xlsx", sheets: ["汇总", "应入未入", "疑似辍学", "一人多籍", "空挂学籍", "人籍不一致", "户籍重复",
                                                          "死亡未销籍", "残疾儿童未安置"],
                 sheet: "人籍不一致", headerRow: 2, headers: findingHeaders, idCell: "G3", idOf: 0, masked: false),
        Expected(file: "towns/河口镇_2026年11月.xlsx", sheets: ["汇总", "疑似辍学", "残疾儿童未安置", "填报说明"],
                 sheet: "疑似辍学", headerRow: 2, headers: townHeaders, idCell: nil, idOf: nil, masked: true),
        Expected(file: "户籍重复及注销核查_2026年11月.xlsx", sheets: ["汇总", "户籍重复", "死亡未销籍", "迁出注销仍有学籍", "填报说明"],
                 sheet: "户籍重复", headerRow: 2, headers: PoliceWorkbook.columns.map(\.header), idCell: "D3", idOf: 1, masked: false),
        Expected(file: "比对技术明细_2026年11月.xlsx", sheets: ["依据记录", "链接参数"],
                 sheet: "依据记录", headerRow: 2, headers: ["案件编号", "问题代码", "问题类型", "依据记录", "概率关联依据"], idCell: nil, idOf: nil,
                 masked: false),
        Expected(file: "填报/控辍保学劝返台账_2026年11月_第0版.xlsx", sheets: ["台账", "处理记录", "填报说明"],
                 // 序号 by the period a case opened: the case opened in 2026-10 comes first.
                 sheet: "台账", headerRow: 2, headers: LedgerWorkbook.columns(.childFollowUp).map(\.header), idCell: "H4", idOf: 0, masked: false),
        Expected(file: "填报/学籍户籍数据纠错台账_2026年11月_第0版.xlsx", sheets: ["台账", "处理记录", "填报说明"],
                 sheet: "台账", headerRow: 2, headers: LedgerWorkbook.columns(.recordCorrection).map(\.header), idCell: "H3", idOf: 0, masked: false),
        Expected(file: "通报_2026年11月.xlsx", sheets: ["通报", "主要指标", "分镇街", "重点群体", "与上期和去年同期比较", "学校数据纠错", "派出所数据纠错",
                                                           "问题分类", "案件趋势", "数据来源", "口径说明", "图表数据"],
                 sheet: "分镇街", headerRow: 2, headers: BulletinWorkbook.townColumns.map(\.header), idCell: nil, idOf: nil, masked: false),
    ])
    func everyWorkbookReadsBack(_ expected: Expected) throws {
        let (dir, ids, _) = try Self.run()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = try WorkbookReadBack(dir.appendingPathComponent(expected.file))
        #expect(book.sheetNames == expected.sheets)
        let sheet = try book.sheet(expected.sheet)
        #expect(WorkbookReadBack.values(sheet[expected.headerRow]) == expected.headers)
        if let ref = expected.idCell, let person = expected.idOf {
            let row = Int(ref.drop { $0.isLetter })!, column = String(ref.prefix { $0.isLetter })
            let id = ids[person]
            #expect(sheet[row]?[column] == .init(value: expected.masked ? maskID(id) : id, isString: true))
        }
    }

    /// The value of the cell in column B of the row whose column A reads `label`.
    static func figure(_ sheet: [Int: [String: WorkbookReadBack.Cell]], _ label: String) -> String? {
        sheet.values.first { $0["A"]?.value == label }?["B"]?.value
    }

    @Test func bulletinFiguresEqualSummaryWithTheLedger() throws {
        let (dir, _, _) = try Self.run(mask: [])
        defer { try? FileManager.default.removeItem(at: dir) }
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("summary.json"))) as! [String: Any]
        let bulletin = summary["bulletin"] as! [String: Any]
        let district = bulletin["district"] as! [String: Any], towns = bulletin["towns"] as! [[String: Any]]
        let book = try WorkbookReadBack(dir.appendingPathComponent("通报_2026年11月.xlsx"))

        // 主要指标: every indicator of the district, with numerator and denominator.
        let indicators = try book.sheet("主要指标")
        let rates = district["rates"] as! [String: [String: Any]]
        for i in BulletinFigures.rates {
            let row = try #require(indicators.values.first { $0["A"]?.value == i.title }, "\(i.title)")
            let rate = try #require(rates[i.rawValue])
            if let v = rate["value"] as? Double { #expect(Double(row["B"]?.value ?? "") == v, "\(i.title)") } else { #expect(row["B"]?.value == "—") }
            #expect(Int(row["E"]?.value ?? "") == rate["numerator"] as? Int && Int(row["F"]?.value ?? "") == rate["denominator"] as? Int, "\(i.title)")
        }
        // 劝返 cases (the codes that count against a town) and the whole ledger.
        #expect([district["cases_opened"], district["cases_closed"], district["cases_open"]].map { $0 as? Int } == [3, 0, 3])
        let ledger = bulletin["ledger"] as! [String: Int]
        #expect([ledger["opened"], ledger["closed"], ledger["open"]] == [3, 2, 5])
        #expect(Self.figure(try book.sheet("通报"), "发文单位") == "示例县教育局")

        // 分镇街: every town and the district row, every figure column.
        let byTown = try book.sheet("分镇街")
        for (i, area) in (towns + [district]).enumerated() {
            let row = WorkbookReadBack.values(byTown[3 + i])
            #expect(row[1] == area["name"] as? String)
            #expect(row[0] == (area["rank"] as? Int).map(String.init) ?? (i == towns.count ? "合计" : ""))
            let counts = [area["school_age"], area["enrolled_elsewhere"], area["deferred"], area["due"], area["enrolled"]].map { $0 as? Int }
            #expect(row[2...6].map { Int($0) } == counts, "\(area["name"]!)")
            let rates = area["rates"] as! [String: [String: Any]]
            for (k, ind) in BulletinFigures.rates.enumerated() {
                if let x = rates[ind.rawValue]?["value"] as? Double {
                    #expect(Double(row[7 + k]) == x, "\(area["name"]!) \(ind.rawValue)")
                } else {
                    #expect(row[7 + k] == "—", "\(area["name"]!) \(ind.rawValue) has no one to count")
                }
            }
            let last = 7 + BulletinFigures.rates.count
            #expect(row[last...(last + 3)].map { Int($0) } == [area["out_of_school"], area["cases_opened"], area["cases_closed"], area["cases_open"]].map { $0 as? Int })
        }
        // A case whose town the ledger does not name is counted at the town its packet lists the child in
        // (the finding's), never under an empty name: the towns' open cases add up to the district's 3.
        #expect(towns.map { $0["name"] as? String } == ["北山乡", "城关镇", "河口镇"])
        #expect(towns.reduce(0) { $0 + ($1["cases_open"] as? Int ?? 0) } == 3)

        // 问题分类 (by Chinese type only) and 案件趋势.
        let codes = try book.sheet("问题分类")
        let findings = district["findings"] as! [String: Int]
        for (k, code) in FindingCode.allCases.enumerated() {
            let row = WorkbookReadBack.values(codes[3 + k])
            #expect(row[0] == code.title && Int(row[2]) == findings[code.rawValue], "\(code.rawValue)")
        }
        let trend = try book.sheet("案件趋势")
        let periods = bulletin["open_cases_by_period"] as! [[String: Any]]
        #expect(periods.count == 12)
        for (i, p) in periods.enumerated() {
            // 当期通报所列: summary.json's as_issued, "—" where no bulletin of that period is kept.
            let issued = (p["as_issued"] as? Int).map(String.init) ?? "—"
            #expect(WorkbookReadBack.values(trend[3 + i]) == [BulletinFigures.periodTitle(p["period"] as! String), String(p["open"] as! Int), issued])
        }
    }

    @Test func bulletinMarksTheCellsBelowTargetNotTheRow() throws {
        let (dir, _, _) = try Self.run()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("通报_2026年11月.xlsx")
        // 分镇街 (sheet 3): 北山乡 (row 3) has no one to count; 河口镇 (row 5) misses 初中净、毛入学率, 初中巩固率, 九年巩固率, 残疾儿童少年入学率.
        let towns = try StyleReadBack(url, sheet: 3)
        for column in ["B", "C", "H", "J", "N", "V"] { #expect(!towns.isAlert("\(column)3"), "北山乡 \(column)") }
        for column in ["J", "K", "M", "N", "O", "T", "V"] { #expect(towns.isAlert("\(column)5"), "河口镇 \(column)") }
        for column in ["A", "B", "C", "G", "H", "I", "L", "P", "Q", "U"] { #expect(!towns.isAlert("\(column)5"), "河口镇 \(column)") }
        // 主要指标 (sheet 2): the 初中净入学率 row marks its value and 未达标, not the indicator's name.
        let book = try WorkbookReadBack(url)
        let overview = try book.sheet("主要指标")
        let junior = try #require(overview.first { $0.value["A"]?.value == "初中净入学率" }?.key)
        let look = try StyleReadBack(url, sheet: 2)
        #expect(look.isAlert("B\(junior)") && look.isAlert("D\(junior)"))
        #expect(!look.isAlert("A\(junior)") && !look.isAlert("C\(junior)"))
        let primary = try #require(overview.first { $0.value["A"]?.value == "小学净入学率" }?.key)
        #expect(!look.isAlert("B\(primary)"))
        // 通报 (sheet 1): the towns below target listed by rank.
        let listed = try book.sheet("通报").values.compactMap { $0["A"]?.value }.filter { $0.hasPrefix("排名第 ") }.sorted()
        #expect(listed == ["排名第 2 名", "排名第 3 名"])
        // The rates chart: dots against dashed target lines, on an axis fitted to the values.
        let charts = try (1...3).map { try TestSupport.zipPart(url, "xl/charts/chart\($0).xml") }
        let rates = try #require(charts.first { $0.contains("虚线为目标") })
        #expect(rates.contains("prstDash val=\"dash\"") && rates.contains("<c:max val=\"1\"/>"))
    }

    @Test func bulletinHTMLMarksCellsAndDrawsRatesAgainstTargets() throws {
        let (dir, ids, _) = try Self.run(mask: [])
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = try String(contentsOf: dir.appendingPathComponent("通报_2026年11月.html"), encoding: .utf8)
        #expect(html.contains("background: #ffc7ce"))
        #expect(html.contains("<td class=\"miss\">0.00%</td>"))  // 初中净入学率, district and towns
        #expect(html.contains("目标 100%</text>") && html.contains("stroke-dasharray=\"6 3\""))
        #expect(html.contains("<td class=\"l town\">河口镇</td>"))
        #expect(!html.contains("<td class=\"l\"></td>"))  // no town without a name
        #expect(!html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"))  // needs no network
        #expect(ReportFigureTests.personalData(in: html, ids: ids).isEmpty)
    }

    @Test func personsCSVCarriesEachLinksWeightAndExplanation() throws {
        let (dir, _, input) = try Self.run()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rows = try TestSupport.csvRows(dir.appendingPathComponent("persons.csv"))
        #expect(rows.first == ["source", "record", "person_id", "id_number", "link_rule", "match_probability", "match_weight", "explanation"])
        let student = try #require(rows.first { $0[0] == "学籍" && $0[1] == "1" })
        let link = try #require(input.records.link(RecordRef(source: 1, record: 0)))  // 学籍 张叁 ↔ 户籍 张三
        #expect(student[2] == "P1" && student[4] == "probabilistic" && student[5] == "1.0000" && student[6] == "18.4")
        #expect(student[7] == link.explanation)
        #expect(student[7].contains("name=same_pinyin(+9.8)") && student[7].hasSuffix("p 0.99999"))
        let hukou = try #require(rows.first { $0[0] == "公安户籍" && $0[1] == "1" })
        #expect(Array(hukou[4...]) == ["exact_id", "1", "", "exact_id"])
        #expect(rows.dropFirst().allSatisfy { $0.count == 8 })
    }

    @Test func discrepancyWorkbookExplainsLinksAndListsTheParameters() throws {
        let (dir, _, input) = try Self.run()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("比对技术明细_2026年11月.xlsx")
        let book = try WorkbookReadBack(url)
        let link = try #require(input.records.link(RecordRef(source: 1, record: 0)))  // 学籍 张叁 ↔ 户籍 张三
        let evidence = try book.sheet("依据记录")
        let mismatch = try #require(evidence.values.first { $0["B"]?.value == "identity_mismatch" })
        #expect(mismatch["E"]?.value == "学籍#1 ↔ 公安户籍#1：" + link.explanation)
        #expect(evidence.values.first { $0["B"]?.value == "duplicate_hukou" }?["E"]?.value ?? "" == "")  // joined on the ID: nothing to explain

        let parameters = try book.sheet("链接参数")
        #expect(WorkbookReadBack.values(parameters[2]) == ["比较字段", "字段代码", "比较级别", "级别代码", "m（同一人）", "u（不同人）",
                                                           "权重（比特）"])
        let p = ReportFixture.Builder().index().parameters  // the fixture's (default) parameters
        let levels = LinkField.allCases.reduce(0) { $0 + $1.levels.count }
        #expect(parameters.count == 2 + levels + 1)
        #expect(WorkbookReadBack.values(parameters[3]).prefix(4) == ["身份证件号", "id", "完全一致", "exact"])
        #expect(Double(parameters[3]?["E"]?.value ?? "") == TechnicalWorkbook.significant(p.m[0][0]))
        #expect(Double(parameters[3]?["F"]?.value ?? "") == TechnicalWorkbook.significant(p.u[0][0]))
        #expect(parameters[3]?["E"]?.isString == false)
        let last = WorkbookReadBack.values(parameters[2 + levels + 1])
        #expect(last[3] == "lambda" && Double(last[4]) == TechnicalWorkbook.significant(p.lambda))

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("linkage.json"))) as! [String: Any]
        #expect(json["lambda"] as? Double == p.lambda)
        let fields = json["fields"] as! [[String: Any]]
        #expect(fields.map { $0["field"] as? String } == LinkField.allCases.map(\.key))
        let idExact = (fields[0]["levels"] as! [[String: Any]])[0]
        #expect(idExact["level"] as? String == "exact" && idExact["m"] as? Double == p.m[0][0] && idExact["u"] as? Double == p.u[0][0])
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("manifest.json"))) as! [String: Any]
        #expect((manifest["outputs"] as? [String])?.contains("linkage.json") == true)
    }

    /// 一生一表: each child with an open case to follow up on a printed page of its own, with its cases and history.
    @Test func everyChildToFollowUpHasAPageOfItsOwn() throws {
        let (dir, _, input) = try Self.run()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("一生一表")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files.allSatisfy { $0.hasPrefix("一生一表_") && $0.hasSuffix("_2026年11月.xlsx") } && !files.isEmpty)
        let children = Set(input.cases.filter { $0.work == .childFollowUp && $0.state == .open }.map(\.personID))
        var pages = 0
        for file in files {
            let sheet = try WorkbookReadBack(folder.appendingPathComponent(file)).sheet("一生一表")
            pages += sheet.values.filter { $0["A"]?.value.hasPrefix("第 ") == true }.count
            #expect(sheet.values.contains { $0["A"]?.value == "立案" })
        }
        #expect(pages == children.count)
    }

    @Test func aCaseWithoutATownIsListedUnderUnknownTown() throws {
        let (dir, _, _) = try Self.run()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ledger = try WorkbookReadBack(dir.appendingPathComponent("填报/控辍保学劝返台账_2026年11月_第0版.xlsx")).sheet("台账")
        let closed = try #require(ledger.values.first { $0["B"]?.value == "C0000000001" })
        #expect(closed["F"]?.value == "未知镇街")
        #expect(ledger.filter { $0.key >= 2 }.values.allSatisfy { $0["F"] != nil && $0["F"]?.value != "" })
    }
}

/// Reconcile places a child known only through a school in the school's town (from the school directory).
@Suite struct ReportTownTests {
    static func county() -> TestCounty {
        var county = TestCounty(roles: [.hukou, .studentStatus, .attendance])
        county.sources.append(NormalizedSource(source: "学校名录", role: .schools, fields: [.schoolCode, .schoolName, .town], records: [], rejects: []))
        county.tags.append([])
        county.add(.schools, "school-1", [.schoolCode: "3707830001", .schoolName: "城关小学", .town: "东港镇"])
        county.add(.schools, "school-2", [.schoolCode: "3707830002", .schoolName: "河口中学", .town: "河口镇"])
        return county
    }

    @Test func aChildWithoutHukouIsInTheSchoolsTown() throws {
        var county = Self.county()
        let id = TestCounty.id("20150302", seq: 321)
        // 学籍 only at 城关小学, which keeps attendance without this child: phantom_status, town from the directory.
        county.add(.studentStatus, "x", [.idNumber: id, .studentNumber: "G" + id, .name: "学生x", .schoolCode: "3707830001", .status: "在读"])
        county.child("b", seq: 125)
        county.add(.attendance, "b", [.schoolCode: "3707830001", .absentDays: "0"])
        let found = county.reconcile().findings.filter { $0.personID == "P-x" }
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.town == "东港镇" })
    }

    @Test func theHukouTownWinsOverTheSchools() throws {
        var county = Self.county()
        county.child("a", enrolled: "3707830002")  // hukou in 城关街道, school in 河口镇
        county.child("b", seq: 125)
        county.add(.attendance, "b", [.schoolCode: "3707830002", .absentDays: "0"])
        let found = county.reconcile().findings.filter { $0.personID == "P-a" }
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.town == "城关街道" })
    }
}
