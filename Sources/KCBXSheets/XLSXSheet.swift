import CXlsxWriter
import Foundation
import KCBXCore

/// A sheet of an ``XLSXWorkbook``; rows are appended in order.
///
/// Layout: an optional merged title line (row 0), the header row, then the data rows. The header row
/// is frozen, bold with a fill and border, repeated on every printed page and carries the autofilter.
public final class XLSXSheet {
    /// The sheet's name as written (made valid for Excel).
    public let name: String
    /// The columns, as given to ``XLSXWorkbook/addSheet(_:columns:title:)``.
    public let columns: [XLSXColumn]
    /// The merged title line above the header, if any.
    public let title: String?
    /// The data rows appended so far.
    public private(set) var rowCount = 0

    weak var workbook: XLSXWorkbook?
    // unsafe: libxlsxwriter C API: workbook, worksheet and format handles and C strings
    let worksheet: UnsafeMutablePointer<lxw_worksheet>
    /// Fitted widths (Excel character units) and whether the column's width was given.
    var widths: [Double]
    let fixedWidth: [Bool]
    /// Drop-down lists to apply over the data rows at close: column, inline list or range formula.
    var lists: [(column: Int, inline: Bool, source: String, choices: [String])] = []
    /// Rows (0-based) before which a printed page breaks (at most 1,023, Excel's limit).
    var pageBreaks: [lxw_row_t] = []
    private(set) var protected: Bool
    var finished = false

    /// Locks the whole sheet (as a sheet with editable columns is locked but for them): e.g. 填报说明,
    /// whose rows an import checks.
    public func protect() { protected = true }

    // unsafe: libxlsxwriter C API: workbook, worksheet and format handles and C strings
    init(workbook: XLSXWorkbook, worksheet: UnsafeMutablePointer<lxw_worksheet>, name: String, columns: [XLSXColumn], title: String?) {
        self.workbook = workbook
        self.worksheet = worksheet
        self.name = name
        self.columns = columns
        self.title = title
        fixedWidth = columns.map { $0.width != nil }
        widths = columns.map { $0.width ?? XLSXLayout.headerWidth($0.header) }
        protected = columns.contains(where: \.editable)
    }

    /// The 0-based row index of the header row (1 when there is a title line).
    public var headerRow: Int { title == nil ? 0 : 1 }
    /// The 0-based row index of the first data row.
    public var firstDataRow: Int { headerRow + 1 }
    /// The 0-based row index of the last data row (the header row when there is none).
    public var lastDataRow: Int { headerRow + rowCount }

