/// A compact, fast binary form for stage results kept in the store.
///
/// Varint integers and length-prefixed UTF-8 strings; a format version leads every blob so that a
/// store written by an older kcbx is recognised and its stage rerun rather than misread.
///
/// The bytes are appended to a ``ByteSink`` the writer owns (a stage result is tens of millions of small
/// writes: an array's `append` checks uniqueness and capacity each time and costs more than the write).
/// Copies of a writer share the bytes until one of them writes, as an array would.
public struct BinaryWriter: Sendable {
    private var sink: ByteSink

    /// The bytes written (a copy).
    public var bytes: [UInt8] { sink.bytes }

    public init(capacity: Int = 1 << 16) {
        sink = ByteSink(capacity: capacity)
    }

    public mutating func write(_ value: Int) {
        var v = UInt64(bitPattern: Int64(value))
        v = (v << 1) ^ UInt64(bitPattern: Int64(value) >> 63)  // zig-zag
        sink.reserve(10)
        while v >= 0x80 { sink.appendReserved(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        sink.appendReserved(UInt8(v))
    }
    public mutating func write(_ value: Bool) {
        sink.reserve(1)
        sink.appendReserved(value ? 1 : 0)
    }
    public mutating func write(_ value: Double) { write(Int(Int64(bitPattern: value.bitPattern))) }
    public mutating func write(_ value: String) {
        var value = value
        value.withByteView { utf8 in
            write(utf8.count)
            sink.append(utf8)
        }
    }
    public mutating func write(_ values: [String]) {
        write(values.count)
        for v in values { write(v) }
    }
    /// Appends bytes as they are (the reader must know their count).
    public mutating func append(raw: some Collection<UInt8>) { sink.append(contentsOf: raw) }
    /// Appends memory as it is (integers in machine order: little-endian on every machine kcbx runs on).
    public mutating func append(raw: RawSpan) { sink.append(raw) }
    public mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }
}

/// Reads what ``BinaryWriter`` wrote.
public struct BinaryReader {
    private let bytes: [UInt8]
    private var position = 0
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public var isAtEnd: Bool { position >= bytes.count }
    /// Bytes not read yet.
    public var remaining: Int { bytes.count - position }

    /// The bytes are not a stage result of this format.
    public struct Corrupt: Error { public init() {} }

    public mutating func readInt() throws(Corrupt) -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Corrupt() }
            let b = bytes[position]; position += 1
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1))))
    }
    /// The next `count` bytes as they are.
    public mutating func readRaw(_ count: Int) throws(Corrupt) -> [UInt8] {
        guard count >= 0, position + count <= bytes.count else { throw Corrupt() }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }
    public mutating func readBool() throws(Corrupt) -> Bool {
        guard position < bytes.count else { throw Corrupt() }
        defer { position += 1 }
        return bytes[position] != 0
    }
    public mutating func readDouble() throws(Corrupt) -> Double { Double(bitPattern: UInt64(bitPattern: Int64(try readInt()))) }
    public mutating func readString() throws(Corrupt) -> String {
        let count = try readInt()
        guard count >= 0, position + count <= bytes.count else { throw Corrupt() }
        defer { position += count }
        return String(decoding: bytes[position..<position + count], as: UTF8.self)
    }
    public mutating func readStrings() throws(Corrupt) -> [String] {
        let count = try readInt()
        guard count >= 0, count <= bytes.count else { throw Corrupt() }
        var result: [String] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try readString()) }
        return result
    }
    public mutating func readOptionalString() throws(Corrupt) -> String? {
        try readBool() ? try readString() : nil
    }
}

/// A stage result that the store keeps between runs.
public protocol BinaryCodable {
    func encode(to writer: inout BinaryWriter)
    init(from reader: inout BinaryReader) throws(BinaryReader.Corrupt)
}

