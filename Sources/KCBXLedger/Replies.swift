import KCBXCore

/// A reply list (回执清单): a list kcbx sends out with columns to report back, which `kcbx cases import`
/// reads back into the ledger's cases (README "The ledgers (台账)", "Replies (回执)"). The kind is read
/// from the workbook's own 填报说明 sheet (row 清单类型), never from its file name.
public enum ReplyKind: String, CaseIterable, Sendable, Codable {
    /// 镇街核查名单: a town's packet (`towns/<镇街>_YYYY年M月.xlsx`), 核查结果 per finding sheet.
    case townPacket = "town_packet"
    /// 学籍纠错通知: a school's workbook (`学籍纠错/<学校>_YYYY年M月.xlsx`), 纠正结果.
    case schoolCorrection = "school_correction"
    /// 户籍重复及注销核查: the police's workbook, 核查结果.
    case police
    /// 去向确认名单: a town's list of children whose whereabouts are to be confirmed (`去向确认/…`), 核实去向.
    case whereabouts
    /// 外地户籍协查名单: the list of a 协查函 to another county (`外地户籍协查函/…`, sheet 协查名单), 核实结果.
    case regionLetter = "region_letter"

    /// 清单类型: the words of the 填报说明 sheet that name the kind.
    public var title: String {
        switch self {
        case .townPacket: "镇街核查名单"
        case .schoolCorrection: "学籍纠错通知"
        case .police: "户籍重复及注销核查"
        case .whereabouts: "去向确认名单"
        case .regionLetter: "外地户籍协查名单"
        }
    }

    /// 范围: what the scope row of 填报说明 names (镇街, 学校, 派出所, 户籍地).
    public var scopeTitle: String {
        switch self {
        case .townPacket, .whereabouts: "镇街"
        case .schoolCorrection: "学校"
        case .police: "派出所"
        case .regionLetter: "户籍地"
        }
    }

    /// The reply columns' headers: the choice (核查结果 …), who (反馈人/核实人), when (反馈日期/核实日期).
    public var choiceHeader: String {
        switch self {
        case .townPacket, .police: "核查结果"
        case .schoolCorrection: "纠正结果"
        case .whereabouts: "核实去向"
        case .regionLetter: "核实结果"
        }
    }
    public var personHeader: String { self == .whereabouts || self == .regionLetter ? "核实人" : "反馈人" }
    public var dateHeader: String { self == .whereabouts || self == .regionLetter ? "核实日期" : "反馈日期" }
    /// The free-text column beside the choice.
    public static let explanationHeader = "说明"
    /// 现就读学校（全称） and 就读地（省市县）, on the lists that ask where a child is at school.
    public static let schoolHeader = "现就读学校（全称）", placeHeader = "就读地（省市县）"
    /// The key of each row: 案件编号 (a ledger case) or 登记编号 (a child without a case, ``ReplyKey``).
    public static let caseHeader = "案件编号", registrationHeader = "登记编号", checksumHeader = "校验码"
}

/// The key of a reply row for a child who has no case (去向确认): 登记编号, `D` + 10 base-32 characters
/// from the child's stable person id, so it survives reruns and is resolved from the period's stored children.
public enum ReplyKey {
    public static func registration(personID: String) -> String {
        "D" + base32(stableHash("kcbx-person|" + personID), count: 10)
    }
    /// Whether `key` is a 登记编号 (else a 案件编号).
    public static func isRegistration(_ key: String) -> Bool { key.hasPrefix("D") }
}

