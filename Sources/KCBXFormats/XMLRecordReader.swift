import Foundation
import KCBXCore
import CLibXML2

/// Streams records out of an XML export with libxml2's reader: no network, no DTD, no entity expansion.
///
/// `record` names the element holding one record (`学生`, or a path `导出/学生` matched against the
/// element's ancestors). The columns are the record element's child elements (their text, trimmed) and
/// its attributes (as `@name`) seen in the first ``headerRecords`` records, in first-seen order, so a
/// mapped field the file lacks is reported like a missing CSV column. Those records are read when the
/// reader opens: an error among them (malformed XML, a refused DTD, no record element at all) throws
/// from `init`. The bytes are decoded like CSV (``TextSource``: gzip, BOM, GB18030/GBK/GB2312, iconv)
/// and reach libxml2 as UTF-8. A document that declares entities is refused before libxml2 parses the
/// declarations. Memory is bounded by one record (``headerRecords`` while the reader opens).
public final class XMLRecordReader: RowReader {
    /// Child element names and `@attribute` names seen in the first ``headerRecords`` records.
    public private(set) var header: [String] = []
    /// Records read ahead to find the columns.
    public static let headerRecords = 1000
    /// The encoding in use (detected when configured `auto`; known once the first non-ASCII text is read).
    public var detectedEncoding: DetectedEncoding? { text.detected }

    private let text: TextSource
    private let stream: XMLStream
    private let file: String
    private let recordLabel: String
    private let maxRecordBytes: Int
    /// The record element's name and its required ancestors (nearest last), as dictionary pointers.
    private let recordName: UnsafePointer<xmlChar>?
    private let ancestors: [UnsafePointer<xmlChar>?]
    /// Columns by name (dictionary pointers): child elements, attributes; `column` indexes ``header``.
    private var childColumns: [(name: UnsafePointer<xmlChar>?, column: Int)] = []
    private var attributeColumns: [(name: UnsafePointer<xmlChar>?, column: Int)] = []
    /// Where to start looking for the next child: children come in the same order record after record.
    private var nextChild = 0
    /// True while the first records are read: names not seen before become columns.
    private var discovering = true
    /// The records read while opening, handed out first.
    private var ahead: [Row] = []
    private var aheadIndex = 0
    private var finished = false

    private var path: [UnsafePointer<xmlChar>?] = []
    private var lines = LineCounter()
    private var buffers: [[UInt8]] = []
    private var recordCount = 0
    private var recordDepth = -1
    private var recordLine = 0
    private var recordBytes = 0
    private var currentField = -1
    private var seen: [UnsafePointer<xmlChar>?] = []

    /// Opens `url` (plain or gzipped XML) and reads its first ``headerRecords`` records. `record`: the
    /// record element or path; `encoding`: as configured (`auto`: byte-order mark, the declaration's
    /// GB18030/GBK/GB2312, UTF-8 validity, else GB18030).
    public init(url: URL, record: String, encoding: TextEncodingOption = .auto, limits: InputLimits = .init()) throws(KCBXError) {
        file = url.path
        maxRecordBytes = limits.maxRecordBytes
        let steps = record.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let last = steps.last else {
            throw KCBXError(.config, "an XML source needs `record`: the element that holds one record (e.g. 学生 or 导出/学生)", file: file)
        }
        recordLabel = steps.joined(separator: "/")
        text = try TextSource(try ByteSource(url: url, limits: limits), encoding: encoding, kind: .xml)
        let stream = try XMLStream(input: text, file: url.path, utf8: true)
        self.stream = stream
        recordName = stream.intern(last)
        ancestors = steps.dropLast().map { stream.intern($0) }
        while ahead.count < Self.headerRecords, let row = try readRecord() { ahead.append(row) }
        discovering = false
        for i in ahead.indices { ahead[i].values += repeatElement("", count: header.count - ahead[i].values.count) }
    }

    /// The same reader; `fields` is not needed any more (the columns are the names found in the file).
    public convenience init(url: URL, record: String, fields: [String], encoding: TextEncodingOption = .auto,
                            limits: InputLimits = .init()) throws(KCBXError) {
        try self.init(url: url, record: record, encoding: encoding, limits: limits)
    }

