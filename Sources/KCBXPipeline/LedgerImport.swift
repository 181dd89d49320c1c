import Foundation
import KCBXCore
import KCBXFormats
import KCBXLedger
import KCBXReconcile
import KCBXReport
import KCBXStore

/// `kcbx cases import`: an officer's edited ledger, or a filled reply list, back into the store (README
/// "The ledgers (台账)", "Replies (回执)").
///
/// What the file is comes from the workbook itself (its 填报说明 sheet: 台账 or 清单类型), never from its
/// name. Under the store's run lock, the copy's period and versions are checked against the store (a
/// copy of another store, or an altered one, is refused whole); a copy of an earlier period imports
/// too, until its 反馈期限 and after it with a notice, each row entered as of its own dates; only rows
/// a later import changed are refused. Rows are imported append-only
/// (``LedgerBook/importNotes(_:cases:period:date:versions:copyVersions:work:checksum:)``), each reply
/// row as the one table says (``ReplyChoice``); and each ledger that changed gets its next version,
/// written to `<output>/填报/` at once, so officers go on in a copy no import has overtaken.
public enum LedgerImport {
    public struct Outcome: Sendable {
        /// What was imported, in Chinese: `控辍保学劝返台账（2026-11 期第 5 版）`, `镇街核查名单（2026-11 期，镇街：城关街道）`.
        public var title: String
        /// The ledger copy, when a ledger was imported.
        public var copy: LedgerWorkbook.Copy?
        /// The reply list, when one was imported.
        public var reply: ReplySheets.Copy?
        public var rows: Int
        /// Cases whose notes changed.
        public var changed: Int
        public var closed: Int
        public var unchanged: Int
        /// Rows not imported, each with its row number, case and child (ID masked), and why.
        public var problems: [String]
        /// What the officer should know but was imported: past the 反馈期限, a child to open a case for.
        public var notices: [String]
        /// Refused rows carried into the next ledger version (待更正).
        public var pending: Int
        /// Reply rows recorded (回执记录).
        public var recorded: Int
        /// Each ledger's version after the import.
        public var versions: [CaseWork: Int]
        /// The ledger workbooks written at their new versions.
        public var written: [URL]
        /// The ledger's version after the import (the highest of the two).
        public var version: Int { versions.values.max() ?? 0 }
    }

    public static func run(_ url: URL, config: PipelineConfig, store: Store, today: CivilDate = .today()) throws(KCBXError) -> Outcome {
        let lock = try RunLock(store: store.url)
        defer { withExtendedLifetime(lock) {} }
        let names = try XLSXReader.sheetNames(url: url)
        guard names.contains(LedgerWorkbook.aboutSheet) else {
            throw KCBXError(.input, "不是 kcbx 发出的台账或回执清单：没有「\(LedgerWorkbook.aboutSheet)」工作表（找到：\(names.joined(separator: "、"))）；没有期次的表无法安全导入，请在最新发出的表上填写。未导入",
                            file: url.path)
        }
        let facts = try LedgerWorkbook.about(url)
        let periods = try store.ledgerPeriods()
        guard let latest = periods.keys.max() else {
            throw KCBXError(.input, "本库台账为空，无处导入。未导入", file: url.path)
        }
        let current = try store.ledgerVersions()
        if let kind = ReplySheets.kind(facts) {
            return try reply(url, kind: kind, facts: facts, config: config, store: store, periods: periods, latest: latest, current: current,
                             today: today)
        }
        return try ledger(url, config: config, store: store, periods: periods, latest: latest, current: current, today: today)
    }

    /// Notices for a copy of `period` imported `today`: after its 反馈期限, or after a later period ran.
    static func lateness(period: String, deadline: CivilDate?, latest: String, today: CivilDate) -> [String] {
        var notices: [String] = []
        if let deadline, today > deadline {
            notices.append("已过反馈期限 \(deadline)（逾期 \(today.daysSinceEpoch - deadline.daysSinceEpoch) 天）：仍已导入，请督促按期报回")
        }
        if period < latest {
            notices.append("本表是 \(period) 期的，台账已到 \(latest) 期：各行按所填日期记入 \(period) 期；本表发出后已被新的导入更改的案件不导入")
        }
        return notices
    }

