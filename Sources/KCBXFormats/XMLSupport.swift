import Foundation
import KCBXCore
import CLibXML2

// The libxml2 seam shared by the XML and XLSX readers: the same hardened options, prolog guard, byte
// pulling and error capture (nothing is printed to stderr) for the XML reader's SAX2 push parser and the
// XLSX reader's xmlTextReader (``XMLStream``).

/// A pull source of raw bytes for libxml2: a (possibly gzipped) file, a temporary file.
protocol XMLByteInput: AnyObject {
    /// Fills `buffer` from the start; returns the count, 0 at the end.
    /// unsafe: libxml2 C API: input callbacks, xmlChar pointers and the parser context are C memory
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(KCBXError) -> Int
}

/// An input file, gunzipped on the fly when it is gzip.
extension ByteSource: XMLByteInput {}

/// An input file's text converted to UTF-8 (the XML reader's way in: the same decoding as CSV).
extension TextSource: XMLByteInput {}

/// Reads a plain file descriptor (an unlinked temporary file holding a zip part, say).
final class FileDescriptorInput: XMLByteInput {
    private let fd: Int32
    private let path: String
    /// Where the next read starts (each input keeps its own, so two can read one file).
    private var offset: off_t = 0
    /// The time budget of reading the file (the workbook an XLSX part comes from).
    private let deadline: ReadDeadline?
    /// Takes ownership of `fd`: it is closed with this object.
    init(fd: Int32, path: String, deadline: ReadDeadline? = nil) { self.fd = fd; self.path = path; self.deadline = deadline }
    deinit { close(fd) }

    /// Another input over the same file, from its start (the file stays open while either is).
    func fromStart() throws(KCBXError) -> FileDescriptorInput {
        let copy = dup(fd)
        guard copy >= 0 else { throw KCBXError(.input, "cannot read again: \(String(cString: strerror(errno)))", file: path) }
        return FileDescriptorInput(fd: copy, path: path, deadline: deadline)
    }

    // unsafe: libxml2 C API: input callbacks, xmlChar pointers and the parser context are C memory
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(KCBXError) -> Int {
        try deadline?.check(path)
        while true {
            let n = pread(fd, buffer.baseAddress, buffer.count, offset)
            if n >= 0 { offset += off_t(n); return n }
            if errno == EINTR { continue }
            throw KCBXError(.input, "cannot read: \(String(cString: strerror(errno)))", file: path)
        }
    }
}

/// The node kinds of libxml2's reader, as the `Int32` that `xmlTextReaderNodeType` returns.
enum XMLNode {
    static let element = Int32(XML_READER_TYPE_ELEMENT.rawValue)
    static let text = Int32(XML_READER_TYPE_TEXT.rawValue)
    static let cdata = Int32(XML_READER_TYPE_CDATA.rawValue)
    static let documentType = Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue)
    static let whitespace = Int32(XML_READER_TYPE_WHITESPACE.rawValue)
    static let significantWhitespace = Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue)
    static let endElement = Int32(XML_READER_TYPE_END_ELEMENT.rawValue)
}

/// libxml2's one-time set-up, done before the first parser of either kind.
let libxml2Initialized: Void = { xmlInitParser() }()

/// The message every refused DTD gets.
let dtdRefusal = "DTD/entity declarations are not allowed (billion laughs/XXE guard)"

/// libxml2's parser options for untrusted input: no network, entities never substituted, no DTD
/// loading or defaulted attributes (`NOENT`, `DTDLOAD`, `DTDATTR`, `HUGE` are deliberately absent),
/// CDATA merged into text.
let hardenedXMLOptions: Int32 = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)

/// Everything the C callbacks of one reader report back: the first parser error, a failure of the
/// byte source, the prolog guard's verdict.
final class XMLReaderState {
    let input: any XMLByteInput
    let file: String
    var guardState = PrologGuard()
    /// First error libxml2 reported (message, line, column).
    var parserError: (message: String, line: Int, column: Int, code: Int32)?
    /// An error of the byte source or of the prolog guard; wins over `parserError`.
    var inputError: KCBXError?
    /// Whether reading stopped on an error (of the input, the guard or the parser).
    var failed: Bool { inputError != nil || parserError != nil }
    /// Bytes passed to libxml2 so far.
    var bytesRead = 0
    /// The document's first bytes, to tell a binary file from malformed XML.
    var firstBytes: [UInt8] = []
    init(input: any XMLByteInput, file: String) { self.input = input; self.file = file }

