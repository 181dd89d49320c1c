import Foundation
import Testing
import KCBXCore
import KCBXFormats
import KCBXLedger
@testable import KCBXPipeline
@testable import KCBXReport
import KCBXSheets
import KCBXStore
@testable import KCBXSynth

/// One count, one definition (issue 20): a synthetic county of 2,000 children is run whole, every output
/// read back, and each figure two documents show is the same number in both — the town packets, 一生一表,
/// the 劝返台账, the school and police workbooks, the bulletin (xlsx and HTML) and summary.json. Then a case
/// is closed on the ledger (已返校) and the report rerun: the packet no longer lists it, and every count moved.
@Suite(.serialized) struct SharedFiguresTests {
    static let month = "2026年11月"

    /// Rows of `sheet` (after the header row holding `header`), as dictionaries by header.
    static func rows(_ url: URL, _ sheet: String, header: String) throws -> [[String: String]] {
        let reader = try XLSXReader(url: url, sheet: sheet, isHeader: { $0.contains(header) })
        var out: [[String: String]] = []
        while let row = try reader.next() { out.append(Dictionary(zip(reader.header, row.values), uniquingKeysWith: { a, _ in a })) }
        return out
    }

    /// The 汇总 sheet of a packet: 问题类型 → (在办, 已销号).
    static func packetSummary(_ url: URL) throws -> [String: (open: Int, closed: Int)] {
        var out: [String: (Int, Int)] = [:]
        for r in try rows(url, "汇总", header: "问题类型") {
            out[r["问题类型"] ?? ""] = (Int(r["在办（件）"] ?? "") ?? 0, Int(r["已销号（件）"] ?? "") ?? 0)
        }
        return out
    }

    /// Case ids listed open in a packet (its finding sheets) and on its 已销号 sheet.
    static func packetCases(_ url: URL) throws -> (open: Set<String>, closed: Set<String>) {
        var open = Set<String>(), closed = Set<String>()
        for sheet in try XLSXReader.sheetNames(url: url) where sheet != "汇总" {
            let ids = try rows(url, sheet, header: "案件编号").compactMap { $0["案件编号"] }.filter { !$0.isEmpty }
            if sheet == FindingSheets.closedSheet { closed.formUnion(ids) } else { open.formUnion(ids) }
        }
        return (open, closed)
    }

    struct Run {
        var dir: URL, out: URL, store: URL
        var period: URL { out.appendingPathComponent("2026-11") }
        var summary: [String: Any] {
            get throws {
                let data = try Data(contentsOf: period.appendingPathComponent("summary.json"))
                return (try JSONSerialization.jsonObject(with: data) as! [String: Any])["bulletin"] as! [String: Any]
            }
        }
        func report(only: Stage? = nil) throws {
            _ = try PipelineRunner.run(RunRequest(pipeline: dir.appendingPathComponent("pipeline.yaml"), only: only, output: out, store: store))
        }
    }

    static func county() throws -> Run {
        let dir = TestSupport.temporaryDirectory("kcbx-figures")
        _ = try Synthesizer.run(SynthOptions(children: 2000, seed: 20261130, output: dir, asOf: CivilDate(year: 2026, month: 11, day: 30)!,
                                             errorRate: 1, profile: .standard))
        let run = Run(dir: dir, out: dir.appendingPathComponent("out"), store: dir.appendingPathComponent("state/kcbx.sqlite"))
        try run.report()
        return run
    }

