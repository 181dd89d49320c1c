import Foundation
import KCBXCore

/// Limits that keep hostile or broken input from exhausting memory.
public struct InputLimits: Sendable {
    /// Largest inflated size of a gzipped file or an XLSX part, absolute (gzip-bomb guard).
    public var maxInflatedBytes: Int64 = 8 << 30
    /// When > 0, the inflated size may also be at most this many times the compressed file's size (but
    /// never less than ``minInflatedBytes``): the default guard, so that a 5 MB gzip of blank lines is
    /// refused after 500 MB rather than after 8 GiB. Real exports inflate 5–20 times.
    public var maxInflationRatio: Int64 = 0
    /// The ratio's floor: small files may always inflate this far.
    public static let minInflatedBytes: Int64 = 64 << 20
    /// Largest single record (a CSV line with its quoted line breaks, an XML record, an XLSX row).
    public var maxRecordBytes: Int = 8 << 20
    /// The longest reading one file may take, in seconds, from when it is opened (0: no limit).
    public var maxReadSeconds: Int = 0
    public init(maxInflatedBytes: Int64 = 8 << 30, maxInflationRatio: Int64 = 0, maxRecordBytes: Int = 8 << 20, maxReadSeconds: Int = 0) {
        self.maxInflatedBytes = maxInflatedBytes; self.maxInflationRatio = maxInflationRatio; self.maxRecordBytes = maxRecordBytes
        self.maxReadSeconds = maxReadSeconds
    }

    /// When reading a file opened now must stop, with ``maxReadSeconds``; nil without a limit.
    func deadline() -> ReadDeadline? { maxReadSeconds > 0 ? ReadDeadline(seconds: maxReadSeconds) : nil }

    /// The inflation limit for a compressed file of `compressedBytes`.
    public func inflatedLimit(compressedBytes: Int64) -> Int64 {
        guard maxInflationRatio > 0 else { return maxInflatedBytes }
        let (scaled, overflow) = compressedBytes.multipliedReportingOverflow(by: maxInflationRatio)
        return min(maxInflatedBytes, max(Self.minInflatedBytes, overflow ? .max : scaled))
    }

    /// How the limit reads in a message: `1.2 GB (100 times the file's size)` or the absolute limit.
    public func describeLimit(compressedBytes: Int64) -> String {
        let limit = inflatedLimit(compressedBytes: compressedBytes)
        let mb = ByteSource.describe(limit)
        return maxInflationRatio > 0 && limit < maxInflatedBytes
            ? "\(mb) (\(maxInflationRatio) times the compressed file, rules.max_inflated_mb not set)" : "\(mb) (rules.max_inflated_mb)"
    }
}

/// The time budget of reading one file: checked at every block read (a few hundred kilobytes), so a
/// file that would take hours stops with a message instead.
struct ReadDeadline {
    let seconds: Int
    private let end: UInt64

    init(seconds: Int) {
        self.seconds = seconds
        end = DispatchTime.now().uptimeNanoseconds + UInt64(seconds) * 1_000_000_000
    }

