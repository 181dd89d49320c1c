import Foundation
import KCBXCore
import CLibXML2
import ZIPFoundation

/// Streams the rows of one sheet of an XLSX workbook (ZIPFoundation + libxml2): shared and inline
/// strings, numbers, and cells with a date format as `yyyy-MM-dd`.
///
/// The sheet's XML is inflated to an unlinked 0600 temporary file and streamed from there through the
/// same hardened SAX2 push parser as XML exports, so a 200 MB sheet never sits in memory; the other
/// parts (workbook, relationships, shared strings, styles) through libxml2's reader, equally hardened.
/// Of the shared strings only those the sheet's cells refer to are kept (a first pass over the sheet
/// notes them), so memory follows the sheet, not a shared-strings part of any size. Cells are
/// placed by the column letter of their `r` reference (sparse rows keep their alignment); the header is
/// the first non-empty row, trimmed; ``Row/line`` is the sheet's row number.
public final class XLSXReader: RowReader {
    public private(set) var header: [String] = []

    private let sheet: SheetStream
    /// The file and sheet, for the header-only warning.
    private let label: String
    private var warned = false

    /// `sheet`: the sheet's name; the first sheet when `nil`. `isHeader`: which non-empty row is the
    /// header (rows above it, such as a title, are skipped); the first non-empty row when `nil`.
    public init(url: URL, sheet name: String? = nil, limits: InputLimits = .init(),
                isHeader: (([String]) -> Bool)? = nil) throws(KCBXError) {
        let package = try XLSXPackage(url: url, limits: limits)
        let book = try package.workbook()
        guard let chosen = name.map({ wanted in book.sheets.first { $0.name == wanted } }) ?? book.sheets.first else {
            let found = book.sheets.isEmpty ? "none" : book.sheets.map { "`\($0.name)`" }.joined(separator: ", ")
            throw KCBXError(.input, name.map { "no sheet named `\($0)`; sheets found: \(found)" } ?? "the workbook has no sheets", file: url.path)
        }
        label = "\(url.path): sheet `\(chosen.name)`"
        guard let part = chosen.part, package.hasPart(part) else {
            throw KCBXError(.input, "not an XLSX workbook: sheet `\(chosen.name)` has no part in the archive", file: url.path)
        }
        let (input, partLabel) = try package.extract(part)
        // Shared strings: only those the sheet refers to are kept (a first pass over the sheet finds them),
        // so memory follows the sheet's cells, not the size of the shared-strings part.
        let used = try SheetStream.sharedStringsUsed(input: try input.fromStart(), file: url.path, label: partLabel, sheetName: chosen.name,
                                                     bound: package.sharedStringBound, maxRecordBytes: limits.maxRecordBytes)
        sheet = try SheetStream(input: input, file: url.path, label: partLabel, sheetName: chosen.name,
                                sharedStrings: try package.sharedStrings(keeping: used), dateStyles: try package.dateStyles(),
                                date1904: book.date1904, maxRecordBytes: limits.maxRecordBytes)
        while let row = try sheet.nextRow() {
            guard row.values.contains(where: { !$0.isEmpty }), isHeader?(row.values) ?? true else { continue }
            header = row.values.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            while header.last == "" { header.removeLast() }
            break
        }
    }

    /// The next non-empty data row after the header, or nil at the end of the sheet.
    public func next() throws(KCBXError) -> Row? {
        guard !header.isEmpty else { return nil }
        while let row = try sheet.nextRow() {
            guard row.values.contains(where: { !$0.isEmpty }) else { continue }
            sheet.dataRows += 1
            var values = row.values
            var problem: String?
            if values.count > header.count {
                if let extra = values[header.count...].firstIndex(where: { !$0.isEmpty }) {
                    problem = "cell \(columnName(extra))\(row.number) has a value but its column has no header"
                }
                values.removeSubrange(header.count...)
            }
            while values.count < header.count { values.append("") }
            return Row(values: values, recordNumber: sheet.dataRows, line: row.number, problem: problem)
        }
        if !warned, sheet.dataRows == 0 {
            warned = true
            Log.warning("\(label) has a header row and no data rows")
        }
        return nil
    }

    /// The workbook's sheet names, in order.
    public static func sheetNames(url: URL) throws(KCBXError) -> [String] {
        try XLSXPackage(url: url, limits: .init()).workbook().sheets.map(\.name)
    }
}

/// The letters of a 0-based column index: 0 → A, 27 → AB.
func columnName(_ index: Int) -> String {
    var n = index + 1
    var letters: [Character] = []
    while n > 0 {
        let r = (n - 1) % 26
        letters.insert(Character(UnicodeScalar(UInt8(65 + r))), at: 0)
        n = (n - 1) / 26
    }
    return String(letters)
}

