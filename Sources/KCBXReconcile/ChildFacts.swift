import KCBXCore
import KCBXLink
import KCBXNormalize

/// One reading of each child (一人一读): what reconcile decided a person's records say — birth date, town,
/// schooling, deferral, priority groups, the 学籍 record the lists show and the fields every list shows of
/// the child — kept with ``ReconcileResult`` so that the report reads the child as the rules did, never
/// reading the records again.
///
/// Rows are the persons the outputs count or name: every child born in the school-age cohort (by this
/// birth date), every pupil holding an active 学籍 (the bulletin's gross enrolment and pupils per school),
/// and every person with a finding. Rows are in person-index order. Struct of arrays, repeated words
/// (towns, schools, grades, classes, statuses, villages) kept once in ``words`` and named by position:
/// a million children cost about 110 bytes each.
public struct ChildFacts: Sendable {
    /// What the records say of a child's registration and schooling, one bit each.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// A resident hukou record (户籍状态 正常 or empty).
        public static let resident = Flags(rawValue: 1 << 0)
        /// Any hukou record.
        public static let hukouRecord = Flags(rawValue: 1 << 1)
        /// A hukou record registers the death (死亡).
        public static let dead = Flags(rawValue: 1 << 2)
        /// A hukou record says moved out, cancelled or missing (迁出, 注销, 失踪).
        public static let left = Flags(rawValue: 1 << 3)
        /// Any 学籍 record.
        public static let studentRecord = Flags(rawValue: 1 << 4)
        /// An active or suspended 学籍 (在籍).
        public static let enrolled = Flags(rawValue: 1 << 5)
        /// Every 在籍 record is 休学.
        public static let suspended = Flags(rawValue: 1 << 6)
        /// A 学籍 record says 辍学 (or 流失, 失学).
        public static let dropoutStatus = Flags(rawValue: 1 << 7)
        /// A 学籍 record says 转出 (or 转学).
        public static let transferred = Flags(rawValue: 1 << 8)
        /// On the 残联 list.
        public static let disabled = Flags(rawValue: 1 << 9)
        /// A valid 免于入学 exemption.
        public static let exempt = Flags(rawValue: 1 << 10)
        /// A valid deferral or exemption (有效期至 empty or on/after the as-of date; see ``ReconcileStage``).
        public static let deferral = Flags(rawValue: 1 << 11)
        /// The 残联 record says 送教上门.
        public static let homeTaught = Flags(rawValue: 1 << 12)
        /// On a department's list (扶贫, 残联, 民政, 司法) or the deferral approvals.
        public static let listed = Flags(rawValue: 1 << 13)
    }

    /// The priority groups (重点群体), one bit per group; the order is the bulletin's.
    public enum Group: Int, CaseIterable, Sendable {
        case poverty, lowIncome, extremePoverty, orphan, unsupported, leftBehind, disabled, prisonersChildren, migrant
        public var bit: UInt16 { 1 << UInt16(rawValue) }
    }

    /// The fields every list shows of a child, from the child's records in the order hukou, 学籍, 残联, 扶贫,
    /// 民政, 司法, 缓学免学, 考勤 (the first record that has each field); the birth date and town are the
    /// child's (``Child/birth``, ``Child/town``).
    public struct Description: Sendable {
        public var idNumber = "", name = "", sex = "", town = "", schoolCode = ""
        public var birthDate: CivilDate?
        /// From the 学籍 record: 年级, 班级. Contact fields where any record has them: 监护人 (else the hukou
        /// record's parents), 联系电话, 村居, 住址 (not an address that is only a region code).
        public var grade = "", className = "", guardian = "", phone = "", village = "", address = ""
        public init() {}
    }

    /// One child as read.
    public struct Child: Sendable {
        /// Position in the person index, and the person's id.
        public var person: Int32, personID: String
        public var flags: Flags
        /// The resident hukou record's birth date, else any hukou record's, else 学籍's, else any record's;
        /// else, when no record's own date can be read, the one in the child's ID number.
        public var birth: CivilDate?
        /// The resident hukou record's town (as the pipeline file spells it), else a moved-out one's; for a
        /// child no hukou record places, the school directory's town of the child's school; else any
        /// record's town; "" when nothing names one.
        public var town: String
        public var groups: UInt16
        /// The active 学籍 record's grade (1–9), nil when none or unreadable; its 学校标识码 as written.
        public var grade: Int?, schoolCode: String
        /// The region code (户籍地) of the child's first valid ID number, hukou first; "" without one.
        public var region: String
        /// The 学籍 record the lists show (the active one, else the transfer, else any): school name (the
        /// directory's, else the record's, else its code), 年级, 班级, 学籍状态 as written; "" without one.
        public var shownSchool: String, shownGrade: String, shownClass: String, shownStatus: String
        public var description: Description

        public var resident: Bool { flags.contains(.resident) }
        public var enrolled: Bool { flags.contains(.enrolled) }
        /// 外地就读: no active 学籍, a 转出 record and no 辍学 one (docs/bulletin.md).
        public var elsewhere: Bool { !enrolled && flags.contains(.transferred) && !flags.contains(.dropoutStatus) }
        /// 缓学免学: no active 学籍, not enrolled elsewhere, a valid approval.
        public var deferred: Bool { !enrolled && !elsewhere && flags.contains(.deferral) }
    }

    /// A pupil whose only hukou records say moved out, cancelled or missing (迁出/注销/失踪), with an active
    /// status: for the police to check. Each such hukou record with the active 学籍 record.
    public struct MovedOut: Sendable {
        public var person: String, hukou: RecordRef, status: RecordRef
        public init(person: String, hukou: RecordRef, status: RecordRef) { self.person = person; self.hukou = hukou; self.status = status }
    }

    /// 学校标识码 (as written) → the school's name (the first non-empty one of the directory and 学籍
    /// records) and town (the directory's).
    public var schools: [String: (name: String, town: String)] = [:]
    public var movedOut: [MovedOut] = []

    // The rows, one per child (see the type's comment).
    var person: [Int32] = [], personID: [String] = [], flags: [UInt32] = [], birth: [Int32] = []
    var groups: [UInt16] = [], grade: [UInt8] = []
    /// Positions in ``words``.
    var town: [UInt32] = [], school: [UInt32] = [], shown: [UInt32] = [], described: [UInt32] = []
    /// The fields of ``Description`` kept as strings: ID number, name, 监护人, 联系电话, 住址.
    var idNumber: [String] = [], name: [String] = [], guardian: [String] = [], phone: [String] = [], address: [String] = []
    /// The repeated words, each once; 0 is "".
    var words: [String] = [""]

    public init() {}

    public var count: Int { person.count }

    /// The child of row `i`.
    public subscript(i: Int) -> Child {
        let s = Int(shown[4 * i]), d = 4 * i
        var desc = Description()
        desc.idNumber = idNumber[i]; desc.name = name[i]; desc.guardian = guardian[i]; desc.phone = phone[i]; desc.address = address[i]
        desc.sex = words[Int(described[d])]; desc.schoolCode = words[Int(described[d + 1])]
        desc.grade = words[Int(described[d + 2])]; desc.className = words[Int(described[d + 3])]
        let b = birth[i] == 0 ? nil : CivilDate(yyyymmdd: Int(birth[i]))
        desc.birthDate = b
        let t = words[Int(town[i])]
        desc.town = t
        desc.village = words[Int(village[i])]
        return Child(person: person[i], personID: personID[i], flags: Flags(rawValue: flags[i]), birth: b, town: t, groups: groups[i],
                     grade: grade[i] == 0 ? nil : Int(grade[i]), schoolCode: words[Int(school[i])], region: words[Int(region[i])],
                     shownSchool: words[s], shownGrade: words[Int(shown[d + 1])], shownClass: words[Int(shown[d + 2])],
                     shownStatus: words[Int(shown[d + 3])], description: desc)
    }

    var village: [UInt32] = [], region: [UInt32] = []

    /// The position in the person index of row `i`.
    public func person(at i: Int) -> Int32 { person[i] }
    /// The person id of row `i`.
    public func personID(at i: Int) -> String { personID[i] }

    /// The row of each of `personIDs` (ids without a row are left out).
    public func rows(of personIDs: Set<String>) -> [String: Int] {
        var out: [String: Int] = [:]
        out.reserveCapacity(personIDs.count)
        for (i, id) in personID.enumerated() where personIDs.contains(id) { out[id] = i }
        return out
    }

    // MARK: building

    /// The position of `w` in ``words``, added when new (`index`: word → position).
    mutating func word(_ w: String, _ index: inout [String: UInt32]) -> UInt32 {
        if w.isEmpty { return 0 }
        if let i = index[w] { return i }
        let i = UInt32(words.count)
        words.append(w); index[w] = i
        return i
    }

    /// Appends `child`, sharing the repeated words through `index`.
    mutating func append(_ c: Child, index: inout [String: UInt32]) {
        person.append(c.person); personID.append(c.personID); flags.append(c.flags.rawValue)
        birth.append(Int32(c.birth?.yyyymmdd ?? 0)); groups.append(c.groups); grade.append(UInt8(c.grade ?? 0))
        town.append(word(c.town, &index)); school.append(word(c.schoolCode, &index))
        shown += [word(c.shownSchool, &index), word(c.shownGrade, &index), word(c.shownClass, &index), word(c.shownStatus, &index)]
        let d = c.description
        described += [word(d.sex, &index), word(d.schoolCode, &index), word(d.grade, &index), word(d.className, &index)]
        village.append(word(d.village, &index)); region.append(word(c.region, &index))
        idNumber.append(d.idNumber); name.append(d.name); guardian.append(d.guardian); phone.append(d.phone); address.append(d.address)
    }

    /// Appends the rows of `other` (built apart, on another core), its words renumbered into these.
    mutating func append(contentsOf o: ChildFacts, index: inout [String: UInt32]) {
        var map = [UInt32](repeating: 0, count: o.words.count)
        for (i, w) in o.words.enumerated() where i > 0 { map[i] = word(w, &index) }
        person += o.person; personID += o.personID; flags += o.flags; birth += o.birth; groups += o.groups; grade += o.grade
        town += o.town.lazy.map { map[Int($0)] }; school += o.school.lazy.map { map[Int($0)] }
        shown += o.shown.lazy.map { map[Int($0)] }; described += o.described.lazy.map { map[Int($0)] }
        village += o.village.lazy.map { map[Int($0)] }; region += o.region.lazy.map { map[Int($0)] }
        idNumber += o.idNumber; name += o.name; guardian += o.guardian; phone += o.phone; address += o.address
    }
}