    static func ledger(_ url: URL, config: PipelineConfig, store: Store, periods: [String: CivilDate], latest: String,
                       current: [CaseWork: Int], today: CivilDate) throws(KCBXError) -> Outcome {
        let (copy, rows, readProblems) = try LedgerWorkbook.readNotes(url)
        if periods[copy.period] == nil || copy.period > latest || copy.version > current[copy.work] ?? 0 {
            throw KCBXError(.input, "本表是\(copy.work.title) \(copy.period) 期第 \(copy.version) 版，而本库台账在 \(latest) 期、\(copy.work.title)第 \(current[copy.work] ?? 0) 版：来自其他库或已被改动。未导入", file: url.path)
        }
        let stored = try store.cases(ids: Array(Set(rows.map(\.caseID))))
        let imports = rows.map { LedgerBook.NotesImport(line: $0.line, caseID: $0.caseID, checksum: $0.checksum, notes: $0.notes,
                                                        untouched: $0.untouched, typed: $0.typed, problem: $0.problem) }
        var outcome = try apply(imports, stored: stored, period: copy.period, work: copy.work, copyVersions: [copy.work: copy.version],
                                replies: [], title: "\(copy.work.title)（\(copy.period) 期第 \(copy.version) 版）", url: url, config: config,
                                store: store, periods: periods, latest: latest, current: current, today: today)
        outcome.copy = copy
        outcome.problems = readProblems + outcome.problems
        outcome.notices = lateness(period: copy.period, deadline: copy.deadline, latest: latest, today: today) + outcome.notices
        return outcome
    }

