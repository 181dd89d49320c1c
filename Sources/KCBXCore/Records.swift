/// One source's rows after ingest (the ingest stage's result): accepted records and rejects.
public struct SourceTable: Sendable {
    /// The source's `name` from the pipeline file.
    public var source: String
    public var role: SourceRole
    /// The canonical fields this source maps, in the order of each record's values.
    public var fields: [CanonicalField]
    /// The file's own columns as read (the CSV/XLSX header row, the XML record's element and attribute
    /// names): the columns of a reject's raw values.
    public var header: [String]
    /// For each of `fields`, its column in `header`.
    public var positions: [Int]
    /// The accepted records' values, one record per row, aligned with `fields`.
    public var values: ValueTable
    /// Each accepted record's record number and line (see ``RawRecord``).
    public var recordNumbers: [Int32]
    public var lines: [Int32]
    public var rejects: [Reject]
    /// Rows read: `records.count + rejects.count`.
    public var rowsRead: Int { values.count + rejects.count }

    public init(source: String, role: SourceRole, fields: [CanonicalField], header: [String], positions: [Int],
                values: ValueTable, recordNumbers: [Int32], lines: [Int32], rejects: [Reject]) {
        self.source = source; self.role = role; self.fields = fields; self.header = header; self.positions = positions
        self.values = values; self.recordNumbers = recordNumbers; self.lines = lines; self.rejects = rejects
    }

    /// A table of the given records (as tests make one); the file's header is taken to be the fields.
    public init(source: String, role: SourceRole, fields: [CanonicalField], records: [RawRecord] = [], rejects: [Reject] = []) {
        var builder = ValueTable.Builder(width: fields.count)
        for r in records { builder.append(r.values) }
        self.init(source: source, role: role, fields: fields, header: fields.map(\.rawValue), positions: Array(fields.indices),
                  values: ValueTable(width: fields.count, segments: builder.finish()),
                  recordNumbers: records.map { Int32(clamping: $0.recordNumber) }, lines: records.map { Int32(clamping: $0.line) },
                  rejects: rejects)
    }

    /// The accepted records.
    public var records: Records { Records(table: self) }

    /// Position of `field` in each record's values, if the source maps it.
    public func column(_ field: CanonicalField) -> Int? { fields.firstIndex(of: field) }

    /// The accepted records of a ``SourceTable``, as ``RawRecord``s made on access.
    public struct Records: RandomAccessCollection, Sendable {
        let table: SourceTable
        public var startIndex: Int { 0 }
        public var endIndex: Int { table.values.count }
        public subscript(i: Int) -> RawRecord {
            RawRecord(recordNumber: Int(table.recordNumbers[i]), line: Int(table.lines[i]), values: table.values.record(i))
        }
    }

    /// `values` (the mapped fields' values) placed in the file's columns, "" elsewhere: the raw row of a
    /// record that a later stage rejects.
    public func fileRow(_ values: some Collection<String>) -> [String] {
        var row = [String](repeating: "", count: header.count)
        for (value, p) in zip(values, positions) where p < row.count { row[p] = value }
        return row
    }
}

/// An accepted input row, as read (trimmed), before normalization.
public struct RawRecord: Sendable {
    /// 1-based record number in its file: data rows for CSV/XLSX (no header), elements for XML.
    public var recordNumber: Int
    /// The physical line where the record starts (XLSX: the sheet row).
    public var line: Int
    /// One value per mapped field, in ``SourceTable/fields`` order; empty when blank.
    public var values: RecordValues

    public init(recordNumber: Int, line: Int, values: RecordValues) {
        self.recordNumber = recordNumber; self.line = line; self.values = values
    }

    public init(recordNumber: Int, line: Int, values: [String]) {
        self.init(recordNumber: recordNumber, line: line, values: RecordValues(values))
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
