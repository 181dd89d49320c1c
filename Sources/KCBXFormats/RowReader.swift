import Foundation
import KCBXCore

/// Limits that keep hostile or broken input from exhausting memory.
public struct InputLimits: Sendable {
    /// Largest inflated size of a gzipped file (gzip-bomb guard).
    public var maxInflatedBytes: Int64 = 8 << 30
    /// Largest single record (a CSV line with its quoted line breaks, an XML record, an XLSX row).
    public var maxRecordBytes: Int = 8 << 20
    public init(maxInflatedBytes: Int64 = 8 << 30, maxRecordBytes: Int = 8 << 20) {
        self.maxInflatedBytes = maxInflatedBytes; self.maxRecordBytes = maxRecordBytes
    }
}

/// One data row of a tabular input, as read.
public struct Row: Sendable {
    /// Values aligned with the reader's ``RowReader/header``; missing trailing values are "".
    public var values: [String]
    /// 1-based record number: data rows (CSV/XLSX, header not counted) or record elements (XML).
    public var recordNumber: Int
    /// Physical line where the row starts (XLSX: sheet row number; XML: the element's line).
    public var line: Int
    /// Set when the row is malformed (e.g. "expected 12 fields, found 11"); the row should be rejected.
    public var problem: String?
    public init(values: [String], recordNumber: Int, line: Int, problem: String? = nil) {
        self.values = values; self.recordNumber = recordNumber; self.line = line; self.problem = problem
    }
}

/// A streaming reader of rows: CSV, XML records or an XLSX sheet. Memory is bounded by one record.
public protocol RowReader: AnyObject {
    /// Column names as found in the file (CSV/XLSX header row, trimmed) or the requested field names (XML).
    var header: [String] { get }
    /// The next row, or `nil` at the end. Throws a ``KCBXError`` (kind `.input`, with file and line) when
    /// the file cannot be read further.
    func next() throws(KCBXError) -> Row?
}