// MARK: - The package: zip entries and the small parts

/// An XLSX file opened as a zip archive, with its parts read through the hardened XML reader.
private struct XLSXPackage {
    let url: URL
    let archive: Archive
    let limits: InputLimits
    /// The workbook's size on disk: the inflation ratio's base.
    let fileBytes: Int64
    /// The time budget of reading the workbook, every part included.
    let deadline: ReadDeadline?

    init(url: URL, limits: InputLimits) throws(KCBXError) {
        self.url = url
        self.limits = limits
        deadline = limits.deadline()
        try ByteSource.checkRegularFile(url, label: "input")
        fileBytes = ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size]) as? NSNumber)?.int64Value ?? 0
        let magic: [UInt8]
        do {
            let handle = try FileHandle(forReadingFrom: url)
            magic = Array(try handle.read(upToCount: 4) ?? Data())
            try? handle.close()
        } catch {
            throw KCBXError(.input, "cannot open: \(error.localizedDescription)", file: url.path)
        }
        if magic == [0xD0, 0xCF, 0x11, 0xE0] {
            throw KCBXError(.input, "not an XLSX workbook: this is an Excel 97-2003 .xls file (or a password-protected workbook); save it as .xlsx", file: url.path)
        }
        guard magic == [0x50, 0x4B, 0x03, 0x04] else {
            throw KCBXError(.input, magic.isEmpty ? "not an XLSX workbook: the file is empty" : "not an XLSX workbook: not a zip archive", file: url.path)
        }
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw KCBXError(.input, "not an XLSX workbook: the zip archive is corrupt (\(error))", file: url.path)
        }
    }

    func hasPart(_ path: String) -> Bool { entry(path) != nil }

    /// The entry at `path`; OPC names are case-insensitive.
    private func entry(_ path: String) -> Entry? {
        if let e = archive[path] { return e }
        let lower = path.lowercased()
        return archive.first { $0.path.lowercased() == lower }
    }

    /// A streaming reader over the part at `path`, inflated to an unlinked 0600 temporary file.
    func stream(_ path: String) throws(KCBXError) -> XMLStream {
        let (input, label) = try extract(path)
        return try XMLStream(input: input, file: label)
    }

    /// The part at `path`, inflated to an unlinked 0600 temporary file, open for reading from its start;
    /// and its name for messages (`file!part`).
    func extract(_ path: String) throws(KCBXError) -> (input: FileDescriptorInput, label: String) {
        guard let entry = entry(path) else {
            throw KCBXError(.input, "not an XLSX workbook: no \(path) in the archive", file: url.path)
        }
        let label = "\(url.path)!\(path)"
        let limit = limits.inflatedLimit(compressedBytes: fileBytes)
        if entry.uncompressedSize > UInt64(limit) { throw inflateLimit(path) }
        var template = Array(FileManager.default.temporaryDirectory.appendingPathComponent("kcbx-xlsx-XXXXXX").path.utf8CString)
        // unsafe: mkstemp/unlink (libc) need a mutable C string
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }  // mkstemp: mode 0600
        guard fd >= 0 else {
            throw KCBXError(.input, "cannot create a temporary file to unpack \(path): \(String(cString: strerror(errno)))", file: url.path)
        }
        // unsafe: mkstemp/unlink (libc) need a mutable C string
        unlink(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        let input = FileDescriptorInput(fd: fd, path: label, deadline: deadline)
        var written: Int64 = 0
        do {
            _ = try archive.extract(entry) { data in
                try deadline?.check(url.path)
                written += Int64(data.count)
                if written > limit { throw InflateLimitReached() }
                // unsafe: feeds the unzipped sheet to libxml2's push parser as C bytes
                try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                    var offset = 0
                    while offset < raw.count {
                        let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                        if n < 0 { if errno == EINTR { continue }; throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                        offset += n
                    }
                }
            }
        } catch is InflateLimitReached {
            throw inflateLimit(path)
        } catch let error as KCBXError {
            throw error
        } catch {
            throw KCBXError(.input, "not an XLSX workbook: cannot unpack \(path) (\(error))", file: url.path)
        }
        lseek(fd, 0, SEEK_SET)
        return (input, label)
    }

    private struct InflateLimitReached: Error {}

    private func inflateLimit(_ path: String) -> KCBXError {
        KCBXError(.input, "\(path) inflates to more than \(limits.describeLimit(compressedBytes: fileBytes)) (zip-bomb guard)", file: url.path)
    }

    /// xl/workbook.xml and its relationships: the sheets in order, with their parts; the date system.
    func workbook() throws(KCBXError) -> (sheets: [(name: String, part: String?)], date1904: Bool) {
        var sheets: [(name: String, id: String)] = []
        var date1904 = false
        let book = try stream("xl/workbook.xml")
        let sheetName = book.intern("sheet"), workbookPr = book.intern("workbookPr")
        let nameAttr = book.intern("name"), idAttr = book.intern("id"), date1904Attr = book.intern("date1904")
        while try book.read() {
            guard book.nodeType == XMLNode.element else { continue }
            let element = book.localName
            if element == sheetName {
                var name = "", id = ""
                try book.forEachAttribute { attribute, value in
                    if attribute == nameAttr { name = xmlString(value) } else if attribute == idAttr { id = xmlString(value) }
                }
                sheets.append((name, id))
            } else if element == workbookPr {
                try book.forEachAttribute { attribute, value in
                    if attribute == date1904Attr { date1904 = ["1", "true"].contains(xmlString(value).lowercased()) }
                }
            }
        }
        var targets: [String: String] = [:]
        if hasPart("xl/_rels/workbook.xml.rels") {
            let rels = try stream("xl/_rels/workbook.xml.rels")
            let relationship = rels.intern("Relationship"), idAttr = rels.intern("Id"), targetAttr = rels.intern("Target")
            while try rels.read() {
                guard rels.nodeType == XMLNode.element, rels.localName == relationship else { continue }
                var id = "", target = ""
                try rels.forEachAttribute { attribute, value in
                    if attribute == idAttr { id = xmlString(value) } else if attribute == targetAttr { target = xmlString(value) }
                }
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target.replacingOccurrences(of: "./", with: "")
            }
        }
        // Without relationships, sheets sit at Excel's default places.
        let fallback = targets.isEmpty
        return (sheets.enumerated().map { ($1.name, fallback ? "xl/worksheets/sheet\($0 + 1).xml" : targets[$1.id]) }, date1904)
    }

    /// The largest number of `<si>` elements xl/sharedStrings.xml can hold (`<si/>` is five bytes), so that a
    /// cell's shared-string index can be checked before the part is read; 0 without the part.
    var sharedStringBound: Int {
        guard let part = entry("xl/sharedStrings.xml") else { return 0 }
        return Int(min(part.uncompressedSize / 5 + 1, UInt64(Int32.max)))
    }

    /// xl/sharedStrings.xml, streamed: the text of each `<si>` whose index is in `wanted` (rich-text runs
    /// joined, phonetic runs `<rPh>` left out), and how many there are. A string longer than the record
    /// limit stops the reader, kept or not.
    func sharedStrings(keeping wanted: SharedStringSet) throws(KCBXError) -> SharedStrings {
        var strings = SharedStrings()
        guard hasPart("xl/sharedStrings.xml") else { return strings }
        let sst = try stream("xl/sharedStrings.xml")
        let si = sst.intern("si"), t = sst.intern("t"), rPh = sst.intern("rPh")
        var text: [UInt8] = []
        var inText = false, inPhonetic = false
        func finish() {
            if wanted.contains(strings.count) { strings.kept[strings.count] = ooxmlString(text) }
            strings.count += 1
        }
        while try sst.read() {
            switch sst.nodeType {
            case XMLNode.element:
                let name = sst.localName
                if name == si {
                    text.removeAll(keepingCapacity: true)
                    if sst.isEmptyElement { finish() }
                } else if name == t {
                    inText = !sst.isEmptyElement && !inPhonetic
                } else if name == rPh {
                    inPhonetic = !sst.isEmptyElement
                }
            case XMLNode.text, XMLNode.cdata, XMLNode.significantWhitespace, XMLNode.whitespace:
                if inText {
                    _ = appendXMLString(sst.value, to: &text)
                    if text.count > limits.maxRecordBytes {
                        throw KCBXError(.input, "xl/sharedStrings.xml: shared string \(strings.count) is longer than the \(ByteSource.describe(Int64(limits.maxRecordBytes))) record limit", file: url.path)
                    }
                }
            case XMLNode.endElement:
                let name = sst.localName
                if name == t { inText = false } else if name == rPh { inPhonetic = false } else if name == si { finish() }
            default:
                break
            }
        }
        return strings
    }

    /// xl/styles.xml: for each cell style (`cellXfs` index), whether its number format shows a date.
    func dateStyles() throws(KCBXError) -> [DateStyle] {
        guard hasPart("xl/styles.xml") else { return [] }
        let styles = try stream("xl/styles.xml")
        let numFmt = styles.intern("numFmt"), cellXfs = styles.intern("cellXfs"), xf = styles.intern("xf")
        let idAttr = styles.intern("numFmtId"), codeAttr = styles.intern("formatCode")
        var custom: [Int: DateStyle] = [:]
        var formats: [Int] = []
        var xfDepth = -1
        while try styles.read() {
            let type = styles.nodeType
            if type == XMLNode.endElement, styles.localName == cellXfs { xfDepth = -1; continue }
            guard type == XMLNode.element else { continue }
            let name = styles.localName
            if name == numFmt {
                var id = -1, code = ""
                try styles.forEachAttribute { attribute, value in
                    if attribute == idAttr { id = Int(xmlString(value)) ?? -1 } else if attribute == codeAttr { code = xmlString(value) }
                }
                custom[id] = DateStyle(formatCode: code)
            } else if name == cellXfs {
                if !styles.isEmptyElement { xfDepth = styles.depth + 1 }
            } else if name == xf, styles.depth == xfDepth {
                var id = 0
                try styles.forEachAttribute { attribute, value in
                    if attribute == idAttr { id = Int(xmlString(value)) ?? 0 }
                }
                formats.append(id)
            }
        }
        return formats.map { custom[$0] ?? DateStyle(builtin: $0) }
    }
}