    /// Fills `target` from the byte source through the prolog guard; returns the count, 0 at the end,
    /// -1 after an error (kept in ``inputError``).
    /// unsafe: libxml2 C API: input callbacks, xmlChar pointers and the parser context are C memory
    func pull(into target: UnsafeMutableRawBufferPointer) -> Int {
        if inputError != nil { return -1 }
        do throws(KCBXError) {
            let n = try input.read(into: target)
            bytesRead += n
            // unsafe: libxml2 C API: input callbacks, xmlChar pointers and the parser context are C memory
            if firstBytes.count < 8 { firstBytes += UnsafeRawBufferPointer(rebasing: target[0..<min(n, 8 - firstBytes.count)]) }
            if n > 0, !guardState.done, let refusal = guardState.inspect(UnsafeRawBufferPointer(rebasing: target[0..<n])) {
                inputError = KCBXError(.input, refusal.message, file: file, line: refusal.line)
                return -1
            }
            return n
        } catch {
            inputError = error
            return -1
        }
    }

    /// Keeps the first error libxml2 reports (of level error or fatal).
    /// unsafe: libxml2 C API: input callbacks, xmlChar pointers and the parser context are C memory
    func record(_ error: UnsafePointer<xmlError>) {
        guard parserError == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let message = error.pointee.message.map { String(cString: $0) } ?? "unknown parser error"
        parserError = (message.trimmingCharacters(in: .whitespacesAndNewlines), Int(error.pointee.line), Int(error.pointee.int2), error.pointee.code)
    }

    /// The error that stopped the parser, as the user should see it; `depth`: elements open when it stopped.
    func failure(depth: Int) -> KCBXError {
        if let error = inputError { return error }
        if bytesRead == 0 { return KCBXError(.input, "the file is empty (expected an XML document)", file: file) }
        if let e = parserError {
            let start = firstBytes.drop { [0x00, 0x09, 0x0A, 0x0D, 0x20, 0xEF, 0xBB, 0xBF, 0xFE, 0xFF].contains($0) }
            var what = "malformed XML: "
            if let first = start.first, first != UInt8(ascii: "<") {
                what = "not an XML document (it starts with bytes \(firstBytes.map { String(format: "%02X", $0) }.joined(separator: " "))); libxml2: "
            } else if e.code == Int32(XML_ERR_DOCUMENT_END.rawValue), depth > 0 {
                // The push parser names a document cut short "extra content at the end".
                what = "malformed XML: the document ends before its elements are closed (a truncated file?); libxml2: "
            } else if e.message.contains("huge text node") {
                what = "more than 10 MB of text in one element (libxml2's limit for one value; a broken export?); libxml2: "
            } else if e.message.hasPrefix("Input is not proper UTF-8") {
                what = "bytes that are not valid UTF-8 (the file is read as UTF-8; if it is GB18030, set `encoding: gb18030`); libxml2: "
            }
            return KCBXError(.input, what + e.message, file: file,
                             line: e.line > 0 ? e.line : nil, column: e.column > 0 ? e.column : nil)
        }
        return KCBXError(.input, "malformed XML: the parser stopped without a message", file: file)
    }
}

/// libxml2's SAX2 push parser over an ``XMLByteInput``, hardened like ``XMLStream``: the document is
/// handed over a chunk at a time, and `handler`'s callbacks see each element and text with `context`.
/// No tree is built, so memory is what the callbacks keep. Bytes pass the ``PrologGuard`` first; the
/// handler's structured-error callback should keep libxml2's errors in ``state``.
final class SAXPushParser {
    let state: XMLReaderState
    /// The parser, until the document has ended or parsing stopped.
    private(set) var parser: xmlParserCtxtPtr?
    // unsafe: libxml2 C API: input callbacks, xmlChar pointers and the parser context are C memory
    private let chunk: UnsafeMutableRawBufferPointer
    static let chunkSize = 256 << 10

