import Foundation
import Testing
@testable import KCBXCore
import KCBXLedger
@testable import KCBXLink
@testable import KCBXNormalize
@testable import KCBXReconcile
@testable import KCBXReport
import KCBXSheets
import KCBXFormats
@testable import KCBXPipeline
@testable import KCBXStore

/// The ledger (台账) from run to run: opening, keeping, closing with reasons from the data, reopening,
/// officers' notes carried forward, reruns and out-of-order periods.
@Suite struct LedgerTests {
    let store = try! Store(url: TestSupport.temporaryDirectory("kcbx-ledger").appendingPathComponent("kcbx.sqlite"))

    /// Runs reconcile and the ledger update of one period as the pipeline does; returns the changed cases.
    @discardableResult
    func run(_ period: String, asOf: String, _ county: TestCounty) throws -> [Case] {
        let date = CivilDate(iso: asOf)!
        let config = TestCounty.config(asOf: date)
        let result = county.reconcile(asOf: date)
        let changed = LedgerBook.update(period: period, config: config, result: result, sources: county.sources, index: county.index,
                                        cases: try store.loadCases(), periods: try store.ledgerPeriods())
        var w = BinaryWriter()
        result.encode(to: &w)
        try store.saveReconcile(period: period, asOf: date, run: 1, parts: [("findings", w.bytes)], changedCases: changed)
        return changed
    }

    func ledger() throws -> [String: Case] {
        Dictionary(uniqueKeysWithValues: try store.loadCases().map { ($0.personID.dropFirst(2) + ":" + $0.code.rawValue, $0) })
    }

    /// Month 1 (as of 2026-08-31, school year 2025): a, b, d, e, g are not enrolled; c is.
    static func month1() -> TestCounty {
        var county = TestCounty()
        county.child("a", enrolled: nil)
        county.child("b", seq: 125, enrolled: nil)
        county.child("c", seq: 127)
        county.child("d", seq: 129, enrolled: nil)
        county.child("e", birth: "20110301", seq: 131, enrolled: nil)
        county.child("g", seq: 133, enrolled: nil)
        return county
    }

    /// Month 2 (as of 2026-09-30, school year 2026): a enrolled at 3707830003; b still missing; c newly
    /// missing; d moved out; e aged out (born 2011-03-01); g registered dead.
    static func month2() -> TestCounty {
        var county = TestCounty()
        county.child("a", enrolled: "3707830003")
        county.child("b", seq: 125, enrolled: nil)
        county.child("c", seq: 127, enrolled: nil)
        county.add(.hukou, "d", [.idNumber: TestCounty.id("20150302", seq: 129), .registrationStatus: "迁出"])
        county.child("e", birth: "20110301", seq: 131, enrolled: nil)
        county.add(.hukou, "g", [.idNumber: TestCounty.id("20150302", seq: 133), .registrationStatus: "死亡", .statusDate: "2026-09-12"])
        return county
    }

