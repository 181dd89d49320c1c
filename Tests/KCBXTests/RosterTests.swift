import Foundation
import Testing
@testable import KCBXCore
@testable import KCBXLink
@testable import KCBXNormalize
@testable import KCBXPipeline
@testable import KCBXReconcile
@testable import KCBXReport

/// The GB/T 2260 table: current and historical codes by name, unknown codes never guessed.
@Suite struct RegionCodeTests {
    @Test(arguments: [
        ("370783", "山东省潍坊市寿光市", nil),
        ("110000", "北京市", nil),
        ("370700", "山东省潍坊市", nil),
        ("110101", "北京市东城区", nil),        // 直辖市: no 市辖区 in the name
        ("500101", "重庆市万州区", nil),
        ("429004", "湖北省仙桃市", nil),        // 省直辖县级行政区划 left out
        ("341222", "安徽省阜阳市太和县", nil),
        ("370116", "山东省济南市莱芜区", nil),  // 2019: 莱芜 joined 济南
        ("371202", "山东省莱芜市莱城区", 2019), // … and its old code
        ("110103", "北京市崇文区", 2009),       // merged into 东城区 in 2010
        ("330184", "浙江省杭州市余杭市", 2000),
    ] as [(String, String, Int?)])
    func codesAreNamed(_ code: String, _ name: String, _ lastListed: Int?) {
        #expect(RegionCodes.place(code) == RegionCodes.Place(code: code, name: name, lastListed: lastListed))
    }

    @Test(arguments: [
        ("370783", "山东省潍坊市寿光市"),
        ("371202", "山东省莱芜市莱城区（旧区划代码，2019年后停用）"),
        ("370799", "未知地区（370799）"),
        ("990000", "未知地区（990000）"),
        ("37078", "未知地区（37078）"),
        ("37078X", "未知地区（37078X）"),
    ])
    func titlesSayWhatTheCodeIs(_ code: String, _ title: String) {
        #expect(RegionCodes.title(code) == title)
    }
}

/// The 基础数据库, 去向确认 and 外地户籍协查函 workbooks, read back.
@Suite struct RosterTests {
    static let ids = (
        zheng: ReportFixture.idNumber("2015-04-04", 11), feng: ReportFixture.idNumber("2016-05-05", 13, region: "341222"),
        chen: ReportFixture.idNumber("2014-06-06", 15, region: "370799"), chu: ReportFixture.idNumber("2013-07-07", 17, region: "371202"),
        wei: ReportFixture.idNumber("2017-08-08", 19), jiang: ReportFixture.idNumber("2012-09-09", 21),
        shen: ReportFixture.idNumber("1990-01-01", 23), han: ReportFixture.idNumber("2018-01-01", 25)
    )

