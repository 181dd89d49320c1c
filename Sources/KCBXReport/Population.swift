import Dispatch
import KCBXCore
import KCBXLink
import KCBXNormalize
import KCBXReconcile

/// The school-age population behind the bulletin's rates, per town (镇街): one pass over the person index.
///
/// The definitions are written into the bulletin (``BulletinFigures/definitions``) and docs/bulletin.md:
/// - *school-age child* (户籍适龄儿童): a resident hukou record (户籍状态 正常 or empty), born in the cohort of `as_of`;
/// - *part* (学段): by age at the start of the school year (the cutoff, default 31 August): 6–11 primary
///   (小学), 12–14 junior (初中);
/// - *enrolled elsewhere* (外地就读): no active 学籍, a 转出 record and no 辍学 one — counted apart, outside
///   every denominator, until their whereabouts are confirmed (去向确认);
/// - *deferred* (缓学免学): no active 学籍 and a valid approval (延缓入学, 免于入学) — counted apart too;
/// - *due* (应入学): the rest of the part's school-age children;
/// - *net enrolment* (净入学率): due children of the part enrolled at that level ÷ due;
/// - *gross enrolment* (毛入学率): every pupil enrolled at that level in the town's schools or of the town
///   (any age, any hukou) ÷ due;
/// - *consolidation* (巩固率): of the cohort's pupils by part — every child of the age group holding a 学籍
///   record here that is not only a transfer out (the entrants) — those still at school and not suspected
///   dropouts ÷ the entrants;
/// - *disabled enrolment* (残疾儿童少年入学率): disabled school-age children (残联), without a valid 免于入学 and
///   not enrolled elsewhere, holding an active 学籍 (随班就读, 特教学校 or 送教上门 with a 学籍) ÷ all of them;
/// - *priority groups* (重点群体): per group, the same split into elsewhere, deferred, due and enrolled.
struct Population: Sendable {
    /// 学段: the part of compulsory schooling a child's age or a pupil's grade belongs to.
    enum Part: Int, CaseIterable, Sendable {
        case primary, junior
        var title: String { self == .primary ? "小学" : "初中" }
    }

    /// The figures of one part (小学 or 初中).
    struct PartCounts: Sendable, Equatable {
        /// Resident school-age children of the part's age, not enrolled elsewhere, not deferred (应入学).
        var due = 0
        /// Of `due`: enrolled at any level; at the part's own level (净入学).
        var enrolled = 0, netEnrolled = 0
        /// Pupils enrolled at this level, any age and any hukou (毛入学 numerator).
        var pupils = 0
        /// Consolidation: the age group's pupils (entrants, 巩固率 denominator) and those still at school.
        var entrants = 0, retained = 0

        mutating func add(_ o: PartCounts) {
            due += o.due; enrolled += o.enrolled; netEnrolled += o.netEnrolled; pupils += o.pupils
            entrants += o.entrants; retained += o.retained
        }
    }

    /// The figures of one priority group.
    struct GroupCounts: Sendable, Equatable {
        var children = 0, elsewhere = 0, deferred = 0, due = 0, enrolled = 0
        /// Of the enrolled: suspected dropouts.
        var suspectedDropouts = 0
        mutating func add(_ o: GroupCounts) {
            children += o.children; elsewhere += o.elsewhere; deferred += o.deferred; due += o.due; enrolled += o.enrolled
            suspectedDropouts += o.suspectedDropouts
        }
    }

    /// Counts of one town, or of the district.
    struct Counts: Sendable, Equatable {
        /// Resident school-age children (户籍适龄儿童), and of them those enrolled elsewhere and those deferred.
        var schoolAge = 0, elsewhere = 0, deferred = 0
        var primary = PartCounts(), junior = PartCounts()
        /// Disabled school-age children counted (残联), those enrolled, and those taught at home without a 学籍.
        var disabled = 0, disabledEnrolled = 0, homeTaughtWithoutStatus = 0
        /// 家庭经济困难 (建档立卡/监测户, 低保, 特困) pupils: entrants and those still at school.
        var hardshipEntrants = 0, hardshipRetained = 0
        var groups: [PriorityGroup: GroupCounts] = [:]

