import Foundation
import Testing
@testable import KCBXCore
@testable import KCBXLink
@testable import KCBXNormalize
@testable import KCBXPipeline
@testable import KCBXStore

/// One record of a comparison example: the fields the registry compares, as a department writes them.
struct ComparedRecord: Sendable {
    var id = ""
    var name = "张伟", normalized: String? = nil, pinyin = "zhangwei"
    var sex: Sex? = .male
    var birth = "2015-03-12"
    var father = "", fatherID = "", household = "", town = "", school = "", phone = ""

    static let fields: [CanonicalField] = [.idNumber, .name, .sex, .birthDate, .fatherName, .fatherId, .householdId, .town, .schoolCode, .phone]

    func record(_ number: Int) -> NormalizedRecord {
        NormalizedRecord(recordNumber: number, line: number + 1, id: id.isEmpty ? nil : IDNumber.parse(id), studentNumber: nil,
                         name: name.isEmpty ? nil : PersonName(raw: name, normalized: normalized ?? name, annotation: nil, pinyin: pinyin, isPlaceholder: false),
                         sex: sex, birthDate: CivilDate(iso: birth),
                         values: [id, name, sex?.rawValue ?? "", birth, father, fatherID, household, town, school, phone], notes: [])
    }
}

/// One field's level on a pair of records (`null`: a side lacks it).
struct ComparisonExample: Sendable, CustomTestStringConvertible {
    let field: LinkField
    let level: String
    let a: ComparedRecord, b: ComparedRecord
    init(_ field: LinkField, _ level: String, _ edit: @Sendable (inout ComparedRecord, inout ComparedRecord) -> Void) {
        var a = ComparedRecord(), b = ComparedRecord()
        edit(&a, &b)
        self.field = field; self.level = level; self.a = a; self.b = b
    }
    var testDescription: String { "\(field.key)=\(level)" }
}

/// The registry of comparisons (比对字段): every field with its levels on real example pairs, the stored
/// parameters keyed by name, and the phone's normal form.
@Suite struct ComparisonRegistryTests {
    static let id = LinkFixture.id("20150312", "123")
    /// `id` with character `at` replaced by `c`.
    static func id(_ at: Int, _ c: Character) -> String { var x = Array(id); x[at] = c; return String(x) }
    static func swapped(_ at: Int) -> String { var x = Array(id); x.swapAt(at, at + 1); return String(x) }

