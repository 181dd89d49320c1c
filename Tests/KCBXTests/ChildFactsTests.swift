import Foundation
import Testing
@testable import KCBXCore
@testable import KCBXLink
@testable import KCBXNormalize
@testable import KCBXPipeline
@testable import KCBXReconcile
@testable import KCBXReport

/// One reading of a child (``ChildFacts``): where reconcile and report used to read a child's records
/// apart and disagree — the birth date taken from the ID number, a deferral's 有效期至 on the as-of date,
/// the town — the findings, the bulletin's population and the lists now say the same.
@Suite struct ChildFactsTests {
    /// As of 2026-11-30 (cohort born 2011-09-01 … 2020-08-31).
    static let asOf = ReportFixture.asOf

    /// Reconciles `b`'s records and reads them as the report does: the findings, the population and the roster.
    static func read(_ b: ReportFixture.Builder) -> (findings: [Finding], population: Population, roster: Roster, input: ReportInput) {
        let config = ReportFixture.config()
        let index = b.index()
        let result = ReconcileStage.run(b.sources, index: index, config: config)
        let input = ReportInput(config: config, period: "2026-11", sources: b.sources, index: index, reconcile: result, manifest: .test)
        let people = PersonView(input)
        let dropouts = Set(result.findings.filter { $0.code == .suspectedDropout }.map(\.personID))
        return (result.findings, Population(input, dropouts: dropouts), Roster(input, people), input)
    }

    static func directory(_ b: inout ReportFixture.Builder) {
        _ = b.add(3, id: nil, name: nil, sex: nil, birth: nil, values: ["3707830001", "城关镇中心小学", "城关镇"])
        _ = b.add(3, id: nil, name: nil, sex: nil, birth: nil, values: ["3707830002", "河口镇中学", "河口镇"])
    }

    /// A resident child without any 学籍 whose hukou 出生日期 cell reads `cell` (parsed as `birth`).
    @Test(arguments: [
        // readable: counted, as before
        ("2015-03-02", "2015-03-02", true, true),
        // unreadable, valid ID: the ID's date (2015-03-02) — not_enrolled, and now in the bulletin's denominators and on the roster
        ("99999999", nil, true, true),
        // unreadable, no ID: no birth date, so not school age anywhere
        ("99999999", nil, false, false),
    ] as [(String, String?, Bool, Bool)])
    func birthDateFromTheIDNumberWhenTheCellCannotBeRead(cell: String, birth: String?, withID: Bool, counted: Bool) throws {
        var b = ReportFixture.Builder()
        Self.directory(&b)
        let id = ReportFixture.idNumber("2015-03-02", 31)
        b.person("C1", [b.add(0, id: withID ? id : nil, name: "郑一", sex: .male, birth: birth,
                              values: [withID ? id : "", "郑一", "男", cell, "H1", "城关镇", "正常", "", ""])])
        let (findings, population, roster, _) = Self.read(b)
        #expect(findings.contains { $0.code == .notEnrolled && $0.personID == "C1" } == counted)
        #expect(population.district.schoolAge == (counted ? 1 : 0))
        #expect(population.district.primary.due == (counted ? 1 : 0))
        #expect(population.byTown["城关镇"]?.primary.due ?? 0 == (counted ? 1 : 0))
        let listed = roster.towns.flatMap(\.entries)
        #expect(listed.count == (counted ? 1 : 0))
        #expect(listed.allSatisfy { $0.status == .notEnrolled })
    }

    /// A resident school-age child without 学籍 and a 延缓入学 approval valid until `until`.
    @Test(arguments: [
        ("2026-11-30", true),    // the as-of date itself: valid
        ("2026-11-29", false),   // the day before: expired
        ("2026年11月30日", true), // another date form, read the same everywhere
        ("", true),              // no end
        ("99999999", false),     // unreadable: not valid (the detail says so)
    ])
    func deferralValidUntilTheAsOfDate(until: String, valid: Bool) throws {
        var b = ReportFixture.Builder()
        Self.directory(&b)
        b.sources.append(NormalizedSource(source: "缓学免学", role: .deferral, fields: [.idNumber, .name, .deferralType, .validUntil],
                                          records: [], rejects: []))
        let id = ReportFixture.idNumber("2016-04-04", 41)
        b.person("C1", [b.hukou(id, "钱二", .female, "2016-04-04", household: "H1", town: "河口镇"),
                        b.add(4, id: id, name: "钱二", sex: nil, birth: nil, values: [id, "钱二", "延缓入学", until])])
        let (findings, population, roster, _) = Self.read(b)
        #expect(findings.map(\.code) == [valid ? .deferred : .notEnrolled])
        #expect(population.district.deferred == (valid ? 1 : 0))
        #expect(population.district.primary.due == (valid ? 0 : 1))
        #expect(roster.towns.flatMap(\.entries).map(\.status) == [valid ? .deferred : .notEnrolled])
    }

    /// The town of a child: the hukou record's, whatever the school; for a pupil no hukou record places,
    /// the school directory's town of the school; else 未知镇街. The bulletin and the lists agree.
    @Test(arguments: [
        (true, "3707830002", "城关镇"),    // hukou 城关镇, school in 河口镇: 城关镇
        (false, "3707830002", "河口镇"),   // no hukou: the school's town
        (false, "3707839999", "未知镇街"), // no hukou, school not in the directory
    ])
    func townFromHukouElseTheSchool(hukou: Bool, school: String, town: String) throws {
        var b = ReportFixture.Builder()
        Self.directory(&b)
        let id = ReportFixture.idNumber("2014-05-05", 51)
        var members = [b.student(id, "孙三", .male, "2014-05-05", school: school)]
        if hukou { members.insert(b.hukou(id, "孙三", .male, "2014-05-05", household: "H1", town: "城关镇"), at: 0) }
        b.person("C1", members)
        let (_, population, roster, input) = Self.read(b)
        // A pupil of grade 3: counted at the primary level, in the child's town.
        #expect(population.byTown[town]?.primary.pupils == 1)
        #expect(population.byTown.count == 1)
        let entries = roster.towns.filter { !$0.entries.isEmpty }
        #expect(entries.map(\.town) == [town])
        let people = PersonView(input)
        #expect(entries.first.map { ChildLine(people.children[Int($0.entries[0].row)]).person.town } == town)
    }
}