        subscript(part: Part) -> PartCounts {
            get { part == .primary ? primary : junior }
            set { if part == .primary { primary = newValue } else { junior = newValue } }
        }
        var due: Int { primary.due + junior.due }
        var enrolled: Int { primary.enrolled + junior.enrolled }
        var entrants: Int { primary.entrants + junior.entrants }
        var retained: Int { primary.retained + junior.retained }

        mutating func add(_ o: Counts) {
            schoolAge += o.schoolAge; elsewhere += o.elsewhere; deferred += o.deferred
            primary.add(o.primary); junior.add(o.junior)
            disabled += o.disabled; disabledEnrolled += o.disabledEnrolled; homeTaughtWithoutStatus += o.homeTaughtWithoutStatus
            hardshipEntrants += o.hardshipEntrants; hardshipRetained += o.hardshipRetained
            for (g, c) in o.groups { groups[g, default: GroupCounts()].add(c) }
        }
    }

    var district = Counts()
    var byTown: [String: Counts] = [:]
    /// Active pupils per 学校标识码 (any age), for the schools' table.
    var pupilsBySchool: [String: Int] = [:]
    /// Hukou records of moved-out, cancelled or missing children (迁出/注销/失踪) who still hold an active
    /// status and have no resident hukou record: for the police to check.
    var movedOutWithStatus: [(person: String, hukou: RecordRef, status: RecordRef)] = []

    /// A deferral's 有效期至 holds on `asOf`: blank is no end; a date that cannot be read does not hold.
    static func holds(_ validUntil: String, on asOf: CivilDate) -> Bool {
        if validUntil.isEmpty { return true }
        if let d = CivilDate(iso: validUntil) { return d >= asOf }
        if case .date(let d) = DateParser.parse(validUntil) { return d >= asOf }
        return false
    }

    /// The part a grade (1–9) belongs to.
    static func part(grade: Int) -> Part { grade <= 6 ? .primary : .junior }

    /// What one person's records say for the school-age rules: read here once, for the bulletin's counts
    /// and the lists that name the children (基础数据库, 去向确认), so both follow one definition.
    struct Child: Sendable {
        /// A resident hukou record (户籍状态 正常 or empty); any hukou record; a moved-out, cancelled or missing one.
        var resident = false, hukouRecord = false, left: [RecordRef] = []
        /// A hukou record registers the death (死亡).
        var dead = false
        /// Any 学籍 record; the first active or suspended one (在籍); whether every 在籍 record is 休学.
        var hasStudentRecord = false, active: RecordRef? = nil, suspended = false
        /// The first 学籍 record, and the first that says 转出.
        var anyStatus: RecordRef? = nil, transfer: RecordRef? = nil
        /// A 学籍 record says 辍学 (or 流失, 失学); one says 转出 (or 转学).
        var dropoutStatus = false, transferred = false
        /// On the 残联 list; with a valid 免于入学; with a valid deferral or exemption; taught at home (送教上门).
        var disabled = false, exempt = false, deferral = false, homeTaught = false
        /// On a department's list (扶贫, 残联, 民政, 司法) or the deferral approvals.
        var listed = false
        /// Birth date and town of the best-ranked record that has one (hukou first), the town falling back to
        /// the school's, else 未知镇街; the first 学籍 record's 学校标识码.
        var birth: CivilDate? = nil, town = "", schoolCode = ""
        /// The priority groups (重点群体) the department lists name, and 流动/随迁 (no hukou record here, a 学籍 here).
        var groups = Set<PriorityGroup>()

        /// Enrolled (在籍): an active or suspended 学籍.
        var enrolled: Bool { active != nil }
        /// 外地就读 (enrolled elsewhere): no active 学籍, a 转出 record and no 辍学 one (docs/bulletin.md).
        var elsewhere: Bool { active == nil && transferred && !dropoutStatus }
        /// 缓学免学 (deferred): no active 学籍, not enrolled elsewhere, a valid approval.
        var deferred: Bool { active == nil && !elsewhere && deferral }

