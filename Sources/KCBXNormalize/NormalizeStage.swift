import Dispatch
import KCBXCore

/// A record after normalization: its identity fields typed and checked, its other values as read.
public struct NormalizedRecord: Sendable {
    /// 1-based record number in its file.
    public var recordNumber: Int
    public var line: Int
    /// The identity number: from `id_number`, else from a `G` 学籍号 or a disability certificate.
    public var id: IDNumber?
    /// 全国学籍号, normalized.
    public var studentNumber: String?
    public var name: PersonName?
    public var sex: Sex?
    /// The record's own birth date (`birth_date`), else the one in its ID number.
    public var birthDate: CivilDate?
    /// Every value as read, aligned with the source's fields.
    public var values: [String]
    /// Problems found in the record's values (an ID's defects, an impossible date), for evidence.
    public var notes: [String]

    public init(recordNumber: Int, line: Int, id: IDNumber?, studentNumber: String?, name: PersonName?, sex: Sex?,
                birthDate: CivilDate?, values: [String], notes: [String]) {
        self.recordNumber = recordNumber; self.line = line; self.id = id; self.studentNumber = studentNumber
        self.name = name; self.sex = sex; self.birthDate = birthDate; self.values = values; self.notes = notes
    }
}

/// One source after normalization.
public struct NormalizedSource: Sendable {
    public var source: String
    public var role: SourceRole
    public var fields: [CanonicalField]
    public var records: [NormalizedRecord]
    /// Ingest's rejects and normalization's own (rows with nothing to identify a child by).
    public var rejects: [Reject]
    public var rowsRead: Int { records.count + rejects.count }

    public init(source: String, role: SourceRole, fields: [CanonicalField], records: [NormalizedRecord], rejects: [Reject]) {
        self.source = source; self.role = role; self.fields = fields; self.records = records; self.rejects = rejects
    }

    /// The value of `field` in `record`, "" when the source does not map it.
    @inlinable public func value(_ field: CanonicalField, of record: NormalizedRecord) -> String {
        guard let i = fields.firstIndex(of: field) else { return "" }
        return record.values[i]
    }

    /// Position of `field` in each record's values.
    public func column(_ field: CanonicalField) -> Int? { fields.firstIndex(of: field) }
}

/// The normalize stage: checks and normalizes ID numbers, names, sex and dates of every record.
public enum NormalizeStage {
    /// Normalizes every source, in parallel over records.
    public static func run(_ tables: [SourceTable]) -> [NormalizedSource] {
        let names = NameNormalizer()
        return tables.map { normalize($0, names: names) }
    }

    static func normalize(_ table: SourceTable, names: NameNormalizer) -> NormalizedSource {
        let idCol = table.column(.idNumber), studentCol = table.column(.studentNumber)
        let certCol = table.column(.disabilityCert), nameCol = table.column(.name)
        let sexCol = table.column(.sex), birthCol = table.column(.birthDate)
        let chunk = 8192
        let chunks = (table.records.count + chunk - 1) / chunk
        let results = ConcurrentResults<([NormalizedRecord], [Reject])>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var records: [NormalizedRecord] = []
            var rejects: [Reject] = []
            records.reserveCapacity(chunk)
            for raw in table.records[(c * chunk)..<min(table.records.count, (c + 1) * chunk)] {
                var notes: [String] = []
                var id: IDNumber? = nil
                if let idCol, !raw.values[idCol].isEmpty { id = IDNumber.parse(raw.values[idCol]) }
                var studentNumber: String? = nil
                if let studentCol, !raw.values[studentCol].isEmpty {
                    let sn = StudentNumber.parse(raw.values[studentCol])
                    studentNumber = sn.normalized
                    if id == nil || id?.kind == .missing, let fromSN = sn.idNumber { id = fromSN }
                }
                if let certCol, !raw.values[certCol].isEmpty, id == nil || id?.kind == .missing {
                    if let cert = DisabilityCertificate.parse(raw.values[certCol]) { id = cert.idNumber } else {
                        notes.append("残疾人证号 is not 20 characters of ID + category + level")
                    }
                }
                if let id, !id.defects.isEmpty { notes.append("ID: " + id.defects.map(\.rawValue).joined(separator: ",")) }
                var name: PersonName? = nil
                if let nameCol, !raw.values[nameCol].isEmpty { name = names.normalize(raw.values[nameCol]) }
                let sex = sexCol.flatMap { Sex.parse(raw.values[$0]) }
                var birthDate: CivilDate? = nil
                if let birthCol {
                    switch DateParser.parse(raw.values[birthCol]) {
                    case .date(let d): birthDate = d
                    case .empty: break
                    case .invalid(let reason): notes.append("出生日期: \(reason)")
                    }
                }
                if birthDate == nil { birthDate = id?.birthDate }
                let identifiable = (id.map { $0.kind != .missing } ?? false) || studentNumber != nil
                    || (name.map { !$0.isPlaceholder } ?? false)
                if !identifiable && (idCol != nil || nameCol != nil || studentCol != nil || certCol != nil) {
                    rejects.append(Reject(recordNumber: raw.recordNumber, line: raw.line, raw: raw.values,
                                          reason: "no ID number, student number or name to identify the child"))
                    continue
                }
                records.append(NormalizedRecord(recordNumber: raw.recordNumber, line: raw.line, id: id, studentNumber: studentNumber,
                                                name: name, sex: sex, birthDate: birthDate, values: raw.values, notes: notes))
            }
            results[c] = (records, rejects)
        }
        var records: [NormalizedRecord] = []
        records.reserveCapacity(table.records.count)
        var rejects = table.rejects
        for r in results.values { records.append(contentsOf: r!.0); rejects.append(contentsOf: r!.1) }
        rejects.sort { $0.recordNumber < $1.recordNumber }
        return NormalizedSource(source: table.source, role: table.role, fields: table.fields, records: records, rejects: rejects)
    }
}

