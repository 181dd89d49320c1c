import Foundation
import Dispatch
import KCBXCore

/// A record after normalization: its identity fields typed and checked, its other values as read.
public struct NormalizedRecord: Sendable {
    /// What normalization found questionable about a record; recorded, never fixed.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// The record's own birth date differs from the one in its ID number.
        public static let birthDateDisagreesWithID = Flags(rawValue: 1 << 0)
        /// The record's own sex differs from the one the ID number's sequence gives.
        public static let sexDisagreesWithID = Flags(rawValue: 1 << 1)
        /// The 全国学籍号 (G + ID) or 残疾人证号 holds another ID number than `id_number`.
        public static let documentDisagreesWithID = Flags(rawValue: 1 << 2)
        /// The town is not in the district's list (`district.towns`).
        public static let unknownTown = Flags(rawValue: 1 << 3)
        /// The 学校标识码 is malformed or not in the school directory.
        public static let unknownSchool = Flags(rawValue: 1 << 4)
        /// The record's own birth date (`birth_date`) cannot be read: it stays unknown, and is not taken from the ID.
        public static let birthDateUnreadable = Flags(rawValue: 1 << 5)
    }

    /// 1-based record number in its file.
    public var recordNumber: Int {
        get { Int(storedRecordNumber) }
        set { storedRecordNumber = Int32(clamping: newValue) }
    }
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }
    // Millions of records are held: the fields are ordered so that the small ones fill the padding
    // after the larger (sex, flags, the 4-byte date and the record number after the 41-byte ID; the
    // line after the 65-byte name): 200 bytes a record, not 208.
    /// The identity number: from `id_number`, else from a `G` 学籍号 or a disability certificate.
    public var id: IDNumber?
    /// The record's own sex (`sex`); the ID's is `id?.sex`.
    public var sex: Sex?
    /// Disagreements and unknown codes found (each also described in `notes`).
    public var flags: Flags
    /// The record's own birth date (`birth_date`), else — when that column is blank or absent — the one in
    /// its ID number; nil when the record's own date cannot be read (``Flags/birthDateUnreadable``).
    public var birthDate: CivilDate?
    private var storedRecordNumber: Int32
    /// 全国学籍号, normalized.
    public var studentNumber: String?
    public var name: PersonName?
    private var storedLine: Int32
    /// Every value as read, aligned with the source's fields.
    public var values: RecordValues
    /// Problems found in the record's values (an ID's defects, an impossible date), for evidence.
    public var notes: [String]
    /// The district's town (镇街) the record's `town` names, as the pipeline file spells it; `nil`
    /// when the record has none or it is not in the list.
    public var town: String?
    /// 学校标识码, normalized to 10 ASCII digits; `nil` when absent or malformed.
    public var schoolCode: String?

    public init(recordNumber: Int, line: Int, id: IDNumber?, studentNumber: String?, name: PersonName?, sex: Sex?,
                birthDate: CivilDate?, values: RecordValues, notes: [String], town: String? = nil, schoolCode: String? = nil,
                flags: Flags = []) {
        storedRecordNumber = Int32(clamping: recordNumber); storedLine = Int32(clamping: line)
        self.id = id; self.studentNumber = studentNumber
        self.name = name; self.sex = sex; self.birthDate = birthDate; self.values = values; self.notes = notes
        self.town = town; self.schoolCode = schoolCode; self.flags = flags
    }

    /// A record with values standing alone (as tests make one).
    public init(recordNumber: Int, line: Int, id: IDNumber?, studentNumber: String?, name: PersonName?, sex: Sex?,
                birthDate: CivilDate?, values: [String], notes: [String], town: String? = nil, schoolCode: String? = nil,
                flags: Flags = []) {
        self.init(recordNumber: recordNumber, line: line, id: id, studentNumber: studentNumber, name: name, sex: sex,
                  birthDate: birthDate, values: RecordValues(values), notes: notes, town: town, schoolCode: schoolCode, flags: flags)
    }
}

/// One source after normalization.
public struct NormalizedSource: Sendable {
    public var source: String
    public var role: SourceRole
    public var fields: [CanonicalField]
    /// The file's own columns, the columns of a reject's raw values (see ``SourceTable/header``).
    public var header: [String]
    public var records: [NormalizedRecord]
    /// Ingest's rejects and normalization's own (rows with nothing to identify a child by).
    public var rejects: [Reject]
    public var rowsRead: Int { records.count + rejects.count }

