import KCBXCore

/// A case of the ledger (台账): one child and one finding code, followed from run to run until it is
/// closed (销号). Its id is the finding's ``caseID``-style id: stable across runs and reruns.
public struct Case: Sendable, Hashable {
    /// Open while the finding is still found; closed (销号) when it no longer is.
    public enum State: String, Sendable, Codable { case open, closed }

    /// `C` + 10 base-32 characters, from the code and the person's stable id.
    public var id: String
    public var code: FindingCode
    public var personID: String
    public var state: State
    /// Priority group (重点群体) as last found.
    public var priority: Bool
    /// Identity shown to officers, as last found (full ID; masking is the writer's job).
    public var idNumber: String
    public var name: String
    public var birthDate: CivilDate?
    public var town: String
    public var schoolCode: String
    /// Why the finding was raised, as last found.
    public var detail: String
    /// Evidence as `source#record;…`, as last found.
    public var evidence: String
    /// Period (`YYYY-MM`) and as-of date when first found.
    public var openedPeriod: String
    public var openedOn: CivilDate
    /// Period and date when last found.
    public var lastSeenPeriod: String
    public var lastSeenOn: CivilDate
    /// When and why it was closed (销号), taken from the data: enrolled at school X, moved out, aged out, registered dead.
    public var closedOn: CivilDate?
    public var closeReason: String?
    /// The officer's columns, carried from run to run.
    public var notes: OfficerNotes
    /// What happened to the case, oldest first (一生一表).
    public var history: [CaseEvent]
    /// The version of the case's ledger whose import last changed the officer's columns; 0 when never.
    public var notesVersion: Int
    /// Which list last changed the officer's columns: "" a ledger workbook, else the reply list's
    /// identity (``ReplySource``); a reply list may be imported again over its own earlier import.
    public var notesSource: String
    /// A refused row's typed text (待更正), carried into the next ledger version until it imports or is cleared.
    public var pending: PendingNotes?

    public init(id: String, code: FindingCode, personID: String, state: State, priority: Bool, idNumber: String, name: String,
                birthDate: CivilDate?, town: String, schoolCode: String, detail: String, evidence: String,
                openedPeriod: String, openedOn: CivilDate, lastSeenPeriod: String, lastSeenOn: CivilDate,
                closedOn: CivilDate? = nil, closeReason: String? = nil, notes: OfficerNotes = .init(), history: [CaseEvent] = [],
                notesVersion: Int = 0, notesSource: String = "", pending: PendingNotes? = nil) {
        self.id = id; self.code = code; self.personID = personID; self.state = state; self.priority = priority
        self.idNumber = idNumber; self.name = name; self.birthDate = birthDate; self.town = town; self.schoolCode = schoolCode
        self.detail = detail; self.evidence = evidence; self.openedPeriod = openedPeriod; self.openedOn = openedOn
        self.lastSeenPeriod = lastSeenPeriod; self.lastSeenOn = lastSeenOn; self.closedOn = closedOn
        self.closeReason = closeReason; self.notes = notes; self.history = history; self.notesVersion = notesVersion
        self.notesSource = notesSource; self.pending = pending
    }

    // Which ledger the case is on (`work`, 劝返台账 or 数据纠错台账) is its code's descriptor's: `Case.work`
    // is defined with the descriptors in KCBXReconcile, not stored.
}

extension Case {
    /// Which of a child's cases speaks for the child (the town the child is counted in, the case a reply about
    /// the child goes to): an open case before a closed one, then by code in report order, then by 案件编号.
    public var precedence: (Int, Int, String) { (state == .open ? 0 : 1, code.position, id) }
}

/// The officer's columns of a ledger workbook (劝返台账, 数据纠错台账), read back by `kcbx cases import`.
public struct OfficerNotes: Sendable, Hashable, Codable {
    /// 劝返措施 (劝返台账) or 处理措施 (数据纠错台账): what was done.
    public var measures: String
    /// 责任人: who is responsible.
    public var responsible: String
    /// 处理结果: the outcome, one of ``OfficerResult/choices(for:)``; a closing result closes (销号) the case.
    public var result: String
    /// 备注: remarks.
    public var remarks: String
    /// 处理日期: when the result was reached (required for a closing result).
    public var date: CivilDate?
    /// 销号说明: why, e.g. the school attended elsewhere (required where ``OfficerResult/needsExplanation``).
    public var explanation: String
    public init(measures: String = "", responsible: String = "", result: String = "", remarks: String = "", date: CivilDate? = nil,
                explanation: String = "") {
        self.measures = measures; self.responsible = responsible; self.result = result; self.remarks = remarks
        self.date = date; self.explanation = explanation
    }
    public var isEmpty: Bool {
        measures.isEmpty && responsible.isEmpty && result.isEmpty && remarks.isEmpty && date == nil && explanation.isEmpty
    }
}

/// 待更正: what an officer typed in a ledger row that the import refused, and why; the next ledger
/// version shows it in the row (marked 待更正) so that it need not be typed again.
public struct PendingNotes: Sendable, Hashable {
    /// The officer's columns as typed, in ``columns`` order.
    public var typed: [String]
    public var reason: String
    /// 措施, 责任人, 处理结果, 处理日期, 销号说明, 备注.
    public static let columns = 6
    public init(typed: [String], reason: String) {
        self.typed = Array((typed + Array(repeating: "", count: Self.columns)).prefix(Self.columns)); self.reason = reason
    }
    /// As stored: the texts and the reason, separated by U+001F.
    public var stored: String { (typed + [reason]).joined(separator: "\u{1F}") }
    public init?(stored: String?) {
        guard let stored, !stored.isEmpty else { return nil }
        let parts = stored.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        self.init(typed: Array(parts.dropLast()), reason: parts.last ?? "")
    }
}

