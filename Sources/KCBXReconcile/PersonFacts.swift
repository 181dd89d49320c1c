import KCBXCore
import KCBXLink
import KCBXNormalize

/// One person's records as the rules read them: who the child is (birth date, town, region) and the
/// words of a finding's detail. Built per person from its ``RecordFact``s; allocates only when asked.
struct PersonFacts {
    let ctx: ReconcileStage.Context
    let facts: [RecordFact]

    func record(_ f: RecordFact) -> NormalizedRecord { ctx.sources[f.ref.source].records[f.ref.record] }
    func value(_ f: RecordFact, _ column: KeyPath<SourceColumns, Int?>) -> String {
        let cols = ctx.columns[f.ref.source]
        return cols.value(cols[keyPath: column], record(f))
    }

    /// Birth date: the resident hukou record's, else any hukou record's, else 学籍's, else any record's;
    /// else, when every record's own date is unreadable, the one in the person's ID number.
    var birthDate: CivilDate? {
        var best: CivilDate? = nil, bestRank = Int.max
        for f in facts {
            let rank: Int
            switch f.kind {
            case .hukouResident: rank = 0
            case .hukouDead, .hukouGone: rank = 1
            case .statusActive, .statusDropout, .statusTransferred, .statusOther: rank = 2
            default: rank = 3
            }
            if rank < bestRank, let b = record(f).birthDate { best = b; bestRank = rank }
        }
        // Every record's own date unreadable: the one in the ID number (the detail says the column could not be read).
        return best ?? idNumber?.birthDate
    }

    /// Town (镇街): hukou first, then any record that names one.
    var town: String {
        for f in facts where f.kind == .hukouResident { let t = town(f); if !t.isEmpty { return t } }
        for f in facts { let t = town(f); if !t.isEmpty { return t } }
        return ""
    }

    /// Town of a finding about `school`: the resident hukou record's; else, for a child known to no
    /// hukou record, the school directory's town of `school` (or of any school of the child); else any
    /// record's town. "" when nothing names one.
    func town(school: String) -> String {
        for f in facts where f.kind == .hukouResident { let t = town(f); if !t.isEmpty { return t } }
        for f in facts where f.kind == .hukouDead || f.kind == .hukouGone { let t = town(f); if !t.isEmpty { return t } }
        if let t = ctx.schoolTowns[school] { return t }
        for f in facts where f.isStatus || f.kind == .attendance { if let t = ctx.schoolTowns[self.school(f)] { return t } }
        return town
    }

    /// The school of the first active 学籍 record, else of any 学籍 record.
    var activeSchool: String {
        let s = firstSchool(.statusActive)
        if !s.isEmpty { return s }
        for f in facts where f.isStatus { let v = school(f); if !v.isEmpty { return v } }
        return ""
    }

    /// The record's 学校标识码 as normalized (10 digits), else as read.
    func school(_ f: RecordFact) -> String {
        let cols = ctx.columns[f.ref.source], r = record(f)
        return r.schoolCode ?? cols.value(cols.schoolCode, r)
    }
    /// The record's town as the pipeline file spells it, else as read.
    func town(_ f: RecordFact) -> String { record(f).town ?? value(f, \.town) }
    func firstSchool(_ kind: RecordFact.Kind) -> String {
        for f in facts where f.kind == kind { let v = school(f); if !v.isEmpty { return v } }
        return ""
    }

    /// An attendance row at `school` that the link stage left alone carries this 学籍 record's name.
    func unlinkedAttendanceAt(_ school: String, _ f: RecordFact) -> Bool {
        guard !ctx.unlinkedAttendance.isEmpty, let name = record(f).name, !name.isPlaceholder else { return false }
        return ctx.unlinkedAttendance.contains(school + "|" + name.normalized)
    }

    func refs(_ kind: RecordFact.Kind) -> [RecordRef] { facts.filter { $0.kind == kind }.map(\.ref) }

