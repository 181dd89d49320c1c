import Foundation
import KCBXCore
import KCBXFormats
import KCBXLedger
import KCBXSheets

/// The two ledgers (台账), one workbook each, that officers fill in and `kcbx cases import` reads back
/// (README "The ledgers (台账)"):
/// - 控辍保学劝返台账: children to follow up (``CaseWork/childFollowUp``, 一人一案);
/// - 学籍户籍数据纠错台账: records a school or a police station corrects (``CaseWork/recordCorrection``).
///
/// Sheet 台账 has one row per case: the columns kcbx keeps are locked, the officer's are editable, and
/// 处理结果 offers that ledger's own results (``OfficerResult/choices(for:)``). The 校验码 beside each case
/// id lets the import tell an altered id from a real one, and a row the officer left as issued from one
/// filled in. Sheet 处理记录 has each case's history, oldest first; sheet 填报说明 the ledger, period and
/// version the copy was issued with, which the import checks. The workbooks are written to
/// `<output>/填报/` with the period and version in their names, and never overwritten (``issue(_:into:)``).
public enum LedgerWorkbook {
    /// The folder beside the periods' output folders where files people fill in are kept: runs never replace it.
    public static let folder = "填报"
    public static let casesSheet = "台账"
    public static let historySheet = "处理记录"
    public static let aboutSheet = "填报说明"

    /// `控辍保学劝返台账_2026年11月_第5版.xlsx`.
    public static func fileName(_ work: CaseWork, period: String, version: Int) -> String {
        "\(work.title)_\(ReportStage.FileName.month(period))_第\(version)版.xlsx"
    }

    /// Headers of the columns `kcbx cases import` reads.
    enum Header {
        static let number = "序号", caseID = "案件编号", checksum = "校验码"
        static let measures = "劝返措施", correctionMeasures = "处理措施", responsible = "责任人", result = "处理结果"
        static let date = "处理日期", explanation = "销号说明", remarks = "备注"
        static let ledger = "台账", period = "期次", version = "版本", pending = "待更正"
        static func measures(_ work: CaseWork) -> String { work == .childFollowUp ? measures : correctionMeasures }
    }

    /// The columns of sheet 台账 of ledger `work`, laid out to print at 8 pt or more on one landscape A4
    /// page width (the dates a case was opened are in 处理记录).
    public static func columns(_ work: CaseWork) -> [XLSXColumn] {
        [
            XLSXColumn(Header.number, .integer, width: 4), XLSXColumn(Header.caseID, width: 12), XLSXColumn(Header.checksum, width: 10),
            XLSXColumn("问题类型", width: 9), XLSXColumn("重点群体", width: 4), XLSXColumn("镇街", width: 8),
            XLSXColumn("姓名", width: 7), XLSXColumn("身份证件号", width: 19), XLSXColumn("出生日期", .date, width: 10),
            XLSXColumn("学校", width: 9), XLSXColumn("状态", width: 5), XLSXColumn("销号情况", width: 12), XLSXColumn("说明", width: 16),
            XLSXColumn(Header.measures(work), width: 14, editable: true), XLSXColumn(Header.responsible, width: 6, editable: true),
            XLSXColumn(Header.result, width: 10, editable: true, choices: OfficerResult.choices(for: work).map(\.title)),
            XLSXColumn(Header.date, .date, width: 10, editable: true), XLSXColumn(Header.explanation, width: 10, editable: true),
            XLSXColumn(Header.remarks, width: 7, editable: true), XLSXColumn(Header.pending, width: 8),
        ]
    }

    /// The 校验码 of a case: 4 characters from its id and person (an edited id is recognised), a dash,
    /// and 4 from the officer's columns as issued (a row left as issued is recognised).
    public static func checksum(caseID: String, personID: String) -> String {
        base32(stableHash("kcbx-ledger|" + caseID + "|" + personID), count: 4)
    }