/// The shared strings a sheet refers to, by index, and how many the workbook has.
struct SharedStrings {
    /// `<si>` elements in xl/sharedStrings.xml.
    var count = 0
    /// The text of those the sheet uses.
    var kept: [Int: String] = [:]
}

/// The indices of the shared strings a sheet refers to: a bitset up to the largest index seen, which is
/// at most ``XLSXPackage/sharedStringBound`` (about a bit per five bytes of the part).
struct SharedStringSet {
    private var words: [UInt64] = []
    /// Indices at or past this cannot be in the workbook.
    let bound: Int

    init(bound: Int) { self.bound = bound }

    /// Adds `index`; false when it is past ``bound``.
    mutating func insert(_ index: Int) -> Bool {
        guard index >= 0, index < bound else { return false }
        let word = index >> 6
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1)) }
        words[word] |= 1 << UInt64(index & 63)
        return true
    }

    func contains(_ index: Int) -> Bool {
        let word = index >> 6
        return index >= 0 && word < words.count && words[word] & (1 << UInt64(index & 63)) != 0
    }
}

/// How a cell style shows a number: as is, as a date, or as a date and time.
enum DateStyle: Equatable {
    case none, date, dateTime

    /// Excel's built-in formats: 14–17 and 22 everywhere, 27–31, 36, 50–54, 57, 58 in Chinese locales.
    init(builtin id: Int) {
        switch id {
        case 14...17, 27...31, 36, 50...54, 57, 58: self = .date
        case 22: self = .dateTime
        default: self = .none
        }
    }