    static let examples: [ComparisonExample] = [
        ComparisonExample(.id, "exact") { $0.id = id; $1.id = id },
        ComparisonExample(.id, "check_character") { $0.id = id; $1.id = id(17, id.last == "0" ? "1" : "0") },
        ComparisonExample(.id, "one_substitution") { $0.id = id; $1.id = id(15, "9") },
        ComparisonExample(.id, "transposition") { $0.id = id; $1.id = swapped(12) },
        ComparisonExample(.id, "other") { $0.id = id; $1.id = LinkFixture.id("20140701", "456") },
        ComparisonExample(.id, "null") { a, _ in a.id = id },
        ComparisonExample(.name, "exact") { _, _ in },
        ComparisonExample(.name, "simplified") { a, _ in a.name = "張偉"; a.normalized = "张伟" },
        ComparisonExample(.name, "same_pinyin") { $1.name = "章伟" },
        ComparisonExample(.name, "jaro_winkler_0.92") { $1.name = "张维"; $1.pinyin = "zhangwie" },
        ComparisonExample(.name, "jaro_winkler_0.80") { $1.name = "张浩"; $1.pinyin = "zhanghao" },
        ComparisonExample(.name, "different") { $1.name = "李娜"; $1.pinyin = "lina" },
        ComparisonExample(.name, "null") { $1.name = "" },
        ComparisonExample(.birthDate, "exact") { _, _ in },
        ComparisonExample(.birthDate, "day_month_swapped") { $1.birth = "2015-12-03" },
        ComparisonExample(.birthDate, "one_part_off") { $1.birth = "2016-03-12" },
        ComparisonExample(.birthDate, "one_part_off") { $0.birth = "2015-02-28"; $1.birth = "2015-03-01" },
        ComparisonExample(.birthDate, "different") { $1.birth = "2014-07-01" },
        ComparisonExample(.birthDate, "null") { $1.birth = "" },
        ComparisonExample(.sex, "same") { _, _ in },
        ComparisonExample(.sex, "different") { $1.sex = .female },
        ComparisonExample(.sex, "null") { $1.sex = nil },
        ComparisonExample(.family, "parent_id") { $0.fatherID = LinkFixture.id("19850101", "111"); $1.fatherID = $0.fatherID },
        ComparisonExample(.family, "parent_name") { $0.father = "张强"; $1.father = "张强" },
        ComparisonExample(.family, "different") { $0.father = "张强"; $1.father = "李刚" },
        ComparisonExample(.family, "null") { a, _ in a.father = "张强" },
        ComparisonExample(.household, "same") { $0.household = "370783000123"; $1.household = "370783 000123" },
        ComparisonExample(.household, "different") { $0.household = "370783000123"; $1.household = "370783000124" },
        ComparisonExample(.town, "same") { $0.town = "河口镇"; $1.town = "河口镇" },
        ComparisonExample(.town, "different") { $0.town = "河口镇"; $1.town = "城关街道" },
        ComparisonExample(.town, "null") { a, _ in a.town = "河口镇" },
        ComparisonExample(.school, "same") { $0.school = "2137000001"; $1.school = "2137000001" },
        ComparisonExample(.school, "different") { $0.school = "2137000001"; $1.school = "2137000002" },
        ComparisonExample(.phone, "exact") { $0.phone = "13805371234"; $1.phone = "13805371234" },
        ComparisonExample(.phone, "exact") { $0.phone = "+86 138-0537-1234"; $1.phone = "13805371234" },
        ComparisonExample(.phone, "exact") { $0.phone = "0537-2345678"; $1.phone = "05372345678" },
        ComparisonExample(.phone, "last_four") { $0.phone = "13805371234"; $1.phone = "13905371234" },
        ComparisonExample(.phone, "last_four") { $0.phone = "13805371234"; $1.phone = "0537-2341234" },
        ComparisonExample(.phone, "different") { $0.phone = "13805371234"; $1.phone = "15905374321" },
        ComparisonExample(.phone, "null") { $0.phone = "13805371234"; $1.phone = "无" },
        ComparisonExample(.phone, "null") { $0.phone = "13805371234"; $1.phone = "1380537123" },
        ComparisonExample(.phone, "null") { a, _ in a.phone = "13805371234" },
    ]

    @Test("each field's level on an example pair", arguments: examples)
    func level(_ e: ComparisonExample) {
        let source = NormalizedSource(source: "学籍", role: .studentStatus, fields: ComparedRecord.fields,
                                      records: [e.a.record(1), e.b.record(2)], rejects: [])
        let comparator = Comparator(RecordFeatures([source]), .defaults)
        let v = comparator.levels(0, 1)
        #expect(e.field.levelName(v[e.field]) == e.level)
        #expect(v[e.field] == comparator.level(e.field, 0, 1))
        #expect(comparator.levels(1, 0) == v, "symmetric")
    }

    @Test("every level of every field has an example; keys, titles and m/u are the registry's")
    func registry() {
        let covered = Set(Self.examples.map { "\($0.field.key)=\($0.level)" })
        for c in Comparisons.all {
            #expect(!c.title.isEmpty && Set(c.levels.map(\.key)).count == c.levels.count)
            for level in c.levels {
                #expect(covered.contains("\(c.key)=\(level.key)"), "no example of \(c.key)=\(level.key)")
                #expect(!level.title.isEmpty && level.m > 0 && level.u > 0)
            }
            #expect(abs(c.levels.map(\.m).reduce(0, +) - 1) < 1e-9 && abs(c.levels.map(\.u).reduce(0, +) - 1) < 1e-3, "\(c.key)")
        }
        #expect(LinkField.allCases.map(\.key) == ["id", "name", "birth_date", "sex", "family", "household", "town", "school", "phone"])
        #expect(LinkField.phone.title == "联系电话" && LinkField.phone.levels == ["exact", "last_four", "different"])
        let p = LinkParameters.defaults
        #expect(p.m.count == LinkField.count && p.m[LinkField.phone.rawValue] == [0.60, 0.05, 0.35])
        let rows = p.reportRows
        #expect(rows.count == Comparisons.all.reduce(0) { $0 + $1.levels.count })
        #expect(rows.last.map { [$0.field, $0.fieldTitle, $0.level, $0.levelTitle] } == ["phone", "联系电话", "different", "不同"])
    }

