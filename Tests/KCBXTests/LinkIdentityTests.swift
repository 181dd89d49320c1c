import Foundation
import Testing
@testable import KCBXCore
@testable import KCBXLink
@testable import KCBXNormalize

/// Whose number a record carries (借用/冒用身份证件号), and records without an ID number.
@Suite("Link identity")
struct LinkIdentityTests {
    typealias C = LinkFixture.Child

    func same(_ index: PersonIndex, _ a: (Int, Int), _ b: (Int, Int)) -> Bool { index.personOf[a.0][a.1] == index.personOf[b.0][b.1] }

    @Test("a pupil using a local child's number (birth date of the same month) is kept apart from the holder, with its own rows and hukou")
    func borrowedNumber() throws {
        // The holder: resident, school age, no 学籍 of her own.
        let holder = C(id: LinkFixture.id("20140312", "226"), name: "孙雨桐", pinyin: "sunyutong", sex: .female, birth: "2014-03-12",
                       father: "孙立军", household: "H801")
        // The pupil: her own hukou record and number; her 学籍 and attendance rows carry the holder's number.
        let pupil = C(id: LinkFixture.id("20140327", "113"), name: "马浩然", pinyin: "mahaoran", birth: "2014-03-27",
                      father: "马东升", household: "H802")
        var status = pupil
        status.id = holder.id
        let sources = [LinkFixture.source("公安户籍", .hukou, LinkFixture.background() + [holder, pupil]),
                       LinkFixture.source("学籍", .studentStatus, [status]),
                       LinkFixture.source("学校考勤", .attendance, [status])]
        let index = LinkStage.run(sources)
        let hHolder = sources[0].records.count - 2, hPupil = hHolder + 1
        #expect(!same(index, (0, hHolder), (1, 0)), "the holder does not look enrolled")
        #expect(!same(index, (0, hHolder), (2, 0)))
        #expect(same(index, (1, 0), (2, 0)), "the borrower's rows are one person")
        #expect(same(index, (0, hPupil), (1, 0)), "and that person is the pupil of her own hukou record")
        #expect(index.persons[Int(index.personOf[0][hHolder])].members.count == 1)
        let b = try #require(index.borrowedID(source: 1, index: 0))
        #expect(b.holder == index.personOf[0][hHolder] && b.kind == .otherPerson && b.holderRecord == RecordRef(source: 0, record: hHolder))
        #expect(index.borrowedID(source: 2, index: 0) != nil)
        #expect(index.parameters.figures["borrowed_ids"] == 2)
        // The binary form keeps it.
        var w = BinaryWriter()
        index.encode(to: &w)
        var r = BinaryReader(w.bytes)
        let back = try PersonIndex(from: &r)
        #expect(back.borrowedIDs == index.borrowedIDs)
        #expect(back.borrowedID(source: 1, index: 0) == b)
    }

    @Test("a twin's record with the co-twin's number goes to the twin whose name it bears")
    func twinNumber() throws {
        let fatherID = "370783198503020318"
        let a = C(id: LinkFixture.id("20160808", "131"), name: "刘子涵", pinyin: "liuzihan", birth: "2016-08-08",
                  father: "刘建华", fatherID: fatherID, household: "H900")
        let b = C(id: LinkFixture.id("20160808", "153"), name: "刘子轩", pinyin: "liuzixuan", birth: "2016-08-08",
                  father: "刘建华", fatherID: fatherID, household: "H900")
        var status = b
        status.id = a.id
        let sources = [LinkFixture.source("公安户籍", .hukou, LinkFixture.background() + [a, b]),
                       LinkFixture.source("学籍", .studentStatus, [status])]
        let index = LinkStage.run(sources)
        let ha = sources[0].records.count - 2, hb = ha + 1
        #expect(same(index, (0, hb), (1, 0)))
        #expect(!same(index, (0, ha), (1, 0)))
        let borrowed = try #require(index.borrowedID(source: 1, index: 0))
        #expect(borrowed.kind == .coTwin && borrowed.holder == index.personOf[0][ha])
    }

    @Test("a parent's number in a child's row: not the parent, the child by name, birth date and guardian")
    func parentNumber() throws {
        let father = C(id: LinkFixture.id("19850606", "017"), name: "陈建业", pinyin: "chenjianye", birth: "1985-06-06", household: "H910")
        let child = C(id: LinkFixture.id("20150404", "135"), name: "陈思远", pinyin: "chensiyuan", birth: "2015-04-04",
                      father: "陈建业", fatherID: father.id, household: "H910")
        var status = child
        status.id = father.id; status.fatherID = ""; status.household = ""
        // A welfare row (no birth date) with the father's number too.
        var welfare = child
        welfare.id = father.id; welfare.birth = ""; welfare.fatherID = ""; welfare.household = ""
        let sources = [LinkFixture.source("公安户籍", .hukou, LinkFixture.background() + [father, child]),
                       LinkFixture.source("学籍", .studentStatus, [status]),
                       LinkFixture.source("民政", .welfare, [welfare])]
        let index = LinkStage.run(sources)
        let hf = sources[0].records.count - 2, hc = hf + 1
        #expect(!same(index, (0, hf), (1, 0)) && !same(index, (0, hf), (2, 0)))
        #expect(same(index, (0, hc), (1, 0)))
        #expect(same(index, (0, hc), (2, 0)))
        #expect(try #require(index.borrowedID(source: 1, index: 0)).kind == .parent)
        #expect(try #require(index.borrowedID(source: 2, index: 0)).kind == .parent)
    }

