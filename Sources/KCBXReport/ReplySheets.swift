import Foundation
import KCBXCore
import KCBXFormats
import KCBXLedger
import KCBXSheets

/// What every reply list (回执清单, ``ReplyKind``: town packet, school and police workbooks, 去向确认,
/// 协查名单) shares so that `kcbx cases import` can read it back: a key per row that survives an officer's
/// editing (案件编号, or 登记编号 for a child without a case, ``ReplyKey``) with its 校验码, the reply
/// columns (a drop-down of the list's fixed choices, ``ReplyChoice``, with a free-text 说明 beside it),
/// and a locked 填报说明 sheet stating the kind of list, 期次, scope, 发文日期, 反馈期限 and the ledgers'
/// versions it was issued at, which the import checks (README "Replies (回执)").
public enum ReplySheets {
    public static let aboutSheet = LedgerWorkbook.aboutSheet

    /// The rows of 填报说明 the import reads.
    enum Header {
        static let kind = "清单类型", period = "期次", scope = "范围", issued = "发文日期", deadline = "反馈期限"
        static func version(_ work: CaseWork) -> String { "\(work.title)版本" }
    }

    /// The key and 校验码 columns, after 序号.
    static func keyColumns(_ key: String = ReplyKind.caseHeader) -> [XLSXColumn] {
        [XLSXColumn(key, width: 12), XLSXColumn(ReplyKind.checksumHeader, width: 5)]
    }

    /// The reply columns of `kind`: the choice (drop-down), 说明, then (where asked) 现就读学校 and 就读地,
    /// then who and when.
    static func replyColumns(_ kind: ReplyKind, choiceWidth: Double = 10, explanationWidth: Double = 8) -> [XLSXColumn] {
        var columns = [XLSXColumn(kind.choiceHeader, width: choiceWidth, editable: true, choices: ReplyChoice.choices(for: kind).map(\.title)),
                       XLSXColumn(ReplyKind.explanationHeader, width: explanationWidth, editable: true)]
        if kind == .whereabouts || kind == .regionLetter { columns.append(XLSXColumn(ReplyKind.schoolHeader, width: 14, editable: true)) }
        if kind == .whereabouts { columns.append(XLSXColumn(ReplyKind.placeHeader, width: 10, editable: true)) }
        return columns + [XLSXColumn(kind.personHeader, width: 6, editable: true), XLSXColumn(kind.dateHeader, .date, width: 10, editable: true)]
    }

    /// Empty reply cells for `kind`.
    static func emptyReply(_ kind: ReplyKind) -> [XLSXCell] { Array(repeating: .empty, count: replyColumns(kind).count) }

    /// The key and 校验码 cells of a row: its case (or, without one, the child's 登记编号).
    static func keyCells(caseID: String, personID: String) -> [XLSXCell] {
        let key = caseID.isEmpty ? (personID.isEmpty ? "" : ReplyKey.registration(personID: personID)) : caseID
        return [.text(key), .text(key.isEmpty ? "" : LedgerWorkbook.checksum(caseID: key, personID: personID))]
    }

    /// Writes the locked 填报说明 sheet of a reply list of `kind` for `scope` (a town, school, station or place).
    static func writeAbout(_ kind: ReplyKind, scope: String, _ input: ReportInput, into book: XLSXWorkbook) throws(KCBXError) {
        let config = input.config
        let deadline = config.asOf.adding(days: config.issuer.listDeadlineDays)
        let unit = config.issuer.unitName(district: config.district)
        let about = try book.addSheet(aboutSheet, columns: [XLSXColumn("项目", width: 18), XLSXColumn("内容", width: 90)],
                                      title: "\(unit) \(kind.title)填报说明（\(ReportStage.FileName.month(input.period))，\(kind.scopeTitle)：\(scope)）")
        let choices = ReplyChoice.choices(for: kind).map { c in
            let needs = ReplyChoice.Field.allCases.filter(c.needs.contains).map { ReplyChoice.header($0, of: kind) }
            return c.title + (needs.isEmpty ? "" : "（须填\(needs.joined(separator: "、"))）")
        }
        var lines: [(String, String)] = [
            (Header.kind, kind.title), (Header.period, input.period), (Header.scope, "\(kind.scopeTitle)：\(scope)"),
            ("发文单位", unit),
            (Header.issued, config.asOf.description), (Header.deadline, deadline.description),
        ]
        lines += CaseWork.allCases.map { (Header.version($0), String(input.ledgerVersions[$0] ?? 0)) }
        lines += [
            ("填写", "只填写绿色各列（\(kind.choiceHeader)、说明、\(kind.personHeader)、\(kind.dateHeader)等），\(kind.choiceHeader)从下拉列表中选择；其余各列、编号和校验码请勿改动，不要增删行。"),
            (kind.choiceHeader, choices.joined(separator: "、")),
            ("编号", "案件编号（C 开头）对应台账中的案件；登记编号（D 开头）是尚无案件的儿童的编号。"),
            ("报回", "填好后交县教育局数据专员，用 kcbx cases import 导入；可多次导入，历次记录只增不删。反馈期限后仍可导入（提示逾期），按所填日期记入台账。"),
        ]
        for (key, value) in lines { try about.append([.text(key), .text(value)]) }
        about.protect()
    }