    static func reply(_ url: URL, kind: ReplyKind, facts: [String: String], config: PipelineConfig, store: Store, periods: [String: CivilDate],
                      latest: String, current: [CaseWork: Int], today: CivilDate) throws(KCBXError) -> Outcome {
        let copy = try ReplySheets.copy(facts, kind: kind, file: url.path)
        if periods[copy.period] == nil || CaseWork.allCases.contains(where: { copy.versions[$0] ?? 0 > current[$0] ?? 0 }) {
            throw KCBXError(.input, "本表是 \(copy.period) 期的\(kind.title)，而本库台账没有这一期，或本表所记台账版本高于本库（劝返台账第 \(current[.childFollowUp] ?? 0) 版、纠错台账第 \(current[.recordCorrection] ?? 0) 版）：来自其他库或已被改动。未导入", file: url.path)
        }
        let (rows, readProblems) = try ReplySheets.rows(url, kind: kind)
        // The place a 协查函 went to is the 就读地 of a reply that names none.
        let place = kind == .regionLetter ? String(copy.scope.drop { $0 != "：" }.dropFirst()) : ""
        var seen: [String: [String]] = [:]
        var caseRows: [ReplySheets.Row] = [], childRows: [ReplySheets.Row] = [], repeated = 0
        for row in rows {
            // The same child on several rows (one per hukou record), answered alike: one reply.
            let answer = [row.checksum, row.choice, row.person, row.dateText, row.school, row.place, row.explanation]
            if seen[row.key] == answer { repeated += 1; continue }
            if seen[row.key] == nil { seen[row.key] = answer }
            if ReplyKey.isRegistration(row.key) { childRows.append(row) } else { caseRows.append(row) }
        }
        func entry(_ row: ReplySheets.Row, caseID: String?, personID: String) -> (ReplyEntry, String?) {
            Self.entry(row, kind: kind, period: copy.period, caseID: caseID, personID: personID, today: today, file: url.lastPathComponent)
        }
        var stored = try store.cases(ids: Array(Set(caseRows.map(\.key))))
        var imports = caseRows.map {
            notesImport($0, copy: copy, stored: stored[$0.key], place: place, today: today, file: url.lastPathComponent)
        }
        // Children without a case: resolved from the period's stored children; a child whose 劝返台账 case
        // opened since has the reply entered there; the others are recorded, never dropped.
        var problems: [String] = [], notices: [String] = [], childReplies: [ReplyEntry] = [], unchanged = repeated
        if !childRows.isEmpty {
            let children = try StoredResults(store: store, period: copy.period).loadReconciled().children
            let wanted = Set(childRows.map(\.key))
            var byKey: [String: Int] = [:]
            for i in 0..<children.count {
                let key = ReplyKey.registration(personID: children.personID(at: i))
                if wanted.contains(key) { byKey[key] = i }
            }
            let personIDs = childRows.compactMap { byKey[$0.key].map { children.personID(at: $0) } }
            // The 劝返台账 case that speaks for each child (`Case.precedence`).
            var opened: [String: Case] = [:]
            for c in try store.cases(personIDs: personIDs) where c.work == .childFollowUp {
                if opened[c.personID].map({ c.precedence < $0.precedence }) ?? true { opened[c.personID] = c }
            }
            let known = Set(try store.replies().filter { $0.kind == kind && $0.caseID == nil }.map { LedgerBook.replyWords($0) + "|" + $0.key })
            for row in childRows {
                guard let i = byKey[row.key] else {
                    problems.append("工作表「\(row.sheet)」第 \(row.line) 行（登记编号 \(row.key)）：\(copy.period) 期的儿童中没有这个登记编号（编号有误或被改动），未导入")
                    continue
                }
                let child = children[i]
                let label = LedgerBook.rowLabel(row.line, key: row.key, name: child.description.name, idNumber: child.description.idNumber,
                                                sheet: row.sheet)
                guard row.checksum.uppercased() == LedgerWorkbook.checksum(caseID: row.key, personID: child.personID) else {
                    problems.append("\(label)：登记编号与校验码\(row.checksum.isEmpty ? "（空）" : " " + row.checksum)不符（被改动），未导入")
                    continue
                }
                if let opened = opened[child.personID] {
                    stored[opened.id] = opened
                    var asCase = row
                    asCase.key = opened.id
                    asCase.checksum = LedgerWorkbook.checksum(caseID: opened.id, personID: opened.personID)
                    imports.append(notesImport(asCase, copy: copy, stored: opened, place: place, today: today, file: url.lastPathComponent))
                    continue
                }
                let (e, problem) = entry(row, caseID: nil, personID: child.personID)
                if let problem { problems.append("\(label)：\(problem)，未导入"); continue }
                if known.contains(LedgerBook.replyWords(e) + "|" + e.key) { unchanged += 1; continue }
                childReplies.append(e)
                if ReplyChoice.named(e.choice, on: kind)?.opens == true {
                    notices.append("\(label)：\(kind.choiceHeader)「\(e.choice)」，此儿童在台账中尚无案件：须按劝返程序立案跟进（已记入回执记录）")
                }
            }
        }
        let scope = copy.scope
        var outcome = try apply(imports, stored: stored, period: copy.period, work: nil, copyVersions: copy.versions, replies: childReplies,
                                title: "\(kind.title)（\(copy.period) 期，\(scope)）", url: url, config: config, store: store, periods: periods,
                                latest: latest, current: current, today: today)
        outcome.reply = copy
        outcome.rows = rows.count
        outcome.unchanged += unchanged
        outcome.problems = readProblems + problems + outcome.problems
        outcome.notices = lateness(period: copy.period, deadline: copy.deadline, latest: latest, today: today) + notices + outcome.notices
        return outcome
    }

