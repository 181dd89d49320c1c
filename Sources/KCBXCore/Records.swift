/// One source's rows after ingest (the ingest stage's result): accepted records and rejects.
public struct SourceTable: Sendable {
    /// The source's `name` from the pipeline file.
    public var source: String
    public var role: SourceRole
    /// The canonical fields this source maps, in the order of each record's `values`.
    public var fields: [CanonicalField]
    public var records: [RawRecord]
    public var rejects: [Reject]
    /// Rows read: `records.count + rejects.count`.
    public var rowsRead: Int { records.count + rejects.count }

    public init(source: String, role: SourceRole, fields: [CanonicalField], records: [RawRecord] = [], rejects: [Reject] = []) {
        self.source = source; self.role = role; self.fields = fields; self.records = records; self.rejects = rejects
    }

    /// Position of `field` in `values`, if the source maps it.
    public func column(_ field: CanonicalField) -> Int? { fields.firstIndex(of: field) }
}

/// An accepted input row, as read (trimmed), before normalization.
public struct RawRecord: Sendable {
    /// 1-based record number in its file: data rows for CSV/XLSX (no header), elements for XML.
    public var recordNumber: Int
    /// The physical line where the record starts (XLSX: the sheet row).
    public var line: Int
    /// One value per mapped field, in ``SourceTable/fields`` order; empty when blank.
    public var values: [String]

    public init(recordNumber: Int, line: Int, values: [String]) {
        self.recordNumber = recordNumber; self.line = line; self.values = values
    }
}

/// An input row that could not be used, with where it was and why.
public struct Reject: Sendable {
    public var recordNumber: Int
    public var line: Int
    /// The raw values of the row, as read.
    public var raw: [String]
    public var reason: String

    public init(recordNumber: Int, line: Int, raw: [String], reason: String) {
        self.recordNumber = recordNumber; self.line = line; self.raw = raw; self.reason = reason
    }
}

/// A reference to one record held by a stage: the source's index in the pipeline file and the
/// record's position among that source's accepted records (not its record number in the file).
public struct RecordRef: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Index of the source in the pipeline file.
    public var source: Int
    /// Position among the source's accepted records.
    public var record: Int
    public init(source: Int, record: Int) { self.source = source; self.record = record }
    public static func < (a: RecordRef, b: RecordRef) -> Bool { (a.source, a.record) < (b.source, b.record) }
    public var description: String { "\(source)#\(record)" }
}