    /// A custom format code: a date when, outside quoted text, escapes and `[...]`, it has `y` or `d`
    /// (or `m` with no `h`/`s`, which would make it minutes); date-time when it also has `h` or `s`.
    init(formatCode: String) {
        var letters = Set<Character>()
        var quoted = false, escaped = false
        var bracket: String?
        for c in formatCode.lowercased() {
            if escaped { escaped = false; continue }
            if quoted { if c == "\"" { quoted = false }; continue }
            if let inside = bracket {
                // `[h]:mm` (elapsed time) counts as time; `[Red]`, `[$-804]` are ignored.
                if c != "]" { bracket = inside + String(c); continue }
                if !inside.isEmpty, inside.allSatisfy({ "hms".contains($0) }) { letters.insert("h") }
                bracket = nil
                continue
            }
            switch c {
            case "\"": quoted = true
            case "[": bracket = ""
            case "\\", "_", "*": escaped = true
            default: letters.insert(c)
            }
        }
        let time = letters.contains("h") || letters.contains("s")
        if letters.contains("y") || letters.contains("d") || (letters.contains("m") && !time) {
            self = time ? .dateTime : .date
        } else {
            self = .none
        }
    }
}

/// OOXML string text with its `_xHHHH_` escapes (control characters, `_x005F_` for `_`) decoded.
func ooxmlString(_ bytes: [UInt8]) -> String {
    let s = String(decoding: bytes, as: UTF8.self)
    // Looked for in the bytes: Foundation's `contains` on strings costs more than the whole cell.
    guard bytes.indices.dropLast().contains(where: { bytes[$0] == 0x5F && bytes[$0 + 1] == 0x78 }) else { return s }
    var out = String.UnicodeScalarView()
    let u = Array(s.unicodeScalars)
    var i = 0
    while i < u.count {
        if u[i] == "_", i + 6 < u.count, u[i + 1] == "x", u[i + 6] == "_",
           let code = UInt32(String(String.UnicodeScalarView(u[(i + 2)..<(i + 6)])), radix: 16),
           let scalar = Unicode.Scalar(code) {
            out.append(scalar)
            i += 7
        } else {
            out.append(u[i])
            i += 1
        }
    }
    return String(out)
}