    @Test func threePeriods() throws {
        // Month 1: every unenrolled child opens a case.
        let first = try run("2026-08", asOf: "2026-08-31", Self.month1())
        #expect(first.count == 5)
        #expect(first.allSatisfy { $0.state == .open && $0.history.map(\.kind) == [.opened] && $0.openedOn == CivilDate(iso: "2026-08-31") })

        // Month 2: closings with reasons taken from the data, one new case, one kept.
        try run("2026-09", asOf: "2026-09-30", Self.month2())
        var cases = try ledger()
        #expect(cases.count == 6)
        let a = try #require(cases["a:not_enrolled"])
        #expect(a.state == .closed && a.closedOn == CivilDate(iso: "2026-09-30"))
        #expect(a.closeReason?.contains("已入学") == true && a.closeReason?.contains("3707830003") == true)
        #expect(cases["d:not_enrolled"]?.closeReason?.contains("迁出") == true)
        #expect(cases["e:not_enrolled"]?.closeReason?.contains("超出义务教育年龄") == true)
        #expect(cases["g:not_enrolled"]?.closeReason?.contains("死亡") == true)
        #expect(cases["b:not_enrolled"]?.state == .open)
        #expect(cases["b:not_enrolled"]?.history.map(\.kind) == [.opened, .seen])
        #expect(cases["b:not_enrolled"]?.lastSeenPeriod == "2026-09")
        #expect(cases["c:not_enrolled"]?.openedPeriod == "2026-09")

        // The officer's notes for b, imported after month 2.
        let b = try #require(cases["b:not_enrolled"])
        let notes = OfficerNotes(measures: "上门家访", responsible: "张老师", result: "劝返中", remarks: "")
        let rows = [LedgerBook.NotesImport(line: 2, caseID: b.id, checksum: LedgerWorkbook.checksum(caseID: b.id, personID: b.personID), notes: notes)]
        let imported = LedgerBook.importNotes(rows, cases: [b.id: b], period: "2026-09", date: CivilDate(iso: "2026-10-08")!, version: 3, checksum: checksum)
        #expect(imported.problems.isEmpty && imported.changed.count == 1)
        try store.saveCases(imported.changed)
        let history = try store.loadCases().reduce(0) { $0 + $1.history.count }

        // Month 3: month 2 rerun unchanged — no duplicate cases, no duplicate history, notes carried forward.
        let rerun = try run("2026-09", asOf: "2026-09-30", Self.month2())
        #expect(rerun.isEmpty)
        cases = try ledger()
        #expect(cases.count == 6)
        #expect(try store.loadCases().reduce(0) { $0 + $1.history.count } == history)
        #expect(cases["b:not_enrolled"]?.notes == notes)
        #expect(cases["b:not_enrolled"]?.history.map(\.kind) == [.opened, .seen, .notes])

        // Figures for the bulletin.
        let figures = LedgerBook.figures(try store.loadCases(), period: "2026-09", periods: ["2026-08", "2026-09"])
        #expect(figures.district == .init(opened: 6, closed: 4, open: 2))
        #expect(figures.openByPeriod.map(\.open) == [5, 2])
        #expect(figures.byTown["城关街道"]?.open == 2)
    }

    func checksum(_ c: Case) -> String { LedgerWorkbook.checksum(caseID: c.id, personID: c.personID) }

    @Test func anEarlierPeriodRerunDoesNotCloseLaterCases() throws {
        try run("2026-08", asOf: "2026-08-31", Self.month1())
        try run("2026-09", asOf: "2026-09-30", Self.month2())
        let before = try ledger()
        // Month 1 rerun after month 2: its own entries are rewritten; c (opened in 2026-09) stays open.
        let changed = try run("2026-08", asOf: "2026-08-31", Self.month1())
        #expect(changed.isEmpty)
        #expect(try ledger() == before)
        // Month 1 rerun with c missing already: c opens in 2026-08 and stays open in 2026-09, with one entry per period.
        var county = Self.month1()
        county = TestCounty()
        for (who, seq) in [("a", 123), ("b", 125), ("c", 127), ("d", 129), ("g", 133)] { county.child(who, seq: seq, enrolled: nil) }
        county.child("e", birth: "20110301", seq: 131, enrolled: nil)
        try run("2026-08", asOf: "2026-08-31", county)
        let c = try #require(try ledger()["c:not_enrolled"])
        #expect(c.state == .open && c.openedPeriod == "2026-08" && c.history.map(\.kind) == [.opened, .seen])
        #expect(try ledger()["a:not_enrolled"]?.state == .closed)
    }

    @Test func aRerunThatNoLongerFindsACaseRemovesItUnlessTheOfficerWorkedOnIt() throws {
        try run("2026-08", asOf: "2026-08-31", Self.month1())
        let cases = try store.loadCases()
        let withNotes = try #require(cases.first { $0.personID == "P-a" })
        var noted = withNotes
        noted.notes = OfficerNotes(result: "劝返中")
        try store.saveCases([noted])
        // The rerun of 2026-08 on corrected data finds nobody.
        var county = TestCounty()
        for (who, seq) in [("a", 123), ("b", 125), ("c", 127), ("d", 129), ("g", 133)] { county.child(who, seq: seq) }
        try run("2026-08", asOf: "2026-08-31", county)
        let after = try store.loadCases()
        #expect(after.map(\.personID) == ["P-a"])
        #expect(after.first?.state == .closed && after.first?.closeReason == "2026-08 期重新比对后未再发现")
        #expect(after.first?.notes.result == "劝返中")
        // A later period leaves it as it is.
        try run("2026-09", asOf: "2026-09-30", county)
        #expect(try store.loadCases() == after)
    }