/// A 处理结果 an officer may enter on a ledger, and what it does: a closing result closes (销号) the case
/// with the officer's date and reason, and the closing stands until later data contradicts it.
/// The one place the results of both ledgers are defined (see README "The ledgers (台账)").
public struct OfficerResult: Sendable, Hashable {
    /// The word officers enter, e.g. 已返校.
    public var title: String
    public var work: CaseWork
    /// Whether the result closes (销号) the case.
    public var closes: Bool
    /// Whether 销号说明 must say more (e.g. 已核实在外地就读: the school).
    public var needsExplanation: Bool
    /// Months after the officer's date from which a period that still finds the case contradicts the
    /// closing (the case reopens); nil: the data of this county cannot contradict it.
    public var contradictedAfterMonths: Int?

    /// The results of each ledger, in the order of the drop-down list.
    public static let all: [OfficerResult] = [
        .init(title: "劝返中", work: .childFollowUp, closes: false, needsExplanation: false, contradictedAfterMonths: nil),
        .init(title: "暂无法联系", work: .childFollowUp, closes: false, needsExplanation: false, contradictedAfterMonths: nil),
        .init(title: "已返校", work: .childFollowUp, closes: true, needsExplanation: false, contradictedAfterMonths: 2),
        .init(title: "已核实在外地就读", work: .childFollowUp, closes: true, needsExplanation: true, contradictedAfterMonths: nil),
        .init(title: "已送教上门", work: .childFollowUp, closes: true, needsExplanation: false, contradictedAfterMonths: 2),
        .init(title: "已办理延缓", work: .childFollowUp, closes: true, needsExplanation: false, contradictedAfterMonths: 2),
        .init(title: "已办理免于入学", work: .childFollowUp, closes: true, needsExplanation: false, contradictedAfterMonths: 2),
        .init(title: "已迁出本县", work: .childFollowUp, closes: true, needsExplanation: true, contradictedAfterMonths: 2),
        .init(title: "已死亡", work: .childFollowUp, closes: true, needsExplanation: false, contradictedAfterMonths: 2),
        .init(title: "处理中", work: .recordCorrection, closes: false, needsExplanation: false, contradictedAfterMonths: nil),
        .init(title: "已更正", work: .recordCorrection, closes: true, needsExplanation: false, contradictedAfterMonths: 2),
        .init(title: "已注销学籍", work: .recordCorrection, closes: true, needsExplanation: false, contradictedAfterMonths: 2),
        .init(title: "已注销重复户籍", work: .recordCorrection, closes: true, needsExplanation: false, contradictedAfterMonths: 2),
        .init(title: "核实无误", work: .recordCorrection, closes: true, needsExplanation: true, contradictedAfterMonths: nil),
    ]

    /// The choices of one ledger's 处理结果.
    public static func choices(for work: CaseWork) -> [OfficerResult] { all.filter { $0.work == work } }

    /// The result `title` on ledger `work`, nil when it is not one of that ledger's choices.
    public static func named(_ title: String, on work: CaseWork) -> OfficerResult? {
        all.first { $0.title == title && $0.work == work }
    }
}

/// One entry of a case's history.
public struct CaseEvent: Sendable, Hashable, Codable {
    /// Status entries (one per period, from the data): opened 立案, seen 在办, closed 销号, reopened 重新立案.
    /// The officer's entries, appended by imports and never rewritten: notes 处理记录, officerClosed
    /// 经办人销号, officerReopened 经办人撤销销号.
    public enum Kind: String, Sendable, Codable {
        case opened, seen, closed, reopened, notes
        case officerClosed = "officer_closed", officerReopened = "officer_reopened"
        /// Whether the entry is a period's status from the data (rebuilt by every run) rather than the officer's.
        public var isStatus: Bool { self == .opened || self == .seen || self == .closed || self == .reopened }
    }
    public var period: String
    /// The day it happened: for an officer's entry, the officer's date (处理日期, 反馈日期) where given.
    public var date: CivilDate
    public var kind: Kind
    public var detail: String
    /// For an officer's entry, the day it was imported (nil: a status entry, or one imported before this was kept).
    public var importedOn: CivilDate?
    public init(period: String, date: CivilDate, kind: Kind, detail: String, importedOn: CivilDate? = nil) {
        self.period = period; self.date = date; self.kind = kind; self.detail = detail; self.importedOn = importedOn
    }
}

/// Ledger figures for the bulletin (通报): cases opened and closed since the previous bulletin, open
/// at period end, and open cases over the last periods; district-wide and per town.
public struct LedgerFigures: Sendable {
    public struct Counts: Sendable, Equatable {
        public var opened = 0, closed = 0, open = 0
        public init(opened: Int = 0, closed: Int = 0, open: Int = 0) { self.opened = opened; self.closed = closed; self.open = open }
    }
    /// The period of the previous bulletin the counts are measured from (nil: the ledger's start).
    public var since: String?
    public var district: Counts
    public var byTown: [String: Counts]
    /// Open cases at the end of each of the last (up to 12) periods, oldest first.
    public var openByPeriod: [(period: String, open: Int)]
    public init(since: String? = nil, district: Counts = .init(), byTown: [String: Counts] = [:], openByPeriod: [(period: String, open: Int)] = []) {
        self.since = since; self.district = district; self.byTown = byTown; self.openByPeriod = openByPeriod
    }
}
