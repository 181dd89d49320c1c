/// The text values of a source's records, stored compactly: one byte buffer of UTF-8 and one end
/// offset per value, in segments of 65,536 records.
///
/// A million children's records as `[String]` rows cost several hundred bytes each in headers,
/// allocations and padding; here a record costs its text, four bytes and two a value, and the stored
/// form is the buffers themselves, so saving and loading a stage result copies memory instead of
/// encoding millions of strings. Immutable once built (see ``Builder``) and shared, never copied,
/// by the stages that read it.
///
/// `@unchecked Sendable`: besides its immutable segments the table holds only pointers into their
/// buffers, taken once, which are read and never written.
/// unsafe: immutable segments read from many threads; the pointers below point into them
public final class ValueTable: @unchecked Sendable {
    /// Records per segment (a power of two: a record's segment is `row >> segmentShift`).
    public static let rowsPerSegment = 1 << segmentShift
    static let segmentShift = 16
    /// The most bytes one record's values may take, so that a segment's offsets fit in 32 bits.
    public static let maxRecordBytes = 65_535

    /// One block of records: their values' UTF-8 back to back, where each record starts, and where each
    /// value ends within its record.
    public struct Segment: Sendable {
        /// The values' UTF-8.
        public var bytes: [UInt8]
        /// Offset in `bytes` of each record.
        public var starts: [UInt32]
        /// End of value `row * width + column`, counted from its record's start; each value starts
        /// where the one before it in the record ends.
        public var ends: [UInt16]
        public init(bytes: [UInt8], starts: [UInt32], ends: [UInt16]) { self.bytes = bytes; self.starts = starts; self.ends = ends }
    }

    /// Values per record.
    public let width: Int
    /// Records held.
    public let count: Int
    public let segments: [Segment]
    /// Each segment's buffers as pointers, taken once: the segments never change while the table holds
    /// them, so their storage stays where it is. Reading through them costs no reference counting, which
    /// on millions of values read by both cores at once is no small cost (the counts are shared).
    /// unsafe: hot path: every field read goes through pointers into the immutable segments (no array bounds/retain per read)
    private let views: UnsafeMutablePointer<SegmentView>

    private struct SegmentView {
        // unsafe: hot path: every field read goes through pointers into the immutable segments (no array bounds/retain per read)
        let bytes: UnsafePointer<UInt8>?
        let starts: UnsafePointer<UInt32>?
        let ends: UnsafePointer<UInt16>?
    }

    /// A table of `width` values per record, from its segments (as ``Builder`` or a stored result made them).
    public init(width: Int, segments: [Segment]) {
        self.width = width
        self.segments = segments
        count = segments.reduce(0) { $0 + $1.starts.count }
        views = .allocate(capacity: max(1, segments.count))
        for (i, segment) in self.segments.enumerated() {
            // unsafe: hot path: every field read goes through pointers into the immutable segments (no array bounds/retain per read)
            (views + i).initialize(to: SegmentView(bytes: segment.bytes.withUnsafeBufferPointer { $0.baseAddress },
                                                   starts: segment.starts.withUnsafeBufferPointer { $0.baseAddress },
                                                   ends: segment.ends.withUnsafeBufferPointer { $0.baseAddress }))
        }
    }

    deinit { views.deallocate() }

    /// A table holding `rows` (each with `width` values).
    public convenience init(width: Int, rows: [[String]]) {
        var builder = Builder(width: width)
        for row in rows { builder.append(row) }
        self.init(width: width, segments: builder.finish())
    }

    /// Where value `column` of record `row` lies: its segment's bytes, and its bounds in them.
    /// unsafe: hot path: every field read goes through pointers into the immutable segments (no array bounds/retain per read)
    @inline(__always) func span(_ row: Int, _ column: Int) -> (bytes: UnsafePointer<UInt8>?, start: Int, end: Int) {
        precondition(row >= 0 && row < count && column >= 0 && column < width, "value \(row), \(column) outside a table of \(count) × \(width)")
        let view = views[row >> Self.segmentShift]
        let r = row & (Self.rowsPerSegment - 1)
        let k = r * width + column
        let base = Int(view.starts![r])
        return (view.bytes, base + (column == 0 ? 0 : Int(view.ends![k - 1])), base + Int(view.ends![k]))
    }

