import CXlsxWriter
import Foundation
import KCBXCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    /// Kept for the program that reads the workbook back (a key column), hidden on screen and in print.
    public var hidden: Bool
    public init(_ header: String, _ kind: Kind = .text, width: Double? = nil, editable: Bool = false, choices: [String] = [],
                hidden: Bool = false) {
        self.header = header; self.kind = kind; self.width = width; self.editable = editable; self.choices = choices
        self.hidden = hidden
    }
}

/// An XLSX workbook written with libxlsxwriter, set up as officers need: Chinese headers, IDs as text,
/// real dates, frozen header row, autofilter, fitted widths, landscape print set-up with repeated headers.
///
/// The file is written under a temporary name created with mode 0600 and renamed to `url` on
/// ``close()``, so a failed run never leaves a half-written workbook behind and the file is readable
/// by its owner only.
public final class XLSXWorkbook {
    /// Where the finished workbook goes.
    public let url: URL
    /// Whether rows stream to disk as they are appended (big sheets; rows strictly in order).
    public let constantMemory: Bool
    // unsafe: libxlsxwriter C API: workbook, worksheet and format handles and C strings
    var book: UnsafeMutablePointer<lxw_workbook>?
    let temporaryPath: String
    var sheets: [XLSXSheet] = []
    var usedNames: Set<String> = []
    let styles = XLSXStyles()
    /// The hidden sheet holding drop-down lists too long to write inline (created on first need).
    /// unsafe: libxlsxwriter C API: workbook, worksheet and format handles and C strings
    var choicesSheet: (sheet: UnsafeMutablePointer<lxw_worksheet>, name: String)?
    /// The lists of the hidden choices sheet, one per column, written at close (row order suits constant memory).
    var choiceLists: [[String]] = []

    /// Creates the workbook at `url` (mode 0600). `constantMemory` streams rows to disk (big sheets).
    public init(url: URL, constantMemory: Bool = false) throws(KCBXError) {
        self.url = url
        self.constantMemory = constantMemory
        let directory = url.deletingLastPathComponent().path
        temporaryPath = (directory.isEmpty ? "." : directory) + "/.\(url.lastPathComponent).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        // Create the temporary file 0600 first: libxlsxwriter reopens it with fopen("wb"), which keeps the mode.
        let fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else {
            throw KCBXError(.runFailed, "cannot write \(url.lastPathComponent): \(String(cString: strerror(errno)))", file: url.path)
        }
        fchmod(fd, 0o600)
        #if canImport(Glibc)
        Glibc.close(fd)
        #else
        Darwin.close(fd)
        #endif
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        options.use_zip64 = 1
        book = workbook_new_opt(temporaryPath, &options)
        guard book != nil else {
            unlink(temporaryPath)
            throw KCBXError(.runFailed, "cannot write \(url.lastPathComponent): libxlsxwriter could not start a workbook", file: url.path)
        }
        try setProperties(title: url.deletingPathExtension().lastPathComponent)
    }

    deinit {
        // Abandoned without close(): free the library's memory and drop the partial file.
        if let book {
            lxw_workbook_free(book)
            unlink(temporaryPath)
        }
    }

    /// Sets the document properties shown in Excel's 文件 → 属性; `created` (seconds since 1970, UTC)
    /// fixes the creation time written, for byte-identical files (default: now).
    public func setProperties(title: String, subject: String? = nil, author: String = "kcbx", created: Int? = nil) throws(KCBXError) {
        let book = try openBook()
        let status: lxw_error = title.withCString { t in
            (subject ?? "").withCString { s in
                author.withCString { a in
                    var properties = lxw_doc_properties()
                    // unsafe: libxlsxwriter C API: workbook, worksheet and format handles and C strings
                    properties.title = UnsafeMutablePointer(mutating: t)
                    if subject != nil { properties.subject = UnsafeMutablePointer(mutating: s) }
                    properties.author = UnsafeMutablePointer(mutating: a)
                    if let created { properties.created = time_t(created) }
                    return workbook_set_properties(book, &properties)
                }
            }
        }
        try check(status)
    }

