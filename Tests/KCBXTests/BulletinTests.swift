import Foundation
import Testing
@testable import KCBXCore
import KCBXLedger
@testable import KCBXLink
@testable import KCBXNormalize
@testable import KCBXPipeline
@testable import KCBXReconcile
@testable import KCBXReport
import KCBXSheets

/// A county of two towns built by hand, so every rate of the bulletin can be recomputed on paper, with
/// the edge cases of each definition: a child enrolled elsewhere (转出 only), a deferral and an exemption,
/// 送教上门 without a 学籍 and with one, a transfer inside the county, a pupil ahead of his age, a pupil
/// over age, a non-local pupil, records to correct.
///
/// As of 2026-11-30 the cohort is born 2011-09-01 … 2020-08-31; born from 2014-09-01 is primary age.
///
/// | person | town | hukou | 学籍 | other | counts as |
/// |---|---|---|---|---|---|
/// | A1 | 甲镇 | 正常 | 在读 五年级 | | primary due, enrolled, net |
/// | A2 | 甲镇 | 正常 | 在读 七年级 | | primary due, enrolled, not net; a junior pupil |
/// | A3 | 甲镇 | 正常 | — | | primary due, not enrolled (应入未入) |
/// | A4 | 甲镇 | 正常 | 转出 | | enrolled elsewhere: outside every denominator |
/// | A5 | 甲镇 | 正常 | — | 延缓入学 | deferred: outside the denominators |
/// | A6 | 甲镇 | 正常 | 在读 八年级 | 扶贫 | junior due, enrolled, net; hardship retained |
/// | A7 | 甲镇 | 正常 | 辍学 | 民政 低保 | junior due, not enrolled; entrant not retained |
/// | A8 | 甲镇 | 正常 | 在读 九年级 | | junior due, enrolled; suspected dropout: not retained |
/// | A9 | 甲镇 | 正常 | — | 残联 送教上门 | junior due, not enrolled; disabled not enrolled |
/// | A10 | 乙镇 | 正常 | 在读 三年级 送教上门 | 残联 | primary due, enrolled; disabled enrolled |
/// | A11 | (乙镇 school) | — | 在读 四年级 | | 随迁: a primary pupil and entrant, no due |
/// | A12 | 乙镇 | 正常, born 2010 | 在读 九年级 | | over age: a junior pupil only |
/// | A13 | 乙镇 | 正常 | 转出 + 在读 七年级 | | a transfer inside the county: junior due, enrolled, net |
/// | A14 | 乙镇 | 正常 | — | 残联, 免于入学 | deferred; not a disabled child to enrol |
enum BulletinCounty {
    static let births = ["2015-03-01", "2015-04-01", "2016-05-01", "2017-06-01", "2020-07-01", "2012-08-01", "2012-09-01",
                         "2013-01-05", "2012-02-02", "2016-08-08", "2016-09-09", "2010-06-01", "2013-03-03", "2019-04-04"]
    static let schoolA = "3707830101", schoolB = "3707830201"