    /// Schools where the person has attendance rows.
    var attendanceSchools: Set<String> {
        var set = Set<String>()
        for f in facts where f.kind == .attendance { let s = school(f); if !s.isEmpty { set.insert(s) } }
        return set
    }

    /// The first valid ID number of the person (hukou first).
    var idNumber: IDNumber? {
        for f in facts where f.kind == .hukouResident { if let id = record(f).id, id.isValid { return id } }
        for f in facts { if let id = record(f).id, id.isValid { return id } }
        return nil
    }

    var regionCode: String? { idNumber?.regionCode }

    /// Non-local (外地户籍): no resident hukou record, and an ID whose region is outside the district.
    func isNonLocal(resident: Int) -> Bool {
        guard resident == 0, let region = regionCode, !region.isEmpty else { return false }
        return !region.hasPrefix(ctx.districtPrefix)
    }

    // MARK: words of the detail

    /// The school of record `f` by name (学校名称), else its 学校标识码 (``ReconcileStage/Context/schoolName(_:normalized:)``).
    func schoolName(_ f: RecordFact) -> String {
        let cols = ctx.columns[f.ref.source], r = record(f)
        let known = ctx.schoolName(cols.value(cols.schoolCode, r), normalized: r.schoolCode)
        let own = cols.value(cols.schoolName, r)
        return known.hasPrefix("学校标识码") && !own.isEmpty ? own : known
    }

    /// `示例县实验小学（在读）、示例县城关小学（休学）` for the 学籍 records of `kind`.
    func schools(_ kind: RecordFact.Kind) -> String {
        facts.filter { $0.kind == kind }.map { f in
            let st = value(f, \.status)
            return "\(schoolName(f))（\(st.isEmpty ? "状态未填" : st)）"
        }.joined(separator: "、")
    }

    /// Every 学籍 record's status and school: `转出（示例县实验小学）`.
    func statuses() -> String {
        facts.filter(\.isStatus).map { f in
            let st = value(f, \.status)
            return "\(st.isEmpty ? "状态未填" : st)（\(schoolName(f))）"
        }.joined(separator: "、")
    }

    /// `延缓入学，有效期至 2027-08-31` for the deferral records of `kind` (the date as YYYY-MM-DD).
    func deferrals(_ kind: RecordFact.Kind) -> String {
        facts.filter { $0.kind == kind }.map { f in
            let type = value(f, \.deferralType), until = ReconcileStage.dateText(value(f, \.validUntil))
            return "\(type.isEmpty ? "延缓/免于入学" : type)\(until.isEmpty ? "（未填有效期）" : "，有效期至 \(until)")"
        }.joined(separator: "；")
    }

    /// `示例县实验小学 缺课 15 天（原因：外出），达到 10 天` for attendance records.
    func absences(_ list: [RecordFact]) -> String {
        list.map { f in
            let reason = value(f, \.absenceReason)
            return "\(schoolName(f)) 缺课 \(value(f, \.absentDays)) 天（\(reason.isEmpty ? "无请假原因" : "原因：" + reason)），达到 \(ctx.threshold) 天"
        }.joined(separator: "；")
    }

    /// The distinct values of `column` in `list`, joined by `、`; `dates`: each written as YYYY-MM-DD when it reads as a date.
    func values(_ list: [RecordFact], _ column: KeyPath<SourceColumns, Int?>, empty: String = "", prefix: String = "", suffix: String = "",
                dates: Bool = false) -> String {
        var seen: [String] = []
        for f in list {
            let v = dates ? ReconcileStage.dateText(value(f, column)) : value(f, column)
            if !v.isEmpty && !seen.contains(v) { seen.append(v) }
        }
        return seen.isEmpty ? empty : prefix + seen.joined(separator: "、") + suffix
    }

    // MARK: identity

