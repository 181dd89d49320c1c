import Foundation
import KCBXCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams an RFC 4180 CSV/TSV file (gzipped or not; UTF-8, UTF-8 with BOM or GB18030).
///
/// Quoted fields may hold delimiters, doubled quotes (`""`) and line breaks; records end in CRLF, LF or
/// CR. Values are trimmed of surrounding whitespace (ASCII blanks, U+3000, U+00A0). Blank lines are
/// skipped. A row whose field count differs from the header's comes back with ``Row/problem`` set.
/// The parser works on UTF-8 bytes in a buffer that holds at most one record beyond its refill size, so
/// memory does not grow with the file; a record longer than ``InputLimits/maxRecordBytes`` is an error.
public final class CSVReader: RowReader {
    public private(set) var header: [String] = []
    /// The encoding in use (detected when configured `auto`; a UTF-16 file reads as `.utf8` after conversion).
    public private(set) var encoding: TextEncodingOption = .utf8
    /// The delimiter in use (sniffed when configured `nil`).
    public private(set) var delimiter: Character = ","
    /// The encoding as detected, in detail (e.g. "UTF-8 with BOM"); known once the first non-ASCII text is read.
    public var detectedEncoding: DetectedEncoding? { text.detected }
    /// Whether the file was gzip.
    public var isGzip: Bool { text.bytes.isGzip }

    private let text: TextSource
    private let limits: InputLimits
    private let file: String

    // The byte buffer: unparsed bytes are buffer[pos..<end]. Fields are handed out as views into it, no copies.
    private let buffer: ByteBuffer
    private var pos = 0
    private var end = 0
    private var eof = false
    /// The delimiter byte, and a table marking the bytes that end an unquoted field (delimiter, CR, LF).
    private var delim: UInt8 = 0x2C
    private let stops = ParallelBuffer(repeating: false, count: 256)
    /// Physical line (1-based) where the next record starts.
    private var line = 1
    private var records = 0
    private var warned = false
    /// Field bounds of the record being parsed, reused from record to record.
    private var spans: [Span] = []
    /// The fields of the record being handed out point into `buffer`, or into `scratch` when quotes were undoubled.
    private let scratch = ByteBuffer(capacity: 4096)
    /// Fields (0-based) of the last record made whose bytes are not valid UTF-8: invalid in a UTF-8 file,
    /// or undecodable in a converted one (``TextKind/invalidMarker``).
    private var invalidFields: [Int] = []
    /// Those of ``invalidFields`` that hold UTF-8 text in a file read as GB18030 (``utf8InGB18030Marker``).
    private var foreignFields: [Int] = []

    /// One field of a record: content bounds in the buffer; quoted fields may hold doubled quotes, and
    /// text after the closing quote (`"ab"c`) is kept as `tail`.
    private struct Span {
        var start: Int, end: Int
        var escapes: Bool
        var tailStart: Int, tailEnd: Int
    }

    private static let refill = 1 << 20
    private static let quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

    /// Opens `url` and reads its header row. `delimiter: nil` sniffs it from the header among `,` tab `;` `|`.
    public init(url: URL, encoding: TextEncodingOption = .auto, delimiter: Character? = nil, limits: InputLimits = .init()) throws(KCBXError) {
        file = url.path
        self.limits = limits
        text = try TextSource(try ByteSource(url: url, limits: limits), encoding: encoding, kind: .csv)
        buffer = ByteBuffer(capacity: Self.refill + 64)
        spans.reserveCapacity(64)
        if let delimiter {
            guard let byte = delimiter.asciiValue, byte != Self.quote, byte != Self.lf, byte != Self.cr else {
                throw KCBXError(.config, "CSV delimiter must be one ASCII character other than a quote or line break, found `\(delimiter)`", file: file)
            }
            delim = byte
        } else {
            delim = try sniffDelimiter()
        }
        self.delimiter = Character(Unicode.Scalar(delim))
        stops[Int(delim)] = true; stops[Int(Self.lf)] = true; stops[Int(Self.cr)] = true
        var first = RawRow()
        guard try nextRecord(&first) else {
            throw KCBXError(.input, "empty file: expected a header row", file: file, line: 1)
        }
        header = first.values
        // Unnamed columns at the end of the header (`a,b,,` from a spreadsheet) are not columns.
        while header.count > 1, header.last?.isEmpty == true { header.removeLast() }
        self.encoding = text.detected?.option ?? (encoding == .gb18030 ? .gb18030 : .utf8)
    }

