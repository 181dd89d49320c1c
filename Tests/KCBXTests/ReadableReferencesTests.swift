import Foundation
import Testing
@testable import KCBXCore
import KCBXLedger
@testable import KCBXLink
@testable import KCBXNormalize
@testable import KCBXPipeline
@testable import KCBXReconcile
@testable import KCBXReport
@testable import KCBXSheets

/// A finding's detail as an officer reads it: a county, the finding it raises, words it must say and
/// words it must not (an export's line number, a school by its 学校标识码, a date as 20251229).
struct DetailExample: Sendable, CustomTestStringConvertible {
    let name: String
    let code: FindingCode
    let says: [String]
    let build: @Sendable (inout TestCounty) -> Void
    init(_ name: String, _ code: FindingCode, says: [String], _ build: @escaping @Sendable (inout TestCounty) -> Void) {
        self.name = name; self.code = code; self.says = says; self.build = build
    }
    var testDescription: String { name }
}

@Suite struct ReadableReferencesTests {
    static let school = "3707830001", other = "3707830002"

    /// A pupil of 示例县实验小学 三年级2班 with a hukou record of 户号 020000001 in 和平社区.
    static func pupil(_ c: inout TestCounty, _ who: String, seq: Int = 123, status: String = "在读", at code: String = school,
                      schoolName: String = "示例县实验小学") {
        let number = TestCounty.id("20150302", seq: seq)
        c.add(.hukou, who, [.idNumber: number, .name: "学生" + who, .householdId: "020000001", .registrationStatus: "正常", .town: "城关街道",
                            .village: "和平社区"])
        c.add(.studentStatus, who, [.idNumber: number, .studentNumber: "G" + number, .name: "学生" + who, .schoolCode: code,
                                    .schoolName: schoolName, .grade: "三年级", .class: "2", .status: status])
    }

    static let examples: [DetailExample] = [
        DetailExample("an absence names the school by name", .suspectedDropout, says: ["示例县实验小学 缺课 15 天（原因：外出），达到 10 天"]) {
            pupil(&$0, "a"); $0.add(.attendance, "a", [.schoolCode: school, .absentDays: "15", .absenceReason: "外出"])
        },
        DetailExample("a status not active names its school by name", .notEnrolled, says: ["学籍状态：毕业（示例县实验小学）"]) {
            pupil(&$0, "a", status: "毕业")
        },
        DetailExample("two active statuses: both schools by name", .duplicateStatus, says: ["2 条在籍学籍：示例县实验小学（在读）、示例县城关小学（在读）"]) {
            pupil(&$0, "a")
            $0.add(.studentStatus, "a", [.idNumber: TestCounty.id("20150302"), .name: "学生a", .schoolCode: other, .schoolName: "示例县城关小学",
                                         .status: "在读"])
        },
        DetailExample("a death registered 20251229 is dated 2025-12-29", .deceasedActiveStatus, says: ["户籍登记死亡（2025-12-29）", "示例县实验小学（在读）"]) {
            $0.add(.hukou, "a", [.idNumber: TestCounty.id("20150302"), .registrationStatus: "死亡", .statusDate: "20251229"])
            $0.add(.studentStatus, "a", [.idNumber: TestCounty.id("20150302"), .schoolCode: school, .schoolName: "示例县实验小学", .status: "在读"])
        },
        DetailExample("a deferral's end 2026/08/31 is written 2026-08-31", .notEnrolled, says: ["延缓入学，有效期至 2026-08-31，已过期"]) {
            $0.child("a", enrolled: nil); $0.add(.deferral, "a", [.deferralType: "延缓入学", .validUntil: "2026/08/31"])
        },
        DetailExample("a phantom status names the school of the status and the school attended", .phantomStatus,
                      says: ["学籍在示例县实验小学，该校考勤花名册中无此学生；本人在示例县城关小学考勤"]) {
            pupil(&$0, "a")
            $0.add(.attendance, "a", [.schoolCode: other, .absentDays: "0"])
            pupil(&$0, "b", seq: 125); $0.add(.attendance, "b", [.schoolCode: school, .absentDays: "0"])
            $0.add(.studentStatus, "c", [.idNumber: TestCounty.id("20150302", seq: 127), .schoolCode: other, .schoolName: "示例县城关小学", .status: "在读"])
        },
        DetailExample("a non-local child's 户籍地 is named, not coded", .outOfDistrict, says: ["非本地户籍（户籍地 四川省成都市锦江区）", "辍学（示例县实验小学）"]) {
            $0.add(.studentStatus, "a", [.idNumber: TestCounty.id("20150302", region: "510104"), .schoolCode: school, .schoolName: "示例县实验小学",
                                         .status: "辍学"])
        },
        DetailExample("a check character error says what the hukou registers", .identityMismatch,
                      says: ["学籍身份证件号无效（校验码错误）：", "户籍登记为 370783********", "应按户口簿更正"]) {
            let number = TestCounty.id("20150302")
            let wrong = String(number.dropLast()) + (number.last == "1" ? "2" : "1")
            $0.add(.hukou, "a", [.idNumber: number, .name: "学生a", .registrationStatus: "正常"])
            $0.add(.studentStatus, "a", [.idNumber: wrong, .name: "学生a", .schoolCode: school, .status: "在读"])
        },
    ]