    /// `inputIsUTF8`: the input is already UTF-8 (a ``TextSource``): libxml2 ignores the declared
    /// encoding (naming "UTF-8" would add a copying UTF-8 → UTF-8 pass).
    /// unsafe: libxml2 C API: input callbacks, xmlChar pointers and the parser context are C memory
    init(input: any XMLByteInput, file: String, handler: xmlSAXHandler, context: UnsafeMutableRawPointer,
         inputIsUTF8: Bool) throws(KCBXError) {
        _ = libxml2Initialized
        state = XMLReaderState(input: input, file: file)
        chunk = .allocate(byteCount: Self.chunkSize, alignment: 16)
        var handler = handler
        handler.initialized = XML_SAX2_MAGIC
        guard let parser = xmlCreatePushParserCtxt(&handler, context, nil, 0, file) else {
            chunk.deallocate()
            throw KCBXError(.input, "cannot start the XML parser", file: file)
        }
        xmlCtxtUseOptions(parser, hardenedXMLOptions | (inputIsUTF8 ? Int32(XML_PARSE_IGNORE_ENC.rawValue) : 0))
        self.parser = parser
    }

    deinit {
        if let parser { xmlFreeParserCtxt(parser) }
        chunk.deallocate()
    }

    /// Hands libxml2 the next chunk of input, or the end of it. Returns `false` once the document has
    /// ended or parsing stopped (an error in ``state``, or a callback's `xmlStopParser`); the parser is
    /// then freed.
    func pump() -> Bool {
        guard let parser else { return false }
        let n = state.pull(into: chunk)
        if n >= 0 { xmlParseChunk(parser, chunk.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(n), n == 0 ? 1 : 0) }
        if n > 0, state.parserError == nil, parser.pointee.instate != XML_PARSER_EOF { return true }
        xmlFreeParserCtxt(parser)
        self.parser = nil
        return false
    }

    /// The line the parser has reached (exact: its counter does not saturate); 0 once it has ended.
    var line: Int { parser.map { Int($0.pointee.input.pointee.line) } ?? 0 }

    /// `name` as the pointer libxml2's dictionary gives element and attribute names (compared by pointer).
    /// unsafe: libxml2 C API: input callbacks, xmlChar pointers and the parser context are C memory
    func intern(_ name: String) -> UnsafePointer<xmlChar>? {
        guard let parser else { return nil }
        // unsafe: libxml2 C API: input callbacks, xmlChar pointers and the parser context are C memory
        return name.withCString { xmlDictLookup(parser.pointee.dict, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self), -1) }
    }
}

/// A libxml2 `xmlTextReader` over an ``XMLByteInput``, hardened and quiet: the XLSX reader's way
/// through a workbook's parts (XML exports go through ``XMLRecordReader``'s SAX2 push parser instead,
/// which builds no tree and reads them twice as fast).
///
/// Errors are collected by a per-reader structured error handler and thrown as ``KCBXError`` with the
/// file, line and column libxml2 reports. Bytes pass a ``PrologGuard`` before libxml2 sees them, so a
/// document that declares entities is refused before any declaration is parsed.
final class XMLStream {
    let reader: OpaquePointer
    let state: XMLReaderState
    private let retained: Unmanaged<XMLReaderState>

    init(input: any XMLByteInput, file: String) throws(KCBXError) {
        _ = libxml2Initialized
        state = XMLReaderState(input: input, file: file)
        retained = Unmanaged.passRetained(state)
        let context = retained.toOpaque()
        guard let reader = xmlReaderForIO(xmlStreamRead, nil, context, file, nil, hardenedXMLOptions) else {
            retained.release()
            throw state.inputError ?? KCBXError(.input, "cannot start the XML parser", file: file)
        }
        self.reader = reader
        xmlTextReaderSetStructuredErrorHandler(reader, xmlStreamError, context)
    }

    deinit {
        xmlFreeTextReader(reader)
        retained.release()
    }


