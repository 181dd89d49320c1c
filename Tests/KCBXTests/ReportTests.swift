import Foundation
import Testing
import ZIPFoundation
@testable import KCBXCore
@testable import KCBXPipeline
@testable import KCBXReconcile
@testable import KCBXReport

/// A workbook read back as an officer's spreadsheet program would: sheet names, and each cell's value and type.
struct WorkbookReadBack {
    struct Cell: Equatable { var value: String; var isString: Bool }
    let sheetNames: [String]
    private let url: URL
    private let shared: [String]

    init(_ url: URL) throws {
        self.url = url
        let workbook = try TestSupport.zipPart(url, "xl/workbook.xml")
        sheetNames = Self.matches(#"<sheet [^>]*name="([^"]*)""#, workbook).map { Self.unescape($0[0]) }
        let sst = try TestSupport.zipPart(url, "xl/sharedStrings.xml")
        shared = Self.matches(#"<si>(.*?)</si>"#, sst).map { si in Self.matches(#"<t[^>]*>(.*?)</t>"#, si[0]).map { Self.unescape($0[0]) }.joined() }
    }

    /// Rows of sheet `name`: row number (1-based) → column letters → cell.
    func sheet(_ name: String) throws -> [Int: [String: Cell]] {
        guard let i = sheetNames.firstIndex(of: name) else { return [:] }
        let xml = try TestSupport.zipPart(url, "xl/worksheets/sheet\(i + 1).xml")
        var rows: [Int: [String: Cell]] = [:]
        for m in Self.matches(#"<c r="([A-Z]+)([0-9]+)"([^>]*?)(?:/>|>(.*?)</c>)"#, xml) {
            let attrs = m[2], body = m[3]
            let cell: Cell
            if attrs.contains(#"t="s""#) {
                let k = Int(Self.matches(#"<v>(.*?)</v>"#, body).first?[0] ?? "") ?? -1
                cell = Cell(value: shared.indices.contains(k) ? shared[k] : "", isString: true)
            } else if attrs.contains(#"t="inlineStr""#) || attrs.contains(#"t="str""#) {
                cell = Cell(value: Self.matches(#"<t[^>]*>(.*?)</t>"#, body).map { Self.unescape($0[0]) }.joined(), isString: true)
            } else {
                cell = Cell(value: Self.matches(#"<v>(.*?)</v>"#, body).first?[0] ?? "", isString: false)
            }
            rows[Int(m[1])!, default: [:]][m[0]] = cell
        }
        return rows
    }

    /// The values of a row, A, B, C, … up to the last cell.
    static func values(_ row: [String: Cell]?) -> [String] {
        guard let row else { return [] }
        let letters = (0..<40).map { i in i < 26 ? String(UnicodeScalar(65 + i)!) : "A" + String(UnicodeScalar(65 + i - 26)!) }
        let last = letters.lastIndex { row[$0] != nil } ?? -1
        return letters.prefix(last + 1).map { row[$0]?.value ?? "" }
    }

    /// Every text of the workbook: shared strings and the sheets' XML (for scanning).
    func allText() throws -> String {
        let archive = try Archive(url: url, accessMode: .read)
        var text = ""
        for entry in archive where entry.path.hasSuffix(".xml") {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            text += String(decoding: data, as: UTF8.self)
        }
        return text
    }

    static func matches(_ pattern: String, _ text: String) -> [[String]] {
        let re = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let ns = text as NSString
        return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            (1..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
        }
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// The report stage on a hand-built county: the figures of the bulletin, and no personal data in it.
@Suite struct ReportFigureTests {
    let fixture = ReportFixture.input()

    func figures() -> BulletinFigures {
        let input = fixture.input, people = PersonView(input), rows = FindingRows(input, people)
        let population = Population(input, dropouts: ["P3"])
        return BulletinFigures(input, people, rows, population, SharedFigures(input, people, rows, schools: SchoolWorkbook.plan(rows, input, people)))
    }

    @Test func districtFiguresFollowTheDefinitions() {
        let f = figures(), c = f.district.counts
        #expect(f.cohort == CivilDate(iso: "2011-09-01")!...CivilDate(iso: "2020-08-31")!)
        // Resident school-age: 张三, 李四, 王五, 赵六 (孙七 dead, 周八 moved out, 吴十 no hukou, 钱九 adult).
        #expect((c.schoolAge, c.due, c.enrolled) == (4, 4, 2))
        // Primary pupils: 张三, 赵六, and 孙七, 周八, 吴十 who hold a status (三年级) without a resident hukou.
        #expect(c.primary == .init(due: 2, enrolled: 2, netEnrolled: 2, pupils: 5, entrants: 4, retained: 4))
        // Junior age: 李四 (no 学籍), 王五 (辍学), 吴十 (12, in 三年级: a junior-age entrant, a primary pupil).
        #expect(c.junior == .init(due: 2, enrolled: 0, netEnrolled: 0, pupils: 0, entrants: 2, retained: 1))
        #expect(f.district.value(.primaryNet) == 1 && f.district.value(.juniorNet) == 0 && f.district.value(.primaryGross) == 2.5)
        // Consolidation: 5 of the 6 pupils of the cohort still at school (王五 dropped out) → 83.33%.
        #expect(f.district.value(.consolidation) == 0.8333)
        #expect((c.disabled, c.disabledEnrolled) == (1, 0))
        #expect(f.district.outOfSchool == 2)  // 李四 (应入未入), 王五 (疑似辍学, 残疾儿童未安置)
        #expect(f.district.findings[.notEnrolled] == 1 && f.district.findings.values.reduce(0, +) == 8)
    }

    @Test func townsAreRankedAndThoseBelowTargetNamed() {
        let f = figures()
        #expect(f.towns.map(\.name) == ["北山乡", "城关镇", "河口镇"])
        #expect(f.towns.map(\.rank) == [1, 2, 3])
        let town = Dictionary(uniqueKeysWithValues: f.towns.map { ($0.name, $0) })
        #expect(town["城关镇"]!.counts.retained == 2)  // 吴十 counted at his school's town
        #expect(town["河口镇"]!.value(.consolidation) == 0.75)
        // Without a ledger each finding of a town's child is an open 劝返 case (the packet lists it): 未销号劝返案件 > 0.
        #expect(f.shortfalls(town["城关镇"]!) == [.juniorNet, .juniorGross, .openCases])
        #expect(f.shortfalls(town["河口镇"]!) == [.juniorNet, .juniorGross, .juniorConsolidation, .consolidation, .disabledEnrolment, .openCases])
        #expect(f.townsBelowTarget.map(\.name) == ["城关镇", "河口镇"])
        #expect(f.townsAtTarget.map(\.name) == ["北山乡"])
    }

    @Test func policeSeeMovedOutChildrenWhoStillHoldAStatus() {
        let input = fixture.input, people = PersonView(input)
        let population = Population(input, dropouts: [])
        #expect(population.movedOutWithStatus.map(\.person) == ["P6"])
    }

    @Test func bulletinHTMLCarriesNoPersonalDataAndPrintsOnA4() {
        let html = BulletinHTML.render(figures())
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("<svg"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\""))
        #expect(html.contains("巩固率") && html.contains("83.33%"))
        #expect(Self.personalData(in: html, ids: fixture.ids).isEmpty)
        // KCBX_PREVIEW=DIR keeps the page for a look in a browser.
        if let dir = ProcessInfo.processInfo.environment["KCBX_PREVIEW"] {
            try? Data(html.utf8).write(to: URL(fileURLWithPath: dir).appendingPathComponent("bulletin-fixture.html"))
        }
    }

    /// Any 15/18-character ID-like run, any ID or name of the county, found in `text`.
    static func personalData(in text: String, ids: [String]) -> [String] {
        var found = WorkbookReadBack.matches(#"(?<![0-9])([0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9])"#, text).map { $0[0] }
        found += ids.filter { text.contains($0) || text.contains(maskID($0)) }
        found += ReportFixture.names.filter { text.contains($0) }
        return found
    }

    @Test(arguments: [
        ("370783201803050115", true, "370783********0115"),
        ("证号370783201803050115与370783201305010136重复", true, "证号370783********0115与370783********0136重复"),
        ("学籍号G370783201803050115", true, "学籍号G370783********0115"),
        ("370783201803050115", false, "370783201803050115"),
        ("H002、H009", true, "H002、H009"),
    ])
    func idsInTextAreMasked(text: String, masked: Bool, expected: String) {
        #expect(Masking.text(text, masked) == expected)
    }

    @Test(arguments: [(0.9932376272, 0.9932), (3.3442948e-07, 3.344e-07), (1e-06, 1e-06), (0, 0), (-16.6, -16.6)])
    func parametersAreShownToFourSignificantDigits(x: Double, shown: Double) {
        #expect(abs(TechnicalWorkbook.significant(x) - shown) <= abs(shown) * 1e-12)
    }

    @Test(arguments: [(Float(1), "1"), (0, "0"), (0.97314, "0.9731"), (0.5, "0.5000"), (0.00004, "0.0000"), (0.99996, "1.0000")])
    func probabilityIsWrittenWithFourDecimals(p: Float, text: String) {
        #expect(PersonsCSV.probabilityText(p) == text)
    }

    @Test(arguments: [("2026-11", "通报_2026年11月"), ("2027-03", "通报_2027年3月")])
    func bulletinIsNamedByPeriod(period: String, name: String) {
        #expect(ReportStage.FileName.bulletin(period: period) == name)
    }
}

/// Every output written and read back: sheet names, headers, IDs as text, masking, figures = summary.json.
@Suite struct ReportOutputTests {
    static func run(mask: [String] = ["town_lists"]) throws -> (dir: URL, ids: [String]) {
        let (input, ids) = ReportFixture.input(mask: mask)
        let dir = TestSupport.temporaryDirectory("kcbx-report")
        try ReportStage.run(input, into: dir)
        if let keep = ProcessInfo.processInfo.environment["KCBX_PREVIEW"] {  // KCBX_PREVIEW=DIR keeps a copy to look at
            let copy = URL(fileURLWithPath: keep).appendingPathComponent("report-" + mask.joined(separator: "+"))
            try? FileManager.default.removeItem(at: copy)
            try? FileManager.default.copyItem(at: dir, to: copy)
        }
        return (dir, ids)
    }

    @Test func everyOutputIsWritten() throws {
        let (dir, _) = try Self.run()
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
        for name in ["差异清单_2026年11月.xlsx", "户籍重复及注销核查_2026年11月.xlsx", "比对技术明细_2026年11月.xlsx", "学籍纠错",
                     "通报_2026年11月.xlsx", "通报_2026年11月.html", "findings.csv", "persons.csv", "summary.json", "manifest.json", "towns"] {
            #expect(files.contains(name), "\(name) missing")
        }
        let towns = Set(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("towns").path))
        #expect(towns == ["城关镇_2026年11月.xlsx", "河口镇_2026年11月.xlsx", "北山乡_2026年11月.xlsx"])
        let schools = Set(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("学籍纠错").path))
        #expect(schools.contains("按学校汇总_2026年11月.xlsx") && schools.count >= 2, "\(schools)")
    }

    @Test func discrepancyWorkbookHasASheetPerCodeWithEvidenceAndIDsAsText() throws {
        let (dir, ids) = try Self.run()
        let book = try WorkbookReadBack(dir.appendingPathComponent("差异清单_2026年11月.xlsx"))
        #expect(book.sheetNames == ["汇总", "应入未入", "疑似辍学", "一人多籍", "空挂学籍", "人籍不一致", "户籍重复", "死亡未销籍", "残疾儿童未安置"])
        let sheet = try book.sheet("户籍重复")
        #expect(WorkbookReadBack.values(sheet[2]) == ["序号", "案件编号", "重点群体", "姓名", "性别", "出生日期", "身份证件号", "学校名称", "年级",
                                                      "班级", "监护人", "联系电话", "村居", "住址", "情况说明", "信息来源"])
        let row = try #require(sheet[3])
        #expect(row["A"]?.value == "1")
        #expect(row["G"] == .init(value: ids[1], isString: true))  // full ID, as text (discrepancies not masked here)
        #expect(row["P"]?.value == "公安户籍")  // the departments, not record numbers
        #expect(row["F"]?.isString == false)  // a real date
        let summary = try book.sheet("汇总")
        #expect(WorkbookReadBack.values(summary[3]).prefix(3) == ["应入未入", "1", "0"])
        // No English codes, record numbers or linkage weights in what officers open: those are in 比对技术明细.
        let shared = try TestSupport.zipPart(dir.appendingPathComponent("差异清单_2026年11月.xlsx"), "xl/sharedStrings.xml")
        for word in ["not_enrolled", "#", "bad_check", "weight", "链接参数"] { #expect(!shared.contains(word), "\(word)") }
        let technical = try WorkbookReadBack(dir.appendingPathComponent("比对技术明细_2026年11月.xlsx"))
        #expect(technical.sheetNames == ["依据记录", "链接参数"])
        let evidence = try technical.sheet("依据记录")
        #expect(evidence.values.contains { $0["D"]?.value == "公安户籍#2;公安户籍#3" && $0["B"]?.value == "duplicate_hukou" })
    }

    @Test func townWorkbooksHoldTheirTownOnlyWithIDsMasked() throws {
        let (dir, ids) = try Self.run()
        let book = try WorkbookReadBack(dir.appendingPathComponent("towns/城关镇_2026年11月.xlsx"))
        // The children to follow up (records to correct go to schools and police), and the locked 填报说明 the import checks.
        #expect(book.sheetNames == ["汇总", "应入未入", "填报说明"])
        let sheet = try book.sheet("应入未入")
        #expect(WorkbookReadBack.values(sheet[2]).suffix(4) == ["核查结果", "说明", "反馈人", "反馈日期"])
        #expect(Array(WorkbookReadBack.values(sheet[2]).prefix(3)) == ["序号", "案件编号", "校验码"])
        #expect(sheet[1]?["A"]?.value.contains("示例县教育局") == true && sheet[1]?["A"]?.value.contains("前填写核查结果并报回") == true)
        let row = try #require(sheet[3])
        #expect(row["H"] == .init(value: maskID(ids[1]), isString: true))
        #expect(row["E"]?.value == "李四")
        let about = try book.sheet("填报说明")
        #expect(ReportReadBackTests.figure(about, "清单类型") == "镇街核查名单" && ReportReadBackTests.figure(about, "范围") == "镇街：城关镇")
        #expect(ReportReadBackTests.figure(about, "期次") == "2026-11" && ReportReadBackTests.figure(about, "反馈期限") == "2026-12-15")
        let empty = try WorkbookReadBack(dir.appendingPathComponent("towns/北山乡_2026年11月.xlsx"))
        #expect(empty.sheetNames == ["汇总", "填报说明"])
    }

    @Test func policeAndSchoolWorkbooks() throws {
        let (dir, ids) = try Self.run(mask: ["schools"])
        let police = try WorkbookReadBack(dir.appendingPathComponent("户籍重复及注销核查_2026年11月.xlsx"))
        #expect(police.sheetNames == ["汇总", "户籍重复", "死亡未销籍", "迁出注销仍有学籍", "填报说明"])
        let dup = try police.sheet("户籍重复")
        #expect(dup.count == 4)  // title, header, one row per household
        #expect([dup[3]?["A"]?.value, dup[4]?["A"]?.value] == ["1", "2"])
        #expect([dup[3]?["H"]?.value, dup[4]?["H"]?.value] == ["H002", "H009"])
        #expect(try police.sheet("迁出注销仍有学籍")[3]?["K"]?.value == "迁出")
        // A row without a case is keyed by the child's 登记编号.
        #expect(try police.sheet("迁出注销仍有学籍")[3]?["B"]?.value.hasPrefix("D") == true)
        // Split by 派出所 where the hukou export names it; every row in exactly one station's workbook.
        let stations = dir.appendingPathComponent(PoliceWorkbook.stationFolder)
        let stationFiles = try FileManager.default.contentsOfDirectory(atPath: stations.path).sorted()
        #expect(stationFiles == ["城关派出所_2026年11月.xlsx", "未注明派出所_2026年11月.xlsx"])
        var split = 0
        for file in stationFiles {
            let book = try WorkbookReadBack(stations.appendingPathComponent(file))
            #expect(book.sheetNames == police.sheetNames)
            for name in ["户籍重复", "死亡未销籍", "迁出注销仍有学籍"] { split += try book.sheet(name).count - 2 }
        }
        let whole = try ["户籍重复", "死亡未销籍", "迁出注销仍有学籍"].reduce(0) { $0 + (try police.sheet($1).count - 2) }
        #expect(split == whole)
        let folder = dir.appendingPathComponent("学籍纠错")
        let summary = try WorkbookReadBack(folder.appendingPathComponent("按学校汇总_2026年11月.xlsx")).sheet("按学校汇总")
        #expect([summary[3]?["A"]?.value, summary[4]?["A"]?.value] == ["3707830001", "3707830002"])
        // Each school its own workbook.
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix("按学校汇总") }.sorted()
        #expect(files.count == 2, "\(files)")
        let first = try WorkbookReadBack(folder.appendingPathComponent(try #require(files.first { $0.contains("3707830001") || $0.contains("城关") })))
        #expect(first.sheetNames.first == "人籍不一致")
        let mismatch = try #require(try first.sheet("人籍不一致")[3])
        #expect(mismatch["A"]?.value == "1")
        #expect(mismatch["E"]?.value == maskID(ids[0]))
        #expect(mismatch["N"]?.value.contains("姓名：学籍「张叁」，户籍「张三」") == true)
    }

    @Test func findingsCSVKeepsItsColumns() throws {
        let (dir, ids) = try Self.run(mask: ["csv"])
        let rows = try TestSupport.csvRows(dir.appendingPathComponent("findings.csv"))
        #expect(rows.first == FindingsCSV.header)
        #expect(rows.count == 9)
        #expect(!rows.joined().joined().contains(ids[0]))
        let persons = try TestSupport.csvRows(dir.appendingPathComponent("persons.csv"))
        #expect(persons.first == ["source", "record", "person_id", "id_number", "link_rule", "match_probability", "match_weight", "explanation"])
    }

    @Test func bulletinFiguresEqualSummaryAndCarryNoPersonalData() throws {
        let (dir, ids) = try Self.run(mask: [])
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("summary.json"))) as! [String: Any]
        let bulletin = summary["bulletin"] as! [String: Any]
        let towns = bulletin["towns"] as! [[String: Any]]
        let book = try WorkbookReadBack(dir.appendingPathComponent("通报_2026年11月.xlsx"))
        #expect(book.sheetNames == ["通报", "主要指标", "分镇街", "重点群体", "与上期和去年同期比较", "学校数据纠错", "派出所数据纠错",
                                    "问题分类", "案件趋势", "数据来源", "口径说明", "图表数据"])
        let sheet = try book.sheet("分镇街")
        for (i, town) in towns.enumerated() {
            let row = WorkbookReadBack.values(sheet[3 + i])
            #expect(row[1] == town["name"] as? String)
            #expect(Int(row[2]) == town["school_age"] as? Int)
            #expect(Int(row[6]) == town["enrolled"] as? Int)
            let rates = town["rates"] as! [String: [String: Any]]
            if let rate = rates["nine_year_consolidation"]?["value"] as? Double { #expect(Double(row[13]) == rate) }
            #expect(Int(row[19]) == town["cases_open"] as? Int)
        }
        let district = bulletin["district"] as! [String: Any]
        #expect((district["rates"] as! [String: [String: Any]])["nine_year_consolidation"]?["value"] as? Double == 0.8333)
        #expect(bulletin["towns_below_target"] as? [String] == ["城关镇", "河口镇"])
        let charts = try Archive(url: dir.appendingPathComponent("通报_2026年11月.xlsx"), accessMode: .read).filter { $0.path.hasPrefix("xl/charts/chart") }
        #expect(charts.count == 3)
        let html = try String(contentsOf: dir.appendingPathComponent("通报_2026年11月.html"), encoding: .utf8)
        #expect(ReportFigureTests.personalData(in: html, ids: ids).isEmpty)
        #expect(ReportFigureTests.personalData(in: try book.allText(), ids: ids).isEmpty)
    }
}

/// The report stage on a big generated county (KCBX_REPORT_BENCH=CHILDREN): time and peak memory.
@Suite struct ReportScaleTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["KCBX_REPORT_BENCH"] != nil))
    func reportStageOnABigCounty() throws {
        let children = Int(ProcessInfo.processInfo.environment["KCBX_REPORT_BENCH"] ?? "") ?? 100_000
        var b = ReportFixture.Builder()
        let towns = (1...18).map { "第\($0)镇" }
        var findings: [Finding] = []
        b.sources[0].records.reserveCapacity(children * 2)
        for i in 0..<children {
            let birth = CivilDate(iso: "2011-09-01")!.adding(days: i % 3286)
            let id = ReportFixture.idNumber(birth.description, i % 997)
            let town = towns[i % towns.count]
            var members = [b.hukou(id, "儿童\(i % 5000)", i % 2 == 0 ? .male : .female, birth.description, household: "H\(i / 3)", town: town)]
            members.append(b.add(0, id: id, name: "家长\(i % 5000)", sex: .male, birth: "1985-01-01", values: [id, "家长", "男", "1985-01-01", "H\(i / 3)", town, "正常", ""]))
            if i % 40 != 0 { members.append(b.student(id, "儿童\(i % 5000)", .male, birth.description, school: "37078300\(10 + i % 80)")) }
            if i % 50 == 0 { members.append(b.add(2, id: id, name: "儿童", sex: nil, birth: birth.description, values: [id, "儿童", birth.description, ""])) }
            b.person("P\(i)", members)
            if i % 40 == 0 { findings.append(Finding(code: .notEnrolled, personID: "P\(i)", priority: i % 200 == 0, evidence: [members[0]], detail: "无在籍学籍", town: town)) }
            if i % 97 == 0 { findings.append(Finding(code: .identityMismatch, personID: "P\(i)", priority: false, evidence: members, detail: "姓名不一致")) }
        }
        var input = ReportFixture.input().input
        let index = b.index()
        input.records = StageRecords(b.sources, index: index)
        input.reconcile = ReconcileResult(findings: findings, notChecked: [],
                                          children: ReconcileStage.children(b.sources, index: index, config: input.config, findings: findings))
        input.config.district.towns = towns
        let dir = TestSupport.temporaryDirectory("kcbx-report-bench")
        let records = b.sources.reduce(0) { $0 + $1.records.count }
        let start = Date()
        try ReportStage.run(input, into: dir)
        print("REPORT BENCH: \(children) children, \(records) records, \(findings.count) findings: \(String(format: "%.1f", Date().timeIntervalSince(start))) s, peak \(peakMemoryMiB()) MiB")
        try? FileManager.default.removeItem(at: dir)
    }
}