    @Test(arguments: examples)
    func detail(_ example: DetailExample) throws {
        var county = TestCounty()
        example.build(&county)
        let found = county.reconcile().findings.filter { $0.code == example.code && $0.personID == "P-a" }
        let finding = try #require(found.first, "\(example.code) raised for a")
        for words in example.says { #expect(finding.detail.contains(words), "「\(words)」 in 「\(finding.detail)」") }
        for pattern in [#"第 ?\d+ ?行"#, #"学校 ?\d{10}"#, #"(?<![\d*])\d{8}(?![\d*])"#] {
            #expect(finding.detail.range(of: pattern, options: .regularExpression) == nil, "no \(pattern) in 「\(finding.detail)」")
        }
    }

    @Test("a record using another child's ID number is named by school, class and 学籍号, not by its line")
    func borrowedIDNamesTheRecord() throws {
        var county = TestCounty()
        Self.pupil(&county, "a")
        let number = TestCounty.id("20150302")
        county.add(.studentStatus, "b", [.idNumber: number, .studentNumber: "G" + number, .name: "王小明", .birthDate: "2014-05-06",
                                         .schoolCode: Self.other, .schoolName: "示例县城关小学", .grade: "四年级", .class: "1班", .status: "在读"])
        var index = county.index
        let status = county.sources.firstIndex { $0.role == .studentStatus }!
        index.borrowedIDs = [BorrowedID(record: RecordRef(source: status, record: 1), holderRecord: RecordRef(source: 0, record: 0),
                                        holder: 0, kind: .otherPerson)]
        let findings = ReconcileStage.run(county.sources, index: index, config: TestCounty.config()).findings
        let mismatch = try #require(findings.first { $0.code == .identityMismatch && $0.personID == "P-b" })
        #expect(mismatch.detail.contains("学籍（示例县城关小学 四年级1班，全国学籍号 G37078*********"), "\(mismatch.detail)")
        #expect(mismatch.detail.range(of: #"第 ?\d+ ?行"#, options: .regularExpression) == nil)
    }

    @Test(arguments: [("20251229", "2025-12-29"), ("2025/12/29", "2025-12-29"), ("2025-12-29", "2025-12-29"), ("2025年12月29日", "2025-12-29"),
                      ("不详", "不详"), ("", "")])
    func datesReadAsOneForm(_ raw: String, _ shown: String) {
        #expect(ReconcileStage.dateText(raw) == shown)
    }

    @Test func policeStatusDateIsARealDate() {
        #expect(PoliceWorkbook.statusDate("20251229") == .date(CivilDate(iso: "2025-12-29")!))
        #expect(PoliceWorkbook.statusDate("2025/12/29") == .date(CivilDate(iso: "2025-12-29")!))
        #expect(PoliceWorkbook.statusDate("") == .empty)
    }

    @Test("a 校验码错误 notice says the number to correct to, or that the hukou has none")
    func schoolCorrectionShowsTheValue() {
        func record(_ id: String, problem: String?) -> StageRecords.Record {
            StageRecords.Record(recordNumber: 1, values: RecordValues([]), idNumber: id, idProblem: problem, name: "张三", sex: "男",
                                birthDate: nil, studentNumber: nil)
        }
        let pupil = record("370783201503021231", problem: "校验码错误"), hukou = record("370783201503021234", problem: nil)
        let detail = "学籍身份证件号无效（校验码错误）：370783********1231，户籍登记为 370783********1234，应按户口簿更正"
        let task = SchoolWorkbook.correction(.identityMismatch, pupil, hukou: hukou, others: 1, detail: detail)
        #expect(task == "身份证件号有误（校验码错误），按户口簿更正为 370783201503021234；以户籍登记为准核对更正学籍信息；"
                + "（学籍身份证件号无效（校验码错误）：370783********1231）", "\(task)")
        #expect(Masking.text(task, true).contains("按户口簿更正为 370783********1234"))
        let none = SchoolWorkbook.correction(.identityMismatch, pupil, hukou: nil, others: 1, detail: "")
        #expect(none.contains("户籍中无本人可用的身份证件号，请查验户口簿后更正"), "\(none)")
    }

