import Foundation
import KCBXCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stream conversion between two text encodings through iconv (GB18030 ⇄ UTF-8, UTF-16 → UTF-8).
///
/// Multibyte sequences split across buffers are carried over to the next call; a byte that is not valid
/// in the source encoding becomes `replacement` (U+FFFD in UTF-8 output, `?` otherwise) and is counted.
final class IconvConverter {
    private let cd: iconv_t
    let from: String
    let to: String
    /// What an invalid input byte becomes (at most 3 bytes).
    private let replacement: [UInt8]
    /// Invalid input sequences replaced so far.
    private(set) var invalidSequences = 0

    init(from: String, to: String, replacement: [UInt8]? = nil, file: String?) throws(KCBXError) {
        guard let cd = iconv_open(to, from), cd != iconv_t(bitPattern: -1) else {
            throw KCBXError(.runFailed, "iconv cannot convert \(from) to \(to) on this system", file: file)
        }
        self.cd = cd; self.from = from; self.to = to
        self.replacement = replacement ?? (to == "UTF-8" ? [0xEF, 0xBF, 0xBD] : [0x3F])
    }

    deinit { iconv_close(cd) }

    /// Outcome of one ``convert(_:_:flush:)`` call.
    struct Step { var consumed: Int; var produced: Int }

    /// Converts as much of `input` as fits in `output`. With `flush`, an incomplete sequence at the end of
    /// `input` is replaced rather than left for the next call. Unconsumed input must be passed again.
    /// unsafe: iconv C API takes and advances char pointers
    func convert(_ input: UnsafeRawBufferPointer, _ output: UnsafeMutableRawBufferPointer, flush: Bool) -> Step {
        guard let inBase = input.baseAddress, let outBase = output.baseAddress else { return Step(consumed: 0, produced: 0) }
        // unsafe: iconv C API takes and advances char pointers
        var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBase).assumingMemoryBound(to: CChar.self)
        var inLeft = input.count
        // unsafe: iconv C API takes and advances char pointers
        var outPtr: UnsafeMutablePointer<CChar>? = outBase.assumingMemoryBound(to: CChar.self)
        var outLeft = output.count
        while inLeft > 0 {
            let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
            if r != -1 { break }
            let err = errno
            if err == E2BIG { break }
            if err == EINVAL, !flush { break }  // incomplete sequence at the end: wait for more input
            // EILSEQ (invalid) or EINVAL at the very end: replace one byte and go on.
            guard outLeft >= replacement.count, let out = outPtr else { break }
            invalidSequences += 1
            inPtr = inPtr.map { $0 + 1 }; inLeft -= 1
            for (k, b) in replacement.enumerated() { out[k] = CChar(bitPattern: b) }
            outPtr = out + replacement.count; outLeft -= replacement.count
        }
        return Step(consumed: input.count - inLeft, produced: output.count - outLeft)
    }
}

/// How the bytes of a text file are encoded, as detected or configured.
public enum DetectedEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 with BOM"
    case gb18030 = "GB18030"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    /// Only from an XML declaration (Java exporters write Chinese as character references then).
    case latin1 = "ISO-8859-1"

    /// The pipeline-file option this corresponds to (UTF-16 files are converted to UTF-8).
    public var option: TextEncodingOption { self == .gb18030 ? .gb18030 : .utf8 }
}

/// What a text file is expected to hold: CSV or XML (for messages and the XML declaration).
enum TextKind {
    case csv, xml

    /// What the file should have been, for messages.
    var expected: String { self == .csv ? "CSV text" : "an XML document" }

    /// What a byte that is not valid in the file's encoding becomes. CSV: 0xFF, never valid UTF-8, so the
    /// reader rejects the row that holds it and names the column (as for invalid UTF-8 in a UTF-8 file).
    /// XML: U+FFFD, since libxml2 stops at the first invalid byte.
    var invalidMarker: [UInt8] { self == .csv ? [0xFF] : [0xEF, 0xBF, 0xBD] }
}

/// The byte put before UTF-8 text found in a CSV file read as GB18030 (``TextSource``): 0xFE, never
/// valid UTF-8, so the reader rejects the row and names the column, with the text shown as written.
let utf8InGB18030Marker: UInt8 = 0xFE