    @Test("the phone's normal form", arguments: [
        ("13805371234", "13805371234"), ("138 0537 1234", "13805371234"), ("138-0537-1234", "13805371234"),
        ("+86 13805371234", "13805371234"), ("+86-138-0537-1234", "13805371234"), ("008613805371234", "13805371234"),
        ("8613805371234", "13805371234"), ("0537-2345678", "05372345678"), ("(0537)2345678", "05372345678"),
        ("2345678", "2345678"), ("联系电话：13805371234", "13805371234"),
        ("1380537123", nil), ("138053712345", nil), ("无", nil), ("", nil), ("123", nil), ("13805371234/13905371234", nil),
    ] as [(String, String?)])
    func phoneNumber(_ raw: String, _ digits: String?) {
        let v = RecordFeatures.phoneNumber(raw)
        #expect((v == 0 ? nil : String(String(v).dropFirst())) == digits)
    }

    @Test("stored parameters are keyed by field and level; another field list is refused, never read by position")
    func storedParameters() throws {
        var p = LinkParameters.defaults
        p.m[LinkField.phone.rawValue] = [0.7, 0.1, 0.2]; p.emPairs = 1234; p.figures = ["records": 9]
        #expect(LinkParameters(json: p.json) == p)
        #expect(LinkParameters.storedFields(json: p.json) == nil)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(p.json.utf8)) as? [String: Any])
        let fields = try #require(object["fields"] as? [[String: Any]])
        #expect(fields.map { $0["field"] as? String } == LinkField.allCases.map(\.key))

        // A build without `phone` (8 fields, by name), and one from before fields had names (m and u by position).
        var without = object
        without["fields"] = Array(fields.dropLast())
        let eight = String(decoding: try JSONSerialization.data(withJSONObject: without, options: [.sortedKeys]), as: UTF8.self)
        let positional = #"{"emIterations":0,"emPairs":0,"figures":{},"lambda":1e-06,"m":[[0.9],[0.85],[0.95],[0.98],[0.75],[0.9],[0.95],[0.9]],"u":[[1e-07],[1e-4],[2e-4],[0.5],[1e-5],[1e-5],[0.1],[0.02]],"uPairs":0}"#
        var renamed = object
        var levels = fields
        levels[0]["levels"] = (fields[0]["levels"] as! [[String: Any]]).map { var l = $0; if l["level"] as? String == "other" { l["level"] = "different" }; return l }
        renamed["fields"] = levels
        let otherLevel = String(decoding: try JSONSerialization.data(withJSONObject: renamed, options: [.sortedKeys]), as: UTF8.self)
        for json in [eight, positional, otherLevel] {
            #expect(LinkParameters(json: json) == nil)
            #expect(LinkParameters.storedFields(json: json) != nil)
        }
        #expect(LinkParameters.storedFields(json: positional) == "8 fields by position")
        #expect(LinkParameters.storedFields(json: eight)?.hasSuffix("school(same,different)") == true)

        // In the store: the link stage's result of another build is refused with what to do.
        let url = TestSupport.temporaryDirectory("kcbx-registry").appendingPathComponent("state/kcbx.sqlite")
        let store = try Store(url: url)
        let run = try store.beginRun(period: "2026-11", pipeline: "p.yaml", pipelineName: "t", asOf: CivilDate(iso: "2026-11-30")!,
                                     stages: "link", version: "test")
        let index = PersonIndex(personOf: [], rule: [], probability: [], persons: [])
        var w = BinaryWriter()
        index.encode(to: &w)
        let results = StoredResults(store: store, period: "2026-11")
        try store.saveResult(period: "2026-11", stage: .link, run: run, parts: [("index", w.bytes), ("linkage.json", Array(index.parameters.json.utf8))])
        #expect(try results.loadIndex().parameters == .defaults)
        try store.saveResult(period: "2026-11", stage: .link, run: run, parts: [("index", w.bytes), ("linkage.json", Array(eight.utf8))])
        do {
            _ = try results.loadIndex()
            Issue.record("an index made for other comparison fields was read")
        } catch {
            #expect(error.message.contains("were made for other comparison fields (id(exact,"))
            #expect(error.message.contains("than this kcbx compares (id(") && error.message.contains("phone(exact,last_four,different)"))
            #expect(error.message.hasSuffix("rerun the link stage (--from link)"))
        }
    }
}
