import Foundation
import KCBXCore

/// Streams records out of an XML export with libxml2's reader: no network, no DTD, no entity expansion.
///
/// `record` names the element holding one record (`学生`, or a path `导出/学生`); each of `fields` is a
/// child element's name or `@attribute` of the record element.
public final class XMLRecordReader: RowReader {
    public let header: [String]
    public init(url: URL, record: String, fields: [String], limits: InputLimits = .init()) throws(KCBXError) {
        header = fields
        fatalError("stub")
    }
    public func next() throws(KCBXError) -> Row? { fatalError("stub") }
}