    @Test(arguments: [("疑似辍学", FindingCode.suspectedDropout), ("suspected_dropout", .suspectedDropout), (" 应入未入 ", .notEnrolled),
                      ("延缓/免于入学", .deferred), ("外地户籍/外出", .outOfDistrict)])
    func codesAreNamedByTitleOrKey(_ name: String, _ code: FindingCode) {
        #expect(FindingCode(named: name) == code)
    }

    @Test func anUnknownCodeNameIsNone() {
        #expect(FindingCode(named: "辍学") == nil && FindingCode(named: "") == nil)
    }

    @Test("the review workbook explains a pair in Chinese: which fields agree, nearly agree, differ, or were not compared")
    func pairExplainedInChinese() {
        var levels = [UInt8](repeating: LinkField.nullLevel, count: LinkField.count)
        levels[LinkField.id.rawValue] = Level.ID.checkCharacter.rawValue
        levels[LinkField.name.rawValue] = Level.Name.exact.rawValue
        levels[LinkField.birthDate.rawValue] = Level.BirthDate.exact.rawValue
        levels[LinkField.sex.rawValue] = Level.Agreement.different.rawValue
        levels[LinkField.family.rawValue] = Level.Family.parentName.rawValue
        let link = RecordLink(record: RecordRef(source: 0, record: 0), other: RecordRef(source: 1, record: 0), rule: .none, weight: 1,
                              probability: 0.62, levels: levels, contributions: [Float](repeating: 0, count: LinkField.count))
        #expect(link.plainExplanation
                == "相同：姓名、出生日期；相近：身份证件号（仅校验码不同）、父母（监护人）（父母姓名相同）；不同：性别；未比对（一方未填）：户号、镇街、学校、联系电话")
        var linkage = PipelineConfig.Linkage()
        linkage.autoThreshold = 0.95; linkage.reviewThreshold = 0.3
        #expect(ClericalReview.uncertainty(0.62, linkage) == "匹配概率 62%，介于自动关联 95% 与不予关联 30% 之间")
        #expect(ClericalReview.uncertainty(0.875, linkage).hasPrefix("匹配概率 87.5%"))
        linkage.autoThreshold = 0.9999
        #expect(ClericalReview.uncertainty(0.99995, linkage) == "匹配概率 99.995%，介于自动关联 99.99% 与不予关联 30% 之间")
    }

    @Test("a pair and its decision print on one landscape A4 width at 8 pt or more; the key column is hidden")
    func reviewWorkbookFitsOnePageWidth() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcbx-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = try XLSXWorkbook(url: dir.appendingPathComponent("人工核对.xlsx"))
        let sheet = try book.addSheet("待核对", columns: ClericalReview.reviewColumns, title: "title")
        #expect(sheet.fittingScale >= XLSXLayout.minimumPrintScale)
        #expect(ClericalReview.reviewColumns.last?.header == ClericalReview.keyHeader && ClericalReview.reviewColumns.last?.hidden == true)
        #expect(ClericalReview.reviewColumns.contains { $0.header == ClericalReview.decisionHeader && !$0.choices.isEmpty })
        var row = [XLSXCell](repeating: .empty, count: ClericalReview.reviewColumns.count)
        row[ClericalReview.reviewColumns.count - 3] = .text(ClericalReview.same)
        row[ClericalReview.reviewColumns.count - 1] = .text("AAAA|BBBB")
        try sheet.append(row)
        try book.close()
        // Read back below its title line.
        let decisions = try ClericalReview.decisions(in: dir.appendingPathComponent("人工核对.xlsx"))
        #expect(decisions.map { [$0.recordA, $0.recordB] } == [["AAAA", "BBBB"]] && decisions.first?.same == true)
    }

    @Test("two towns whose safe file names collide each keep their file")
    func uniqueFileNames() {
        var names = UniqueFileNames()
        #expect(names.claim("a_b_2026年11月.xlsx") == "a_b_2026年11月.xlsx")
        #expect(names.claim("a_b_2026年11月.xlsx") == "a_b_2026年11月（2）.xlsx")
        #expect(names.claim("a_b_2026年11月.xlsx") == "a_b_2026年11月（3）.xlsx")
        #expect(names.claim("c_2026年11月.xlsx") == "c_2026年11月.xlsx")
    }

    @Test("every output privacy.mask_ids_in accepts is one the report masks")
    func everyMaskableOutputIsMasked() {
        #expect(MaskedOutput.allCases.map(\.rawValue).sorted() == PipelineConfig.Privacy.maskableOutputs.sorted())
    }
}
