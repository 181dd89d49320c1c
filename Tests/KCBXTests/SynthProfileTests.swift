import Foundation
import KCBXCore
import KCBXFormats
import KCBXLedger
import KCBXNormalize
@testable import KCBXSynth
import Testing

/// `kcbx synth --profile`: the standard county is the one it always was; `elsewhere` writes exports made
/// with other departments' habits, and its truth follows what was written.
@Suite(.serialized) struct SynthProfileTests {
    static func county(children: Int, seed: UInt64, profile: SynthProfile) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcbx-synth-\(profile.name)-\(UUID().uuidString)")
        _ = try Synthesizer.run(SynthOptions(children: children, seed: seed, output: dir,
                                             asOf: CivilDate(year: 2026, month: 11, day: 30)!, errorRate: 1, profile: profile))
        return dir
    }

    /// A county of 20,000 children written with every habit of elsewhere (written once).
    static let elsewhere: URL = try! county(children: 20000, seed: 20261130, profile: .elsewhere)
    static let layout = Layout(.elsewhere)

    /// Every row of a source of the elsewhere county, as dictionaries keyed by header.
    static func table(_ dir: URL, _ path: String, layout: Layout = layout) throws -> [[String: String]] {
        let url = dir.appendingPathComponent(path)
        let reader: RowReader
        if path.hasSuffix(".xml") {
            reader = try XMLRecordReader(url: url, record: "学生", fields: layout.status.map(\.header) + ["@学校标识码"])
        } else if path.hasSuffix(".xlsx") {
            reader = try XLSXReader(url: url, sheet: "监测户成员")
        } else {
            reader = try CSVReader(url: url)
        }
        var rows: [[String: String]] = []
        while let row = try reader.next() {
            #expect(row.problem == nil)
            rows.append(Dictionary(uniqueKeysWithValues: zip(reader.header, row.values)))
        }
        return rows
    }

    static func truth(_ dir: URL, _ name: String) throws -> [[String: String]] { try table(dir, "truth/" + name) }

    /// person_key of each record of `source`, in record order.
    static func owners(_ dir: URL, _ source: String) throws -> [String] {
        try truth(dir, "records.csv").filter { $0["source"] == source }.map { $0["person_key"]! }
    }

    static func codes(_ dir: URL) throws -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for f in try truth(dir, "findings.csv") { out[f["person_key"]!, default: []].insert(f["code"]!) }
        return out
    }

    // MARK: standard

    /// The committed sample is `kcbx synth --children 5000 --seed 20261130`: the standard profile writes it
    /// again, file for file (the poverty workbook cell for cell: its row heights follow the sheet writer).
    @Test func theStandardProfileWritesTheCommittedSampleAgain() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-data")
        let dir = try Self.county(children: 5000, seed: 20261130, profile: .standard)
        defer { try? FileManager.default.removeItem(at: dir) }
        let names = SynthTests.files(dir)
        #expect(names.count == 13)
        for name in names where name != Exports.Path.poverty {
            let a = try Data(contentsOf: dir.appendingPathComponent(name)), b = try Data(contentsOf: sample.appendingPathComponent(name))
            #expect(a == b, "\(name) differs from sample-data")
        }
        let std = Layout(.standard)
        let poverty = try Self.table(dir, Exports.Path.poverty, layout: std)
        #expect(poverty.filter { !($0[Layout.phoneHeader] ?? "").isEmpty }.count > poverty.count / 2, "most poverty rows carry a 联系电话")
        #expect(poverty == (try Self.table(sample, Exports.Path.poverty, layout: std)))
        let yaml = try String(contentsOf: dir.appendingPathComponent("pipeline.yaml"), encoding: .utf8)
        #expect(!yaml.contains("kind:"))
    }

    @Test func aProfileAndASeedWriteByteIdenticalFiles() throws {
        let a = try Self.county(children: 800, seed: 5, profile: .elsewhere), b = try Self.county(children: 800, seed: 5, profile: .elsewhere)
        defer { for d in [a, b] { try? FileManager.default.removeItem(at: d) } }
        for name in SynthTests.files(a) {
            #expect(try Data(contentsOf: a.appendingPathComponent(name)) == (try Data(contentsOf: b.appendingPathComponent(name))), "\(name)")
        }
        #expect(SynthProfile.named("elsewhere") == .elsewhere && SynthProfile.named("no-ids")?.idLess == true && SynthProfile.named("x") == nil)
    }

    // MARK: elsewhere

    @Test func thePipelineFileMapsTheOtherHeadersAndSaysKindAuto() throws {
        let config = try PipelineFile.load(Self.elsewhere.appendingPathComponent("pipeline.yaml"))
        let attendance = try #require(config.sources.first { $0.role == .attendance })
        #expect(attendance.attendanceKind == .auto)
        let hukou = try #require(config.sources.first { $0.role == .hukou })
        #expect(hukou.header(for: .idNumber) == "身份证号码" && hukou.header(for: .registrationStatus) == "人口状态")
        #expect(attendance.header(for: .absentDays) == "缺勤天数")
        let status = try #require(config.sources.first { $0.role == .studentStatus })
        #expect(status.header(for: .name) == "学生姓名" && status.header(for: .sex) == "性别代码" && status.header(for: .status) == "学生状态")
    }

    /// Most schools send only the pupils absent in the period; a few a full roster with 0-day rows; some nothing.
    @Test func mostSchoolsSendAnAbsenceList() throws {
        let rows = try Self.table(Self.elsewhere, Exports.Path.attendance)
        var zero: [String: Int] = [:], all: [String: Int] = [:]
        for r in rows {
            all[r["学校标识码"]!, default: 0] += 1
            if r["缺勤天数"] == "0" { zero[r["学校标识码"]!, default: 0] += 1 }
        }
        let schools = try Self.table(Self.elsewhere, Exports.Path.schools).map { $0["学校标识码"]! }
        let rosters = all.keys.filter { (zero[$0] ?? 0) > 0 }, lists = all.keys.filter { zero[$0] == nil }
        #expect(rosters.count >= 2 && lists.count > rosters.count)
        #expect(schools.filter { all[$0] == nil }.count >= 1, "no school sends nothing")
        // An absence list names only pupils with days absent; a roster nearly everyone.
        #expect(rows.filter { lists.contains($0["学校标识码"]!) }.allSatisfy { (Int($0["缺勤天数"]!) ?? 0) > 0 })
    }

    /// 空挂学籍 is a finding at a roster school only; there are still some in the truth.
    @Test func phantomStatusIsAFindingOnlyAtARosterSchool() throws {
        let rows = try Self.table(Self.elsewhere, Exports.Path.attendance)
        let rosters = Set(rows.filter { $0["缺勤天数"] == "0" }.map { $0["学校标识码"]! })
        let phantoms = try Self.truth(Self.elsewhere, "findings.csv").filter { $0["code"] == "phantom_status" }
        #expect(phantoms.count >= 5)
        for p in phantoms {
            // "active status at S with no attendance" or "registered at S, attends T".
            let school = try #require(p["detail"]!.split(separator: " ").first { $0.count == 10 && $0.hasPrefix("2137") }.map(String.init))
            #expect(rosters.contains(school), "phantom at \(school), which sends no roster")
        }
    }

    /// A pupil enrolled on the number of a local child who has no 学籍 record: the holder is not enrolled,
    /// the borrower (a person of their own) an identity mismatch, never a duplicate status. A parent's number
    /// in a child's row is the child's mismatch, nothing for the parent.
    @Test func borrowedIDsAreInTheTruth() throws {
        let persons = Dictionary(uniqueKeysWithValues: try Self.truth(Self.elsewhere, "persons.csv").map { ($0["person_key"]!, $0) })
        var byID: [String: String] = [:]
        for (k, p) in persons where !p["id_number"]!.isEmpty { byID[p["id_number"]!] = k }
        let codes = try Self.codes(Self.elsewhere)
        let owners = try Self.owners(Self.elsewhere, SourceName.status)
        var borrowed = 0, parents = 0
        for (row, owner) in zip(try Self.table(Self.elsewhere, Exports.Path.status), owners) {
            guard let id = WrittenForm.validID(row["公民身份证号"]!), let holder = byID[id], holder != owner else { continue }
            let me = codes[owner] ?? []
            #expect(me.contains("identity_mismatch") && !me.contains("duplicate_status"))
            if persons[holder]!["kind"] == "child" {
                borrowed += 1
                #expect(codes[holder] == ["not_enrolled"], "holder \(holder): \(codes[holder] ?? [])")
                #expect(persons[owner]!["kind"] == "child" && persons[owner]!["birth_date"]!.prefix(4) != persons[holder]!["birth_date"]!.prefix(4))
                #expect(row["学生姓名"] != persons[holder]!["name"])
            } else {
                parents += 1
                #expect(persons[holder]!["kind"] == "parent" && codes[holder] == nil)
            }
        }
        #expect(borrowed >= 5 && parents >= 3, "\(borrowed) borrowed, \(parents) parents' numbers")
    }

    /// Rows without an ID number in every source but hukou and 学籍 (whose rule stays the L number), the rest
    /// of the row kept; planted findings' records among them.
    @Test(arguments: [
        (Exports.Path.deferral, "身份证号码", 0.06), (Exports.Path.poverty, "身份证号码", 0.03), (Exports.Path.welfare, "证件号码", 0.05),
        (Exports.Path.disability, "残疾证号", 0.05), (Exports.Path.justice, "公民身份证号", 0.05), (Exports.Path.attendance, "证件号码", 0.10),
    ])
    func rowsWithoutAnIDNumberInEachSource(path: String, column: String, rate: Double) throws {
        let rows = try Self.table(Self.elsewhere, path)
        let empty = rows.filter { ($0[column] ?? "x").isEmpty }
        #expect(Double(empty.count) > Double(rows.count) * rate * 0.5 && Double(empty.count) < Double(rows.count) * rate * 2,
                "\(path): \(empty.count) of \(rows.count) without ID")
        #expect(empty.allSatisfy { !($0.first { $0.key.contains("姓名") }?.value ?? "").isEmpty })
        if path != Exports.Path.poverty && path != Exports.Path.attendance {
            #expect(empty.allSatisfy { !($0["出生日期"] ?? $0["出生年月日"] ?? $0["出生年月"] ?? "").isEmpty }, "\(path): a birth date to link on")
        }
    }

    @Test func anIDLessDeferralRowStillMakesItsChildDeferred() throws {
        let rows = try Self.table(Self.elsewhere, Exports.Path.deferral)
        let owners = try Self.owners(Self.elsewhere, SourceName.deferral)
        let codes = try Self.codes(Self.elsewhere)
        let idless = zip(rows, owners).filter { $0.0["身份证号码"]!.isEmpty && $0.0["类型"] == "延缓入学" }
        #expect(idless.contains { codes[$0.1]?.contains("deferred") == true })
        #expect(idless.allSatisfy { !$0.0["监护人"]!.isEmpty && !$0.0["乡镇"]!.isEmpty })
    }

    /// Other words, date forms and sex codes; the truth reads them for what they mean (流失 is a dropout,
    /// 转学 a transfer, 因病请假 an excused absence).
    @Test func otherWordsDatesAndSexCodesMeanWhatTheySay() throws {
        let status = try Self.table(Self.elsewhere, Exports.Path.status)
        let words = Set(status.map { $0["学生状态"]! })
        for w in ["正常在读", "在籍", "在校", "流失", "转学", "休学", "毕业"] { #expect(words.contains(w), "no 学籍 status \(w)") }
        #expect(Set(status.map { $0["性别代码"]! }) == ["1", "2"])
        #expect(status.allSatisfy { $0["出生年月日"]!.contains("年") || $0["出生年月日"]!.allSatisfy(\.isNumber) || $0["出生年月日"]!.contains(where: { "/.-".contains($0) }) })
        let owners = try Self.owners(Self.elsewhere, SourceName.status)
        let codes = try Self.codes(Self.elsewhere)
        let lost = zip(status, owners).filter { $0.0["学生状态"] == "流失" }.map(\.1)
        #expect(lost.contains { codes[$0]?.contains("suspected_dropout") == true || codes[$0]?.contains("out_of_district") == true })
        let hukouWords = Set(try Self.table(Self.elsewhere, Exports.Path.hukou).map { $0["人口状态"]! })
        for w in ["正常", "在户", "户口迁出", "死亡注销"] { #expect(hukouWords.contains(w), "no hukou status \(w)") }
        let attendance = try Self.table(Self.elsewhere, Exports.Path.attendance)
        let attOwners = try Self.owners(Self.elsewhere, SourceName.attendance)
        let sick = zip(attendance, attOwners).filter { $0.0["缺勤原因"] == "因病请假" && Int($0.0["缺勤天数"]!)! >= 10 }
        #expect(!sick.isEmpty && sick.allSatisfy { codes[$0.1]?.contains("suspected_dropout") != true })
        #expect(attendance.allSatisfy { DateParser.parse($0["最后到校日期"]!) != .empty })
    }

    /// Every record of every source is listed in records.csv, and every planted code is still there.
    @Test func theElsewhereTruthIsComplete() throws {
        let records = try Self.truth(Self.elsewhere, "records.csv")
        for (source, path) in [(SourceName.hukou, Exports.Path.hukou), (SourceName.status, Exports.Path.status),
                               (SourceName.poverty, Exports.Path.poverty), (SourceName.disability, Exports.Path.disability),
                               (SourceName.welfare, Exports.Path.welfare), (SourceName.justice, Exports.Path.justice),
                               (SourceName.attendance, Exports.Path.attendance), (SourceName.deferral, Exports.Path.deferral)] {
            #expect(records.filter { $0["source"] == source }.count == (try Self.table(Self.elsewhere, path)).count, "\(source)")
        }
        let codes = Set(try Self.truth(Self.elsewhere, "findings.csv").map { $0["code"]! })
        for code in FindingCode.allCases { #expect(codes.contains(code.rawValue), "no \(code.rawValue)") }
    }
}
