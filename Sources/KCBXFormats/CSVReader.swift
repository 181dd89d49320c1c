import Foundation
import KCBXCore

/// Streams an RFC 4180 CSV/TSV file (gzipped or not; UTF-8, UTF-8 with BOM or GB18030).
public final class CSVReader: RowReader {
    public private(set) var header: [String] = []
    /// The encoding in use (detected when configured `auto`).
    public private(set) var encoding: TextEncodingOption = .utf8
    /// The delimiter in use (sniffed when configured `nil`).
    public private(set) var delimiter: Character = ","

    public init(url: URL, encoding: TextEncodingOption = .auto, delimiter: Character? = nil, limits: InputLimits = .init()) throws(KCBXError) {
        fatalError("stub")
    }
    public func next() throws(KCBXError) -> Row? { fatalError("stub") }
}
