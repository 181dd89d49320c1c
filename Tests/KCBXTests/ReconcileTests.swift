import Foundation
import Testing
@testable import KCBXCore
import KCBXLedger
import KCBXPipeline
@testable import KCBXLink
@testable import KCBXNormalize
@testable import KCBXReconcile
@testable import KCBXStore

/// A hand-built county for rule tests: a source per role with every field the rules read, and each
/// record tagged with the child it belongs to (the person index groups records by tag, as the link
/// stage would).
struct TestCounty {
    static let asOf = CivilDate(iso: "2026-11-30")!
    static let roles: [(SourceRole, String, [CanonicalField])] = [
        (.hukou, "公安户籍", [.idNumber, .name, .sex, .birthDate, .householdId, .registrationStatus, .statusDate, .town, .fatherName, .fatherId, .motherName,
                          .village]),
        (.studentStatus, "学籍", [.idNumber, .studentNumber, .name, .sex, .birthDate, .schoolCode, .status, .studyMode, .schoolName, .grade, .class]),
        (.attendance, "考勤", [.idNumber, .name, .schoolCode, .absentDays, .absenceReason]),
        (.poverty, "扶贫", [.idNumber, .name, .status]),
        (.disability, "残联", [.idNumber, .name, .placement]),
        (.welfare, "民政", [.idNumber, .name, .category]),
        (.justice, "司法", [.idNumber, .name]),
        (.deferral, "延缓入学", [.idNumber, .name, .deferralType, .validUntil]),
    ]
    var sources: [NormalizedSource]
    var tags: [[String]]
    /// The attendance source's `kind` in the pipeline file; the rule examples are rosters unless they say.
    var attendanceKind: AttendanceKind = .roster

    /// A county with the given roles (all by default) and no records.
    init(roles: Set<SourceRole>? = nil) {
        let chosen = TestCounty.roles.filter { roles?.contains($0.0) ?? true }
        sources = chosen.map { NormalizedSource(source: $0.1, role: $0.0, fields: $0.2, records: [], rejects: []) }
        tags = chosen.map { _ in [] }
    }

    /// A valid 18-character ID number: region, birth date `yyyyMMdd`, sequence (odd male, even female).
    static func id(_ birth: String, seq: Int = 123, region: String = "370783") -> String {
        let first17 = region + birth + String(format: "%03d", seq)
        return first17 + String(IDNumber.checkCharacter(of: first17)!)
    }

    /// Adds a record of `role` for child `who`; fields the source does not have are ignored.
    mutating func add(_ role: SourceRole, _ who: String, _ values: [CanonicalField: String]) {
        guard let s = sources.firstIndex(where: { $0.role == role }) else { return }
        let source = sources[s]
        let row = source.fields.map { values[$0] ?? "" }
        let id = values[.idNumber].map(IDNumber.parse)
        let name = values[.name].map { PersonName(raw: $0, normalized: $0.replacingOccurrences(of: " ", with: ""), annotation: nil,
                                                 pinyin: "", isPlaceholder: false) }
        let sex = values[.sex].flatMap(Sex.parse)
        let birth = values[.birthDate].flatMap(CivilDate.init(iso:)) ?? (id?.isValid == true ? id?.birthDate : nil)
        sources[s].records.append(NormalizedRecord(recordNumber: source.records.count + 1, line: source.records.count + 2, id: id,
                                                   studentNumber: values[.studentNumber], name: name, sex: sex, birthDate: birth,
                                                   values: row, notes: []))
        tags[s].append(who)
    }

    /// A resident school-age child: a hukou record (and, unless `enrolled` is nil, an active 学籍 record at that school).
    mutating func child(_ who: String, birth: String = "20150302", seq: Int = 123, enrolled school: String? = "3707830001",
                        status: String = "在读", name: String? = nil) {
        let number = TestCounty.id(birth, seq: seq)
        add(.hukou, who, [.idNumber: number, .name: name ?? "学生" + who, .householdId: "H" + who, .registrationStatus: "正常", .town: "城关街道"])
        if let school { add(.studentStatus, who, [.idNumber: number, .studentNumber: "G" + number, .name: name ?? "学生" + who, .schoolCode: school, .status: status]) }
    }

