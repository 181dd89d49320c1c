import Foundation
import Testing
@testable import KCBXCore
@testable import KCBXLink
@testable import KCBXNormalize
@testable import KCBXReconcile
@testable import KCBXReport
import KCBXSheets
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
        let imported = LedgerBook.importNotes(rows, cases: [b.id: b], period: "2026-09", date: CivilDate(iso: "2026-10-08")!, checksum: checksum)
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

    @Test func notesImportRefusesUnknownAndAlteredIDsAndIsIdempotent() throws {
        try run("2026-08", asOf: "2026-08-31", Self.month1())
        let cases = try store.loadCases()
        let a = cases[0], b = cases[1]
        let notes = OfficerNotes(measures: "电话联系", responsible: "李主任", result: "已返校", remarks: "9月1日返校")
        let rows = [
            LedgerBook.NotesImport(line: 2, caseID: a.id, checksum: checksum(a), notes: notes),
            LedgerBook.NotesImport(line: 3, caseID: "C0000000000", checksum: "ABCD", notes: notes),
            LedgerBook.NotesImport(line: 4, caseID: b.id, checksum: checksum(a), notes: notes),
            LedgerBook.NotesImport(line: 5, caseID: a.id, checksum: checksum(a), notes: OfficerNotes(result: "其他")),
        ]
        let stored = try store.cases(ids: rows.map(\.caseID))
        #expect(stored.count == 2)
        let first = LedgerBook.importNotes(rows, cases: stored, period: "2026-08", date: CivilDate(iso: "2026-09-02")!, checksum: checksum)
        #expect(first.changed.map(\.id) == [a.id])
        #expect(first.problems.count == 3)
        #expect(first.problems[0].hasPrefix("row 3:") && first.problems[0].contains("not in the ledger"))
        #expect(first.problems[1].hasPrefix("row 4:") && first.problems[1].contains("校验码"))
        #expect(first.problems[2].hasPrefix("row 5:"))
        try store.saveCases(first.changed)
        let again = LedgerBook.importNotes(rows, cases: try store.cases(ids: rows.map(\.caseID)), period: "2026-08",
                                           date: CivilDate(iso: "2026-09-03")!, checksum: checksum)
        #expect(again.changed.isEmpty && again.unchanged == 1)
        let saved = try #require(try store.cases(ids: [a.id])[a.id])
        #expect(saved.notes == notes)
        #expect(saved.history.filter { $0.kind == .notes }.count == 1)
        #expect(saved.history.last?.detail.contains("处理结果：已返校") == true)
    }

    @Test func ledgerWorkbookHasTheOfficersColumnsAndHistory() throws {
        try run("2026-08", asOf: "2026-08-31", Self.month1())
        try run("2026-09", asOf: "2026-09-30", Self.month2())
        var county = Self.month2()
        let result = county.reconcile(asOf: CivilDate(iso: "2026-09-30")!)
        county = Self.month2()
        let input = ReportInput(config: TestCounty.config(asOf: CivilDate(iso: "2026-09-30")!), period: "2026-09", sources: county.sources,
                                index: county.index, reconcile: result, manifest: [:], cases: try store.loadCases())
        let dir = TestSupport.temporaryDirectory("kcbx-ledger-book")
        let url = dir.appendingPathComponent(LedgerWorkbook.fileName)
        try LedgerWorkbook.write(input, to: url)
        let workbook = try TestSupport.zipPart(url, "xl/workbook.xml")
        #expect(workbook.contains("台账") && workbook.contains("处理记录"))
        let strings = try TestSupport.zipPart(url, "xl/sharedStrings.xml")
        for word in ["劝返措施", "责任人", "处理结果", "备注", "已销号", "在办", "销号", "立案"] { #expect(strings.contains(word), "\(word)") }
        let sheet = try TestSupport.zipPart(url, "xl/worksheets/sheet1.xml")
        #expect(sheet.contains("sheetProtection"))
        #expect(sheet.contains("已返校"))  // the 处理结果 drop-down
    }
}

extension LedgerTests {
    @Test func officersEditedLedgerIsReadBack() throws {
        try run("2026-08", asOf: "2026-08-31", Self.month1())
        let cases = try store.loadCases()
        let dir = TestSupport.temporaryDirectory("kcbx-ledger-edit")
        // The ledger as written reads back with empty notes on every case.
        let written = dir.appendingPathComponent(LedgerWorkbook.fileName)
        var county = Self.month1()
        let input = ReportInput(config: TestCounty.config(), period: "2026-08", sources: county.sources, index: county.index,
                                reconcile: county.reconcile(asOf: CivilDate(iso: "2026-08-31")!), manifest: [:], cases: cases)
        try LedgerWorkbook.write(input, to: written)
        let plain = try LedgerWorkbook.readNotes(written)
        #expect(plain.problems.isEmpty)
        #expect(Set(plain.rows.map(\.caseID)) == Set(cases.map(\.id)))
        #expect(plain.rows.allSatisfy { $0.notes.isEmpty && $0.line >= 2 })

        // The officer's copy: notes on the first case, an altered id on the second row, notes without an id.
        county = TestCounty()
        let edited = dir.appendingPathComponent("edited.xlsx")
        let book = try XLSXWorkbook(url: edited)
        let sheet = try book.addSheet(LedgerWorkbook.casesSheet, columns: LedgerWorkbook.columns)
        func row(_ id: String, _ check: String, _ result: String) -> [XLSXCell] {
            [.text(id), .text(check)] + Array(repeating: XLSXCell.empty, count: 14) + [.text("家访"), .text("王老师"), .text(result), .text("")]
        }
        try sheet.append(row(cases[0].id, LedgerWorkbook.checksum(caseID: cases[0].id, personID: cases[0].personID), "已返校"))
        try sheet.append(row(cases[1].id.replacingOccurrences(of: "C", with: "D"), "ZZZZ", "劝返中"))
        try sheet.append(row("", "", "其他"))
        try book.close()
        let read = try LedgerWorkbook.readNotes(edited)
        #expect(read.rows.count == 2)
        #expect(read.rows[0].notes == OfficerNotes(measures: "家访", responsible: "王老师", result: "已返校"))
        #expect(read.problems == ["row 4: notes without a case id (案件编号); not imported"])
        let imports = read.rows.map { LedgerBook.NotesImport(line: $0.line, caseID: $0.caseID, checksum: $0.checksum, notes: $0.notes) }
        let outcome = LedgerBook.importNotes(imports, cases: try store.cases(ids: read.rows.map(\.caseID)), period: "2026-08",
                                             date: CivilDate(iso: "2026-09-01")!, checksum: checksum)
        #expect(outcome.changed.map(\.id) == [cases[0].id])
        #expect(outcome.problems.count == 1 && outcome.problems[0].hasPrefix("row 3:"))
    }
}