    /// The resident hukou record the 学籍 records are compared with: one with the same ID when there is one.
    var referenceHukou: RecordFact? {
        var first: RecordFact? = nil
        for h in facts where h.kind == .hukouResident {
            if first == nil { first = h }
            guard let id = record(h).id?.normalized, !id.isEmpty else { continue }
            if facts.contains(where: { $0.isStatus && record($0).id?.normalized == id }) { return h }
        }
        return first
    }

    /// Why a 学籍 record's identity is wrong: its ID fails its check, its own birth date or sex disagree
    /// with its ID, or its name, birth date or sex differ from the hukou record's. ID numbers masked.
    func identityProblems(_ f: RecordFact, against hukou: RecordFact?) -> [String] {
        let r = record(f)
        var problems: [String] = []
        if r.flags.contains(.birthDateUnreadable) { problems.append("学籍出生日期「\(value(f, \.birthDate))」无法识别") }
        if let id = r.id {
            switch id.kind {
            case .invalid, .damaged:
                // The value to correct to: the hukou registration's number, when it has a valid one.
                let registered = hukou.flatMap { record($0).id }.flatMap { $0.isValid && $0.normalized != id.normalized ? $0.masked : nil }
                problems.append("学籍身份证件号无效（\(id.problemWords)）：\(id.masked)" + (registered.map { "，户籍登记为 \($0)，应按户口簿更正" } ?? ""))
            case .resident, .legacy:
                if let b = r.birthDate, let idb = id.birthDate, b != idb { problems.append("学籍出生日期 \(b) 与其身份证件号中的 \(idb) 不一致") }
                if let s = r.sex, let ids = id.sex, s != ids { problems.append("学籍性别「\(s.rawValue)」与其身份证件号不一致") }
            default: break
            }
        }
        guard let hukou else { return problems }
        let h = record(hukou)
        if let a = r.name, let b = h.name, !a.isPlaceholder, !b.isPlaceholder, a.normalized != b.normalized {
            problems.append("姓名不一致：学籍「\(a.normalized)」，户籍「\(b.normalized)」")
        }
        if let a = r.birthDate, let b = h.birthDate, a != b { problems.append("出生日期不一致：学籍 \(a)，户籍 \(b)") }
        if let a = r.sex, let b = h.sex ?? (h.id?.isValid == true ? h.id?.sex : nil), a != b {
            problems.append("性别不一致：学籍「\(a.rawValue)」，户籍「\(b.rawValue)」")
        }
        return problems
    }

    /// Why the person's resident hukou records are one child registered twice, or nil when they are not
    /// (the same ID twice in one household is one registration exported twice).
    func duplicateHukou() -> String? {
        let residents = facts.filter { $0.kind == .hukouResident }
        guard residents.count >= 2 else { return nil }
        var households: [String] = [], ids: [String] = []
        for f in residents {
            let h = value(f, \.householdID)
            if !h.isEmpty && !households.contains(h) { households.append(h) }
            if let id = record(f).id?.normalized, !id.isEmpty, !ids.contains(id) { ids.append(id) }
        }
        if households.count >= 2 { return "户籍在 \(households.count) 个户登记：户号 \(households.joined(separator: "、"))" }
        if ids.count >= 2 { return "户籍中以 \(ids.count) 个身份证件号登记：\(ids.map(maskID).joined(separator: "、"))" }
        if ctx.columns[residents[0].ref.source].householdID == nil { return "户籍中登记 \(residents.count) 次" }
        return nil
    }
}

