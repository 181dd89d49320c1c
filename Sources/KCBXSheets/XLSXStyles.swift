import CXlsxWriter

/// The cell formats of a workbook, created once and shared by its sheets.
///
/// Data cells have a thin grey border (the printed list is a ruled table), text cells the text
/// number format `@` (so an officer's typed ID stays text), and come in plain, highlighted
/// (priority rows), alert (one figure below its target: red on pink) and unlocked (officer columns of a
/// protected sheet) variants.
final class XLSXStyles {
    /// What a cell holds, deciding its number format.
    enum Kind: Int {
        case text = 0, integer, number, percent, date
        init(_ kind: XLSXColumn.Kind) {
            switch kind {
            case .text: self = .text
            case .integer: self = .integer
            case .number: self = .number
            case .percent: self = .percent
            case .date: self = .date
            }
        }
    }

    /// The font of every cell: a Song face every Chinese Office install has.
    static let fontName = "宋体"
    static let fontSize = 11.0
    static let titleFontSize = 14.0
    static let headerFill: lxw_color_t = 0xDDEBF7
    /// The header of a column officers fill in (unlocked): green, so they see where to type.
    static let editableHeaderFill: lxw_color_t = 0xE2EFDA
    static let highlightFill: lxw_color_t = 0xFFF2CC
    /// A figure below its target (Excel's "bad" look): dark red bold text on a pink fill.
    static let alertFill: lxw_color_t = 0xFFC7CE
    static let alertFont: lxw_color_t = 0x9C0006
    static let borderColor: lxw_color_t = 0xA6A6A6

    // unsafe: libxlsxwriter C API: workbook, worksheet and format handles and C strings
    private var cells = [UnsafeMutablePointer<lxw_format>?](repeating: nil, count: 5 * 3 * 2)
    private var headerFormats: [UnsafeMutablePointer<lxw_format>?] = [nil, nil]
    private var titleFormat: UnsafeMutablePointer<lxw_format>?

    /// The format of a data cell; `alert` (a figure below its target) wins over `highlight` (a priority row).
    /// unsafe: libxlsxwriter C API: workbook, worksheet and format handles and C strings
    func cell(_ kind: Kind, highlight: Bool, alert: Bool = false, unlocked: Bool, _ book: UnsafeMutablePointer<lxw_workbook>) -> UnsafeMutablePointer<lxw_format>? {
        let mark = alert ? 2 : highlight ? 1 : 0
        let index = (kind.rawValue * 3 + mark) * 2 + (unlocked ? 1 : 0)
        if let format = cells[index] { return format }
        guard let format = base(book) else { return nil }
        format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_border_color(format, Self.borderColor)
        switch kind {
        case .text:
            format_set_num_format(format, "@")
            format_set_text_wrap(format)
        case .integer: format_set_num_format(format, "0")
        case .number: format_set_num_format(format, "General")
        case .percent: format_set_num_format(format, "0.00%")
        case .date:
            format_set_num_format(format, "yyyy-mm-dd")
            format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
        }
        if alert {
            format_set_bg_color(format, Self.alertFill)
            format_set_font_color(format, Self.alertFont)
            format_set_bold(format)
        } else if highlight {
            format_set_bg_color(format, Self.highlightFill)
        }
        if unlocked { format_set_unlocked(format) }
        cells[index] = format
        return format
    }

    /// The header row: bold, filled, bordered, centred and wrapped; green over an officer's column.
    /// unsafe: libxlsxwriter C API: workbook, worksheet and format handles and C strings
    func header(editable: Bool, _ book: UnsafeMutablePointer<lxw_workbook>) -> UnsafeMutablePointer<lxw_format>? {
        if let format = headerFormats[editable ? 1 : 0] { return format }
        let format = base(book)
        format_set_bold(format)
        format_set_bg_color(format, editable ? Self.editableHeaderFill : Self.headerFill)
        format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
        format_set_text_wrap(format)
        headerFormats[editable ? 1 : 0] = format
        return format
    }

    /// The merged title line: bold, larger, centred.
    /// unsafe: libxlsxwriter C API: workbook, worksheet and format handles and C strings
    func title(_ book: UnsafeMutablePointer<lxw_workbook>) -> UnsafeMutablePointer<lxw_format>? {
        if let titleFormat { return titleFormat }
        let format = base(book)
        format_set_bold(format)
        format_set_font_size(format, Self.titleFontSize)
        format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
        format_set_text_wrap(format)
        titleFormat = format
        return format
    }

    // unsafe: libxlsxwriter C API: workbook, worksheet and format handles and C strings
    private func base(_ book: UnsafeMutablePointer<lxw_workbook>) -> UnsafeMutablePointer<lxw_format>? {
        let format = workbook_add_format(book)
        format_set_font_name(format, Self.fontName)
        format_set_font_size(format, Self.fontSize)
        format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        return format
    }
}
