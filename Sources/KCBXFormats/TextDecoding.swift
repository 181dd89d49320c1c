import Foundation
import KCBXCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stream conversion between two text encodings through iconv (GB18030 ⇄ UTF-8, UTF-16 → UTF-8).
///
/// Multibyte sequences split across buffers are carried over to the next call; a byte sequence that is
/// not valid in the source encoding becomes U+FFFD (in UTF-8 output) and is counted.
final class IconvConverter {
    private let cd: iconv_t
    let from: String
    let to: String
    /// Invalid input sequences replaced so far.
    private(set) var invalidSequences = 0

    init(from: String, to: String, file: String?) throws(KCBXError) {
        guard let cd = iconv_open(to, from), cd != iconv_t(bitPattern: -1) else {
            throw KCBXError(.runFailed, "iconv cannot convert \(from) to \(to) on this system", file: file)
        }
        self.cd = cd; self.from = from; self.to = to
    }

    deinit { iconv_close(cd) }

    /// Outcome of one ``convert(_:_:flush:)`` call.
    struct Step { var consumed: Int; var produced: Int }

    /// Converts as much of `input` as fits in `output`. With `flush`, an incomplete sequence at the end of
    /// `input` is replaced rather than left for the next call. Unconsumed input must be passed again.
    func convert(_ input: UnsafeRawBufferPointer, _ output: UnsafeMutableRawBufferPointer, flush: Bool) -> Step {
        guard let inBase = input.baseAddress, let outBase = output.baseAddress else { return Step(consumed: 0, produced: 0) }
        var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBase).assumingMemoryBound(to: CChar.self)
        var inLeft = input.count
        var outPtr: UnsafeMutablePointer<CChar>? = outBase.assumingMemoryBound(to: CChar.self)
        var outLeft = output.count
        while inLeft > 0 {
            let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
            if r != -1 { break }
            let err = errno
            if err == E2BIG { break }
            if err == EINVAL, !flush { break }  // incomplete sequence at the end: wait for more input
            // EILSEQ (invalid) or EINVAL at the very end: replace one byte and go on.
            guard outLeft >= 3 else { break }
            invalidSequences += 1
            inPtr = inPtr.map { $0 + 1 }; inLeft -= 1
            if to == "UTF-8" {
                outPtr?[0] = CChar(bitPattern: 0xEF); outPtr?[1] = CChar(bitPattern: 0xBF); outPtr?[2] = CChar(bitPattern: 0xBD)
                outPtr = outPtr.map { $0 + 3 }; outLeft -= 3
            } else {
                outPtr?[0] = 0x3F  // "?"
                outPtr = outPtr.map { $0 + 1 }; outLeft -= 1
            }
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

    /// The pipeline-file option this corresponds to (UTF-16 files are converted to UTF-8).
    public var option: TextEncodingOption { self == .gb18030 ? .gb18030 : .utf8 }
}

/// The text of a file as UTF-8 bytes, whatever its encoding, as a stream.
///
/// Detection when `auto`: a byte-order mark (UTF-8, UTF-16), then UTF-8 validity at the first non-ASCII
/// bytes, else GB18030. While only ASCII has been seen the bytes pass through unchanged (ASCII is the same
/// in both), so a file whose first Chinese text comes late is still detected correctly. A file with NUL
/// bytes (and no UTF-16 mark) is refused as not text.
final class TextSource {
    let bytes: ByteSource
    /// The encoding in use; `nil` while undecided (only ASCII seen so far, auto-detection).
    private(set) var detected: DetectedEncoding?
    private var converter: IconvConverter?
    /// Byte sequences that were not valid in the file's encoding and became U+FFFD (converted encodings only).
    var invalidSequences: Int { converter?.invalidSequences ?? 0 }
    /// Raw (undecoded) bytes read ahead, `pending[pendingStart..<pendingEnd]`.
    private var pending: UnsafeMutablePointer<UInt8>
    private let pendingCapacity = 256 << 10
    private var pendingStart = 0
    private var pendingEnd = 0
    private var rawEOF = false
    private var file: String { bytes.url.path }
    /// Bytes sniffed for binary content at the start of the file.
    static let sniffBytes = 64 << 10