    /// Appends one row; `highlight` marks it (priority rows), `alerts` marks single cells by column
    /// (figures below their target). Missing trailing cells are left blank.
    ///
    /// A row whose text wraps gets the height its lines need (also in constant-memory mode, where the
    /// row is still the current one), so long explanations stay readable.
    public func append(_ cells: [XLSXCell], highlight: Bool = false, alerts: Set<Int> = []) throws(KCBXError) {
        let (workbook, book) = try open()
        guard cells.count <= columns.count else {
            throw KCBXError(.runFailed, "cannot write \(workbook.url.lastPathComponent): sheet \(name) has \(columns.count) columns, a row has \(cells.count)", file: workbook.url.path)
        }
        let rowIndex = firstDataRow + rowCount
        guard rowIndex < Int(LXW_ROW_MAX) else {
            throw KCBXError(.runFailed, "cannot write \(workbook.url.lastPathComponent): sheet \(name) is full (Excel holds at most \(LXW_ROW_MAX) rows)", file: workbook.url.path)
        }
        let row = lxw_row_t(rowIndex)
        let styles = workbook.styles
        for c in columns.indices {
            let cell = c < cells.count ? cells[c] : .empty
            let col = lxw_col_t(c)
            // unsafe: libxlsxwriter C API: workbook, worksheet and format handles and C strings
            func format(_ kind: XLSXStyles.Kind) -> UnsafeMutablePointer<lxw_format>? {
                styles.cell(kind, highlight: highlight, alert: alerts.contains(c), unlocked: columns[c].editable, book)
            }
            let status: lxw_error
            var width = 0.0
            switch cell {
            case .text(let s):
                if s.isEmpty {
                    status = worksheet_write_blank(worksheet, row, col, format(.text))
                } else {
                    status = worksheet_write_string(worksheet, row, col, s, format(.text))
                    if !fixedWidth[c], widths[c] < XLSXLayout.maximumWidth { width = XLSXLayout.textWidth(s) }
                }
            case .integer(let n):
                status = worksheet_write_number(worksheet, row, col, Double(n), format(.integer))
                if !fixedWidth[c] { width = XLSXLayout.integerWidth(n) }
            case .number(let x):
                status = writeNumber(x, row, col, format(.number))
                width = 11
            case .percent(let x):
                status = writeNumber(x, row, col, format(.percent))
                width = 7
            case .date(let d):
                let serial = d.daysSinceEpoch + 25569  // Excel's serial for 1970-01-01
                if serial > 60 {
                    status = worksheet_write_number(worksheet, row, col, Double(serial), format(.date))
                } else {  // before 1900-03-01 Excel has no date: keep it readable as text
                    status = worksheet_write_string(worksheet, row, col, d.description, format(.text))
                }
                width = 11
            case .empty:
                status = worksheet_write_blank(worksheet, row, col, format(XLSXStyles.Kind(columns[c].kind)))
            }
            if status != LXW_NO_ERROR {
                throw workbook.failure(status, "sheet \(name) row \(rowIndex + 1) column \(columns[c].header): ")
            }
            if width > widths[c], !fixedWidth[c] { widths[c] = width }
        }
        try fitHeight(cells, row, workbook)
        rowCount += 1
    }

    /// Sets the height of `row` to the lines its wrapped text cells need, when more than one.
    private func fitHeight(_ cells: [XLSXCell], _ row: lxw_row_t, _ workbook: XLSXWorkbook) throws(KCBXError) {
        var lines = 1
        for (c, cell) in cells.enumerated() {
            guard case .text(let s) = cell, !s.isEmpty else { continue }
            lines = max(lines, XLSXLayout.lineCount(s, columnWidth: shownWidth(c)))
        }
        guard lines > 1 else { return }
        try workbook.check(worksheet_set_row(worksheet, row, XLSXLayout.rowHeight(lines: lines), nil), "sheet \(name) row \(row + 1) height: ")
    }

    /// The width column `c` is shown with: as given, else fitted and clamped.
    func shownWidth(_ c: Int) -> Double {
        columns[c].width ?? min(max(widths[c], XLSXLayout.minimumWidth), XLSXLayout.maximumWidth)
    }

    /// A number, or a blank cell when it is not finite (Excel has no NaN).
    /// unsafe: libxlsxwriter C API: workbook, worksheet and format handles and C strings
    private func writeNumber(_ x: Double, _ row: lxw_row_t, _ col: lxw_col_t, _ format: UnsafeMutablePointer<lxw_format>?) -> lxw_error {
        x.isFinite ? worksheet_write_number(worksheet, row, col, x, format) : worksheet_write_blank(worksheet, row, col, format)
    }

    // unsafe: libxlsxwriter C API: workbook, worksheet and format handles and C strings
    func open() throws(KCBXError) -> (XLSXWorkbook, UnsafeMutablePointer<lxw_workbook>) {
        guard let workbook, let book = workbook.book, !finished else {
            throw KCBXError(.runFailed, "cannot write sheet \(name): its workbook is closed")
        }
        return (workbook, book)
    }

    // MARK: set-up