    /// The next data row, or `nil` at the end of the file.
    public func next() throws(KCBXError) -> Row? {
        var raw = RawRow()
        return try nextRow(&raw) ? raw.row : nil
    }

    /// Every remaining data row, as bytes in the reader's buffer.
    public func forEachRow(_ body: (RawRow) -> Void) throws(KCBXError) {
        var raw = RawRow()
        while try nextRow(&raw) { body(raw) }
    }

    /// Reads the next data row into `raw`, with its record number and any problem; `false` at the end.
    private func nextRow(_ raw: inout RawRow) throws(KCBXError) -> Bool {
        guard try nextRecord(&raw) else {
            if !warned, records == 0 {
                warned = true
                Log.warning("\(file): the file has a header row and no data rows")
            }
            return false
        }
        records += 1
        raw.recordNumber = records
        raw.problem = nil
        var problems: [String] = []
        if raw.fields.count != header.count {
            // Trailing empty fields beyond the header (`a,b,c,,` from a spreadsheet) are harmless.
            while raw.fields.count > header.count, raw.fields.last?.isEmpty == true { raw.fields.removeLast() }
            if raw.fields.count != header.count {
                problems.append("expected \(header.count) field\(header.count == 1 ? "" : "s"), found \(raw.fields.count)")
            }
        }
        if !invalidFields.isEmpty { problems.append(invalidTextProblem()) }
        if encoding == .utf8, text.detected == .gb18030 { encoding = .gb18030 }
        if !problems.isEmpty { raw.problem = problems.joined(separator: "; ") }
        return true
    }

    /// Why a row with bytes not valid in the file's encoding is rejected, naming the columns.
    private func invalidTextProblem() -> String {
        if !foreignFields.isEmpty {
            return "\(columnsPhrase(foreignFields, header: header)): text in UTF-8 in a file read as GB18030 (it would read as other characters, e.g. 郭萱 as 閮惐); the file mixes encodings: export it again in one"
        }
        let encodingName = text.detected.map { $0 == .utf8BOM ? "UTF-8" : $0.rawValue } ?? "UTF-8"
        let readAs = encodingName == "UTF-8" ? "; the file is read as UTF-8" : ""
        return "\(columnsPhrase(invalidFields, header: header)): bytes that are not valid \(encodingName) (shown as \u{FFFD})\(readAs)"
    }

    /// `2 `姓名``: a column's number and header, for messages.

    // MARK: - Records

    /// Reads the next non-blank record's fields and starting line into `raw`; `false` at the end.
    private func nextRecord(_ raw: inout RawRow) throws(KCBXError) -> Bool {
        while true {
            if pos == end {
                if eof { return false }
                try fill()
                continue
            }
            let startLine = line
            guard let (next, newlines) = try scanRecord() else {
                try fill()
                continue
            }
            makeFields(&raw.fields, recordEnd: next)
            pos = next
            line += 1 + newlines
            // A blank (or all-blank) line is not a record.
            if raw.fields.count == 1, raw.fields[0].isEmpty { continue }
            raw.line = startLine
            return true
        }
    }

