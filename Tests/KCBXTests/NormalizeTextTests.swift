import Foundation
import Testing
@testable import KCBXNormalize
import KCBXCore
import KCBXData

/// Dates in every form departments export.
@Suite struct NormalizeDateTests {
    @Test(arguments: [
        ("20120305", "2012-03-05"), ("2012-03-05", "2012-03-05"), ("2012-3-5", "2012-03-05"), ("2012/3/5", "2012-03-05"),
        ("2012.3.5", "2012-03-05"), ("2012.03.05", "2012-03-05"), ("2012年3月5日", "2012-03-05"), ("2012年03月05日", "2012-03-05"),
        ("２０１２年３月５日", "2012-03-05"), ("２０１２－０３－０５", "2012-03-05"), ("２０１２０３０５", "2012-03-05"),
        ("2012-03-05 00:00:00", "2012-03-05"), ("2012-03-05T00:00:00", "2012-03-05"), ("2012-03-05T00:00:00.000+08:00", "2012-03-05"),
        ("2012/3/5 0:00", "2012-03-05"), (" 2012-03-05 ", "2012-03-05"), ("2012年3月5号", "2012-03-05"),
        ("41000", "2012-04-01"), ("43831", "2020-01-01"), ("41000.5", "2012-04-01"), ("2024-02-29", "2024-02-29"),
        ("2012-3-5 8:00:00", "2012-03-05"), ("2012/03/05 00:00:00.000", "2012-03-05"), ("2012-03-05Z", "2012-03-05"),
        ("2012－3－5", "2012-03-05"), ("2012—03—05", "2012-03-05"), ("2012-3-05", "2012-03-05"), ("2012.03.5", "2012-03-05"),
        ("20120305000000", "2012-03-05"), ("20120305235959", "2012-03-05"),  // yyyyMMddHHmmss
        ("10000", "1927-05-18"), ("73050", "2099-12-31"), ("2012-02-29", "2012-02-29"),
    ])
    func parses(_ raw: String, _ iso: String) {
        #expect(DateParser.parse(raw) == .date(CivilDate(iso: iso)!))
    }

    @Test(arguments: [("2023-02-29", "2023-02-29 does not exist"), ("20230229", "2023-02-29 does not exist"),
                      ("2023年2月29日", "2023-02-29 does not exist"), ("2024-13-01", "2024-13-01 does not exist"),
                      ("2012-04-31", "2012-04-31 does not exist"), ("2012/0/5", "2012-00-05 does not exist")])
    func impossibleDates(_ raw: String, _ reason: String) {
        #expect(DateParser.parse(raw) == .invalid(reason))
    }

    @Test(arguments: [("1900-02-29", "1900-02-29 does not exist"), ("1799-01-01", "1799-01-01 is outside the years 1800–2200"),
                      ("2012-00-10", "2012-00-10 does not exist"), ("2012-02-30 00:00:00", "2012-02-30 does not exist")])
    func moreImpossibleDates(_ raw: String, _ reason: String) {
        #expect(DateParser.parse(raw) == .invalid(reason))
    }

    @Test(arguments: ["2012-03", "abc", "2012-3/5", "12-3-5", "3月5日", "201235", "2012-03-05 abc", "99999999999", "1234",
                      "9999", "73051", "60", "12/03/2012", "2012年3月", "20120305246000", "20120305120000Z", "201203051200"])
    func notADate(_ raw: String) {
        guard case .invalid(let reason) = DateParser.parse(raw) else { Issue.record("\(raw) parsed"); return }
        #expect(reason.hasPrefix("expected a date such as 2012-03-05 or 20120305, found"))
    }

    /// An ID number pasted into a date column is never repeated in full in the message.
    @Test func messageMasksAnIDNumber() {
        guard case .invalid(let reason) = DateParser.parse("370783201203051232") else { Issue.record("parsed"); return }
        #expect(!reason.contains("370783201203051232"))
        #expect(reason.contains("370783********1232"))
    }

    /// Database exports write a missing date as zeros: that is no date, not an impossible one.
    @Test(arguments: ["", "  ", "无", "-", "不详", "/", "0", "0000-00-00", "00000000", "0000/00/00", "0000-00-00 00:00:00"])
    func blank(_ raw: String) { #expect(DateParser.parse(raw) == .empty) }
}

/// Names: NFKC, spaces, middle dots, traditional characters, annotations, pinyin and placeholders.
@Suite struct NormalizeNameTests {
    static let names = NameNormalizer()

    @Test(arguments: [
        ("张伟", "张伟", "zhangwei"), ("张 伟", "张伟", "zhangwei"), ("张　伟", "张伟", "zhangwei"), (" 张伟\t", "张伟", "zhangwei"),
        ("張偉", "张伟", "zhangwei"), ("劉德華", "刘德华", "liudehua"), ("吕", "吕", "lu"), ("欧阳娜娜", "欧阳娜娜", "ouyangnana"),
        ("买买提·艾力", "买买提·艾力", "maimaitiaili"), ("买买提・艾力", "买买提·艾力", "maimaitiaili"),
        ("买买提•艾力", "买买提·艾力", "maimaitiaili"), ("买买提‧艾力", "买买提·艾力", "maimaitiaili"),
        ("买买提∙艾力", "买买提·艾力", "maimaitiaili"), ("买买提.艾力", "买买提·艾力", "maimaitiaili"),
        ("买买提 · 艾力", "买买提·艾力", "maimaitiaili"), ("买买提･艾力", "买买提·艾力", "maimaitiaili"),
        ("买买提．艾力", "买买提·艾力", "maimaitiaili"), ("买买提··艾力", "买买提·艾力", "maimaitiaili"),
        ("阿依古丽·买买提·", "阿依古丽·买买提", "ayigulimaimaiti"), ("ＬＩ　Ｎａ", "LINa", "lina"),
        ("鍾龔", "钟龚", "zhonggong"), ("阿不都‧热合曼", "阿不都·热合曼", "abudoureheman"), ("艾尼瓦尔•买买提", "艾尼瓦尔·买买提", "ainiwaermaimaiti"),
        ("欧阳 娜娜", "欧阳娜娜", "ouyangnana"), ("张三\u{200B}", "张三", "zhangsan"), ("李四\r\n", "李四", "lisi"),
        ("Ｚｈａｎｇ　Ｓａｎ", "ZhangSan", "zhangsan"), ("吕布", "吕布", "lubu"), ("绿", "绿", "lu"),
    ])
    func normalizes(_ raw: String, _ normalized: String, _ pinyin: String) {
        let name = Self.names.normalize(raw)
        #expect(name.raw == raw)
        #expect(name.normalized == normalized)
        #expect(name.pinyin == pinyin)
        #expect(name.annotation == nil)
        #expect(!name.isPlaceholder)
    }

