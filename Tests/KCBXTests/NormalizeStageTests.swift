import Testing
@testable import KCBXNormalize
import KCBXCore

/// Towns, school codes and record-level checks of the normalize stage.
@Suite struct NormalizeStageTests {
    static let towns = TownMatcher(towns: ["城关街道", "城关镇", "龙泉镇", "石门乡", "柳林街道"], districtName: "示例县")

    /// Millions of normalized records are held at once: a field added or moved that grows the record
    /// costs memory in every run (3.6 million records at 1M children: 8 bytes each are 29 MB).
    @Test func aNormalizedRecordStaysTwoHundredBytes() {
        #expect(MemoryLayout<NormalizedRecord>.stride == 200)
    }

    @Test(arguments: [("城关镇", "城关镇"), ("城关街道", "城关街道"), ("城关街道办事处", "城关街道"), ("城关街道办", "城关街道"),
                      ("龙泉", "龙泉镇"), ("龙泉镇", "龙泉镇"), ("龙 泉 镇", "龙泉镇"), ("示例县龙泉镇", "龙泉镇"),
                      ("石门", "石门乡"), ("石门民族乡", "石门乡"), ("柳林", "柳林街道"), ("柳林办事处", "柳林街道")])
    func townsMatchTheList(_ raw: String, _ town: String) { #expect(Self.towns.match(raw) == town) }

    /// 城关 alone could be 城关镇 or 城关街道: no guess.
    @Test(arguments: ["城关", "东风镇", "", "龙"])
    func unknownOrAmbiguousTowns(_ raw: String) { #expect(Self.towns.match(raw) == nil) }

    @Test(arguments: [("3137000123", "3137000123"), ("３１３７０００１２３", "3137000123"), ("3137 000 123", "3137000123"),
                      ("3137000123.0", "3137000123")])
    func schoolCodes(_ raw: String, _ code: String) { #expect(SchoolCode.normalize(raw) == code) }

    @Test(arguments: ["313700012", "31370001234", "3137A00123", "学校"])
    func malformedSchoolCodes(_ raw: String) { #expect(SchoolCode.normalize(raw) == nil) }

    static let fields: [CanonicalField] = [.idNumber, .name, .sex, .birthDate, .town, .schoolCode, .studentNumber]

    static func run(_ rows: [[String]], role: SourceRole = .studentStatus) -> NormalizedSource {
        let table = SourceTable(source: "学籍", role: role, fields: fields,
                                records: rows.enumerated().map { RawRecord(recordNumber: $0.offset + 1, line: $0.offset + 2, values: $0.element) })
        let schools = SourceTable(source: "学校", role: .schools, fields: [.schoolCode, .schoolName],
                                  records: [RawRecord(recordNumber: 1, line: 2, values: ["3137000123", "示例县实验小学"])])
        let context = NormalizeStage.Context(tables: [table, schools], towns: towns)
        return NormalizeStage.run([table, schools], context: context)[0]
    }

    @Test func cleanRecord() {
        let s = Self.run([["370783201203051232", "张伟", "男", "2012-03-05", "龙泉", "3137000123", "G370783201203051232"]])
        let r = s.records[0]
        #expect(r.id?.kind == .resident)
        #expect(r.name?.pinyin == "zhangwei")
        #expect(r.sex == .male && r.birthDate == CivilDate(year: 2012, month: 3, day: 5))
        #expect(r.town == "龙泉镇" && r.schoolCode == "3137000123")
        #expect(r.studentNumber == "G370783201203051232")
        #expect(r.flags.isEmpty && r.notes.isEmpty)
    }

    /// The ID says 2012-03-05, male; the record says otherwise: both kept, the disagreement recorded.
    @Test func disagreementsAreRecordedNotFixed() {
        let r = Self.run([["370783201203051232", "张伟", "女", "2012年3月6日", "龙泉镇", "3137000123", ""]]).records[0]
        #expect(r.birthDate == CivilDate(year: 2012, month: 3, day: 6))
        #expect(r.sex == .female)
        #expect(r.flags == [.birthDateDisagreesWithID, .sexDisagreesWithID])
        #expect(r.notes.contains("出生日期 2012-03-06 disagrees with the ID number's 2012-03-05"))
        #expect(r.notes.contains("性别 女 disagrees with the ID number's 男"))
        #expect(r.notes.allSatisfy { !$0.contains("370783201203051232") })
    }

    /// A birth date written but unreadable stays unknown, flagged; a blank one is the ID's.
    @Test(arguments: ["2012-13-45", "99999999", "二〇一二年"])
    func anUnreadableBirthDateIsNotTakenFromTheID(_ written: String) {
        let s = Self.run([["370783201203051232", "张伟", "男", written, "龙泉镇", "3137000123", ""],
                          ["370783201203051232", "张伟", "男", "", "龙泉镇", "3137000123", ""]])
        #expect(s.records[0].birthDate == nil)
        #expect(s.records[0].flags.contains(.birthDateUnreadable))
        #expect(s.records[1].birthDate == CivilDate(year: 2012, month: 3, day: 5))
        #expect(!s.records[1].flags.contains(.birthDateUnreadable))
    }

    @Test func unknownTownAndSchoolAreNotes() {
        let s = Self.run([["370783201203051232", "张伟", "男", "", "东风镇", "3137999999", ""],
                          ["370783201203051232", "张伟", "男", "", "", "31370001", ""]])
        #expect(s.rejects.isEmpty)
        #expect(s.records[0].flags == [.unknownTown, .unknownSchool])
        #expect(s.records[0].town == nil && s.records[0].schoolCode == "3137999999")
        #expect(s.records[0].notes.contains("镇街 \"东风镇\" is not one of the district's towns"))
        #expect(s.records[0].notes.contains("学校标识码 3137999999 is not in the school directory"))
        #expect(s.records[1].notes.contains("学校标识码 \"31370001\" is not a 10-digit code"))
        #expect(s.records[0].birthDate == CivilDate(year: 2012, month: 3, day: 5))  // from the ID when the record has none
    }

    @Test func idFromStudentNumberAndDocumentDisagreement() {
        let s = Self.run([["", "李强", "男", "", "", "", "G37078320120305103x"],
                          ["370783201203051232", "张伟", "", "", "", "", "G37078320120305103X"],
                          ["", "王小明", "", "", "", "", "L20120305001"]])
        #expect(s.records[0].id?.normalized == "37078320120305103X")
        #expect(s.records[0].notes == ["ID: lowercase_x"])
        #expect(s.records[1].flags == [.documentDisagreesWithID])
        #expect(s.records[2].id == nil && s.records[2].studentNumber == "L20120305001")
    }

    @Test func rowsWithNothingToIdentifyAreRejected() {
        let s = Self.run([["无", "不详", "男", "", "", "", ""], ["", "某某", "", "", "", "", ""], ["3.70783E+17", "", "", "", "", "", ""]])
        #expect(s.rejects.map(\.recordNumber) == [1, 2])
        #expect(s.records.count == 1 && s.records[0].id?.kind == .damaged)
        #expect(s.rowsRead == 3)
    }

    @Test func binaryRoundTrip() {
        let s = Self.run([["370783201203051232", "王小明（曾用名王明）", "女", "2012-03-06", "东风镇", "3137000123", "G370783201203051232"]])
        var w = BinaryWriter()
        s.encode(to: &w)
        var r = BinaryReader(w.bytes)
        let back = try? NormalizedSource(from: &r)
        let a = s.records[0], b = back?.records[0]
        #expect(b?.id == a.id && b?.name == a.name && b?.notes == a.notes && b?.flags == a.flags)
        #expect(b?.town == a.town && b?.schoolCode == a.schoolCode && b?.birthDate == a.birthDate)
    }
}