extension ReconcileStage {
    /// `duplicate_hukou` between persons of the index: resident hukou records of two children (under 18) with the same
    /// name, birth date and sex and a shared parent (ID or name) but other ID numbers. Twins differ in name.
    /// Returns the findings (on the person of the first record) and, per person, the others it duplicates.
    static func duplicateHukouAcrossPersons(_ ctx: Context) -> ([Finding], [Int32: [Int32]]) {
        struct Key: Hashable { let name: String; let birth: Int; let male: Bool }
        var first: [Key: RecordRef] = [:]
        first.reserveCapacity(ctx.sources.reduce(0) { $0 + ($1.role == .hukou ? $1.records.count / 2 : 0) })
        var groups: [RecordRef: [RecordRef]] = [:]
        // Children only: the hukou exports hold the parents too.
        let adult = CivilDate(year: ctx.asOf.year - 18, month: ctx.asOf.month, day: min(ctx.asOf.day, 28)) ?? ctx.asOf
        for (s, source) in ctx.sources.enumerated() where source.role == .hukou {
            let cols = ctx.columns[s]
            guard cols.fatherID != nil || cols.motherID != nil || cols.fatherName != nil || cols.motherName != nil else { continue }
            for (i, r) in source.records.enumerated() {
                guard let birth = r.birthDate, birth > adult, let name = r.name, !name.isPlaceholder, let sex = r.sex,
                      ExportVocabulary.registration(cols.value(cols.registrationStatus, r)) == .resident else { continue }
                let ref = RecordRef(source: s, record: i)
                let key = Key(name: name.normalized, birth: birth.yyyymmdd, male: sex == .male)
                if let f = first[key] { groups[f, default: []].append(ref) } else { first[key] = ref }
            }
        }
        func person(_ ref: RecordRef) -> Int32 { ctx.index.personOf[ref.source][ref.record] }
        func parents(_ ref: RecordRef) -> [String] {
            let cols = ctx.columns[ref.source], r = ctx.sources[ref.source].records[ref.record]
            return [cols.fatherID, cols.motherID, cols.fatherName, cols.motherName].map { cols.value($0, r) }
        }
        /// A parent in common: the same father's (mother's) ID, or — where either lacks that ID — the
        /// same name; a parent whose IDs differ on both records rules it out (namesake fathers).
        func shareParent(_ a: [String], _ b: [String]) -> Bool {
            var shared = false
            for (id, name) in [(0, 2), (1, 3)] {
                if !a[id].isEmpty && !b[id].isEmpty {
                    if a[id] != b[id] { return false }
                    shared = true
                } else if !a[name].isEmpty && a[name] == b[name] {
                    shared = true
                }
            }
            return shared
        }
        var findings: [Finding] = []
        var twins: [Int32: [Int32]] = [:]
        for (head, others) in groups.sorted(by: { $0.key < $1.key }) {
            let hp = parents(head)
            let headID = ctx.sources[head.source].records[head.record].id?.normalized ?? ""
            let same = others.filter { o in
                let op = parents(o)
                let otherID = ctx.sources[o.source].records[o.record].id?.normalized ?? ""
                return person(o) != person(head) && otherID != headID && shareParent(hp, op)
            }
            guard !same.isEmpty else { continue }
            let members = [head] + same
            let ps = members.map(person)
            for p in ps { twins[p, default: []].append(contentsOf: ps.filter { $0 != p }) }
            let ids = members.compactMap { ctx.sources[$0.source].records[$0.record].id?.normalized }.filter { !$0.isEmpty }
            let priority = ps.contains { p in
                ctx.index.persons[Int(p)].members.contains { ctx.sources[$0.source].role.marksPriority }
                    || ctx.identity.possiblePriority(p, ctx.sources)
            }
            let headRecord = ctx.sources[head.source].records[head.record]
            let town = headRecord.town ?? ctx.columns[head.source].value(ctx.columns[head.source].town, headRecord)
            findings.append(Finding(code: .duplicateHukou, personID: ctx.index.persons[Int(person(head))].id, priority: priority,
                                    evidence: members.sorted(),
                                    detail: "同一儿童在户籍中以 \(members.count) 个身份证件号登记（\(ids.map(maskID).joined(separator: "、"))），姓名、出生日期、性别及父母相同"
                                        + ctx.identity.possibleNotes(person(head), ctx),
                                    town: town))
        }
        return (findings, twins)
    }
}
