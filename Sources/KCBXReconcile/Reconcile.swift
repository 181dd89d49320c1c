import Dispatch
import KCBXCore
import KCBXLink
import KCBXNormalize

/// The reconcile stage (比对核查): decides every finding of docs/findings.md on the person index.
///
/// One pass over the persons, in parallel chunks; each person's records are read once into
/// ``RecordFact``s and every rule is decided from them. `duplicate_hukou` between two persons of the
/// index (two IDs, same name, birth date, sex and a parent) needs a pass over the hukou records first.
/// A rule whose input role is missing is listed in ``ReconcileResult/notChecked``.
public enum ReconcileStage {
    /// What every rule needs to know besides the person's own records.
    struct Context: @unchecked Sendable {
        let sources: [NormalizedSource]
        let columns: [SourceColumns]
        let index: PersonIndex
        let cohort: ClosedRange<CivilDate>
        let asOf: CivilDate
        let threshold: Int
        /// The district's region-code prefix (`370783`; `3707` for a city).
        let districtPrefix: String
        /// School codes that have at least one attendance row.
        let attendanceSchools: Set<String>
        /// `school|name` of attendance rows linked to no other record: a child the link stage could not
        /// place, who may be the one behind a status record of the same name there (not a phantom).
        let unlinkedAttendance: Set<String>
        /// Which codes can be decided with the pipeline's sources.
        let checks: Set<FindingCode>
        /// Per person: holds an active 学籍 record.
        let hasActive: [Bool]
        /// Per person: the other persons of the index registered in hukou as the same child.
        let hukouTwins: [Int32: [Int32]]
        /// 学校标识码 → the school's town (镇街), from the school directory (学校名录).
        var schoolTowns: [String: String] = [:]

        func deferralValid(_ validUntil: String) -> Bool {
            if validUntil.isEmpty { return true }
            if let d = CivilDate(iso: validUntil) { return d >= asOf }
            if case .date(let d) = DateParser.parse(validUntil) { return d >= asOf }
            return true  // an unreadable end date is not taken as expired
        }
    }