    public init(source: String, role: SourceRole, fields: [CanonicalField], header: [String]? = nil,
                records: [NormalizedRecord], rejects: [Reject]) {
        self.source = source; self.role = role; self.fields = fields; self.header = header ?? fields.map(\.rawValue)
        self.records = records; self.rejects = rejects
    }

    /// The value of `field` in `record`, "" when the source does not map it.
    @inlinable public func value(_ field: CanonicalField, of record: NormalizedRecord) -> String {
        guard let i = fields.firstIndex(of: field) else { return "" }
        return record.values[i]
    }

    /// Position of `field` in each record's values.
    public func column(_ field: CanonicalField) -> Int? { fields.firstIndex(of: field) }
}

/// The normalize stage: checks and normalizes ID numbers, names, sex, dates, towns and school codes
/// of every record, in parallel over records.
public enum NormalizeStage {
    /// Normalizes every source without the pipeline file: towns are not matched (no list); school
    /// codes are checked against the `schools` sources among `tables`.
    public static func run(_ tables: [SourceTable]) -> [NormalizedSource] {
        run(tables, context: Context(tables: tables, towns: nil))
    }

    /// Normalizes every source, matching towns to `config.district.towns` and school codes to the
    /// school directory (the `schools` sources). Unknown towns and codes are notes, not rejects.
    public static func run(_ tables: [SourceTable], config: PipelineConfig) -> [NormalizedSource] {
        let towns = config.district.towns.isEmpty ? nil : TownMatcher(towns: config.district.towns, districtName: config.district.name)
        return run(tables, context: Context(tables: tables, towns: towns))
    }

    static func run(_ tables: [SourceTable], context: Context) -> [NormalizedSource] {
        tables.map { normalize($0, context: context) }
    }

    /// What every record is checked against.
    struct Context: Sendable {
        let names = NameNormalizer()
        let towns: TownMatcher?
        /// Codes of the school directory; empty when there is no `schools` source.
        let schools: Set<String>

        init(tables: [SourceTable], towns: TownMatcher?) {
            self.towns = towns
            var schools: Set<String> = []
            for table in tables where table.role == .schools {
                guard let c = table.column(.schoolCode) else { continue }
                for r in table.records { if let code = SchoolCode.normalize(r.values[c]) { schools.insert(code) } }
            }
            self.schools = schools
        }
    }

    /// Columns of one source.
    struct Columns {
        let id, student, cert, name, sex, birth, town, school: Int?
        init(_ t: SourceTable) {
            id = t.column(.idNumber); student = t.column(.studentNumber); cert = t.column(.disabilityCert)
            name = t.column(.name); sex = t.column(.sex); birth = t.column(.birthDate)
            town = t.column(.town); school = t.column(.schoolCode)
        }
        var identifies: Bool { id != nil || name != nil || student != nil || cert != nil }
    }

    static let chunk = 8192