    @Test func aClosedCaseFoundAgainReopens() throws {
        try run("2026-08", asOf: "2026-08-31", Self.month1())
        try run("2026-09", asOf: "2026-09-30", Self.month2())
        var county = Self.month2()
        county = TestCounty()
        county.child("a", enrolled: nil)
        try run("2026-10", asOf: "2026-10-31", county)
        let a = try #require(try ledger()["a:not_enrolled"])
        #expect(a.state == .open && a.closedOn == nil && a.closeReason == nil)
        #expect(a.history.map(\.kind) == [.opened, .closed, .reopened])
        #expect(a.openedPeriod == "2026-08" && a.lastSeenPeriod == "2026-10")
        // b, c not found in 2026-10 and nothing in the data says why.
        #expect(try ledger()["b:not_enrolled"]?.closeReason == "本期各部门数据中未再出现该儿童")
        let view = LedgerBook.view(asOf: "2026-09", try store.loadCases())
        #expect(view.first { $0.personID == "P-a" }?.state == .closed)
    }

    func notes(_ result: String, on date: String? = nil, _ explanation: String = "", measures: String = "") -> OfficerNotes {
        OfficerNotes(measures: measures, result: result, date: date.flatMap(CivilDate.init(iso:)), explanation: explanation)
    }

    func importRows(_ rows: [(Case, OfficerNotes)], on date: String, version: Int, copyVersion: Int,
                    period: String = "2026-08") throws -> LedgerBook.ImportOutcome {
        let imports = rows.enumerated().map { i, r in
            LedgerBook.NotesImport(line: i + 3, caseID: r.0.id, checksum: checksum(r.0), notes: r.1)
        }
        let outcome = LedgerBook.importNotes(imports, cases: try store.cases(ids: rows.map(\.0.id)), period: period,
                                             date: CivilDate(iso: date)!, version: version, copyVersion: copyVersion,
                                             work: .childFollowUp, checksum: checksum)
        try store.saveImport(outcome.changed, version: version, period: period, file: "test.xlsx")
        return outcome
    }

    struct RefusedRow: Sendable, CustomTestStringConvertible {
        var notes: OfficerNotes, problem: String
        var testDescription: String { problem }
    }

