import KCBXCore
import KCBXLedger
import KCBXLink
import KCBXNormalize

/// A finding rule (核查规则): one finding code, decided per person. Each rule lives in a file of its own
/// (docs/findings.md has the table of all of them) and says:
/// - what its code means to everyone after it (``descriptor``: title, ledger, who acts, how it closes);
/// - which sources it needs (``needs``) and which make it complete (``partly``);
/// - which codes it gives way to (``givesWayTo``): when one of them is raised for the person, this one is not;
/// - how its case closes (``closeReason(_:)``) once the rule no longer finds it.
protocol FindingRule {
    /// The code the rule decides and what it means (``FindingDescriptor``).
    static var descriptor: FindingDescriptor { get }
    /// Roles without which the rule cannot be decided at all.
    static var needs: [SourceRole] { get }
    /// Roles without which the rule is decided only in part, with what is then not checked.
    static var partly: [(role: SourceRole, what: String)] { get }
    /// Codes that cover the same child better: raised first, and this rule is not raised with them.
    static var givesWayTo: [FindingCode] { get }
    /// Whether the rule can be decided on `available`, and why not (or only partly); the default reads
    /// ``needs`` and ``partly``.
    static func coverage(_ available: Available) -> [Coverage]
    /// Raises the finding for `p` when the rule holds.
    static func decide(_ p: inout PersonCase)
    /// Why a case of this code is closed (销号) when the data no longer raises it; nil for the general reasons
    /// of ``CloseReasons``.
    static func closeReason(_ p: PersonCase) -> String?
}

/// What the pipeline's sources offer the rules.
struct Available {
    let roles: Set<SourceRole>
    let sources: [NormalizedSource]
    func has(_ role: SourceRole) -> Bool { roles.contains(role) }
}

/// A rule that cannot be decided, or only in part, and why (in words for the reports).
enum Coverage {
    case notChecked(String)
    case partly(String)
}

extension FindingRule {
    static var code: FindingCode { descriptor.code }
    static var partly: [(role: SourceRole, what: String)] { [] }
    static var givesWayTo: [FindingCode] { [] }
    static func closeReason(_ p: PersonCase) -> String? { nil }

    static func coverage(_ available: Available) -> [Coverage] {
        let missing = needs.filter { !available.has($0) }
        if !missing.isEmpty { return [.notChecked(Self.missingText(missing))] }
        return partly.filter { !available.has($0.role) }.map { .partly("缺少\($0.role.title)数据，\($0.what)未核查") }
    }

    static func missingText(_ roles: [SourceRole]) -> String {
        "未配置\(roles.map(\.title).joined(separator: "、"))数据源"
    }
}

/// The rules, in the order they are decided: a rule comes after the codes it gives way to.
enum FindingRules {
    static let all: [any FindingRule.Type] = [
        DeceasedActiveStatusRule.self, DuplicateStatusRule.self, PhantomStatusRule.self,
        DeferredRule.self, NotEnrolledRule.self, OutOfDistrictRule.self, SuspectedDropoutRule.self,
        IdentityMismatchRule.self, DuplicateHukouRule.self, DisabledUnplacedRule.self,
    ]

    static func rule(_ code: FindingCode) -> any FindingRule.Type { all.first { $0.code == code }! }

    /// The roles a rule reads: those it needs, those that complete it and those its descriptor adds.
    static func roles(of code: FindingCode) -> Set<SourceRole> {
        let r = rule(code)
        return Set(r.needs).union(r.partly.map(\.role)).union(r.descriptor.alsoReads)
    }

    /// Which codes the pipeline's sources allow, and why the others are not (or only partly) checked.
    static func coverage(_ available: Available) -> (Set<FindingCode>, [(code: FindingCode, reason: String)]) {
        var checks = Set<FindingCode>()
        var notes: [(code: FindingCode, reason: String)] = []
        for rule in all {
            var checked = true
            for c in rule.coverage(available) {
                switch c {
                case .notChecked(let why): checked = false; notes.append((rule.code, why))
                case .partly(let why): notes.append((rule.code, "部分核查：" + why))
                }
            }
            if checked { checks.insert(rule.code) }
        }
        // In the code order the reports list them.
        let order = Dictionary(uniqueKeysWithValues: FindingCode.allCases.enumerated().map { ($1, $0) })
        notes.sort { order[$0.code]! < order[$1.code]! }
        return (checks, notes)
    }
}