    /// Moves to the next node; `false` at the end of the document. Throws on malformed or refused input.
    @inline(__always)
    func read() throws(KCBXError) -> Bool {
        let status = xmlTextReaderRead(reader)
        if status == 1 { return true }
        if status == 0, !state.failed { return false }
        throw failure()
    }

    /// The error that stopped the parser, as the user should see it.
    func failure() -> KCBXError { state.failure(depth: Int(xmlTextReaderDepth(reader))) }

    @inline(__always) var nodeType: Int32 { xmlTextReaderNodeType(reader) }
    @inline(__always) var depth: Int { Int(xmlTextReaderDepth(reader)) }
    @inline(__always) var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }
    /// The local name, from the parser's dictionary: compare it with ``intern(_:)`` by pointer.
    /// unsafe: libxml2 C API: input callbacks, xmlChar pointers and the parser context are C memory
    @inline(__always) var localName: UnsafePointer<xmlChar>? { xmlTextReaderConstLocalName(reader) }
    @inline(__always) var value: UnsafePointer<xmlChar>? { xmlTextReaderConstValue(reader) }

    /// `name` as the pointer libxml2 uses for it in this document's dictionary.
    /// unsafe: libxml2 C API: input callbacks, xmlChar pointers and the parser context are C memory
    func intern(_ name: String) -> UnsafePointer<xmlChar>? { xmlTextReaderConstString(reader, name) }

    /// Calls `body` with each attribute's local name and value of the current element.
    @inline(__always)
    // unsafe: libxml2 C API: input callbacks, xmlChar pointers and the parser context are C memory
    func forEachAttribute(_ body: (UnsafePointer<xmlChar>?, UnsafePointer<xmlChar>?) throws(KCBXError) -> Void) throws(KCBXError) {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            try body(xmlTextReaderConstLocalName(reader), xmlTextReaderConstValue(reader))
        }
        xmlTextReaderMoveToElement(reader)
    }

    /// Refuses a DOCTYPE node whose DTD declares entities (second line of defence behind ``PrologGuard``).
    func checkDocumentType() throws(KCBXError) {
        guard let node = xmlTextReaderCurrentNode(reader) else { return }
        // unsafe: libxml2 C API: input callbacks, xmlChar pointers and the parser context are C memory
        let dtd = UnsafeMutableRawPointer(node).assumingMemoryBound(to: xmlDtd.self)
        if dtd.pointee.entities != nil || dtd.pointee.pentities != nil {
            throw KCBXError(.input, dtdRefusal, file: state.file, line: Int(node.pointee.line))
        }
    }
}

/// libxml2's read callback: pulls from the byte source through the prolog guard; -1 stops the parser.
/// unsafe: libxml2 C API: input callbacks, xmlChar pointers and the parser context are C memory
private func xmlStreamRead(_ context: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ length: Int32) -> Int32 {
    guard let context, let buffer, length > 0 else { return -1 }
    let state = Unmanaged<XMLReaderState>.fromOpaque(context).takeUnretainedValue()
    // unsafe: libxml2 C API: input callbacks, xmlChar pointers and the parser context are C memory
    return Int32(state.pull(into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))))
}

/// libxml2's structured error callback: keeps the first error, prints nothing.
/// unsafe: libxml2 C API: input callbacks, xmlChar pointers and the parser context are C memory
private func xmlStreamError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    Unmanaged<XMLReaderState>.fromOpaque(context).takeUnretainedValue().record(error)
}

/// Looks at the bytes before the root element and refuses a DOCTYPE whose internal subset declares
/// entities, before libxml2 parses any of it (billion laughs, XXE).
///
/// NUL bytes are skipped, so UTF-16 prologs are seen as their ASCII markup; GB18030 and UTF-8 never use
/// the markup bytes `<>"'!` inside a character.
struct PrologGuard {
    /// Longest prolog (XML declaration, comments, DOCTYPE) accepted before the root element.
    static let limit = 1 << 20
    private(set) var done = false
    private var bytes: [UInt8] = []
    /// Where the first construct not yet complete starts: scanning resumes there.
    private var resume = 0
    /// For a comment or processing instruction left open at `resume`: where its end was last looked for.
    private var searched = 0