    static func input() -> ReportInput {
        var b = ReportFixture.Builder()
        b.sources.append(NormalizedSource(source: "缓学免学审批", role: .deferral, fields: [.idNumber, .name, .deferralType, .validUntil], records: [], rejects: []))
        b.sources.append(NormalizedSource(source: "扶贫", role: .poverty, fields: [.idNumber, .name], records: [], rejects: []))
        b.sources.append(NormalizedSource(source: "民政", role: .welfare, fields: [.idNumber, .name, .category], records: [], rejects: []))
        let (deferral, poverty, welfare) = (4, 5, 6)
        _ = b.add(3, id: nil, name: nil, sex: nil, birth: nil, values: [schoolA, "甲镇中心小学", "甲镇"])
        _ = b.add(3, id: nil, name: nil, sex: nil, birth: nil, values: [schoolB, "乙镇学校", "乙镇"])
        let ids = births.enumerated().map { ReportFixture.idNumber($1, 21 + 2 * $0) }
        func hukou(_ k: Int, _ town: String) -> RecordRef {
            b.hukou(ids[k], "童\(k + 1)", .male, births[k], household: "H\(k + 1)", town: town)
        }
        func status(_ k: Int, _ school: String, _ grade: String, _ state: String, mode: String = "随班就读") -> RecordRef {
            b.add(1, id: ids[k], name: "童\(k + 1)", sex: .male, birth: births[k],
                  values: [ids[k], "G" + ids[k], "童\(k + 1)", "男", births[k], school, grade, state, mode])
        }
        func disabled(_ k: Int, _ placement: String) -> RecordRef {
            b.add(2, id: ids[k], name: "童\(k + 1)", sex: .male, birth: births[k], values: [ids[k], "童\(k + 1)", births[k], placement])
        }
        b.person("A1", [hukou(0, "甲镇"), status(0, schoolA, "五年级", "在读")])
        b.person("A2", [hukou(1, "甲镇"), status(1, schoolA, "七年级", "在读")])
        b.person("A3", [hukou(2, "甲镇")])
        b.person("A4", [hukou(3, "甲镇"), status(3, schoolA, "二年级", "转出")])
        b.person("A5", [hukou(4, "甲镇"), b.add(deferral, id: ids[4], name: "童5", sex: nil, birth: nil, values: [ids[4], "童5", "延缓入学", "2027-08-31"])])
        b.person("A6", [hukou(5, "甲镇"), status(5, schoolA, "八年级", "在读"), b.add(poverty, id: ids[5], name: "童6", sex: nil, birth: nil, values: [ids[5], "童6"])])
        b.person("A7", [hukou(6, "甲镇"), status(6, schoolA, "八年级", "辍学"), b.add(welfare, id: ids[6], name: "童7", sex: nil, birth: nil, values: [ids[6], "童7", "低保"])])
        b.person("A8", [hukou(7, "甲镇"), status(7, schoolA, "初一", "在读")])
        b.person("A9", [hukou(8, "甲镇"), disabled(8, "送教上门")])
        b.person("A10", [hukou(9, "乙镇"), status(9, schoolB, "三年级", "在读", mode: "送教上门"), disabled(9, "送教上门")])
        b.person("A11", [status(10, schoolB, "四年级", "在读")])
        b.person("A12", [hukou(11, "乙镇"), status(11, schoolB, "九年级", "在读")])
        b.person("A13", [hukou(12, "乙镇"), status(12, schoolA, "六年级", "转出"), status(12, schoolB, "七年级", "在读")])
        b.person("A14", [hukou(13, "乙镇"), disabled(13, "未安置"),
                         b.add(deferral, id: ids[13], name: "童14", sex: nil, birth: nil, values: [ids[13], "童14", "免于入学", ""])])
        func f(_ code: FindingCode, _ person: String, town: String = "", school: String = "") -> Finding {
            Finding(code: code, personID: person, priority: false, evidence: [], detail: "", town: town, schoolCode: school)
        }
        let findings = [f(.notEnrolled, "A3"), f(.deferred, "A5"), f(.suspectedDropout, "A7", school: schoolA), f(.suspectedDropout, "A8", school: schoolA),
                        f(.notEnrolled, "A9"), f(.disabledUnplaced, "A9"), f(.identityMismatch, "A10", school: schoolB),
                        f(.duplicateHukou, "A12")]
        var config = ReportFixture.config()
        config.district = .init(code: "370783", name: "示例区", towns: ["甲镇", "乙镇"])
        var input = ReportInput(config: config, period: "2026-11", sources: b.sources, index: b.index(),
                                reconcile: ReconcileResult(findings: findings, notChecked: [], children: ReconcileStage.children(
                                    b.sources, index: b.index(), config: config, findings: findings)),
                                manifest: .test)
        let day = ReportFixture.asOf
        input.cases = findings.map { f in
            Case(id: f.caseID, code: f.code, personID: f.personID, state: .open, priority: false, idNumber: "", name: "",
                 birthDate: nil, town: ["A10", "A12"].contains(f.personID) ? "乙镇" : "甲镇", schoolCode: f.schoolCode, detail: "",
                 evidence: "", openedPeriod: "2026-11", openedOn: day, lastSeenPeriod: "2026-11", lastSeenOn: day,
                 history: [CaseEvent(period: "2026-11", date: day, kind: .opened, detail: "")])
        }
        return input
    }

    static func figures(_ input: ReportInput = input()) -> BulletinFigures {
        let people = PersonView(input), rows = FindingRows(input, people)
        let dropouts = Set(rows.rows.filter { $0.finding.code == .suspectedDropout }.map(\.finding.personID))
        let shared = SharedFigures(input, people, rows, schools: SchoolWorkbook.plan(rows, input, people))
        return BulletinFigures(input, people, rows, Population(input, dropouts: dropouts), shared)
    }
}