extension ChildFacts: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(person); w.write(personID); w.write(flags.map { Int32(bitPattern: $0) }); w.write(birth)
        w.write(groups.map { Int32($0) }); w.write(grade.map { Int32($0) })
        for a in [town, school, shown, described, village, region] { w.write(a.map { Int32(bitPattern: $0) }) }
        for a in [idNumber, name, guardian, phone, address] { w.write(a) }
        w.write(words)
        let codes = schools.keys.sorted()
        w.write(codes); w.write(codes.map { schools[$0]!.name }); w.write(codes.map { schools[$0]!.town })
        w.write(movedOut.count)
        for m in movedOut { w.write(m.person); w.write(m.hukou.source); w.write(m.hukou.record); w.write(m.status.source); w.write(m.status.record) }
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        person = try r.readInt32s(); personID = try r.readStrings()
        flags = try r.readInt32s().map { UInt32(bitPattern: $0) }; birth = try r.readInt32s()
        groups = try r.readInt32s().map { UInt16(truncatingIfNeeded: $0) }; grade = try r.readInt32s().map { UInt8(truncatingIfNeeded: $0) }
        func words() throws(BinaryReader.Corrupt) -> [UInt32] { try r.readInt32s().map { UInt32(bitPattern: $0) } }
        town = try words(); school = try words(); shown = try words(); described = try words(); village = try words(); region = try words()
        idNumber = try r.readStrings(); name = try r.readStrings(); guardian = try r.readStrings(); phone = try r.readStrings()
        address = try r.readStrings()
        self.words = try r.readStrings()
        let n = person.count
        guard [personID.count, flags.count, birth.count, groups.count, grade.count, town.count, school.count, village.count, region.count,
               idNumber.count, name.count, guardian.count, phone.count, address.count].allSatisfy({ $0 == n }),
              shown.count == 4 * n, described.count == 4 * n,
              [town, school, shown, described, village, region].allSatisfy({ Int($0.max() ?? 0) < self.words.count }) else { throw .init() }
        let codes = try r.readStrings(), names = try r.readStrings(), towns = try r.readStrings()
        guard codes.count == names.count, codes.count == towns.count else { throw .init() }
        for (i, c) in codes.enumerated() { schools[c] = (names[i], towns[i]) }
        for _ in 0..<(try r.readInt()) {
            let p = try r.readString()
            movedOut.append(MovedOut(person: p, hukou: RecordRef(source: try r.readInt(), record: try r.readInt()),
                                     status: RecordRef(source: try r.readInt(), record: try r.readInt())))
        }
    }
}