    func check(_ file: String) throws(KCBXError) {
        guard DispatchTime.now().uptimeNanoseconds > end else { return }
        let minutes = seconds % 60 == 0 ? "\(seconds / 60) minute\(seconds == 60 ? "" : "s")" : "\(seconds) seconds"
        throw KCBXError(.input, "reading this file took longer than \(minutes) (rules.max_read_minutes); a broken or hostile export? Raise the limit only if the file really is that large", file: file)
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

/// One data row as the reader holds it: each value's UTF-8 (trimmed, as ``Row/values`` would hold it),
/// without making strings. The bytes belong to the reader and are valid only while the row is handed
/// out (during the call to the `body` of ``RowReader/forEachRow(_:)``).
public struct RawRow {
    /// Each value's UTF-8, aligned with the reader's header; a row may have fewer values (the rest are
    /// blank) or, when ``problem`` is set, more. Views of the reader's bytes (no String per value), valid
    /// during the callback.
    public var fields: [ByteView] = []
    public var recordNumber = 0
    public var line = 0
    /// Set when the row is malformed; the row should be rejected.
    public var problem: String?

    public init() {}

    /// Whether value `k` is blank (or missing).
    @inline(__always) public func isBlank(_ k: Int) -> Bool { k >= fields.count || fields[k].isEmpty }

    /// The first character of value `k` that no export field may hold — a control character other than
    /// tab and line breaks (NUL, U+0001–U+001F, DEL, U+0080–U+009F) or a bidirectional override or
    /// isolate (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F) — as `U+XXXX`, or nil when it has none.
    public func forbiddenCharacter(_ k: Int) -> String? {
        guard k < fields.count else { return nil }
        let f = fields[k]
        var i = 0
        while i < f.count {
            let b = f[i]
            if b < 0x20 {
                if b != 0x09 && b != 0x0A && b != 0x0D { return Self.codePoint(UInt32(b)) }
            } else if b == 0x7F {
                return Self.codePoint(0x7F)
            } else if b == 0xC2, i + 1 < f.count, f[i + 1] >= 0x80 && f[i + 1] <= 0x9F {
                return Self.codePoint(UInt32(f[i + 1]))
            } else if b == 0xE2, i + 2 < f.count {
                let c = f[i + 1], d = f[i + 2]
                if (c == 0x80 && (d == 0x8E || d == 0x8F || (d >= 0xAA && d <= 0xAE))) || (c == 0x81 && d >= 0xA6 && d <= 0xA9) {
                    return Self.codePoint(0x2000 + UInt32(c & 0x3F) << 6 + UInt32(d & 0x3F))
                }
            }
            i += 1
        }
        return nil
    }

    static func codePoint(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The values as strings (for a reject, or the ``Row`` of ``RowReader/next()``).
    public var values: [String] { fields.map(\.string) }

    /// The row as a ``Row``, its values copied into strings.
    public var row: Row { Row(values: values, recordNumber: recordNumber, line: line, problem: problem) }
}

/// A streaming reader of rows: CSV, XML records or an XLSX sheet. Memory is bounded by one record.
public protocol RowReader: AnyObject {
    /// Column names as found in the file (CSV/XLSX header row, trimmed) or the requested field names (XML).
    var header: [String] { get }
    /// The next row, or `nil` at the end. Throws a ``KCBXError`` (kind `.input`, with file and line) when
    /// the file cannot be read further.
    func next() throws(KCBXError) -> Row?
    /// Reads every remaining row, handing each to `body` as bytes: the bulk path of the ingest stage,
    /// which copies the values it keeps without making a string of each. Throws as ``next()`` does.
    func forEachRow(_ body: (RawRow) -> Void) throws(KCBXError)
}

extension RowReader {
    /// The rows of ``next()``, their strings' UTF-8 handed out as bytes (for readers with no byte path).
    public func forEachRow(_ body: (RawRow) -> Void) throws(KCBXError) {
        var raw = RawRow()
        var bytes: [UInt8] = [], ends: [Int] = []
        while let row = try next() {
            raw.recordNumber = row.recordNumber
            raw.line = row.line
            raw.problem = row.problem
            bytes.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            for value in row.values {
                bytes.append(contentsOf: value.utf8)
                ends.append(bytes.count)
            }
            bytes.withView { all in
                raw.fields.removeAll(keepingCapacity: true)
                var start = 0
                for end in ends {
                    raw.fields.append(all.extracting(start..<end))
                    start = end
                }
                body(raw)
            }
        }
    }
}

/// `column 2 `姓名``, `columns 2 `姓名`, 5 `住址``: the fields `indices` (0-based) of a row as a reject
/// reason names them, by position and header.
func columnsPhrase(_ indices: [Int], header: [String]) -> String {
    let labels = indices.map { k in k < header.count ? "\(k + 1) `\(header[k])`" : "\(k + 1)" }
    return "column\(labels.count > 1 ? "s" : "") \(labels.joined(separator: ", "))"
}
