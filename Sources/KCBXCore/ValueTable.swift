/// The text values of a source's records, stored compactly: one byte buffer of UTF-8 and one end
/// offset per value, in segments of 65,536 records.
///
/// A million children's records as `[String]` rows cost several hundred bytes each in headers,
/// allocations and padding; here a record costs its text plus four bytes a value, and the stored
/// form is the buffers themselves, so saving and loading a stage result copies memory instead of
/// encoding millions of strings. Immutable once built (see ``Builder``) and shared, never copied,
/// by the stages that read it.
public final class ValueTable: Sendable {
    /// Records per segment (a power of two: a record's segment is `row >> segmentShift`).
    public static let rowsPerSegment = 1 << segmentShift
    static let segmentShift = 16
    /// The most bytes one record's values may take, so that a segment's offsets fit in 32 bits.
    public static let maxRecordBytes = 65_535

    /// One block of records: their values' UTF-8 back to back, and where each value ends.
    public struct Segment: Sendable {
        /// The values' UTF-8.
        public var bytes: [UInt8]
        /// End offset in `bytes` of value `row * width + column`; each value starts where the one before ends.
        public var ends: [UInt32]
        public init(bytes: [UInt8], ends: [UInt32]) { self.bytes = bytes; self.ends = ends }
    }

    /// Values per record.
    public let width: Int
    /// Records held.
    public let count: Int
    public let segments: [Segment]

    /// A table of `width` values per record, from its segments (as ``Builder`` or a stored result made them).
    public init(width: Int, segments: [Segment]) {
        self.width = width
        self.segments = segments
        count = width == 0 ? 0 : segments.reduce(0) { $0 + $1.ends.count / width }
    }

    /// A table holding `rows` (each with `width` values).
    public convenience init(width: Int, rows: [[String]]) {
        var builder = Builder(width: width)
        for row in rows { builder.append(row) }
        self.init(width: width, segments: builder.finish())
    }

    @inline(__always) func span(_ row: Int, _ column: Int) -> (segment: Int, start: Int, end: Int) {
        let s = row >> Self.segmentShift
        let k = (row & (Self.rowsPerSegment - 1)) * width + column
        let ends = segments[s].ends
        return (s, k == 0 ? 0 : Int(ends[k - 1]), Int(ends[k]))
    }

    /// Value `column` of record `row`, "" when blank.
    public subscript(row: Int, column: Int) -> String {
        let (s, start, end) = span(row, column)
        if start == end { return "" }
        return segments[s].bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
        }
    }

    /// The UTF-8 of value `column` of record `row`, without making a `String`.
    public func withUTF8<R>(row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let (s, start, end) = span(row, column)
        return try segments[s].bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Whether value `column` of record `row` is blank.
    public func isEmpty(row: Int, column: Int) -> Bool {
        let (_, start, end) = span(row, column)
        return start == end
    }

    /// Record `row`'s values.
    public func record(_ row: Int) -> RecordValues { RecordValues(table: self, row: row) }

    /// Builds a table record by record.
    public struct Builder: Sendable {
        public let width: Int
        private var finished: [Segment] = []
        private var bytes: [UInt8] = []
        private var ends: [UInt32] = []

        public init(width: Int) {
            self.width = width
            ends.reserveCapacity(ValueTable.rowsPerSegment * width)
        }

        /// Records appended so far.
        public var count: Int { width == 0 ? 0 : finished.count * ValueTable.rowsPerSegment + ends.count / width }

        /// Appends a record of `width` values. Returns `false` (and appends nothing) when they take more than
        /// ``ValueTable/maxRecordBytes`` bytes.
        @discardableResult
        public mutating func append<C: Collection<String>>(_ values: C) -> Bool {
            precondition(values.count == width, "a record of \(values.count) values in a table of width \(width)")
            var total = 0
            for v in values { total += v.utf8.count }
            guard total <= ValueTable.maxRecordBytes else { return false }
            for var v in values {
                v.withUTF8 { bytes.append(contentsOf: $0) }
                ends.append(UInt32(bytes.count))
            }
            if ends.count == ValueTable.rowsPerSegment * width { closeSegment() }
            return true
        }

        private mutating func closeSegment() {
            // Exact-size copies: a growing array holds up to twice what it needs.
            finished.append(Segment(bytes: Array(unsafeUninitializedCapacity: bytes.count) { buffer, n in
                _ = buffer.initialize(from: bytes); n = bytes.count
            }, ends: ends))
            bytes.removeAll(keepingCapacity: true)
            ends = []
            ends.reserveCapacity(ValueTable.rowsPerSegment * width)
        }

        /// The segments of the records appended.
        public consuming func finish() -> [Segment] {
            if !ends.isEmpty { closeSegment() }
            return finished
        }
    }
}

/// One record's values in a ``ValueTable``: a collection of `String`, aligned with its source's fields.
public struct RecordValues: RandomAccessCollection, Sendable {
    public let table: ValueTable
    /// The record's position in `table`.
    public let row: Int

    public init(table: ValueTable, row: Int) { self.table = table; self.row = row }

    /// Values standing alone (a record made by hand, as tests do).
    public init(_ values: [String]) {
        self.init(table: ValueTable(width: values.count, rows: [values]), row: 0)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { table.width }
    public subscript(position: Int) -> String { table[row, position] }
}

extension RecordValues: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: String...) { self.init(elements) }
}

extension RecordValues: Equatable {
    public static func == (a: RecordValues, b: RecordValues) -> Bool { a.elementsEqual(b) }
}

extension BinaryWriter {
    /// Writes a segment of a ``ValueTable``: its sizes, then its bytes and offsets as they are in memory
    /// (offsets little-endian, as on every machine kcbx runs on).
    public mutating func write(_ segment: ValueTable.Segment) {
        write(segment.bytes.count)
        write(segment.ends.count)
        append(raw: segment.bytes)
        segment.ends.withUnsafeBytes { append(raw: $0) }
    }
}

extension BinaryReader {
    /// Reads what ``BinaryWriter/write(_:)-segment`` wrote.
    public mutating func readSegment(width: Int) throws(Corrupt) -> ValueTable.Segment {
        let byteCount = try readInt(), endCount = try readInt()
        guard byteCount >= 0, endCount >= 0, width > 0 || endCount == 0, width == 0 || endCount % width == 0,
              endCount <= ValueTable.rowsPerSegment * max(width, 1) else { throw Corrupt() }
        let bytes = try readRaw(byteCount)
        let ends = try readRaw(endCount * 4).withUnsafeBytes { raw in
            [UInt32](unsafeUninitializedCapacity: endCount) { buffer, n in
                for i in 0..<endCount { buffer[i] = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)) }
                n = endCount
            }
        }
        var previous: UInt32 = 0
        for e in ends { guard e >= previous else { throw Corrupt() }; previous = e }
        guard Int(previous) <= byteCount else { throw Corrupt() }
        return ValueTable.Segment(bytes: bytes, ends: ends)
    }
}