    static func notesMark(_ n: OfficerNotes) -> String {
        let text = [n.measures, n.responsible, n.result, n.date?.description ?? "", n.explanation, n.remarks].joined(separator: "\u{1F}")
        return base32(stableHash("kcbx-notes|" + text), count: 4)
    }

    /// How a history entry reads in the ledger.
    public static func word(_ kind: CaseEvent.Kind) -> String {
        switch kind {
        case .opened: "立案"
        case .seen: "本期仍发现"
        case .closed: "销号"
        case .reopened: "重新立案"
        case .notes: "处理记录"
        case .officerClosed: "经办人销号"
        case .officerReopened: "撤销销号"
        }
    }

    /// What a ledger workbook is written from: the ledger as of `period`, each ledger at its version.
    public struct Issue: Sendable {
        public var cases: [Case]
        public var config: PipelineConfig
        public var period: String
        /// Each ledger's version (they are numbered apart: only a ledger that changed gets a new one).
        public var versions: [CaseWork: Int]
        /// 学校标识码 → school name, for the cases' schools.
        public var schools: [String: String]
        public init(cases: [Case], config: PipelineConfig, period: String, versions: [CaseWork: Int], schools: [String: String]) {
            self.cases = cases; self.config = config; self.period = period; self.versions = versions; self.schools = schools
        }
        /// Both ledgers at `version`.
        public init(cases: [Case], config: PipelineConfig, period: String, version: Int, schools: [String: String]) {
            self.init(cases: cases, config: config, period: period, versions: Dictionary(uniqueKeysWithValues: CaseWork.allCases.map { ($0, version) }),
                      schools: schools)
        }
        /// The report's ledger, with the school names of its sources.
        public init(_ input: ReportInput) {
            self.init(cases: input.cases, config: input.config, period: input.period, versions: input.ledgerVersions,
                      schools: LedgerWorkbook.schoolNames(input.reconcile.children.schools, for: input.cases))
        }
        public func version(_ work: CaseWork) -> Int { versions[work] ?? 0 }
    }

    /// The order of a ledger's rows (序号), the same in every version: by the period the case was opened,
    /// town, finding code and 案件编号 — an import (which closes cases) never moves a row.
    public static func rowOrder(_ cases: [Case]) -> [Case] {
        let order = Dictionary(uniqueKeysWithValues: FindingCode.allCases.enumerated().map { ($1, $0) })
        let townRank = Dictionary(uniqueKeysWithValues: Set(cases.map(\.town)).sorted().enumerated().map { ($1, $0) })
        let keys = cases.map { ($0.openedPeriod, townRank[$0.town] ?? 0, order[$0.code] ?? 0) }
        return cases.indices.sorted { a, b in keys[a] != keys[b] ? keys[a] < keys[b] : cases[a].id < cases[b].id }.map { cases[$0] }
    }

