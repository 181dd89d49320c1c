import Foundation
import KCBXCore
import CLibXML2

/// Streams records out of an XML export with libxml2's SAX2 push parser: no network, no DTD, no entity
/// expansion.
///
/// `record` names the element holding one record (`学生`, or a path `导出/学生` matched against the
/// element's ancestors). The columns are the record element's child elements (their text, trimmed) and
/// its attributes (as `@name`) seen in the first ``headerRecords`` records, in first-seen order, so a
/// mapped field the file lacks is reported like a missing CSV column. Those records are read when the
/// reader opens: an error among them (malformed XML, a refused DTD, no record element at all) throws
/// from `init`. The bytes are decoded like CSV (``TextSource``: gzip, BOM, GB18030/GBK/GB2312, iconv)
/// and reach libxml2 as UTF-8. A document that declares entities is refused before libxml2 parses the
/// declarations. No tree is built: libxml2 hands each element and text to callbacks that keep only the
/// mapped values, so memory is bounded by the records of one chunk of input (``headerRecords`` while
/// the reader opens).
public final class XMLRecordReader: RowReader {
    /// Child element names and `@attribute` names seen in the first ``headerRecords`` records.
    public private(set) var header: [String] = []
    /// Records read ahead to find the columns.
    public static let headerRecords = 1000
    /// The encoding in use (detected when configured `auto`; known once the first non-ASCII text is read).
    public var detectedEncoding: DetectedEncoding? { text.detected }

    private let text: TextSource
    private let file: String
    /// What the callbacks build: the record being read and the records ready to hand out. The callbacks
    /// reach it through this pointer (their context), so they pay no reference counting or exclusivity checks.
    /// unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers; interned names compared by address
    private let collector: UnsafeMutablePointer<RecordCollector>
    /// Kept to the end: the collector refers to it (its state, and its libxml2 parser while it runs).
    private var parser: SAXPushParser?
    /// Set once the document has ended or parsing stopped; `pending` is the error to throw once the
    /// records parsed before it have been handed out.
    private var finished = false
    private var pending: KCBXError?

    /// Opens `url` (plain or gzipped XML) and reads its first ``headerRecords`` records. `record`: the
    /// record element or path; `encoding`: as configured (`auto`: byte-order mark, the declaration's
    /// GB18030/GBK/GB2312, UTF-8 validity, else GB18030).
    public init(url: URL, record: String, encoding: TextEncodingOption = .auto, limits: InputLimits = .init()) throws(KCBXError) {
        file = url.path
        let steps = record.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !steps.isEmpty else {
            throw KCBXError(.config, "an XML source needs `record`: the element that holds one record (e.g. 学生 or 导出/学生)", file: file)
        }
        text = try TextSource(try ByteSource(url: url, limits: limits), encoding: encoding, kind: .xml)
        collector = .allocate(capacity: 1)
        collector.initialize(to: RecordCollector(steps: steps, file: file, maxRecordBytes: limits.maxRecordBytes))
        let parser = try SAXPushParser(input: text, file: file, handler: Self.makeHandler(), context: collector, inputIsUTF8: true)
        self.parser = parser
        collector.pointee.connect(parser)
        while collector.pointee.recordCount < Self.headerRecords, !finished { pump() }
        if let pending, collector.pointee.recordCount < Self.headerRecords { throw pending }
        collector.pointee.discovering = false
        header = collector.pointee.header
    }

    deinit {
        parser = nil
        collector.deinitialize(count: 1)
        collector.deallocate()
    }

    /// The same reader; `fields` is not needed any more (the columns are the names found in the file).
    public convenience init(url: URL, record: String, fields: [String], encoding: TextEncodingOption = .auto,
                            limits: InputLimits = .init()) throws(KCBXError) {
        try self.init(url: url, record: record, encoding: encoding, limits: limits)
    }

    /// The next record, or nil at the end of the document. Throws for malformed XML (with libxml2's
    /// message, line and column) or a record over the size limit.
    public func next() throws(KCBXError) -> Row? {
        guard try fill() else { return nil }
        var row = Row(values: [], recordNumber: 0, line: 0)
        collector.pointee.forEachRecord(from: collector.pointee.head, to: collector.pointee.head + 1) { row = checked($0).row }
        collector.pointee.head += 1
        if row.values.count < header.count { row.values += repeatElement("", count: header.count - row.values.count) }
        return row
    }

    /// Every remaining record, as bytes (a record read while the columns were found may hold fewer
    /// values than the header: the rest are blank).
    public func forEachRow(_ body: (RawRow) -> Void) throws(KCBXError) {
        while try fill() {
            collector.pointee.forEachRecord(from: collector.pointee.head, to: collector.pointee.queued.count) { body(checked($0)) }
            collector.pointee.head = collector.pointee.queued.count
        }
    }

