import Dispatch
import KCBXCore
import KCBXLedger
import KCBXLink
import KCBXNormalize

/// The reconcile stage (比对核查): decides every finding of docs/findings.md on the person index.
///
/// One pass over the persons, in parallel chunks; each person's records are read once into
/// ``RecordFact``s and every rule of ``FindingRules`` (a file each, under `Rules/`) is decided from them.
/// `duplicate_hukou` between two persons of the index (two IDs, same name, birth date, sex and a parent)
/// needs a pass over the hukou records first, and 空挂学籍 the per-school attendance decision
/// (``AttendanceKinds``). A rule whose input role is missing is listed in ``ReconcileResult/notChecked``.
public enum ReconcileStage {
    /// What every rule needs to know besides the person's own records.
    /// Immutable while the rules run on every core.
    struct Context: Sendable {
        let sources: [NormalizedSource]
        let columns: [SourceColumns]
        let index: PersonIndex
        let cohort: ClosedRange<CivilDate>
        let asOf: CivilDate
        let threshold: Int
        /// The district's region-code prefix (`370783`; `3707` for a city).
        let districtPrefix: String
        /// Per school: roster, absence list or nothing.
        var attendance = AttendanceKinds()
        /// `school|name` of attendance rows linked to no other record: a child the link stage could not
        /// place, who may be the one behind a status record of the same name there (not a phantom).
        var unlinkedAttendance: Set<String> = []
        /// Which codes can be decided with the pipeline's sources.
        var checks: Set<FindingCode> = []
        /// Per person: holds an active 学籍 record.
        var hasActive: [Bool] = []
        /// Per person: the other persons of the index registered in hukou as the same child.
        var hukouTwins: [Int32: [Int32]] = [:]
        /// 学校标识码 → the school's town (镇街), from the school directory (学校名录).
        var schoolTowns: [String: String] = [:]
        /// 学校标识码 as written → name and town (``ChildFacts/schools(_:)``), for the school a list shows.
        var schoolDirectory: [String: (name: String, town: String)] = [:]
        /// Records carrying another person's ID number (借用/冒用), and per holder the records using theirs.
        var identity = IdentityHints()

        init(sources: [NormalizedSource], index: PersonIndex, config: PipelineConfig) {
            self.sources = sources
            columns = sources.map(SourceColumns.init)
            self.index = index
            cohort = config.schoolAge.cohort(asOf: config.asOf)
            asOf = config.asOf
            threshold = config.rules.dropoutAbsenceDays
            var prefix = config.district.code
            while prefix.count > 2 && prefix.hasSuffix("00") { prefix.removeLast(2) }
            districtPrefix = prefix
        }

        /// What a deferral's 有效期至 says on the as-of date: empty is no end (valid); a date it cannot read
        /// is neither valid nor expired, and is reported as unreadable.
        func deferralState(_ validUntil: String) -> RecordFact.Kind {
            if validUntil.isEmpty { return .deferralValid }
            if let d = CivilDate(iso: validUntil) { return d >= asOf ? .deferralValid : .deferralExpired }
            if case .date(let d) = DateParser.parse(validUntil) { return d >= asOf ? .deferralValid : .deferralExpired }
            return .deferralUnreadable
        }
    }

    /// The source roles the rule of `code` reads (manifest.json lists the sources per rule).
    public static func roles(of code: FindingCode) -> Set<SourceRole> { FindingRules.roles(of: code) }