    init(_ bytes: ByteSource, encoding: TextEncodingOption) throws(KCBXError) {
        self.bytes = bytes
        pending = .allocate(capacity: pendingCapacity)
        try fillPending(atLeast: Self.sniffBytes)
        let head = UnsafeBufferPointer(start: pending, count: pendingEnd)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            pendingStart = 3
            detected = .utf8BOM
        } else if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            pendingStart = 2
            detected = head[0] == 0xFF ? .utf16LE : .utf16BE
            converter = try IconvConverter(from: detected!.rawValue, to: "UTF-8", file: file)
        } else {
            if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                throw KCBXError(.input, "not a text file: this is a zip archive (an XLSX workbook?); set `format: xlsx` for a workbook, or export it as CSV", file: file)
            }
            if let nul = head.prefix(Self.sniffBytes).firstIndex(of: 0) {
                throw KCBXError(.input, "not a text file: binary content (a NUL byte at byte \(nul + 1)); expected CSV text in UTF-8 or GB18030", file: file)
            }
            switch encoding {
            case .utf8: detected = .utf8
            case .gb18030:
                detected = .gb18030
                converter = try IconvConverter(from: "GB18030", to: "UTF-8", file: file)
            case .auto: detected = nil
            }
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
            let n = try bytes.read(into: UnsafeMutableRawBufferPointer(start: pending + pendingEnd, count: pendingCapacity - pendingEnd))
            if n == 0 { rawEOF = true } else { pendingEnd += n }
        }
    }

    /// Fills `buffer` with UTF-8 text; returns the count, 0 at the end. `buffer` must hold at least 16 bytes.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(KCBXError) -> Int {
        guard let out = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), buffer.count > 0 else { return 0 }
        if detected == nil { try decide() }
        if let converter {
            while true {
                if pendingStart == pendingEnd || (pendingEnd - pendingStart < 8 && !rawEOF) { try fillPending(atLeast: pendingCapacity) }
                if pendingStart == pendingEnd { return 0 }
                let step = converter.convert(UnsafeRawBufferPointer(start: pending + pendingStart, count: pendingEnd - pendingStart),
                                             buffer, flush: rawEOF)
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

    /// Auto-detection at the first non-ASCII byte (or at the end of an all-ASCII file): UTF-8 when the
    /// bytes that follow are valid UTF-8, else GB18030.
    private func decide() throws(KCBXError) {
        guard detected == nil else { return }
        let start = pendingStart
        let ahead = UnsafeBufferPointer(start: pending + start, count: pendingEnd - start)
        guard let high = ahead.firstIndex(where: { $0 >= 0x80 }), high == 0 else {
            if pendingStart == pendingEnd && rawEOF { detected = .utf8 }
            return
        }
        if pendingEnd - pendingStart < 4096 { try fillPending(atLeast: 4096) }
        let sample = UnsafeBufferPointer(start: pending + pendingStart, count: min(pendingEnd - pendingStart, 64 << 10))
        if Self.isValidUTF8(sample, complete: rawEOF && sample.count == pendingEnd - pendingStart) {
            detected = .utf8
        } else {
            detected = .gb18030
            converter = try IconvConverter(from: "GB18030", to: "UTF-8", file: file)
        }
    }

    /// Whether `bytes` are valid UTF-8; an incomplete sequence at the very end counts as valid unless `complete`.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, complete: Bool) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return false
            }
            if i + length > n {
                // Truncated at the end of the sample: check what is there.
                if complete { return false }
                for k in (i + 1)..<n where bytes[k] & 0xC0 != 0x80 { return false }
                return true
            }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return false }
            // Overlong and surrogate forms.
            if b == 0xE0, bytes[i + 1] < 0xA0 { return false }
            if b == 0xED, bytes[i + 1] > 0x9F { return false }
            if b == 0xF0, bytes[i + 1] < 0x90 { return false }
            if b == 0xF4, bytes[i + 1] > 0x8F { return false }
            i += length
        }
        return true
    }
}