    /// Normalizes one source. Workers write records straight into the result's storage, each in
    /// its chunk's slots; the few gaps left by rejects are closed by moving records down (no copy,
    /// no retain/release of millions of values).
    static func normalize(_ table: SourceTable, context: Context) -> NormalizedSource {
        let columns = Columns(table)
        let n = table.records.count
        let chunks = (n + chunk - 1) / chunk
        let results = ConcurrentResults<(count: Int, rejects: [Reject])>(count: chunks)
        let records = ParallelBuffer<NormalizedRecord>.makeArray(capacity: n) { slots in
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                var worker = Worker(context: context, columns: columns, checkSchools: table.role != .schools)
                var rejects: [Reject] = []
                let start = c * chunk
                var count = 0
                for raw in table.records[start..<min(n, start + chunk)] {
                    if worker.normalize(raw, into: slots, at: start + count) {
                        count += 1
                    } else {
                        rejects.append(Reject(recordNumber: raw.recordNumber, line: raw.line, raw: table.fileRow(raw.values),
                                              reason: "no ID number, student number or name to identify the child"))
                    }
                }
                results[c] = (count, rejects)
            }
            var filled = 0
            for (c, result) in results.values.enumerated() {
                let count = result?.count ?? 0
                if filled != c * chunk && count > 0 { slots.moveInitialize(filled, from: c * chunk, count: count) }
                filled += count
            }
            return filled
        }
        var rejects = table.rejects
        for case let result? in results.values { rejects.append(contentsOf: result.rejects) }
        rejects.sort { $0.recordNumber < $1.recordNumber }
        return NormalizedSource(source: table.source, role: table.role, fields: table.fields, header: table.header,
                                records: records, rejects: rejects)
    }

    /// One worker's state: its view of the character table and its memo of town spellings.
    struct Worker {
        let context: Context
        let columns: Columns
        let checkSchools: Bool
        var han: LocalHanTable
        var townMemo: [BytesKey: String?] = [:]

        init(context: Context, columns: Columns, checkSchools: Bool) {
            self.context = context; self.columns = columns; self.checkSchools = checkSchools
            han = LocalHanTable(HanTable.shared)
        }

        /// Normalizes `raw` into `slots[i]` (uninitialized, initialized when it returns `true`); `false`
        /// when nothing in the record identifies a child. Made in place: returned as an optional, each of
        /// the millions of records was copied on its way into the result, reference counts and all.
        mutating func normalize(_ raw: RawRecord, into slots: ParallelBuffer<NormalizedRecord>, at i: Int) -> Bool {
            let v = raw.values
            var notes: [String] = []
            var flags: NormalizedRecord.Flags = []
            var id: IDNumber? = nil
            if let c = columns.id, !v.isBlank(c) { id = IDNumber.parse(v[c]) }
            let own = id.map { $0.kind != .missing } ?? false
            var studentNumber: String? = nil
            if let c = columns.student, !v.isBlank(c) {
                let sn = StudentNumber.parse(v[c])
                if !sn.normalized.isEmpty { studentNumber = sn.normalized }
                if let fromSN = sn.idNumber {
                    if !own { id = fromSN } else if let id, id.isValid, fromSN.isValid, id.normalized != fromSN.normalized {
                        flags.insert(.documentDisagreesWithID)
                        notes.append("全国学籍号 holds another ID number (\(fromSN.masked)) than 身份证号 (\(id.masked))")
                    }
                }
            }
            if let c = columns.cert, !v.isBlank(c) {
                if let cert = DisabilityCertificate.parse(v[c]) {
                    if let problem = cert.problem { notes.append("残疾人证号: \(problem)") }
                    if id == nil || id?.kind == .missing { id = cert.idNumber } else if let id, id.isValid, cert.idNumber.isValid,
                        id.normalized != cert.idNumber.normalized {
                        flags.insert(.documentDisagreesWithID)
                        notes.append("残疾人证号 holds another ID number (\(cert.idNumber.masked)) than 身份证号 (\(id.masked))")
                    }
                } else {
                    notes.append("残疾人证号 is not 20 characters of ID + category + level")
                }
            }
            if let id, !id.defects.isEmpty { notes.append("ID: " + id.defects.map(\.rawValue).joined(separator: ",")) }
            var name: PersonName? = nil
            if let c = columns.name, !v.isBlank(c) { name = context.names.normalize(v[c], local: &han) }
            let sex = columns.sex.flatMap { Sex.parse(v[$0]) }
            var birthDate: CivilDate? = nil
            if let c = columns.birth {
                switch DateParser.parse(v[c]) {
                case .date(let d): birthDate = d
                case .empty: break
                case .invalid(let reason): notes.append("出生日期: \(reason)"); flags.insert(.birthDateUnreadable)
                }
            }
            // The ID's embedded birth date and sex against the record's own: recorded, never fixed.
            if let id, let idBirth = id.birthDate {
                if let own = birthDate, own != idBirth {
                    flags.insert(.birthDateDisagreesWithID)
                    notes.append("出生日期 \(own) disagrees with the ID number's \(idBirth)")
                }
            }
            if let sex, let idSex = id?.sex, sex != idSex {
                flags.insert(.sexDisagreesWithID)
                notes.append("性别 \(sex.rawValue) disagrees with the ID number's \(idSex.rawValue)")
            }
            // A blank birth date is the ID's; one written but unreadable stays unknown (reported, not guessed).
            if birthDate == nil && !flags.contains(.birthDateUnreadable) { birthDate = id?.birthDate }
            let town = matchTown(v, notes: &notes, flags: &flags)
            let schoolCode = checkSchool(v, notes: &notes, flags: &flags)
            let identifiable = (id.map { $0.kind != .missing } ?? false) || studentNumber != nil
                || (name.map { !$0.isPlaceholder } ?? false)
            if !identifiable && columns.identifies { return false }
            slots.initialize(i, to: NormalizedRecord(recordNumber: raw.recordNumber, line: raw.line, id: id, studentNumber: studentNumber,
                                                      name: name, sex: sex, birthDate: birthDate, values: v, notes: notes,
                                                      town: town, schoolCode: schoolCode, flags: flags))
            return true
        }

        mutating func matchTown(_ v: RecordValues, notes: inout [String], flags: inout NormalizedRecord.Flags) -> String? {
            guard let c = columns.town, !v.isBlank(c), let matcher = context.towns else { return nil }
            let raw = v[c]
            let town: String?
            if let memo = townMemo[BytesKey(raw)] { town = memo } else {
                town = matcher.match(raw)
                townMemo[BytesKey(raw)] = .some(town)
            }
            if town == nil {
                flags.insert(.unknownTown)
                notes.append("镇街 \(quoteSafely(raw)) is not one of the district's towns")
            }
            return town
        }

        func checkSchool(_ v: RecordValues, notes: inout [String], flags: inout NormalizedRecord.Flags) -> String? {
            guard let c = columns.school, !v.isBlank(c) else { return nil }
            guard let code = SchoolCode.normalize(v[c]) else {
                flags.insert(.unknownSchool)
                notes.append("学校标识码 \(quoteSafely(v[c])) is not a 10-digit code")
                return nil
            }
            if checkSchools && !context.schools.isEmpty && !context.schools.contains(code) {
                flags.insert(.unknownSchool)
                notes.append("学校标识码 \(code) is not in the school directory")
            }
            return code
        }
    }
}