    /// The person index: one person per tag, in order of first appearance.
    var index: PersonIndex {
        var persons: [PersonIndex.Person] = [], position: [String: Int32] = [:]
        var personOf: [[Int32]] = []
        for (s, list) in tags.enumerated() {
            personOf.append(list.enumerated().map { i, who in
                if let p = position[who] { persons[Int(p)].members.append(RecordRef(source: s, record: i)); return p }
                let p = Int32(persons.count)
                position[who] = p
                persons.append(.init(id: "P-" + who, members: [RecordRef(source: s, record: i)]))
                return p
            })
        }
        return PersonIndex(personOf: personOf, rule: personOf.map { $0.map { _ in .exactID } },
                           probability: personOf.map { $0.map { _ in 1 } }, persons: persons)
    }

    static func config(asOf: CivilDate = TestCounty.asOf, attendanceKind: AttendanceKind = .roster) -> PipelineConfig {
        let here = URL(fileURLWithPath: "/tmp/kcbx-test")
        let attendance = SourceConfig(name: "考勤", role: .attendance, path: here, displayPath: "kaoqin.csv", format: .csv,
                                      columns: [], attendanceKind: attendanceKind)
        return PipelineConfig(name: "测试县", district: .init(code: "370783", name: "测试县"), asOf: asOf, schoolAge: .init(),
                              storePath: here.appendingPathComponent("s.sqlite"), outputDirectory: here, sources: [attendance],
                              linkage: .init(), rules: .init(), targets: .init(), privacy: .init(), file: here.appendingPathComponent("p.yaml"))
    }

    func reconcile(asOf: CivilDate = TestCounty.asOf) -> ReconcileResult {
        ReconcileStage.run(sources, index: index, config: TestCounty.config(asOf: asOf, attendanceKind: attendanceKind))
    }
}

/// One rule example: a county and the findings (`code:child`, `!` suffix for priority) it must yield, no more.
struct RuleExample: Sendable, CustomTestStringConvertible {
    let name: String
    let expected: Set<String>
    let build: @Sendable (inout TestCounty) -> Void
    init(_ name: String, _ expected: Set<String>, _ build: @escaping @Sendable (inout TestCounty) -> Void) {
        self.name = name; self.expected = expected; self.build = build
    }
    var testDescription: String { name }
}

