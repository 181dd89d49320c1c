import Foundation
import Testing
@testable import KCBXCore
@testable import KCBXLink
@testable import KCBXNormalize
@testable import KCBXPipeline
@testable import KCBXSheets
@testable import KCBXStore
@testable import kcbx

/// Builds normalized sources by hand: real-format IDs (with their true check character), names with pinyin.
enum LinkFixture {
    static let fields: [CanonicalField] = [.idNumber, .name, .sex, .birthDate, .fatherName, .fatherId, .guardianName, .householdId, .town]

    /// A valid 18-character ID of region 370783, birth date `yyyymmdd` and sequence `seq`.
    static func id(_ yyyymmdd: String, _ seq: String) -> String {
        let first17 = "370783" + yyyymmdd + seq
        return first17 + String(IDNumber.checkCharacter(of: first17)!)
    }

    struct Child {
        var id: String = ""
        var name: String
        var pinyin: String
        var sex: Sex? = .male
        var birth: String
        var father: String = ""
        var fatherID: String = ""
        var household: String = ""
        var town: String = "河口镇"
        var placeholder = false
    }

    static func record(_ c: Child, number: Int) -> NormalizedRecord {
        let date = CivilDate(iso: c.birth)
        let parsed = c.id.isEmpty ? nil : IDNumber.parse(c.id)
        return NormalizedRecord(recordNumber: number, line: number + 1, id: parsed, studentNumber: nil,
                                name: PersonName(raw: c.name, normalized: c.name, annotation: nil, pinyin: c.pinyin, isPlaceholder: c.placeholder),
                                sex: c.sex, birthDate: date,
                                values: [c.id, c.name, c.sex?.rawValue ?? "", c.birth, c.father, c.fatherID, c.father, c.household, c.town],
                                notes: [])
    }

    static func source(_ name: String, _ role: SourceRole, _ children: [Child]) -> NormalizedSource {
        NormalizedSource(source: name, role: role, fields: fields,
                         records: children.enumerated().map { record($0.element, number: $0.offset + 1) }, rejects: [])
    }