    /// `raw`, with a problem naming the columns that hold U+FFFD once the file has shown bytes not valid
    /// in its encoding (or UTF-8 text in a file read as GB18030): such a value is never read as a name.
    private func checked(_ raw: RawRow) -> RawRow {
        guard text.invalidSequences > 0, raw.problem == nil else { return raw }
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        let columns = raw.fields.indices.filter { raw.fields[$0].count >= 3 && raw.fields[$0].firstRange(of: replacement) != nil }
        guard !columns.isEmpty else { return raw }
        var raw = raw
        let encoding = text.detected?.rawValue ?? "its encoding"
        raw.problem = "\(columnsPhrase(columns, header: header)): text that is not valid \(encoding) "
            + "(bytes of another encoding such as UTF-8, shown as \u{FFFD}); the file mixes encodings: export it again in one"
        return raw
    }

    /// Makes sure a parsed record waits to be handed out; `false` at the end of the document. Throws the
    /// error that stopped the parser once the records before it are handed out.
    private func fill() throws(KCBXError) -> Bool {
        while collector.pointee.head == collector.pointee.queued.count {
            collector.pointee.clearQueue()
            if finished {
                if let pending { throw pending }
                return false
            }
            pump()
        }
        return true
    }

    /// Hands libxml2 the next chunk of input (or the end of it); notes the end or the error that stops it.
    private func pump() {
        guard let parser, !parser.pump() else { return }
        if let error = collector.pointee.error {
            pending = error
        } else if parser.state.failed {
            pending = parser.state.failure(depth: collector.pointee.depth)
        } else if collector.pointee.recordCount == 0 {
            pending = collector.pointee.noRecordError()
        } else if text.invalidSequences > 0, let detected = text.detected {
            Log.warning("\(file): \(text.invalidSequences) byte sequence(s) not valid \(detected.rawValue) were replaced with \u{FFFD}")
        }
        finished = true
    }

    /// The callbacks: elements, text and errors; an entity declaration stops the parser (second line of
    /// defence behind ``PrologGuard``). CDATA reaches `characters` (`XML_PARSE_NOCDATA`).
    private static func makeHandler() -> xmlSAXHandler {
        var h = xmlSAXHandler()
        h.startElementNs = { context, name, _, _, _, _, attributeCount, defaulted, attributes in
            // Defaulted attributes come from a DTD's ATTLIST: left out, as `XML_PARSE_DTDATTR` is.
            RecordCollector.from(context).pointee.start(name, attributes: attributes, count: Int(attributeCount - defaulted))
        }
        h.endElementNs = { context, _, _, _ in
            RecordCollector.from(context).pointee.end()
        }
        h.characters = { context, text, length in
            guard let text, length > 0 else { return }
            // unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers; interned names compared by address
            RecordCollector.from(context).pointee.characters(UnsafeBufferPointer(start: text, count: Int(length)))
        }
        h.entityDecl = { context, _, _, _, _, _ in
            RecordCollector.from(context).pointee.stop(dtdRefusal)
        }
        h.serror = { context, error in
            guard let error else { return }
            RecordCollector.from(context).pointee.push?.state.record(error)
        }
        return h
    }

}

/// The state the SAX callbacks of an ``XMLRecordReader`` update: the path of open elements, the record
/// being read (its values' bytes back to back in `scratch`) and the finished records waiting to be handed
/// out (`queueBytes`). A struct behind one property, so a callback costs one exclusivity check, not one
/// per field it touches.
private struct RecordCollector {
    /// A finished record: its values are `queueEnds[firstValue ..< firstValue + count]`.
    struct Queued { var firstValue: Int, count: Int, number: Int, line: Int }

    /// Elements nested deeper than this stop the reader (no export needs more; a deeper one is hostile).
    static let maxDepth = 256
    /// Columns found holding elements of their own (warned once each: their nested text is not merged).
    var nestedColumns: Set<Int> = []

    let steps: [String]
    let file: String
    let maxRecordBytes: Int
    /// The parser feeding the callbacks (its state keeps libxml2's errors); the reader holds it.
    /// unsafe: libxml2 SAX: the parser owns the collector for the parse; no retain on each callback
    unowned(unsafe) var push: SAXPushParser?
    /// The record element's name and its required ancestors (nearest last), as dictionary pointers.
    /// unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers; interned names compared by address
    private var recordName: UnsafePointer<xmlChar>?
    private var ancestors: [UnsafePointer<xmlChar>?] = []
    /// Columns by name (dictionary pointers): child elements, attributes; `column` indexes ``header``.
    /// unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers; interned names compared by address
    private var childColumns: [(name: UnsafePointer<xmlChar>?, column: Int)] = []
    private var attributeColumns: [(name: UnsafePointer<xmlChar>?, column: Int)] = []
    /// Where to start looking for the next child: children come in the same order record after record.
    private var nextChild = 0
    /// True while the first records are read: names not seen before become columns.
    var discovering = true
    private(set) var header: [String] = []