extension ChildFacts {
    /// 学校标识码 (as written) → name and town, from the school directory (学校名录) and the 学籍 records:
    /// the first non-empty name of each code; the town from the directory only.
    public static func schools(_ sources: [NormalizedSource]) -> [String: (name: String, town: String)] {
        var schools: [String: (name: String, town: String)] = [:]
        for source in sources where source.role == .schools || source.role == .studentStatus {
            guard let code = source.column(.schoolCode) else { continue }
            let nameCol = source.column(.schoolName), townCol = source.role == .schools ? source.column(.town) : nil
            for r in source.records where !r.values[code].isEmpty {
                let old = schools[r.values[code]] ?? ("", "")
                let name = old.name.isEmpty ? nameCol.map { r.values[$0] } ?? "" : old.name
                let town = old.town.isEmpty ? townCol.map { r.values[$0] } ?? "" : old.town
                schools[r.values[code]] = (name, town)
            }
        }
        return schools
    }

    /// The order in which a child's records give the fields shown: hukou, 学籍, 残联, 扶贫, 民政, 司法, 缓学免学, 考勤.
    static func rank(_ role: SourceRole) -> Int {
        switch role {
        case .hukou: 0
        case .studentStatus: 1
        case .disability: 2
        case .poverty: 3
        case .welfare: 4
        case .justice: 5
        case .deferral: 6
        case .attendance: 7
        case .schools: 8
        }
    }
}