    /// A reply row as typed, as an entry of the reply history, with why it cannot stand (nil when it can).
    static func entry(_ row: ReplySheets.Row, kind: ReplyKind, period: String, caseID: String?, personID: String, today: CivilDate,
                      file: String) -> (ReplyEntry, String?) {
        let (date, dateProblem) = TypedDate.read(row.dateText)
        let e = ReplyEntry(kind: kind, period: period, key: row.key, caseID: caseID, personID: personID, choice: row.choice,
                           person: row.person, date: date, school: row.school, place: row.place, explanation: row.explanation,
                           importedOn: today, file: file)
        return (e, LedgerBook.check(e, dateProblem: dateProblem, today: today))
    }

    /// A reply row keyed by 案件编号 as the ledger import takes it: the notes its choice sets on the case
    /// `stored` (``ReplyChoice``), or the reason it cannot stand. `place`: the place a 协查函 went to.
    public static func notesImport(_ row: ReplySheets.Row, copy: ReplySheets.Copy, stored: Case?, place: String = "", today: CivilDate,
                                   file: String) -> LedgerBook.NotesImport {
        let (e, problem) = entry(row, kind: copy.kind, period: copy.period, caseID: row.key, personID: stored?.personID ?? "", today: today, file: file)
        var notes = stored?.notes ?? OfficerNotes()
        if problem == nil, let stored, let choice = ReplyChoice.named(e.choice, on: copy.kind) {
            notes = LedgerBook.notes(after: e, choice: choice, on: stored.notes, place: place)
        }
        return LedgerBook.NotesImport(line: row.line, caseID: row.key, checksum: row.checksum, notes: notes, problem: problem,
                                      reply: e, source: copy.source, sheet: row.sheet)
    }

    /// Imports `rows` into `stored` and saves them with the reply rows `replies` of children without a
    /// case; each ledger that changed gets its next version, written at once.
    static func apply(_ rows: [LedgerBook.NotesImport], stored: [String: Case], period: String, work: CaseWork?, copyVersions: [CaseWork: Int],
                      replies: [ReplyEntry], title: String, url: URL, config: PipelineConfig, store: Store, periods: [String: CivilDate],
                      latest: String, current: [CaseWork: Int], today: CivilDate) throws(KCBXError) -> Outcome {
        let next = current.mapValues { $0 + 1 }
        // A ledger copy's rows of the other ledger are refused by `work`; its own version is the one compared.
        let result = LedgerBook.importNotes(rows, cases: stored, period: period, date: today, versions: next,
                                            copyVersions: copyVersions, work: work) {
            LedgerWorkbook.checksum(caseID: $0.id, personID: $0.personID)
        }
        let changedWorks = Set(result.changed.map(\.work))
        let raised = next.filter { changedWorks.contains($0.key) }
        try store.saveImport(result.changed, versions: raised, period: period, file: url.lastPathComponent, replies: result.replies + replies)
        var versions = current
        for (w, v) in raised { versions[w] = v }
        var written: [URL] = []
        if !raised.isEmpty {
            var issued = config
            if let asOf = periods[latest] { issued.asOf = asOf }
            let cases = LedgerBook.view(asOf: latest, try store.loadCases())
            let sources = (try? StoredResults(store: store, period: latest).loadNormalized()) ?? []
            let ledger = LedgerWorkbook.Issue(cases: cases, config: issued, period: latest, versions: versions,
                                              schools: LedgerWorkbook.schoolNames(ChildFacts.schools(sources), for: cases))
            let folder = config.outputDirectory.appendingPathComponent(LedgerWorkbook.folder)
            for w in CaseWork.allCases where raised[w] != nil {
                if let url = try LedgerWorkbook.issue(ledger, work: w, into: folder) { written.append(url) }
            }
        }
        return Outcome(title: title, copy: nil, reply: nil, rows: rows.count, changed: result.updated, closed: result.closed,
                       unchanged: result.unchanged, problems: result.problems, notices: [], pending: result.pending,
                       recorded: result.replies.count + replies.count, versions: versions, written: written)
    }
}
