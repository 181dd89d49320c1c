import Foundation
import KCBXCore
import KCBXSheets

/// Builds the county household by household and streams each household's records to every export,
/// gathering the facts the ground truth is decided from. Memory stays bounded: one household at a time,
/// plus the ID allocator's per-day counters and the (few) findings.
final class CountyGenerator {
    /// What happens to a child: ordinary schooling, a planted finding, or a decoy that must not be one.
    enum Plan: Int, CaseIterable {
        case normal
        // Planted findings.
        case notEnrolled, notEnrolledExpired, deferredDelay, exempted, dropoutAbsence, dropoutStatus, dropoutPoverty
        case dupStatusID, dupStatusNoID, phantomNoRoster, phantomOtherSchool, dupHukouSameID, dupHukouTwoIDs
        case deceasedActive, disabledUnplaced, oodDropout, oodTransfer, oodAbsence
        // Decoys.
        case transferredOut, excusedAbsence, expiredButEnrolled, suspended, movedOut, deceasedInactive
        // Profile `borrowed` (their quotas come from the profile's own random stream).
        /// A local out-of-school child whose ID number a borrower uses (`not_enrolled`).
        case borrowedHolder
        /// A pupil enrolled on a holder's number (`identity_mismatch`, a person of their own).
        case borrower
        /// Decoy: a parent's ID number in the child's 学籍 row (`identity_mismatch` for the child, nothing for the parent).
        case parentIDInStatus

        /// Share of the eligible children who get this plan.
        var rate: Double {
            switch self {
            case .normal: 0
            case .notEnrolled: 0.0025
            case .notEnrolledExpired: 0.008
            case .deferredDelay: 0.015
            case .exempted: 0.0008
            case .dropoutAbsence: 0.002
            case .dropoutStatus: 0.002
            case .dropoutPoverty: 0.0018
            case .dupStatusID: 0.0013
            case .dupStatusNoID: 0.0011
            case .phantomNoRoster: 0.001
            case .phantomOtherSchool: 0.001
            case .dupHukouSameID: 0.0008
            case .dupHukouTwoIDs: 0.0007
            case .deceasedActive: 0.0018
            case .disabledUnplaced: 0.002
            case .oodDropout: 0.015
            case .oodTransfer: 0.015
            case .oodAbsence: 0.012
            case .transferredOut: 0.006
            case .excusedAbsence: 0.004
            case .expiredButEnrolled: 0.006
            case .suspended: 0.002
            case .movedOut: 0.003
            case .deceasedInactive: 0.0008
            case .borrowedHolder: SynthProfile.borrowedHolder
            case .borrower: 0
            case .parentIDInStatus: SynthProfile.parentIDInStatus
            }
        }
        /// Plans whose records stay free of identity errors (so the planted finding is the only one).
        var allowsIdentityErrors: Bool {
            switch self {
            case .normal, .transferredOut, .excusedAbsence, .expiredButEnrolled, .suspended, .dupHukouSameID, .dupHukouTwoIDs: true
            default: false
            }
        }
    }

    /// A parent, a child, a grandparent or an invented student.
    struct Member {
        var facts: PersonFacts
        var region: String
        var ethnicity = "汉族"
        var hukouStatus = "正常"
        var statusDate: CivilDate?
        var relation = ""
        var plan = Plan.normal
        /// 1–9: school age in that grade; ≤ 0 pre-school; 10 graduated this summer; > 10 older.
        var grade = 0
        var school = -1
        var klass = 1
        var studyMode = "普通"
        var disability: (category: Int, level: Int, placement: String)?
        var welfare: String?
        var twin = false
        /// The ID number written for this person in 学籍 and attendance when it is not their own (a borrower).
        var usedID: String?
        var id: String { facts.id }
        var name: String { facts.name }
        var male: Bool { facts.male }
        var birth: CivilDate { facts.birth }
    }

    struct Household {
        var number: String
        var town: Int
        var village: String
        var address: String
        var migrant: Bool
        var father: Member
        var mother: Member
        var children: [Member]
        var poverty = false
        var povertyNumber = ""
        var orphaned = false
        var fatherInPrison = false
        var guardianName = ""
        /// 联系电话, drawn from ``CountyGenerator/phoneRng`` (none for the invented persons' households).
        var phones = Phones()
    }

    let options: SynthOptions
    let asOf: CivilDate
    let schoolYear: Int
    let cohortFirst: CivilDate, cohortLast: CivilDate
    let county: County
    let rules: FindingRules
    var rng: SynthRandom
    var err: ErrorModel
    var ids = IDAllocator()
    var quotas: [Quota]
    var phantomQuota: Quota
    /// Decoy: an unrelated child with the same common name, sex and birth day as an earlier one (their IDs
    /// share 14 characters): not a duplicate.
    var lookalikeQuota: Quota
    var lastCommonChild: (name: String, birth: CivilDate, male: Bool)?
    var lookalikes = 0
    /// Excel-damaged IDs in the poverty workbook, at a steady rate so that even the sample has some.
    var damagedQuota: Quota
    let exports: Exports
    var findings: [TruthFinding] = []
    var phantomCandidates: [PhantomCandidate] = []
    var schoolsWithAttendance = Set<Int>()
    var personCount = 0
    var householdCount = 0
    var childCount = 0
    var planCounts: [Int] = Array(repeating: 0, count: Plan.allCases.count)
    let profile: SynthProfile
    var prng: ProfileRandom
    /// Phones' own stream, so that adding them moved no other draw.
    var phoneRng: SynthRandom
    /// What each school sends as attendance.
    enum AttendanceMode { case roster, absences, silent }
    var attendanceModes: [AttendanceMode]
    var holderQuota: Quota
    var parentIDQuota: Quota
    var borrowers = 0