    /// Title, header, frozen pane, print set-up and first widths; runs once when the sheet is added.
    func start() throws(KCBXError) {
        let (workbook, book) = try open()
        let styles = workbook.styles
        let lastColumn = lxw_col_t(columns.count - 1)
        if let title {
            // The title wraps within the sheet's width (14-point text: 14/11 of a column unit per
            // character unit) rather than running off both sides of a narrow sheet.
            let sheetWidth = columns.indices.reduce(0) { $0 + (columns[$1].hidden ? 0 : shownWidth($1)) }
            let lines = XLSXLayout.lineCount(title, columnWidth: sheetWidth * XLSXStyles.fontSize / XLSXStyles.titleFontSize)
            try workbook.check(worksheet_set_row(worksheet, 0, lines == 1 ? 28 : Double(lines) * 19 + 6, nil))
            let status = lastColumn == 0
                ? worksheet_write_string(worksheet, 0, 0, title, styles.title(book))
                : worksheet_merge_range(worksheet, 0, 0, 0, lastColumn, title, styles.title(book))
            try workbook.check(status, "sheet \(name) title: ")
        }
        let header = lxw_row_t(headerRow)
        // Headers wrap: the row is as high as the longest one needs.
        let headerLines = columns.indices.map { XLSXLayout.lineCount(columns[$0].header, columnWidth: shownWidth($0)) }.max() ?? 1
        try workbook.check(worksheet_set_row(worksheet, header, max(22, XLSXLayout.rowHeight(lines: headerLines) + 4), nil))
        for (c, column) in columns.enumerated() {
            try workbook.check(worksheet_write_string(worksheet, header, lxw_col_t(c), column.header, styles.header(editable: column.editable, book)), "sheet \(name) header: ")
        }
        worksheet_freeze_panes(worksheet, header + 1, 0)

        // Print: landscape A4, one page wide (when that keeps text at 8 pt or more: see `finish`),
        // header row on every page, page numbers in the footer.
        worksheet_set_landscape(worksheet)
        worksheet_set_paper(worksheet, 9)
        worksheet_set_margins(worksheet, XLSXLayout.sideMargin, XLSXLayout.sideMargin, 0.5, 0.6)
        worksheet_center_horizontally(worksheet)
        try workbook.check(worksheet_repeat_rows(worksheet, header, header))
        try workbook.check(worksheet_set_footer(worksheet, "&C第 &P 页 共 &N 页"))

        // Widths now as well as at close: constant-memory sheets are streamed.
        try setColumns()
        for (c, column) in columns.enumerated() where !column.choices.isEmpty {
            let source = try workbook.listSource(column.choices)
            lists.append((c, source.inline, source.formula, column.choices))
        }
    }

    /// Column widths (clamped 6…60 unless given) and the unlocked style of officer columns.
    func setColumns() throws(KCBXError) {
        let (workbook, book) = try open()
        for (c, column) in columns.enumerated() {
            let width = shownWidth(c)
            let format = column.editable ? workbook.styles.cell(XLSXStyles.Kind(column.kind), highlight: false, unlocked: true, book) : nil
            if column.hidden {
                var options = lxw_row_col_options(hidden: 1, level: 0, collapsed: 0)
                // unsafe: libxlsxwriter C API: worksheet and format handles, options read during the call
                try workbook.check(worksheet_set_column_opt(worksheet, lxw_col_t(c), lxw_col_t(c), width, format, &options))
            } else {
                try workbook.check(worksheet_set_column(worksheet, lxw_col_t(c), lxw_col_t(c), width, format))
            }
        }
    }

    /// The print scale (percent) that fits the sheet's columns on one landscape A4 page width, at most 100.
    public var fittingScale: Int {
        // A hidden column is not printed.
        let pixels = columns.indices.reduce(0.0) { $0 + (columns[$1].hidden ? 0 : (shownWidth($1) * 7 + 5).rounded(.down)) }
        return min(100, Int((XLSXLayout.printableWidthInches * 96 / max(pixels, 1) * 100).rounded(.down)))
    }

    /// Starts a new printed page at the next row appended (one form per page); Excel keeps 1,023 breaks.
    public func breakPageBeforeNextRow() {
        if rowCount > 0, pageBreaks.count < 1023 { pageBreaks.append(lxw_row_t(firstDataRow + rowCount)) }
    }