    /// Scans the record at `pos` into `spans`. Returns the offset after its terminator and the line
    /// breaks inside quoted fields, or `nil` when the buffer ends before the record does (and the file has more).
    private func scanRecord() throws(KCBXError) -> (Int, Int)? {
        // Work on a local array (moved out and back) to keep exclusivity checks out of the loop.
        var spans = self.spans
        self.spans = []
        defer { self.spans = spans }
        spans.removeAll(keepingCapacity: true)
        let p = buffer.view(0..<end), e = end, d = delim, stops = stops, line = line
        var i = pos
        var newlines = 0
        while true {
            // Leading blanks before a quote do not make the field unquoted.
            var j = i
            while j < e, p[j] == 0x20 || (p[j] == 0x09 && d != 0x09) { j += 1 }
            if j < e, p[j] == Self.quote {
                let openLine = line + newlines
                j += 1
                let start = j
                var escapes = false
                var closed = -1
                while closed < 0 {
                    guard let k = p.firstIndex(of: Self.quote, in: j..<e) else {
                        if eof { throw unterminatedQuote(openLine) }
                        return nil
                    }
                    if k + 1 >= e, !eof { return nil }
                    if k + 1 < e, p[k + 1] == Self.quote { escapes = true; j = k + 2; continue }
                    closed = k
                }
                newlines += Self.countNewlines(p, start, closed)
                j = closed + 1
                let tailStart = j
                while j < e, !stops[Int(p[j])] { j += 1 }
                if j == e, !eof { return nil }
                spans.append(Span(start: start, end: closed, escapes: escapes, tailStart: tailStart, tailEnd: j))
            } else {
                while j < e, !stops[Int(p[j])] { j += 1 }
                if j == e, !eof { return nil }
                spans.append(Span(start: i, end: j, escapes: false, tailStart: j, tailEnd: j))
            }
            if j < e, p[j] == d { i = j + 1; continue }
            if j < e, p[j] == Self.cr {
                if j + 1 < e { j += p[j + 1] == Self.lf ? 2 : 1 } else if eof { j += 1 } else { return nil }
            } else if j < e {
                j += 1  // LF
            }
            return (j, newlines)
        }
    }

    /// Line breaks (LF, CRLF or a lone CR) in `p[from..<to]`.
    private static func countNewlines(_ p: ByteView, _ from: Int, _ to: Int) -> Int {
        var n = 0
        var i = from
        while i < to {
            if p[i] == lf || (p[i] == cr && (i + 1 == to || p[i + 1] != lf)) { n += 1 }
            i += 1
        }
        return n
    }

    private func unterminatedQuote(_ openLine: Int) -> KCBXError {
        KCBXError(.input, "unterminated quoted field: the quote opened on line \(openLine) is never closed before the end of the file", file: file, line: openLine)
    }

    /// Points `fields` at the scanned fields, trimmed, with quotes undoubled (into `scratch`);
    /// fields that are not valid UTF-8 are listed in `invalidFields`. The bytes stay in place until the
    /// buffer is next filled, after the record has been handed out.
    private func makeFields(_ fields: inout [ByteView], recordEnd: Int) {
        let spans = spans, bytes = buffer.view(0..<end)
        fields.removeAll(keepingCapacity: true)
        invalidFields.removeAll(keepingCapacity: true)
        foreignFields.removeAll(keepingCapacity: true)
        guard let first = spans.first, let last = spans.last else { return }
        // Converted text is valid UTF-8 but where the converter put its marker byte 0xFF.
        let whole = last.tailEnd - first.start
        let record = bytes.extracting(first.start..<first.start + whole)
        if text.isConverted ? record.contains(byte: 0xFF) || record.contains(byte: utf8InGB18030Marker) : !record.isValidUTF8 {
            for k in spans.indices where !bytes.extracting(spans[k].start..<spans[k].tailEnd).isValidUTF8 { invalidFields.append(k) }
            foreignFields = text.isConverted ? invalidFields.filter { k in
                bytes.extracting(spans[k].start..<spans[k].tailEnd).contains(byte: utf8InGB18030Marker) } : []
        }
        // Undoubled fields are never longer than the record.
        if recordEnd - pos > scratch.capacity {
            scratch.resize(to: max(recordEnd - pos, scratch.capacity * 2), keeping: 0)
        }
        let scratch = scratch
        var used = 0
        for span in spans {
            if !span.escapes, span.tailStart == span.tailEnd {
                fields.append(Self.trimmed(bytes, span.start, span.end))
            } else {
                // Undouble the quotes and append any text after the closing quote.
                let start = used
                var i = span.start
                while i < span.end {
                    let b = bytes[i]
                    scratch[used] = b
                    used += 1
                    i += (b == Self.quote && i + 1 < span.end && bytes[i + 1] == Self.quote) ? 2 : 1
                }
                scratch.copy(bytes.extracting(span.tailStart..<span.tailEnd), to: used)
                used += span.tailEnd - span.tailStart
                fields.append(Self.trimmed(scratch.view(0..<used), start, used))
            }
        }
    }