/// Counts of one person's records by what they say, which most rules test.
struct Tally {
    var resident = 0, dead = 0, gone = 0, active = 0, dropout = 0, transferred = 0, status = 0
    var absent = 0, reportedOut = 0, disability = 0, homeTaught = 0, exemption = 0, validDeferral = 0, expiredDeferral = 0, unreadableDeferral = 0
    var priority = false

    mutating func add(_ f: RecordFact) {
        switch f.kind {
        case .hukouResident: resident += 1
        case .hukouDead: dead += 1
        case .hukouGone: gone += 1
        case .statusActive: active += 1; status += 1
        case .statusDropout: dropout += 1; status += 1
        case .statusTransferred: transferred += 1; status += 1
        case .statusOther: status += 1
        case .poverty: priority = true; if f.reportedOut { reportedOut += 1 }
        case .disability: priority = true; disability += 1
        case .welfare, .justice: priority = true
        case .deferralValid: validDeferral += 1; if f.exemption { exemption += 1 }
        case .deferralExpired: expiredDeferral += 1
        case .deferralUnreadable: unreadableDeferral += 1
        case .attendance: if f.unexcusedAbsence { absent += 1 }
        case .other: break
        }
        if f.homeTaught { homeTaught += 1 }
    }
}

/// One person as the rules see it (一人一案的依据): the facts of their records, their counts, who they
/// are, and the findings raised for them so far.
struct PersonCase {
    let p: Int32
    let person: PersonIndex.Person
    let view: PersonFacts
    let n: Tally
    var ctx: ReconcileStage.Context { view.ctx }
    var facts: [RecordFact] { view.facts }
    /// The birth date, read only for children without an active status (the rules of unenrolled children).
    let birth: CivilDate?
    /// Born within the school-age cohort (only known when ``birth`` is read).
    let inCohort: Bool
    /// `出生2015-03-02`, or `出生日期不详`.
    var born: String { birth.map { "出生\($0)" } ?? "出生日期不详" }
    /// Bit per code raised so far.
    private(set) var raised: UInt32 = 0
    var out: [Finding] = []

    init(_ p: Int32, _ person: PersonIndex.Person, _ ctx: ReconcileStage.Context, facts: [RecordFact]) {
        self.p = p; self.person = person
        view = PersonFacts(ctx: ctx, facts: facts)
        var n = Tally()
        for f in facts { n.add(f) }
        self.n = n
        birth = (n.active == 0 && (n.resident > 0 || n.disability > 0)) ? view.birthDate : nil
        inCohort = birth.map { ctx.cohort.contains($0) } ?? false
    }

    /// The rule for `code` is decided on this pipeline's sources.
    func checks(_ code: FindingCode) -> Bool { ctx.checks.contains(code) }
    func hasRaised(_ code: FindingCode) -> Bool { raised & code.bit != 0 }
    func hasRaised(any codes: [FindingCode]) -> Bool { codes.contains { hasRaised($0) } }

    /// Raises `code` with the records behind it and the detail; `school` defaults to the active status's.
    /// Every finding names the records without an ID that may be the child's (possible matches), and a
    /// child who may be in a priority group is marked as one (``IdentityHints/possiblePriority(_:_:)``).
    mutating func emit(_ code: FindingCode, _ evidence: [RecordRef], _ detail: String, school: String = "") {
        let school = school.isEmpty ? view.activeSchool : school
        raised |= code.bit
        let priority = n.priority || ctx.identity.possiblePriority(p, ctx.sources)
        out.append(Finding(code: code, personID: person.id, priority: priority, evidence: evidence.sorted(),
                           detail: detail + possibleMatchNotes, town: view.town(school: school), schoolCode: school))
    }
}

extension FindingCode {
    /// One bit per code (by ``position``), for the codes raised for a person.
    var bit: UInt32 { 1 << UInt32(position) }
}