    /// Every shared figure read back from every document it is in.
    static func checkEveryDocument(_ run: Run) throws {
        let bulletin = try run.summary
        let district = bulletin["district"] as! [String: Any]
        let towns = bulletin["towns"] as! [[String: Any]]
        var children = 0
        for town in towns {
            let name = town["name"] as! String
            let packet = run.period.appendingPathComponent("towns/\(ReportStage.safeFileName(name))_\(month).xlsx")
            guard FileManager.default.fileExists(atPath: packet.path) else {
                #expect(town["cases_open_all"] as? Int == 0, "\(name) has open cases but no packet"); continue
            }
            // The packet's 汇总 against the bulletin's town row (summary.json) and its own sheets.
            let s = try packetSummary(packet)
            #expect(s["合计"]?.open == town["cases_open_all"] as? Int, "\(name) 在办")
            #expect(s["其中计入镇街"]?.open == town["cases_open"] as? Int, "\(name) 未销号劝返案件")
            #expect(s["其中计入镇街"]?.closed == town["cases_closed"] as? Int, "\(name) 销号劝返案件")
            #expect(s["失学辍学儿童（人）"]?.open == town["out_of_school"] as? Int, "\(name) 失学辍学儿童")
            #expect(s["在办儿童（人）"]?.open == town["children_followed"] as? Int, "\(name) 在办儿童")
            let listed = try packetCases(packet)
            #expect(listed.open.count == town["cases_open_all"] as? Int, "\(name): the packet's rows are its open cases")
            // 一生一表: a page per child of the packet's open cases.
            let record = run.period.appendingPathComponent("一生一表/一生一表_\(ReportStage.safeFileName(name))_\(month).xlsx")
            let pages = FileManager.default.fileExists(atPath: record.path)
                ? try rows(record, "一生一表", header: "项目").filter { ($0["项目"] ?? "").hasPrefix("第 ") }.count : 0
            #expect(pages == town["children_followed"] as? Int, "\(name) 一生一表")
            children += pages
        }
        #expect(children == district["children_followed"] as? Int)
        #expect((district["cases_open"] as? Int ?? 0) > 0 && (district["out_of_school"] as? Int ?? 0) > 0)

        // The 劝返台账 issued into 填报/: its 在办 rows are the packets' open cases.
        let fillIn = run.out.appendingPathComponent(LedgerWorkbook.folder)
        let ledgerFile = try #require(try FileManager.default.contentsOfDirectory(atPath: fillIn.path)
            .filter { $0.hasPrefix(CaseWork.childFollowUp.title) }.sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }.last)
        let ledger = try rows(fillIn.appendingPathComponent(ledgerFile), LedgerWorkbook.casesSheet, header: "案件编号")
        #expect(ledger.count { $0["状态"] == "在办" } == district["cases_open_all"] as? Int)
        #expect(ledger.count { $0["状态"] == "在办" && ["应入未入", "疑似辍学", "残疾儿童未安置"].contains($0["问题类型"] ?? "") }
                == district["cases_open"] as? Int)

        // Schools: each school's workbook, 按学校汇总 and the bulletin's school table count the same 学籍 records.
        let schoolsDir = run.period.appendingPathComponent(ReportStage.FileName.schools)
        let perSchool = try rows(schoolsDir.appendingPathComponent("按学校汇总_\(month).xlsx"), "按学校汇总", header: "学校标识码")
        let table = Dictionary(uniqueKeysWithValues: (bulletin["schools_to_correct"] as! [[String: Any]]).map {
            ($0["school_code"] as! String, ($0["records"] as! [String: Int]).values.reduce(0, +))
        })
        #expect(perSchool.count == table.count && !perSchool.isEmpty)
        for school in perSchool {
            let code = school["学校标识码"] ?? ""
            #expect(Int(school["合计"] ?? "") == table[code], "school \(code)")
        }
        let xlsx = run.period.appendingPathComponent(ReportStage.FileName.bulletin(period: "2026-11") + ".xlsx")
        let bulletinSchools = try rows(xlsx, "学校数据纠错", header: "学校标识码")
        for row in bulletinSchools { #expect(Int(row["合计（条）"] ?? "") == table[row["学校标识码"] ?? ""], "bulletin school \(row["学校标识码"] ?? "")") }

        // Police: children (人) in the police workbook and the bulletin; rows (条) at least as many.
        let police = try rows(run.period.appendingPathComponent(ReportStage.FileName.police("2026-11")), "汇总", header: "核查事项")
        let duplicates = try #require(police.first { $0["核查事项"] == "户籍重复" })
        let bulletinPolice = (bulletin["police_to_correct"] as! [[String: Any]]).reduce(0) { $0 + (($1["records"] as! [String: Int])["duplicate_hukou"] ?? 0) }
        #expect(Int(duplicates["儿童（人）"] ?? "") == bulletinPolice)
        #expect(Int(duplicates["户籍记录（条）"] ?? "") ?? 0 >= 2 * bulletinPolice)

        // The bulletin's 分镇街 sheet and the HTML say the same.
        let byTown = try rows(xlsx, "分镇街", header: "排名")
        for town in towns {
            let row = try #require(byTown.first { $0["镇街"] == town["name"] as? String })
            #expect(Int(row["失学辍学儿童（人）"] ?? "") == town["out_of_school"] as? Int)
            #expect(Int(row["未销号劝返案件（件）"] ?? "") == town["cases_open"] as? Int)
        }
        let html = try String(contentsOf: run.period.appendingPathComponent(ReportStage.FileName.bulletin(period: "2026-11") + ".html"), encoding: .utf8)
        #expect(html.contains("期末未销号劝返案件 \(district["cases_open"] as! Int) 件"))
        #expect(html.contains("劝返台账在办的失学辍学儿童 \(district["out_of_school"] as! Int) 人"))
        let gap = district["due_not_enrolled"] as! [String: Int]
        #expect(gap.values.reduce(0, +) == (district["due"] as! Int) - (district["enrolled"] as! Int))
        #expect(!html.contains("第七部分") || html.contains("七、通报批评"))
        let text = (bulletin["text"] as! [String]).joined()
        #expect(!text.contains("第二部分") && !text.contains("第七部分"))
    }

    @Test func everySharedFigureIsOneNumberAndAClosedCaseLeavesThePacket() throws {
        let run = try Self.county()
        defer { try? FileManager.default.removeItem(at: run.dir) }
        try Self.checkEveryDocument(run)

        // Close one open 疑似辍学 case on the ledger (已返校), import it, rerun the report.
        let before = try run.summary
        let towns = before["towns"] as! [[String: Any]]
        let fillIn = run.out.appendingPathComponent(LedgerWorkbook.folder)
        let issued = try #require(try FileManager.default.contentsOfDirectory(atPath: fillIn.path).first { $0.hasPrefix(CaseWork.childFollowUp.title) })
        let ledger = try Self.rows(fillIn.appendingPathComponent(issued), LedgerWorkbook.casesSheet, header: "案件编号")
        let target = try #require(ledger.first { $0["状态"] == "在办" && $0["问题类型"] == "疑似辍学" })
        let caseID = try #require(target["案件编号"]), town = try #require(target["镇街"])
        let filled = try LedgerTests().fillIn(fillIn.appendingPathComponent(issued),
                                               [caseID: ["处理结果": "已返校", "处理日期": "2026-12-03", "劝返措施": "上门家访"]], as: "镇上报回.xlsx")
        let config = try PipelineFile.load(run.dir.appendingPathComponent("pipeline.yaml"))
        var c = config
        c.storePath = run.store; c.outputDirectory = run.out
        let outcome = try LedgerImport.run(filled, config: c, store: try Store(url: run.store), today: CivilDate(iso: "2026-12-04")!)
        #expect(outcome.closed == 1 && outcome.problems.isEmpty, "\(outcome.problems)")
        try run.report(only: .report)
        try Self.checkEveryDocument(run)

        let packet = run.period.appendingPathComponent("towns/\(ReportStage.safeFileName(town))_\(Self.month).xlsx")
        let listed = try Self.packetCases(packet)
        #expect(!listed.open.contains(caseID) && listed.closed.contains(caseID))
        let after = try run.summary
        let was = try #require(towns.first { $0["name"] as? String == town })
        let now = try #require((after["towns"] as! [[String: Any]]).first { $0["name"] as? String == town })
        #expect((now["cases_open"] as! Int) == (was["cases_open"] as! Int) - 1)
        #expect((now["cases_closed"] as! Int) == (was["cases_closed"] as! Int) + 1)
        #expect((now["cases_open_all"] as! Int) == (was["cases_open_all"] as! Int) - 1)
        #expect((now["out_of_school"] as! Int) <= (was["out_of_school"] as! Int))
        let district = after["district"] as! [String: Any], old = before["district"] as! [String: Any]
        #expect((district["cases_open"] as! Int) == (old["cases_open"] as! Int) - 1)
    }
}