@Suite struct ReconcileTests {
    static let examples: [RuleExample] = [
        // 应入未入 and its exclusions
        RuleExample("resident school-age child without status is not_enrolled", ["not_enrolled:a"]) { $0.child("a", enrolled: nil) },
        RuleExample("enrolled child: nothing", []) { $0.child("a") },
        RuleExample("too young (born 2020-09-01) and too old (born 2011-08-31): nothing", []) {
            $0.child("a", birth: "20200901", enrolled: nil); $0.child("b", birth: "20110831", seq: 125, enrolled: nil)
        },
        RuleExample("cohort edges (born 2011-09-01 and 2020-08-31) are school age", ["not_enrolled:a", "not_enrolled:b"]) {
            $0.child("a", birth: "20110901", enrolled: nil); $0.child("b", birth: "20200831", seq: 125, enrolled: nil)
        },
        RuleExample("moved out (迁出) or dead: not resident, not not_enrolled", []) {
            $0.add(.hukou, "a", [.idNumber: TestCounty.id("20150302"), .registrationStatus: "迁出"])
            $0.add(.hukou, "b", [.idNumber: TestCounty.id("20150302", seq: 125), .registrationStatus: "死亡"])
        },
        RuleExample("only status 转出: enrolled elsewhere", []) { $0.child("a", status: "转出") },
        RuleExample("only status 毕业 while school age: not_enrolled", ["not_enrolled:a"]) { $0.child("a", status: "毕业") },
        RuleExample("休学 is active status", []) { $0.child("a", status: "休学") },
        RuleExample("valid deferral (until 2027-08-31, or open-ended): deferred", ["deferred:a", "deferred:b"]) {
            $0.child("a", enrolled: nil); $0.add(.deferral, "a", [.deferralType: "延缓入学", .validUntil: "2027-08-31"])
            $0.child("b", seq: 125, enrolled: nil); $0.add(.deferral, "b", [.deferralType: "延缓入学"])
        },
        RuleExample("deferral valid until the as-of date itself is still valid", ["deferred:a"]) {
            $0.child("a", enrolled: nil); $0.add(.deferral, "a", [.deferralType: "延缓入学", .validUntil: "2026-11-30"])
        },
        RuleExample("expired deferral: not_enrolled again", ["not_enrolled:a"]) {
            $0.child("a", enrolled: nil); $0.add(.deferral, "a", [.deferralType: "延缓入学", .validUntil: "2026-08-31"])
        },
        // 疑似辍学
        RuleExample("unexcused absence at the threshold (10 days): suspected_dropout", ["suspected_dropout:a"]) {
            $0.child("a"); $0.add(.attendance, "a", [.schoolCode: "3707830001", .absentDays: "10"])
        },
        RuleExample("absence below the threshold, or excused (病假, 事假, 休学): nothing", []) {
            $0.child("a"); $0.add(.attendance, "a", [.schoolCode: "3707830001", .absentDays: "9", .absenceReason: "旷课"])
            $0.child("b", seq: 125); $0.add(.attendance, "b", [.schoolCode: "3707830001", .absentDays: "30", .absenceReason: "病假"])
            $0.child("c", seq: 127); $0.add(.attendance, "c", [.schoolCode: "3707830001", .absentDays: "30", .absenceReason: "事假"])
            $0.child("d", seq: 129); $0.add(.attendance, "d", [.schoolCode: "3707830001", .absentDays: "30", .absenceReason: "休学（已批准）"])
        },
        RuleExample("other reasons are unexcused", ["suspected_dropout:a"]) {
            $0.child("a"); $0.add(.attendance, "a", [.schoolCode: "3707830001", .absentDays: "21天", .absenceReason: "外出打工"])
        },
        RuleExample("status 辍学 without active status: suspected_dropout, not not_enrolled", ["suspected_dropout:a"]) {
            $0.child("a", status: "辍学")
        },
        RuleExample("enrolled, but poverty alleviation reports 失学: suspected_dropout, priority", ["suspected_dropout:a!"]) {
            $0.child("a"); $0.add(.poverty, "a", [.status: "失学"])
        },
        RuleExample("poverty record 在校: nothing but priority membership", []) { $0.child("a"); $0.add(.poverty, "a", [.status: "在校"]) },
        // 一人多籍
        RuleExample("two active records (same ID twice): duplicate_status, not phantom", ["duplicate_status:a"]) {
            $0.child("a"); $0.add(.studentStatus, "a", [.idNumber: TestCounty.id("20150302"), .schoolCode: "3707830002", .status: "在读"])
            $0.add(.attendance, "o", [.schoolCode: "3707830002", .absentDays: "0"])
        },
        RuleExample("a record without ID (L number) linked to the child: duplicate_status", ["duplicate_status:a"]) {
            $0.child("a"); $0.add(.studentStatus, "a", [.studentNumber: "L37078320150001", .name: "学生a", .schoolCode: "3707830009", .status: "在读"])
        },
        RuleExample("one active and one 转出 record: nothing", []) {
            $0.child("a"); $0.add(.studentStatus, "a", [.idNumber: TestCounty.id("20150302"), .schoolCode: "3707830002", .status: "转出"])
        },
        // 空挂学籍
        RuleExample("school keeps attendance, child not on it: phantom_status", ["phantom_status:a"]) {
            $0.child("a"); $0.child("b", seq: 125)
            $0.add(.attendance, "b", [.schoolCode: "3707830001", .absentDays: "0"])
        },
        RuleExample("child attends another school: phantom_status", ["phantom_status:a"]) {
            $0.child("a"); $0.child("b", seq: 125)
            $0.add(.attendance, "b", [.schoolCode: "3707830001", .absentDays: "0"])
            $0.add(.attendance, "a", [.schoolCode: "3707830005", .absentDays: "0"])
        },
        RuleExample("an attendance row without ID, linked to no one, with the child's name at that school: not phantom", []) {
            $0.child("a"); $0.add(.attendance, "a-row", [.name: "学生a", .schoolCode: "3707830001", .absentDays: "0"])
        },
        RuleExample("school without attendance rows, or 休学 child: nothing", []) {
            $0.child("a", enrolled: "3707830007")
            $0.child("b", seq: 125, status: "休学"); $0.child("c", seq: 127)
            $0.add(.attendance, "c", [.schoolCode: "3707830001", .absentDays: "0"])
        },
        RuleExample("absence list (kind: absences): a pupil missing from it is not phantom, an absence still counts", ["suspected_dropout:b"]) {
            $0.attendanceKind = .absences
            $0.child("a"); $0.child("b", seq: 125)
            $0.add(.attendance, "b", [.schoolCode: "3707830001", .absentDays: "12", .absenceReason: "旷课"])
        },
        RuleExample("kind auto: rows covering 1 of 5 active pupils are an absence list: no phantom", []) {
            $0.attendanceKind = .auto
            for (i, who) in ["a", "b", "c", "d", "e"].enumerated() { $0.child(who, seq: 121 + 2 * i) }
            $0.add(.attendance, "a", [.schoolCode: "3707830001", .absentDays: "3", .absenceReason: "病假"])
        },
        RuleExample("kind auto: rows covering 9 of 10 active pupils are a roster: the tenth is phantom", ["phantom_status:j"]) {
            $0.attendanceKind = .auto
            for (i, who) in ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"].enumerated() {
                $0.child(who, seq: 121 + 2 * i)
                if who != "j" { $0.add(.attendance, who, [.schoolCode: "3707830001", .absentDays: "0"]) }
            }
        },
        RuleExample("dead with active status: deceased_active_status only", ["deceased_active_status:a"]) {
            let n = TestCounty.id("20150302")
            $0.add(.hukou, "a", [.idNumber: n, .registrationStatus: "死亡", .statusDate: "2026-03-01"])
            $0.add(.studentStatus, "a", [.idNumber: n, .schoolCode: "3707830001", .status: "在读"])
            $0.child("b", seq: 125); $0.add(.attendance, "b", [.schoolCode: "3707830001", .absentDays: "0"])
        },
        // 人籍不一致
        RuleExample("学籍 ID with a wrong check character: identity_mismatch", ["identity_mismatch:a"]) {
            $0.child("a")
            var bad = TestCounty.id("20150302", seq: 125)
            bad = String(bad.dropLast()) + (bad.hasSuffix("1") ? "2" : "1")
            $0.add(.studentStatus, "a", [.idNumber: bad, .name: "学生a", .schoolCode: "3707830001", .status: "转出"])
        },
        RuleExample("name, birth date or sex differs from hukou: identity_mismatch", ["identity_mismatch:a", "identity_mismatch:b", "identity_mismatch:c"]) {
            let a = TestCounty.id("20150302"), b = TestCounty.id("20150302", seq: 125), c = TestCounty.id("20150302", seq: 127)
            $0.add(.hukou, "a", [.idNumber: a, .name: "王小明"]); $0.add(.studentStatus, "a", [.idNumber: a, .name: "王晓明", .status: "在读"])
            $0.add(.hukou, "b", [.idNumber: b, .birthDate: "2015-03-02"]); $0.add(.studentStatus, "b", [.idNumber: b, .birthDate: "2015-03-12", .status: "在读"])
            $0.add(.hukou, "c", [.idNumber: c, .sex: "男"]); $0.add(.studentStatus, "c", [.idNumber: c, .sex: "女", .status: "在读"])
        },
        RuleExample("formatting only (full-width ID digits, spaces in the name): nothing", []) {
            let a = TestCounty.id("20150302")
            let wide = String(a.unicodeScalars.map { Character(UnicodeScalar($0.value + 0xFEE0)!) })
            $0.add(.hukou, "a", [.idNumber: a, .name: "王小明", .sex: "男"])
            $0.add(.studentStatus, "a", [.idNumber: wide, .name: "王 小明", .sex: "1", .status: "在读"])
        },
        // 户籍重复
        RuleExample("same ID in two households: duplicate_hukou", ["duplicate_hukou:a"]) {
            $0.child("a"); $0.add(.hukou, "a", [.idNumber: TestCounty.id("20150302"), .householdId: "H9", .registrationStatus: "正常"])
        },
        RuleExample("two IDs, same name, birth date, sex and father: one duplicate_hukou, the unlinked one not not_enrolled", ["duplicate_hukou:a"]) {
            $0.add(.hukou, "a", [.idNumber: TestCounty.id("20150302"), .name: "李娜", .sex: "女", .birthDate: "2015-03-02", .fatherName: "李强", .householdId: "H1"])
            $0.add(.studentStatus, "a", [.idNumber: TestCounty.id("20150302"), .status: "在读"])
            $0.add(.hukou, "a2", [.idNumber: TestCounty.id("20150302", seq: 246), .name: "李娜", .sex: "女", .birthDate: "2015-03-02", .fatherName: "李强", .householdId: "H2"])
        },
        RuleExample("namesakes whose fathers share a name but not an ID: nothing", []) {
            for (who, seq, father) in [("a", 124, "370783199011170552"), ("b", 246, "370783198101201135")] {
                $0.add(.hukou, who, [.idNumber: TestCounty.id("20130527", seq: seq), .name: "刘彤", .sex: "女", .birthDate: "2013-05-27",
                                     .fatherName: "刘俊杰", .fatherId: father, .householdId: "H" + who])
                $0.add(.studentStatus, who, [.idNumber: TestCounty.id("20130527", seq: seq), .status: "在读"])
            }
        },
        RuleExample("two IDs with the same father's ID: duplicate_hukou", ["duplicate_hukou:a"]) {
            for (who, seq) in [("a", 124), ("a2", 246)] {
                $0.add(.hukou, who, [.idNumber: TestCounty.id("20130527", seq: seq), .name: "刘彤", .sex: "女", .birthDate: "2013-05-27",
                                     .fatherName: "刘俊杰", .fatherId: "370783199011170552", .householdId: "H" + who])
            }
            $0.add(.studentStatus, "a", [.idNumber: TestCounty.id("20130527", seq: 124), .status: "在读"])
        },
        RuleExample("twins (same parents and birth date, other names): nothing", []) {
            $0.child("a", name: "张一"); $0.child("b", seq: 125, name: "张二")
        },
        // 残疾儿童未安置
        RuleExample("disabled, school age, no status: disabled_unplaced and not_enrolled, priority", ["disabled_unplaced:a!", "not_enrolled:a!"]) {
            $0.child("a", enrolled: nil); $0.add(.disability, "a", [.placement: ""])
        },
        RuleExample("disabled and placed (随班就读 with active status): nothing", []) {
            $0.child("a"); $0.add(.disability, "a", [.placement: "随班就读"])
        },
        RuleExample("disabled, taught at home (送教上门): not disabled_unplaced", ["not_enrolled:a!"]) {
            $0.child("a", enrolled: nil); $0.add(.disability, "a", [.placement: "送教上门"])
        },
        RuleExample("disabled with a valid 免于入学 exemption: deferred only", ["deferred:a!"]) {
            $0.child("a", enrolled: nil); $0.add(.disability, "a", [:])
            $0.add(.deferral, "a", [.deferralType: "免于入学", .validUntil: "2027-08-31"])
        },
        RuleExample("disabled non-resident (no hukou): disabled_unplaced only", ["disabled_unplaced:a!"]) {
            $0.add(.disability, "a", [.idNumber: TestCounty.id("20150302")])
        },
        // 外地户籍
        RuleExample("non-local child (ID of 510104) with status 辍学: out_of_district, not suspected_dropout", ["out_of_district:a"]) {
            $0.add(.studentStatus, "a", [.idNumber: TestCounty.id("20150302", region: "510104"), .status: "辍学"])
        },
        RuleExample("non-local child enrolled here: nothing", []) {
            $0.add(.studentStatus, "a", [.idNumber: TestCounty.id("20150302", region: "510104"), .status: "在读"])
        },
        // The export vocabulary: other departments' words
        RuleExample("status words 正常在读, 在籍, 休学 are enrolled; 流失 is a dropout; 转学 enrolled elsewhere", ["suspected_dropout:d"]) {
            $0.child("a", status: "正常在读"); $0.child("b", seq: 125, status: "在籍"); $0.child("c", seq: 127, status: "休学")
            $0.child("d", seq: 129, status: "流失"); $0.child("e", seq: 131, status: "转学")
            for who in ["a", "b"] { $0.add(.attendance, who, [.schoolCode: "3707830001", .absentDays: "0"]) }
        },
        RuleExample("absence reasons: 因病请假 and 住院 excuse, 未请假 does not", ["suspected_dropout:c"]) {
            $0.child("a"); $0.add(.attendance, "a", [.schoolCode: "3707830001", .absentDays: "20", .absenceReason: "因病请假"])
            $0.child("b", seq: 125); $0.add(.attendance, "b", [.schoolCode: "3707830001", .absentDays: "20", .absenceReason: "住院治疗"])
            $0.child("c", seq: 127); $0.add(.attendance, "c", [.schoolCode: "3707830001", .absentDays: "20", .absenceReason: "未请假"])
        },
        RuleExample("a status word kcbx does not know is not taken as enrolled", ["not_enrolled:a"]) { $0.child("a", status: "待定") },
        RuleExample("hukou words 在户 resident, 户口迁出 gone, 死亡注销 dead", ["not_enrolled:a"]) {
            $0.add(.hukou, "a", [.idNumber: TestCounty.id("20150302"), .registrationStatus: "在户"])
            $0.add(.hukou, "b", [.idNumber: TestCounty.id("20150302", seq: 125), .registrationStatus: "户口迁出"])
            $0.add(.hukou, "c", [.idNumber: TestCounty.id("20150302", seq: 127), .registrationStatus: "死亡注销"])
        },
        RuleExample("a deferral whose end date cannot be read (99999999) is not valid: not_enrolled", ["not_enrolled:a"]) {
            $0.child("a", enrolled: nil); $0.add(.deferral, "a", [.deferralType: "延缓入学", .validUntil: "99999999"])
        },
        // 重点群体
        RuleExample("welfare (孤儿) or justice record marks priority", ["not_enrolled:a!", "not_enrolled:b!", "not_enrolled:c"]) {
            $0.child("a", enrolled: nil); $0.add(.welfare, "a", [.category: "孤儿"])
            $0.child("b", seq: 125, enrolled: nil); $0.add(.justice, "b", [:])
            $0.child("c", seq: 127, enrolled: nil)
        },
    ]

    @Test(arguments: examples)
    func rule(_ example: RuleExample) {
        var county = TestCounty()
        example.build(&county)
        let result = county.reconcile()
        let found = Set(result.findings.map { "\($0.code.rawValue):\($0.personID.dropFirst(2))\($0.priority ? "!" : "")" })
        #expect(found == example.expected)
        #expect(result.notChecked.isEmpty)
        for f in result.findings {
            #expect(!f.evidence.isEmpty, "\(f.code) has evidence")
            #expect(!f.detail.isEmpty)
            #expect(f.detail.range(of: #"\d{17}[\dX]"#, options: .regularExpression) == nil, "no full ID in \(f.detail)")
        }
    }

    @Test func detailSaysWhyWithTheFieldsThatMatter() throws {
        var county = TestCounty()
        county.child("a", enrolled: nil); county.add(.deferral, "a", [.deferralType: "延缓入学", .validUntil: "2026-08-31"])
        county.child("b", seq: 125); county.add(.attendance, "b", [.schoolCode: "3707830001", .absentDays: "15", .absenceReason: "外出"])
        let findings = Dictionary(uniqueKeysWithValues: county.reconcile().findings.map { ($0.personID, $0) })
        let a = try #require(findings["P-a"]), b = try #require(findings["P-b"])
        #expect(a.detail.contains("出生2015-03-02") && a.detail.contains("2026-08-31") && a.detail.contains("已过期"))
        #expect(a.town == "城关街道")
        #expect(b.detail.contains("缺课 15 天") && b.detail.contains("外出") && b.schoolCode == "3707830001")
        let sources = county.sources
        #expect(a.evidence.map { sources[$0.source].source }.sorted() == ["公安户籍", "延缓入学"])
    }

    @Test("a child a welfare row may be (a namesake left to review) is marked priority, and the finding names the row")
    func possiblePriorityRecord() throws {
        var county = TestCounty()
        county.child("a", enrolled: nil, name: "王梓涵")
        county.child("b", seq: 125, enrolled: nil, name: "李明")
        county.add(.welfare, "w", [.name: "王梓涵", .category: "留守"])
        var index = county.index
        let welfare = county.sources.firstIndex { $0.role == .welfare }!
        index.possibleMatches[RecordRef(source: welfare, record: 0)] = [index.personOf[0][0]]
        let result = ReconcileStage.run(county.sources, index: index, config: TestCounty.config())
        let byPerson = Dictionary(uniqueKeysWithValues: result.findings.filter { $0.code == .notEnrolled }.map { ($0.personID, $0) })
        let a = try #require(byPerson["P-a"]), b = try #require(byPerson["P-b"])
        #expect(a.priority && !b.priority)
        #expect(a.detail.contains("民政有同名记录（王梓涵），未能确认是否本人，请核实，如属本人即为重点群体"), "\(a.detail)")
        #expect(!b.detail.contains("同名记录"))
    }

    @Test func missingRolesAreReportedNotChecked() {
        var county = TestCounty(roles: [.hukou, .studentStatus])
        county.child("a")
        let result = county.reconcile()
        let codes = Set(result.notChecked.map(\.code))
        #expect(codes.isSuperset(of: [.deferred, .phantomStatus, .disabledUnplaced, .suspectedDropout, .notEnrolled]))
        #expect(!codes.contains(.duplicateStatus))
        #expect(result.notChecked.first { $0.code == .phantomStatus }?.reason.contains("学校考勤") == true)

        let hukouOnly = TestCounty(roles: [.hukou]).reconcile()
        #expect(Set(hukouOnly.notChecked.map(\.code)).isSuperset(of: [.notEnrolled, .duplicateStatus, .identityMismatch, .deceasedActiveStatus]))
    }

    @Test func resultRoundTripsThroughTheStore() throws {
        var county = TestCounty()
        county.child("a", enrolled: nil)
        let result = county.reconcile()
        var w = BinaryWriter()
        result.encode(to: &w)
        var r = BinaryReader(w.bytes)
        let back = try ReconcileResult(from: &r)
        #expect(back.findings.map(\.caseID) == result.findings.map(\.caseID))
        #expect(back.findings.map(\.town) == ["城关街道"])
        #expect(back.findings.first?.evidence == result.findings.first?.evidence)
    }

    @Test func caseIDIsStable() {
        #expect(Finding.caseID(code: .notEnrolled, personID: "P0123456789") == Finding.caseID(code: .notEnrolled, personID: "P0123456789"))
        #expect(Finding.caseID(code: .notEnrolled, personID: "P0123456789") != Finding.caseID(code: .deferred, personID: "P0123456789"))
        #expect(Finding.caseID(code: .notEnrolled, personID: "P0123456789").count == 11)
    }
}