    /// Writes ledger `work` of `ledger.cases` at `ledger.version` into `directory` (`<output>/填报/`),
    /// under its dated, versioned name, unless a file of that name is there already: it may be filled
    /// in, and it is never overwritten (it holds the same cases, written at the same version). Returns
    /// the file written, nil when kept or when the ledger is empty.
    @discardableResult
    public static func issue(_ ledger: Issue, work: CaseWork, into directory: URL) throws(KCBXError) -> URL? {
        guard ledger.cases.contains(where: { $0.work == work }) else { return nil }
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw KCBXError(.runFailed, "cannot create the folder \(folder)", file: directory.path)
        }
        let url = directory.appendingPathComponent(fileName(work, period: ledger.period, version: ledger.version(work)))
        if FileManager.default.fileExists(atPath: url.path) {
            Log.info("\(folder)/\(url.lastPathComponent) is there already (it may be filled in): kept as it is")
            return nil
        }
        try write(ledger, work: work, to: url)
        Log.info("ledger written to \(folder)/\(url.lastPathComponent)")
        return url
    }

    /// Writes ledger `work` of `ledger.cases` to `url` (replacing it: callers that must not, use ``issue(_:work:into:)``).
    public static func write(_ ledger: Issue, work: CaseWork, to url: URL) throws(KCBXError) {
        let input = ledger
        let mask = MaskedOutput.ledger.isMasked(in: input.config)
        let cases = rowOrder(input.cases.filter { $0.work == work })
        let version = input.version(work)
        let events = cases.reduce(0) { $0 + $1.history.count }
        let schools = input.schools
        let book = try XLSXWorkbook(url: url, constantMemory: cases.count + events > 100_000)
        let unit = input.config.issuer.unitName(district: input.config.district)
        let deadline = input.config.asOf.adding(days: input.config.issuer.listDeadlineDays)
        let month = ReportStage.FileName.month(input.period)
        let open = cases.filter { $0.state == .open }
        let sheet = try book.addSheet(casesSheet, columns: columns(work), title:
            "\(unit) \(work.title)（\(month) 第\(version)版，核查基准日 \(input.config.asOf)；在办 \(open.count) 件\(openByCode(open))，请于 \(deadline) 前填写右侧各列并报回）")
        for (n, c) in cases.enumerated() {
            let school = c.schoolCode.isEmpty ? "" : schools[c.schoolCode] ?? c.schoolCode
            let closing = c.closedOn.map { "\($0) \(c.closeReason ?? "")" } ?? ""
            // A row refused by an import shows what was typed, marked 待更正 with the reason.
            let typed = c.pending?.typed
            func officer(_ i: Int, _ stored: String) -> XLSXCell { .text(typed?[i] ?? stored) }
            let day: XLSXCell = typed.map { t in CivilDate(iso: t[3]).map(XLSXCell.date) ?? .text(t[3]) } ?? (c.notes.date.map(XLSXCell.date) ?? .empty)
            try sheet.append([
                .integer(n + 1), .text(c.id), .text(checksum(caseID: c.id, personID: c.personID) + "-" + notesMark(c.notes)),
                .text(c.code.title), .text(c.priority ? "是" : ""), .text(PersonView.townShown(c.town)), .text(c.name),
                .text(mask ? maskID(c.idNumber) : c.idNumber), c.birthDate.map(XLSXCell.date) ?? .empty, .text(school),
                .text(c.state == .open ? "在办" : "已销号"), .text(closing), .text(Masking.text(c.detail, mask)),
                officer(0, c.notes.measures), officer(1, c.notes.responsible), officer(2, c.notes.result), day,
                officer(4, c.notes.explanation), officer(5, c.notes.remarks), .text(c.pending.map { "待更正：\($0.reason)" } ?? ""),
            ], highlight: c.priority && c.state == .open, alerts: c.pending == nil ? [] : [19])
        }
        try sheet.signFooter()
        let history = try book.addSheet(historySheet, columns: [
            XLSXColumn(Header.caseID, width: 12), XLSXColumn("姓名", width: 8), XLSXColumn("问题类型", width: 11),
            XLSXColumn("期次", width: 8), XLSXColumn("日期", .date, width: 10), XLSXColumn("事项", width: 10), XLSXColumn("说明", width: 60),
            XLSXColumn("导入日期", .date, width: 10),
        ], title: "\(unit) \(work.title) 处理记录（每案历次立案、销号和经办人填报，按时间先后；只增不删；日期为经办人填写的处理日期或反馈日期，导入日期为录入台账之日）")
        for c in cases {
            for e in c.history {
                try history.append([.text(c.id), .text(c.name), .text(c.code.title), .text(e.period), .date(e.date), .text(word(e.kind)),
                                    .text(Masking.text(e.detail, mask)), e.importedOn.map(XLSXCell.date) ?? .empty])
            }
        }
        try history.signFooter()
        let about = try book.addSheet(aboutSheet, columns: [XLSXColumn("项目", width: 12), XLSXColumn("内容", width: 100)])
        let choices = OfficerResult.choices(for: work)
        let lines: [(String, String)] = [
            (Header.ledger, work.title), (Header.period, input.period), (Header.version, String(version)),
            ("发文单位", unit), ("核查基准日", input.config.asOf.description), ("反馈期限", deadline.description),
            ("填写", "只填写台账表右侧白色各列（\(Header.measures(work))、责任人、处理结果、处理日期、销号说明、备注），其余各列和校验码请勿改动；不要增删行。"),
            ("处理结果", choices.map { $0.title + ($0.closes ? "（销号\($0.needsExplanation ? "，须填销号说明" : "")）" : "") }.joined(separator: "、")),
            ("销号", "选择销号类结果并填写处理日期，导入后即销号；此后数据仍显示问题的（如“已返校”满 2 个月仍未入学），案件自动重新立案并注明原因。"),
            ("报回", "填好后交县教育局数据专员，用 kcbx cases import 导入；同一期可多次导入，历次记录只增不删。反馈期限后仍可导入（提示逾期），按经办人填写的日期记入。某案在本版发出后已由新版导入更改的，该行不导入，请在最新版本上填写。"),
            ("待更正", "导入时未通过检查的行，其填写内容保留在新版台账的该行，“待更正”列注明原因；更正后重新导入即可。"),
        ]
        for (key, value) in lines { try about.append([.text(key), .text(value)]) }
        about.protect()
        try book.close()
    }

    /// The open cases by code, as the bulletin and the packets count them: `（应入未入 12 件、疑似辍学 3 件；计入镇街 15 件，不含延缓/免于入学、外地户籍/外出 4 件）`.
    static func openByCode(_ open: [Case]) -> String {
        var counts: [FindingCode: Int] = [:]
        for c in open { counts[c.code, default: 0] += 1 }
        let parts = FindingCode.allCases.compactMap { code in counts[code].map { "\(code.title) \($0) 件" } }
        guard !parts.isEmpty else { return "" }
        let counted = open.count { $0.code.descriptor.countsAgainstTown }
        let followUp = open.allSatisfy { $0.work == .childFollowUp }
        return "（" + parts.joined(separator: "、")
            + (followUp ? "；其中计入镇街的未销号劝返案件 \(counted) 件，延缓/免于入学、外地户籍/外出 \(open.count - counted) 件不计入" : "") + "）"
    }

    /// 学校标识码 → school name for the schools of `cases`, from `schools` (``ChildFacts/schools``: the school
    /// directory and 学籍 records).
    public static func schoolNames(_ schools: [String: (name: String, town: String)], for cases: [Case]) -> [String: String] {
        var names: [String: String] = [:]
        for code in Set(cases.map(\.schoolCode)) where !code.isEmpty {
            if let name = schools[code]?.name, !name.isEmpty { names[code] = name }
        }
        return names
    }

    /// The ledger, period and version an officer's copy was issued with (sheet 填报说明).
    public struct Copy: Sendable, Equatable {
        public var work: CaseWork
        public var period: String
        public var version: Int
        /// 反馈期限 (nil in copies written before it was read).
        public var deadline: CivilDate? = nil
    }

    /// One row of an officer's edited ledger.
    public struct NotesRow: Sendable, Equatable {
        /// The sheet row number (1-based, as Excel shows it).
        public var line: Int
        public var caseID: String
        /// The case's 4 characters of the 校验码.
        public var checksum: String
        public var notes: OfficerNotes
        /// Whether the officer's columns are as issued.
        public var untouched: Bool
        /// The officer's columns as typed (措施, 责任人, 处理结果, 处理日期, 销号说明, 备注).
        public var typed: [String] = []
        /// Why the row cannot be read (its 处理日期 is not a date), nil when it can.
        public var problem: String? = nil
    }

    /// Reads an edited ledger: which ledger, period and version it is (sheet 填报说明), and the officer's
    /// columns of sheet 台账. Rows without a case id and without notes are skipped; a row with notes but
    /// no case id is a problem (it cannot be placed); a row whose 处理日期 is not a date comes with its problem.
    public static func readNotes(_ url: URL) throws(KCBXError) -> (copy: Copy, rows: [NotesRow], problems: [String]) {
        let names = try XLSXReader.sheetNames(url: url)
        guard names.contains(aboutSheet), names.contains(casesSheet) else {
            throw KCBXError(.input, "不是 kcbx 现在发出的台账或回执清单：缺少工作表「\(names.contains(casesSheet) ? aboutSheet : casesSheet)」；没有期次和版本的表无法安全导入，请在 \(folder)/ 中最新版本的台账上填写",
                            file: url.path)
        }
        let facts = try about(url)
        guard let work = CaseWork.allCases.first(where: { $0.title == facts[Header.ledger] }), let period = facts[Header.period],
              ReportStage.FileName.isPeriod(period), let version = facts[Header.version].flatMap({ Int($0) }) else {
            throw KCBXError(.input, "工作表「\(aboutSheet)」没有写明是哪本台账、哪一期、第几版（\(Header.ledger)、\(Header.period)、\(Header.version)各行），已被改动，未导入", file: url.path)
        }
        let copy = Copy(work: work, period: period, version: version, deadline: facts["反馈期限"].flatMap { CivilDate(iso: $0) })
        let reader = try XLSXReader(url: url, sheet: casesSheet, isHeader: { $0.contains(Header.caseID) })
        func column(_ name: String) throws(KCBXError) -> Int {
            guard let i = reader.header.firstIndex(of: name) else {
                throw KCBXError(.input, "工作表「\(casesSheet)」没有「\(name)」列，应是 kcbx 发出的\(work.title)，未导入", file: url.path)
            }
            return i
        }
        let id = try column(Header.caseID), check = try column(Header.checksum)
        let measures = try column(Header.measures(work)), responsible = try column(Header.responsible)
        let result = try column(Header.result), date = try column(Header.date), explanation = try column(Header.explanation)
        let remarks = try column(Header.remarks)
        var rows: [NotesRow] = [], problems: [String] = []
        while let row = try reader.next() {
            func v(_ i: Int) -> String { i < row.values.count ? row.values[i].trimmingCharacters(in: .whitespacesAndNewlines) : "" }
            let (day, dateProblem) = TypedDate.read(v(date))
            let notes = OfficerNotes(measures: v(measures), responsible: v(responsible), result: v(result), remarks: v(remarks),
                                     date: day, explanation: v(explanation))
            let typed = [v(measures), v(responsible), v(result), day?.description ?? v(date), v(explanation), v(remarks)]
            if v(id).isEmpty {
                if !notes.isEmpty || dateProblem != nil { problems.append("第 \(row.line) 行：填写了内容但没有案件编号，无法对应案件，未导入") }
                continue
            }
            let parts = v(check).split(separator: "-", maxSplits: 1).map(String.init)
            rows.append(NotesRow(line: row.line, caseID: v(id), checksum: parts.first ?? "", notes: notes,
                                 untouched: dateProblem == nil && parts.count == 2 && parts[1].uppercased() == notesMark(notes),
                                 typed: typed, problem: dateProblem.map { "\(Header.date)\($0)" }))
        }
        return (copy, rows, problems)
    }

    /// The rows of a workbook's 填报说明 sheet: 项目 → 内容.
    public static func about(_ url: URL) throws(KCBXError) -> [String: String] {
        // The header (项目, 内容) sits below the reply lists' title line; the ledger's has none.
        let about = try XLSXReader(url: url, sheet: aboutSheet, isHeader: { $0.contains("项目") && $0.contains("内容") })
        var facts: [String: String] = [:]
        while let row = try about.next() {
            if row.values.count >= 2 { facts[row.values[0].trimmingCharacters(in: .whitespaces)] = row.values[1].trimmingCharacters(in: .whitespaces) }
        }
        return facts
    }
}