    /// Decides every finding on `index`.
    public static func run(_ sources: [NormalizedSource], index: PersonIndex, config: PipelineConfig) -> ReconcileResult {
        let has = Set(sources.map(\.role))
        let (checks, notChecked) = coverage(has, sources)
        let columns = sources.map(SourceColumns.init)
        var attendanceSchools = Set<String>(), unlinkedAttendance = Set<String>()
        for (s, source) in sources.enumerated() where source.role == .attendance {
            for (i, r) in source.records.enumerated() {
                let v = r.schoolCode ?? columns[s].value(columns[s].schoolCode, r)
                if !v.isEmpty { attendanceSchools.insert(v) }
                if s < index.personOf.count, i < index.personOf[s].count, let name = r.name, !name.isPlaceholder,
                   index.persons[Int(index.personOf[s][i])].members.count == 1 {
                    unlinkedAttendance.insert(v + "|" + name.normalized)
                }
            }
        }
        var hasActive = [Bool](repeating: false, count: index.persons.count)
        for (s, source) in sources.enumerated() where source.role == .studentStatus && s < index.personOf.count {
            for (i, r) in source.records.enumerated() where StateWords.status(columns[s].value(columns[s].status, r)) == .statusActive {
                hasActive[Int(index.personOf[s][i])] = true
            }
        }
        var prefix = config.district.code
        while prefix.count > 2 && prefix.hasSuffix("00") { prefix.removeLast(2) }
        let pre = Context(sources: sources, columns: columns, index: index, cohort: config.schoolAge.cohort(asOf: config.asOf),
                          asOf: config.asOf, threshold: config.rules.dropoutAbsenceDays, districtPrefix: prefix,
                          attendanceSchools: attendanceSchools, unlinkedAttendance: unlinkedAttendance, checks: checks, hasActive: hasActive,
                          hukouTwins: [:])
        let (twinFindings, twins) = checks.contains(.duplicateHukou) ? duplicateHukouAcrossPersons(pre) : ([], [:])
        var context = Context(sources: sources, columns: columns, index: index, cohort: pre.cohort, asOf: pre.asOf,
                          threshold: pre.threshold, districtPrefix: prefix, attendanceSchools: attendanceSchools,
                          unlinkedAttendance: unlinkedAttendance, checks: checks, hasActive: hasActive, hukouTwins: twins)
        context.schoolTowns = schoolTowns(sources, columns)
        let ctx = context

        let persons = index.persons
        let chunkSize = 16_384
        let chunks = max(1, (persons.count + chunkSize - 1) / chunkSize)
        let results = ConcurrentResults<[Finding]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var out: [Finding] = []
            var facts: [RecordFact] = []
            facts.reserveCapacity(16)
            for p in (c * chunkSize)..<min(persons.count, (c + 1) * chunkSize) {
                decide(Int32(p), persons[p], ctx, &facts, &out)
            }
            results[c] = out
        }
        var findings: [Finding] = []
        for part in results.values { findings.append(contentsOf: part ?? []) }
        // A person with both a duplicate within its records and one across persons gets one finding.
        var seen = Set(findings.filter { $0.code == .duplicateHukou }.map(\.personID))
        for f in twinFindings where seen.insert(f.personID).inserted { findings.append(f) }
        return ReconcileResult(findings: findings, notChecked: notChecked)
    }

    /// 学校标识码 → town from the school directory: a child known only through a school is counted in
    /// the school's town (the first directory row naming one wins).
    static func schoolTowns(_ sources: [NormalizedSource], _ columns: [SourceColumns]) -> [String: String] {
        var towns: [String: String] = [:]
        for (s, source) in sources.enumerated() where source.role == .schools {
            for r in source.records {
                let code = r.schoolCode ?? columns[s].value(columns[s].schoolCode, r)
                let town = r.town ?? columns[s].value(columns[s].town, r)
                if !code.isEmpty, !town.isEmpty, towns[code] == nil { towns[code] = town }
            }
        }
        return towns
    }

    /// Which codes the pipeline's sources allow, and why the others are not (or only partly) checked.
    static func coverage(_ has: Set<SourceRole>, _ sources: [NormalizedSource]) -> (Set<FindingCode>, [(code: FindingCode, reason: String)]) {
        var checks = Set<FindingCode>()
        var notChecked: [(code: FindingCode, reason: String)] = []
        func need(_ code: FindingCode, _ roles: [SourceRole]) {
            let missing = roles.filter { !has.contains($0) }
            if missing.isEmpty { checks.insert(code) } else {
                notChecked.append((code, "the pipeline has no source of role \(missing.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        func partly(_ code: FindingCode, _ role: SourceRole, _ what: String) {
            if checks.contains(code) && !has.contains(role) {
                notChecked.append((code, "only partly checked: the pipeline has no source of role \(role.rawValue) (\(what) not checked)"))
            }
        }
        need(.notEnrolled, [.hukou, .studentStatus])
        need(.deferred, [.hukou, .studentStatus, .deferral])
        if checks.contains(.notEnrolled) && !has.contains(.deferral) {
            notChecked.append((.notEnrolled, "only partly checked: the pipeline has no source of role deferral (every unenrolled child is reported, approved deferrals included)"))
        }
        if has.contains(.studentStatus) || has.contains(.attendance) { checks.insert(.suspectedDropout) } else {
            notChecked.append((.suspectedDropout, "the pipeline has no source of role student_status or attendance"))
        }
        partly(.suspectedDropout, .attendance, "unexcused absences")
        partly(.suspectedDropout, .studentStatus, "status 辍学")
        partly(.suspectedDropout, .poverty, "children reported out of school by poverty alleviation")
        need(.duplicateStatus, [.studentStatus])
        need(.phantomStatus, [.studentStatus, .attendance])
        need(.identityMismatch, [.studentStatus])
        partly(.identityMismatch, .hukou, "name, birth date and sex against 户籍")
        need(.duplicateHukou, [.hukou])
        if checks.contains(.duplicateHukou) {
            let parents: [CanonicalField] = [.fatherId, .motherId, .fatherName, .motherName]
            if !sources.contains(where: { $0.role == .hukou && parents.contains(where: $0.fields.contains) }) {
                notChecked.append((.duplicateHukou, "only partly checked: no hukou source maps a parent (father_id, mother_id, father_name, mother_name), so one child under two IDs is not checked"))
            }
        }
        need(.deceasedActiveStatus, [.hukou, .studentStatus])
        need(.disabledUnplaced, [.disability, .studentStatus])
        need(.outOfDistrict, [.hukou, .studentStatus])
        return (checks, notChecked)
    }

    // MARK: one person

    /// Decides every per-person rule for `person` (position `p` in the index) and appends its findings to `out`.
    static func decide(_ p: Int32, _ person: PersonIndex.Person, _ ctx: Context, _ facts: inout [RecordFact], _ out: inout [Finding]) {
        facts.removeAll(keepingCapacity: true)
        var resident = 0, dead = 0, active = 0, dropout = 0, transferred = 0, status = 0
        var absent = 0, reportedOut = 0, disability = 0, homeTaught = 0, exemption = 0, validDeferral = 0, expiredDeferral = 0
        var priority = false
        for ref in person.members {
            let f = fact(ref, ctx)
            facts.append(f)
            switch f.kind {
            case .hukouResident: resident += 1
            case .hukouDead: dead += 1
            case .statusActive: active += 1; status += 1
            case .statusDropout: dropout += 1; status += 1
            case .statusTransferred: transferred += 1; status += 1
            case .statusOther: status += 1
            case .poverty: priority = true; if f.reportedOut { reportedOut += 1 }
            case .disability: priority = true; disability += 1
            case .welfare, .justice: priority = true
            case .deferralValid: validDeferral += 1; if f.exemption { exemption += 1 }
            case .deferralExpired: expiredDeferral += 1
            case .attendance: if f.unexcusedAbsence { absent += 1 }
            case .hukouGone, .other: break
            }
            if f.homeTaught { homeTaught += 1 }
        }
        let view = PersonFacts(ctx: ctx, facts: facts)
        // The birth date matters only to the rules of unenrolled children.
        let birth = (active == 0 && (resident > 0 || disability > 0)) ? view.birthDate : nil
        let inCohort = birth.map { ctx.cohort.contains($0) } ?? false
        func emit(_ code: FindingCode, _ evidence: [RecordRef], _ detail: String, school: String = "") {
            let school = school.isEmpty ? view.activeSchool : school
            out.append(Finding(code: code, personID: person.id, priority: priority, evidence: evidence.sorted(), detail: detail,
                               town: view.town(school: school), schoolCode: school))
        }
        let born = birth.map { "出生\($0)" } ?? "出生日期不详"

        // 死亡未销籍
        var deceased = false
        if ctx.checks.contains(.deceasedActiveStatus) && dead > 0 && active > 0 {
            deceased = true
            emit(.deceasedActiveStatus, view.refs(.hukouDead) + view.refs(.statusActive),
                 "户籍登记死亡\(view.values(facts.filter { $0.kind == .hukouDead }, \.statusDate, prefix: "（", suffix: "）"))，学籍仍在籍：\(view.schools(.statusActive))")
        }
        // 一人多籍
        let duplicate = ctx.checks.contains(.duplicateStatus) && active >= 2
        if duplicate {
            emit(.duplicateStatus, view.refs(.statusActive), "\(active) 条在籍学籍：\(view.schools(.statusActive))")
        }
        // 空挂学籍
        if ctx.checks.contains(.phantomStatus) && active > 0 && !duplicate && !deceased {
            var phantom: [RecordRef] = [], schools: [String] = []
            for f in facts where f.kind == .statusActive && !f.suspended {
                let school = view.school(f)
                if !school.isEmpty && ctx.attendanceSchools.contains(school)
                    && !facts.contains(where: { $0.kind == .attendance && view.school($0) == school })
                    && !view.unlinkedAttendanceAt(school, f) {
                    phantom.append(f.ref); schools.append(school)
                }
            }
            if !phantom.isEmpty {
                let attended = view.attendanceSchools
                let elsewhere = attended.isEmpty ? "本人无任何学校考勤记录" : "本人在学校 \(attended.sorted().joined(separator: "、")) 考勤"
                emit(.phantomStatus, phantom + view.refs(.attendance),
                     "学籍在学校 \(schools.joined(separator: "、"))，该校考勤名单中无此学生；\(elsewhere)", school: schools[0])
            }
        }
        // 应入未入 / 延缓入学
        if ctx.checks.contains(.notEnrolled) && resident > 0 && inCohort && active == 0 && dropout == 0 && transferred == 0
            && !ctx.twinEnrolled(p) {
            let notes = status > 0 ? "，学籍状态：\(view.statuses())" : ""
            if validDeferral > 0 {
                emit(.deferred, view.refs(.hukouResident) + view.refs(.deferralValid),
                     "适龄（\(born)），户籍正常，无在籍学籍\(notes)；\(view.deferrals(.deferralValid))")
            } else {
                let expired = expiredDeferral > 0 ? "；\(view.deferrals(.deferralExpired))，已过期" : ""
                emit(.notEnrolled, view.refs(.hukouResident) + view.refs(.deferralExpired) + view.refs(.statusOther),
                     "适龄（\(born)），户籍正常，无在籍学籍\(notes)\(expired)")
            }
        }
        // 疑似辍学 / 外地户籍
        let absences = absent > 0 ? facts.filter(\.unexcusedAbsence) : []
        let leftSchool = (dropout > 0 || transferred > 0) && active == 0
        if view.isNonLocal(resident: resident) {
            if ctx.checks.contains(.outOfDistrict) && status > 0 && (leftSchool || !absences.isEmpty) {
                var why: [String] = []
                if leftSchool { why.append("学籍状态：\(view.statuses())，无在籍学籍") }
                if !absences.isEmpty { why.append(view.absences(absences)) }
                emit(.outOfDistrict, view.refs(.statusDropout) + view.refs(.statusTransferred) + absences.map(\.ref),
                     "非本地户籍（户籍地 \(view.regionCode ?? "不详")），\(why.joined(separator: "；"))；应通报户籍地")
            }
        } else if ctx.checks.contains(.suspectedDropout) {
            var why: [String] = [], evidence: [RecordRef] = []
            if !absences.isEmpty { why.append(view.absences(absences)); evidence += absences.map(\.ref) }
            if dropout > 0 && active == 0 { why.append("学籍状态为辍学（\(view.schools(.statusDropout))）"); evidence += view.refs(.statusDropout) }
            if active > 0 && reportedOut > 0 {
                let reported = facts.filter(\.reportedOut)
                why.append("在籍（\(view.schools(.statusActive))），扶贫部门登记就学状态为\(view.values(reported, \.status))")
                evidence += reported.map(\.ref) + view.refs(.statusActive)
            }
            if !why.isEmpty {
                emit(.suspectedDropout, evidence, why.joined(separator: "；"),
                     school: absences.first.map(view.school) ?? view.firstSchool(.statusDropout))
            }
        }
        // 人籍不一致
        if ctx.checks.contains(.identityMismatch) && status > 0 {
            var records: [RecordRef] = [], why: [String] = []
            let hukou = view.referenceHukou
            for f in facts where f.isStatus {
                let problems = view.identityProblems(f, against: hukou)
                if !problems.isEmpty { records.append(f.ref); why.append(problems.joined(separator: "，")) }
            }
            if !records.isEmpty {
                emit(.identityMismatch, records + (hukou.map { [$0.ref] } ?? []), why.joined(separator: "；"),
                     school: facts.first { $0.ref == records[0] }.map(view.school) ?? "")
            }
        }
        // 户籍重复 (within one person of the index)
        if ctx.checks.contains(.duplicateHukou) && resident >= 2, let why = view.duplicateHukou() {
            emit(.duplicateHukou, view.refs(.hukouResident), why)
        }
        // 残疾儿童未安置
        if ctx.checks.contains(.disabledUnplaced) && disability > 0 && inCohort && active == 0 && homeTaught == 0 && exemption == 0
            && !(dead > 0 && resident == 0) && !ctx.twinEnrolled(p) {
            let state = status > 0 ? "学籍状态：\(view.statuses())" : "无学籍"
            emit(.disabledUnplaced, view.refs(.disability) + view.refs(.hukouResident),
                 "残疾儿童（\(view.values(facts.filter { $0.kind == .disability }, \.placement, empty: "安置方式未填"))），适龄（\(born)），\(state)，未送教上门，无免于入学批准")
        }
    }
}

extension ReconcileStage.Context {
    /// The person is registered in hukou a second time as another person of the index who is enrolled:
    /// `duplicate_hukou` covers it, and the enrolled child is not reported as out of school.
    func twinEnrolled(_ p: Int32) -> Bool {
        guard let twins = hukouTwins[p] else { return false }
        return twins.contains { hasActive[Int($0)] }
    }
}