// MARK: - The sheet stream

/// Reads `<row>`/`<c>` elements of a worksheet part into values placed by column, through libxml2's
/// SAX2 push parser (a sheet is tens of megabytes; no tree is built).
private final class SheetStream {
    private let parser: SAXPushParser
    /// What the callbacks build; they reach it through this pointer (their context).
    /// unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers (xmlChar), parsed in place
    private let collector: UnsafeMutablePointer<SheetCollector>
    private var finished = false
    private var pending: KCBXError?
    var dataRows = 0

    /// The first pass: the indices of the shared strings the sheet's cells refer to. An index past
    /// `bound` (more than the shared-strings part can hold) is a corrupt sheet.
    static func sharedStringsUsed(input: any XMLByteInput, file: String, label: String, sheetName: String, bound: Int,
                                  maxRecordBytes: Int) throws(KCBXError) -> SharedStringSet {
        let pass = try SheetStream(input: input, file: file, label: label, sheetName: sheetName, sharedStrings: SharedStrings(),
                                   dateStyles: [], date1904: false, maxRecordBytes: maxRecordBytes, collecting: SharedStringSet(bound: bound))
        while try pass.nextRow() != nil {}
        return pass.collector.pointee.used ?? SharedStringSet(bound: bound)
    }

    /// `collecting`: the first pass, which only notes the shared strings used (and hands out no rows).
    init(input: any XMLByteInput, file: String, label: String, sheetName: String, sharedStrings: SharedStrings,
         dateStyles: [DateStyle], date1904: Bool, maxRecordBytes: Int, collecting: SharedStringSet? = nil) throws(KCBXError) {
        collector = .allocate(capacity: 1)
        collector.initialize(to: SheetCollector(file: file, sheetName: sheetName, sharedStrings: sharedStrings,
                                                dateStyles: dateStyles, date1904: date1904, maxRecordBytes: maxRecordBytes))
        collector.pointee.used = collecting
        do {
            parser = try SAXPushParser(input: input, file: label, handler: Self.makeHandler(), context: collector, inputIsUTF8: false)
        } catch {
            collector.deinitialize(count: 1)
            collector.deallocate()
            throw error
        }
        collector.pointee.connect(parser)
    }

    deinit {
        collector.deinitialize(count: 1)
        collector.deallocate()
    }

    /// The next `<row>` as values by column (its sheet row number), or nil at the end of the sheet.
    func nextRow() throws(KCBXError) -> (number: Int, values: [String])? {
        while collector.pointee.head == collector.pointee.rows.count {
            collector.pointee.rows.removeAll(keepingCapacity: true)
            collector.pointee.head = 0
            if finished {
                if let pending { throw pending }
                return nil
            }
            if parser.pump() { continue }
            finished = true
            if let error = collector.pointee.error {
                pending = error
            } else if parser.state.failed {
                pending = parser.state.failure(depth: collector.pointee.depth)
            }
        }
        let row = collector.pointee.rows[collector.pointee.head]
        collector.pointee.head += 1
        return row
    }

    /// The callbacks: elements, text and errors; an entity declaration stops the parser.
    private static func makeHandler() -> xmlSAXHandler {
        var h = xmlSAXHandler()
        h.startElementNs = { context, name, _, _, _, _, attributeCount, defaulted, attributes in
            SheetCollector.from(context).pointee.start(name, attributes: attributes, count: Int(attributeCount - defaulted))
        }
        h.endElementNs = { context, name, _, _ in
            SheetCollector.from(context).pointee.end(name)
        }
        h.characters = { context, text, length in
            guard let text, length > 0 else { return }
            // unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers (xmlChar), parsed in place
            SheetCollector.from(context).pointee.characters(UnsafeBufferPointer(start: text, count: Int(length)))
        }
        h.entityDecl = { context, _, _, _, _, _ in
            SheetCollector.from(context).pointee.stop(KCBXError(.input, dtdRefusal, file: SheetCollector.from(context).pointee.file))
        }
        h.serror = { context, error in
            guard let error else { return }
            SheetCollector.from(context).pointee.push?.state.record(error)
        }
        return h
    }
}