extension ChildFacts.Group {
    init(_ g: ExportVocabulary.WelfareGroup) {
        switch g {
        case .lowIncome: self = .lowIncome
        case .extremePoverty: self = .extremePoverty
        case .orphan: self = .orphan
        case .unsupported: self = .unsupported
        case .leftBehind: self = .leftBehind
        }
    }
}

extension PersonCase {
    /// Adds this person's row to `children` when the outputs count or name them: a child born in the
    /// school-age cohort, a pupil with an active 学籍, or a person with a finding (`found`); and the
    /// pupil's moved-out hukou records to `movedOut`.
    func read(into children: inout ChildFacts, words: inout [String: UInt32], movedOut: inout [ChildFacts.MovedOut], found: Bool) {
        let birth = self.birth ?? view.birthDate
        let inCohort = birth.map(ctx.cohort.contains) ?? false
        guard inCohort || n.active > 0 || found else { return }
        let moved = n.active > 0 && n.resident == 0 && n.gone > 0
        children.append(child(birth: birth, describe: inCohort || found || moved), index: &words)
        if moved, let status = facts.first(where: { $0.kind == .statusActive }) {
            for f in facts where f.kind == .hukouGone { movedOut.append(.init(person: person.id, hukou: f.ref, status: status.ref)) }
        }
    }

