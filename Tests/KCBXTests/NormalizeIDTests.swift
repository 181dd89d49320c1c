import Testing
@testable import KCBXNormalize
import KCBXCore

/// 公民身份号码 parsing: the check character first, then every messy form departments send.
@Suite struct NormalizeIDTests {
    /// GB 11643-1999's own examples: the check character is computed, not looked up.
    @Test(arguments: ["11010519491231002X", "440524188001010014"])
    func knownValidNumbersPassTheirCheck(_ id: String) {
        #expect(IDNumber.checkCharacter(of: id.prefix(17)) == id.last)
    }

    @Test func validResidentNumber() {
        let parsed = IDNumber.parse("11010519491231002X")
        #expect(parsed.kind == .resident)
        #expect(parsed.defects.isEmpty)
        #expect(parsed.normalized == "11010519491231002X")
        #expect(parsed.isValid)
    }

    /// The standard's 1880 example passes its check but is born before 1900: not a child's number.
    @Test func birthBefore1900IsABadBirthDate() {
        let parsed = IDNumber.parse("440524188001010014")
        #expect(parsed.kind == .invalid)
        #expect(parsed.defects == [.badBirthDate])
    }

    @Test(arguments: ["1101051949123100", "11010519491231002A", "１１０１０５１９４９１２３１００２"])
    func checkCharacterNeedsSeventeenASCIIDigits(_ text: String) {
        #expect(IDNumber.checkCharacter(of: text) == nil)
    }

    @Test func embeddedFields() {
        let id = IDNumber.parse("11010519491231002X")
        #expect(id.birthDate == CivilDate(year: 1949, month: 12, day: 31))
        #expect(id.sex == .female)
        #expect(id.regionCode == "110105")
    }

    @Test(arguments: [("男", Sex.male), ("女", .female), ("1", .male), ("2", .female), ("M", .male), ("f", .female),
                      ("male", .male), ("Female", .female), ("男性", .male), ("女性", .female), ("１", .male), ("Ｆ", .female),
                      (" 男 ", .male), ("m", .male), ("F", .female), ("Ｍ", .male), ("男\t", .male)] as [(String, Sex)])
    func sexValues(_ raw: String, _ sex: Sex) { #expect(Sex.parse(raw) == sex) }

    @Test(arguments: ["0", "9", "未知", "", "不详", "x", "０", "未说明的性别", "男女"])
    func unknownSex(_ raw: String) { #expect(Sex.parse(raw) == nil) }
}

/// Every messy form an ID number arrives in, with what it must become. The check characters of the
/// literals below were computed with `IDNumber.checkCharacter`, tested above against GB 11643's examples
/// (`fixturesCarryTheirCheckCharacters` re-checks them).
@Suite struct NormalizeIDFormTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let raw: String, kind: IDNumber.Kind, normalized: String, defects: [IDNumber.Defect]
        var testDescription: String { raw }
    }