/// The state the SAX callbacks of a ``SheetStream`` update: the row and cell being read, the finished rows.
private struct SheetCollector {
    let file: String
    let sheetName: String
    let sharedStrings: SharedStrings
    /// The first pass's set of shared strings used; nil in the pass that makes rows.
    var used: SharedStringSet?
    let dateStyles: [DateStyle]
    let date1904: Bool
    let maxRecordBytes: Int
    /// The parser feeding the callbacks (its state keeps libxml2's errors); the stream holds it.
    /// unsafe: libxml2 SAX: the parser owns the collector for the parse; no retain on each callback
    unowned(unsafe) var push: SAXPushParser?
    private var rowName, cellName, valueName, inlineName, textName, phoneticName: UnsafePointer<xmlChar>?
    private var refAttr, typeAttr, styleAttr: UnsafePointer<xmlChar>?

    /// Elements open (for the message of a document cut short).
    private(set) var depth = 0
    private var rowNumber = 0
    private var values: [String] = []
    private var rowBytes = 0
    private var column = -1
    private var cellType = CellType.number
    private var cellStyle = 0
    private var text: [UInt8] = []
    private var collecting = false
    private var inInline = false, inPhonetic = false
    var error: KCBXError?
    /// Rows finished and not handed out yet, from `head` on.
    var rows: [(number: Int, values: [String])] = []
    var head = 0

    init(file: String, sheetName: String, sharedStrings: SharedStrings, dateStyles: [DateStyle], date1904: Bool, maxRecordBytes: Int) {
        self.file = file; self.sheetName = sheetName; self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles; self.date1904 = date1904; self.maxRecordBytes = maxRecordBytes
    }

    // unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers (xmlChar), parsed in place
    static func from(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<SheetCollector> {
        context!.assumingMemoryBound(to: SheetCollector.self)
    }

    mutating func connect(_ push: SAXPushParser) {
        self.push = push
        rowName = push.intern("row"); cellName = push.intern("c"); valueName = push.intern("v")
        inlineName = push.intern("is"); textName = push.intern("t"); phoneticName = push.intern("rPh")
        refAttr = push.intern("r"); typeAttr = push.intern("t"); styleAttr = push.intern("s")
    }

    mutating func stop(_ error: KCBXError) {
        if self.error == nil { self.error = error }
        if let parser = push?.parser { xmlStopParser(parser) }
    }

    @inline(__always)
    // unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers (xmlChar), parsed in place
    mutating func start(_ name: UnsafePointer<xmlChar>?, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int) {
        depth += 1
        do throws(KCBXError) {
            if name == cellName {
                try startCell(attributes, count)
            } else if name == valueName {
                collecting = true
            } else if name == textName {
                collecting = inInline && !inPhonetic
            } else if name == inlineName {
                inInline = true
            } else if name == phoneticName {
                inPhonetic = true
            } else if name == rowName {
                try startRow(attributes, count)
            }
        } catch {
            stop(error)
        }
    }

    @inline(__always)
    // unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers (xmlChar), parsed in place
    mutating func end(_ name: UnsafePointer<xmlChar>?) {
        depth -= 1
        if name == valueName || name == textName {
            collecting = false
        } else if name == cellName {
            do throws(KCBXError) { try finishCell() } catch { stop(error) }
        } else if name == inlineName {
            inInline = false
        } else if name == phoneticName {
            inPhonetic = false
        } else if name == rowName {
            if used == nil { rows.append((rowNumber, values)) }
        }
    }

    @inline(__always)
    // unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers (xmlChar), parsed in place
    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard collecting else { return }
        text.append(contentsOf: bytes)
        rowBytes += bytes.count
        if rowBytes > maxRecordBytes {
            stop(KCBXError(.input, "sheet `\(sheetName)` row \(rowNumber) is larger than the \(maxRecordBytes)-byte record limit", file: file, line: rowNumber))
        }
    }

    /// Calls `body` with each attribute's name and value (SAX2 gives values as bounds, not C strings).
    /// unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers (xmlChar), parsed in place
    private func forEachAttribute(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ count: Int,
                                  _ body: (UnsafePointer<xmlChar>?, UnsafeBufferPointer<UInt8>) throws(KCBXError) -> Void) throws(KCBXError) {
        guard let attributes else { return }
        for k in 0..<count {
            guard let value = attributes[5 * k + 3], let end = attributes[5 * k + 4] else { continue }
            // unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers (xmlChar), parsed in place
            try body(attributes[5 * k], UnsafeBufferPointer(start: value, count: value.distance(to: end)))
        }
    }

    // unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers (xmlChar), parsed in place
    private mutating func startRow(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ count: Int) throws(KCBXError) {
        var number = rowNumber + 1
        try forEachAttribute(attributes, count) { (attribute, value) throws(KCBXError) in
            if attribute == refAttr {
                guard let n = parseDigits(value), n > 0 else { throw corrupt("row number `\(String(decoding: value, as: UTF8.self))`") }
                number = n
            }
        }
        rowNumber = number
        values.removeAll(keepingCapacity: true)
        rowBytes = 0
        column = -1
    }

    // unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers (xmlChar), parsed in place
    private mutating func startCell(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ count: Int) throws(KCBXError) {
        var nextColumn = column + 1
        var type = CellType.number
        var style = 0
        try forEachAttribute(attributes, count) { (attribute, value) throws(KCBXError) in
            if attribute == refAttr {
                guard let c = parseColumn(value) else { throw corrupt("cell reference `\(String(decoding: value, as: UTF8.self))`") }
                nextColumn = c
            } else if attribute == typeAttr {
                type = CellType(value)
            } else if attribute == styleAttr {
                style = parseDigits(value) ?? 0
            }
        }
        column = nextColumn
        cellType = type
        cellStyle = style
        text.removeAll(keepingCapacity: true)
        collecting = false
        inInline = false
        inPhonetic = false
    }

    private mutating func finishCell() throws(KCBXError) {
        collecting = false
        if used != nil {
            // The first pass notes the shared strings used, and makes no values.
            guard cellType == .shared, !text.isEmpty else { return }
            guard let index = parseDigits(text), used!.insert(index) else {
                throw corrupt("shared string `\(String(decoding: text.prefix(20), as: UTF8.self))` (the workbook's shared strings cannot hold that many)")
            }
            return
        }
        guard !text.isEmpty || cellType == .inlineString else { return }
        let value: String
        switch cellType {
        case .shared:
            guard let index = parseDigits(text), index < sharedStrings.count, let shared = sharedStrings.kept[index] else {
                throw corrupt("shared string `\(String(decoding: text.prefix(20), as: UTF8.self))` (the workbook has \(sharedStrings.count))")
            }
            value = shared
        case .inlineString:
            value = ooxmlString(text)
        case .string, .error:
            value = String(decoding: text, as: UTF8.self)
        case .boolean:
            value = text == [0x31] ? "TRUE" : text == [0x30] ? "FALSE" : String(decoding: text, as: UTF8.self)
        case .isoDate:
            value = isoDateText(String(decoding: text, as: UTF8.self))
        case .number:
            let raw = String(decoding: text, as: UTF8.self)
            let style = cellStyle < dateStyles.count ? dateStyles[cellStyle] : .none
            if style != .none, let date = excelDate(raw, style: style, date1904: date1904) {
                value = date
            } else {
                value = isIntegerLiteral(text) ? raw : numberText(raw)
            }
        }
        if value.isEmpty { return }
        while values.count <= column { values.append("") }
        values[column] = value
    }

    private func corrupt(_ what: String) -> KCBXError {
        KCBXError(.input, "corrupt XLSX sheet `\(sheetName)`: bad \(what)", file: file, line: rowNumber)
    }
}

/// The `t` attribute of a cell.
private enum CellType {
    case number, shared, inlineString, string, boolean, error, isoDate

    // unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers (xmlChar), parsed in place
    init(_ value: UnsafeBufferPointer<UInt8>) {
        switch String(decoding: value, as: UTF8.self) {
        case "s": self = .shared
        case "inlineStr": self = .inlineString
        case "str": self = .string
        case "b": self = .boolean
        case "e": self = .error
        case "d": self = .isoDate
        default: self = .number
        }
    }
}

/// Whether `bytes` are an integer literal (`-?[0-9]+`), the common case kept exactly as written.
@inline(__always)
private func isIntegerLiteral(_ bytes: [UInt8]) -> Bool {
    guard let first = bytes.first else { return false }
    let digits = first == UInt8(ascii: "-") ? bytes.dropFirst() : bytes[...]
    return !digits.isEmpty && digits.allSatisfy { $0 &- 48 < 10 }
}

