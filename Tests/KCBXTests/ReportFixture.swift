import Foundation
@testable import KCBXCore
@testable import KCBXLink
@testable import KCBXNormalize
@testable import KCBXPipeline
@testable import KCBXReconcile
@testable import KCBXReport
import KCBXLedger

/// A small hand-built county for the report tests: two towns, eight people, a finding of most codes.
///
/// As of 2026-11-30 the cohort is born 2011-09-01 … 2020-08-31; ages are taken on 2026-08-31.
enum ReportFixture {
    static let asOf = CivilDate(iso: "2026-11-30")!
    static let names = ["张三", "李四", "王五", "赵六", "孙七", "周八", "钱九", "吴十", "张叁"]

    /// A valid 18-character ID (GB 11643 check character) for a birth date and sequence, of the district or of `region`.
    static func idNumber(_ birth: String, _ seq: Int, region: String = "370783") -> String {
        let first17 = region + birth.replacingOccurrences(of: "-", with: "") + String(format: "%03d", seq)
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(first17, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return first17 + String(Array("10X98765432")[sum % 11])
    }

    static func id(_ s: String) -> IDNumber { IDNumber(raw: s, normalized: s, kind: .resident, defects: []) }
    static func name(_ s: String) -> PersonName { PersonName(raw: s, normalized: s, annotation: nil, pinyin: "", isPlaceholder: false) }

    struct Builder {
        var sources: [NormalizedSource]
        var persons: [(id: String, members: [RecordRef])] = []
        /// Links made by the probabilistic pass or a review (their records get the link's rule and probability).
        var links: [RecordLink] = []

        init() {
            sources = [
                NormalizedSource(source: "公安户籍", role: .hukou, fields: [.idNumber, .name, .sex, .birthDate, .householdId, .town,
                                                                           .registrationStatus, .statusDate, .policeStation], records: [], rejects: []),
                NormalizedSource(source: "学籍", role: .studentStatus, fields: [.idNumber, .studentNumber, .name, .sex, .birthDate,
                                                                                 .schoolCode, .grade, .status, .studyMode], records: [], rejects: []),
                NormalizedSource(source: "残联", role: .disability, fields: [.idNumber, .name, .birthDate, .placement], records: [], rejects: []),
                NormalizedSource(source: "学校名录", role: .schools, fields: [.schoolCode, .schoolName, .town], records: [], rejects: []),
            ]
        }

        /// Adds a record to source `s`; returns its reference.
        mutating func add(_ s: Int, id idText: String?, name n: String?, sex: Sex?, birth: String?, values: [String]) -> RecordRef {
            let number = sources[s].records.count + 1
            sources[s].records.append(NormalizedRecord(recordNumber: number, line: number + 1, id: idText.map(ReportFixture.id),
                                                       studentNumber: s == 1 ? idText.map { "G" + $0 } : nil,
                                                       name: n.map(ReportFixture.name), sex: sex, birthDate: birth.flatMap(CivilDate.init(iso:)),
                                                       values: values, notes: []))
            return RecordRef(source: s, record: number - 1)
        }

        mutating func hukou(_ id: String, _ n: String, _ sex: Sex, _ birth: String, household: String, town: String, status: String = "正常") -> RecordRef {
            // The 城关镇 records name their 派出所; the others do not.
            add(0, id: id, name: n, sex: sex, birth: birth, values: [id, n, sex.rawValue, birth, household, town, status, status == "正常" ? "" : "2026-06-01",
                                                                     town == "城关镇" ? "城关派出所" : ""])
        }

        mutating func student(_ id: String, _ n: String, _ sex: Sex, _ birth: String, school: String, status: String = "在读") -> RecordRef {
            add(1, id: id, name: n, sex: sex, birth: birth, values: [id, "G" + id, n, sex.rawValue, birth, school, "三年级", status, "随班就读"])
        }

        mutating func person(_ id: String, _ members: [RecordRef]) { persons.append((id, members)) }

        func index() -> PersonIndex {
            var personOf = sources.map { [Int32](repeating: -1, count: $0.records.count) }
            var all = persons
            for (p, person) in persons.enumerated() { for m in person.members { personOf[m.source][m.record] = Int32(p) } }
            for s in sources.indices { for r in personOf[s].indices where personOf[s][r] < 0 {
                personOf[s][r] = Int32(all.count); all.append(("R\(s)-\(r)", [RecordRef(source: s, record: r)]))
            } }
            var rule = personOf.map { $0.map { _ in LinkRule.exactID } }, probability = personOf.map { $0.map { _ in Float(1) } }
            for l in links { rule[l.record.source][l.record.record] = l.rule; probability[l.record.source][l.record.record] = l.probability }
            return PersonIndex(personOf: personOf, rule: rule, probability: probability,
                               persons: all.map { PersonIndex.Person(id: $0.id, members: $0.members) }, links: links)
        }
    }

    static func config(mask: [String] = ["town_lists"], output: URL = URL(fileURLWithPath: "/tmp")) -> PipelineConfig {
        var privacy = PipelineConfig.Privacy()
        privacy.maskIdsIn = mask
        return PipelineConfig(name: "示例县 2026年11月比对核查", district: .init(code: "370783", name: "示例县", towns: ["城关镇", "河口镇", "北山乡"]),
                              asOf: asOf, schoolAge: .init(), storePath: output.appendingPathComponent("s.sqlite"),
                              outputDirectory: output, sources: [], linkage: .init(), rules: .init(), targets: .init(),
                              privacy: privacy, file: output.appendingPathComponent("p.yaml"))
    }

    /// 学籍 张叁 joined to 户籍 张三: ID one digit off, same pinyin, birth date and sex agree.
    static func zhangLink(student: RecordRef, hukou: RecordRef) -> RecordLink {
        let reached: [LinkField: (level: UInt8, bits: Float)] = [
            .id: (Level.ID.oneSubstitution.rawValue, 3.1), .name: (Level.Name.samePinyin.rawValue, 9.8),
            .birthDate: (Level.BirthDate.exact.rawValue, 11.2), .sex: (Level.Agreement.same.rawValue, 1.0),
            .school: (Level.Agreement.same.rawValue, 2.3),
        ]
        return RecordLink(record: student, other: hukou, rule: .probabilistic, weight: 18.4, probability: 0.99999,
                          levels: LinkField.allCases.map { reached[$0]?.level ?? LinkField.nullLevel },
                          contributions: LinkField.allCases.map { reached[$0]?.bits ?? 0 })
    }

    /// The county: ids[i] is the ID of names[i].
    static func input(mask: [String] = ["town_lists"]) -> (input: ReportInput, ids: [String]) {
        var b = Builder()
        let births = ["2018-03-05", "2013-05-01", "2012-10-10", "2019-01-20", "2015-06-06", "2016-02-02", "1980-07-07", "2014-01-01"]
        let ids = births.enumerated().map { idNumber($1, 11 + 2 * $0) }
        _ = b.add(3, id: nil, name: nil, sex: nil, birth: nil, values: ["3707830001", "城关镇中心小学", "城关镇"])
        _ = b.add(3, id: nil, name: nil, sex: nil, birth: nil, values: ["3707830002", "河口镇中学", "河口镇"])
        // 1 张三: enrolled, but 学籍 has 张叁 (identity_mismatch); the 学籍 record joined by the probabilistic pass.
        let zhang = [b.hukou(ids[0], "张三", .male, births[0], household: "H001", town: "城关镇"),
                     b.student(ids[0], "张叁", .male, births[0], school: "3707830001")]
        b.person("P1", zhang)
        b.links.append(zhangLink(student: zhang[1], hukou: zhang[0]))
        // 2 李四: not enrolled, registered in two households (duplicate_hukou).
        b.person("P2", [b.hukou(ids[1], "李四", .female, births[1], household: "H002", town: "城关镇"),
                        b.hukou(ids[1], "李四", .female, births[1], household: "H009", town: "城关镇")])
        // 3 王五: 辍学, disabled and unplaced, priority.
        b.person("P3", [b.hukou(ids[2], "王五", .male, births[2], household: "H003", town: "河口镇"),
                        b.student(ids[2], "王五", .male, births[2], school: "3707830002", status: "辍学"),
                        b.add(2, id: ids[2], name: "王五", sex: .male, birth: births[2], values: [ids[2], "王五", births[2], ""])])
        // 4 赵六: two active statuses (duplicate_status).
        b.person("P4", [b.hukou(ids[3], "赵六", .female, births[3], household: "H004", town: "河口镇"),
                        b.student(ids[3], "赵六", .female, births[3], school: "3707830001"),
                        b.student(ids[3], "赵六", .female, births[3], school: "3707830002")])
        // 5 孙七: registered dead, status active.
        b.person("P5", [b.hukou(ids[4], "孙七", .male, births[4], household: "H005", town: "河口镇", status: "死亡"),
                        b.student(ids[4], "孙七", .male, births[4], school: "3707830002")])
        // 6 周八: moved out, status active.
        b.person("P6", [b.hukou(ids[5], "周八", .female, births[5], household: "H006", town: "河口镇", status: "迁出"),
                        b.student(ids[5], "周八", .female, births[5], school: "3707830002")])
        // 7 钱九: an adult.
        b.person("P7", [b.hukou(ids[6], "钱九", .male, births[6], household: "H002", town: "城关镇")])
        // 8 吴十: 学籍 only (phantom), town from the school directory.
        b.person("P8", [b.student(ids[7], "吴十", .male, births[7], school: "3707830001")])
        func ref(_ s: Int, _ r: Int) -> RecordRef { RecordRef(source: s, record: r) }
        let findings = [
            Finding(code: .identityMismatch, personID: "P1", priority: false, evidence: [ref(0, 0), ref(1, 0)], detail: "姓名不一致：张叁 / 张三"),
            Finding(code: .notEnrolled, personID: "P2", priority: false, evidence: [ref(0, 1)], detail: "无在籍学籍"),
            Finding(code: .duplicateHukou, personID: "P2", priority: false, evidence: [ref(0, 1), ref(0, 2)], detail: "同一身份证号登记于两户 H002、H009"),
            Finding(code: .suspectedDropout, personID: "P3", priority: true, evidence: [ref(1, 1)], detail: "学籍状态 辍学"),
            Finding(code: .disabledUnplaced, personID: "P3", priority: true, evidence: [ref(2, 0), ref(0, 3)], detail: "未安置"),
            Finding(code: .duplicateStatus, personID: "P4", priority: false, evidence: [ref(1, 2), ref(1, 3)], detail: "两条在读学籍"),
            Finding(code: .deceasedActiveStatus, personID: "P5", priority: false, evidence: [ref(0, 5), ref(1, 4)], detail: "户籍死亡"),
            Finding(code: .phantomStatus, personID: "P8", priority: false, evidence: [ref(1, 6)], detail: "学校考勤无此人"),
        ]
        let ledger = LedgerFigures(since: "2026-10", district: .init(opened: 3, closed: 1, open: 5),
                                   byTown: ["城关镇": .init(opened: 1, closed: 0, open: 2), "河口镇": .init(opened: 2, closed: 1, open: 3)],
                                   openByPeriod: (1...12).map { (String(format: "2025-%02d", $0), 20 - $0) })
        let input = ReportInput(config: config(mask: mask), period: "2026-11", sources: b.sources, index: b.index(),
                                reconcile: ReconcileResult(findings: findings, notChecked: [(.outOfDistrict, "缺少外地户籍数据")],
                                                           children: ReconcileStage.children(b.sources, index: b.index(), config: config(mask: mask), findings: findings)),
                                manifest: .test, ledger: ledger)
        return (input, ids)
    }
}

extension RunManifest {
    /// The run part of a manifest for report tests that do not look at it.
    static let test = RunManifest(kcbxVersion: "test", runID: 0, period: "2026-11", asOf: "2026-11-30", pipeline: "test.yaml",
                                  inputsReadByRun: 0, inputs: [], rules: [], stages: [])
}