    /// Names of the open elements, outermost first.
    /// unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers; interned names compared by address
    private var path: [UnsafePointer<xmlChar>?] = []
    var depth: Int { path.count }
    private(set) var recordCount = 0
    private var recordDepth = -1
    private var recordLine = 0
    private var currentField = -1
    /// The record's values: `spans[column]` in `scratch`, `start == -1` when the record has none.
    private var scratch: [UInt8] = []
    private var spans: [(start: Int, end: Int)] = []
    /// Element names seen before the first record (for the "no record element" message).
    /// unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers; interned names compared by address
    private var seen: [UnsafePointer<xmlChar>?] = []
    private static let seenLimit = 20
    /// An error found by a callback (a record over the limit, a refused DTD).
    var error: KCBXError?

    private(set) var queueBytes: [UInt8] = []
    private(set) var queueEnds: [Int] = []
    private(set) var queued: [Queued] = []
    /// The next record to hand out.
    var head = 0

    init(steps: [String], file: String, maxRecordBytes: Int) {
        self.steps = steps; self.file = file; self.maxRecordBytes = maxRecordBytes
    }

    /// Ties the collector to its parser (before the first chunk): errors, lines, the names to look for.
    mutating func connect(_ push: SAXPushParser) {
        self.push = push
        recordName = push.intern(steps.last!)
        ancestors = steps.dropLast().map { push.intern($0) }
    }