/// The decimal number at `p` (digits only), or nil.
/// unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers (xmlChar), parsed in place
private func parseDigits(_ p: UnsafePointer<xmlChar>) -> Int? {
    var n = 0, q = p
    guard q.pointee != 0 else { return nil }
    while q.pointee != 0 {
        let d = Int(q.pointee) - 48
        guard d >= 0, d <= 9, n < Int.max / 10 - 9 else { return nil }
        n = n * 10 + d
        q += 1
    }
    return n
}

/// The decimal number in `bytes` (digits only, fewer than 18), or nil.
private func parseDigits(_ bytes: some Collection<UInt8>) -> Int? {
    guard !bytes.isEmpty, bytes.count < 18, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
    return bytes.reduce(0) { $0 * 10 + Int($1 - 48) }
}

/// The 0-based column of a cell reference like `AB12` (at most XFD, Excel's 16,384 columns).
/// unsafe: libxml2 SAX callbacks: names, attributes and text arrive as C pointers (xmlChar), parsed in place
private func parseColumn(_ reference: UnsafeBufferPointer<UInt8>) -> Int? {
    var n = 0
    for c in reference {
        guard c >= 65 && c <= 90 || c >= 97 && c <= 122 else { break }
        n = n * 26 + Int(c & 0xDF) - 64
        if n > 16384 { return nil }
    }
    return n > 0 ? n - 1 : nil
}

/// A number as Excel stores it, for display: integer literals exactly as written (an ID typed as a
/// number keeps every digit); decimals without trailing zeros; scientific notation expanded only when it
/// is a whole number below 10^15, otherwise kept as given (so a damaged ID like `3.70783E+17` shows).
func numberText(_ raw: String) -> String {
    // Nearly every number is an integer, shown as written.
    if !raw.isEmpty, raw.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return raw }
    let s = raw.trimmingCharacters(in: .whitespaces)
    var body = Substring(s), sign = ""
    if body.first == "-" { sign = "-"; body = body.dropFirst() }
    let parts = body.split(separator: "E", maxSplits: 1, omittingEmptySubsequences: false)
        .flatMap { $0.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false) }
    guard let mantissa = parts.first, !mantissa.isEmpty, parts.count <= 2 else { return s }
    let pieces = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let whole = pieces[0], fraction = pieces.count > 1 ? pieces[1] : ""
    guard (whole + fraction).allSatisfy(\.isASCII), (whole + fraction).allSatisfy(\.isNumber), !(whole + fraction).isEmpty else { return s }
    if parts.count == 1 {
        let trimmed = fraction.reversed().drop(while: { $0 == "0" })
        return trimmed.isEmpty ? sign + (whole.isEmpty ? "0" : whole) : sign + (whole.isEmpty ? "0" : whole) + "." + String(trimmed.reversed())
    }
    guard let exponent = Int(parts[1]) else { return s }
    let digits = Array(whole + fraction)
    let point = whole.count + exponent
    guard point >= digits.count || digits[max(point, 0)...].allSatisfy({ $0 == "0" }), point > 0 else { return s }
    var integer = String(digits.prefix(point)) + String(repeating: "0", count: max(0, point - digits.count))
    integer = String(integer.drop(while: { $0 == "0" }))
    if integer.isEmpty { return "0" }
    return integer.count <= 15 ? sign + integer : s
}

/// An Excel serial date (1900 system with its 1900-02-29, or 1904 system) as `yyyy-MM-dd`, with
/// ` HH:mm:ss` for a date-time style with a time of day. Nil when the serial is no date (below 1 or
/// past 9999-12-31).
func excelDate(_ raw: String, style: DateStyle, date1904: Bool) -> String? {
    guard let serial = Double(raw) ?? Double(raw.trimmingCharacters(in: .whitespaces)), serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
    let seconds = Int((serial * 86400).rounded())
    let day = seconds / 86400, time = seconds % 86400
    let date: String
    if date1904 {
        date = CivilDate(daysSinceEpoch: day - 24107).description
    } else if day == 60 {
        date = "1900-02-29"  // Excel's phantom leap day, kept as Excel shows it
    } else {
        date = CivilDate(daysSinceEpoch: day - (day < 60 ? 25568 : 25569)).description
    }
    guard style == .dateTime, time > 0 else { return date }
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(date) \(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))"
}

/// A `t="d"` cell's ISO 8601 text: the date alone at midnight, else date and time.
private func isoDateText(_ text: String) -> String {
    let rest = text.dropFirst(10)
    if text.count >= 10, rest.isEmpty || rest.hasPrefix("T00:00:00") && rest.dropFirst(9).allSatisfy({ "0.Z".contains($0) }) {
        return String(text.prefix(10))
    }
    return text.replacingOccurrences(of: "T", with: " ")
}
