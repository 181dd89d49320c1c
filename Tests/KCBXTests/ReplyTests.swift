import Foundation
import Testing
@testable import KCBXCore
import KCBXLedger
@testable import KCBXReconcile
@testable import KCBXReport
@testable import KCBXSheets
import KCBXFormats
@testable import KCBXPipeline
@testable import KCBXStore

/// Replies (回执) back into the ledger: what each choice of each reply list does to a case (the one
/// table, ``ReplyChoice``), typed values refused by row in Chinese, dates read and never guessed.
@Suite struct ReplyTests {
    let store = try! Store(url: TestSupport.temporaryDirectory("kcbx-replies").appendingPathComponent("kcbx.sqlite"))

    /// The ledger of month 1 of ``LedgerTests``: a, b, d, e, g not enrolled (as of 2026-08-31).
    func ledger() throws -> [String: Case] {
        if try store.loadCases().isEmpty {
            let date = CivilDate(iso: "2026-08-31")!
            let county = LedgerTests.month1()
            let result = county.reconcile(asOf: date)
            let changed = LedgerBook.update(period: "2026-08", config: TestCounty.config(asOf: date), result: result, sources: county.sources,
                                            index: county.index, cases: [], periods: [:])
            var w = BinaryWriter()
            result.encode(to: &w)
            try store.saveReconcile(period: "2026-08", asOf: date, run: 1, parts: [("findings", w.bytes)], changedCases: changed)
        }
        return Dictionary(uniqueKeysWithValues: try store.loadCases().map { (String($0.personID.dropFirst(2)), $0) })
    }

    /// One row of a reply list, typed as an officer would, and what it must do to child a's case.
    struct Example: Sendable, CustomTestStringConvertible {
        var kind: ReplyKind, choice: String, date = "", school = "", place = "", explanation = ""
        /// The refusal's words, or nil when the row imports.
        var refused: String? = nil
        var state: Case.State = .open
        /// The ledger 处理结果 after the reply, and words of the case's close reason (销号说明).
        var result = "", reason: [String] = []
        var testDescription: String { "\(kind.title) \(choice) \(date)" }
    }

