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
                      (" 男 ", .male)] as [(String, Sex)])
    func sexValues(_ raw: String, _ sex: Sex) { #expect(Sex.parse(raw) == sex) }

    @Test(arguments: ["0", "9", "未知", "", "不详", "x"])
    func unknownSex(_ raw: String) { #expect(Sex.parse(raw) == nil) }
}