        init(_ person: PersonIndex.Person, _ people: PersonView, roles: [SourceRole], asOf: CivilDate) {
            var birthRank = 99, townRank = 99, activeCount = 0, suspendedCount = 0
            for ref in person.members {
                let role = roles[ref.source], r = people.record(ref), rank = PersonView.rank[role] ?? 9
                if rank < birthRank, let b = r.birthDate { birth = b; birthRank = rank }
                if rank < townRank, role != .schools {
                    let t = people.value(.town, ref)
                    if !t.isEmpty { town = t; townRank = rank }
                }
                switch role {
                case .hukou:
                    hukouRecord = true
                    switch ExportVocabulary.registration(people.value(.registrationStatus, ref)) {
                    case .resident: resident = true
                    case .gone: left.append(ref)
                    case .dead: dead = true
                    }
                case .studentStatus:
                    hasStudentRecord = true
                    if anyStatus == nil { anyStatus = ref }
                    switch ExportVocabulary.status(people.value(.status, ref)) {
                    case .active: activeCount += 1; if active == nil { active = ref }
                    case .suspended: suspendedCount += 1; if active == nil { active = ref }
                    case .dropout: dropoutStatus = true
                    case .transferred: transferred = true; if transfer == nil { transfer = ref }
                    case .finished, .unknown: break
                    }
                    if schoolCode.isEmpty { schoolCode = people.value(.schoolCode, ref) }
                case .disability:
                    disabled = true; listed = true
                    groups.insert(.disabled)
                    if ExportVocabulary.homeTaught(people.value(.placement, ref)) { homeTaught = true }
                case .deferral:
                    listed = true
                    if Population.holds(people.value(.validUntil, ref), on: asOf) {
                        deferral = true
                        if ExportVocabulary.exemption(people.value(.deferralType, ref)) { exempt = true }
                    }
                case .poverty: groups.insert(.poverty); listed = true
                case .welfare:
                    listed = true
                    for g in ExportVocabulary.welfareGroups(people.value(.category, ref)) { groups.insert(PriorityGroup(g)) }
                case .justice: groups.insert(.prisonersChildren); listed = true
                case .attendance, .schools: break
                }
            }
            suspended = suspendedCount > 0 && activeCount == 0
            if !hukouRecord && hasStudentRecord { groups.insert(.migrant) }
            if town.isEmpty, let t = people.schools[schoolCode]?.town, !t.isEmpty { town = t }
            if town.isEmpty { town = PersonView.unknownTown }
        }
    }