    @Test(arguments: [
        Example(kind: .townPacket, choice: "已返校", date: "2026-09-03", state: .closed, result: "已返校", reason: ["已返校", "镇街核查名单"]),
        Example(kind: .townPacket, choice: "已返校", date: "2026.9.3", state: .closed, result: "已返校", reason: ["已返校"]),
        Example(kind: .townPacket, choice: "已返校", date: "2026年9月3日", state: .closed, result: "已返校"),
        Example(kind: .townPacket, choice: "已经返校", date: "2026-09-03", refused: "核查结果「已经返校」不是镇街核查名单的选项（可选：「劝返中」"),
        Example(kind: .townPacket, choice: "已返校", date: "九月三日", refused: "反馈日期不是日期"),
        Example(kind: .townPacket, choice: "已返校", date: "2026-13-03", refused: "无法识别为日期"),
        Example(kind: .townPacket, choice: "已返校", refused: "核查结果「已返校」须填写反馈日期"),
        Example(kind: .townPacket, choice: "已返校", date: "2026-09-30", refused: "反馈日期 2026-09-30 晚于导入日 2026-09-06"),
        Example(kind: .townPacket, choice: "劝返中", explanation: "家长外出务工，电话已联系", result: "劝返中"),
        Example(kind: .whereabouts, choice: "在外地就读", date: "2026-09-04", school: "济南市历下区实验小学", place: "山东省济南市历下区",
                state: .closed, result: "已核实在外地就读", reason: ["已核实在外地就读", "济南市历下区实验小学（山东省济南市历下区）", "去向确认名单"]),
        Example(kind: .whereabouts, choice: "在外地就读", date: "2026-09-04", refused: "核实去向「在外地就读」须填写现就读学校（全称）、就读地（省市县）"),
        Example(kind: .whereabouts, choice: "未入学", date: "2026-09-04", result: "劝返中"),
        Example(kind: .whereabouts, choice: "其他", date: "2026-09-04", refused: "须填写说明"),
        Example(kind: .regionLetter, choice: "在当地就读", date: "2026-09-05", school: "太和县第一小学", state: .closed,
                result: "已核实在外地就读", reason: ["太和县第一小学（安徽省阜阳市太和县）", "外地户籍协查名单"]),
        Example(kind: .regionLetter, choice: "查无此人", date: "2026-09-05"),
        Example(kind: .schoolCorrection, choice: "已更正", date: "2026-09-05", refused: "处理结果「已更正」不是控辍保学劝返台账的选项"),
    ])
    func aReplyRowDoesWhatItsChoiceSays(_ example: Example) throws {
        let a = try #require(try ledger()["a"])
        let copy = ReplySheets.Copy(kind: example.kind, period: "2026-08", scope: "\(example.kind.scopeTitle)：安徽省阜阳市太和县",
                                    versions: try store.ledgerVersions())
        let row = ReplySheets.Row(line: 7, key: a.id, checksum: LedgerWorkbook.checksum(caseID: a.id, personID: a.personID), choice: example.choice,
                                  person: "王老师", dateText: example.date, school: example.school, place: example.place,
                                  explanation: example.explanation)
        let today = CivilDate(iso: "2026-09-06")!
        let place = example.kind == .regionLetter ? "安徽省阜阳市太和县" : ""
        let imports = [LedgerImport.notesImport(row, copy: copy, stored: a, place: place, today: today, file: "回执.xlsx")]
        let next = try store.ledgerVersions().mapValues { $0 + 1 }
        let outcome = LedgerBook.importNotes(imports, cases: [a.id: a], period: "2026-08", date: today, versions: next,
                                             copyVersions: copy.versions) { LedgerWorkbook.checksum(caseID: $0.id, personID: $0.personID) }
        if let refused = example.refused {
            #expect(outcome.updated == 0 && outcome.problems.count == 1)
            let message = try #require(outcome.problems.first)
            // The row, the case and the child (ID masked), in Chinese.
            #expect(message.hasPrefix("第 7 行（案件 \(a.id)，\(a.name)，\(maskID(a.idNumber))）："), "\(message)")
            #expect(message.contains(refused) && message.hasSuffix("未导入"), "\(message)")
            #expect(!message.contains(a.idNumber))
            return
        }
        #expect(outcome.problems.isEmpty, "\(outcome.problems)")
        let c = try #require(outcome.changed.first)
        #expect(c.state == example.state)
        #expect(c.notes.result == (example.result.isEmpty ? a.notes.result : example.result))
        for word in example.reason { #expect(c.closeReason?.contains(word) == true, "\(c.closeReason ?? "")") }
        // The history keeps the reply with the officer's date and the import date.
        let entry = try #require(c.history.last { $0.kind == .notes })
        #expect(entry.detail.hasPrefix("据\(example.kind.title)：\(example.kind.choiceHeader)：\(example.choice)"))
        #expect(entry.importedOn == today)
        if let typed = TypedDate.read(example.date).date { #expect(entry.date == typed) }
        #expect(outcome.replies.count == 1)
    }

    /// Every choice of every list is defined once, and a closing choice maps to a closing ledger result.
    @Test func everyChoiceMapsToALedgerResultOrToTheHistory() {
        for kind in ReplyKind.allCases {
            let choices = ReplyChoice.choices(for: kind)
            #expect(!choices.isEmpty, "\(kind)")
            #expect(Set(choices.map(\.title)).count == choices.count)
            for c in choices {
                if let result = c.result { #expect(OfficerResult.all.contains { $0.title == result }, "\(kind) \(c.title)") }
                if c.opens { #expect(OfficerResult.all.first { $0.title == c.result }?.closes == false) }
            }
        }
        #expect(ReplyChoice.named("在外地就读", on: .whereabouts)?.result == "已核实在外地就读")
        #expect(ReplyChoice.named("已返校", on: .townPacket)?.result == "已返校")
        #expect(ReplyChoice.named("已更正", on: .schoolCorrection)?.result == "已更正")
        #expect(ReplyChoice.named("在当地就读", on: .regionLetter)?.result == "已核实在外地就读")
    }

    /// The same reply list imported again changes nothing; corrected, it imports over its own earlier rows;
    /// a ledger copy older than that import is refused for that row only.
    @Test func aReplyListImportsAgainOverItselfButAnOlderLedgerCopyDoesNot() throws {
        let a = try #require(try ledger()["a"])
        let versions = try store.ledgerVersions()
        let copy = ReplySheets.Copy(kind: .townPacket, period: "2026-08", scope: "镇街：城关街道", versions: versions)
        func importRow(_ choice: String, _ date: String, today: String) throws -> LedgerBook.ImportOutcome {
            let row = ReplySheets.Row(line: 4, key: a.id, checksum: LedgerWorkbook.checksum(caseID: a.id, personID: a.personID), choice: choice,
                                      person: "王老师", dateText: date)
            let stored = try store.cases(ids: [a.id])
            let day = CivilDate(iso: today)!
            let next = try store.ledgerVersions().mapValues { $0 + 1 }
            let outcome = LedgerBook.importNotes([LedgerImport.notesImport(row, copy: copy, stored: stored[a.id], today: day, file: "x.xlsx")],
                                                 cases: stored, period: "2026-08", date: day, versions: next, copyVersions: copy.versions) {
                LedgerWorkbook.checksum(caseID: $0.id, personID: $0.personID)
            }
            try store.saveImport(outcome.changed, versions: next.filter { w, _ in outcome.changed.contains { $0.work == w } }, period: "2026-08",
                                 file: "x.xlsx", replies: outcome.replies)
            return outcome
        }
        #expect(try importRow("劝返中", "2026-09-01", today: "2026-09-02").updated == 1)
        #expect(try importRow("劝返中", "2026-09-01", today: "2026-09-03").unchanged == 1)
        let closed = try importRow("已返校", "2026-09-04", today: "2026-09-05")
        #expect(closed.problems.isEmpty && closed.closed == 1)
        // Only the 劝返台账 moved on; the 纠错台账 keeps its version.
        #expect(try store.ledgerVersion(.childFollowUp) == versions[.childFollowUp]! + 2)
        #expect(try store.ledgerVersion(.recordCorrection) == versions[.recordCorrection]!)
        // A ledger copy issued before those imports is refused for a's row, in Chinese, naming the version.
        let stale = LedgerBook.importNotes([LedgerBook.NotesImport(line: 9, caseID: a.id, checksum: LedgerWorkbook.checksum(caseID: a.id, personID: a.personID),
                                                                   notes: OfficerNotes(result: "暂无法联系"))],
                                           cases: try store.cases(ids: [a.id]), period: "2026-08", date: CivilDate(iso: "2026-09-06")!,
                                           version: 9, copyVersion: versions[.childFollowUp]!) { LedgerWorkbook.checksum(caseID: $0.id, personID: $0.personID) }
        #expect(stale.problems.first?.contains("已由控辍保学劝返台账第 \(versions[.childFollowUp]! + 2) 版的导入更改") == true, "\(stale.problems)")
        #expect(stale.pending == 0)
        // Two reply rows recorded with their dates.
        #expect(try store.replies().map(\.choice) == ["劝返中", "已返校"])
    }
}

extension ReplyTests {
    /// A store written before versions were per ledger (migration v3's one `ledger_version`) opens with
    /// each ledger at the version it had, its cases and notes as they were.
    @Test func aStoreOfOneLedgerVersionMigrates() throws {
        let a = try #require(try ledger()["a"])
        var noted = a
        noted.notes = OfficerNotes(measures: "上门家访", result: "劝返中")
        try store.saveImport([noted], version: 2, period: "2026-08", file: "旧版.xlsx")
        // Back to the layout before migration v4.
        try store.access("downgrading") { db in
            for sql in [
                "CREATE TABLE ledger_version (version INTEGER PRIMARY KEY, period TEXT NOT NULL, kind TEXT NOT NULL, at DATETIME NOT NULL, note TEXT NOT NULL)",
                "INSERT INTO ledger_version SELECT version, period, kind, at, note FROM ledger_work_version WHERE work = 'child_follow_up'",
                "DROP TABLE ledger_work_version", "DROP TABLE ledger_reply",
                "ALTER TABLE ledger_case DROP COLUMN notes_source", "ALTER TABLE ledger_case DROP COLUMN pending",
                "ALTER TABLE ledger_event DROP COLUMN imported_on",
                "DELETE FROM grdb_migrations WHERE identifier = 'v4: per-ledger versions and replies'",
            ] { try db.execute(sql: sql) }
        }
        let reopened = try Store(url: store.url)
        #expect(try reopened.ledgerVersions() == [.childFollowUp: 2, .recordCorrection: 2])
        let kept = try #require(try reopened.cases(ids: [a.id])[a.id])
        #expect(kept.notes == noted.notes && kept.pending == nil && kept.notesSource == "")
        #expect(try reopened.replies().isEmpty)
    }
}

extension ReplyTests {
    /// Every list with reply columns still prints one landscape A4 page wide at 8 pt or more.
    @Test func replyListsFitOnePageWidth() throws {
        let lists: [(String, [XLSXColumn])] = [
            ("镇街核查名单", FindingSheets.columns(reportBack: true, ledger: true)), ("学籍纠错", SchoolWorkbook.columns), ("户籍核查", PoliceWorkbook.columns),
            ("去向确认", WhereaboutsWorkbooks.columns), ("协查名单", RegionLetters.columns),
            ("劝返台账", LedgerWorkbook.columns(.childFollowUp)), ("纠错台账", LedgerWorkbook.columns(.recordCorrection)),
        ]
        let book = try XLSXWorkbook(url: TestSupport.temporaryDirectory("kcbx-reply-widths").appendingPathComponent("widths.xlsx"))
        for (name, columns) in lists {
            let sheet = try book.addSheet(name, columns: columns)
            #expect(sheet.fittingScale >= XLSXLayout.minimumPrintScale, "\(name): \(sheet.fittingScale)%")
        }
        try book.close()
    }
}

extension ReplyTests {
    /// A 去向确认 row keyed by a child's 登记编号 (no case when the list went out) is entered on the
    /// child's 劝返台账 case where one has opened since; an unknown or altered 登记编号 is refused by row.
    @Test func aRegisteredChildsReplyGoesToTheCaseOpenedSince() throws {
        let a = try #require(try ledger()["a"])
        let dir = TestSupport.temporaryDirectory("kcbx-reply-registered")
        let url = dir.appendingPathComponent("去向确认_城关街道_报回.xlsx")
        let book = try XLSXWorkbook(url: url)
        let headers = ["序号", "登记编号", "校验码", "姓名", "核实去向", "说明", "现就读学校（全称）", "就读地（省市县）", "核实人", "核实日期"]
        let sheet = try book.addSheet("去向确认", columns: headers.map { XLSXColumn($0) })
        let key = ReplyKey.registration(personID: a.personID)
        try sheet.append(["1", key, LedgerWorkbook.checksum(caseID: key, personID: a.personID), a.name, "在外地就读", "",
                          "济南市历下区实验小学", "山东省济南市历下区", "赵干事", "2026-09-04"].map { XLSXCell.text($0) })
        try sheet.append(["2", "D0000000000", "ABCD", "某某", "未入学", "", "", "", "赵干事", "2026-09-04"].map { XLSXCell.text($0) })
        let about = try book.addSheet(LedgerWorkbook.aboutSheet, columns: [XLSXColumn("项目"), XLSXColumn("内容")])
        for (k, v) in [("清单类型", "去向确认名单"), ("期次", "2026-08"), ("范围", "镇街：城关街道"), ("发文日期", "2026-08-31"), ("反馈期限", "2026-09-15"),
                       ("控辍保学劝返台账版本", "1"), ("学籍户籍数据纠错台账版本", "1")] { try about.append([.text(k), .text(v)]) }
        try book.close()
        var config = TestCounty.config(asOf: CivilDate(iso: "2026-08-31")!)
        config.outputDirectory = dir
        let outcome = try LedgerImport.run(url, config: config, store: store, today: CivilDate(iso: "2026-09-06")!)
        #expect(outcome.closed == 1 && outcome.changed == 1)
        #expect(outcome.problems == ["工作表「去向确认」第 3 行（登记编号 D0000000000）：2026-08 期的儿童中没有这个登记编号（编号有误或被改动），未导入"])
        let closed = try #require(try store.cases(ids: [a.id])[a.id])
        #expect(closed.state == .closed && closed.closeReason == "经办人销号：已核实在外地就读（济南市历下区实验小学（山东省济南市历下区），据去向确认名单）")
        #expect(try store.replies().map(\.caseID) == [a.id])
    }
}

/// A month as a county lives it, on the demo county: the run issues the lists; a town fills in its packet
/// and its 去向确认 list, a school its 学籍纠错 workbook; each is imported; the night's rerun; December;
/// a late November reply after December ran; November rerun after December — nothing typed is lost.
@Suite(.serialized) struct ReplyMonthTests {
    let work = TestSupport.temporaryDirectory("kcbx-replies-month")
    var out: URL { work.appendingPathComponent("out") }
    var storeURL: URL { work.appendingPathComponent("state/kcbx.sqlite") }

    func run(_ asOf: String, period: String? = nil) throws {
        let request = RunRequest(pipeline: TestSupport.root.appendingPathComponent("pipelines/demo.yaml"), asOf: CivilDate(iso: asOf), period: period,
                                 output: out, store: storeURL)
        _ = try PipelineRunner.run(request)
    }

    /// A copy of `url` as a spreadsheet program saves it with an officer's typing: every sheet (title
    /// lines dropped, all cells as text), with `edits` (sheet → row's key → header → value) typed in.
    static func fill(_ url: URL, _ edits: [String: [String: [String: String]]], as copy: URL) throws {
        let book = try XLSXWorkbook(url: copy)
        for name in try XLSXReader.sheetNames(url: url) {
            let reader = try XLSXReader(url: url, sheet: name, isHeader: { $0.contains("序号") || $0.contains("项目") || $0.contains("问题类型") })
            let header = reader.header
            let sheet = try book.addSheet(name, columns: header.map { XLSXColumn($0) })
            let key = header.firstIndex(of: "案件编号") ?? header.firstIndex(of: "登记编号")
            while let row = try reader.next() {
                var values = row.values + Array(repeating: "", count: max(0, header.count - row.values.count))
                if let key, let typed = edits[name]?[values[key]] {
                    for (column, value) in typed { values[try #require(header.firstIndex(of: column), "\(column)")] = value }
                }
                try sheet.append(values.map { XLSXCell.text($0) })
            }
        }
        try book.close()
    }

    /// The keys of the rows of `sheet` (its first data rows).
    static func keys(_ url: URL, sheet: String) throws -> [String] {
        let reader = try XLSXReader(url: url, sheet: sheet, isHeader: { $0.contains("序号") })
        let key = try #require(reader.header.firstIndex(of: "案件编号") ?? reader.header.firstIndex(of: "登记编号"))
        var keys: [String] = []
        while let row = try reader.next() { keys.append(row.values[key]) }
        return keys
    }

    func files(_ folder: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "xlsx" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test func aMonthOfRepliesLosesNothing() throws {
        try run("2026-11-30")
        let store = try Store(url: storeURL)
        var config = try PipelineRunner.configuration(RunRequest(pipeline: TestSupport.root.appendingPathComponent("pipelines/demo.yaml"), output: out,
                                                         store: storeURL)).0
        config.outputDirectory = out
        let november = out.appendingPathComponent("2026-11")
        let fillIn = out.appendingPathComponent(LedgerWorkbook.folder)
        let issued = Set(files(fillIn).map(\.lastPathComponent))
        let before = try store.ledgerVersions()

        // The town packet: 已返校 with a dotted date, a value not in the list, 劝返中 with a 说明.
        var found: (URL, String, [String])? = nil
        for url in files(november.appendingPathComponent("towns")) where found == nil {
            for name in try XLSXReader.sheetNames(url: url) where !["汇总", LedgerWorkbook.aboutSheet].contains(name) {
                let keys = try Self.keys(url, sheet: name)
                if keys.count >= 4 { found = (url, name, keys); break }
            }
        }
        let (packet, sheet, keys) = try #require(found)
        // The packet as issued (its 填报说明 has a title line above 项目/内容, kept when an officer edits the file
        // in place) says what it is.
        #expect(ReplySheets.kind(try LedgerWorkbook.about(packet)) == .townPacket)
        let filledPacket = work.appendingPathComponent("城关街道_报回.xlsx")
        try Self.fill(packet, [sheet: [keys[0]: ["核查结果": "已返校", "反馈人": "李老师", "反馈日期": "2026.12.3"],
                                       keys[1]: ["核查结果": "已经返校", "反馈日期": "2026-12-03"],
                                       keys[2]: ["核查结果": "劝返中", "说明": "家长外出务工，已电话联系"]]], as: filledPacket)
        let first = try LedgerImport.run(filledPacket, config: config, store: store, today: CivilDate(iso: "2026-12-05")!)
        #expect(first.reply?.kind == .townPacket && first.changed == 2 && first.closed == 1)
        #expect(first.problems.count == 1)
        let refusal = try #require(first.problems.first)
        #expect(refusal.contains("案件 \(keys[1])") && refusal.contains("核查结果「已经返校」不是镇街核查名单的选项") && refusal.contains("*"), "\(refusal)")
        #expect(refusal.hasPrefix("工作表「\(sheet)」第 ") && !refusal.contains("row") && !refusal.contains("not imported"), "\(refusal)")
        // Only the 劝返台账 changed: it alone gets a new version, written at once.
        #expect(first.written.map(\.lastPathComponent) == ["控辍保学劝返台账_2026年11月_第\(before[.childFollowUp]! + 1)版.xlsx"])
        #expect(try store.ledgerVersion(.recordCorrection) == before[.recordCorrection])
        let closed = try #require(try store.cases(ids: [keys[0]])[keys[0]])
        #expect(closed.state == .closed && closed.closedOn == CivilDate(iso: "2026-12-03") && closed.notes.responsible == "李老师")
        // The same file again: nothing changes.
        let again = try LedgerImport.run(filledPacket, config: config, store: store, today: CivilDate(iso: "2026-12-06")!)
        #expect(again.changed == 0 && again.written.isEmpty)

        // 序号 stay as they were: the new version lists the cases in the order of the first.
        let v1 = try #require(files(fillIn).first { issued.contains($0.lastPathComponent) && $0.lastPathComponent.hasPrefix("控辍保学劝返台账") })
        let v2 = try #require(first.written.first)
        #expect(try Self.keys(v1, sheet: LedgerWorkbook.casesSheet) == Self.keys(v2, sheet: LedgerWorkbook.casesSheet))

        // A ledger copy with a bad 处理日期: the row is refused and its text carried into the next version as 待更正.
        let ledgerKeys = try Self.keys(v2, sheet: LedgerWorkbook.casesSheet)
        let target = try #require(ledgerKeys.first { $0 != keys[0] && $0 != keys[2] })
        let other = try #require(ledgerKeys.first { $0 != keys[0] && $0 != keys[2] && $0 != target })
        let filledLedger = work.appendingPathComponent("台账报回.xlsx")
        try Self.fill(v2, [LedgerWorkbook.casesSheet: [target: ["处理结果": "已返校", "处理日期": "12月3号", "劝返措施": "上门家访三次"],
                                                       other: ["劝返措施": "电话联系", "处理结果": "劝返中"]]], as: filledLedger)
        let ledgerImport = try LedgerImport.run(filledLedger, config: config, store: store, today: CivilDate(iso: "2026-12-06")!)
        #expect(ledgerImport.problems.count == 1 && ledgerImport.pending == 1 && ledgerImport.changed == 1)
        let v3 = try #require(ledgerImport.written.first)
        let carried = try LedgerWorkbook.readNotes(v3).rows.first { $0.caseID == target }
        #expect(carried?.notes.measures == "上门家访三次" && carried?.untouched == false)
        let shared = try TestSupport.zipPart(v3, "xl/sharedStrings.xml")
        #expect(shared.contains("待更正：处理日期") && shared.contains("12月3号"))
        // The same copy again: the 待更正 row is refused again, but nothing new is written.
        let twice = try LedgerImport.run(filledLedger, config: config, store: store, today: CivilDate(iso: "2026-12-06")!)
        #expect(twice.problems.count == 1 && twice.written.isEmpty && twice.changed == 0)

        // The 去向确认 list: 在外地就读 with the school, 未入学.
        let whereabouts = try #require(files(november.appendingPathComponent("去向确认")).first)
        let children = try Self.keys(whereabouts, sheet: "去向确认")
        try #require(children.count >= 2)
        let filledList = work.appendingPathComponent("去向确认_报回.xlsx")
        try Self.fill(whereabouts, ["去向确认": [children[0]: ["核实去向": "在外地就读", "现就读学校（全称）": "济南市历下区实验小学",
                                                             "就读地（省市县）": "山东省济南市历下区", "核实人": "赵干事", "核实日期": "2026年12月4日"],
                                               children[1]: ["核实去向": "未入学", "核实人": "赵干事", "核实日期": "2026-12-04"]]], as: filledList)
        let confirmed = try LedgerImport.run(filledList, config: config, store: store, today: CivilDate(iso: "2026-12-06")!)
        #expect(confirmed.reply?.kind == .whereabouts && confirmed.problems.isEmpty && confirmed.recorded == 2, "\(confirmed.problems)")
        if children[1].hasPrefix("D") { #expect(confirmed.notices.contains { $0.contains("须按劝返程序立案") }) }
        #expect(try store.replies().filter { $0.kind == .whereabouts }.map(\.date?.description) == ["2026-12-04", "2026-12-04"])

        // A school's 学籍纠错 workbook: 已更正 with a date typed in Chinese: only the 纠错台账 moves on.
        let school = try #require(files(november.appendingPathComponent("学籍纠错")).first { !$0.lastPathComponent.hasPrefix("按学校汇总") })
        let schoolSheet = try #require(try XLSXReader.sheetNames(url: school).first { $0 != LedgerWorkbook.aboutSheet })
        let corrected = try #require(try Self.keys(school, sheet: schoolSheet).first)
        let filledSchool = work.appendingPathComponent("学校报回.xlsx")
        try Self.fill(school, [schoolSheet: [corrected: ["纠正结果": "已更正", "反馈人": "教务处", "反馈日期": "2026年12月3日"]]], as: filledSchool)
        let followUp = try store.ledgerVersion(.childFollowUp)
        let fixed = try LedgerImport.run(filledSchool, config: config, store: store, today: CivilDate(iso: "2026-12-06")!)
        #expect(fixed.problems.isEmpty && fixed.closed == 1, "\(fixed.problems)")
        #expect(fixed.written.count == 1 && fixed.written[0].lastPathComponent.hasPrefix("学籍户籍数据纠错台账"))
        #expect(try store.ledgerVersion(.childFollowUp) == followUp)

        // The night's rerun, then December: everything typed is still there.
        try run("2026-11-30")
        try run("2026-12-31")
        var kept = try store.cases(ids: [keys[0], keys[2], corrected, other])
        #expect(kept[keys[0]]?.state == .closed && kept[keys[0]]?.notes.result == "已返校")
        #expect(kept[keys[2]]?.notes.remarks == "家长外出务工，已电话联系")
        #expect(kept[corrected]?.notes.result == "已更正")
        #expect(kept[other]?.notes.measures == "电话联系")

        // A November packet filled before its deadline, brought in after December ran: imported, dated as typed.
        let late = work.appendingPathComponent("城关街道_迟报.xlsx")
        try Self.fill(packet, [sheet: [keys[2]: ["核查结果": "劝返中", "说明": "家长外出务工，已电话联系"],
                                       keys[3]: ["核查结果": "暂无法联系", "反馈人": "李老师", "反馈日期": "2026-12-10"]]], as: late)
        let lateImport = try LedgerImport.run(late, config: config, store: store, today: CivilDate(iso: "2026-12-12")!)
        #expect(lateImport.problems.isEmpty && lateImport.changed == 1, "\(lateImport.problems)")
        #expect(lateImport.notices.contains { $0.contains("本表是 2026-11 期的") })
        let lateKey = keys[3]
        kept = try store.cases(ids: [lateKey])
        let entry = try #require(kept[lateKey]?.history.last { $0.kind == .notes })
        #expect(entry.period == "2026-11" && entry.date == CivilDate(iso: "2026-12-10") && entry.importedOn == CivilDate(iso: "2026-12-12"))
        // After its 反馈期限, with a notice.
        let overdue = try LedgerImport.run(late, config: config, store: store, today: CivilDate(iso: "2026-12-20")!)
        #expect(overdue.notices.contains { $0.contains("已过反馈期限 2026-12-15") })

        // November rerun after December: no November ledger written at today's versions.
        let ledgers = Set(files(fillIn).map(\.lastPathComponent))
        try run("2026-11-30", period: "2026-11")
        let added = Set(files(fillIn).map(\.lastPathComponent)).subtracting(ledgers)
        #expect(!added.contains { $0.contains("2026年11月") }, "\(added)")
        // Every file issued or filled in is still there.
        for file in [filledPacket, filledLedger, filledList, filledSchool, late, v1, v2, v3] {
            #expect(FileManager.default.fileExists(atPath: file.path), "\(file.lastPathComponent)")
        }
    }
}