    /// Two towns with children (and 北山乡 without): 郑一 transferred out (外地就读, 留守, contact fields from
    /// 民政); 冯二, 陈三 and 褚四 registered elsewhere (`out_of_district`: 太和县, an unknown code, 莱城区's
    /// old code); 卫五 at school; 蒋六 not enrolled; 沈七 an adult; 韩八 dead.
    static func input(mask: [String]) -> ReportInput {
        var b = ReportFixture.Builder()
        b.sources.append(NormalizedSource(source: "民政救助", role: .welfare, fields: [.idNumber, .name, .birthDate, .category, .guardianName,
                                                                                     .phone, .village, .address], records: [], rejects: []))
        b.sources.append(NormalizedSource(source: "学校考勤", role: .attendance, fields: [.idNumber, .name, .schoolCode, .absentDays, .absenceReason],
                                          records: [], rejects: []))
        _ = b.add(3, id: nil, name: nil, sex: nil, birth: nil, values: ["3707830001", "城关镇中心小学", "城关镇"])
        _ = b.add(3, id: nil, name: nil, sex: nil, birth: nil, values: ["3707830002", "河口镇中学", "河口镇"])
        let i = ids
        b.person("K1", [b.hukou(i.zheng, "郑一", .male, "2015-04-04", household: "H1", town: "城关镇"),
                        b.student(i.zheng, "郑一", .male, "2015-04-04", school: "3707830001", status: "转出"),
                        b.add(4, id: i.zheng, name: "郑一", sex: nil, birth: "2015-04-04",
                              values: [i.zheng, "郑一", "2015-04-04", "留守儿童", "郑大山", "13800000001", "东关村", "城关镇东关村12号"])])
        let feng = b.student(i.feng, "冯二", .female, "2016-05-05", school: "3707830002", status: "辍学")
        b.person("K2", [feng])
        let chen = [b.student(i.chen, "陈三", .male, "2014-06-06", school: "3707830001", status: "转出"),
                    b.add(5, id: i.chen, name: "陈三", sex: nil, birth: nil, values: [i.chen, "陈三", "3707830001", "12", "无故"])]
        b.person("K3", chen)
        let chu = [b.student(i.chu, "褚四", .female, "2013-07-07", school: "3707830001"),
                   b.add(5, id: i.chu, name: "褚四", sex: nil, birth: nil, values: [i.chu, "褚四", "3707830001", "20", ""])]
        b.person("K4", chu)
        b.person("K5", [b.hukou(i.wei, "卫五", .male, "2017-08-08", household: "H5", town: "河口镇"),
                        b.student(i.wei, "卫五", .male, "2017-08-08", school: "3707830002")])
        let jiang = b.hukou(i.jiang, "蒋六", .female, "2012-09-09", household: "H6", town: "河口镇")
        b.person("K6", [jiang])
        b.person("K7", [b.hukou(i.shen, "沈七", .male, "1990-01-01", household: "H6", town: "河口镇")])
        b.person("K8", [b.hukou(i.han, "韩八", .male, "2018-01-01", household: "H8", town: "河口镇", status: "死亡")])
        let findings = [
            Finding(code: .outOfDistrict, personID: "K2", priority: false, evidence: [feng], detail: "非本地户籍（户籍地 341222）"),
            Finding(code: .outOfDistrict, personID: "K3", priority: false, evidence: chen, detail: "非本地户籍（户籍地 370799）"),
            Finding(code: .outOfDistrict, personID: "K4", priority: false, evidence: chu, detail: "非本地户籍（户籍地 371202）"),
            Finding(code: .notEnrolled, personID: "K6", priority: false, evidence: [jiang], detail: "无在籍学籍"),
        ]
        return ReportInput(config: ReportFixture.config(mask: mask), period: "2026-11", sources: b.sources, index: b.index(),
                           reconcile: ReconcileResult(findings: findings, notChecked: [], children: ReconcileStage.children(
                               b.sources, index: b.index(), config: ReportFixture.config(mask: mask), findings: findings)),
                           manifest: .test)
    }

    static func run(mask: [String] = ["town_lists"]) throws -> URL {
        let dir = TestSupport.temporaryDirectory("kcbx-roster")
        try ReportStage.run(input(mask: mask), into: dir)
        return dir
    }