/// What one choice of a reply list means for the case: the one table (README "Replies (回执)").
///
/// A choice sets the case's 处理结果 to a ledger result (``OfficerResult``, closing or not) with the
/// reply's date as 处理日期 and its 反馈人/核实人 as 责任人, and a 销号说明 made from the reply's
/// columns; or it only records the reply in the case's history (`result` nil). `opens`: the child must
/// be followed up (未入学, 已辍学): a case is kept open, and a child without a case is reported as one to
/// open (立案) — recorded, never dropped.
public struct ReplyChoice: Sendable, Hashable {
    /// A reply column a choice requires.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case date, school, place, explanation
    }
    public var kind: ReplyKind
    /// The word offered in the drop-down, e.g. 已返校.
    public var title: String
    /// The ledger 处理结果 the choice sets (nil: recorded in the history only).
    public var result: String?
    /// The columns that must be filled in for the choice.
    public var needs: Set<Field>
    /// Whether the child must be followed up (a case kept open, or one to open).
    public var opens: Bool

    init(_ kind: ReplyKind, _ title: String, result: String?, needs: Set<Field> = [.date], opens: Bool = false) {
        self.kind = kind; self.title = title; self.result = result; self.needs = needs; self.opens = opens
    }

    /// Every choice of every reply list, in the order of their drop-downs.
    public static let all: [ReplyChoice] = {
        // The town packet offers the 劝返台账's own results: a town's 核查结果 is the ledger's 处理结果.
        let town = OfficerResult.choices(for: .childFollowUp).map {
            ReplyChoice(.townPacket, $0.title, result: $0.title, needs: $0.closes ? ($0.needsExplanation ? [.date, .explanation] : [.date]) : [],
                        opens: !$0.closes)
        }
        return town + [
            .init(.schoolCorrection, "已更正", result: "已更正"),
            .init(.schoolCorrection, "已注销学籍", result: "已注销学籍"),
            .init(.schoolCorrection, "核实无误", result: "核实无误", needs: [.date, .explanation]),
            .init(.schoolCorrection, "处理中", result: "处理中", needs: []),
            .init(.police, "已注销重复户籍", result: "已注销重复户籍"),
            .init(.police, "已更正", result: "已更正"),
            .init(.police, "核实无误", result: "核实无误", needs: [.date, .explanation]),
            .init(.police, "处理中", result: "处理中", needs: []),
            .init(.whereabouts, "在外地就读", result: "已核实在外地就读", needs: [.date, .school, .place]),
            .init(.whereabouts, "已回本地就读", result: "已返校", needs: [.date, .school]),
            .init(.whereabouts, "未入学", result: "劝返中", needs: [.date], opens: true),
            .init(.whereabouts, "已辍学", result: "劝返中", needs: [.date], opens: true),
            .init(.whereabouts, "出国（境）", result: nil, needs: [.date, .explanation]),
            .init(.whereabouts, "其他", result: nil, needs: [.date, .explanation]),
            .init(.regionLetter, "在当地就读", result: "已核实在外地就读", needs: [.date, .school]),
            .init(.regionLetter, "在其他地方就读", result: "已核实在外地就读", needs: [.date, .school, .explanation]),
            .init(.regionLetter, "未入学", result: "劝返中", needs: [.date], opens: true),
            .init(.regionLetter, "已辍学", result: "劝返中", needs: [.date], opens: true),
            .init(.regionLetter, "查无此人", result: nil, needs: [.date]),
            .init(.regionLetter, "其他", result: nil, needs: [.date, .explanation]),
        ]
    }()

    /// The choices of one reply list, in drop-down order.
    public static func choices(for kind: ReplyKind) -> [ReplyChoice] { all.filter { $0.kind == kind } }

    /// The choice `title` of reply list `kind`, nil when it is not one of its choices.
    public static func named(_ title: String, on kind: ReplyKind) -> ReplyChoice? {
        all.first { $0.kind == kind && $0.title == title }
    }

    /// How a missing column reads in a refusal.
    public static func header(_ field: Field, of kind: ReplyKind) -> String {
        switch field {
        case .date: kind.dateHeader
        case .school: ReplyKind.schoolHeader
        case .place: ReplyKind.placeHeader
        case .explanation: ReplyKind.explanationHeader
        }
    }

    /// The 销号说明 the reply gives for a closing result: the school and place where the child is, the
    /// 说明 typed beside the choice, and which list said so (e.g. `济南市历下区实验小学（山东省济南市历下区），去向确认名单`).
    public func explanation(_ reply: ReplyEntry, place defaultPlace: String = "") -> String {
        var parts: [String] = []
        let place = reply.place.isEmpty ? defaultPlace : reply.place
        if !reply.school.isEmpty { parts.append(place.isEmpty ? reply.school : "\(reply.school)（\(place)）") }
        if !reply.explanation.isEmpty { parts.append(reply.explanation) }
        parts.append("据\(kind.title)")
        return parts.joined(separator: "，")
    }
}

/// One reply row as typed (a reply list's columns, read back), with its key and where it stands.
public struct ReplyEntry: Sendable, Hashable {
    public var kind: ReplyKind
    /// The period of the list it was written for.
    public var period: String
    /// 案件编号 or 登记编号.
    public var key: String
    /// The case it went to (nil: a child without a case).
    public var caseID: String?
    public var personID: String
    public var choice: String
    public var person: String
    /// The officer's date (反馈日期/核实日期).
    public var date: CivilDate?
    public var school: String, place: String, explanation: String
    /// The day it was imported, and from which file (its name only).
    public var importedOn: CivilDate
    public var file: String
    public init(kind: ReplyKind, period: String, key: String, caseID: String?, personID: String, choice: String, person: String,
                date: CivilDate?, school: String = "", place: String = "", explanation: String = "", importedOn: CivilDate, file: String) {
        self.kind = kind; self.period = period; self.key = key; self.caseID = caseID; self.personID = personID; self.choice = choice
        self.person = person; self.date = date; self.school = school; self.place = place; self.explanation = explanation
        self.importedOn = importedOn; self.file = file
    }
}

/// Which reply list a row came from: its kind, period and scope (a town, school, station or place),
/// stored with the case it changed so that the same list may be imported again over itself.
public enum ReplySource {
    public static func of(_ kind: ReplyKind, period: String, scope: String) -> String { "\(kind.rawValue)|\(period)|\(scope)" }
}

/// A date an officer typed (处理日期, 反馈日期, 核实日期), read with ``DateParser`` (2026-12-03, 2026.12.3,
/// 2026年12月3日, an Excel date): never guessed; what cannot be read is a problem in Chinese.
public enum TypedDate {
    public static func read(_ raw: String) -> (date: CivilDate?, problem: String?) {
        switch DateParser.parse(raw) {
        case .date(let d): return (d, nil)
        case .empty: return (nil, nil)
        case .invalid:
            // The typed text is shown only when short and not an ID-like run of digits.
            let shown = raw.count <= 12 && raw.filter(\.isNumber).count < 9 ? "「\(raw)」" : ""
            return (nil, "\(shown)无法识别为日期（请写作 2026-12-03 或 2026年12月3日）")
        }
    }
}