    /// A deferral list: rows with IDs for background children (so the list is known to be of hukou children), then `rows`.
    func deferrals(_ rows: [C]) -> [C] {
        LinkFixture.background().prefix(6).map { var c = $0; c.father = ""; c.town = ""; c.household = ""; return c } + rows
    }

    @Test("a deferral row without ID is linked on name, guardian and town")
    func idlessDeferral() {
        let child = C(id: LinkFixture.id("20200115", "042"), name: "赵一鸣", pinyin: "zhaoyiming", birth: "2020-01-15",
                      father: "赵德明", household: "H920")
        let row = C(name: "赵一鸣", pinyin: "zhaoyiming", sex: nil, birth: "", father: "赵德明", town: "河口镇")
        let sources = [LinkFixture.source("公安户籍", .hukou, LinkFixture.background() + [child]),
                       LinkFixture.source("缓学免学审批", .deferral, deferrals([row]))]
        let index = LinkStage.run(sources)
        let d = sources[1].records.count - 1
        #expect(same(index, (0, sources[0].records.count - 1), (1, d)))
        #expect(index.rule[1][d] == .probabilistic)
        #expect(index.possibleMatches[RecordRef(source: 1, record: d)] == nil)
    }

    @Test("two namesakes for a row with only a name: a review pair each, no link, both possible matches")
    func namesakes() throws {
        let a = C(id: LinkFixture.id("20190911", "071"), name: "王浩然", pinyin: "wanghaoran", birth: "2019-09-11", father: "王东", household: "H930")
        let b = C(id: LinkFixture.id("20200302", "093"), name: "王浩然", pinyin: "wanghaoran", birth: "2020-03-02", father: "王磊", household: "H931")
        let row = C(name: "王浩然", pinyin: "wanghaoran", sex: nil, birth: "", town: "")
        let sources = [LinkFixture.source("公安户籍", .hukou, LinkFixture.background() + [a, b]),
                       LinkFixture.source("缓学免学审批", .deferral, deferrals([row]))]
        let index = LinkStage.run(sources)
        let ha = sources[0].records.count - 2, hb = ha + 1, d = sources[1].records.count - 1
        #expect(!same(index, (0, ha), (1, d)) && !same(index, (0, hb), (1, d)))
        #expect(index.rule[1][d] == .none)
        let possible = try #require(index.possibleMatches[RecordRef(source: 1, record: d)])
        #expect(Set(possible) == [index.personOf[0][ha], index.personOf[0][hb]])
        #expect(index.reviewPairs.filter { $0.record == RecordRef(source: 1, record: d) }.count == 2)
        var w = BinaryWriter()
        index.encode(to: &w)
        var r = BinaryReader(w.bytes)
        #expect(try PersonIndex(from: &r).possibleMatches == index.possibleMatches)
    }
    @Test("two namesakes at one school (李思彤), one already on an attendance row of her own number: the ID-less row is the other's")
    func attendanceRowOfTheNamesakeWithoutOne() throws {
        let a = C(id: LinkFixture.id("20130101", "402"), name: "李思彤", pinyin: "lisitong", sex: .female, birth: "2013-01-01",
                  father: "李军", household: "H950")
        let b = C(id: LinkFixture.id("20131005", "404"), name: "李思彤", pinyin: "lisitong", sex: .female, birth: "2013-10-05",
                  father: "李强", household: "H951")
        let row = C(name: "李思彤", pinyin: "lisitong", sex: nil, birth: "")
        let background = LinkFixture.background().prefix(8).map { var c = $0; c.father = ""; c.household = ""; return c }
        for aAttends in [false, true] {
            let rows = background + (aAttends ? [a] : []) + [row]
            let sources = [LinkFixture.source("公安户籍", .hukou, LinkFixture.background() + [a, b]),
                           LinkFixture.source("学校考勤", .attendance, rows)]
            let index = LinkStage.run(sources)
            let ha = sources[0].records.count - 2, hb = ha + 1, r = rows.count - 1
            if aAttends {
                #expect(same(index, (0, hb), (1, r)), "the row goes to the namesake without an attendance row")
                #expect(same(index, (0, ha), (1, r - 1)))
            } else {
                #expect(!same(index, (0, ha), (1, r)) && !same(index, (0, hb), (1, r)), "two equal candidates: no link")
                #expect(Set(try #require(index.possibleMatches[RecordRef(source: 1, record: r)])) == [index.personOf[0][ha], index.personOf[0][hb]])
            }
        }
    }
}