/// A string keyed by its exact UTF-8 bytes: hashing skips the canonical-equivalence work a `String`
/// key does, which is what a memo of exact spellings needs.
struct BytesKey: Hashable {
    let text: String
    init(_ text: String) { self.text = text }
    static func == (a: BytesKey, b: BytesKey) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
    func hash(into hasher: inout Hasher) {
        var s = text
        // The bytes in one call (per-byte combine is slower).
        s.withByteView { $0.hash(into: &hasher) }
    }
}

extension NormalizedSource: BinaryCodable {
    /// Records per part of the stored form (parts are written and read in parallel).
    public static let recordsPerPart = 65_536

    /// Writes the source without its records: names, the file's header, the record count and the rejects.
    public func encodeOutline(to w: inout BinaryWriter) {
        w.write(source); w.write(role.rawValue); w.write(fields.map(\.rawValue)); w.write(header)
        w.write(records.count); w.write(rejects)
    }

    /// Reads what ``encodeOutline(to:)`` wrote: the source with no records yet, and how many it holds.
    public static func decodeOutline(_ r: inout BinaryReader) throws(BinaryReader.Corrupt) -> (source: NormalizedSource, records: Int) {
        let (source, role, fields) = try r.readSourceHeader()
        let header = try r.readStrings()
        let count = try r.readInt()
        guard count >= 0 else { throw .init() }
        return (NormalizedSource(source: source, role: role, fields: fields, header: header, records: [], rejects: try r.readRejects()), count)
    }

    /// Writes records `range`: each as its row in the value table it points into and what normalization
    /// found. An ID number or name that is exactly its record's value (nearly all) is written as a mark,
    /// not again.
    public func encodeRecords(_ range: Range<Int>, to w: inout BinaryWriter) {
        let idColumn = column(.idNumber), nameColumn = column(.name)
        func isOwnValue(_ text: String, _ values: RecordValues, _ column: Int?) -> Bool {
            guard let column else { return false }
            var text = text
            return text.withByteView { a in values.table.withUTF8(row: values.row, column: column) { b in a == b } }
        }
        // Each record is read where it lies (borrowed): a copy would retain and release all its strings.
        func encode(_ r: borrowing NormalizedRecord) {
            w.write(r.values.row); w.write(r.recordNumber); w.write(r.line)
            if let id = r.id {
                if id.raw == id.normalized && isOwnValue(id.normalized, r.values, idColumn) {
                    w.write(2)
                } else {
                    w.write(1)
                    w.write(id.normalized)
                    w.write(id.raw == id.normalized ? nil : id.raw)
                }
                w.write(id.kind.rawValue); w.write(id.defects.map(\.rawValue))
            } else {
                w.write(0)
            }
            w.write(r.studentNumber)
            if let n = r.name {
                if n.raw == n.normalized && isOwnValue(n.normalized, r.values, nameColumn) {
                    w.write(2)
                } else {
                    w.write(1)
                    w.write(n.normalized); w.write(n.raw == n.normalized ? nil : n.raw)
                }
                w.write(n.annotation); w.write(n.pinyin); w.write(n.isPlaceholder)
            } else {
                w.write(0)
            }
            w.write(r.sex?.rawValue)
            w.write(r.birthDate?.yyyymmdd ?? 0)
            w.write(r.notes)
            w.write(r.town); w.write(r.schoolCode); w.write(Int(r.flags.rawValue))
        }
        // Through a span, whose subscript lends the record in place (the array's returns a copy).
        let records = records.span
        for i in range { encode(records[i]) }
    }