    /// Adds the next bytes; returns why and where to refuse the document, or nil.
    /// unsafe: libxml2 C API: input callbacks, xmlChar pointers and the parser context are C memory
    mutating func inspect(_ chunk: UnsafeRawBufferPointer) -> (message: String, line: Int)? {
        for b in chunk where b != 0 { bytes.append(b) }
        switch scan() {
        case .needMore(let start):
            if start != resume { searched = 0 }
            resume = start
            searched = max(searched, bytes.count - 3)
            guard bytes.count > PrologGuard.limit else { return nil }
            done = true
            return ("the XML prolog is longer than \(PrologGuard.limit >> 20) MB before the first element", 1)
        case .clean(let end):
            done = true; bytes = []
            // However the bytes arrived, a prolog that ends past the limit is refused.
            guard end <= PrologGuard.limit else { return ("the XML prolog is longer than \(PrologGuard.limit >> 20) MB before the first element", 1) }
            return nil
        case .entity(let at):
            done = true
            return (dtdRefusal, 1 + bytes[..<at].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) })
        }
    }

    /// More bytes needed (scanning resumes at the offset), no entity declared up to the offset, or an entity declared at it.
    private enum Verdict { case needMore(Int), clean(Int), entity(Int) }

    private func scan() -> Verdict {
        let b = bytes
        var i = resume
        func has(_ s: String, at k: Int) -> Bool? {
            let u = Array(s.utf8)
            if k + u.count > b.count { return nil }
            return b[k..<k + u.count].elementsEqual(u)
        }
        func find(_ s: String, from k: Int) -> Int? {
            let u = Array(s.utf8)
            var j = k
            while j + u.count <= b.count {
                if b[j] == u[0], b[j..<j + u.count].elementsEqual(u) { return j }
                j += 1
            }
            return nil
        }
        while i < b.count {
            guard b[i] == UInt8(ascii: "<") else { i += 1; continue }
            guard i + 1 < b.count else { return .needMore(i) }
            switch b[i + 1] {
            case UInt8(ascii: "?"):
                guard let end = find("?>", from: max(i + 2, i == resume ? searched : 0)) else { return .needMore(i) }
                i = end + 2
            case UInt8(ascii: "!"):
                guard let isComment = has("<!--", at: i) else { return .needMore(i) }
                if isComment {
                    guard let end = find("-->", from: max(i + 4, i == resume ? searched : 0)) else { return .needMore(i) }
                    i = end + 3
                    continue
                }
                guard let isDoctype = has("<!DOCTYPE", at: i) else { return .needMore(i) }
                guard isDoctype else { return .clean(i) }  // not well-formed: libxml2 will say so
                return scanDoctype(from: i + 9, find: find, has: has)
            default:
                return .clean(i)  // the root element: nothing more to guard
            }
        }
        return .needMore(i)
    }

    /// The DOCTYPE up to its closing `>`: an internal subset with `<!ENTITY` is refused.
    private func scanDoctype(from start: Int, find: (String, Int) -> Int?, has: (String, Int) -> Bool?) -> Verdict {
        let b = bytes
        var i = start
        var inSubset = false
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                guard let end = b[(i + 1)...].firstIndex(of: c) else { return .needMore(start - 9) }
                i = end + 1
                continue
            }
            if inSubset {
                if c == UInt8(ascii: "<") {
                    guard let isComment = has("<!--", i) else { return .needMore(start - 9) }
                    if isComment {
                        guard let end = find("-->", i + 4) else { return .needMore(start - 9) }
                        i = end + 3
                        continue
                    }
                    guard let isEntity = has("<!ENTITY", i) else { return .needMore(start - 9) }
                    if isEntity { return .entity(i) }
                } else if c == UInt8(ascii: "%") {
                    return .entity(i)  // a parameter-entity reference pulls in declarations
                } else if c == UInt8(ascii: "]") {
                    inSubset = false
                }
            } else if c == UInt8(ascii: "[") {
                inSubset = true
            } else if c == UInt8(ascii: ">") {
                return .clean(i)
            }
            i += 1
        }
        return .needMore(start - 9)
    }
}

