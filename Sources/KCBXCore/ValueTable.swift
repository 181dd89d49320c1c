/// The text values of a source's records, stored compactly: one byte buffer of UTF-8 and one end
/// offset per value, in segments of 65,536 records.
///
/// A million children's records as `[String]` rows cost several hundred bytes each in headers,
/// allocations and padding; here a record costs its text, four bytes and two a value, and the stored
/// form is the buffers themselves, so saving and loading a stage result copies memory instead of
/// encoding millions of strings. Immutable once built (see ``Builder``) and shared, never copied,
/// by the stages that read it.
///
/// Sendable: besides its immutable segments the table holds only views of their buffers, taken once in
/// a ``ParallelBuffer`` written during `init` and read, never written, afterwards.
public final class ValueTable: Sendable {
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
    /// Each segment's buffers as views (``UncheckedView``), taken once: the segments never change while the
    /// table holds them, so their storage stays where it is. Reading through them costs no reference
    /// counting, which on millions of values read by both cores at once is no small cost (the counts are shared).
    private let views: ParallelBuffer<SegmentView>

    private struct SegmentView {
        let bytes: ByteView
        let starts: UncheckedView<UInt32>
        let ends: UncheckedView<UInt16>
    }

    /// A table of `width` values per record, from its segments (as ``Builder`` or a stored result made them).
    public init(width: Int, segments: [Segment]) {
        self.width = width
        self.segments = segments
        count = segments.reduce(0) { $0 + $1.starts.count }
        views = ParallelBuffer(repeating: SegmentView(bytes: ByteView(), starts: UncheckedView(), ends: UncheckedView()), count: segments.count)
        // The views pin the segments' storage: `self.segments` holds it, unchanged, as long as the table lives.
        for (i, segment) in self.segments.enumerated() {
            views[i] = SegmentView(bytes: UncheckedView(pinning: segment.bytes), starts: UncheckedView(pinning: segment.starts),
                                   ends: UncheckedView(pinning: segment.ends))
        }
    }

    /// A table holding `rows` (each with `width` values).
    public convenience init(width: Int, rows: [[String]]) {
        var builder = Builder(width: width)
        for row in rows { builder.append(row) }
        self.init(width: width, segments: builder.finish())
    }

    /// Where value `column` of record `row` lies: its segment's bytes, and its bounds in them.
    @inline(__always) func span(_ row: Int, _ column: Int) -> (bytes: ByteView, start: Int, end: Int) {
        precondition(row >= 0 && row < count && column >= 0 && column < width, "value \(row), \(column) outside a table of \(count) × \(width)")
        let view = views[row >> Self.segmentShift]
        let r = row & (Self.rowsPerSegment - 1)
        let k = r * width + column
        let base = Int(view.starts[r])
        return (view.bytes, base + (column == 0 ? 0 : Int(view.ends[k - 1])), base + Int(view.ends[k]))
    }

    /// Value `column` of record `row`, "" when blank.
    public subscript(row: Int, column: Int) -> String {
        let (bytes, start, end) = span(row, column)
        if start == end { return "" }
        return withExtendedLifetime(self) { bytes.extracting(start..<end).string }
    }

    /// The UTF-8 of value `column` of record `row`, without making a `String`; the view is valid during `body`.
    public func withUTF8<R>(row: Int, column: Int, _ body: (ByteView) throws -> R) rethrows -> R {
        let (bytes, start, end) = span(row, column)
        return try withExtendedLifetime(self) { try body(bytes.extracting(start..<end)) }
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
        private var open: OpenSegment

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
                if p < row.count { open.append(contentsOf: row[p].utf8) }
                open.endValue()
            }
            if open.records == ValueTable.rowsPerSegment { closeSegment() }
            return true
        }

        /// Appends a record made of `fields[positions[0]]`, `fields[positions[1]]`, … (blank past the end):
        /// the bulk path of ingest, which copies each value's bytes as the reader holds them. Returns
        /// `false` (and appends nothing) when they take more than ``ValueTable/maxRecordBytes`` bytes.
        @discardableResult
        public mutating func append(_ fields: [ByteView], at positions: [Int]) -> Bool {
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
    private struct OpenSegment: Sendable {
        let width: Int
        private var bytes = ByteSink(capacity: 1 << 20)
        private let starts: ParallelBuffer<UInt32>
        private let ends: ParallelBuffer<UInt16>
        private(set) var records = 0
        private var endCount = 0
        private var recordStart = 0

        init(width: Int) {
            self.width = width
            starts = ParallelBuffer(repeating: 0, count: ValueTable.rowsPerSegment)
            ends = ParallelBuffer(repeating: 0, count: ValueTable.rowsPerSegment * width)
        }

        /// Starts a record whose values take `bytes` bytes (at most ``ValueTable/maxRecordBytes``).
        @inline(__always) mutating func startRecord(bytes needed: Int) {
            bytes.reserve(needed)
            recordStart = bytes.count
            starts[records] = UInt32(bytes.count)
            records += 1
        }

        /// Appends bytes to the current value (room was made by ``startRecord(bytes:)``).
        @inline(__always) mutating func append(_ value: ByteView) { bytes.appendReserved(value) }

        /// Appends a string's UTF-8 to the current value.
        @inline(__always) mutating func append(contentsOf utf8: String.UTF8View) { bytes.append(contentsOf: utf8) }

        /// Ends the current value.
        @inline(__always) mutating func endValue() {
            ends[endCount] = UInt16(bytes.count - recordStart)
            endCount += 1
        }

        /// The records appended since the last take, as an exact-size segment; the buffers are kept for the next.
        mutating func take() -> Segment {
            let segment = Segment(bytes: bytes.bytes, starts: starts.prefix(records), ends: ends.prefix(endCount))
            bytes.removeAll(); records = 0; endCount = 0
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
        [T](littleEndian: try readRaw(count * MemoryLayout<T>.size), count: count)
    }
}