    /// The collector a callback's context points to.
    @inline(__always)
    // unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers; interned names compared by address
    static func from(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<RecordCollector> {
        context!.assumingMemoryBound(to: RecordCollector.self)
    }

    private var line: Int { push?.line ?? 0 }

    /// Stops the parser with an error.
    mutating func stop(_ error: KCBXError) {
        self.error = error
        if let parser = push?.parser { xmlStopParser(parser) }
    }

    mutating func stop(_ message: String) {
        stop(KCBXError(.input, message, file: file, line: line))
    }

    /// An element starts: a field inside a record, a record, or neither.
    @inline(__always)
    // unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers; interned names compared by address
    mutating func start(_ name: UnsafePointer<xmlChar>?, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int) {
        let depth = path.count
        path.append(name)
        if depth >= Self.maxDepth {
            stop(KCBXError(.input, "elements nested deeper than \(Self.maxDepth) levels; expected records of fields", file: file, line: line))
            return
        }
        if recordDepth >= 0 {
            if depth == recordDepth + 2, currentField >= 0, nestedColumns.insert(currentField).inserted {
                // The text of elements inside a field is not the field's: never merged into it, and said once.
                Log.warning("\(file): line \(line): column `\(header[currentField])` holds a nested element <\(xmlString(name))>; only the column's own text is read, the nested elements' text is not merged into it")
            }
            if depth == recordDepth + 1 {
                currentField = -1
                let column = childColumn(name)
                // A repeated child keeps its first (non-blank) value.
                if column >= 0, spans[column].start < 0 || spans[column].start == spans[column].end {
                    currentField = column
                    spans[column] = (scratch.count, scratch.count)
                }
            }
            return
        }
        if recordCount == 0, seen.count < Self.seenLimit, !seen.contains(name) { seen.append(name) }
        guard name == recordName, ancestorsMatch(depth) else { return }
        recordCount += 1
        recordDepth = depth
        recordLine = line
        scratch.removeAll(keepingCapacity: true)
        for i in spans.indices { spans[i] = (-1, -1) }
        guard let attributes, count > 0, discovering || !attributeColumns.isEmpty else { return }
        for k in 0..<count {
            let column = attributeColumn(attributes[5 * k])
            guard column >= 0, let value = attributes[5 * k + 3], let end = attributes[5 * k + 4] else { continue }
            let start = scratch.count
            // unsafe: RawRow hands fields out as buffer views (RowReader contract), from bytes libxml2 gave
            scratch.append(contentsOf: UnsafeBufferPointer(start: value, count: value.distance(to: end)))
            spans[column] = (start, scratch.count)
        }
        if scratch.count > maxRecordBytes { stop(tooLarge()) }
    }

    /// An element ends: a field's value is complete, or the record is.
    @inline(__always)
    mutating func end() {
        path.removeLast()
        guard recordDepth >= 0 else { return }
        let depth = path.count
        if depth == recordDepth + 1, currentField >= 0 {
            spans[currentField].end = scratch.count
            currentField = -1
        } else if depth == recordDepth {
            finishRecord()
        }
    }

    /// Text (or CDATA) inside the current field.
    @inline(__always)
    // unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers; interned names compared by address
    mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {
        guard currentField >= 0, path.count == recordDepth + 2 else { return }
        scratch.append(contentsOf: text)
        if scratch.count > maxRecordBytes { stop(tooLarge()) }
    }

    /// The column of a child element, or -1; while discovering, a new name becomes a column.
    @inline(__always)
    // unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers; interned names compared by address
    private mutating func childColumn(_ name: UnsafePointer<xmlChar>?) -> Int {
        let n = childColumns.count
        var k = nextChild
        for _ in 0..<n {
            if k == n { k = 0 }
            if childColumns[k].name == name { nextChild = k + 1; return childColumns[k].column }
            k += 1
        }
        guard discovering else { return -1 }
        childColumns.append((name, addColumn(xmlString(name))))
        nextChild = childColumns.count
        return header.count - 1
    }

    /// The column of an attribute of the record element, or -1; while discovering, a new name becomes a column.
    @inline(__always)
    // unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers; interned names compared by address
    private mutating func attributeColumn(_ name: UnsafePointer<xmlChar>?) -> Int {
        for field in attributeColumns where field.name == name { return field.column }
        guard discovering else { return -1 }
        attributeColumns.append((name, addColumn("@" + xmlString(name))))
        return header.count - 1
    }

    private mutating func addColumn(_ name: String) -> Int {
        header.append(name)
        spans.append((-1, -1))
        return header.count - 1
    }

    /// Whether the element at `depth` sits under the record path's ancestors (nearest last).
    @inline(__always)
    private func ancestorsMatch(_ depth: Int) -> Bool {
        guard !ancestors.isEmpty else { return true }
        guard depth >= ancestors.count else { return false }
        for (k, ancestor) in ancestors.reversed().enumerated() where path[depth - 1 - k] != ancestor { return false }
        return true
    }

    /// Queues the record's values, trimmed; after ``XMLRecordReader/headerRecords`` records the columns are fixed.
    private mutating func finishRecord() {
        recordDepth = -1
        currentField = -1
        let first = queueEnds.count
        // unsafe: RawRow hands fields out as buffer views (RowReader contract), from bytes libxml2 gave
        scratch.withUnsafeBufferPointer { bytes in
            for (start, end) in spans {
                if start >= 0 {
                    // unsafe: RawRow hands fields out as buffer views (RowReader contract), from bytes libxml2 gave
                    let value = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    queueBytes.append(contentsOf: UnsafeBufferPointer(rebasing: value[trimmedRange(value)]))
                }
                queueEnds.append(queueBytes.count)
            }
        }
        queued.append(Queued(firstValue: first, count: spans.count, number: recordCount, line: recordLine))
        if recordCount == XMLRecordReader.headerRecords { discovering = false }
    }

    /// Forgets the records handed out.
    mutating func clearQueue() {
        queueBytes.removeAll(keepingCapacity: true)
        queueEnds.removeAll(keepingCapacity: true)
        queued.removeAll(keepingCapacity: true)
        head = 0
    }

    /// Calls `body` with each queued record in `index..<end`.
    func forEachRecord(from index: Int, to end: Int, _ body: (RawRow) -> Void) {
        var raw = RawRow()
        queueBytes.withView { bytes in
            for r in index..<end {
                let record = queued[r]
                raw.recordNumber = record.number
                raw.line = record.line
                raw.fields.removeAll(keepingCapacity: true)
                var start = record.firstValue == 0 ? 0 : queueEnds[record.firstValue - 1]
                for k in record.firstValue..<record.firstValue + record.count {
                    raw.fields.append(bytes.extracting(start..<queueEnds[k]))
                    start = queueEnds[k]
                }
                body(raw)
            }
        }
    }

    private func tooLarge() -> KCBXError {
        KCBXError(.input, "record \(recordCount) (<\(steps.joined(separator: "/"))> element) is larger than the \(maxRecordBytes)-byte record limit",
                  file: file, line: recordLine)
    }

    /// The error for a document without any record element, naming the elements it has.
    func noRecordError() -> KCBXError {
        let names = seen.map { xmlString($0) }
        let list = names.isEmpty ? "none" : names.joined(separator: ", ") + (names.count == Self.seenLimit ? ", …" : "")
        return KCBXError(.input, "no <\(steps.joined(separator: "/"))> element found; elements seen: \(list)", file: file)
    }
}