/// Reconcile's speed on a large hand-built county (not a unit test): set KCBX_BENCH_CHILDREN, build in release.
@Suite struct ReconcileBench {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["KCBX_BENCH_CHILDREN"] != nil))
    func reconcileLargeCounty() throws {
        let n = Int(ProcessInfo.processInfo.environment["KCBX_BENCH_CHILDREN"] ?? "") ?? 100_000
        var county = TestCounty()
        var rng = SystemRandomNumberGenerator()
        let built = Date()
        for i in 0..<n {
            let who = String(i)
            let birth = CivilDate(daysSinceEpoch: CivilDate(iso: "2010-01-01")!.daysSinceEpoch + i % 4000)
            let b = String(format: "%04d%02d%02d", birth.year, birth.month, birth.day)
            let number = TestCounty.id(b, seq: i / 4000 % 1000)
            let school = String(3707830000 + i % 300)
            county.add(.hukou, who, [.idNumber: number, .name: "学生\(i)", .registrationStatus: "正常", .town: "镇\(i % 12)", .householdId: "H\(i)"])
            if i % 100 != 0 { county.add(.studentStatus, who, [.idNumber: number, .schoolCode: school, .status: "在读"]) }
            if i % 10 != 0 { county.add(.attendance, who, [.idNumber: number, .schoolCode: school, .absentDays: String(Int.random(in: 0...12, using: &rng))]) }
            if i % 20 == 0 { county.add(.poverty, who, [.idNumber: number, .status: "在校"]) }
            if i % 100 == 7 { county.add(.disability, who, [.idNumber: number, .placement: "随班就读"]) }
        }
        let index = county.index
        let records = county.sources.reduce(0) { $0 + $1.records.count }
        print("built \(n) children, \(records) records, \(index.persons.count) persons in \(String(format: "%.1f", Date().timeIntervalSince(built))) s")
        let started = Date()
        let result = ReconcileStage.run(county.sources, index: index, config: TestCounty.config())
        let seconds = Date().timeIntervalSince(started)
        print("reconcile: \(String(format: "%.2f", seconds)) s for \(index.persons.count) persons, \(result.findings.count) findings, peak \(peakMemoryMiB()) MiB")
        let ledgerStarted = Date()
        let changed = LedgerBook.update(period: "2026-11", config: TestCounty.config(), result: result, sources: county.sources, index: index,
                                        cases: [], periods: [:])
        print("ledger update: \(String(format: "%.2f", Date().timeIntervalSince(ledgerStarted))) s for \(changed.count) cases")
        #expect(!result.findings.isEmpty)
    }
}