    /// Value `column` of record `row`, "" when blank.
    public subscript(row: Int, column: Int) -> String {
        let (bytes, start, end) = span(row, column)
        if start == end { return "" }
        // unsafe: hot path: every field read goes through pointers into the immutable segments (no array bounds/retain per read)
        return String(decoding: UnsafeBufferPointer(start: bytes! + start, count: end - start), as: UTF8.self)
    }

    /// The UTF-8 of value `column` of record `row`, without making a `String`.
    /// unsafe: hot path: every field read goes through pointers into the immutable segments (no array bounds/retain per read)
    public func withUTF8<R>(row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let (bytes, start, end) = span(row, column)
        // unsafe: hot path: every field read goes through pointers into the immutable segments (no array bounds/retain per read)
        return try withExtendedLifetime(self) { try body(UnsafeBufferPointer(start: bytes.map { $0 + start }, count: end - start)) }
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
        /// The segment being filled (one buffer per builder, reused segment after segment).
        private let open: OpenSegment

        public init(width: Int) {
            self.width = width
            open = OpenSegment(width: width)
        }

        /// Records appended so far.
        public var count: Int { finished.count * ValueTable.rowsPerSegment + open.records }

        /// Appends a record of `width` values. Returns `false` (and appends nothing) when they take more than
        /// ``ValueTable/maxRecordBytes`` bytes.
        @discardableResult
        public mutating func append(_ values: [String]) -> Bool {
            append(values, at: nil)
        }

        /// Appends a record made of `row[positions[0]]`, `row[positions[1]]`, … ("" past the row's end).
        @discardableResult
        public mutating func append(_ row: [String], at positions: [Int]?) -> Bool {
            let n = positions?.count ?? row.count
            precondition(n == width, "a record of \(n) values in a table of width \(width)")
            var total = 0
            for k in 0..<n {
                let p = positions?[k] ?? k
                if p < row.count { total += row[p].utf8.count }
            }
            guard total <= ValueTable.maxRecordBytes else { return false }
            open.startRecord(bytes: total)
            for k in 0..<n {
                let p = positions?[k] ?? k
                if p < row.count {
                    // Native strings hand over their UTF-8 without the uniqueness check of `withUTF8`.
                    let copied: Void? = row[p].utf8.withContiguousStorageIfAvailable { open.append($0) }
                    if copied == nil { open.append(Array(row[p].utf8)) }
                }
                open.endValue()
            }
            if open.records == ValueTable.rowsPerSegment { closeSegment() }
            return true
        }

        /// Appends a record made of `fields[positions[0]]`, `fields[positions[1]]`, … (blank past the end):
        /// the bulk path of ingest, which copies each value's bytes as the reader holds them. Returns
        /// `false` (and appends nothing) when they take more than ``ValueTable/maxRecordBytes`` bytes.
        @discardableResult
        // unsafe: appends RawRow fields, which are buffer views (RowReader contract)
        public mutating func append(_ fields: [UnsafeBufferPointer<UInt8>], at positions: [Int]) -> Bool {
            precondition(positions.count == width, "a record of \(positions.count) values in a table of width \(width)")
            var total = 0
            for p in positions where p < fields.count { total += fields[p].count }
            guard total <= ValueTable.maxRecordBytes else { return false }
            open.startRecord(bytes: total)
            for p in positions {
                if p < fields.count { open.append(fields[p]) }
                open.endValue()
            }
            if open.records == ValueTable.rowsPerSegment { closeSegment() }
            return true
        }

        /// Appends a record held in another table (or standing alone).
        @discardableResult
        public mutating func append(_ values: RecordValues) -> Bool {
            append(Array(values))
        }

        private mutating func closeSegment() {
            finished.append(open.take())
        }

        /// The segments of the records appended.
        public consuming func finish() -> [Segment] {
            if open.records > 0 { closeSegment() }
            return finished
        }
    }

    /// The buffers of the segment a ``Builder`` fills, appended to without the uniqueness and capacity
    /// checks of an array's `append` (the ingest stage appends tens of millions of values); taken as an
    /// exact-size ``Segment`` when full.
    /// unsafe: ingest appends tens of millions of values: raw buffers without an array's per-append checks
    private final class OpenSegment: @unchecked Sendable {
        let width: Int
        // unsafe: ingest appends tens of millions of values: raw buffers without an array's per-append checks
        private var bytes: UnsafeMutablePointer<UInt8>
        private var byteCapacity = 1 << 20
        private var byteCount = 0
        // unsafe: ingest appends tens of millions of values: raw buffers without an array's per-append checks
        private let starts: UnsafeMutablePointer<UInt32>
        private let ends: UnsafeMutablePointer<UInt16>
        private(set) var records = 0
        private var endCount = 0
        private var recordStart = 0