extension NormalizedSource: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(source); w.write(role.rawValue); w.write(fields.map(\.rawValue))
        w.write(records.count)
        for r in records {
            w.write(r.recordNumber); w.write(r.line)
            w.write(r.id != nil)
            if let id = r.id { w.write(id.raw); w.write(id.normalized); w.write(id.kind.rawValue); w.write(id.defects.map(\.rawValue)) }
            w.write(r.studentNumber)
            w.write(r.name != nil)
            if let n = r.name { w.write(n.raw); w.write(n.normalized); w.write(n.annotation); w.write(n.pinyin); w.write(n.isPlaceholder) }
            w.write(r.sex?.rawValue)
            w.write(r.birthDate?.yyyymmdd ?? 0)
            w.write(r.values); w.write(r.notes)
        }
        w.write(rejects.count)
        for r in rejects { w.write(r.recordNumber); w.write(r.line); w.write(r.raw); w.write(r.reason) }
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        let source = try r.readString()
        guard let role = SourceRole(rawValue: try r.readString()) else { throw .init() }
        var fields: [CanonicalField] = []
        for f in try r.readStrings() { guard let field = CanonicalField(rawValue: f) else { throw .init() }; fields.append(field) }
        let n = try r.readInt()
        var records: [NormalizedRecord] = []
        records.reserveCapacity(n)
        for _ in 0..<n {
            let recordNumber = try r.readInt(), line = try r.readInt()
            var id: IDNumber? = nil
            if try r.readBool() {
                let raw = try r.readString(), normalized = try r.readString()
                guard let kind = IDNumber.Kind(rawValue: try r.readString()) else { throw .init() }
                let defects = try r.readStrings().compactMap(IDNumber.Defect.init(rawValue:))
                id = IDNumber(raw: raw, normalized: normalized, kind: kind, defects: defects)
            }
            let studentNumber = try r.readOptionalString()
            var name: PersonName? = nil
            if try r.readBool() {
                name = PersonName(raw: try r.readString(), normalized: try r.readString(), annotation: try r.readOptionalString(),
                                  pinyin: try r.readString(), isPlaceholder: try r.readBool())
            }
            let sex = try r.readOptionalString().flatMap(Sex.init(rawValue:))
            let birth = try r.readInt()
            records.append(NormalizedRecord(recordNumber: recordNumber, line: line, id: id, studentNumber: studentNumber, name: name,
                                            sex: sex, birthDate: birth == 0 ? nil : CivilDate(yyyymmdd: birth),
                                            values: try r.readStrings(), notes: try r.readStrings()))
        }
        var rejects: [Reject] = []
        for _ in 0..<(try r.readInt()) {
            rejects.append(Reject(recordNumber: try r.readInt(), line: try r.readInt(), raw: try r.readStrings(), reason: try r.readString()))
        }
        self.init(source: source, role: role, fields: fields, records: records, rejects: rejects)
    }
}