    /// `p[start..<end]` without surrounding blanks (space, tab, U+3000, U+00A0).
    @inline(__always) static func trimmed(_ p: ByteView, _ start: Int, _ end: Int) -> ByteView {
        var s = start, e = end
        while s < e {
            let b = p[s]
            if b == 0x20 || b == 0x09 { s += 1 }
            else if b == 0xE3, e - s >= 3, p[s + 1] == 0x80, p[s + 2] == 0x80 { s += 3 }
            else if b == 0xC2, e - s >= 2, p[s + 1] == 0xA0 { s += 2 }
            else { break }
        }
        while e > s {
            let b = p[e - 1]
            if b == 0x20 || b == 0x09 { e -= 1 }
            else if b == 0x80, e - s >= 3, p[e - 2] == 0x80, p[e - 3] == 0xE3 { e -= 3 }
            else if b == 0xA0, e - s >= 2, p[e - 2] == 0xC2 { e -= 2 }
            else { break }
        }
        return p.extracting(s..<e)
    }

    // MARK: - Buffer

    /// Makes room and reads more text; grows the buffer for a long record up to the limit.
    private func fill() throws(KCBXError) {
        let pendingBytes = end - pos
        if pendingBytes > limits.maxRecordBytes {
            throw recordTooLong()
        }
        if pos > 0 {
            buffer.moveToStart(pos..<end)
            pos = 0; end = pendingBytes
        }
        let capacity = buffer.capacity
        if capacity - end < Self.refill / 2 {
            // The record in hand fills the buffer: grow it (up to the limit plus one refill).
            let newCapacity = min(max(capacity * 2, end + Self.refill), limits.maxRecordBytes + Self.refill + 64)
            guard newCapacity > capacity else { throw recordTooLong() }
            buffer.resize(to: newCapacity, keeping: end)
        }
        // The text source (read(2)/zlib/iconv) fills the parser's buffer in place.
        let n = try buffer.fill(from: end) { (space) throws(KCBXError) in try text.read(into: space) }
        if n == 0 { eof = true } else { end += n }
    }

    private func recordTooLong() -> KCBXError {
        var quoteNote = ""
        // An unclosed quote makes everything after it one field: say so when the record starts one.
        if buffer.view(pos..<pos + min(end - pos, 1 << 16)).contains(byte: Self.quote) { quoteNote = "; if a quoted field was meant to end, a closing quote is missing" }
        return KCBXError(.input, "record longer than \(ByteSource.describe(Int64(limits.maxRecordBytes))) (the limit for one record)\(quoteNote); is this really a CSV file?", file: file, line: line)
    }

    /// The delimiter most frequent outside quotes in the header line, among `,` tab `;` `|` (`,` when none).
    private func sniffDelimiter() throws(KCBXError) -> UInt8 {
        // Read until the buffer holds the first line break outside quotes, or the file ends.
        var scanned = 0
        var inQuotes = false
        let candidates: [UInt8] = [0x2C, 0x09, 0x3B, 0x7C]
        var counts = [0, 0, 0, 0]
        var lineEnded = false
        var sawText = false
        while !lineEnded {
            if scanned == end {
                if eof { break }
                if end > limits.maxRecordBytes { throw recordTooLong() }
                try fill()
                continue
            }
            let b = buffer[scanned]
            scanned += 1
            if b == Self.quote { inQuotes.toggle(); sawText = true }
            else if !inQuotes, b == Self.lf || b == Self.cr { if sawText { lineEnded = true } }
            else if !inQuotes, let k = candidates.firstIndex(of: b) { counts[k] += 1; sawText = true }
            else if b != 0x20 { sawText = true }
        }
        var best = 0
        for k in 1..<candidates.count where counts[k] > counts[best] { best = k }
        return candidates[best]
    }
}