    static let cases: [Case] = [
        .init(raw: "370783201203051232", kind: .resident, normalized: "370783201203051232", defects: []),
        .init(raw: "３７０７８３２０１２０３０５１２３２", kind: .resident, normalized: "370783201203051232", defects: [.fullWidthCharacters]),
        .init(raw: "370783 2012 0305 103x", kind: .resident, normalized: "37078320120305103X", defects: [.whitespaceOrSeparators, .lowercaseX]),
        .init(raw: "３７０７８３２０１２０３０５１０３ｘ", kind: .resident, normalized: "37078320120305103X", defects: [.fullWidthCharacters, .lowercaseX]),
        .init(raw: "370783-20120305-1232", kind: .resident, normalized: "370783201203051232", defects: [.whitespaceOrSeparators]),
        .init(raw: "370783　20120305　1232", kind: .resident, normalized: "370783201203051232", defects: [.whitespaceOrSeparators]),
        .init(raw: " 370783201203051232 ", kind: .resident, normalized: "370783201203051232", defects: []),
        .init(raw: "'370783201203051232", kind: .resident, normalized: "370783201203051232", defects: []),
        .init(raw: "\"370783201203051232\"", kind: .resident, normalized: "370783201203051232", defects: []),
        .init(raw: "370783201203051232\t", kind: .resident, normalized: "370783201203051232", defects: []),
        .init(raw: "37078320120305123２", kind: .resident, normalized: "370783201203051232", defects: [.fullWidthCharacters]),
        .init(raw: "370783－20120305－1232", kind: .resident, normalized: "370783201203051232", defects: [.fullWidthCharacters, .whitespaceOrSeparators]),
        .init(raw: "370783—20120305—1232", kind: .resident, normalized: "370783201203051232", defects: [.whitespaceOrSeparators]),
        .init(raw: "370783_20120305_1232", kind: .resident, normalized: "370783201203051232", defects: [.whitespaceOrSeparators]),
        // Never silently fixed: a wrong check character stays wrong.
        .init(raw: "370783201203051233", kind: .invalid, normalized: "370783201203051233", defects: [.badCheckCharacter]),
        .init(raw: "37078320120305123X", kind: .invalid, normalized: "37078320120305123X", defects: [.badCheckCharacter]),
        .init(raw: "３７０７８３２０１２０３０５１２３Ｘ", kind: .invalid, normalized: "37078320120305123X", defects: [.fullWidthCharacters, .badCheckCharacter]),
        // 15-digit legacy numbers: 19 inserted, check computed.
        .init(raw: "370783120305123", kind: .legacy, normalized: "370783191203051236", defects: [.legacy15]),
        .init(raw: "370783 120305 123", kind: .legacy, normalized: "370783191203051236", defects: [.whitespaceOrSeparators, .legacy15]),
        .init(raw: "370783120230123", kind: .invalid, normalized: "37078319120230123X", defects: [.legacy15, .badBirthDate]),
        // Excel's damage.
        .init(raw: "3.70783E+17", kind: .damaged, normalized: "370783000000000000", defects: [.scientificNotation]),
        .init(raw: "3.70783200102152E+17", kind: .damaged, normalized: "370783200102152000", defects: [.scientificNotation]),
        .init(raw: "3.70783e17", kind: .damaged, normalized: "370783000000000000", defects: [.scientificNotation]),
        .init(raw: "370783200102152000", kind: .damaged, normalized: "370783200102152000", defects: [.zeroedTail]),
        .init(raw: "3.70783201203051E+17", kind: .damaged, normalized: "370783201203051000", defects: [.scientificNotation]),
        .init(raw: "370783201203051000", kind: .damaged, normalized: "370783201203051000", defects: [.zeroedTail]),
        .init(raw: "3.70783120305E+14", kind: .damaged, normalized: "370783120305000", defects: [.scientificNotation]),
        .init(raw: "1.1E+17", kind: .damaged, normalized: "110000000000000000", defects: [.scientificNotation]),
        .init(raw: "3.7E+5", kind: .invalid, normalized: "", defects: [.scientificNotation, .badLength]),
        // Residence permits and permanent residence cards keep their type.
        .init(raw: "810000200501011232", kind: .hkMacauTaiwan, normalized: "810000200501011232", defects: []),
        .init(raw: "820000200501011234", kind: .hkMacauTaiwan, normalized: "820000200501011234", defects: []),
        .init(raw: "830000200501011236", kind: .hkMacauTaiwan, normalized: "830000200501011236", defects: []),
        .init(raw: "81000020050101103x", kind: .hkMacauTaiwan, normalized: "81000020050101103X", defects: [.lowercaseX]),
        .init(raw: "810000200501011233", kind: .invalid, normalized: "810000200501011233", defects: [.badCheckCharacter]),
        .init(raw: "911012201203051230", kind: .foreignPermanent, normalized: "911012201203051230", defects: []),
        .init(raw: "usa370120305123", kind: .foreignPermanent, normalized: "USA370120305123", defects: []),
        .init(raw: "usa 3701 2030 5123", kind: .foreignPermanent, normalized: "USA370120305123", defects: [.whitespaceOrSeparators]),
        .init(raw: "8100002005010112３2", kind: .hkMacauTaiwan, normalized: "810000200501011232", defects: [.fullWidthCharacters]),
        // Not numbers.
        .init(raw: "20120305", kind: .invalid, normalized: "20120305", defects: [.badLength]),
        .init(raw: "3707832012030512321", kind: .invalid, normalized: "3707832012030512321", defects: [.badLength]),
        .init(raw: "37078312030512X", kind: .invalid, normalized: "37078312030512X", defects: [.badLength]),
        .init(raw: "37078319120305123X", kind: .invalid, normalized: "37078319120305123X", defects: [.badCheckCharacter]),
        .init(raw: "37078320120305123?", kind: .invalid, normalized: "37078320120305123?", defects: [.badCharacters]),
        .init(raw: "370783二〇一二0305123", kind: .invalid, normalized: "370783????0305123", defects: [.badCharacters]),
        .init(raw: "无", kind: .missing, normalized: "", defects: [.empty]),
        .init(raw: "", kind: .missing, normalized: "", defects: [.empty]),
        .init(raw: " - ", kind: .missing, normalized: "", defects: [.empty]),
        .init(raw: "0", kind: .missing, normalized: "", defects: [.empty]),
        .init(raw: "不详", kind: .missing, normalized: "", defects: [.empty]),
    ]