/// The text of a file as UTF-8 bytes, whatever its encoding, as a stream: the one decoding path of the
/// CSV and XML readers.
///
/// Detection when `auto`: a byte-order mark (UTF-8, UTF-16); for XML, UTF-16 without a mark (by `<?`)
/// and the declaration's encoding when it names GB18030, GBK or GB2312 (read as GB18030) or ISO-8859-1;
/// then UTF-8 validity at the first non-ASCII bytes, else GB18030. While only ASCII has been seen the
/// bytes pass through unchanged (ASCII is the same in both), so a file whose first Chinese text comes
/// late is still detected correctly. A file with NUL bytes (and no UTF-16 mark) is refused as not text.
final class TextSource {
    let bytes: ByteSource
    /// The encoding in use; `nil` while undecided (only ASCII seen so far, auto-detection).
    private(set) var detected: DetectedEncoding?
    private var converter: IconvConverter?
    /// Byte sequences that were not valid in the file's encoding and became U+FFFD (converted encodings only).
    var invalidSequences: Int { (converter?.invalidSequences ?? 0) + foreignRuns }
    /// Runs of UTF-8 text passed on behind U+FFFD in an XML file read as GB18030.
    private var foreignRuns = 0
    /// Whether the text comes through iconv: it is then valid UTF-8 apart from ``TextKind/invalidMarker``
    /// (and any text read before, while undecided, was ASCII).
    var isConverted: Bool { converter != nil }
    /// Raw (undecoded) bytes read ahead, `pending[pendingStart..<pendingEnd]`.
    /// unsafe: the decoder's own byte buffer, handed to iconv and read in place (hot path: every input byte)
    private var pending: UnsafeMutablePointer<UInt8>
    private let pendingCapacity = 256 << 10
    private var pendingStart = 0
    private var pendingEnd = 0
    private var rawEOF = false
    private var file: String { bytes.url.path }
    /// Bytes sniffed for binary content at the start of the file.
    static let sniffBytes = 64 << 10

    private let kind: TextKind