@Suite struct BulletinTests {
    typealias I = BulletinFigures.Indicator

    @Test func countsFollowTheDefinitions() {
        let f = BulletinCounty.figures()
        let town = Dictionary(uniqueKeysWithValues: f.towns.map { ($0.name, $0.counts) })
        let a = town["甲镇"]!, b = town["乙镇"]!
        // 甲镇: A1–A9 resident; A4 enrolled elsewhere, A5 deferred.
        #expect((a.schoolAge, a.elsewhere, a.deferred) == (9, 1, 1))
        #expect(a.primary == .init(due: 3, enrolled: 2, netEnrolled: 1, pupils: 1, entrants: 2, retained: 2))
        #expect(a.junior == .init(due: 4, enrolled: 2, netEnrolled: 2, pupils: 3, entrants: 3, retained: 1))
        #expect((a.disabled, a.disabledEnrolled, a.homeTaughtWithoutStatus) == (1, 0, 1))
        #expect((a.hardshipEntrants, a.hardshipRetained) == (2, 1))
        // 乙镇: A10, A13, A14 resident (A12 over age, A11 no hukou); A14 exempt.
        #expect((b.schoolAge, b.elsewhere, b.deferred) == (3, 0, 1))
        #expect(b.primary == .init(due: 1, enrolled: 1, netEnrolled: 1, pupils: 2, entrants: 2, retained: 2))
        #expect(b.junior == .init(due: 1, enrolled: 1, netEnrolled: 1, pupils: 2, entrants: 1, retained: 1))
        #expect((b.disabled, b.disabledEnrolled, b.homeTaughtWithoutStatus) == (1, 1, 0))
        #expect(f.district.counts.due == 9 && f.district.counts.enrolled == 6)
    }

    @Test(arguments: [
        // indicator, 甲镇, 乙镇, 示例区
        (I.primaryNet, 0.3333, 1.0, 0.5), (.primaryGross, 0.3333, 2.0, 0.75), (.juniorNet, 0.5, 1.0, 0.6), (.juniorGross, 0.75, 2.0, 1.0),
        (.primaryConsolidation, 1.0, 1.0, 1.0), (.juniorConsolidation, 0.3333, 1.0, 0.5), (.consolidation, 0.6, 1.0, 0.75),
        (.disabledEnrolment, 0.0, 1.0, 0.5), (.hardshipConsolidation, 0.5, nil, 0.5),
    ] as [(I, Double, Double?, Double)])
    func everyRateRecomputed(indicator: I, a: Double, b: Double?, district: Double) {
        let f = BulletinCounty.figures()
        let town = Dictionary(uniqueKeysWithValues: f.towns.map { ($0.name, $0) })
        #expect(town["甲镇"]!.value(indicator) == a)
        #expect(town["乙镇"]!.value(indicator) == b)
        #expect(f.district.value(indicator) == district)
    }

    @Test func priorityGroupsAreCountedApart() {
        let g = BulletinCounty.figures().district.counts.groups
        #expect(g[.poverty] == .init(children: 1, elsewhere: 0, deferred: 0, due: 1, enrolled: 1, suspectedDropouts: 0))
        #expect(g[.lowIncome] == .init(children: 1, elsewhere: 0, deferred: 0, due: 1, enrolled: 0, suspectedDropouts: 0))
        #expect(g[.disabled] == .init(children: 3, elsewhere: 0, deferred: 1, due: 2, enrolled: 1, suspectedDropouts: 0))
        #expect(g[.migrant] == .init(children: 1, elsewhere: 0, deferred: 0, due: 1, enrolled: 1, suspectedDropouts: 0))
        #expect(g[.orphan] == nil && g[.prisonersChildren] == nil)
    }

