import Foundation
import KCBXCore

/// Streams the rows of one sheet of an XLSX workbook (ZIPFoundation + libxml2): shared and inline
/// strings, numbers, and cells with a date format as `yyyy-MM-dd`.
public final class XLSXReader: RowReader {
    public private(set) var header: [String] = []
    /// `sheet`: the sheet's name; the first sheet when `nil`.
    public init(url: URL, sheet: String? = nil, limits: InputLimits = .init()) throws(KCBXError) { fatalError("stub") }
    public func next() throws(KCBXError) -> Row? { fatalError("stub") }
    /// The workbook's sheet names, in order.
    public static func sheetNames(url: URL) throws(KCBXError) -> [String] { fatalError("stub") }
}