    /// Decides every finding on `index`.
    public static func run(_ sources: [NormalizedSource], index: PersonIndex, config: PipelineConfig) -> ReconcileResult {
        let (checks, notChecked) = FindingRules.coverage(Available(roles: Set(sources.map(\.role)), sources: sources))
        var ctx = Context(sources: sources, index: index, config: config)
        ctx.checks = checks
        let columns = ctx.columns
        for (s, source) in sources.enumerated() where source.role == .attendance {
            for (i, r) in source.records.enumerated() {
                let v = r.schoolCode ?? columns[s].value(columns[s].schoolCode, r)
                if s < index.personOf.count, i < index.personOf[s].count, let name = r.name, !name.isPlaceholder,
                   index.persons[Int(index.personOf[s][i])].members.count == 1 {
                    ctx.unlinkedAttendance.insert(v + "|" + name.normalized)
                }
            }
        }
        var declared: [String: AttendanceKind] = [:]
        for s in config.sources where s.role == .attendance { declared[s.name] = s.attendanceKind }
        ctx.attendance = AttendanceKinds(sources, columns, index: index, declared: declared)
        if checks.contains(.phantomStatus) { for line in ctx.attendance.summaryLines { Log.info(line) } }
        var hasActive = [Bool](repeating: false, count: index.persons.count)
        for (s, source) in sources.enumerated() where source.role == .studentStatus && s < index.personOf.count {
            for (i, r) in source.records.enumerated() where ExportVocabulary.status(columns[s].value(columns[s].status, r)).isEnrolled {
                hasActive[Int(index.personOf[s][i])] = true
            }
        }
        ctx.hasActive = hasActive
        ctx.identity = IdentityHints(sources, index: index)
        let (twinFindings, twins) = checks.contains(.duplicateHukou) ? duplicateHukouAcrossPersons(ctx) : ([], [:])
        ctx.hukouTwins = twins
        ctx.schoolTowns = schoolTowns(sources, columns)
        ctx.schoolDirectory = ChildFacts.schools(sources)
        let context = ctx
        // The persons with a finding between persons (two registrations): each gets a row of the children's facts.
        var found = Set<Int32>()
        if !twinFindings.isEmpty {
            let ids = Set(twinFindings.map(\.personID))
            for (p, person) in index.persons.enumerated() where ids.contains(person.id) { found.insert(Int32(p)) }
        }
        let twinPersons = found

        let persons = index.persons
        let chunkSize = 16_384
        let chunks = max(1, (persons.count + chunkSize - 1) / chunkSize)
        let results = ConcurrentResults<([Finding], ChildFacts, [ChildFacts.MovedOut])>(count: chunks)
        let rules = FindingRules.all.filter { checks.contains($0.code) }
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var out: [Finding] = []
            var facts: [RecordFact] = []
            var children = ChildFacts(), words: [String: UInt32] = [:], moved: [ChildFacts.MovedOut] = []
            facts.reserveCapacity(16)
            for p in (c * chunkSize)..<min(persons.count, (c + 1) * chunkSize) {
                facts.removeAll(keepingCapacity: true)
                for ref in persons[p].members { facts.append(fact(ref, context)) }
                var person = PersonCase(Int32(p), persons[p], context, facts: facts)
                let before = out.count
                swap(&person.out, &out)
                for rule in rules { rule.decide(&person) }
                swap(&person.out, &out)
                person.read(into: &children, words: &words, movedOut: &moved, found: out.count > before || twinPersons.contains(Int32(p)))
            }
            results[c] = (out, children, moved)
        }
        var findings: [Finding] = []
        var children = ChildFacts(), words: [String: UInt32] = [:]
        for part in results.values {
            guard let (out, rows, moved) = part else { continue }
            findings.append(contentsOf: out)
            children.append(contentsOf: rows, index: &words)
            children.movedOut += moved
        }
        children.movedOut.sort { $0.hukou < $1.hukou }
        children.schools = ctx.schoolDirectory
        // A person with both a duplicate within its records and one across persons gets one finding.
        var seen = Set(findings.filter { $0.code == .duplicateHukou }.map(\.personID))
        for f in twinFindings where seen.insert(f.personID).inserted { findings.append(f) }
        return ReconcileResult(findings: findings, notChecked: notChecked, attendance: ctx.attendance.decisions, children: children)
    }

    /// Each child's facts (``ChildFacts``) without deciding the findings: for a report on findings made
    /// elsewhere (tests). `findings` names the persons who get a row whatever their age.
    public static func children(_ sources: [NormalizedSource], index: PersonIndex, config: PipelineConfig, findings: [Finding]) -> ChildFacts {
        var ctx = Context(sources: sources, index: index, config: config)
        ctx.schoolTowns = schoolTowns(sources, ctx.columns)
        ctx.schoolDirectory = ChildFacts.schools(sources)
        let found = Set(findings.map(\.personID))
        var children = ChildFacts(), words: [String: UInt32] = [:], moved: [ChildFacts.MovedOut] = []
        for (p, person) in index.persons.enumerated() {
            let facts = person.members.map { fact($0, ctx) }
            PersonCase(Int32(p), person, ctx, facts: facts).read(into: &children, words: &words, movedOut: &moved, found: found.contains(person.id))
        }
        children.movedOut = moved.sorted { $0.hukou < $1.hukou }
        children.schools = ctx.schoolDirectory
        return children
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
}

extension ReconcileStage.Context {
    /// The person is registered in hukou a second time as another person of the index who is enrolled:
    /// `duplicate_hukou` covers it, and the enrolled child is not reported as out of school.
    func twinEnrolled(_ p: Int32) -> Bool {
        guard let twins = hukouTwins[p] else { return false }
        return twins.contains { hasActive[Int($0)] }
    }
}