    /// 乙镇's only findings are a school's 学籍 error and a police 户籍 error: it is at target and first, but its
    /// school sent no attendance, so it is named as not checked (未核查), not praised.
    @Test func townsAreRankedOnWhatTheyAreResponsibleFor() {
        let f = BulletinCounty.figures()
        #expect(f.towns.map(\.name) == ["乙镇", "甲镇"] && f.towns.map(\.rank) == [1, 2])
        let b = f.towns[0], a = f.towns[1]
        #expect(f.shortfalls(b).isEmpty && (b.outOfSchool, b.cases.open) == (0, 0))
        #expect((a.outOfSchool, a.cases.open) == (4, 5))  // A3, A7, A8, A9 (A9 twice); A5's deferral is no shortfall
        #expect(f.shortfalls(a).contains(.openCases) && !f.shortfalls(a).contains(.primaryConsolidation))
        #expect(f.townsAtTarget.isEmpty && f.townsNotChecked.map(\.area.name) == ["乙镇"] && f.townsBelowTarget.map(\.name) == ["甲镇"])
        #expect(f.praise.contains("暂不表扬：乙镇（1 所学校未报送考勤，疑似辍学未核查）") && !f.praise.contains("予以通报表扬：乙镇"))
        #expect(f.schools.map(\.code) == [BulletinCounty.schoolB] && f.schools[0].records == [.identityMismatch: 1])
        #expect(f.police.map(\.name) == ["乙镇"] && f.police[0].records == [.duplicateHukou: 1])
        #expect(f.schoolsAtTarget.isEmpty)  // 甲镇中心小学 has two suspected dropouts
        #expect(BulletinFigures.townCodes == [.notEnrolled, .suspectedDropout, .disabledUnplaced])
    }

    @Test func theTextIsWrittenFromTheFigures() {
        let f = BulletinCounty.figures()
        let text = f.paragraphs(.html).joined(separator: "\n")
        #expect(text.contains("全区户籍适龄儿童 12 人"))
        #expect(text.contains("在外地就读待去向确认的 1 人，经批准缓学免学的 2 人，应入学 9 人，已入学 6 人"))
        #expect(text.contains("劝返台账在办的失学辍学儿童 4 人"))
        #expect(text.contains("应入学与已入学相差 3 人："))
        #expect(text.contains("残联记录为送教上门但没有学籍的残疾儿童 1 人"))
        #expect(text.contains("甲镇初中净入学率 50.00%（2/4），低于目标 100%"))
        #expect(text.contains("本期为系统内首次通报，没有上期通报数据，不作比较"))
        #expect(text.contains("没有去年同期（2025年11月）的通报数据"))
        #expect(f.unit == "示例区教育局" && f.signature == "示例区教育局" && f.deadline == CivilDate(iso: "2026-12-30"))
        #expect(f.criticism.contains("请于 2026年12月30日 前完成整改"))
        #expect(!text.contains("全县"))
        #expect(f.definitions.allSatisfy { !$0.1.contains("本县") })
    }

    @Test func theLastBulletinAndTheSameMonthLastYearAreCompared() {
        var input = BulletinCounty.input()
        input.earlierBulletins = [
            BulletinRecord(period: "2025-11", asOf: "2025-11-30", district: ["out_of_school": 6, I.consolidation.rawValue: 0.7], towns: [:]),
            BulletinRecord(period: "2026-10", asOf: "2026-10-31", district: ["out_of_school": 3, I.openCases.rawValue: 5, I.consolidation.rawValue: 0.8], towns: [:]),
        ]
        let f = BulletinCounty.figures(input)
        #expect(f.previous?.period == "2026-10" && f.lastYear?.period == "2025-11")
        let text = f.paragraphs(.html).joined(separator: "\n")
        #expect(text.contains("与上期（2026年10月通报，2026年10月31日核查）相比，失学辍学儿童增加 1 人，未销号劝返案件持平，九年义务教育巩固率下降 5.00 个百分点"))
        #expect(text.contains("与去年同期（2025年11月通报，2025年11月30日核查）相比，失学辍学儿童减少 2 人，九年义务教育巩固率提高 5.00 个百分点"))
        let row = f.comparisonRows.first { $0.title == "失学辍学儿童（人）" }!
        #expect((row.now, row.previous, row.previousChange, row.lastYear, row.lastYearChange) == ("4", "3", "+1", "6", "-2"))
        #expect(f.outOfSchoolChange(f.district) == "+1" && f.outOfSchoolChange(f.towns[0]) == "—")  // 2026-10 kept no towns
        var withTowns = input
        withTowns.earlierBulletins[1].towns = ["甲镇": ["out_of_school": 4], "乙镇": ["out_of_school": 1]]
        let g = BulletinCounty.figures(withTowns)
        #expect(g.towns.map { g.outOfSchoolChange($0) } == ["-1", "0"])
        // What is kept for the next period.
        #expect(f.record.district["out_of_school"] == 4 && f.record.towns["甲镇"]?[I.juniorNet.rawValue] == 0.5)
    }

