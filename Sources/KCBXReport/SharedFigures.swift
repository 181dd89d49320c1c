import KCBXCore
import KCBXLedger
import KCBXReconcile

/// The figures more than one document shows (共用数字), computed once per report from the ledger's
/// 劝返 cases (``ReportInput/cases``, as of the period) and the findings, and handed to every writer: the
/// town packets (towns/), 一生一表, the bulletin (xlsx, HTML), summary.json and 按学校汇总 read their
/// counts here, so one figure is one number everywhere (docs/bulletin.md "One count, one definition").
///
/// - A child's town (镇街) is the town of their first 劝返 case (open ones first, in code order): the
///   packet, 一生一表 and the bulletin place the child there.
/// - 在办 (open, 件): a finding of a code the towns act on whose case the ledger does not hold closed —
///   a case an officer closed (已返校 …) leaves the packet at once, though the data still finds it.
/// - 新增, 已销号 (件): ``LedgerBook/counts(_:since:)`` since the last November bulletin (`since`).
/// - 失学辍学儿童 (人): children with an open case of a code that counts against the town.
/// - 学籍纠错 (条): one per 学籍 record to correct, per school (the school workbooks' lines).
struct SharedFigures: Sendable {
    /// One town's (or the district's) 劝返 figures.
    struct Tally: Sendable, Equatable {
        /// Open cases (在办, 件) per code, and of them the priority group's (重点群体).
        var open: [FindingCode: Int] = [:], openPriority: [FindingCode: Int] = [:]
        /// Cases opened (新增) and closed (销号) since ``SharedFigures/since`` per code (件).
        var opened: [FindingCode: Int] = [:], closed: [FindingCode: Int] = [:]
        /// 失学辍学儿童 (人): children with an open case of a code that counts against the town.
        var outOfSchool = 0
        /// Children with any open 劝返 case (人): the children of 一生一表.
        var children = 0

        /// The sum of `counts` over `codes`.
        static func sum(_ counts: [FindingCode: Int], _ codes: [FindingCode]) -> Int { codes.reduce(0) { $0 + (counts[$1] ?? 0) } }

        /// 新增, 销号 and 未销号 劝返 cases of the codes that count against a town (应入未入, 疑似辍学,
        /// 残疾儿童未安置; 不含延缓/免于入学 and 外地户籍/外出): the bulletin's 劝返案件.
        var counted: LedgerFigures.Counts {
            let codes = BulletinFigures.townCodes
            return .init(opened: Self.sum(opened, codes), closed: Self.sum(closed, codes), open: Self.sum(open, codes))
        }

        /// Open 劝返 cases of every code (件): what the 劝返台账 holds 在办.
        var openAll: Int { open.values.reduce(0, +) }
        /// Open cases followed up but not counted against the town (延缓/免于入学, 外地户籍/外出).
        var openNotCounted: Int { openAll - counted.open }
    }

    /// The period of the last November bulletin the 新增 and 销号 counts start after (nil: the ledger's start).
    let since: String?
    let district: Tally
    let towns: [String: Tally]
    /// Positions in ``FindingRows/rows`` of each town's open 劝返 cases (the packet's rows), in report order.
    let packetRows: [String: [Int]]
    /// Each town's 劝返 cases closed since `since` (the packet's 已销号 sheet), by close date.
    let closedCases: [String: [Case]]
    /// The 劝返 cases by id: the officers' entries the packet shows.
    let cases: [String: Case]
    /// The children (person ids) of each town with an open 劝返 case: the pages of its 一生一表.
    let children: [String: [String]]
    /// 学籍 records to correct per school (学校标识码) and code (条): the school workbooks' and 按学校汇总's counts.
    let schoolRecords: [String: [FindingCode: Int]]