    /// Puts a 填表人/审核人/日期 block in every printed page's footer, beside the page numbers.
    public func signFooter() throws(KCBXError) {
        let (workbook, _) = try open()
        try workbook.check(worksheet_set_footer(worksheet, "&L填表人：__________  审核人：__________  日期：__________&R第 &P 页 共 &N 页"))
    }

    /// Fitted widths, print scale, autofilter, ignored errors, drop-down lists and protection; runs at close.
    func finish() throws(KCBXError) {
        let (workbook, _) = try open()
        try setColumns()
        if !pageBreaks.isEmpty {
            var breaks = pageBreaks + [0]
            // unsafe: libxlsxwriter C API: workbook, worksheet and format handles and C strings
            try workbook.check(breaks.withUnsafeMutableBufferPointer { worksheet_set_h_pagebreaks(worksheet, $0.baseAddress) })
        }
        // One page wide while the text stays at 8 pt or more; a wider sheet prints at the smallest
        // readable scale, across pages (the lists are laid out so that this does not happen).
        if fittingScale >= XLSXLayout.minimumPrintScale {
            worksheet_fit_to_pages(worksheet, 1, 0)
        } else {
            worksheet_set_print_scale(worksheet, UInt16(XLSXLayout.minimumPrintScale))
        }
        let lastColumn = lxw_col_t(columns.count - 1)
        let header = lxw_row_t(headerRow)
        let last = lxw_row_t(lastDataRow)
        try workbook.check(worksheet_autofilter(worksheet, header, 0, last, lastColumn), "sheet \(name) autofilter: ")
        let range = "A1:\(XLSXLayout.columnLetters(columns.count - 1))\(lastDataRow + 1)"
        try workbook.check(worksheet_ignore_errors(worksheet, UInt8(LXW_IGNORE_NUMBER_STORED_AS_TEXT.rawValue), range))
        if rowCount > 0 {
            for list in lists { try addList(list, workbook) }
        }
        if protected {
            var options = lxw_protection()
            options.format_columns = 1
            options.format_rows = 1
            options.sort = 1
            options.autofilter = 1
            worksheet_protect(worksheet, nil, &options)
        }
        finished = true
    }

    /// A drop-down list over the column's data rows.
    private func addList(_ list: (column: Int, inline: Bool, source: String, choices: [String]), _ workbook: XLSXWorkbook) throws(KCBXError) {
        var validation = lxw_data_validation()
        validation.ignore_blank = UInt8(LXW_VALIDATION_ON.rawValue)
        validation.dropdown = UInt8(LXW_VALIDATION_ON.rawValue)
        validation.show_error = UInt8(LXW_VALIDATION_ON.rawValue)
        validation.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
        // unsafe: libxlsxwriter C API: workbook, worksheet and format handles and C strings
        var owned: [UnsafeMutablePointer<CChar>?] = []
        defer { owned.forEach { free($0) } }
        // unsafe: libxlsxwriter C API: workbook, worksheet and format handles and C strings
        func c(_ s: String) -> UnsafeMutablePointer<CChar>? { let p = strdup(s); owned.append(p); return p }
        validation.error_title = c("输入有误")
        validation.error_message = c("请从下拉列表中选择")
        let first = lxw_row_t(firstDataRow), last = lxw_row_t(lastDataRow), col = lxw_col_t(list.column)
        let status: lxw_error
        if list.inline {
            validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
            var values = list.choices.map { strdup($0) } + [nil]
            defer { values.forEach { free($0) } }
            // unsafe: libxlsxwriter C API: workbook, worksheet and format handles and C strings
            status = values.withUnsafeMutableBufferPointer { buffer in
                validation.value_list = buffer.baseAddress
                return worksheet_data_validation_range(worksheet, first, col, last, col, &validation)
            }
        } else {
            validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
            validation.value_formula = c(list.source)
            status = worksheet_data_validation_range(worksheet, first, col, last, col, &validation)
        }
        try workbook.check(status, "sheet \(name) drop-down list for \(columns[list.column].header): ")
    }
}