    /// The next record, or nil at the end of the document. Throws for malformed XML (with libxml2's
    /// message, line and column) or a record over the size limit.
    public func next() throws(KCBXError) -> Row? {
        if aheadIndex < ahead.count {
            let row = ahead[aheadIndex]
            aheadIndex += 1
            if aheadIndex == ahead.count { ahead = []; aheadIndex = 0 }
            return row
        }
        return try readRecord()
    }

    /// Parses up to the end of the next record; nil at the end of the document.
    private func readRecord() throws(KCBXError) -> Row? {
        if finished { return nil }
        while try stream.read() {
            switch stream.nodeType {
            case XMLNode.element:
                if let row = try startElement() { return row }
            case XMLNode.endElement:
                if recordDepth >= 0 {
                    let depth = stream.depth
                    if depth == recordDepth { return finishRecord() }
                    if depth == recordDepth + 1 { currentField = -1 }
                }
            case XMLNode.text, XMLNode.cdata, XMLNode.significantWhitespace, XMLNode.whitespace:
                let value = stream.value
                lines.count(value)
                if currentField >= 0 {
                    recordBytes += appendXMLString(value, to: &buffers[currentField])
                    if recordBytes > maxRecordBytes { throw tooLarge() }
                }
            case XMLNode.comment, XMLNode.processingInstruction:
                lines.count(stream.value)
            case XMLNode.documentType:
                try stream.checkDocumentType()
            default:
                break
            }
        }
        finished = true
        if recordCount == 0 {
            let names = seen.map { xmlString($0) }
            let list = names.isEmpty ? "none" : names.joined(separator: ", ") + (names.count == XMLRecordReader.seenLimit ? ", …" : "")
            throw KCBXError(.input, "no <\(recordLabel)> element found; elements seen: \(list)", file: file)
        }
        if text.invalidSequences > 0, let detected = text.detected {
            Log.warning("\(file): \(text.invalidSequences) byte sequence(s) not valid \(detected.rawValue) were replaced with \u{FFFD}")
        }
        return nil
    }

    private static let seenLimit = 20

    /// An element start: a field inside a record, or maybe a new record.
    @inline(__always)
    private func startElement() throws(KCBXError) -> Row? {
        let depth = stream.depth
        let name = stream.localName
        if recordDepth >= 0 {
            if depth == recordDepth + 1 {
                currentField = -1
                let column = childColumn(name)
                // A repeated child keeps its first value.
                if column >= 0, !stream.isEmptyElement, buffers[column].isEmpty { currentField = column }
            }
            return nil
        }
        if !ancestors.isEmpty {
            if path.count > depth { path.removeSubrange(depth...) }
            while path.count < depth { path.append(nil) }
            path.append(name)
        }
        if recordCount == 0, seen.count < XMLRecordReader.seenLimit, !seen.contains(name) { seen.append(name) }
        guard name == recordName, ancestorsMatch(depth) else { return nil }
        recordCount += 1
        recordLine = lines.line(nodeLine: stream.nodeLine)
        recordBytes = 0
        nextChild = 0
        for i in buffers.indices { buffers[i].removeAll(keepingCapacity: true) }
        if discovering || !attributeColumns.isEmpty {
            try stream.forEachAttribute { (attribute, value) throws(KCBXError) in
                let column = attributeColumn(attribute)
                if column >= 0 { recordBytes += appendXMLString(value, to: &buffers[column]) }
            }
            if recordBytes > maxRecordBytes { throw tooLarge() }
        }
        if stream.isEmptyElement { return finishRecord() }
        recordDepth = depth
        return nil
    }

    /// The column of a child element, or -1; while discovering, a new name becomes a column.
    @inline(__always)
    private func childColumn(_ name: UnsafePointer<xmlChar>?) -> Int {
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
    private func attributeColumn(_ name: UnsafePointer<xmlChar>?) -> Int {
        for field in attributeColumns where field.name == name { return field.column }
        guard discovering else { return -1 }
        attributeColumns.append((name, addColumn("@" + xmlString(name))))
        return header.count - 1
    }

    private func addColumn(_ name: String) -> Int {
        header.append(name)
        buffers.append([])
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

    private func finishRecord() -> Row {
        recordDepth = -1
        currentField = -1
        return Row(values: buffers.map(trimmedString), recordNumber: recordCount, line: recordLine)
    }

    private func tooLarge() -> KCBXError {
        KCBXError(.input, "record \(recordCount) (<\(recordLabel)> element) is larger than the \(maxRecordBytes)-byte record limit",
                  file: file, line: recordLine)
    }
}