extension SourceTable: BinaryCodable {
    /// Writes the table without its values' segments: names, header, record numbers and lines, rejects,
    /// and how many segments follow. The stage store keeps each segment apart (see ``ValueTable``).
    public func encodeOutline(to w: inout BinaryWriter) {
        w.write(source); w.write(role.rawValue); w.write(fields.map(\.rawValue))
        w.write(header); w.write(positions.count); for p in positions { w.write(p) }
        w.write(values.segments.count)
        w.write(recordNumbers); w.write(lines)
        w.write(rejects)
    }

    /// Reads what ``encodeOutline(to:)`` wrote: the table with no values yet, and how many segments of
    /// values it expects (give them to ``withValues(_:)``).
    public static func decodeOutline(_ r: inout BinaryReader) throws(BinaryReader.Corrupt) -> (table: SourceTable, segments: Int) {
        let (source, role, fields) = try r.readSourceHeader()
        let header = try r.readStrings()
        var positions: [Int] = []
        for _ in 0..<(try r.readCount()) { positions.append(try r.readInt()) }
        let segmentCount = try r.readCount()
        let recordNumbers = try r.readInt32s(), lines = try r.readInt32s()
        let rejects = try r.readRejects()
        guard positions.count == fields.count, recordNumbers.count == lines.count else { throw .init() }
        let table = SourceTable(source: source, role: role, fields: fields, header: header, positions: positions,
                                values: ValueTable(width: fields.count, segments: []), recordNumbers: recordNumbers, lines: lines,
                                rejects: rejects)
        return (table, segmentCount)
    }

    /// The outline read by ``decodeOutline(_:)`` with its values, checked to hold one row per record.
    public func withValues(_ segments: [ValueTable.Segment]) throws(BinaryReader.Corrupt) -> SourceTable {
        var table = self
        table.values = ValueTable(width: fields.count, segments: segments)
        guard table.values.count == recordNumbers.count else { throw .init() }
        return table
    }

    public func encode(to w: inout BinaryWriter) {
        encodeOutline(to: &w)
        for segment in values.segments { w.write(segment) }
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        let (outline, count) = try SourceTable.decodeOutline(&r)
        var segments: [ValueTable.Segment] = []
        for _ in 0..<count { segments.append(try r.readSegment(width: outline.fields.count)) }
        self = try outline.withValues(segments)
    }
}

extension BinaryWriter {
    /// Writes 32-bit integers as they are in memory (little-endian), after their count.
    public mutating func write(_ values: [Int32]) {
        write(values.count)
        append(raw: values.span.bytes)
    }
}

extension BinaryReader {
    /// A count: a non-negative integer no larger than the bytes that could hold its items.
    public mutating func readCount() throws(Corrupt) -> Int {
        let n = try readInt()
        guard n >= 0, n <= remaining else { throw Corrupt() }
        return n
    }

    /// Reads what ``BinaryWriter/write(_:)-int32s`` wrote.
    public mutating func readInt32s() throws(Corrupt) -> [Int32] {
        try readFixedWidth(try readCount())
    }
}

extension BinaryWriter {
    /// Writes a source's rejects (count, then record number, line, raw values and reason of each).
    public mutating func write(_ rejects: [Reject]) {
        write(rejects.count)
        for r in rejects { write(r.recordNumber); write(r.line); write(r.raw); write(r.reason) }
    }
}

extension BinaryReader {
    /// Reads what ``BinaryWriter/write(_:)-rejects`` wrote.
    public mutating func readRejects() throws(Corrupt) -> [Reject] {
        var rejects: [Reject] = []
        for _ in 0..<(try readInt()) {
            rejects.append(Reject(recordNumber: try readInt(), line: try readInt(), raw: try readStrings(), reason: try readString()))
        }
        return rejects
    }

    /// Reads a stage result's source header: its name, role and mapped fields.
    public mutating func readSourceHeader() throws(Corrupt) -> (String, SourceRole, [CanonicalField]) {
        let source = try readString()
        guard let role = SourceRole(rawValue: try readString()) else { throw Corrupt() }
        var fields: [CanonicalField] = []
        for f in try readStrings() { guard let field = CanonicalField(rawValue: f) else { throw Corrupt() }; fields.append(field) }
        return (source, role, fields)
    }
}
