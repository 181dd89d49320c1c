import Dispatch
import KCBXCore
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
        /// The due children not enrolled (应入学 − 已入学), by why: an 应入未入 finding (no 学籍 at all), a
        /// 学籍 of status 辍学 (suspected dropouts), or neither (e.g. a 学籍 here in another child's name).
        var unenrolledListed = 0, unenrolledDropout = 0, unenrolledOther = 0

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
            unenrolledListed += o.unenrolledListed; unenrolledDropout += o.unenrolledDropout; unenrolledOther += o.unenrolledOther
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

    /// The part a grade (1–9) belongs to.
    static func part(grade: Int) -> Part { grade <= 6 ? .primary : .junior }

    /// The priority groups of a child (``ChildFacts/Child/groups``: one bit per group, in this order).
    static func groups(_ bits: UInt16) -> [PriorityGroup] { PriorityGroup.allCases.filter { bits & (1 << $0.rawValue) != 0 } }

    /// One pass over the children reconcile read (``ChildFacts``: every school-age child and every pupil),
    /// with the birth date, town, schooling and deferral as the rules read them.
    /// - Parameter dropouts: persons with a `suspected_dropout` finding (not counted as retained).
    /// - Parameter notEnrolled: persons with a `not_enrolled` finding (应入学 − 已入学 is explained by them).
    init(_ input: ReportInput, dropouts: Set<String>, notEnrolled: Set<String> = []) {
        let config = input.config
        let cohort = config.schoolAge.cohort(asOf: config.asOf)
        let age = config.schoolAge
        let schoolYearStart = CivilDate(year: cohort.upperBound.year + age.minAge, month: age.cutoffMonth, day: age.cutoffDay)
            ?? cohort.upperBound
        let children = input.reconcile.children
        let chunk = 16_384, chunks = (children.count + chunk - 1) / chunk
        typealias Chunk = ([String: Counts], [String: Int])
        let results = ConcurrentResults<Chunk>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var towns: [String: Counts] = [:], schools: [String: Int] = [:]
            for row in (c * chunk)..<min(children.count, (c + 1) * chunk) {
                let child = children[row]
                let birth = child.birth, groups = Population.groups(child.groups)
                let enrolled = child.enrolled
                if enrolled { schools[child.schoolCode, default: 0] += 1 }
                let inCohort = birth.map(cohort.contains) ?? false
                // Pupils outside the cohort count only for gross enrolment, at their grade's level.
                let grade = child.grade
                guard inCohort || grade != nil else { continue }
                let town = PersonView.townShown(child.town)
                var counts = towns[town] ?? Counts()
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
                        } else if child.flags.contains(.dropoutStatus) {
                            counts.unenrolledDropout += 1
                        } else if notEnrolled.contains(child.personID) {
                            counts.unenrolledListed += 1
                        } else {
                            counts.unenrolledOther += 1
                        }
                    }
                }
                let entrant = child.flags.contains(.studentRecord) && !elsewhere
                let retained = entrant && enrolled && !dropouts.contains(child.personID)
                if entrant {
                    counts[part].entrants += 1
                    if retained { counts[part].retained += 1 }
                    if groups.contains(where: PriorityGroup.hardship.contains) {
                        counts.hardshipEntrants += 1
                        if retained { counts.hardshipRetained += 1 }
                    }
                }
                if child.flags.contains(.disabled) && !child.flags.contains(.exempt) && !elsewhere {
                    counts.disabled += 1
                    if enrolled { counts.disabledEnrolled += 1 } else if child.flags.contains(.homeTaught) { counts.homeTaughtWithoutStatus += 1 }
                }
                for g in groups {
                    var gc = counts.groups[g] ?? GroupCounts()
                    gc.children += 1
                    if elsewhere { gc.elsewhere += 1 } else if deferred { gc.deferred += 1 } else {
                        gc.due += 1
                        if enrolled {
                            gc.enrolled += 1
                            if dropouts.contains(child.personID) { gc.suspectedDropouts += 1 }
                        }
                    }
                    counts.groups[g] = gc
                }
                towns[town] = counts
            }
            results[c] = (towns, schools)
        }
        for part in results.values {
            guard let (towns, schools) = part else { continue }
            for (town, counts) in towns { byTown[town, default: Counts()].add(counts); district.add(counts) }
            for (school, n) in schools { pupilsBySchool[school, default: 0] += n }
        }
        movedOutWithStatus = children.movedOut.map { (person: $0.person, hukou: $0.hukou, status: $0.status) }
    }
}

/// A priority group (重点群体) of the bulletin's breakdown, from the department lists (扶贫, 民政, 残联, 司法)
/// and, for 流动/随迁, from the 学籍 of a child with no hukou record in the district.
enum PriorityGroup: Int, CaseIterable, Sendable, Comparable {
    case poverty, lowIncome, extremePoverty, orphan, unsupported, leftBehind, disabled, prisonersChildren, migrant

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