    @Test(arguments: [("王小明（曾用名王明）", "王小明", "曾用名王明"), ("王小明(曾用名王明)", "王小明", "曾用名王明"),
                      ("王小明 （ 曾用名 王明 ）", "王小明", "曾用名王明"), ("李娜【小名娜娜】", "李娜", "小名娜娜"),
                      ("王小明(曾用名王明)(已迁出)", "王小明", "曾用名王明;已迁出"), ("王小明（曾用名", "王小明", "曾用名"),
                      ("张三 (曾用名：张山)", "张三", "曾用名:张山"), ("王小明（曾用名：王明）（别名：小明）", "王小明", "曾用名:王明;别名:小明"),
                      ("张三　（女）", "张三", "女"), ("王小明（已故）", "王小明", "已故")])
    func annotations(_ raw: String, _ normalized: String, _ annotation: String) {
        let name = Self.names.normalize(raw)
        #expect(name.normalized == normalized)
        #expect(name.annotation == annotation)
    }

    @Test(arguments: ["无", "不详", "某某", "无名", "待定", "空", "-", "0", "?", "？", "未知", "张某某", "王某", "（无）", " ", "NULL", "男婴"])
    func placeholders(_ raw: String) { #expect(Self.names.normalize(raw).isPlaceholder) }

    @Test(arguments: ["某晓", "王某华", "空空"])
    func realNamesAreNotPlaceholders(_ raw: String) { #expect(!Self.names.normalize(raw).isPlaceholder) }

    /// The table kcbx ships (Data/han-table.txt) is what ICU gives today; if ICU changes, scripts/generate-data
    /// writes the new one (this test only compares, it never writes).
    @Test func shippedHanTableIsWhatICUGives() throws {
        #expect(NameNormalizer.tableFromICU() == (try GeneratedData.text(.hanTable)))
        #expect(try HanTable.loaded.get().count == 20_992)
    }

    /// A damaged table is a KCBXError naming the file and the line, never a table read wrong.
    @Test func aDamagedHanTableIsRefused() throws {
        let text = try GeneratedData.text(.hanTable)
        #expect(try HanTable.entries(text).count == 20_992)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (change, expected) in [({ (l: inout [Substring]) in l.removeLast() }, "it has 20991 lines"),
                                   ({ l in l[3] = "Qi" }, "line 4 is not lower-case pinyin"),
                                   ({ l in l[5] = "xia ZZ" }, "line 6: `ZZ` is not a character")] as [((inout [Substring]) -> Void, String)] {
            var damaged = lines
            change(&damaged)
            #expect {
                _ = try HanTable.entries(damaged.joined(separator: "\n"))
            } throws: { error in
                let e = error as? KCBXError
                return e?.message.contains(expected) == true && e?.message.contains("han-table.txt is damaged") == true
                    && e?.file?.hasSuffix("han-table.txt") == true
            }
        }
    }

    /// One ICU call per 256 characters gives what one call per character gives.
    @Test func tableAgreesWithPerCharacterTransform() {
        var local = LocalHanTable(HanTable.shared)
        for v in stride(from: UInt32(0x4E00), through: 0x9FFF, by: 97) {
            let s = String(Unicode.Scalar(v)!)
            let one = s.applyingTransform(StringTransform("Han-Latin; Latin-ASCII"), reverse: false) ?? ""
            #expect(local.entry(v).pinyin == HanTable.asciiKey(one), "U+\(String(v, radix: 16))")
            let simple = s.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? s
            if simple.unicodeScalars.count == 1 { #expect(String(local.entry(v).simplified) == simple) }
        }
    }

    @Test func charactersOutsideTheTable() {
        let name = Self.names.normalize("㐀李")  // U+3400, extension A
        #expect(name.normalized == "㐀李")
        #expect(name.pinyin.hasSuffix("li"))
    }

    /// Many threads, one normalizer: the same answers as one thread.
    @Test func safeAcrossThreads() {
        func han(_ n: Int) -> String { String(Unicode.Scalar(UInt32(0x4E00 + n % 20992))!) }
        let raws: [String] = (0..<4000).map { i in han(i * 7919) + "·" + han(i * 104729) }
        let shared = NameNormalizer()
        let results = ConcurrentResults<PersonName>(count: raws.count)
        DispatchQueue.concurrentPerform(iterations: raws.count) { results[$0] = shared.normalize(raws[$0]) }
        let serial = NameNormalizer()
        for (i, raw) in raws.enumerated() { #expect(results[i] == serial.normalize(raw)) }
    }
}