    init(_ input: ReportInput, _ people: PersonView, _ rows: FindingRows, schools: SchoolWorkbook.Plan) {
        let followUp = input.cases.filter { $0.work == .childFollowUp }
        var byPerson: [String: [Case]] = [:]
        for c in followUp { byPerson[c.personID, default: []].append(c) }
        // The child's town: that of the case that speaks for the child (`Case.precedence`); where the case names none,
        // the town the lists show for the child (their finding's row); 未知镇街 when neither does.
        var rowTown: [String: String] = [:]
        for row in rows.rows where row.finding.code.descriptor.actor == .town && rowTown[row.finding.personID] == nil {
            rowTown[row.finding.personID] = PersonView.townShown(row.person.town)
        }
        var childTown: [String: String] = [:]
        for (person, list) in byPerson {
            let first = list.min { $0.precedence < $1.precedence }!
            let town = PersonView.townShown(first.town)
            childTown[person] = town == PersonView.unknownTown ? rowTown[person] ?? town : town
        }
        since = input.ledger.since
        var towns: [String: Tally] = [:], closedCases: [String: [Case]] = [:]
        for c in followUp {
            let k = LedgerBook.counts(c, since: since), town = childTown[c.personID] ?? PersonView.townShown(c.town)
            if k.opened > 0 { towns[town, default: .init()].opened[c.code, default: 0] += 1 }
            if k.closed > 0 {
                towns[town, default: .init()].closed[c.code, default: 0] += 1
                closedCases[town, default: []].append(c)
            }
        }
        let cases = Dictionary(followUp.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var packetRows: [String: [Int]] = [:]
        var children: [String: [String]] = [:], seen: [String: Set<String>] = [:], out: [String: Set<String>] = [:]
        var listed = Set<String>()
        func count(_ code: FindingCode, person: String, priority: Bool, town: String, onLedger: Bool) {
            towns[town, default: .init()].open[code, default: 0] += 1
            if priority { towns[town, default: .init()].openPriority[code, default: 0] += 1 }
            if seen[town, default: []].insert(person).inserted, onLedger { children[town, default: []].append(person) }
            if code.descriptor.countsAgainstTown { out[town, default: []].insert(person) }
        }
        for (i, row) in rows.rows.enumerated() where row.finding.code.descriptor.actor == .town {
            let f = row.finding, c = cases[f.caseID]
            // A case the ledger holds closed (an officer's 销号) is no longer followed up here.
            if c?.state == .closed { continue }
            let town = childTown[f.personID] ?? PersonView.townShown(row.person.town)
            packetRows[town, default: []].append(i)
            listed.insert(f.caseID)
            count(f.code, person: f.personID, priority: f.priority, town: town, onLedger: c != nil)
        }
        // An open case this period's findings do not hold (the ledger of an earlier run): counted, not listed.
        for c in followUp where c.state == .open && !listed.contains(c.id) {
            count(c.code, person: c.personID, priority: c.priority, town: childTown[c.personID] ?? PersonView.townShown(c.town), onLedger: true)
        }
        var district = Tally()
        for town in seen.keys {
            towns[town, default: .init()].children = children[town]?.count ?? 0
            towns[town, default: .init()].outOfSchool = out[town]?.count ?? 0
        }
        for t in towns.values {
            for (code, n) in t.open { district.open[code, default: 0] += n }
            for (code, n) in t.openPriority { district.openPriority[code, default: 0] += n }
            for (code, n) in t.opened { district.opened[code, default: 0] += n }
            for (code, n) in t.closed { district.closed[code, default: 0] += n }
        }
        district.outOfSchool = out.values.reduce(into: Set<String>()) { $0.formUnion($1) }.count
        district.children = Set(children.values.joined()).count
        self.district = district
        self.towns = towns
        self.packetRows = packetRows
        self.closedCases = closedCases.mapValues { $0.sorted { ($0.closedOn?.description ?? "", $0.id) < ($1.closedOn?.description ?? "", $1.id) } }
        self.cases = cases
        self.children = children
        schoolRecords = Dictionary(schools.schools.map { s in (s.code, s.sheets.mapValues(\.count)) }, uniquingKeysWith: { a, _ in a })
    }

    /// The figures of `town` (empty when it has none).
    func tally(_ town: String) -> Tally { towns[town] ?? .init() }

    /// `自上期通报（2025年11月）以来` or `自台账建立以来`: the start of the 新增 and 销号 counts, in words.
    var sinceWords: String { since.map { "自\(BulletinFigures.periodTitle($0))通报以来" } ?? "自台账建立以来" }
}