    @Test(arguments: cases)
    func parses(_ c: Case) {
        let id = IDNumber.parse(c.raw)
        #expect(id.raw == c.raw)
        #expect(id.kind == c.kind)
        #expect(id.normalized == c.normalized)
        #expect(id.defects == c.defects)
        #expect(id.isValid == [.resident, .legacy, .hkMacauTaiwan, .foreignPermanent].contains(c.kind))
    }

    @Test(arguments: ["370783201203051232", "37078320120305103X", "370783191203051236", "810000200501011232",
                      "820000200501011234", "830000200501011236", "81000020050101103X", "911012201203051230"])
    func fixturesCarryTheirCheckCharacters(_ id: String) {
        #expect(IDNumber.checkCharacter(of: id.prefix(17)) == id.last)
    }

    /// Builds a number with the right check character, to isolate one defect at a time.
    static func withCheck(_ first17: String) -> String { first17 + String(IDNumber.checkCharacter(of: first17) ?? "?") }

    @Test(arguments: [("37078320120230123", [IDNumber.Defect.badBirthDate]),     // 2012-02-30
                      ("37078321000101123", [.badBirthDate]),                     // born in 2100
                      ("37078318991231123", [.badBirthDate]),                     // before 1900
                      ("37078320121301123", [.badBirthDate])])                    // month 13
    func impossibleBirthDates(_ first17: String, _ defects: [IDNumber.Defect]) {
        let id = IDNumber.parse(Self.withCheck(first17))
        #expect(id.kind == .invalid)
        #expect(id.defects == defects)
        #expect(id.birthDate == nil)
    }

    @Test(arguments: ["00078320120305123", "19078320120305123", "72078320120305123"])
    func unknownRegionIsRecorded(_ first17: String) {
        let id = IDNumber.parse(Self.withCheck(first17))
        #expect(id.kind == .resident)
        #expect(id.defects == [.unknownRegion])
    }

    @Test func embeddedFieldsOfEachKind() {
        let legacy = IDNumber.parse("370783120305123")
        #expect(legacy.birthDate == CivilDate(year: 1912, month: 3, day: 5))
        #expect(legacy.sex == .male)
        #expect(legacy.regionCode == "370783")
        let child = IDNumber.parse("370783201203051242".prefix(17) + "")
        #expect(child.kind == .invalid)  // 17 characters
        let girl = IDNumber.parse(Self.withCheck("37078320120305124"))
        #expect(girl.sex == .female)
        #expect(girl.birthDate == CivilDate(year: 2012, month: 3, day: 5))
        let hk = IDNumber.parse("810000200501011232")
        #expect(hk.birthDate == CivilDate(year: 2005, month: 1, day: 1))
        #expect(hk.regionCode == "810000")
        #expect(hk.sex == .male)
        // Damaged: what survived is still there; what was lost is not invented.
        let excel = IDNumber.parse("3.70783200102152E+17")
        #expect(excel.regionCode == "370783")
        #expect(excel.birthDate == CivilDate(year: 2001, month: 2, day: 15))
        #expect(excel.sex == nil)
        #expect(IDNumber.parse("3.70783E+17").birthDate == nil)
        let bad = IDNumber.parse("370783201203051233")
        #expect(bad.sex == nil && bad.birthDate == nil && bad.regionCode == nil)
        #expect(IDNumber.parse("911012201203051230").birthDate == CivilDate(year: 2012, month: 3, day: 5))
        #expect(IDNumber.parse("usa370120305123").birthDate == nil)
    }

