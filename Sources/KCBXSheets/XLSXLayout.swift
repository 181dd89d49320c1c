/// Names, references and widths as Excel wants them.
enum XLSXLayout {
    /// Left and right print margins (inches), and the width left for the columns on landscape A4 (297 mm).
    static let sideMargin = 0.3
    static let printableWidthInches = 297 / 25.4 - 2 * sideMargin
    /// The smallest print scale (percent) at which 11-point text prints at 8 points or more.
    static let minimumPrintScale = Int((8 / XLSXStyles.fontSize * 100).rounded(.up))

    /// Fitted widths stay within these bounds (Excel character units); a column's given width is kept.
    static let minimumWidth = 6.0, maximumWidth = 60.0

    /// A valid Excel sheet name: none of `[]:*?/\`, no leading or trailing apostrophe, at most 31
    /// UTF-16 units (Excel's count), never empty.
    static func sheetName(_ name: String) -> String {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) || $0.isNewline ? "_" : $0 })
            .trimmingCharacters(in: ["'", " "])
        return cleaned.isEmpty ? "Sheet" : truncated(cleaned, to: 31)
    }

    /// The longest prefix of `s` (whole scalars) of at most `limit` UTF-16 units.
    static func truncated(_ s: String, to limit: Int) -> String {
        var units = 0
        var result = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            units += scalar.utf16.count
            if units > limit { break }
            result.append(scalar)
        }
        return String(result)
    }

    /// `'name'` for a formula, with apostrophes doubled (sheet names here are Chinese: always quote).
    static func quotedSheet(_ name: String) -> String {
        "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Column letters of a 0-based column: 0 → A, 25 → Z, 26 → AA.
    static func columnLetters(_ column: Int) -> String {
        var n = column + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// An absolute reference `'sheet'!$A$2:$A$10` to a block of 0-based rows and columns.
    static func absoluteRange(_ range: XLSXRange) -> String {
        let a = "$\(columnLetters(range.firstColumn))$\(range.firstRow + 1)"
        let b = "$\(columnLetters(range.lastColumn))$\(range.lastRow + 1)"
        return "=\(quotedSheet(range.sheet))!\(a):\(b)"
    }

    /// Display width of text in Excel character units: wide (CJK, 3- and 4-byte UTF-8) characters
    /// count 2, others 1.1; the longest line counts.
    static func textWidth(_ s: String) -> Double {
        var widest = 0.0, line = 0.0
        for byte in s.utf8 {
            switch byte {
            case 0x0A:
                widest = max(widest, line); line = 0
            case 0x00..<0x80, 0xC0..<0xE0: line += 1.1
            case 0xE0...0xFF: line += 2
            default: break  // continuation byte
            }
        }
        return max(widest, line) + 1
    }

    /// Width of an integer shown in the `0` format.
    static func integerWidth(_ n: Int) -> Double {
        var digits = n < 0 ? 2 : 1
        var m = n.magnitude
        while m >= 10 { m /= 10; digits += 1 }
        return Double(digits) * 1.1 + 1
    }

    /// Width of a header cell: its text, bold, plus room for the autofilter button.
    static func headerWidth(_ header: String) -> Double {
        textWidth(header) * 1.05 + 2.5
    }

    /// Height in points of one line of 11-point 宋体, and the room above and below the text.
    static let lineHeight = 14.5, rowPadding = 3.0

    /// Lines `text` takes when wrapped in a column `columnWidth` characters wide: each of its own lines
    /// broken at the column's width (宋体: a Chinese character 2 units, any other 1, as Excel measures
    /// the column), with a twentieth to spare for breaks at the spaces of Latin text.
    static func lineCount(_ text: String, columnWidth: Double) -> Int {
        let usable = max(columnWidth, 1)
        var lines = 0
        var width = 0.0, space = false
        // One pass over the bytes, line by line (no substrings: this runs for every text cell written).
        func endLine() {
            if space { width *= 1.05 }
            lines += max(1, Int((width / usable).rounded(.up)))
            width = 0; space = false
        }
        var previous: UInt8 = 0
        for byte in text.utf8 {
            defer { previous = byte }
            switch byte {
            // CR LF is one Character, which does not end a line (as `split(separator: "\n")` saw it).
            case 0x0A where previous != 0x0D: endLine()
            case 0x20: width += 1; space = true
            case 0x00..<0x80, 0xC0..<0xE0: width += 1
            case 0xE0...0xFF: width += 2
            default: break  // continuation byte
            }
        }
        endLine()
        return max(lines, 1)
    }

    /// Row height (points) for `lines` lines of text, at most Excel's 409.
    static func rowHeight(lines: Int) -> Double {
        min(Double(lines) * lineHeight + rowPadding, 409)
    }
}