/// The rules alone, on a synthetic county with the true person index (not a unit test): set
/// KCBX_ORACLE_COUNTY (a `kcbx synth` folder) and KCBX_ORACLE_STORE (the store of a run on it, at least
/// to normalize). Prints precision and recall per code, so rule errors show apart from linkage errors.
@Suite struct ReconcileOracle {
    static let env = ProcessInfo.processInfo.environment

    @Test(.enabled(if: env["KCBX_ORACLE_COUNTY"] != nil && env["KCBX_ORACLE_STORE"] != nil))
    func rulesOnTheTrueIndex() throws {
        let county = URL(fileURLWithPath: Self.env["KCBX_ORACLE_COUNTY"]!)
        let store = try Store(url: URL(fileURLWithPath: Self.env["KCBX_ORACLE_STORE"]!))
        let config = try PipelineFile.load(county.appendingPathComponent("pipeline.yaml"))
        let period = PipelineConfig.period(of: config.asOf)
        let sources = try StoredResults(store: store, period: period).loadNormalized()
        let truth = county.appendingPathComponent("truth")
        var key: [String: String] = [:]
        for row in try TestSupport.csvRows(truth.appendingPathComponent("records.csv")).dropFirst() { key[row[0] + "#" + row[1]] = row[2] }
        // The true index: records grouped by person_key (the school directory, which has none, one person per record).
        var persons: [PersonIndex.Person] = [], position: [String: Int32] = [:], personOf: [[Int32]] = []
        for (s, source) in sources.enumerated() {
            personOf.append(source.records.enumerated().map { i, r in
                let k = key["\(source.source)#\(r.recordNumber)"] ?? "record:\(s)#\(i)"
                if let p = position[k] { persons[Int(p)].members.append(RecordRef(source: s, record: i)); return p }
                position[k] = Int32(persons.count)
                persons.append(.init(id: k, members: [RecordRef(source: s, record: i)]))
                return Int32(persons.count - 1)
            })
        }
        let index = PersonIndex(personOf: personOf, rule: personOf.map { $0.map { _ in .exactID } },
                                probability: personOf.map { $0.map { _ in 1 } }, persons: persons)
        let started = Date()
        let result = ReconcileStage.run(sources, index: index, config: config)
        print("reconcile on the true index: \(String(format: "%.2f", Date().timeIntervalSince(started))) s, \(result.findings.count) findings")
        var expected = Set<String>(), priority = Set<String>()
        for row in try TestSupport.csvRows(truth.appendingPathComponent("findings.csv")).dropFirst() {
            expected.insert(row[0] + "|" + row[1]); if row[4] == "true" { priority.insert(row[0] + "|" + row[1]) }
        }
        let found = Set(result.findings.map { $0.code.rawValue + "|" + $0.personID })
        let foundPriority = Set(result.findings.filter(\.priority).map { $0.code.rawValue + "|" + $0.personID })
        for code in FindingCode.allCases {
            let t = expected.filter { $0.hasPrefix(code.rawValue + "|") }, f = found.filter { $0.hasPrefix(code.rawValue + "|") }
            print("\(code.rawValue)\tprecision \(f.isEmpty ? 1 : Double(t.intersection(f).count) / Double(f.count))\trecall \(t.isEmpty ? 1 : Double(t.intersection(f).count) / Double(t.count))\t\(f.count)/\(t.count)")
            for miss in t.subtracting(f).sorted().prefix(3) { print("  missed \(miss)") }
            for extra in f.subtracting(t).sorted().prefix(3) {
                print("  extra \(extra): \(result.findings.first { $0.code.rawValue + "|" + $0.personID == extra }?.detail ?? "")")
            }
        }
        print("priority: recall \(Double(priority.intersection(found).count) / Double(max(1, priority.count))), flagged wrongly \(foundPriority.subtracting(priority).count)")
    }
}