    /// - Parameter dropouts: persons with a `suspected_dropout` finding (not counted as retained).
    init(_ input: ReportInput, _ people: PersonView, dropouts: Set<String>) {
        let config = input.config
        let cohort = config.schoolAge.cohort(asOf: config.asOf)
        let age = config.schoolAge
        let schoolYearStart = CivilDate(year: cohort.upperBound.year + age.minAge, month: age.cutoffMonth, day: age.cutoffDay)
            ?? cohort.upperBound
        let roles = input.sources.map(\.role)
        let persons = input.index.persons
        let chunk = 16_384, chunks = (persons.count + chunk - 1) / chunk
        typealias Chunk = ([String: Counts], [String: Int], [(String, RecordRef, RecordRef)])
        let results = ConcurrentResults<Chunk>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var towns: [String: Counts] = [:], schools: [String: Int] = [:]
            var moved: [(String, RecordRef, RecordRef)] = []
            for person in persons[(c * chunk)..<min(persons.count, (c + 1) * chunk)] {
                let child = Child(person, people, roles: roles, asOf: config.asOf)
                let (active, birth, groups) = (child.active, child.birth, child.groups)
                if let active, !child.resident, !child.left.isEmpty { moved += child.left.map { (person.id, $0, active) } }
                if let active { schools[people.value(.schoolCode, active), default: 0] += 1 }
                let inCohort = birth.map(cohort.contains) ?? false
                // Pupils outside the cohort count only for gross enrolment, at their grade's level.
                let grade = active.flatMap { ExportVocabulary.grade(people.value(.grade, $0)) }
                guard inCohort || grade != nil else { continue }
                let town = child.town
                var counts = towns[town] ?? Counts()
                let enrolled = child.enrolled
                let agePart: Part? = birth.flatMap { inCohort ? ($0.age(on: schoolYearStart) <= age.minAge + 5 ? .primary : .junior) : nil }
                // The level a pupil is counted at: the grade's, else (grade not readable) the age's.
                if enrolled, let level = grade.map(Population.part(grade:)) ?? agePart { counts[level].pupils += 1 }
                guard inCohort, let part = agePart else { towns[town] = counts; continue }
                let (elsewhere, deferred) = (child.elsewhere, child.deferred)
                if child.resident {
                    counts.schoolAge += 1
                    if elsewhere { counts.elsewhere += 1 } else if deferred { counts.deferred += 1 } else {
                        counts[part].due += 1
                        if enrolled {
                            counts[part].enrolled += 1
                            if (grade.map(Population.part(grade:)) ?? part) == part { counts[part].netEnrolled += 1 }
                        }
                    }
                }
                let entrant = child.hasStudentRecord && !elsewhere
                let retained = entrant && enrolled && !dropouts.contains(person.id)
                if entrant {
                    counts[part].entrants += 1
                    if retained { counts[part].retained += 1 }
                    if !groups.isDisjoint(with: PriorityGroup.hardship) {
                        counts.hardshipEntrants += 1
                        if retained { counts.hardshipRetained += 1 }
                    }
                }
                if child.disabled && !child.exempt && !elsewhere {
                    counts.disabled += 1
                    if enrolled { counts.disabledEnrolled += 1 } else if child.homeTaught { counts.homeTaughtWithoutStatus += 1 }
                }
                for g in groups {
                    var gc = counts.groups[g] ?? GroupCounts()
                    gc.children += 1
                    if elsewhere { gc.elsewhere += 1 } else if deferred { gc.deferred += 1 } else {
                        gc.due += 1
                        if enrolled {
                            gc.enrolled += 1
                            if dropouts.contains(person.id) { gc.suspectedDropouts += 1 }
                        }
                    }
                    counts.groups[g] = gc
                }
                towns[town] = counts
            }
            results[c] = (towns, schools, moved)
        }
        for part in results.values {
            guard let (towns, schools, moved) = part else { continue }
            for (town, counts) in towns { byTown[town, default: Counts()].add(counts); district.add(counts) }
            for (school, n) in schools { pupilsBySchool[school, default: 0] += n }
            movedOutWithStatus += moved.map { (person: $0.0, hukou: $0.1, status: $0.2) }
        }
        movedOutWithStatus.sort { $0.hukou < $1.hukou }
    }
}

/// A priority group (重点群体) of the bulletin's breakdown, from the department lists (扶贫, 民政, 残联, 司法)
/// and, for 流动/随迁, from the 学籍 of a child with no hukou record in the district.
enum PriorityGroup: Int, CaseIterable, Sendable, Comparable {
    case poverty, lowIncome, extremePoverty, orphan, unsupported, leftBehind, disabled, prisonersChildren, migrant

    init(_ g: ExportVocabulary.WelfareGroup) {
        switch g {
        case .lowIncome: self = .lowIncome
        case .extremePoverty: self = .extremePoverty
        case .orphan: self = .orphan
        case .unsupported: self = .unsupported
        case .leftBehind: self = .leftBehind
        }
    }

    /// 家庭经济困难: 建档立卡/监测户, 低保, 特困.
    static let hardship: Set<PriorityGroup> = [.poverty, .lowIncome, .extremePoverty]

    var title: String {
        switch self {
        case .poverty: "建档立卡/监测户"
        case .lowIncome: "低保"
        case .extremePoverty: "特困"
        case .orphan: "孤儿"
        case .unsupported: "事实无人抚养"
        case .leftBehind: "留守儿童"
        case .disabled: "残疾儿童"
        case .prisonersChildren: "服刑人员未成年子女"
        case .migrant: "流动/随迁子女"
        }
    }

    /// The key in summary.json.
    var key: String {
        switch self {
        case .poverty: "poverty"
        case .lowIncome: "low_income"
        case .extremePoverty: "extreme_poverty"
        case .orphan: "orphan"
        case .unsupported: "unsupported"
        case .leftBehind: "left_behind"
        case .disabled: "disabled"
        case .prisonersChildren: "prisoners_children"
        case .migrant: "migrant"
        }
    }

    static func < (a: PriorityGroup, b: PriorityGroup) -> Bool { a.rawValue < b.rawValue }
}
