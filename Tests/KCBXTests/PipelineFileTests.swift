import Foundation
import Testing
@testable import KCBXCore

/// The pipeline file: what it accepts, and how it reports mistakes (key, line, what was expected).
@Suite struct PipelineFileTests {
    static let valid = """
        name: 示例县 2026年11月比对核查
        district: {code: "370783", name: 示例县}
        as_of: 2026-11-30
        school_age: {cutoff: "08-31", min_age: 6, max_age: 14}
        sources:
          - name: 公安户籍
            role: hukou
            path: data/hukou.csv.gz
            columns: {id_number: 公民身份号码, name: 姓名}
          - name: 学籍
            role: student_status
            path: data/xueji.xml
            format: xml
            record: 学生
            columns: {id_number: 身份证件号, school_code: "@学校标识码"}
        """

    func write(_ text: String) -> URL {
        let url = TestSupport.temporaryDirectory().appendingPathComponent("p.yaml")
        try! text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func readsAValidFile() throws {
        let url = write(Self.valid)
        let config = try PipelineFile.load(url)
        #expect(config.district.code == "370783")
        #expect(config.asOf == CivilDate(year: 2026, month: 11, day: 30))
        #expect(config.sources.count == 2)
        #expect(config.sources[0].format == .csv)
        #expect(config.sources[1].header(for: .schoolCode) == "@学校标识码")
        #expect(config.sources[0].path.path == url.deletingLastPathComponent().appendingPathComponent("data/hukou.csv.gz").path)
        #expect(config.storePath.lastPathComponent == "kcbx.sqlite")
    }

    /// The bulletin's targets: the notices' figures by default, each rate's own key.
    @Test func targetsDefaultToTheNoticesAndAreReadPerRate() throws {
        let defaults = try PipelineFile.load(write(Self.valid)).targets
        #expect([defaults.primaryEnrolment, defaults.primaryGrossEnrolment, defaults.juniorEnrolment, defaults.juniorGrossEnrolment,
                  defaults.primaryConsolidation, defaults.juniorConsolidation, defaults.consolidation, defaults.disabledEnrolment,
                  defaults.hardshipConsolidation, defaults.priorityEnrolment] == [1, 1, 1, 1, 1, 0.98, 0.96, 0.97, 1, 1])
        let set = try PipelineFile.load(write(Self.valid + "\ntargets: {junior_consolidation: 0.97, primary_gross_enrolment: 0.99, hardship_consolidation: 0.995}\n")).targets
        #expect((set.juniorConsolidation, set.primaryGrossEnrolment, set.hardshipConsolidation, set.consolidation) == (0.97, 0.99, 0.995, 0.96))
    }

    /// Each mistake is reported with the line it is on and what was expected.
    @Test(arguments: [
        ("role: hukou", "role: hukuo", 7, "did you mean `hukou`"),
        ("as_of: 2026-11-30", "as_of: 2026-13-30", 3, "expected the reference date as YYYY-MM-DD"),
        ("as_of: 2026-11-30", "as_of: 1900-01-01", 3, "between 2000-01-01 and 2100-12-31"),
        ("school_age: {cutoff: \"08-31\"", "school_age: {cutoff: \"02-29\"", 4, "not 02-29"),
        ("as_of: 2026-11-30", "as_of: 2026-11-30\nprivacy: {mask_ids_in: [town_list]}", 4, "did you mean `town_lists`"),
        ("as_of: 2026-11-30", "as_of: 2026-11-30\nrules: {max_row_drop: 1.5}", 4, "rules.max_row_drop"),
        ("    record: 学生\n", "    record: 学生\n    kind: roster\n", 15, "`kind` applies to an attendance source only"),
        ("code: \"370783\"", "code: \"3707\"", 2, "6-digit"),
        ("columns: {id_number: 公民身份号码, name: 姓名}", "columns: {id_numbr: 公民身份号码, name: 姓名}", 9, "did you mean `id_number`"),
        ("    record: 学生\n", "", 10, "`record` is missing"),
        ("school_age: {cutoff: \"08-31\"", "school_age: {cutoff: \"31-08\"", 4, "\"MM-DD\""),
        ("as_of: 2026-11-30", "as_of: 2026-11-30\nsauces: []", 4, "unknown key"),
        ("path: data/hukou.csv.gz", "path: [data/hukou.csv.gz", nil, "YAML syntax"),
        ("as_of: 2026-11-30", "as_of: 2026-11-30\ntargets: {junior_consolidaton: 0.98}", 4, "did you mean `junior_consolidation`"),
        ("as_of: 2026-11-30", "as_of: 2026-11-30\ntargets: {hardship_consolidation: 100}", 4, "targets.hardship_consolidation"),
    ] as [(String, String, Int?, String)])
    func reportsMistakes(original: String, replacement: String, line: Int?, expected: String) throws {
        let (config, problems) = PipelineFile.parse(write(Self.valid.replacingOccurrences(of: original, with: replacement)))
        #expect(config == nil)
        let problem = try #require(problems.first { $0.message.contains(expected) }, "\(problems)")
        if let line { #expect(problem.line == line, "\(problem)") }
        #expect(problem.exitCode == 2)
        #expect(problem.description.contains("p.yaml"))
    }

    /// `linkage.blocking` is read once, here: good rules as the link stage applies them, and a rule that
    /// does not parse is a problem of the file with its line (never dropped).
    @Test func blockingRulesAreReadWithThePipelineFile() throws {
        #expect(try PipelineFile.load(write(Self.valid)).linkage.blocking == BlockingRule.defaults)
        let good = Self.valid + "\nlinkage:\n  blocking:\n    - birth_date+sex\n    - \" pinyin + school_code \"\n    - id_variants+town\n"
        #expect(try PipelineFile.load(write(good)).linkage.blocking.map(\.description) == ["birth_date+sex", "pinyin+school_code", "id_variants+town"])
        for (rule, expected) in [("birth_date+colour", "`colour` is not a blocking key; expected keys joined by +, from birth_date, birth_year"),
                                 ("id_variants+parent_id", "a rule may use only one of id_variants, parent_id"),
                                 ("pinyin+parent_name", "`parent_name` is not a blocking key"),
                                 ("pinyin+sparse", "`sparse` is not a blocking key"),
                                 ("\"+\"", "`+` names no blocking key")] {
            let text = Self.valid + "\nlinkage:\n  blocking:\n    - birth_date+sex\n    - \(rule)\n"
            let (config, problems) = PipelineFile.parse(write(text))
            #expect(config == nil)
            #expect(problems.count == 1, "\(problems)")
            let problem = try #require(problems.first)
            #expect(problem.message.hasPrefix("`linkage.blocking`: \(expected)"), "\(problem)")
            #expect(problem.line == 19, "\(problem)")
            #expect(problem.exitCode == 2)
            #expect(throws: KCBXError.self) { try PipelineFile.load(write(text)) }
        }
    }

    @Test func anEmptyMappingIsAProblemNotATrap() {
        let (config, problems) = PipelineFile.parse(write("{}"))
        #expect(config == nil)
        #expect(problems.first?.message.contains("holds no settings") == true)
    }

    @Test func attendanceKindIsReadAndChecked() throws {
        let attendance = Self.valid + "\n  - name: 考勤\n    role: attendance\n    path: k.csv\n    kind: absences\n    columns: {school_code: 学校标识码}\n"
        #expect(try PipelineFile.load(write(attendance)).sources[2].attendanceKind == .absences)
        #expect(try PipelineFile.load(write(attendance.replacingOccurrences(of: "    kind: absences\n", with: ""))).sources[2].attendanceKind == .auto)
        let (_, problems) = PipelineFile.parse(write(attendance.replacingOccurrences(of: "kind: absences", with: "kind: absence")))
        #expect(problems.first?.message.contains("did you mean `absences`") == true)
    }

    @Test func reportsEveryProblemAtOnce() {
        let text = Self.valid.replacingOccurrences(of: "role: hukou", with: "role: police")
            .replacingOccurrences(of: "format: xml", with: "format: json")
        let (_, problems) = PipelineFile.parse(write(text))
        #expect(problems.count == 2)
    }

    @Test(arguments: [
        // as of, cutoff → cohort of the school year in force
        ("2026-11-30", "2011-09-01", "2020-08-31"),
        ("2026-08-31", "2010-09-01", "2019-08-31"),
        ("2027-03-01", "2011-09-01", "2020-08-31"),
    ])
    func schoolAgeCohort(asOf: String, oldest: String, youngest: String) {
        let cohort = PipelineConfig.SchoolAge().cohort(asOf: CivilDate(iso: asOf)!)
        #expect(cohort.lowerBound.description == oldest)
        #expect(cohort.upperBound.description == youngest)
    }

    @Test func civilDateArithmetic() {
        let d = CivilDate(year: 2024, month: 2, day: 29)!
        #expect(CivilDate(daysSinceEpoch: d.daysSinceEpoch) == d)
        #expect(d.adding(days: 1).description == "2024-03-01")
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2014, month: 3, day: 5)!.age(on: CivilDate(year: 2026, month: 3, day: 4)!) == 11)
    }
}