    @Test func maskedNeverShowsTheWholeNumber() {
        #expect(IDNumber.parse("３７０７８３２０１２０３０５１２３２").masked == "370783********1232")
    }
}

/// 全国学籍号 and 第二代残疾人证号.
@Suite struct NormalizeDocumentTests {
    @Test(arguments: [("G370783201203051232", "G370783201203051232", true), ("g370783201203051232", "G370783201203051232", true),
                      ("Ｇ３７０７８３２０１２０３０５１２３２", "G370783201203051232", true), ("G 370783 20120305 103x", "G37078320120305103X", true),
                      ("G370783201203051233", "G370783201203051233", false)])
    func gNumberYieldsTheID(_ raw: String, _ normalized: String, _ valid: Bool) {
        let sn = StudentNumber.parse(raw)
        #expect(sn.normalized == normalized)
        #expect(sn.idNumber?.normalized == String(normalized.dropFirst()))
        #expect(sn.idNumber?.isValid == valid)
        #expect(!sn.isLocal)
    }

    @Test(arguments: [("L20120305001", "L20120305001"), ("l2012 0305 001", "L20120305001"), ("Ｌ２０１２０３０５００１", "L20120305001")])
    func lNumberHasNoID(_ raw: String, _ normalized: String) {
        let sn = StudentNumber.parse(raw)
        #expect(sn.normalized == normalized)
        #expect(sn.idNumber == nil)
        #expect(sn.isLocal)
    }

    @Test func aLetterAloneHasNoID() {
        #expect(StudentNumber.parse("L").isLocal)
        #expect(StudentNumber.parse("G").idNumber?.kind == .missing)
        #expect(StudentNumber.parse("G37078320120305123").idNumber?.kind == .invalid)
    }

    @Test func blankStudentNumber() {
        #expect(StudentNumber.parse("无").normalized == "")
        #expect(StudentNumber.parse("370783201203051232").idNumber?.normalized == "370783201203051232")
    }

    @Test(arguments: [("37078320120305123245", 4, 5), ("３７０７８３２０１２０３０５１０３ｘ７１", 7, 1), ("370783201203051232-1-4", 1, 4),
                      ("370783201203051232 1 1", 1, 1), ("37078320120305123274", 7, 4), ("37078320120305123230", 3, 0),
                      ("37078320120305123263", 6, 3), ("37078320120305123222", 2, 2)])
    func certificate(_ raw: String, _ category: Int, _ level: Int) {
        let cert = DisabilityCertificate.parse(raw)
        #expect(cert?.idNumber.isValid == true)
        #expect(cert?.category == category)
        #expect(cert?.level == ((1...4).contains(level) ? level : nil))
        #expect((cert?.problem == nil) == (1...4).contains(level))
    }

    @Test(arguments: ["370783201203051232", "3707832012030512324", "37078320120305123245X", "无", ""])
    func notACertificate(_ raw: String) { #expect(DisabilityCertificate.parse(raw) == nil) }

    @Test(arguments: ["37078320120305123281", "37078320120305123201", "37078320120305123291"])
    func certificateCategoryOutOfRange(_ raw: String) {
        let cert = DisabilityCertificate.parse(raw)
        #expect(cert?.category == nil)
        #expect(cert?.level == 1)
        #expect(cert?.problem?.contains("category") == true)
        #expect(cert?.problem?.contains("370783201203051232") == false)
    }
}