    /// Each ledger has its own results, and a closing result needs its date (and, where asked, its reason).
    @Test(arguments: [
        RefusedRow(notes: OfficerNotes(result: "已更正", date: CivilDate(iso: "2026-09-01")), problem: "不是控辍保学劝返台账的选项"),
        RefusedRow(notes: OfficerNotes(result: "其他"), problem: "不是控辍保学劝返台账的选项"),
        RefusedRow(notes: OfficerNotes(result: "已返校"), problem: "即销号，须填写处理日期"),
        RefusedRow(notes: OfficerNotes(result: "已核实在外地就读", date: CivilDate(iso: "2026-09-01")), problem: "须填写销号说明"),
        RefusedRow(notes: OfficerNotes(result: "已返校", date: CivilDate(iso: "2026-09-09")), problem: "晚于导入日"),
    ])
    func importRefusesResultsOutsideTheLedgersChoices(_ refused: RefusedRow) throws {
        try run("2026-08", asOf: "2026-08-31", Self.month1())
        let a = try #require(try ledger()["a:not_enrolled"])
        let outcome = try importRows([(a, refused.notes)], on: "2026-09-02", version: 2, copyVersion: 1)
        // Not entered; the typed text is kept on the case for the next version (待更正).
        #expect(outcome.updated == 0 && outcome.pending == 1 && outcome.changed.first?.pending?.typed.isEmpty == false)
        #expect(outcome.problems.count == 1 && outcome.problems[0].hasPrefix("第 3 行（案件 \(a.id)，") && outcome.problems[0].contains(refused.problem),
                "\(outcome.problems)")
        // On the right ledger the result is a choice; 核实无误 closes a record to correct.
        #expect(OfficerResult.named("已更正", on: .recordCorrection)?.closes == true)
        #expect(OfficerResult.named("已返校", on: .recordCorrection) == nil)
    }

    @Test func notesImportRefusesUnknownAndAlteredIDsAndIsIdempotent() throws {
        try run("2026-08", asOf: "2026-08-31", Self.month1())
        let cases = try store.loadCases()
        let a = cases[0], b = cases[1]
        let filled = OfficerNotes(measures: "电话联系", responsible: "李主任", result: "劝返中", remarks: "9月1日家访")
        let rows = [
            LedgerBook.NotesImport(line: 2, caseID: a.id, checksum: checksum(a), notes: filled),
            LedgerBook.NotesImport(line: 3, caseID: "C0000000000", checksum: "ABCD", notes: filled),
            LedgerBook.NotesImport(line: 4, caseID: b.id, checksum: checksum(a), notes: filled),
            LedgerBook.NotesImport(line: 5, caseID: a.id, checksum: checksum(a), notes: OfficerNotes(result: "劝返中")),
            LedgerBook.NotesImport(line: 6, caseID: b.id, checksum: checksum(b), notes: OfficerNotes(result: "已返校"), untouched: true),
        ]
        let first = LedgerBook.importNotes(rows, cases: try store.cases(ids: rows.map(\.caseID)), period: "2026-08",
                                           date: CivilDate(iso: "2026-09-02")!, version: 2, copyVersion: 1, checksum: checksum)
        #expect(first.changed.map(\.id) == [a.id])
        #expect(first.unchanged == 1)  // row 6: left as issued
        #expect(first.problems.count == 3)
        #expect(first.problems[0].hasPrefix("第 3 行") && first.problems[0].contains("台账中没有这个案件编号"))
        #expect(first.problems[1].hasPrefix("第 4 行") && first.problems[1].contains("校验码"))
        #expect(first.problems[2].hasPrefix("第 5 行") && first.problems[2].contains("此案已在第 2 行"))
        try store.saveImport(first.changed, version: 2, period: "2026-08", file: "t.xlsx")
        #expect(try store.ledgerVersion() == 2)
        let again = LedgerBook.importNotes(rows, cases: try store.cases(ids: rows.map(\.caseID)), period: "2026-08",
                                           date: CivilDate(iso: "2026-09-03")!, version: 3, copyVersion: 2, checksum: checksum)
        #expect(again.changed.isEmpty && again.unchanged == 2)
        let saved = try #require(try store.cases(ids: [a.id])[a.id])
        #expect(saved.notes == filled && saved.notesVersion == 2)
        #expect(saved.history.filter { $0.kind == .notes }.count == 1)
        #expect(saved.history.last?.detail.contains("处理结果：劝返中") == true)
    }

    /// A second import in the same month adds to the history; an older copy never reverts newer notes.
    @Test func importsAppendAndAnOlderCopyIsRefused() throws {
        try run("2026-08", asOf: "2026-08-31", Self.month1())
        let b = try #require(try ledger()["b:not_enrolled"])
        let first = try importRows([(b, notes("劝返中", measures: "上门家访"))], on: "2026-09-02", version: 2, copyVersion: 1)
        #expect(first.problems.isEmpty)
        let second = try importRows([(b, notes("劝返中", measures: "再次家访，家长答应送回"))], on: "2026-09-03", version: 3, copyVersion: 2)
        #expect(second.problems.isEmpty && second.changed.count == 1)
        let kept = try #require(try ledger()["b:not_enrolled"])
        #expect(kept.history.filter { $0.kind == .notes }.map(\.detail) == ["措施：上门家访；处理结果：劝返中", "措施：再次家访，家长答应送回；处理结果：劝返中"])
        #expect(kept.history.filter { $0.kind == .notes }.map(\.date.description) == ["2026-09-02", "2026-09-03"])
        // The version-1 copy, with b filled in differently: refused, naming the newer version.
        let stale = try importRows([(b, notes("暂无法联系"))], on: "2026-09-04", version: 4, copyVersion: 1)
        #expect(stale.changed.isEmpty)
        #expect(stale.problems.first?.contains("第 3 版的导入更改") == true && stale.problems.first?.contains("本表是第 1 版") == true)
        #expect(try ledger()["b:not_enrolled"]?.notes.measures == "再次家访，家长答应送回")
        #expect(try store.ledgerVersion() == 3)
    }

    /// 已返校 closes the case at once; it stands while the data lags, and reopens, saying why, when the
    /// child is still not enrolled two months after the officer's date.
    @Test func anOfficersClosingStandsUntilTheDataContradictsIt() throws {
        try run("2026-08", asOf: "2026-08-31", Self.month1())
        let a = try #require(try ledger()["a:not_enrolled"]), b = try #require(try ledger()["b:not_enrolled"])
        let outcome = try importRows([(a, notes("已核实在外地就读", on: "2026-09-04", "济南市历下区实验小学")),
                                      (b, notes("已返校", on: "2026-09-05"))], on: "2026-09-06", version: 2, copyVersion: 1)
        #expect(outcome.problems.isEmpty && outcome.closed == 2)
        var closed = try #require(try ledger()["b:not_enrolled"])
        #expect(closed.state == .closed && closed.closedOn == CivilDate(iso: "2026-09-05") && closed.closeReason == "经办人销号：已返校")
        // The bulletin counts it closed.
        #expect(LedgerBook.figures(try store.loadCases(), period: "2026-08", periods: ["2026-08"]).district.closed == 2)

        // a and b are still not enrolled in the data of 2026-09 and 2026-10: the closings stand.
        var missing = TestCounty()
        missing.child("a", enrolled: nil)
        missing.child("b", seq: 125, enrolled: nil)
        try run("2026-09", asOf: "2026-09-30", missing)
        try run("2026-10", asOf: "2026-10-31", missing)
        closed = try #require(try ledger()["b:not_enrolled"])
        #expect(closed.state == .closed && closed.history.map(\.kind) == [.opened, .notes, .officerClosed, .seen, .seen])
        // 2026-11-30 is two months after 2026-09-05: b reopens with the reason; a (another county's school) stays closed.
        try run("2026-11", asOf: "2026-11-30", missing)
        let reopened = try #require(try ledger()["b:not_enrolled"])
        #expect(reopened.state == .open && reopened.closedOn == nil)
        let entry = try #require(reopened.history.last)
        #expect(entry.kind == .reopened && entry.period == "2026-11")
        #expect(entry.detail.hasPrefix("经办人2026-09-05销号（已返校），2 个月后 2026-11 期比对仍发现"))
        #expect(try ledger()["a:not_enrolled"]?.closeReason == "经办人销号：已核实在外地就读（济南市历下区实验小学）")
        // A rerun of 2026-11 decides the same.
        #expect(try run("2026-11", asOf: "2026-11-30", missing).isEmpty)
        // Withdrawing a closing (处理结果 back to 劝返中) reopens it too.
        let a2 = try #require(try ledger()["a:not_enrolled"])
        let now = try store.ledgerVersion()
        _ = try importRows([(a2, notes("劝返中"))], on: "2026-12-01", version: now + 1, copyVersion: now, period: "2026-11")
        let withdrawn = try #require(try ledger()["a:not_enrolled"])
        #expect(withdrawn.state == .open && withdrawn.history.last?.kind == .officerReopened)
    }

    @Test func ledgerWorkbooksHaveTheirOwnChoicesPeriodAndVersion() throws {
        try run("2026-08", asOf: "2026-08-31", Self.month1())
        try run("2026-09", asOf: "2026-09-30", Self.month2())
        let dir = TestSupport.temporaryDirectory("kcbx-ledger-book")
        let ledger = LedgerWorkbook.Issue(cases: try store.loadCases(), config: TestCounty.config(asOf: CivilDate(iso: "2026-09-30")!),
                                          period: "2026-09", version: try store.ledgerVersion(), schools: [:])
        let url = try #require(try LedgerWorkbook.issue(ledger, work: .childFollowUp, into: dir))
        #expect(url.lastPathComponent == "控辍保学劝返台账_2026年9月_第2版.xlsx")
        let strings = try TestSupport.zipPart(url, "xl/sharedStrings.xml")
        for word in ["劝返措施", "责任人", "处理结果", "处理日期", "销号说明", "已销号", "在办", "销号", "立案", "测试县教育局", "反馈期限"] {
            #expect(strings.contains(word), "\(word)")
        }
        let sheet = try TestSupport.zipPart(url, "xl/worksheets/sheet1.xml")
        #expect(sheet.contains("sheetProtection"))
        #expect(sheet.contains("已返校") && !sheet.contains("已更正"))  // the 处理结果 drop-down of this ledger
        let read = try LedgerWorkbook.readNotes(url)
        #expect(read.copy == .init(work: .childFollowUp, period: "2026-09", version: 2, deadline: CivilDate(iso: "2026-10-15")))
        #expect(read.problems.isEmpty && read.rows.count == 6 && read.rows.allSatisfy(\.untouched))
        // Issued again at the same version: the file (perhaps filled in) is kept, never overwritten.
        let before = try Data(contentsOf: url)
        #expect(try LedgerWorkbook.issue(ledger, work: .childFollowUp, into: dir) == nil)
        #expect(try Data(contentsOf: url) == before)
    }
}

