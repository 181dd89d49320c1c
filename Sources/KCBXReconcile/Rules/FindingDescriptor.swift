import KCBXCore
import KCBXLedger

/// What a finding code means to everyone after the rule (一码一述): its name, its ledger, whether it
/// counts against the town, who acts on it, what they are asked, how its case closes and what it reads.
/// Each rule declares its own (``FindingRule/descriptor``, in `Rules/<Code>Rule.swift`), and every filter
/// by code in reconcile and report reads it (`code.descriptor`): no list of codes is written anywhere else.
public struct FindingDescriptor: Sendable {
    /// Who acts on a finding: whose lists it goes to.
    public enum Actor: Sendable, CaseIterable {
        /// The town education office (镇街): the town packets (`towns/<镇街>_….xlsx`), 劝返.
        case town
        /// The school: the 学籍纠错 workbooks, one per school.
        case school
        /// The police (派出所): 户籍重复及注销核查.
        case police
    }

    /// The general reasons a case closes (销号) for, read from the period's data by ``CloseReasons`` in
    /// this order (the rule's own reason, ``FindingRule/closeReason(_:)``, comes after them).
    public enum Closing: Sendable, CaseIterable {
        /// An active 学籍 now: 已入学 (codes about a child not at school).
        case enrolled
        /// 户籍 registers the child dead.
        case registeredDead
        /// No resident 户籍 left: moved out, cancelled.
        case movedOut
        /// Born before the school-age cohort: 已超出义务教育年龄.
        case agedOut
        /// A valid deferral or exemption now: 已办理延缓/免于入学.
        case deferralApproved
    }

    public let code: FindingCode
    /// The Chinese name officers know the finding by (应入未入).
    public let title: String
    /// Which ledger its cases are on: a child to bring back (劝返台账) or a record to correct (纠错台账).
    public let work: CaseWork
    /// Its child counts against the town as out of school (失学辍学): the 镇街 ranking, the bulletin's
    /// 劝返 case figures.
    public let countsAgainstTown: Bool
    /// Its child is one this district follows up (劝返 here): on the 基础数据库 (roster) whatever the
    /// records say. Not a child reported to the county of registration, not a record to correct.
    public let followedUpHere: Bool
    /// Whose lists it goes to.
    public let actor: Actor
    /// Where it comes among its actor's codes (sheets of the 学籍纠错 workbook, columns of the bulletin's
    /// 学校数据纠错), lowest first; equal places keep the code order (``FindingCode/allCases``).
    public let place: Int
    /// What the list asks of whoever acts on it (需核查处理, the sheets' titles).
    public let asked: String
    /// The general reasons that close its case.
    public let closes: Set<Closing>
    /// Roles the rule reads besides those it needs or that complete it (``FindingRule/needs``,
    /// ``FindingRule/partly``), e.g. hukou for the comparison of identities.
    public let alsoReads: [SourceRole]

    init(_ code: FindingCode, title: String, work: CaseWork, countsAgainstTown: Bool = false, followedUpHere: Bool = false,
         actor: Actor, place: Int = 0, asked: String, closes: Set<Closing>, alsoReads: [SourceRole] = []) {
        self.code = code; self.title = title; self.work = work; self.countsAgainstTown = countsAgainstTown
        self.followedUpHere = followedUpHere; self.actor = actor; self.place = place; self.asked = asked
        self.closes = closes; self.alsoReads = alsoReads
    }

    /// Every code's descriptor, by ``FindingCode/position``.
    static let all: [FindingDescriptor] = FindingCode.allCases.map { FindingRules.rule($0).descriptor }

    /// The codes `actor` acts on, in the order of its lists (``place``, then the code order).
    public static func codes(for actor: Actor) -> [FindingCode] {
        all.enumerated().filter { $0.element.actor == actor }.sorted { ($0.element.place, $0.offset) < ($1.element.place, $1.offset) }
            .map(\.element.code)
    }

    /// The codes whose descriptor says `test`, in the code order.
    public static func codes(where test: (FindingDescriptor) -> Bool) -> [FindingCode] {
        all.filter(test).map(\.code)
    }
}

extension FindingCode {
    /// What the code means (its rule's ``FindingDescriptor``).
    public var descriptor: FindingDescriptor { FindingDescriptor.all[position] }
    /// The Chinese name officers know the finding by.
    public var title: String { descriptor.title }
    /// Which kind of work the finding asks for: a child to bring back to school, or a record a school
    /// or a police station corrects. The two ledgers, the lists and the bulletin's ranking follow it.
    public var work: CaseWork { descriptor.work }

    /// The code an officer names: by its title (疑似辍学, 延缓/免于入学) or its key (`suspected_dropout`);
    /// nil for neither.
    public init?(named name: String) {
        let name = String(name.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        guard let code = FindingCode(rawValue: name) ?? FindingCode.allCases.first(where: { $0.title == name }) else { return nil }
        self = code
    }
}

extension Case {
    /// Which ledger the case is on (劝返台账 or 数据纠错台账): its code's (the ledger module keeps the code as a key).
    public var work: CaseWork { code.work }
}