    static func files(_ dir: URL, _ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(folder).path).sorted()
    }

    /// The data rows of a list sheet (header on row 2), by 姓名 (column B).
    /// The rows of `sheet` by the child's name (column `name`: 3 on the reply lists, after 序号, the key and its 校验码).
    static func rows(_ url: URL, _ sheet: String, name: Int = 1) throws -> [String: [String]] {
        let rows = try WorkbookReadBack(url).sheet(sheet)
        return Dictionary(uniqueKeysWithValues: rows.keys.filter { $0 > 2 }.map { r in
            let v = WorkbookReadBack.values(rows[r])
            return (v[name], v)
        })
    }

    @Test func everySchoolAgeChildIsOnTheirTownsRosterWithStatusSchoolGroupsAndContacts() throws {
        let dir = try Self.run()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try Self.files(dir, "基础数据库") == ["基础数据库_北山乡_2026年11月.xlsx", "基础数据库_城关镇_2026年11月.xlsx",
                                                 "基础数据库_河口镇_2026年11月.xlsx"])
        let url = dir.appendingPathComponent("基础数据库/基础数据库_城关镇_2026年11月.xlsx")
        let book = try WorkbookReadBack(url)
        #expect(book.sheetNames == ["汇总", "基础数据库"])
        let sheet = try book.sheet("基础数据库")
        #expect(WorkbookReadBack.values(sheet[1]).first?.hasPrefix("示例县教育局 城关镇适龄入学儿童基础信息数据库（2026年11月，核查基准日 2026年11月30日，共 2 人）") == true)
        #expect(WorkbookReadBack.values(sheet[2]) == RosterWorkbooks.columns.map(\.header))
        // Ordered by 村居, those without one last; 序号 from 1; the ID a text cell.
        #expect(WorkbookReadBack.values(sheet[3]) == ["1", "郑一", "男", "42098", Self.ids.zheng, "本地户籍", "外地就读", "原：城关镇中心小学",
                                                      "三年级", "", "留守儿童", "", "郑大山", "13800000001", "东关村", "城关镇东关村12号", ""])
        #expect(sheet[3]?["E"]?.isString == true)
        #expect(WorkbookReadBack.values(sheet[4]) == ["2", "褚四", "女", "41462", Self.ids.chu, "非本地户籍", "在校", "城关镇中心小学",
                                                      "三年级", "", "流动/随迁子女", "外地户籍/外出", "", "", "", "", ""])
        let river = try Self.rows(dir.appendingPathComponent("基础数据库/基础数据库_河口镇_2026年11月.xlsx"), "基础数据库")
        #expect(Set(river.keys) == ["卫五", "蒋六"])  // not 沈七 (an adult) nor 韩八 (dead)
        #expect(river["卫五"]?[6] == "在校" && river["蒋六"]?[6] == "未入学" && river["蒋六"]?[11] == "应入未入")
        // 汇总: a count per status, the total.
        let counts = try WorkbookReadBack(url).sheet("汇总")
        let byStatus = Dictionary(uniqueKeysWithValues: counts.keys.filter { $0 > 2 }.map { (counts[$0]?["A"]?.value ?? "", counts[$0]?["B"]?.value ?? "") })
        #expect(byStatus["外地就读"] == "1" && byStatus["在校"] == "1" && byStatus["合计"] == "2")
        let empty = try WorkbookReadBack(dir.appendingPathComponent("基础数据库/基础数据库_北山乡_2026年11月.xlsx")).sheet("基础数据库")
        #expect(empty.keys.max() == 2)
    }

    @Test func whereaboutsListHoldsTheChildrenTheBulletinCountsAsEnrolledElsewhere() throws {
        let dir = try Self.run()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try Self.files(dir, "去向确认") == ["去向确认_城关镇_2026年11月.xlsx"])
        let rows = try Self.rows(dir.appendingPathComponent("去向确认/去向确认_城关镇_2026年11月.xlsx"), "去向确认", name: 3)
        #expect(rows.count == 1)
        // Keyed by a 登记编号 (the child has no case) and its 校验码, for the import.
        #expect(rows["郑一"]?[1].hasPrefix("D") == true && rows["郑一"]?[1].count == 11 && rows["郑一"]?[2].count == 4)
        #expect(rows["郑一"].map { Array(([$0[0]] + $0.dropFirst(3)).prefix(12)) } == ["1", "郑一", "男", "42098", Self.ids.zheng, "城关镇中心小学", "三年级", "转出",
                                                            "郑大山", "13800000001", "东关村", "城关镇东关村12号"])
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("summary.json"))) as! [String: Any]
        let bulletin = summary["bulletin"] as! [String: Any]
        #expect((bulletin["district"] as! [String: Any])["enrolled_elsewhere"] as? Int == rows.count)
        for town in bulletin["towns"] as! [[String: Any]] {
            #expect(town["enrolled_elsewhere"] as? Int == (town["name"] as? String == "城关镇" ? 1 : 0))
        }
    }

    @Test func outOfDistrictChildrenAreLetteredToTheirPlaceOfRegistration() throws {
        let dir = try Self.run()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try Self.files(dir, "外地户籍协查函") == ["协查函_341222_安徽省阜阳市太和县_2026年11月.xlsx", "协查函_370799_未知地区_2026年11月.xlsx",
                                                      "协查函_371202_山东省莱芜市莱城区_2026年11月.xlsx"])
        let cases: [(String, String, String, String)] = [
            ("协查函_341222_安徽省阜阳市太和县_2026年11月.xlsx", "安徽省阜阳市太和县教育行政部门", "冯二", "学籍：河口镇中学三年级，辍学"),
            ("协查函_370799_未知地区_2026年11月.xlsx", "未知地区（370799）教育行政部门", "陈三", "学籍：城关镇中心小学三年级，转出；缺课 12 天（无故）"),
            ("协查函_371202_山东省莱芜市莱城区_2026年11月.xlsx", "山东省莱芜市莱城区教育行政部门", "褚四",
             "学籍：城关镇中心小学三年级，在读；缺课 20 天（未说明原因）"),
        ]
        for (file, addressee, child, known) in cases {
            let url = dir.appendingPathComponent("外地户籍协查函/" + file)
            let book = try WorkbookReadBack(url)
            #expect(book.sheetNames == ["协查函", "协查名单", "填报说明"])
            let letter = try book.sheet("协查函")
            #expect(ReportReadBackTests.figure(letter, "收函单位") == addressee, "\(file)")
            #expect(ReportReadBackTests.figure(letter, "发函单位") == "示例县教育局")
            #expect(ReportReadBackTests.figure(letter, "反馈期限")?.contains("2026年12月15日") == true)
            #expect(ReportReadBackTests.figure(letter, "正文")?.contains("1 名户籍在贵地") == true)
            // A historical code: the letter asks to pass it on to the place that now holds the county.
            #expect(ReportReadBackTests.figure(letter, "正文")?.contains("2019年后已停用；区划已调整的，请转交现辖地教育行政部门") == file.contains("371202"))
            let list = try Self.rows(url, "协查名单", name: 3)
            #expect(Array(list.keys) == [child])
            #expect(list[child]?[7] == known)
            #expect(list[child]?[1].hasPrefix("C") == true)  // the child's 案件编号
            #expect(WorkbookReadBack.values(try book.sheet("协查名单")[2]) == RegionLetters.columns.map(\.header))
        }
    }

    @Test(arguments: [([], false), (["roster", "whereabouts"], true)] as [([String], Bool)])
    func idsAreMaskedAsConfigured(_ mask: [String], _ masked: Bool) throws {
        let dir = try Self.run(mask: mask)
        defer { try? FileManager.default.removeItem(at: dir) }
        let shown = { (id: String) in masked ? maskID(id) : id }
        #expect(try Self.rows(dir.appendingPathComponent("基础数据库/基础数据库_城关镇_2026年11月.xlsx"), "基础数据库")["郑一"]?[4] == shown(Self.ids.zheng))
        #expect(try Self.rows(dir.appendingPathComponent("去向确认/去向确认_城关镇_2026年11月.xlsx"), "去向确认", name: 3)["郑一"]?[6] == shown(Self.ids.zheng))
        #expect(try Self.rows(dir.appendingPathComponent("外地户籍协查函/协查函_341222_安徽省阜阳市太和县_2026年11月.xlsx"), "协查名单", name: 3)["冯二"]?[6]
                == shown(Self.ids.feng))
    }

    /// Every sheet: frozen header, filter, landscape A4 one page wide (so 8 pt or more: the sheet chooses
    /// fit-to-width only then), the 填表人/审核人/日期 block in the footer; every file owner-only (the folders
    /// are, under the command's umask).
    @Test func everyWorkbookPrintsOnA4AndIsOwnerOnly() throws {
        let dir = try Self.run()
        defer { try? FileManager.default.removeItem(at: dir) }
        for folder in ["基础数据库", "去向确认", "外地户籍协查函"] {
            var info = stat()
            for file in try Self.files(dir, folder) {
                let url = dir.appendingPathComponent(folder + "/" + file)
                #expect(stat(url.path, &info) == 0 && info.st_mode & 0o777 == 0o600, "\(file)")
                for n in 1...2 {
                    let xml = try TestSupport.zipPart(url, "xl/worksheets/sheet\(n).xml")
                    #expect(xml.contains("state=\"frozen\"") && xml.contains("<autoFilter"), "\(file) sheet \(n)")
                    #expect(xml.contains("orientation=\"landscape\"") && xml.contains("paperSize=\"9\"") && xml.contains("fitToHeight=\"0\""), "\(file) sheet \(n)")
                    if !(folder == "外地户籍协查函" && n == 1) { #expect(xml.contains("填表人"), "\(file) sheet \(n)") }
                    if folder == "去向确认" { break }
                }
            }
        }
        for columns in [RosterWorkbooks.columns, WhereaboutsWorkbooks.columns, RegionLetters.columns] {
            // Excel's pixels per column (7 per character unit + 5) against landscape A4 at the 8-point scale.
            let pixels = columns.reduce(0.0) { $0 + (($1.width ?? 0) * 7 + 5).rounded(.down) }
            #expect(pixels * 8 / 11 <= (297 / 25.4 - 0.6) * 96, "\(columns.map(\.header))")
        }
    }
}
