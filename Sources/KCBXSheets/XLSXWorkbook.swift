import Foundation
import KCBXCore

/// A cell value for ``XLSXSheet``.
public enum XLSXCell: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case number(Double)
    /// A ratio shown as a percentage (0.985 → 98.5%).
    case percent(Double)
    case date(CivilDate)
    case empty
}

/// A column of a sheet: its Chinese header, what it holds and its width.
public struct XLSXColumn: Sendable {
    public enum Kind: Sendable { case text, integer, number, percent, date }
    public var header: String
    public var kind: Kind
    /// Width in Excel character units; `nil` fits it to the header and the values written.
    public var width: Double?
    /// An officer may edit this column (unlocked when the sheet is protected).
    public var editable: Bool
    /// Fixed choices offered as a drop-down list.
    public var choices: [String]
    public init(_ header: String, _ kind: Kind = .text, width: Double? = nil, editable: Bool = false, choices: [String] = []) {
        self.header = header; self.kind = kind; self.width = width; self.editable = editable; self.choices = choices
    }
}

/// An XLSX workbook written with libxlsxwriter, set up as officers need: Chinese headers, IDs as text,
/// real dates, frozen header row, autofilter, fitted widths, landscape print set-up with repeated headers.
public final class XLSXWorkbook {
    /// Creates the workbook at `url` (mode 0600). `constantMemory` streams rows to disk (big sheets).
    public init(url: URL, constantMemory: Bool = false) throws(KCBXError) { fatalError("stub") }
    /// Adds a sheet with a header row; `title`, if given, is a merged title line above the header.
    public func addSheet(_ name: String, columns: [XLSXColumn], title: String? = nil) throws(KCBXError) -> XLSXSheet { fatalError("stub") }
    /// Writes the file; the workbook cannot be used afterwards.
    public func close() throws(KCBXError) { fatalError("stub") }
}

/// A sheet of an ``XLSXWorkbook``; rows are appended in order.
public final class XLSXSheet {
    /// Appends one row; `highlight` marks it (priority rows).
    public func append(_ cells: [XLSXCell], highlight: Bool = false) throws(KCBXError) { fatalError("stub") }
}

/// A block of cells of a sheet, for chart data (0-based rows and columns, inclusive).
public struct XLSXRange: Sendable {
    public var sheet: String
    public var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int
    public init(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.sheet = sheet; self.firstRow = firstRow; self.firstColumn = firstColumn; self.lastRow = lastRow; self.lastColumn = lastColumn
    }
}

/// A native Excel chart (libxlsxwriter): column, bar, line or pie, over ranges of the workbook.
public struct XLSXChart: Sendable {
    public enum Kind: Sendable { case column, bar, line, pie }
    public var kind: Kind
    public var title: String
    /// The category labels (e.g. the towns).
    public var categories: XLSXRange
    /// Each series: its name and its values.
    public var series: [(name: String, values: XLSXRange)]
    /// Axis titles, and the value axis shown as a percentage.
    public var xTitle: String?, yTitle: String?
    public var percent: Bool
    public init(kind: Kind, title: String, categories: XLSXRange, series: [(name: String, values: XLSXRange)],
                xTitle: String? = nil, yTitle: String? = nil, percent: Bool = false) {
        self.kind = kind; self.title = title; self.categories = categories; self.series = series
        self.xTitle = xTitle; self.yTitle = yTitle; self.percent = percent
    }
}

extension XLSXSheet {
    /// Inserts `chart` with its top-left corner at (row, column), 0-based; size in pixels.
    public func insertChart(_ chart: XLSXChart, row: Int, column: Int, width: Int = 720, height: Int = 360) throws(KCBXError) { fatalError("stub") }
}