        init(width: Int) {
            self.width = width
            bytes = .allocate(capacity: byteCapacity)
            starts = .allocate(capacity: ValueTable.rowsPerSegment)
            ends = .allocate(capacity: ValueTable.rowsPerSegment * width)
        }

        deinit {
            bytes.deallocate(); starts.deallocate(); ends.deallocate()
        }

        /// Starts a record whose values take `bytes` bytes (at most ``ValueTable/maxRecordBytes``).
        @inline(__always) func startRecord(bytes needed: Int) {
            if byteCount + needed > byteCapacity {
                byteCapacity = max(byteCapacity * 2, byteCount + needed)
                // unsafe: ingest appends tens of millions of values: raw buffers without an array's per-append checks
                let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: byteCapacity)
                grown.update(from: bytes, count: byteCount)
                bytes.deallocate()
                bytes = grown
            }
            recordStart = byteCount
            starts[records] = UInt32(byteCount)
            records += 1
        }

        /// Appends bytes to the current value (room was made by ``startRecord(bytes:)``).
        /// unsafe: ingest appends tens of millions of values: raw buffers without an array's per-append checks
        @inline(__always) func append(_ value: UnsafeBufferPointer<UInt8>) {
            guard let base = value.baseAddress, value.count > 0 else { return }
            (bytes + byteCount).update(from: base, count: value.count)
            byteCount += value.count
        }

        @inline(__always) func append(_ value: [UInt8]) {
            // unsafe: ingest appends tens of millions of values: raw buffers without an array's per-append checks
            value.withUnsafeBufferPointer { append($0) }
        }

        /// Ends the current value.
        @inline(__always) func endValue() {
            ends[endCount] = UInt16(byteCount - recordStart)
            endCount += 1
        }

        /// The records appended since the last take, as an exact-size segment; the buffers are kept for the next.
        func take() -> Segment {
            // unsafe: ingest appends tens of millions of values: raw buffers without an array's per-append checks
            let segment = Segment(bytes: Array(UnsafeBufferPointer(start: bytes, count: byteCount)),
                                  starts: Array(UnsafeBufferPointer(start: starts, count: records)),
                                  ends: Array(UnsafeBufferPointer(start: ends, count: endCount)))
            byteCount = 0; records = 0; endCount = 0
            return segment
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
    /// Whether value `position` is blank, without making a string of it.
    @inline(__always) public func isBlank(_ position: Int) -> Bool { table.isEmpty(row: row, column: position) }
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
        write(segment.starts.count)
        write(segment.ends.count)
        append(raw: segment.bytes)
        append(raw: segment.starts.span.bytes)
        append(raw: segment.ends.span.bytes)
    }
}

extension BinaryReader {
    /// Reads what ``BinaryWriter/write(_:)-segment`` wrote, checking that every value lies inside the bytes.
    public mutating func readSegment(width: Int) throws(Corrupt) -> ValueTable.Segment {
        let byteCount = try readCount(), rows = try readCount(), endCount = try readCount()
        guard endCount == rows * width, rows <= ValueTable.rowsPerSegment else { throw Corrupt() }
        let bytes = try readRaw(byteCount)
        let starts: [UInt32] = try readFixedWidth(rows)
        let ends: [UInt16] = try readFixedWidth(endCount)
        for r in 0..<rows {
            let start = Int(starts[r]), limit = r + 1 < rows ? Int(starts[r + 1]) : byteCount
            guard start <= limit else { throw Corrupt() }
            var previous = 0
            for k in r * width..<(r + 1) * width {
                let e = Int(ends[k])
                guard e >= previous, start + e <= limit else { throw Corrupt() }
                previous = e
            }
        }
        return ValueTable.Segment(bytes: bytes, starts: starts, ends: ends)
    }

    /// `count` little-endian integers written as they were in memory.
    public mutating func readFixedWidth<T: FixedWidthInteger>(_ count: Int) throws(Corrupt) -> [T] {
        let size = MemoryLayout<T>.size
        // unsafe: byte helper: loads stored little-endian integers straight into the array
        return try readRaw(count * size).withUnsafeBytes { raw in
            [T](unsafeUninitializedCapacity: count) { buffer, n in
                for i in 0..<count { buffer[i] = T(littleEndian: raw.loadUnaligned(fromByteOffset: i * size, as: T.self)) }
                n = count
            }
        }
    }
}
