import Foundation
import KCBXCore
import CLibXML2

/// Streams records out of an XML export with libxml2's reader: no network, no DTD, no entity expansion.
///
/// `record` names the element holding one record (`学生`, or a path `导出/学生` matched against the
/// element's ancestors); each of `fields` is a child element's name (its text, trimmed) or `@attribute`
/// of the record element. A gzipped file is inflated on the way in. A document that declares entities is
/// refused before libxml2 parses the declarations. Memory is bounded by one record.
public final class XMLRecordReader: RowReader {
    /// The requested fields, in the order given.
    public let header: [String]

    private let stream: XMLStream
    private let file: String
    private let recordLabel: String
    private let maxRecordBytes: Int
    /// The record element's name and its required ancestors (nearest last), as dictionary pointers.
    private let recordName: UnsafePointer<xmlChar>?
    private let ancestors: [UnsafePointer<xmlChar>?]
    /// For each field: child element name or attribute name (dictionary pointer).
    private let childFields: [(name: UnsafePointer<xmlChar>?, index: Int)]
    private let attributeFields: [(name: UnsafePointer<xmlChar>?, index: Int)]

    private var path: [UnsafePointer<xmlChar>?] = []
    private var lines = LineCounter()
    private var buffers: [[UInt8]]
    private var recordCount = 0
    private var recordDepth = -1
    private var recordLine = 0
    private var recordBytes = 0
    private var currentField = -1
    private var seen: [UnsafePointer<xmlChar>?] = []

    /// Opens `url` (plain or gzipped XML). `record`: the record element or path; `fields`: child element
    /// names or `@attribute` names of the record element.
    public init(url: URL, record: String, fields: [String], limits: InputLimits = .init()) throws(KCBXError) {
        header = fields
        file = url.path
        maxRecordBytes = limits.maxRecordBytes
        let steps = record.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let last = steps.last else {
            throw KCBXError(.config, "an XML source needs `record`: the element that holds one record (e.g. 学生 or 导出/学生)", file: file)
        }
        recordLabel = steps.joined(separator: "/")
        let stream = try XMLStream(input: try ByteSource(url: url, limits: limits), file: url.path)
        self.stream = stream
        recordName = stream.intern(last)
        ancestors = steps.dropLast().map { stream.intern($0) }
        var children: [(UnsafePointer<xmlChar>?, Int)] = []
        var attributes: [(UnsafePointer<xmlChar>?, Int)] = []
        for (i, field) in fields.enumerated() {
            let name = field.trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("@") { attributes.append((stream.intern(String(name.dropFirst())), i)) }
            else { children.append((stream.intern(name), i)) }
        }
        childFields = children
        attributeFields = attributes
        buffers = Array(repeating: [], count: fields.count)
    }

    /// The next record, or nil at the end of the document. Throws for malformed XML (with libxml2's
    /// message, line and column), a refused DTD, a record over the size limit, or a document without
    /// any record element.
    public func next() throws(KCBXError) -> Row? {
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
        if recordCount == 0 {
            let names = seen.map { xmlString($0) }
            let list = names.isEmpty ? "none" : names.joined(separator: ", ") + (names.count == XMLRecordReader.seenLimit ? ", …" : "")
            throw KCBXError(.input, "no <\(recordLabel)> element found; elements seen: \(list)", file: file)
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
                if !stream.isEmptyElement {
                    for field in childFields where field.name == name {
                        // A repeated child keeps its first value.
                        if buffers[field.index].isEmpty { currentField = field.index }
                        break
                    }
                }
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
        for i in buffers.indices { buffers[i].removeAll(keepingCapacity: true) }
        if !attributeFields.isEmpty {
            try stream.forEachAttribute { (attribute, value) throws(KCBXError) in
                for field in attributeFields where field.name == attribute {
                    recordBytes += appendXMLString(value, to: &buffers[field.index])
                }
            }
            if recordBytes > maxRecordBytes { throw tooLarge() }
        }
        if stream.isEmptyElement { return finishRecord() }
        recordDepth = depth
        return nil
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