    /// A small county: hukou of `n` children plus a few strangers, for the fixed-scenario tests.
    static func background(_ n: Int = 40) -> [Child] {
        let surnames = [("王", "wang"), ("李", "li"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang")]
        let given = [("子涵", "zihan"), ("浩宇", "haoyu"), ("一诺", "yinuo"), ("梓萱", "zixuan"), ("宇轩", "yuxuan"), ("欣怡", "xinyi"), ("俊杰", "junjie")]
        return (0..<n).map { i in
            let s = surnames[i % surnames.count], g = given[(i / surnames.count) % given.count]
            let month = 1 + i % 12, day = 1 + i % 27
            let birth = String(format: "2013%02d%02d", month, day)
            return Child(id: id(birth, String(format: "%03d", 101 + 2 * i)), name: s.0 + g.0, pinyin: s.1 + g.1,
                         birth: String(format: "2013-%02d-%02d", month, day), father: s.0 + "建国", household: "H\(i)")
        }
    }
}

@Suite("Link")
struct LinkTests {
    typealias C = LinkFixture.Child

    func samePerson(_ index: PersonIndex, _ a: (Int, Int), _ b: (Int, Int)) -> Bool {
        index.personOf[a.0][a.1] == index.personOf[b.0][b.1]
    }

    @Test("records with the same valid ID are one person, with a stable id from that ID")
    func exactLinks() {
        let child = C(id: LinkFixture.id("20150312", "123"), name: "张伟", pinyin: "zhangwei", birth: "2015-03-12", father: "张强")
        let sources = [LinkFixture.source("公安户籍", .hukou, LinkFixture.background() + [child]),
                       LinkFixture.source("学籍", .studentStatus, [child])]
        let index = LinkStage.run(sources)
        let h = sources[0].records.count - 1
        #expect(samePerson(index, (0, h), (1, 0)))
        #expect(index.rule[1][0] == .exactID)
        #expect(index.probability[1][0] == 1)
        #expect(index.person(source: 1, index: 0).id == "P" + base32(stableHash("id:" + child.id)))
        // Stable across runs.
        #expect(LinkStage.run(sources).person(source: 1, index: 0).id == index.person(source: 1, index: 0).id)
    }

    @Test("an ID with one digit changed or two digits swapped links through the probabilistic pass",
          arguments: ["one digit changed", "two digits swapped"])
    func typoIDs(_ label: String) {
        let good = LinkFixture.id("20150312", "123")
        var chars = Array(good)
        if label == "one digit changed" { chars[15] = chars[15] == "7" ? "8" : "7" } else { chars.swapAt(12, 13) }
        let bad = String(chars)
        #expect(bad != good && !IDNumber.parse(bad).isValid, "\(label) must fail the check")
        let child = C(id: good, name: "赵思远", pinyin: "zhaosiyuan", birth: "2015-03-12", father: "赵刚")
        var typo = child
        typo.id = bad
        let sources = [LinkFixture.source("公安户籍", .hukou, LinkFixture.background() + [child]),
                       LinkFixture.source("学籍", .studentStatus, [typo])]
        let index = LinkStage.run(sources)
        #expect(samePerson(index, (0, sources[0].records.count - 1), (1, 0)))
        #expect(index.rule[1][0] == .probabilistic)
        #expect(index.probability[1][0] >= 0.95)
        let explanation = index.explanation(source: 1, index: 0)
        #expect(explanation.contains("id=") && explanation.contains("name=exact"))
    }

    @Test("the same ID with another name and another birth date is not a link (a borrowed ID)")
    func borrowedID() {
        let owner = C(id: LinkFixture.id("20140105", "215"), name: "孙浩然", pinyin: "sunhaoran", birth: "2014-01-05", father: "孙军")
        var borrower = owner
        borrower.name = "周雨桐"; borrower.pinyin = "zhouyutong"; borrower.birth = "2016-07-21"; borrower.sex = .female
        let sources = [LinkFixture.source("公安户籍", .hukou, LinkFixture.background() + [owner]),
                       LinkFixture.source("学籍", .studentStatus, [borrower])]
        let index = LinkStage.run(sources)
        #expect(!samePerson(index, (0, sources[0].records.count - 1), (1, 0)))
        #expect(index.rule[1][0] == .none)
        #expect(index.parameters.figures["refused_same_id"] == 1)
    }

    @Test("twins (same parents and birth date, different names) are never merged; a twin's record without ID goes to that twin")
    func twins() {
        let father = "刘建华", fatherID = "370783198503020318"
        let a = C(id: LinkFixture.id("20160808", "131"), name: "刘子涵", pinyin: "liuzihan", birth: "2016-08-08",
                  father: father, fatherID: fatherID, household: "H900")
        let b = C(id: LinkFixture.id("20160808", "153"), name: "刘子轩", pinyin: "liuzixuan", birth: "2016-08-08",
                  father: father, fatherID: fatherID, household: "H900")
        var statusB = b
        statusB.id = ""
        let sources = [LinkFixture.source("公安户籍", .hukou, LinkFixture.background() + [a, b]),
                       LinkFixture.source("学籍", .studentStatus, [statusB])]
        let index = LinkStage.run(sources)
        let ha = sources[0].records.count - 2, hb = ha + 1
        #expect(!samePerson(index, (0, ha), (0, hb)))
        #expect(samePerson(index, (0, hb), (1, 0)), "the student record without ID is linked to its child")
        #expect(!samePerson(index, (0, ha), (1, 0)))
        #expect(index.rule[1][0] == .probabilistic)
    }

    @Test("records with placeholder names are never linked on name, birth date and family alone")
    func placeholderNames() {
        let child = C(id: LinkFixture.id("20170102", "017"), name: "不详", pinyin: "buxiang", birth: "2017-01-02",
                      father: "陈明", household: "H77", placeholder: true)
        var status = child
        status.id = ""
        let sources = [LinkFixture.source("公安户籍", .hukou, LinkFixture.background() + [child]),
                       LinkFixture.source("学籍", .studentStatus, [status])]
        let index = LinkStage.run(sources)
        #expect(!samePerson(index, (0, sources[0].records.count - 1), (1, 0)))
        #expect(index.rule[1][0] == .none)
    }

    @Test("one child registered twice in hukou with two IDs (same name, birth date and parent ID) is one person")
    func twoIDs() {
        let first = C(id: LinkFixture.id("20121111", "035"), name: "马欣悦", pinyin: "maxinyue", sex: .female, birth: "2012-11-11",
                      father: "马海", fatherID: "370783198001010016", household: "H1")
        var second = first
        second.id = LinkFixture.id("20121111", "068"); second.household = "H2"
        let lookalike = C(id: LinkFixture.id("20121111", "044"), name: "马欣悦", pinyin: "maxinyue", sex: .female, birth: "2012-11-11",
                          father: "马海", fatherID: "370783197901010028", household: "H3")
        let sources = [LinkFixture.source("公安户籍", .hukou, LinkFixture.background() + [first, second, lookalike])]
        let index = LinkStage.run(sources)
        let n = sources[0].records.count
        #expect(samePerson(index, (0, n - 3), (0, n - 2)))
        #expect(!samePerson(index, (0, n - 3), (0, n - 1)), "a lookalike whose father only shares a name stays apart")
    }

    @Test("a clerical decision 是同一人 joins a pair and 不是同一人 keeps it apart, in later runs")
    func reviewDecisions() {
        let child = C(id: LinkFixture.id("20150312", "123"), name: "赵思远", pinyin: "zhaosiyuan", birth: "2015-03-12", father: "赵刚")
        var typo = child
        typo.id = String(child.id.prefix(15)) + "9" + String(child.id.suffix(2))
        let sources = [LinkFixture.source("公安户籍", .hukou, LinkFixture.background() + [child]),
                       LinkFixture.source("学籍", .studentStatus, [typo])]
        let h = RecordRef(source: 0, record: sources[0].records.count - 1), s = RecordRef(source: 1, record: 0)
        let apart = LinkStage.run(sources, linkage: .init(), decisions: [
            ReviewDecision(recordA: LinkStage.fingerprint(sources, s), recordB: LinkStage.fingerprint(sources, h), same: false)])
        #expect(!samePerson(apart, (0, h.record), (1, 0)))
        // A stranger decided to be the same child.
        let stranger = RecordRef(source: 0, record: 0)
        let joined = LinkStage.run(sources, linkage: .init(), decisions: [
            ReviewDecision(recordA: LinkStage.fingerprint(sources, s), recordB: LinkStage.fingerprint(sources, stranger), same: true)])
        #expect(samePerson(joined, (0, 0), (1, 0)))
        #expect(joined.rule[1][0] == .review)
    }

    @Test("m and u estimated without labels: m > u for agreeing levels, m < u for disagreeing ones")
    func estimation() {
        // 3,000 children in hukou and 学籍, a few student records with typed IDs or none.
        var hukou: [C] = [], status: [C] = []
        let surnames = [("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"), ("赵", "zhao"), ("黄", "huang")]
        let given = [("子涵", "zihan"), ("浩宇", "haoyu"), ("一诺", "yinuo"), ("梓萱", "zixuan"), ("宇轩", "yuxuan"), ("欣怡", "xinyi"),
                     ("俊杰", "junjie"), ("思远", "siyuan"), ("雨桐", "yutong"), ("明轩", "mingxuan"), ("佳怡", "jiayi")]
        var rng = SplitMix64(seed: 7)
        for i in 0..<3000 {
            let s = surnames[Int(rng.next() % 8)], g = given[Int(rng.next() % 11)]
            let y = 2012 + Int(rng.next() % 3), m = 1 + Int(rng.next() % 12), d = 1 + Int(rng.next() % 28)
            let date = String(format: "%04d%02d%02d", y, m, d)
            let c = C(id: LinkFixture.id(date, String(format: "%03d", Int(rng.next() % 999))), name: s.0 + g.0, pinyin: s.1 + g.1,
                      sex: i % 2 == 0 ? .male : .female, birth: String(format: "%04d-%02d-%02d", y, m, d),
                      father: s.0 + ["伟", "强", "军", "磊"][i % 4], household: "H\(i)")
            hukou.append(c)
            var st = c
            if i % 50 == 0 { st.id = "" }
            status.append(st)
        }
        let sources = [LinkFixture.source("公安户籍", .hukou, hukou), LinkFixture.source("学籍", .studentStatus, status)]
        let index = LinkStage.run(sources)
        let p = index.parameters
        #expect(p.emPairs > 1000 && p.uPairs > 1000)
        for field in [LinkField.id, .name, .birthDate, .sex] {
            #expect(p.m[field.rawValue][0] > p.u[field.rawValue][0], "\(field.key): agreeing level")
            let last = field.levels.count - 1
            #expect(p.m[field.rawValue][last] < p.u[field.rawValue][last], "\(field.key): disagreeing level")
        }
        // Records without ID are linked to their child unless another child shares name, sex and birth date.
        var linked = 0
        for i in stride(from: 0, to: 3000, by: 50) where samePerson(index, (0, i), (1, i)) { linked += 1 }
        #expect(linked >= 55)
        // No wrong links.
        for i in 0..<3000 { #expect(index.personOf[1][i] == index.personOf[0][i] || index.rule[1][i] == .none || index.rule[1][i] == .review) }
    }

    @Test("the index with its links, review pairs and parameters survives the store's binary form")
    func binaryForm() throws {
        let child = C(id: LinkFixture.id("20150312", "123"), name: "赵思远", pinyin: "zhaosiyuan", birth: "2015-03-12", father: "赵刚")
        var typo = child
        typo.id = String(child.id.prefix(15)) + "9" + String(child.id.suffix(2))
        let sources = [LinkFixture.source("公安户籍", .hukou, LinkFixture.background() + [child]),
                       LinkFixture.source("学籍", .studentStatus, [typo])]
        let index = LinkStage.run(sources)
        var w = BinaryWriter()
        index.encode(to: &w)
        var r = BinaryReader(w.bytes)
        let back = try PersonIndex(from: &r)
        #expect(back.personOf == index.personOf && back.rule == index.rule && back.links == index.links)
        #expect(back.parameters == index.parameters)
        #expect(back.persons.map(\.id) == index.persons.map(\.id))
    }

    @Test("Jaro–Winkler on pinyin", arguments: [("zhangwei", "zhangwei", 1.0), ("martha", "marhta", 0.961), ("zhangwei", "zhangwie", 0.975)])
    func jaroWinklerValues(_ a: String, _ b: String, _ expected: Double) {
        #expect(abs(jaroWinkler(a, b) - expected) < 0.002)
    }

    @Test("ids are Crockford base-32, last digit the lowest five bits", arguments: [
        (UInt64(0), 10, "0000000000"), (1, 10, "0000000001"), (0xFFFF_FFFF_FFFF_FFFF, 10, "ZZZZZZZZZZ"),
        (0xFFFF_FFFF_FFFF_FFFF, 13, "FZZZZZZZZZZZZ"), (0x1234_5678_9ABC_DEF0, 10, "2PF2DBSQQG"),
        (0x1234_5678_9ABC_DEF0, 4, "SQQG"), (0x1234_5678_9ABC_DEF0, 14, "014D2PF2DBSQQG"), (7, 0, ""),
    ])
    func idText(_ value: UInt64, _ count: Int, _ expected: String) {
        #expect(base32(value, count: count) == expected)
    }

    @Test("blocking rules parse; unknown keys are refused")
    func blockingRules() {
        #expect((try? BlockingRule.parse("birth_date+sex").get())?.atoms == [.birthDate, .sex])
        #expect((try? BlockingRule.parse("id_variants+parent_id").get()) == nil)
        #expect((try? BlockingRule.parse("birthday").get()) == nil)
        #expect((try? BlockingRule.parse("pinyin+parent_name").get()) == nil)  // the link stage's own
        #expect(BlockingRule.defaults.map(\.description) == ["birth_date+sex", "pinyin+birth_year", "id_variants", "parent_id", "name+town", "pinyin+school_code"])
        #expect(BlockingRule.defaults.map { try? BlockingRule.parse($0.description).get() } == BlockingRule.defaults)
        #expect(PipelineConfig.Linkage().blocking == BlockingRule.defaults)
    }

    @Test("kcbx review import reads the decision column of an exported workbook and the store keeps the decisions")
    func reviewWorkbook() throws {
        let dir = TestSupport.temporaryDirectory("kcbx-review")
        let url = dir.appendingPathComponent("人工核对.xlsx")
        let workbook = try XLSXWorkbook(url: url)
        let sheet = try workbook.addSheet("待核对", columns: [XLSXColumn(ClericalReview.keyHeader), XLSXColumn("姓名A"),
                                                           XLSXColumn(ClericalReview.decisionHeader, editable: true, choices: [ClericalReview.same, ClericalReview.different])])
        try sheet.append([.text("AAAA|BBBB"), .text("张伟"), .text(ClericalReview.same)])
        try sheet.append([.text("CCCC|DDDD"), .text("李娜"), .text(ClericalReview.different)])
        try sheet.append([.text("EEEE|FFFF"), .text("王芳"), .empty])
        try workbook.close()
        let decisions = try ClericalReview.decisions(in: url)
        #expect(decisions.map(\.recordA) == ["AAAA", "CCCC"] && decisions.map(\.same) == [true, false])
        let store = try Store(url: dir.appendingPathComponent("kcbx.sqlite"))
        try store.saveReviewDecisions(decisions)
        try store.saveReviewDecisions([StoredReviewDecision(recordA: "BBBB", recordB: "AAAA", same: false, file: "later.xlsx")])
        let stored = try store.reviewDecisions()
        #expect(stored.count == 2, "a later decision on the same pair replaces the earlier one")
        #expect(stored.first { $0.recordA == "AAAA" }?.same == false)
    }

    @Test("kcbx review import waits for no run: while a run holds the store's lock it stores nothing and says so (exit 3)")
    func reviewImportTakesTheRunLock() throws {
        let dir = TestSupport.temporaryDirectory("kcbx-review-lock")
        let url = dir.appendingPathComponent("人工核对.xlsx")
        let workbook = try XLSXWorkbook(url: url)
        let sheet = try workbook.addSheet("待核对", columns: [XLSXColumn(ClericalReview.keyHeader),
                                                           XLSXColumn(ClericalReview.decisionHeader, editable: true, choices: [ClericalReview.same, ClericalReview.different])])
        try sheet.append([.text("AAAA|BBBB"), .text(ClericalReview.same)])
        try workbook.close()
        let store = try Store(url: dir.appendingPathComponent("kcbx.sqlite"))
        do {
            let run = try RunLock(store: store.url)
            defer { withExtendedLifetime(run) {} }
            #expect(throws: KCBXError.self) { try ClericalReview.importDecisions(url, into: store) }
            do { try ClericalReview.importDecisions(url, into: store) } catch { #expect(error.kind == .locked) }
            #expect(try store.reviewDecisions().isEmpty)
        }
        #expect(try ClericalReview.importDecisions(url, into: store).count == 1)
        #expect(try store.reviewDecisions().count == 1)
    }
}