    /// Adds a sheet with a header row; `title`, if given, is a merged title line above the header.
    ///
    /// The name is made valid for Excel (at most 31 characters, none of `[]:*?/\`, unique in the workbook).
    public func addSheet(_ name: String, columns: [XLSXColumn], title: String? = nil) throws(KCBXError) -> XLSXSheet {
        let book = try openBook()
        guard !columns.isEmpty else {
            throw KCBXError(.runFailed, "cannot write \(url.lastPathComponent): sheet \(name) has no columns", file: url.path)
        }
        guard columns.count <= Int(LXW_COL_MAX) else {
            throw KCBXError(.runFailed, "cannot write \(url.lastPathComponent): sheet \(name) has \(columns.count) columns, more than Excel's \(LXW_COL_MAX)", file: url.path)
        }
        let sheetName = uniqueSheetName(name)
        guard let ws = workbook_add_worksheet(book, sheetName) else {
            throw KCBXError(.runFailed, "cannot write \(url.lastPathComponent): invalid sheet name \(sheetName)", file: url.path)
        }
        let sheet = XLSXSheet(workbook: self, worksheet: ws, name: sheetName, columns: columns, title: title)
        try sheet.start()
        sheets.append(sheet)
        return sheet
    }

    /// Writes the file; the workbook cannot be used afterwards.
    public func close() throws(KCBXError) {
        let book = try openBook()
        do {
            for sheet in sheets { try sheet.finish() }
            try writeChoiceLists()
        } catch {
            lxw_workbook_free(book)
            self.book = nil
            unlink(temporaryPath)
            throw error
        }
        self.book = nil
        let status = workbook_close(book)  // frees the workbook whatever the outcome
        guard status == LXW_NO_ERROR else {
            unlink(temporaryPath)
            throw failure(status)
        }
        chmod(temporaryPath, 0o600)
        guard rename(temporaryPath, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw KCBXError(.runFailed, "cannot write \(url.lastPathComponent): \(reason)", file: url.path)
        }
    }

    // MARK: internals

    // unsafe: libxlsxwriter C API: workbook, worksheet and format handles and C strings
    func openBook() throws(KCBXError) -> UnsafeMutablePointer<lxw_workbook> {
        guard let book else {
            throw KCBXError(.runFailed, "cannot write \(url.lastPathComponent): the workbook is already closed", file: url.path)
        }
        return book
    }

    /// The user-facing error for a libxlsxwriter status.
    func failure(_ status: lxw_error, _ context: String = "") -> KCBXError {
        let reason = String(cString: lxw_strerror(status))
        return KCBXError(.runFailed, "cannot write \(url.lastPathComponent): \(context)\(reason)", file: url.path)
    }

    func check(_ status: lxw_error, _ context: String = "") throws(KCBXError) {
        if status != LXW_NO_ERROR { throw failure(status, context) }
    }

    /// Fills the hidden choices sheet row by row: list k in column k.
    func writeChoiceLists() throws(KCBXError) {
        guard let holder = choicesSheet else { return }
        let rows = choiceLists.map(\.count).max() ?? 0
        for row in 0..<rows {
            for (column, list) in choiceLists.enumerated() where row < list.count {
                try check(worksheet_write_string(holder.sheet, lxw_row_t(row), lxw_col_t(column), list[row], nil))
            }
        }
    }

    /// `name` made a valid, unused Excel sheet name.
    func uniqueSheetName(_ name: String) -> String {
        let base = XLSXLayout.sheetName(name)
        var candidate = base
        var n = 2
        while usedNames.contains(candidate.lowercased()) {
            let suffix = "(\(n))"
            candidate = String(String.UnicodeScalarView(base.unicodeScalars.prefix(31 - suffix.count))) + suffix
            n += 1
        }
        usedNames.insert(candidate.lowercased())
        return candidate
    }

    /// A formula for a drop-down list of `choices`: inline when short, else a column of the hidden choices sheet.
    func listSource(_ choices: [String]) throws(KCBXError) -> (inline: Bool, formula: String) {
        let joined = choices.joined(separator: ",")
        if joined.count < 255, !choices.contains(where: { $0.contains(",") || $0.contains("\"") }) {
            return (true, joined)
        }
        let book = try openBook()
        if choicesSheet == nil {
            let name = uniqueSheetName("下拉选项")
            guard let ws = workbook_add_worksheet(book, name) else {
                throw KCBXError(.runFailed, "cannot write \(url.lastPathComponent): cannot add the choices sheet", file: url.path)
            }
            worksheet_hide(ws)
            choicesSheet = (ws, name)
        }
        guard let holder = choicesSheet else { return (true, joined) }
        let letter = XLSXLayout.columnLetters(choiceLists.count)
        choiceLists.append(choices)
        return (false, "=\(XLSXLayout.quotedSheet(holder.name))!$\(letter)$1:$\(letter)$\(max(choices.count, 1))")
    }
}
