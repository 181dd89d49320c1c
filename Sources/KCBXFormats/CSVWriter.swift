import Foundation
import KCBXCore

/// Writes CSV per RFC 4180 (quoting as needed), optionally gzipped, in UTF-8 with BOM (for Excel/WPS),
/// plain UTF-8 or GB18030. Files are created with the given permissions (0600 for personal data).
public final class CSVWriter {
    public enum Encoding: Sendable { case utf8BOM, utf8, gb18030 }
    public init(url: URL, encoding: Encoding = .utf8BOM, delimiter: Character = ",", gzip: Bool = false,
                permissions: Int = 0o600) throws(KCBXError) { fatalError("stub") }
    public func write(_ row: [String]) throws(KCBXError) { fatalError("stub") }
    public func close() throws(KCBXError) { fatalError("stub") }
}