/// The month an officer lives through: the run issues the ledger, the officer fills it in and imports
/// it (twice), closes a case, the night's rerun and next month's run follow — nothing filled in is lost.
extension LedgerTests {
    /// An officer's copy of `url`: the issued sheets as a spreadsheet program saves them, with the
    /// officer's columns of the cases in `edits` (case id → header → value) filled in.
    func fillIn(_ url: URL, _ edits: [String: [String: String]], as name: String) throws -> URL {
        let copy = url.deletingLastPathComponent().appendingPathComponent(name)
        let book = try XLSXWorkbook(url: copy)
        let cases = try XLSXReader(url: url, sheet: LedgerWorkbook.casesSheet, isHeader: { $0.contains("案件编号") })
        let header = cases.header
        let sheet = try book.addSheet(LedgerWorkbook.casesSheet, columns: header.map { XLSXColumn($0) })
        let id = try #require(header.firstIndex(of: "案件编号"))
        while let row = try cases.next() {
            var values = row.values
            for (column, value) in edits[values[id]] ?? [:] { values[try #require(header.firstIndex(of: column))] = value }
            try sheet.append(values.map { XLSXCell.text($0) })
        }
        let about = try XLSXReader(url: url, sheet: LedgerWorkbook.aboutSheet)
        let aboutSheet = try book.addSheet(LedgerWorkbook.aboutSheet, columns: about.header.map { XLSXColumn($0) })
        while let row = try about.next() { try aboutSheet.append(row.values.map { XLSXCell.text($0) }) }
        try book.close()
        return copy
    }

    @Test func aFullMonthLosesNothingFilledIn() throws {
        let out = TestSupport.temporaryDirectory("kcbx-ledger-month")
        var config = TestCounty.config(asOf: CivilDate(iso: "2026-08-31")!)
        config.outputDirectory = out
        let fillInFolder = out.appendingPathComponent(LedgerWorkbook.folder)
        func issue(_ period: String, _ asOf: String) throws -> URL {
            let cases = LedgerBook.view(asOf: period, try store.loadCases())
            var c = config
            c.asOf = CivilDate(iso: asOf)!
            let ledger = LedgerWorkbook.Issue(cases: cases, config: c, period: period, version: try store.ledgerVersion(), schools: [:])
            _ = try LedgerWorkbook.issue(ledger, work: .childFollowUp, into: fillInFolder)
            return fillInFolder.appendingPathComponent(LedgerWorkbook.fileName(.childFollowUp, period: period, version: ledger.version(.childFollowUp)))
        }
        // The run of 2026-08 issues version 1.
        try run("2026-08", asOf: "2026-08-31", Self.month1())
        let v1 = try issue("2026-08", "2026-08-31")
        #expect(v1.lastPathComponent == "控辍保学劝返台账_2026年8月_第1版.xlsx")
        let a = try #require(try ledger()["a:not_enrolled"]), b = try #require(try ledger()["b:not_enrolled"])

        // The town officer fills in b (劝返中) and closes a (已返校) and imports: version 2 is written at once.
        let filled = try fillIn(v1, [b.id: ["劝返措施": "上门家访", "责任人": "张老师", "处理结果": "劝返中"],
                                    a.id: ["处理结果": "已返校", "处理日期": "2026-09-03", "备注": "家长送回"]], as: "镇上报回.xlsx")
        let first = try LedgerImport.run(filled, config: config, store: store, today: CivilDate(iso: "2026-09-04")!)
        #expect(first.problems.isEmpty && first.changed == 2 && first.closed == 1 && first.unchanged == 3)
        // Only the ledger that changed gets a new version.
        #expect(first.written.map(\.lastPathComponent) == ["控辍保学劝返台账_2026年8月_第2版.xlsx"])
        #expect(try ledger()["a:not_enrolled"]?.state == .closed)

        // The same copy again: nothing changes. Then a second import the same month, on version 2.
        let again = try LedgerImport.run(filled, config: config, store: store, today: CivilDate(iso: "2026-09-05")!)
        #expect(again.changed == 0 && again.problems.isEmpty)
        let v2 = fillInFolder.appendingPathComponent("控辍保学劝返台账_2026年8月_第2版.xlsx")
        let second = try fillIn(v2, [b.id: ["劝返措施": "再次家访", "处理结果": "劝返中"]], as: "镇上第二次报回.xlsx")
        let next = try LedgerImport.run(second, config: config, store: store, today: CivilDate(iso: "2026-09-06")!)
        #expect(next.problems.isEmpty && next.changed == 1)
        // The first copy, edited further on b after that: refused, naming the newer version.
        let stale = try fillIn(v1, [b.id: ["劝返措施": "电话联系", "处理结果": "暂无法联系"]], as: "旧表.xlsx")
        let refused = try LedgerImport.run(stale, config: config, store: store, today: CivilDate(iso: "2026-09-07")!)
        #expect(refused.changed == 0 && refused.problems.count == 1 && refused.problems[0].contains("第 3 版的导入更改"))

        // The night's rerun of 2026-08 and the run of 2026-09: the ledger's notes and entries all remain.
        try run("2026-08", asOf: "2026-08-31", Self.month1())
        try run("2026-09", asOf: "2026-09-30", Self.month2())
        let kept = try #require(try ledger()["b:not_enrolled"])
        #expect(kept.notes.measures == "再次家访" && kept.notes.responsible == "张老师")
        #expect(kept.history.filter { $0.kind == .notes }.map(\.detail) == ["措施：上门家访；责任人：张老师；处理结果：劝返中",
                                                                           "措施：再次家访；责任人：张老师；处理结果：劝返中"])
        let closedA = try #require(try ledger()["a:not_enrolled"])
        #expect(closedA.state == .closed && closedA.notes.remarks == "家长送回" && closedA.history.contains { $0.kind == .officerClosed })
        // Every file officers filled in or were issued is still there; the new month's ledger is issued beside them.
        let v4 = try issue("2026-09", "2026-09-30")
        for file in [v1, v2, filled, second, stale, v4] { #expect(FileManager.default.fileExists(atPath: file.path), "\(file.lastPathComponent)") }
        // A copy of 2026-08 still imports after 2026-09 ran (late replies count), but not over newer work:
        // b's row, changed by the version-3 import, is refused; the rest is as the ledger holds it.
        let late = try LedgerImport.run(stale, config: config, store: store, today: CivilDate(iso: "2026-09-10")!)
        #expect(late.changed == 0 && late.problems.count == 1 && late.problems[0].contains("第 3 版的导入更改"), "\(late.problems)")
        #expect(late.notices.contains { $0.contains("本表是 2026-08 期的") })
        // The new copy carries b's notes as the officer left them.
        let read = try LedgerWorkbook.readNotes(v4)
        #expect(read.rows.first { $0.caseID == b.id }?.notes.measures == "再次家访")
    }
}