    /// Reads `count` records written by ``encodeRecords(_:to:)``, their values pointing into `values`.
    public func decodeRecords(_ r: inout BinaryReader, count: Int, values: ValueTable,
                              into append: (NormalizedRecord) -> Void) throws(BinaryReader.Corrupt) {
        let idColumn = column(.idNumber), nameColumn = column(.name)
        /// The normalized text and the raw one: written out (1) or the record's own value (2).
        func text(_ form: Int, row: Int, column: Int?) throws(BinaryReader.Corrupt) -> (String, String) {
            guard form == 1 || form == 2 else { throw .init() }
            if form == 2 {
                guard let column else { throw .init() }
                let own = values[row, column]
                return (own, own)
            }
            let normalized = try r.readString()
            return (normalized, try r.readOptionalString() ?? normalized)
        }
        for _ in 0..<count {
            let row = try r.readInt(), recordNumber = try r.readInt(), line = try r.readInt()
            guard row >= 0, row < values.count else { throw .init() }
            var id: IDNumber? = nil
            let idForm = try r.readInt()
            if idForm != 0 {
                let (normalized, raw) = try text(idForm, row: row, column: idColumn)
                guard let kind = IDNumber.Kind(rawValue: try r.readString()) else { throw .init() }
                let defects = try r.readStrings().compactMap(IDNumber.Defect.init(rawValue:))
                id = IDNumber(raw: raw, normalized: normalized, kind: kind, defects: defects)
            }
            let studentNumber = try r.readOptionalString()
            var name: PersonName? = nil
            let nameForm = try r.readInt()
            if nameForm != 0 {
                let (normalized, raw) = try text(nameForm, row: row, column: nameColumn)
                name = PersonName(raw: raw, normalized: normalized, annotation: try r.readOptionalString(),
                                  pinyin: try r.readString(), isPlaceholder: try r.readBool())
            }
            let sex = try r.readOptionalString().flatMap(Sex.init(rawValue:))
            let birth = try r.readInt()
            let notes = try r.readStrings()
            let town = try r.readOptionalString(), schoolCode = try r.readOptionalString()
            let flags = try r.readInt()
            guard (0...255).contains(flags) else { throw .init() }
            append(NormalizedRecord(recordNumber: recordNumber, line: line, id: id, studentNumber: studentNumber, name: name,
                                    sex: sex, birthDate: birth == 0 ? nil : CivilDate(yyyymmdd: birth),
                                    values: values.record(row), notes: notes, town: town, schoolCode: schoolCode,
                                    flags: .init(rawValue: UInt8(flags))))
        }
    }

    /// The source standing alone: its outline, its records' values as one table, then its records.
    public func encode(to w: inout BinaryWriter) {
        var standalone = self
        var builder = ValueTable.Builder(width: fields.count)
        for r in records { builder.append(r.values) }
        let table = ValueTable(width: fields.count, segments: builder.finish())
        for i in standalone.records.indices { standalone.records[i].values = table.record(i) }
        standalone.encodeOutline(to: &w)
        w.write(table.segments.count)
        for segment in table.segments { w.write(segment) }
        standalone.encodeRecords(standalone.records.indices, to: &w)
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        var (source, count) = try NormalizedSource.decodeOutline(&r)
        var segments: [ValueTable.Segment] = []
        for _ in 0..<(try r.readCount()) { segments.append(try r.readSegment(width: source.fields.count)) }
        let table = ValueTable(width: source.fields.count, segments: segments)
        var records: [NormalizedRecord] = []
        records.reserveCapacity(count)
        try source.decodeRecords(&r, count: count, values: table) { records.append($0) }
        source.records = records
        self = source
    }
}
