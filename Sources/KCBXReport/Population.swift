import Dispatch
import KCBXCore
import KCBXLink
import KCBXNormalize
import KCBXReconcile

/// The school-age population behind the bulletin's rates, per town (镇街): one pass over the person index.
///
/// Definitions (written into the bulletin too):
/// - *school-age child* (适龄儿童): a person with a resident hukou record (户籍状态 正常 or empty) born in
///   the school-age cohort on `as_of`;
/// - *primary / junior part*: by age at the cutoff that starts the school year (default 31 August):
///   `min_age`…`min_age`+5 (6–11) is primary (小学), `min_age`+6…`max_age` (12–14) junior (初中);
/// - *enrolled* (在校): holds an active 学籍 record (在读, 休学 or no status);
/// - *consolidation* (巩固率): among persons of the cohort with a 学籍 record, those enrolled now and not
///   suspected dropouts ÷ (those + suspected dropouts and 辍学 of the cohort);
/// - *disabled placement* (残疾儿童安置率): disabled school-age children (残联 list, in the cohort, without a
///   valid 免于入学 exemption) enrolled or taught at home (送教上门) ÷ all of them.
struct Population: Sendable {
    /// Counts of one town, or of the district.
    struct Counts: Sendable, Equatable {
        var schoolAge = 0, enrolled = 0
        var primaryAge = 0, primaryEnrolled = 0
        var juniorAge = 0, juniorEnrolled = 0
        /// Consolidation: students of the cohort still at school, and the cohort's dropouts.
        var retained = 0, dropouts = 0
        var disabled = 0, disabledPlaced = 0

        mutating func add(_ o: Counts) {
            schoolAge += o.schoolAge; enrolled += o.enrolled; primaryAge += o.primaryAge; primaryEnrolled += o.primaryEnrolled
            juniorAge += o.juniorAge; juniorEnrolled += o.juniorEnrolled; retained += o.retained; dropouts += o.dropouts
            disabled += o.disabled; disabledPlaced += o.disabledPlaced
        }
    }

    var district = Counts()
    var byTown: [String: Counts] = [:]
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

    init(_ input: ReportInput, _ people: PersonView, dropouts: Set<String>) {
        let config = input.config
        let cohort = config.schoolAge.cohort(asOf: config.asOf)
        let age = config.schoolAge
        let schoolYearStart = CivilDate(year: cohort.upperBound.year + age.minAge, month: age.cutoffMonth, day: age.cutoffDay)
            ?? cohort.upperBound
        let roles = input.sources.map(\.role)
        let persons = input.index.persons
        let chunk = 16_384, chunks = (persons.count + chunk - 1) / chunk
        let results = ConcurrentResults<([String: Counts], [(String, RecordRef, RecordRef)])>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var towns: [String: Counts] = [:]
            var moved: [(String, RecordRef, RecordRef)] = []
            for person in persons[(c * chunk)..<min(persons.count, (c + 1) * chunk)] {
                var resident = false, hasStudentRecord = false, active: RecordRef? = nil, dropoutStatus = false
                var disabled = false, exempt = false, homeTaught = false
                var birth: CivilDate? = nil, birthRank = 99, town = "", townRank = 99, schoolCode = ""
                var left: [RecordRef] = []
                for ref in person.members {
                    let role = roles[ref.source], r = people.record(ref), rank = PersonView.rank[role] ?? 9
                    if rank < birthRank, let b = r.birthDate { birth = b; birthRank = rank }
                    if rank < townRank, role != .schools {
                        let t = people.value(.town, ref)
                        if !t.isEmpty { town = t; townRank = rank }
                    }
                    switch role {
                    case .hukou:
                        switch ExportVocabulary.registration(people.value(.registrationStatus, ref)) {
                        case .resident: resident = true
                        case .gone: left.append(ref)
                        case .dead: break
                        }
                    case .studentStatus:
                        hasStudentRecord = true
                        let status = ExportVocabulary.status(people.value(.status, ref))
                        if status.isEnrolled {
                            if active == nil { active = ref }
                            if ExportVocabulary.homeTaught(people.value(.studyMode, ref)) { homeTaught = true }
                        } else if status == .dropout { dropoutStatus = true }
                        if schoolCode.isEmpty { schoolCode = people.value(.schoolCode, ref) }
                    case .disability:
                        disabled = true
                        if ExportVocabulary.homeTaught(people.value(.placement, ref)) { homeTaught = true }
                    case .deferral:
                        if ExportVocabulary.exemption(people.value(.deferralType, ref)),
                           Population.holds(people.value(.validUntil, ref), on: config.asOf) { exempt = true }
                    default: break
                    }
                }
                if let active, !resident, !left.isEmpty { moved += left.map { (person.id, $0, active) } }
                guard let birth, cohort.contains(birth) else { continue }
                if town.isEmpty, let t = people.schools[schoolCode]?.town, !t.isEmpty { town = t }
                if town.isEmpty { town = PersonView.unknownTown }
                var counts = towns[town] ?? Counts()
                let enrolled = active != nil
                if resident {
                    counts.schoolAge += 1
                    if enrolled { counts.enrolled += 1 }
                    let years = birth.age(on: schoolYearStart)
                    if years <= age.minAge + 5 {
                        counts.primaryAge += 1
                        if enrolled { counts.primaryEnrolled += 1 }
                    } else {
                        counts.juniorAge += 1
                        if enrolled { counts.juniorEnrolled += 1 }
                    }
                }
                if hasStudentRecord {
                    if dropouts.contains(person.id) || (dropoutStatus && !enrolled) { counts.dropouts += 1 }
                    else if enrolled { counts.retained += 1 }
                }
                if disabled && !exempt {
                    counts.disabled += 1
                    if enrolled || homeTaught { counts.disabledPlaced += 1 }
                }
                towns[town] = counts
            }
            results[c] = (towns, moved)
        }
        for part in results.values {
            guard let (towns, moved) = part else { continue }
            for (town, counts) in towns { byTown[town, default: Counts()].add(counts); district.add(counts) }
            movedOutWithStatus += moved.map { (person: $0.0, hukou: $0.1, status: $0.2) }
        }
        movedOutWithStatus.sort { $0.hukou < $1.hukou }
    }
}