    static let ageWeights = Weighted<Int>([(3, 0.62), (4, 0.68), (5, 0.78), (6, 0.85), (7, 0.95), (8, 1), (9, 1), (10, 0.98),
                                           (11, 1), (12, 1), (13, 0.97), (14, 0.95), (15, 0.93), (16, 0.92), (17, 0.9)])
    static let gradeNames = ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "七年级", "八年级", "九年级"]
    static let categories = ["视力残疾", "听力残疾", "言语残疾", "肢体残疾", "智力残疾", "精神残疾", "多重残疾"]
    static let levels = ["一级", "二级", "三级", "四级"]

    init(options: SynthOptions, exports: Exports) {
        self.options = options
        self.exports = exports
        asOf = options.asOf
        schoolYear = asOf.month >= 9 ? asOf.year : asOf.year - 1
        cohortFirst = CivilDate(year: schoolYear - 15, month: 9, day: 1)!
        cohortLast = CivilDate(year: schoolYear - 6, month: 8, day: 31)!
        rng = SynthRandom(seed: options.seed)
        err = ErrorModel(scale: options.errorRate, rng: SynthRandom(seed: options.seed, stream: 1))
        county = County(children: options.children, &rng)
        rules = FindingRules(cohortFirst: cohortFirst, cohortLast: cohortLast, dropoutDays: 10, schoolCodes: county.schools.map(\.code))
        var q: [Quota] = []
        for plan in Plan.allCases where plan.rawValue <= Plan.deceasedInactive.rawValue { q.append(Quota(rate: plan.rate, rng: &rng)) }
        quotas = q
        phantomQuota = Quota(rate: 0.0006, rng: &rng)
        lookalikeQuota = Quota(rate: 0.004, rng: &rng)
        damagedQuota = Quota(rate: err.p(ErrorModel.excelDamaged), rng: &err.rng)
        profile = options.profile
        prng = ProfileRandom(seed: options.seed)
        phoneRng = SynthRandom(seed: options.seed, stream: 16)
        holderQuota = Quota(rate: Plan.borrowedHolder.rate, rng: &prng.borrowed)
        parentIDQuota = Quota(rate: Plan.parentIDInStatus.rate, rng: &prng.borrowed)
        let county = county
        var modes = county.schools.indices.map { $0 == county.silentSchool ? AttendanceMode.silent : .roster }
        if options.profile.absenceLists {
            modes = modes.map { $0 == .silent ? .silent : .absences }
            // A second school sends nothing: the junior school of the first rural town.
            if let extra = county.schools.indices.first(where: { county.schools[$0].town == 3 && county.schools[$0].level == .junior }) {
                modes[extra] = .silent
            }
            modes[county.specialSchool] = .roster
            // A few schools of each level send a full roster (with 0-day rows).
            for primary in [true, false] {
                var group = county.schools.indices.filter {
                    modes[$0] == .absences && (primary ? county.schools[$0].teachesPrimary : county.schools[$0].level == .junior)
                }
                let n = max(1, Int((Double(group.count) * SynthProfile.rosterShare).rounded()))
                for _ in 0..<min(n, group.count) { modes[group.remove(at: prng.absences.below(group.count))] = .roster }
            }
        }
        attendanceModes = modes
    }

    // MARK: - Dates

    func yearsBefore(_ n: Int) -> CivilDate {
        CivilDate(year: asOf.year - n, month: asOf.month, day: min(asOf.day, CivilDate.daysIn(month: asOf.month, year: asOf.year - n)))!
    }

    /// A birth date of someone `age` years old on as_of.
    func birth(age: Int) -> CivilDate {
        let from = yearsBefore(age + 1).adding(days: 1), to = yearsBefore(age)
        return from.adding(days: rng.below(to.daysSinceEpoch - from.daysSinceEpoch + 1))
    }

    /// A birth date of a child in `grade` (1–9) this school year.
    func birth(grade: Int) -> CivilDate {
        let from = CivilDate(year: schoolYear - 6 - grade, month: 9, day: 1)!, to = CivilDate(year: schoolYear - 5 - grade, month: 8, day: 31)!
        return from.adding(days: rng.below(to.daysSinceEpoch - from.daysSinceEpoch + 1))
    }

    func grade(of birth: CivilDate) -> Int {
        let entry = birth.month >= 9 ? birth.year + 7 : birth.year + 6
        return schoolYear - entry + 1
    }

    func randomDate(_ from: CivilDate, _ to: CivilDate) -> CivilDate {
        from.adding(days: rng.below(max(1, to.daysSinceEpoch - from.daysSinceEpoch + 1)))
    }

    /// The last school day (Monday–Friday) before `date`, `back` school days earlier.
    func schoolDay(before date: CivilDate, back: Int) -> CivilDate {
        var d = date.adding(days: -1), left = back
        while true {
            let weekday = ((d.daysSinceEpoch % 7) + 10) % 7 // 0 = Monday (1970-01-01 was a Thursday)
            if weekday < 5 { if left == 0 { return d }; left -= 1 }
            d = d.adding(days: -1)
        }
    }

    // MARK: - People

    func newKey() -> String {
        personCount += 1
        return "P" + zeroPadded(personCount, 8)
    }

    func makeMember(name: String, birth: CivilDate, male: Bool, region: String, town: String, kind: String) -> Member {
        let (id, actual) = ids.allocate(region: region, birth: birth, male: male, &rng)
        let facts = PersonFacts(key: newKey(), id: id, name: name, birth: actual, male: male, town: town, kind: kind,
                                regionLocal: region == County.districtCode)
        return Member(facts: facts, region: region)
    }

    // MARK: - The county

    /// Writes households until `children` children exist, then the school directory, the truth and the pipeline file.
    func run() throws(KCBXError) {
        while childCount < options.children {
            var household = makeHousehold(maxChildren: options.children - childCount)
            childCount += household.children.count
            try write(&household)
            for c in household.children where c.plan == .borrowedHolder { try writeBorrower(c, town: household.town) }
            for _ in household.children where phantomQuota.offer(&rng) { try writePhantom() }
        }
    }

    func makeHousehold(maxChildren: Int) -> Household {
        householdCount += 1
        let migrant = rng.chance(0.05)
        let uyghur = migrant && rng.chance(0.03)
        let town = migrant && rng.chance(0.8) ? county.subdistrictPick.pick(&rng) : county.townPick.pick(&rng)
        let townInfo = county.towns[town]
        let village = townInfo.villages[rng.below(townInfo.villages.count)]
        let address: String
        if townInfo.isSubdistrict {
            address = "\(County.districtName)\(townInfo.name)\(village)\(rng.int(1...40))号楼\(rng.int(1...4))单元\(rng.int(1...6))0\(rng.int(1...4))室"
        } else {
            address = "\(County.districtName)\(townInfo.name)\(village)\(rng.int(1...260))号"
        }
        let number = townInfo.code + zeroPadded(householdCount, 7)

        // Children: births first, then parents old enough to have them.
        var count = [1, 1, 1, 1, 2, 2, 2, 2, 2, 3][rng.below(10)]
        count = min(count, maxChildren)
        let region = migrant ? (uyghur ? County.xinjiangRegions[rng.below(3)] : County.migrantRegions.pick(&rng)) : County.districtCode
        var births: [(CivilDate, Bool)] = []
        var lookalike: (name: String, birth: CivilDate, male: Bool)?
        if !migrant && count == 1, let earlier = lastCommonChild, lookalikeQuota.offer(&rng) {
            lookalike = earlier
            lastCommonChild = nil
            lookalikes += 1
            births = [(earlier.birth, false)]
        }
        var attempts = 0
        while births.count < count && attempts < 40 {
            attempts += 1
            if let last = births.last, !last.1, rng.chance(0.012) {
                births.append((last.0, true)); continue
            }
            let b = migrant ? birth(grade: rng.int(1...9)) : birth(age: CountyGenerator.ageWeights.pick(&rng))
            if births.contains(where: { abs($0.0.daysSinceEpoch - b.daysSinceEpoch) < 300 }) { continue }
            births.append((b, false))
        }
        births.sort { $0.0 < $1.0 }
        let firstBirth = births.first?.0 ?? asOf
        // Parents born 1975–1998 (for as-of dates near 2026), old enough for their first child.
        var lowest = max(1975, firstBirth.year - 36), highest = min(1998, firstBirth.year - 20)
        if lowest > highest { lowest = firstBirth.year - 36; highest = firstBirth.year - 20 }
        let motherYear = rng.int(lowest...highest)
        let fatherYear = min(min(1998, firstBirth.year - 21), max(1975, motherYear + rng.int(-1...5)))
        let fatherSurname = lookalike.map { String($0.name.prefix(1)) } ?? NameMaker.surname(&rng)
        let fatherGiven = uyghur ? NameMaker.uyghurMen[rng.below(NameMaker.uyghurMen.count)] : NameMaker.adultGiven(male: true, &rng)
        let motherName = uyghur ? NameMaker.uyghurWomen[rng.below(NameMaker.uyghurWomen.count)] + "·" + NameMaker.uyghurMen[rng.below(NameMaker.uyghurMen.count)]
            : NameMaker.surname(&rng) + NameMaker.adultGiven(male: false, &rng)
        let fatherName = uyghur ? fatherGiven + "·" + NameMaker.uyghurMen[rng.below(NameMaker.uyghurMen.count)] : fatherSurname + fatherGiven
        func parentRegion() -> String {
            migrant ? region : (rng.chance(0.85) ? County.districtCode : County.neighbourRegions[rng.below(County.neighbourRegions.count)])
        }
        var father = makeMember(name: fatherName, birth: randomDate(CivilDate(year: fatherYear, month: 1, day: 1)!, CivilDate(year: fatherYear, month: 12, day: 31)!),
                                male: true, region: parentRegion(), town: townInfo.name, kind: "parent")
        var mother = makeMember(name: motherName, birth: randomDate(CivilDate(year: motherYear, month: 1, day: 1)!, CivilDate(year: motherYear, month: 12, day: 31)!),
                                male: false, region: parentRegion(), town: townInfo.name, kind: "parent")
        father.relation = "户主"; mother.relation = "配偶"
        let ethnicity = uyghur ? "维吾尔族" : [("汉族", 0.989), ("回族", 0.007), ("满族", 0.002), ("蒙古族", 0.001), ("朝鲜族", 0.001)].pickWeighted(&rng)
        father.ethnicity = ethnicity
        mother.ethnicity = rng.chance(0.9) ? ethnicity : "汉族"
        let surname = lookalike != nil || rng.chance(0.95) || uyghur ? fatherSurname : String(mother.name.prefix(1))

        var children: [Member] = []
        var sons = 0, daughters = 0
        for (b, twin) in births {
            let male = lookalike?.male ?? rng.chance(0.515)
            var given: String
            if let lookalike {
                given = String(lookalike.name.dropFirst())
            } else if uyghur {
                given = (male ? NameMaker.uyghurMen : NameMaker.uyghurWomen)[rng.below(male ? 10 : 8)] + "·" + fatherGiven
            } else if twin, let sibling = children.last {
                given = NameMaker.twinGiven(of: String(sibling.name.dropFirst(surname.count)), male: male, &rng)
            } else {
                given = NameMaker.childGiven(male: male, &rng)
            }
            if children.contains(where: { $0.name == (uyghur ? given : surname + given) }) { given += male ? "杰" : "琳" }
            var child: Member = makeMember(name: uyghur ? given : surname + given, birth: b, male: male, region: region, town: townInfo.name, kind: "child")
            child.twin = twin
            child.ethnicity = ethnicity
            let order = male ? sons : daughters
            if male { sons += 1 } else { daughters += 1 }
            child.relation = (["长", "次", "三", "四"][min(order, 3)]) + (male ? "子" : "女")
            child.grade = grade(of: child.birth)
            if !migrant && !uyghur && surname.count == 1 && (NameMaker.boyNames.values.contains(given) || NameMaker.girlNames.values.contains(given)) {
                lastCommonChild = (child.name, child.birth, male)
            }
            children.append(child)
        }

        var h = Household(number: number, town: town, village: village, address: address, migrant: migrant,
                          father: father, mother: mother, children: children)
        for i in h.children.indices { assignPlan(&h.children[i], migrant: migrant, town: town) }
        settleHousehold(&h)
        h.phones = Phones.household(&phoneRng)
        return h
    }

    /// Chooses the child's school and plan (the first eligible plan whose quota fires).
    func assignPlan(_ child: inout Member, migrant: Bool, town: Int) {
        let g = child.grade
        if (1...9).contains(g) {
            child.school = county.school(town: town, grade: g, &rng)
            child.klass = 1 + rng.below(county.schools[child.school].weight >= 3 ? 8 : 3)
        } else if g == 10 {
            child.school = county.school(town: town, grade: 9, &rng)
            child.klass = 1 + rng.below(4)
        }
        let schoolAge = (1...9).contains(g)
        let attends = schoolAge && attendanceModes[child.school] != .silent
        var eligible: [Plan] = []
        if migrant {
            if schoolAge { eligible = [.oodDropout, .oodTransfer] + (attends ? [.oodAbsence] : []) }
        } else {
            if g == 1 { eligible.append(.deferredDelay) }
            if (2...3).contains(g) { eligible.append(.notEnrolledExpired) }
            if schoolAge {
                eligible += [.notEnrolled, .dropoutStatus, .dropoutPoverty, .dupStatusID, .dupStatusNoID, .deceasedActive,
                             .disabledUnplaced, .exempted, .transferredOut, .movedOut, .deceasedInactive, .suspended]
            }
            if attends { eligible += [.dropoutAbsence, .phantomNoRoster, .phantomOtherSchool, .excusedAbsence] }
            if (2...4).contains(g) && attends { eligible.append(.expiredButEnrolled) }
            if !child.twin { eligible += [.dupHukouSameID, .dupHukouTwoIDs] }
        }
        var chosen = Plan.normal
        for plan in eligible where quotas[plan.rawValue].offer(&rng) {
            if chosen == .normal { chosen = plan } else { quotas[plan.rawValue].refund() }
        }
        if profile.borrowedIDs && chosen == .normal && !migrant {
            if schoolAge && !child.twin && holderQuota.offer(&prng.borrowed) { chosen = .borrowedHolder }
            else if attends && parentIDQuota.offer(&prng.borrowed) { chosen = .parentIDInStatus }
        }
        child.plan = chosen
        planCounts[chosen.rawValue] += 1
        // Only a roster school shows a status with nobody behind it: most phantom plans go to one.
        if profile.absenceLists && (chosen == .phantomNoRoster || chosen == .phantomOtherSchool)
            && attendanceModes[child.school] != .roster && prng.absences.chance(SynthProfile.phantomAtRoster) {
            child.school = rosterSchool(grade: g, town: town, except: -1)
        }

        switch chosen {
        case .disabledUnplaced:
            child.disability = (rng.int(1...7), rng.int(1...3), "未安置")
        case .exempted:
            child.disability = ([5, 7, 4][rng.below(3)], 1, "未安置")
        case .normal where !migrant && rng.chance(0.008):
            let category = [(1, 0.08), (2, 0.12), (3, 0.08), (4, 0.2), (5, 0.35), (6, 0.05), (7, 0.12)].pickWeighted(&rng)
            let level = rng.int(1...4)
            if schoolAge {
                let u = rng.unit()
                if u < 0.55 { child.studyMode = "随班就读"; child.disability = (category, level, "随班就读") } else {
                    child.school = county.specialSchool
                    child.klass = 1 + rng.below(2)
                    child.studyMode = u < 0.8 ? "特教学校" : "送教上门"
                    child.disability = (category, level, child.studyMode)
                }
            } else {
                child.disability = (category, level, g > 9 ? "随班就读" : "未安置")
            }
        default: break
        }
    }

    /// Household-wide facts: poverty, welfare, justice, orphans, parents' registration, guardians.
    func settleHousehold(_ h: inout Household) {
        guard !h.migrant else { h.guardianName = rng.chance(0.6) ? h.father.name : h.mother.name; return }
        let forcedPoverty = h.children.contains { $0.plan == .dropoutPoverty }
            || h.children.contains { [.notEnrolled, .dropoutStatus, .disabledUnplaced].contains($0.plan) && rng.chance(0.4) }
        h.poverty = forcedPoverty || rng.chance(0.04)
        if h.poverty { h.povertyNumber = County.districtCode + county.towns[h.town].code + zeroPadded(householdCount, 7) }
        h.guardianName = rng.chance(0.6) ? h.father.name : h.mother.name
        let u = rng.unit()
        var category: String?
        if u < 0.001 {
            h.orphaned = true
            category = "孤儿"
            for p in [\Household.father, \Household.mother] {
                h[keyPath: p].hukouStatus = "死亡"
                h[keyPath: p].statusDate = randomDate(yearsBefore(8), yearsBefore(0).adding(days: -30))
            }
            h.guardianName = String(h.father.name.prefix(1)) + NameMaker.adultGiven(male: true, &rng)
        } else if u < 0.003 {
            h.fatherInPrison = true
            h.guardianName = h.mother.name
            category = rng.chance(0.3) ? "事实无人抚养" : nil
        } else if u < 0.005 {
            category = "事实无人抚养"
        } else if u < 0.008 {
            category = "特困"
        } else if u < 0.033 {
            category = "低保"
        } else if u < 0.063 {
            category = "留守"
        }
        if let category {
            for i in h.children.indices { h.children[i].welfare = category }
        }
        if !h.orphaned && rng.chance(0.01) {
            h.father.hukouStatus = "迁出"
            h.father.statusDate = randomDate(yearsBefore(6), yearsBefore(0).adding(days: -10))
        }
        for i in h.children.indices {
            switch h.children[i].plan {
            case .deceasedActive, .deceasedInactive:
                h.children[i].hukouStatus = "死亡"
                h.children[i].statusDate = randomDate(yearsBefore(1), asOf.adding(days: -20))
            case .movedOut:
                h.children[i].hukouStatus = "迁出"
                h.children[i].statusDate = randomDate(yearsBefore(1), asOf.adding(days: -20))
            default: break
            }
        }
    }

    // MARK: - Writing one household

    func write(_ h: inout Household) throws(KCBXError) {
        let town = county.towns[h.town]
        var extra: [Member] = []
        if !h.migrant {
            try hukou(&h.father, h, town: town, parents: false)
            try hukou(&h.mother, h, town: town, parents: false)
            for i in h.children.indices {
                try hukou(&h.children[i], h, town: town, parents: true)
                if h.children[i].plan == .dupHukouTwoIDs {
                    // Registered again under a second number (same name, birth date, sex and parents).
                    let (second, _) = ids.allocate(region: County.districtCode, birth: h.children[i].birth, male: h.children[i].male, &rng)
                    try hukouRow(&h.children[i], id: second, number: h.number, head: h.father.name, relation: h.children[i].relation,
                                 address: h.address, town: town.name, village: h.village, h)
                }
                if h.children[i].plan == .dupHukouSameID {
                    // Also registered in the grandparents' household in another village, with the same number.
                    let village = town.villages[rng.below(town.villages.count)]
                    let address = town.isSubdistrict ? "\(County.districtName)\(town.name)\(village)\(rng.int(1...30))号楼\(rng.int(1...4))单元\(rng.int(1...6))0\(rng.int(1...3))室"
                        : "\(County.districtName)\(town.name)\(village)\(rng.int(1...260))号"
                    householdCount += 1
                    let number = town.code + zeroPadded(householdCount, 7)
                    var grandfather = makeMember(name: String(h.father.name.prefix(1)) + NameMaker.adultGiven(male: true, &rng),
                                                 birth: birth(age: rng.int(58...72)), male: true, region: County.districtCode,
                                                 town: town.name, kind: "parent")
                    grandfather.relation = "户主"
                    try hukouRow(&grandfather, id: grandfather.id, number: number, head: grandfather.name, relation: "户主",
                                 address: address, town: town.name, village: village, h, withParents: false)
                    try hukouRow(&h.children[i], id: h.children[i].id, number: number, head: grandfather.name,
                                 relation: h.children[i].male ? "孙子" : "孙女", address: address, town: town.name, village: village, h)
                    extra.append(grandfather)
                }
            }
        }
        for i in h.children.indices { try studentStatus(&h.children[i], h) }
        for i in h.children.indices { try attendance(&h.children[i]) }
        if h.poverty { try poverty(&h) }
        for i in h.children.indices {
            try disability(&h.children[i], h, town: town)
            try welfareAndJustice(&h.children[i], h, town: town)
            try deferral(&h.children[i], h)
        }
        for m in [h.father, h.mother] + extra { try exports.person(m.facts) }
        for c in h.children {
            try exports.person(c.facts)
            let (f, candidates) = rules.evaluate(c.facts)
            findings += f
            phantomCandidates += candidates.filter { attendanceModes[$0.school] == .roster }  // only a roster shows a phantom
        }
    }

    func hukou(_ m: inout Member, _ h: Household, town: County.Town, parents: Bool) throws(KCBXError) {
        try hukouRow(&m, id: m.id, number: h.number, head: h.father.name, relation: m.relation, address: h.address,
                     town: town.name, village: h.village, h, withParents: parents)
    }

    func hukouRow(_ m: inout Member, id: String, number: String, head: String, relation: String, address: String,
                  town: String, village: String, _ h: Household, withParents: Bool = true) throws(KCBXError) {
        let parents = withParents ? [h.father.name, h.father.id, h.mother.name, h.mother.id] : ["", "", "", ""]
        let style: ErrorModel.DateStyle = profile.formats ? .compact : .iso
        try exports.hukouRow([id, m.name, sexText(m.male), ErrorModel.format(m.birth, style), m.ethnicity, number, head, relation, address,
                              town, village, hukouWord(m.hukouStatus), m.statusDate.map { ErrorModel.format($0, style) } ?? ""] + parents,
                             &m.facts)
        if m.hukouStatus == "正常" { m.facts.hukouResident += 1 }
        if m.hukouStatus == "死亡" { m.facts.hukouDeceased = true }
    }

    // MARK: 学籍

    func studentStatus(_ c: inout Member, _ h: Household) throws(KCBXError) {
        let g = c.grade
        var records: [(school: Int, status: String, noID: Bool)] = []
        switch c.plan {
        case .notEnrolled, .notEnrolledExpired, .deferredDelay, .exempted, .disabledUnplaced, .deceasedInactive, .borrowedHolder: break
        case .dropoutStatus, .oodDropout: records = [(c.school, "辍学", false)]
        case .transferredOut, .oodTransfer: records = [(c.school, "转出", false)]
        case .movedOut: if rng.chance(0.6) { records = [(c.school, "转出", false)] }
        case .suspended: records = [(c.school, "休学", false)]
        case .dupStatusID: records = [(c.school, "在读", false), (county.otherSchool(than: c.school, grade: g, &rng), "在读", false)]
        case .dupStatusNoID:
            records = [(c.school, "在读", false), (rng.chance(0.5) ? c.school : county.otherSchool(than: c.school, grade: g, &rng), "在读", true)]
        default:
            if (1...9).contains(g) { records = [(c.school, "在读", false)] } else if g == 10 && rng.chance(0.7) { records = [(c.school, "毕业", false)] }
        }
        let resident = c.facts.hukouResident > 0
        for r in records {
            let school = county.schools[r.school]
            let identityErrors = c.plan.allowsIdentityErrors
            // A borrower's row carries the holder's number; the decoy's, a parent's.
            var shownID = c.usedID ?? c.id
            if c.plan == .parentIDInStatus { shownID = prng.borrowed.chance(0.6) ? h.father.id : h.mother.id }
            var idForm = r.noID ? ErrorModel.IDForm.missing : err.idForm(shownID, identityErrors: identityErrors, allowMissing: identityErrors)
            if idForm == .lowercaseX && rng.chance(0.5) { idForm = .clean }
            let writtenID = err.write(shownID, idForm)
            let studentNumber = idForm == .missing ? "L" + County.districtCode + zeroPadded(stableNumber(c.facts.key, r.school), 11) : "G" + shownID
            let (writtenName, _) = err.name(c.name, identityErrors: identityErrors)
            let (writtenBirth, statedBirth) = err.date(c.birth, style: profile.formats ? .chinese : .iso, swaps: identityErrors)
            let statedMale = identityErrors && rng.chance(err.p(ErrorModel.sexWrong)) ? !c.male : c.male
            // Decide from what was written, as the contract says.
            var mismatch: String?
            if !writtenID.isEmpty {
                if let valid = WrittenForm.validID(writtenID) {
                    let idBirth = CivilDate(yyyymmdd: Int(valid.dropFirst(6).prefix(8)) ?? 0)
                    let idMale = (Int(String(Array(valid)[16])) ?? 0) % 2 == 1
                    if idBirth != statedBirth || idMale != statedMale { mismatch = "birth date or sex differs from the ID" }
                } else {
                    mismatch = "ID number fails its check"
                }
            }
            if mismatch == nil && resident {
                if WrittenForm.name(writtenName) != c.name { mismatch = "name differs from hukou" }
                else if statedBirth != c.birth { mismatch = "birth date differs from hukou" }
                else if statedMale != c.male { mismatch = "sex differs from hukou" }
            }
            let gradeName = r.status == "毕业" ? "九年级" : CountyGenerator.gradeNames[max(0, min(8, g - 1))]
            try exports.statusRecord(school: school.code, [
                studentNumber, idForm == .missing ? "" : "居民身份证", writtenID, writtenName, sexText(statedMale), writtenBirth,
                school.name, gradeName, "\(c.klass)班", statusWord(r.status), c.studyMode, h.guardianName, c.region, phone(h),
            ], &c.facts)
            c.facts.statuses.append(.init(status: r.status, school: r.school, studyMode: c.studyMode, mismatch: mismatch))
            if c.studyMode == "送教上门" { c.facts.taughtAtHome = true }
        }
    }

    /// A stable 11-digit number for a 学籍号 without ID (L + district + 11 digits).
    func stableNumber(_ key: String, _ school: Int) -> UInt64 { stableHash(key + "#" + String(school)) % 100_000_000_000 }

    // MARK: Attendance

    func attendance(_ c: inout Member) throws(KCBXError) {
        guard c.school >= 0, attendanceModes[c.school] != .silent else { return }
        var school = c.school, days = 0, reason = ""
        switch c.plan {
        case .notEnrolled, .notEnrolledExpired, .deferredDelay, .exempted, .disabledUnplaced, .deceasedInactive, .deceasedActive,
             .dropoutStatus, .oodDropout, .transferredOut, .oodTransfer, .movedOut, .phantomNoRoster, .borrowedHolder:
            return
        case .normal, .dupStatusID, .dupStatusNoID, .dupHukouSameID, .dupHukouTwoIDs, .expiredButEnrolled, .borrower, .parentIDInStatus:
            guard (1...9).contains(c.grade) else { return }
            if rng.chance(0.05) { days = rng.int(1...9); reason = ["", "病假", "事假", "", "无故旷课"][rng.below(5)] }
        case .dropoutPoverty: days = rng.int(0...4)
        case .phantomOtherSchool:
            school = profile.absenceLists ? rosterSchool(grade: c.grade, town: -1, except: c.school)
                : county.otherSchool(than: c.school, grade: c.grade, &rng)
        case .dropoutAbsence, .oodAbsence:
            days = rng.int(10...45); reason = ["", "", "无故旷课", "外出务工", "厌学", "联系不上"][rng.below(6)]
        case .excusedAbsence: days = rng.int(10...40); reason = "病假"
        case .suspended: days = rng.int(20...60); reason = "休学"
        }
        // An absence list names only the pupils absent in the period.
        if attendanceModes[school] == .absences && days == 0 { return }
        let name = writtenName(c)
        let id = noID(SourceName.attendance) ? "" : writtenID(c)
        let (last, _) = err.date(schoolDay(before: asOf, back: days), style: profile.formats ? .dottedPadded : .slash, swaps: false)
        try exports.attendanceRow([county.schools[school].code, name, id, String(days), reasonWord(reason), last]
                                  + extras(exports.layout.extraAttendance, c, guardian: "", style: .dottedPadded), &c.facts)
        schoolsWithAttendance.insert(school)
        c.facts.attendance.append(.init(school: school, days: days, excused: ["病假", "事假", "休学"].contains(reason)))
    }

    // MARK: Other departments

    /// The person's ID as a department writes it: identity errors only for people without a planted finding.
    func writtenID(_ m: Member) -> String {
        let id = m.usedID ?? m.id
        return err.write(id, err.idForm(id, identityErrors: m.plan.allowsIdentityErrors, allowMissing: m.plan.allowsIdentityErrors))
    }

    /// The household's phone as a department writes it (its own stream: see ``Phones``).
    func phone(_ h: Household) -> String { h.phones.written(&phoneRng, errorRate: err.scale) }

    /// The person's name as a department writes it (homophone typos only without a planted finding).
    func writtenName(_ m: Member) -> String { err.name(m.name, identityErrors: m.plan.allowsIdentityErrors).0 }

    func poverty(_ h: inout Household) throws(KCBXError) {
        let number = h.povertyNumber, head = h.father.name, phones = h.phones
        func row(_ m: inout Member, relation: String, state: String, adult: Bool) throws(KCBXError) {
            var form = err.idForm(m.id, identityErrors: m.plan.allowsIdentityErrors, allowMissing: m.plan.allowsIdentityErrors)
            if adult && rng.chance(err.p(ErrorModel.parentLegacy15)) && IDAllocator.legacy15(m.id) != nil { form = .legacy15 }
            if !adult && m.id.last != "X" && m.plan.allowsIdentityErrors && damagedQuota.offer(&err.rng) { form = .excelDamaged }
            // Excel keeps 15 significant digits of a number: the last three digits are lost.
            var idCell: XLSXCell = form == .excelDamaged ? .number(Double(m.id.prefix(15) + "000") ?? 0) : .text(err.write(m.id, form))
            if noID(SourceName.poverty) { idCell = .text("") }
            var birthCell: XLSXCell
            let u = rng.unit()
            if u < err.p(0.02) { birthCell = .integer(m.birth.daysSinceEpoch + 25569) } // an Excel serial without its date format
            else if u < err.p(0.05) { birthCell = .text(err.date(m.birth, style: .dotted, swaps: false).0) }
            else { birthCell = .date(m.birth) }
            // Another department's workbook: mostly serial numbers, some real date cells.
            if profile.formats { birthCell = prng.formats.chance(0.7) ? .integer(m.birth.daysSinceEpoch + 25569) : .date(m.birth) }
            let name = writtenName(m)
            try exports.povertyRow([.text(number), .text(head), .text(name), idCell, .text(relation), .text(state), birthCell,
                                    .text(phones.written(&phoneRng, errorRate: err.scale))], &m.facts)
            m.facts.poverty = true
        }
        if h.father.hukouStatus != "死亡" { try row(&h.father, relation: "户主", state: "", adult: true) }
        if h.mother.hukouStatus != "死亡" { try row(&h.mother, relation: "配偶", state: "", adult: true) }
        for i in h.children.indices where h.children[i].hukouStatus != "死亡" {
            let c = h.children[i]
            var state: String
            switch c.plan {
            case .notEnrolled, .notEnrolledExpired, .disabledUnplaced, .borrowedHolder: state = "失学"
            case .deferredDelay, .exempted: state = "未入学"
            case .dropoutStatus: state = "辍学"
            case .dropoutPoverty: state = ["辍学", "辍学", "失学", "未入学"][rng.below(4)]
            default: state = c.grade <= 0 ? "学前" : "在校"
            }
            if c.plan == .dropoutPoverty { h.children[i].facts.povertyOut = state }
            try row(&h.children[i], relation: c.male ? "之子" : "之女", state: state, adult: false)
        }
    }

    func disability(_ c: inout Member, _ h: Household, town: County.Town) throws(KCBXError) {
        guard let d = c.disability, c.hukouStatus != "死亡" else { return }
        let form = err.idForm(c.id, identityErrors: false, allowMissing: false)
        var cert = err.write(c.id, form) + String(d.category) + String(d.level)
        if noID(SourceName.disability) { cert = "" }
        let name = writtenName(c)
        try exports.disabilityRow([name, c.male ? "男" : "女", cert, CountyGenerator.categories[d.category - 1], CountyGenerator.levels[d.level - 1],
                                   h.guardianName, h.address, town.name, d.placement]
                                  + extras(exports.layout.extraDisability, c, guardian: h.guardianName, style: .slash) + [phone(h)], &c.facts)
        c.facts.disabled = true
        if d.placement == "送教上门" { c.facts.taughtAtHome = true }
    }

    func welfareAndJustice(_ c: inout Member, _ h: Household, town: County.Town) throws(KCBXError) {
        guard c.hukouStatus != "死亡" else { return }
        if let category = c.welfare {
            let name = writtenName(c)
            let id = noID(SourceName.welfare) ? "" : writtenID(c)
            try exports.welfareRow([name, id, category, h.guardianName, town.name]
                                   + extras(exports.layout.extraWelfare, c, guardian: h.guardianName, style: .chinese) + [phone(h)], &c.facts)
            c.facts.welfare = true
        }
        if h.fatherInPrison {
            let name = writtenName(c)
            let id = noID(SourceName.justice) ? "" : writtenID(c)
            try exports.justiceRow([name, id, h.mother.name, h.father.name]
                                   + extras(exports.layout.extraJustice, c, guardian: h.mother.name, style: .compact), &c.facts)
            c.facts.justice = true
        }
    }

    func deferral(_ c: inout Member, _ h: Household) throws(KCBXError) {
        let type: String, approved: CivilDate, until: CivilDate?
        switch c.plan {
        case .deferredDelay:
            type = "延缓入学"; approved = randomDate(CivilDate(year: schoolYear, month: 7, day: 10)!, CivilDate(year: schoolYear, month: 8, day: 25)!)
            until = CivilDate(year: schoolYear + 1, month: 8, day: 31)
        case .notEnrolledExpired, .expiredButEnrolled:
            // Deferred the year the child was due (grade 1 then), for one year: now expired.
            let year = schoolYear - max(1, c.grade - 1)
            type = "延缓入学"; approved = randomDate(CivilDate(year: year, month: 7, day: 10)!, CivilDate(year: year, month: 8, day: 25)!)
            until = CivilDate(year: year + 1, month: 8, day: 31)
        case .exempted:
            type = "免于入学"; approved = randomDate(yearsBefore(2), asOf.adding(days: -60))
            until = rng.chance(0.5) ? nil : CivilDate(year: schoolYear + 3, month: 8, day: 31)
        default: return
        }
        let name = writtenName(c)
        let id = noID(SourceName.deferral) ? "" : writtenID(c)
        let style: ErrorModel.DateStyle = profile.formats ? .slash : .iso
        let approvedText = err.date(approved, style: style, swaps: false).0
        let untilText = until.map { err.date($0, style: style, swaps: false).0 } ?? ""
        try exports.deferralRow([name, id, type, approvedText, untilText]
                                + extras(exports.layout.extraDeferral, c, guardian: h.guardianName, style: .slash), &c.facts)
        if let until, until < asOf {
            c.facts.expiredDeferral = until.description
        } else {
            c.facts.validDeferral = until?.description ?? "（长期）"
            if type == "免于入学" { c.facts.validExemption = true }
        }
    }

    // MARK: Phantom students

    /// An invented student: an active 学籍 record with no child behind it (空挂学籍).
    func writePhantom() throws(KCBXError) {
        let g = rng.int(1...9)
        var candidates = county.schools.indices.filter {
            attendanceModes[$0] != .silent && $0 != county.specialSchool && (g <= 6 ? county.schools[$0].teachesPrimary : county.schools[$0].teachesJunior)
        }
        if profile.absenceLists && prng.absences.chance(SynthProfile.phantomAtRoster) {
            candidates = candidates.filter { attendanceModes[$0] == .roster }
        }
        let s = candidates[rng.below(candidates.count)]
        let male = rng.chance(0.5)
        let town = county.towns[county.schools[s].town]
        var m = makeMember(name: NameMaker.surname(&rng) + NameMaker.childGiven(male: male, &rng), birth: birth(grade: g), male: male,
                           region: County.districtCode, town: town.name, kind: "phantom")
        m.grade = g; m.school = s; m.klass = 1 + rng.below(4); m.plan = .phantomNoRoster
        let h = Household(number: "", town: county.schools[s].town, village: "", address: "", migrant: false, father: m, mother: m, children: [],
                          guardianName: NameMaker.surname(&rng) + NameMaker.adultGiven(male: true, &rng))
        try studentStatus(&m, h)
        try exports.person(m.facts)
        let (f, candidates2) = rules.evaluate(m.facts)
        findings += f
        phantomCandidates += candidates2.filter { attendanceModes[$0.school] == .roster }  // only a roster shows a phantom
    }

    // MARK: Profiles

    /// A roster school teaching `grade`'s level (of `town` when it has one), other than `except`.
    func rosterSchool(grade: Int, town: Int, except: Int) -> Int {
        let all = county.schools.indices.filter {
            $0 != except && $0 != county.specialSchool && attendanceModes[$0] == .roster
                && (grade <= 6 ? county.schools[$0].teachesPrimary : county.schools[$0].teachesJunior)
        }
        let local = all.filter { county.schools[$0].town == town }
        let pool = local.isEmpty ? all : local
        return pool.isEmpty ? except : pool[prng.absences.below(pool.count)]
    }

    /// This row of `source` is written without an ID number (profile `no-ids`).
    func noID(_ source: String) -> Bool {
        profile.idLess && prng.ids.chance(SynthProfile.noID[source] ?? 0)
    }

    /// Sex as written: 男/女, or the codes 1/2 of GB/T 2261.1 (profile `formats`).
    func sexText(_ male: Bool) -> String { profile.formats ? (male ? "1" : "2") : (male ? "男" : "女") }

    /// The values of the columns appended to an ID-less source (profile `no-ids`).
    func extras(_ fields: [String], _ m: Member, guardian: String, style: ErrorModel.DateStyle) -> [String] {
        fields.map { field in
            switch field {
            case "sex": sexText(m.male)
            case "birth_date": ErrorModel.format(m.birth, profile.formats ? style : .iso)
            case "guardian_name": guardian
            case "town": m.facts.town
            default: ""
            }
        }
    }

    /// A 学籍 status as another system words it (profile `words`); the truth keeps the canonical word.
    func statusWord(_ s: String) -> String {
        guard profile.words else { return s }
        switch s {
        case "在读": return ["在读", "正常在读", "正常在读", "在籍", "在校"][prng.words.below(5)]
        case "辍学": return prng.words.chance(0.5) ? "流失" : "辍学"
        case "转出": return prng.words.chance(0.5) ? "转学" : "转出"
        default: return s
        }
    }

    /// A registration status as another police system words it (profile `words`).
    func hukouWord(_ s: String) -> String {
        guard profile.words else { return s }
        switch s {
        case "正常": return prng.words.chance(0.3) ? "在户" : "正常"
        case "迁出": return prng.words.chance(0.7) ? "户口迁出" : "注销"
        case "死亡": return prng.words.chance(0.7) ? "死亡注销" : "死亡"
        default: return s
        }
    }

    /// An absence reason as another school words it (profile `words`): 因病请假 excuses like 病假.
    func reasonWord(_ r: String) -> String {
        guard profile.words else { return r }
        switch r {
        case "病假": return prng.words.chance(0.5) ? "因病请假" : "病假"
        case "无故旷课": return prng.words.chance(0.5) ? "旷课" : "无故旷课"
        default: return r
        }
    }

    /// A pupil enrolled on `holder`'s ID number (借用/冒用身份证件号): their own name, sex and birth date (a
    /// year or two from the holder's), no hukou here; a migrant child's own number elsewhere, or none.
    func writeBorrower(_ holder: Member, town: Int) throws(KCBXError) {
        borrowers += 1
        var r = prng.borrowed
        // Two grades apart: always another birth year, never a typo of the holder's date.
        var g = holder.grade + (r.chance(0.5) ? 2 : -2)
        if !(1...9).contains(g) { g = holder.grade <= 2 ? holder.grade + 2 : holder.grade - 2 }
        let from = CivilDate(year: schoolYear - 6 - g, month: 9, day: 1)!, to = CivilDate(year: schoolYear - 5 - g, month: 8, day: 31)!
        let birth = from.adding(days: r.below(to.daysSinceEpoch - from.daysSinceEpoch + 1))
        let male = r.chance(0.5)
        let name = NameMaker.surname(&r) + NameMaker.childGiven(male: male, &r)
        let region = County.migrantRegions.pick(&r)
        var id = "", actual = birth
        if r.chance(SynthProfile.borrowerOwnID) { (id, actual) = ids.allocate(region: region, birth: birth, male: male, &r) }
        let facts = PersonFacts(key: newKey(), id: id, name: name, birth: actual, male: male, town: county.towns[town].name,
                                kind: "child", regionLocal: false)
        var m = Member(facts: facts, region: holder.region)
        m.usedID = holder.id
        m.grade = g; m.plan = .borrower
        m.school = county.school(town: town, grade: g, &r)
        m.klass = 1 + r.below(county.schools[m.school].weight >= 3 ? 8 : 3)
        let guardian = String(name.prefix(1)) + NameMaker.adultGiven(male: r.chance(0.6), &r)
        let h = Household(number: "", town: town, village: "", address: "", migrant: true, father: m, mother: m, children: [],
                          guardianName: guardian)
        prng.borrowed = r
        try studentStatus(&m, h)
        try attendance(&m)
        try exports.person(m.facts)
        let (f, candidates) = rules.evaluate(m.facts)
        findings += f
        phantomCandidates += candidates.filter { attendanceModes[$0.school] == .roster }  // only a roster shows a phantom
    }

    // MARK: The end

    /// The findings that must come out, sorted by code and person.
    func finalFindings() -> [TruthFinding] {
        var all = findings
        var seen = Set<String>()
        // Only a roster shows that nobody stands behind a status: at a school that sends an absence list or
        // nothing, a status without a row is no finding (and neither is one whose holder attends elsewhere).
        for c in phantomCandidates where (c.attendsElsewhere || schoolsWithAttendance.contains(c.school))
            && attendanceModes[c.school] == .roster {
            if seen.insert(c.finding.personKey).inserted { all.append(c.finding) }
        }
        return all.sorted()
    }
}

extension Array {
    /// Picks the first element of a (value, weight) list by weight.
    func pickWeighted<T>(_ rng: inout SynthRandom) -> T where Element == (T, Double) {
        let total = reduce(0) { $0 + $1.1 }
        var u = rng.unit() * total
        for (v, w) in self { u -= w; if u < 0 { return v } }
        return self[count - 1].0
    }
}