    /// A reply list's 填报说明 as read back.
    public struct Copy: Sendable, Equatable {
        public init(kind: ReplyKind, period: String, scope: String, issued: CivilDate? = nil, deadline: CivilDate? = nil, versions: [CaseWork: Int]) {
            self.kind = kind; self.period = period; self.scope = scope; self.issued = issued; self.deadline = deadline; self.versions = versions
        }
        public var kind: ReplyKind
        public var period: String
        public var scope: String
        public var issued: CivilDate?
        public var deadline: CivilDate?
        /// The ledgers' versions the list was issued at.
        public var versions: [CaseWork: Int]
        /// The list's identity (``ReplySource``).
        public var source: String { ReplySource.of(kind, period: period, scope: scope) }
    }

    /// One filled row of a reply list.
    public struct Row: Sendable, Equatable {
        public var sheet: String
        public var line: Int
        public var key: String, checksum: String
        public var choice: String, person: String, dateText: String
        public var school: String, place: String, explanation: String
        /// The child as the row shows them (for messages): name and ID (masked or not, as written).
        public var name: String, idNumber: String
        public init(sheet: String = "", line: Int, key: String, checksum: String, choice: String, person: String = "", dateText: String = "",
                    school: String = "", place: String = "", explanation: String = "", name: String = "", idNumber: String = "") {
            self.sheet = sheet; self.line = line; self.key = key; self.checksum = checksum; self.choice = choice; self.person = person
            self.dateText = dateText; self.school = school; self.place = place; self.explanation = explanation; self.name = name
            self.idNumber = idNumber
        }
    }

    /// The kind of reply list `facts` (its 填报说明 rows) describe, nil when it is not one.
    public static func kind(_ facts: [String: String]) -> ReplyKind? {
        ReplyKind.allCases.first { $0.title == facts[Header.kind] }
    }

    /// Reads the 填报说明 of a reply list (its kind found in `facts`).
    public static func copy(_ facts: [String: String], kind: ReplyKind, file: String) throws(KCBXError) -> Copy {
        guard let period = facts[Header.period], ReportStage.FileName.isPeriod(period), let scope = facts[Header.scope] else {
            throw KCBXError(.input, "工作表「\(aboutSheet)」没有写明期次和范围，已被改动，未导入", file: file)
        }
        var versions: [CaseWork: Int] = [:]
        for work in CaseWork.allCases {
            guard let v = facts[Header.version(work)].flatMap({ Int($0) }) else {
                throw KCBXError(.input, "工作表「\(aboutSheet)」没有写明\(Header.version(work))，已被改动，未导入", file: file)
            }
            versions[work] = v
        }
        return Copy(kind: kind, period: period, scope: scope, issued: facts[Header.issued].flatMap { CivilDate(iso: $0) },
                    deadline: facts[Header.deadline].flatMap { CivilDate(iso: $0) }, versions: versions)
    }

    /// The filled rows of every sheet of a reply list of `kind` that has its key and choice columns (rows
    /// whose reply columns are all empty are left out); rows with a reply but no key are problems.
    public static func rows(_ url: URL, kind: ReplyKind) throws(KCBXError) -> (rows: [Row], problems: [String]) {
        var rows: [Row] = [], problems: [String] = []
        for sheet in try XLSXReader.sheetNames(url: url) where sheet != aboutSheet {
            let reader = try XLSXReader(url: url, sheet: sheet, isHeader: {
                $0.contains(kind.choiceHeader) && ($0.contains(ReplyKind.caseHeader) || $0.contains(ReplyKind.registrationHeader))
            })
            let header = reader.header
            guard let choice = header.firstIndex(of: kind.choiceHeader),
                  let key = header.firstIndex(of: ReplyKind.caseHeader) ?? header.firstIndex(of: ReplyKind.registrationHeader) else { continue }
            func index(_ name: String) -> Int? { header.firstIndex(of: name) }
            let check = index(ReplyKind.checksumHeader), person = index(kind.personHeader), date = index(kind.dateHeader)
            let school = index(ReplyKind.schoolHeader), place = index(ReplyKind.placeHeader), explanation = index(ReplyKind.explanationHeader)
            let name = index("姓名"), id = index("身份证件号")
            while let row = try reader.next() {
                func v(_ i: Int?) -> String {
                    guard let i, i < row.values.count else { return "" }
                    return row.values[i].trimmingCharacters(in: .whitespacesAndNewlines)
                }
                let r = Row(sheet: sheet, line: row.line, key: v(key), checksum: v(check), choice: v(choice), person: v(person), dateText: v(date),
                            school: v(school), place: v(place), explanation: v(explanation), name: v(name), idNumber: v(id))
                guard !(r.choice + r.person + r.dateText + r.school + r.place + r.explanation).isEmpty else { continue }
                if r.key.isEmpty {
                    problems.append("工作表「\(sheet)」第 \(row.line) 行\(r.name.isEmpty ? "" : "（\(r.name)）")：填写了\(kind.choiceHeader)等但没有编号，无法对应儿童，未导入")
                    continue
                }
                rows.append(r)
            }
        }
        return (rows, problems)
    }
}