    /// The child as the outputs read it (``ChildFacts/Child``), from the facts the rules read; `describe`:
    /// with the fields the lists show (else those are left empty).
    func child(birth: CivilDate?, describe: Bool) -> ChildFacts.Child {
        typealias F = ChildFacts.Flags
        var flags: F = []
        if n.resident > 0 { flags.insert(.resident) }
        if n.resident + n.dead + n.gone > 0 { flags.insert(.hukouRecord) }
        if n.dead > 0 { flags.insert(.dead) }
        if n.gone > 0 { flags.insert(.left) }
        if n.status > 0 { flags.insert(.studentRecord) }
        if n.dropout > 0 { flags.insert(.dropoutStatus) }
        if n.transferred > 0 { flags.insert(.transferred) }
        if n.validDeferral > 0 { flags.insert(.deferral) }
        if n.exemption > 0 { flags.insert(.exempt) }
        var groups: UInt16 = 0
        var active: RecordFact? = nil, transfer: RecordFact? = nil, anyStatus: RecordFact? = nil, suspendedOnly = true
        for f in facts {
            switch f.kind {
            case .statusActive:
                if active == nil { active = f }
                if !f.suspended { suspendedOnly = false }
            case .statusTransferred: if transfer == nil { transfer = f }
            case .disability:
                flags.formUnion([.disabled, .listed]); groups |= ChildFacts.Group.disabled.bit
                if f.homeTaught { flags.insert(.homeTaught) }
            case .poverty: flags.insert(.listed); groups |= ChildFacts.Group.poverty.bit
            case .welfare:
                flags.insert(.listed)
                for g in ExportVocabulary.welfareGroups(view.value(f, \.category)) { groups |= ChildFacts.Group(g).bit }
            case .justice: flags.insert(.listed); groups |= ChildFacts.Group.prisonersChildren.bit
            case .deferralValid, .deferralExpired, .deferralUnreadable: flags.insert(.listed)
            default: break
            }
            if f.isStatus && anyStatus == nil { anyStatus = f }
        }
        if active != nil {
            flags.insert(.enrolled)
            if suspendedOnly { flags.insert(.suspended) }
        }
        if !flags.contains(.hukouRecord) && flags.contains(.studentRecord) { groups |= ChildFacts.Group.migrant.bit }
        var child = ChildFacts.Child(
            person: p, personID: person.id, flags: flags, birth: birth, town: view.town(school: view.activeSchool), groups: groups,
            grade: active.flatMap { ExportVocabulary.grade(view.value($0, \.grade)) }, schoolCode: active.map { view.value($0, \.schoolCode) } ?? "",
            region: view.regionCode ?? "",
            shownSchool: "", shownGrade: "", shownClass: "", shownStatus: "", description: .init())
        if let f = active ?? transfer ?? anyStatus {
            let code = view.value(f, \.schoolCode)
            let name = ctx.schoolDirectory[code]?.name ?? view.value(f, \.schoolName)
            child.shownSchool = name.isEmpty ? code : name
            child.shownGrade = view.value(f, \.grade); child.shownClass = view.value(f, \.className); child.shownStatus = view.value(f, \.status)
        }
        if describe { child.description = description(birth: birth, town: child.town) }
        return child
    }

    /// The fields the lists show (``ChildFacts/Description``).
    func description(birth: CivilDate?, town: String) -> ChildFacts.Description {
        var d = ChildFacts.Description()
        d.birthDate = birth
        d.town = town
        let ordered = facts.sorted { (ChildFacts.rank(ctx.columns[$0.ref.source].role), $0.ref) < (ChildFacts.rank(ctx.columns[$1.ref.source].role), $1.ref) }
        var placeholder = ""
        for f in ordered {
            let r = view.record(f), role = ctx.columns[f.ref.source].role
            if d.idNumber.isEmpty, let id = r.id, id.kind != .missing { d.idNumber = id.shown }
            // A placeholder (无名, 不详) is shown only when no record names the child.
            if d.name.isEmpty, let n = r.name {
                if !n.isPlaceholder { d.name = n.normalized } else if placeholder.isEmpty { placeholder = n.normalized }
            }
            if d.sex.isEmpty, let s = r.sex ?? (r.id?.isValid == true ? r.id?.sex : nil) { d.sex = s.rawValue }
            if d.schoolCode.isEmpty, role == .studentStatus || role == .attendance { d.schoolCode = view.value(f, \.schoolCode) }
            if role == .studentStatus, d.grade.isEmpty, d.className.isEmpty { d.grade = view.value(f, \.grade); d.className = view.value(f, \.className) }
            if d.guardian.isEmpty { d.guardian = view.value(f, \.guardianName) }
            if d.phone.isEmpty { d.phone = view.value(f, \.phone) }
            if d.village.isEmpty, role != .schools { d.village = view.value(f, \.village) }
            // An address that is only a region code (学籍's 户口所在地 370783) says nothing to a visitor.
            if d.address.isEmpty, role != .schools {
                let a = view.value(f, \.address)
                if !a.allSatisfy(\.isNumber) { d.address = a }
            }
        }
        if d.name.isEmpty { d.name = placeholder }
        if d.guardian.isEmpty {
            // The parents named in the hukou record stand in for a guardian no record names.
            for f in ordered where ctx.columns[f.ref.source].role == .hukou {
                let parents = [("父", view.value(f, \.fatherName)), ("母", view.value(f, \.motherName))].filter { !$0.1.isEmpty }
                if !parents.isEmpty { d.guardian = parents.map { "\($0.1)（\($0.0)）" }.joined(separator: "、"); break }
            }
        }
        return d
    }
}