    /// 案件趋势 is recomputed from today's ledger: the number each earlier bulletin printed stands beside it, and
    /// the periods whose numbers differ (a closing or a late reply after that bulletin went out) are named.
    @Test func theTrendShowsWhatEachBulletinPrinted() {
        var input = BulletinCounty.input()
        input.ledger.openByPeriod = [("2026-09", 650), ("2026-10", 660), (input.period, 5)]
        input.earlierBulletins = [
            BulletinRecord(period: "2026-09", asOf: "2026-09-30", district: ["open_cases_all": 650], towns: [:]),
            BulletinRecord(period: "2026-10", asOf: "2026-10-31", district: ["open_cases_all": 672], towns: [:]),
        ]
        let f = BulletinCounty.figures(input)
        #expect(f.openAsIssued == ["2026-09": 650, "2026-10": 672])
        #expect(f.trendDifferences == ["2026年10月：当期通报 672 件，按现台账 660 件"])
        #expect(f.record.district[BulletinFigures.openCasesAllKey] == 5)
    }

    @Test func aRateIsCutNotRoundedSoItNeverReachesItsTargetByRounding() {
        #expect(BulletinFigures.rate(2, 3) == 0.6666)
        #expect(BulletinFigures.rate(99_996, 100_000) == 0.9999)
        #expect(BulletinFigures.rate(1, 0) == nil)
        #expect(BulletinFigures.percent(0.9999) == "99.99%")
    }

    @Test(arguments: [("示例县", "县"), ("示例区", "区"), ("寿光市", "市"), ("某某旗", "旗"), ("示例", "县")])
    func theDistrictSaysItsOwnWord(name: String, word: String) {
        #expect(BulletinFigures.districtWord(name) == word)
    }

    @Test(arguments: [("一年级", 1), ("六年级", 6), ("七年级", 7), ("初一", 7), ("初三", 9), ("初中二年级", 8), ("小学三年级", 3),
                      ("9年级", 9), ("高一", nil), ("", nil), ("学前班", nil)] as [(String, Int?)])
    func gradesAreRead(text: String, grade: Int?) {
        #expect(ExportVocabulary.grade(text) == grade)
    }

    @Test func rateAxesShowTheDifferences() {
        let axis = XLSXChartAxisProbe.axis([0.958, 1.0, 0.99])
        #expect(axis.low <= 0.958 && axis.low >= 0.9 && axis.high == 1 && axis.step <= 0.01)
        let wide = XLSXChartAxisProbe.axis([0.0, 1.0])
        #expect(wide.low == 0 && wide.high == 1 && wide.step == 0.2)
        let gross = XLSXChartAxisProbe.axis([0.98, 1.21])
        #expect(gross.high >= 1.21 && gross.low <= 0.98)
    }

    @Test func bothFilesHoldEveryTownNoPersonalDataAndNoEnglishCodes() throws {
        let f = BulletinCounty.figures()
        let html = BulletinHTML.render(f)
        #expect(!html.contains("其余镇街"))
        #expect(html.contains("示例区教育局") && html.contains("2026年11月30日") && html.contains("class=\"sign\""))
        let dir = TestSupport.temporaryDirectory("kcbx-bulletin")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("通报.xlsx")
        try BulletinWorkbook.write(f, to: url)
        let text = try WorkbookReadBack(url).allText()
        for code in FindingCode.allCases { #expect(!text.contains(code.rawValue), "\(code.rawValue)") }
        #expect(text.contains("示例区教育局") && text.contains("落款"))
        for page in [html, text] {
            #expect(ReportFigureTests.personalData(in: page, ids: BulletinCounty.births.enumerated().map { ReportFixture.idNumber($1, 21 + 2 * $0) }).isEmpty)
            #expect(!page.contains("童1"))
        }
        let towns = try WorkbookReadBack(url).sheet("分镇街")
        #expect(towns.values.compactMap { $0["B"]?.value }.filter { ["甲镇", "乙镇"].contains($0) }.count == 2)
        // The same number format in both: 50.00% in the html, 0.00% in the workbook.
        #expect(html.contains("50.00%"))
        #expect(try TestSupport.zipPart(url, "xl/styles.xml").contains("0.00%"))
    }
}

/// The chart axis of the bulletin's rates (KCBXSheets), named for the tests.
enum XLSXChartAxisProbe {
    static func axis(_ v: [Double]) -> (low: Double, high: Double, step: Double) { XLSXChart.rateAxis(v) }
}