/// Appends a NUL-terminated libxml2 string to `bytes`; returns the count added.
@inline(__always)
// unsafe: libxml2 C API: input callbacks, xmlChar pointers and the parser context are C memory
func appendXMLString(_ value: UnsafePointer<xmlChar>?, to bytes: inout [UInt8]) -> Int {
    guard let value else { return 0 }
    // unsafe: libxml2 C API: input callbacks, xmlChar pointers and the parser context are C memory
    let n = strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
    bytes.append(contentsOf: UnsafeBufferPointer(start: value, count: n))
    return n
}

/// A libxml2 string as a Swift `String`.
@inline(__always)
// unsafe: libxml2 C API: input callbacks, xmlChar pointers and the parser context are C memory
func xmlString(_ value: UnsafePointer<xmlChar>?) -> String {
    guard let value else { return "" }
    // unsafe: libxml2 C API: input callbacks, xmlChar pointers and the parser context are C memory
    return String(cString: UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
}

/// UTF-8 bytes as a string with surrounding whitespace removed: ASCII white space and the Unicode
/// spaces exports carry (U+3000 ideographic space, U+00A0, U+2000–U+200A, …), at the byte level.
@inline(__always)
func trimmedString(_ bytes: [UInt8]) -> String {
    // unsafe: trims bytes libxml2 handed over, in place with no copy (SAX text)
    bytes.withUnsafeBufferPointer { buffer -> String in
        String(decoding: UnsafeBufferPointer(rebasing: buffer[trimmedRange(buffer)]), as: UTF8.self)
    }
}

/// The part of `buffer` left when the white space around it is removed (as ``trimmedString(_:)``).
@inline(__always)
// unsafe: trims bytes libxml2 handed over, in place with no copy (SAX text)
func trimmedRange(_ buffer: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var lo = 0, hi = buffer.count
    while lo < hi {
        let n = spaceLength(buffer, at: lo)
        if n == 0 { break }
        lo += n
    }
    while hi > lo {
        let n = spaceLengthBefore(buffer, end: hi, start: lo)
        if n == 0 { break }
        hi -= n
    }
    return lo..<hi
}

/// Byte length of the white-space character starting at `i`, or 0.
@inline(__always)
// unsafe: trims bytes libxml2 handed over, in place with no copy (SAX text)
private func spaceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
    let c = b[i]
    if c == 0x20 || (c >= 0x09 && c <= 0x0D) { return 1 }
    if c < 0xC2 { return 0 }
    let rest = b.count - i
    if c == 0xC2, rest >= 2, b[i + 1] == 0xA0 || b[i + 1] == 0x85 { return 2 }
    guard rest >= 3 else { return 0 }
    return isUnicodeSpace(c, b[i + 1], b[i + 2]) ? 3 : 0
}

/// Byte length of the white-space character ending at `end` (not before `start`), or 0.
@inline(__always)
// unsafe: trims bytes libxml2 handed over, in place with no copy (SAX text)
private func spaceLengthBefore(_ b: UnsafeBufferPointer<UInt8>, end: Int, start: Int) -> Int {
    let c = b[end - 1]
    if c == 0x20 || (c >= 0x09 && c <= 0x0D) { return 1 }
    if c < 0x80 { return 0 }
    if end - start >= 2, b[end - 2] == 0xC2, c == 0xA0 || c == 0x85 { return 2 }
    guard end - start >= 3 else { return 0 }
    return isUnicodeSpace(b[end - 3], b[end - 2], c) ? 3 : 0
}

/// The three-byte white space of Unicode: U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
@inline(__always)
private func isUnicodeSpace(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
    switch (a, b) {
    case (0xE3, 0x80): return c == 0x80
    case (0xE2, 0x80): return (c >= 0x80 && c <= 0x8A) || c == 0xA8 || c == 0xA9 || c == 0xAF
    case (0xE2, 0x81): return c == 0x9F
    case (0xE1, 0x9A): return c == 0x80
    default: return false
    }
}