    init(_ bytes: ByteSource, encoding: TextEncodingOption, kind: TextKind = .csv) throws(KCBXError) {
        self.bytes = bytes
        self.kind = kind
        pending = .allocate(capacity: pendingCapacity)
        try fillPending(atLeast: Self.sniffBytes)
        // unsafe: the decoder's own byte buffer, handed to iconv and read in place (hot path: every input byte)
        let head = UnsafeBufferPointer(start: pending, count: pendingEnd)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            pendingStart = 3
            detected = .utf8BOM
            // A byte-order mark does not make a file text: the binary check applies after it too.
            // unsafe: the decoder's own byte buffer, handed to iconv and read in place (hot path: every input byte)
            if let nul = Self.binaryContent(UnsafeBufferPointer(rebasing: head.prefix(Self.sniffBytes).dropFirst(3))) {
                throw KCBXError(.input, "not a text file: binary content after the UTF-8 byte-order mark (a NUL byte at byte \(nul + 4)); expected \(kind.expected) in UTF-8 or GB18030", file: file)
            }
        } else if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            pendingStart = 2
            try use(head[0] == 0xFF ? .utf16LE : .utf16BE)
        } else if kind == .xml, head.starts(with: [0x3C, 0x00, 0x3F, 0x00]) || head.starts(with: [0x00, 0x3C, 0x00, 0x3F]) {
            try use(head[0] == 0x3C ? .utf16LE : .utf16BE)  // `<?` in UTF-16 without a byte-order mark
        } else {
            if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                throw KCBXError(.input, "not a text file: this is a zip archive (an XLSX workbook?); set `format: xlsx` for a workbook\(kind == .csv ? ", or export it as CSV" : "")", file: file)
            }
            // unsafe: the decoder's own byte buffer, handed to iconv and read in place (hot path: every input byte)
            if let nul = Self.binaryContent(UnsafeBufferPointer(rebasing: head.prefix(Self.sniffBytes))) {
                throw KCBXError(.input, "not a text file: binary content (a NUL byte at byte \(nul + 1)); expected \(kind.expected) in UTF-8 or GB18030", file: file)
            }
            switch encoding {
            case .utf8: detected = .utf8
            case .gb18030: try use(.gb18030)
            case .auto: if kind == .xml, let declared = try declaredEncoding(head) { try use(declared) }
            }
        }
    }

    /// Where the start of a file shows it is not text: the first NUL byte when one is in the first line
    /// (the header), or when NUL bytes are more than a few (over 4, and over one in a thousand bytes).
    /// A stray NUL in a data row is not binary content: its row is rejected, naming the column.
    /// unsafe: the decoder's own byte buffer, handed to iconv and read in place (hot path: every input byte)
    static func binaryContent(_ head: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = head.firstIndex(of: 0) else { return nil }
        if let lineEnd = head.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }), lineEnd < first {
            let count = head.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
            return count > max(4, head.count / 1000) ? first : nil
        }
        return first
    }

    /// Converts from `encoding` from here on.
    private func use(_ encoding: DetectedEncoding) throws(KCBXError) {
        detected = encoding
        if encoding != .utf8, encoding != .utf8BOM {
            converter = try IconvConverter(from: encoding.rawValue, to: "UTF-8", replacement: kind.invalidMarker, file: file)
        }
    }

    /// The encoding an XML declaration at the start of `head` names, when it is one that decides:
    /// GB18030, GBK, GB2312 (all read as GB18030, a superset) or ISO-8859-1. UTF-8, UTF-16 (already
    /// seen by their bytes) and ASCII leave the decision to detection; any other name is an error.
    /// unsafe: the decoder's own byte buffer, handed to iconv and read in place (hot path: every input byte)
    private func declaredEncoding(_ head: UnsafeBufferPointer<UInt8>) throws(KCBXError) -> DetectedEncoding? {
        let prolog = Array(head.prefix(512))
        guard prolog.starts(with: Array("<?xml".utf8)), let end = prolog.firstRange(of: Array("?>".utf8))?.lowerBound,
              let key = prolog[..<end].firstRange(of: Array("encoding".utf8))?.upperBound else { return nil }
        var i = key
        while i < end, prolog[i] == 0x20 || prolog[i] == 0x3D || prolog[i] == 0x09 || prolog[i] == 0x0A || prolog[i] == 0x0D { i += 1 }
        guard i < end, prolog[i] == 0x22 || prolog[i] == 0x27, let close = prolog[(i + 1)..<end].firstIndex(of: prolog[i]) else { return nil }
        let name = String(decoding: prolog[(i + 1)..<close], as: UTF8.self)
        switch name.lowercased() {
        case "gb18030", "gbk", "gb2312", "gb_2312-80", "cp936", "ms936", "windows-936", "x-gbk", "euc-cn", "csgb2312": return .gb18030
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1": return .latin1
        case "utf-8", "utf8", "utf-16", "utf16", "us-ascii", "ascii": return nil
        default:
            throw KCBXError(.input, "the XML declaration names encoding `\(name)`; XML is read as UTF-8, UTF-16, GB18030 (also GBK, GB2312) or ISO-8859-1: convert the file to UTF-8, or set `encoding:` for this source if the declaration is wrong", file: file, line: 1)
        }
    }

    deinit { pending.deallocate() }

    /// Reads raw bytes until `pending` holds `atLeast` bytes or the file ends.
    private func fillPending(atLeast wanted: Int) throws(KCBXError) {
        if pendingStart > 0 {
            let count = pendingEnd - pendingStart
            if count > 0 { memmove(pending, pending + pendingStart, count) }
            pendingStart = 0; pendingEnd = count
        }
        while !rawEOF, pendingEnd < min(wanted, pendingCapacity) {
            // unsafe: the decoder's own byte buffer, handed to iconv and read in place (hot path: every input byte)
            let n = try bytes.read(into: UnsafeMutableRawBufferPointer(start: pending + pendingEnd, count: pendingCapacity - pendingEnd))
            if n == 0 { rawEOF = true } else { pendingEnd += n }
        }
    }

    /// Fills `buffer` with UTF-8 text; returns the count, 0 at the end. `buffer` must hold at least 16 bytes.
    /// unsafe: the decoder's own byte buffer, handed to iconv and read in place (hot path: every input byte)
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(KCBXError) -> Int {
        guard let out = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), buffer.count > 0 else { return 0 }
        if detected == nil { try decide() }
        if let converter {
            while true {
                if pendingStart == pendingEnd || (pendingEnd - pendingStart < 8 && !rawEOF) { try fillPending(atLeast: pendingCapacity) }
                if pendingStart == pendingEnd { return 0 }
                var convertible = pendingEnd - pendingStart
                if detected == .gb18030 {
                    switch foreignUTF8() {
                    case .none: break
                    case .before(let offset): convertible = offset
                    case .here(let length):
                        // UTF-8 text in a GB18030 file: passed on as written, behind the marker (CSV), or
                        // behind U+FFFD (XML, where the marker byte would stop the parser); either way the
                        // reader rejects the record that holds it, naming the column.
                        let marker = kind == .csv ? [utf8InGB18030Marker] : kind.invalidMarker
                        guard buffer.count >= length + marker.count else { break }
                        out.update(from: marker, count: marker.count)
                        out.advanced(by: marker.count).update(from: pending + pendingStart, count: length)
                        pendingStart += length
                        if kind != .csv { foreignRuns += 1 }
                        return length + marker.count
                    case .needMore:
                        try fillPending(atLeast: pendingCapacity)
                        continue
                    }
                }
                // unsafe: iconv C API takes and advances char pointers
                let step = converter.convert(UnsafeRawBufferPointer(start: pending + pendingStart, count: convertible),
                                             buffer, flush: rawEOF || convertible < pendingEnd - pendingStart)
                pendingStart += step.consumed
                if step.produced > 0 { return step.produced }
                if step.consumed == 0 {
                    // An incomplete sequence waits for more input; at the end of the file it was flushed above.
                    if rawEOF { return 0 }
                    try fillPending(atLeast: pendingCapacity)
                }
            }
        }
        // Pass-through (UTF-8, or ASCII while undecided): serve the read-ahead first, then read directly.
        if pendingStart < pendingEnd {
            let n = min(buffer.count, pendingEnd - pendingStart)
            // unsafe: the decoder's own byte buffer, handed to iconv and read in place (hot path: every input byte)
            if detected == nil, let high = UnsafeBufferPointer(start: pending + pendingStart, count: n).firstIndex(where: { $0 >= 0x80 }) {
                if high == 0 { try decide(); return try read(into: buffer) }
                out.update(from: pending + pendingStart, count: high)
                pendingStart += high
                return high
            }
            out.update(from: pending + pendingStart, count: n)
            pendingStart += n
            return n
        }
        if rawEOF { return 0 }
        if detected == nil {
            try fillPending(atLeast: pendingCapacity)
            return try read(into: buffer)
        }
        let n = try bytes.read(into: buffer)
        if n == 0 { rawEOF = true }
        return n
    }

    /// Where the read-ahead holds UTF-8 text in a file read as GB18030: `before`: after this many bytes
    /// (to convert first); `here`: this many bytes from the start of the read-ahead.
    private enum ForeignText { case none, before(Int), here(Int), needMore }

    /// The next run of non-ASCII bytes in the read-ahead that is clearly UTF-8, not GB18030: valid UTF-8
    /// throughout, made of at least two three-byte characters of the CJK ranges (U+3000–U+9FFF,
    /// U+FF00–U+FFEF). Such bytes are often also valid GB18030 (郭萱 in UTF-8 reads as 閮惐), but GB18030
    /// text is almost never valid UTF-8 over a whole run: its common characters' lead bytes (B0–D7) are
    /// no UTF-8 lead bytes. A run is bounded by ASCII bytes (never a GB18030 lead byte).
    private func foreignUTF8() -> ForeignText {
        let p = pending, end = pendingEnd
        var i = pendingStart
        while i < end {
            guard p[i] >= 0x80 else { i += 1; continue }
            var j = i
            while j < end, p[j] >= 0x80 { j += 1 }
            if j == end, !rawEOF {
                // The run may go on past the read-ahead: convert what is before it, or read more.
                if i > pendingStart { return .before(i - pendingStart) }
                return j - i < pendingCapacity / 2 ? .needMore : .none
            }
            if Self.isCJKUTF8(p + i, j - i) { return i > pendingStart ? .before(i - pendingStart) : .here(j - i) }
            i = j
        }
        return .none
    }

    /// Whether `p[0..<count]` is two or more UTF-8 three-byte characters, all in U+3000–U+9FFF or U+FF00–U+FFEF.
    /// unsafe: the decoder's own byte buffer, handed to iconv and read in place (hot path: every input byte)
    static func isCJKUTF8(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        guard count >= 6, count % 3 == 0 else { return false }
        var i = 0
        while i < count {
            let a = p[i], b = p[i + 1], c = p[i + 2]
            guard b & 0xC0 == 0x80, c & 0xC0 == 0x80 else { return false }
            let scalar = (UInt32(a & 0x0F) << 12) | (UInt32(b & 0x3F) << 6) | UInt32(c & 0x3F)
            guard a & 0xF0 == 0xE0, (0x3000...0x9FFF).contains(scalar) || (0xFF00...0xFFEF).contains(scalar) else { return false }
            i += 3
        }
        return true
    }

    /// Auto-detection at the first non-ASCII byte (or at the end of an all-ASCII file): UTF-8 when the
    /// bytes that follow are valid UTF-8, else GB18030.
    private func decide() throws(KCBXError) {
        guard detected == nil else { return }
        let start = pendingStart
        // unsafe: the decoder's own byte buffer, handed to iconv and read in place (hot path: every input byte)
        let ahead = UnsafeBufferPointer(start: pending + start, count: pendingEnd - start)
        guard let high = ahead.firstIndex(where: { $0 >= 0x80 }), high == 0 else {
            if pendingStart == pendingEnd && rawEOF { detected = .utf8 }
            return
        }
        if pendingEnd - pendingStart < 4096 { try fillPending(atLeast: 4096) }
        // unsafe: the decoder's own byte buffer, handed to iconv and read in place (hot path: every input byte)
        let sample = UnsafeBufferPointer(start: pending + pendingStart, count: min(pendingEnd - pendingStart, 64 << 10))
        let score = Self.utf8Score(sample, complete: rawEOF && sample.count == pendingEnd - pendingStart)
        // GB18030 text read as UTF-8 is mostly invalid; a UTF-8 file with a stray bad byte is mostly valid
        // (its rows with bad bytes are then rejected, not the whole file misread).
        try use(score.invalid * 10 <= score.valid ? .utf8 : .gb18030)
    }

    /// Counts the valid multibyte UTF-8 sequences and the invalid sequences of `bytes`; an incomplete
    /// sequence at the very end counts as valid unless `complete`.
    /// unsafe: the decoder's own byte buffer, handed to iconv and read in place (hot path: every input byte)
    static func utf8Score(_ bytes: UnsafeBufferPointer<UInt8>, complete: Bool) -> (valid: Int, invalid: Int) {
        var i = 0
        let n = bytes.count
        var valid = 0, invalid = 0
        // One invalid sequence: the bad byte and the continuation bytes after it (at most three).
        func skipContinuations(after k: Int) -> Int {
            var j = k + 1
            while j < n, j < k + 4, bytes[j] & 0xC0 == 0x80 { j += 1 }
            return j
        }
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: invalid += 1; i = skipContinuations(after: i); continue
            }
            if i + length > n {
                // Truncated at the end of the sample: check what is there.
                if complete || ((i + 1)..<n).contains(where: { bytes[$0] & 0xC0 != 0x80 }) { invalid += 1 } else { valid += 1 }
                break
            }
            // Continuation bytes, then overlong and surrogate forms.
            if (1..<length).contains(where: { bytes[i + $0] & 0xC0 != 0x80 })
                || (b == 0xE0 && bytes[i + 1] < 0xA0) || (b == 0xED && bytes[i + 1] > 0x9F)
                || (b == 0xF0 && bytes[i + 1] < 0x90) || (b == 0xF4 && bytes[i + 1] > 0x8F) {
                invalid += 1; i = skipContinuations(after: i); continue
            }
            valid += 1
            i += length
        }
        return (valid, invalid)
    }
}

