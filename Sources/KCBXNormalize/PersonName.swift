import Foundation
import KCBXCore
import KCBXData

/// 姓名, normalized for comparison: NFKC, no whitespace, one middle dot, simplified characters,
/// annotations split off, with a toneless pinyin key.
public struct PersonName: Sendable, Hashable {
    public let raw: String
    /// The comparable form, e.g. `买买提·艾力`, `张伟`.
    public let normalized: String
    /// An annotation split off the raw value, e.g. `曾用名王小明`.
    public let annotation: String?
    /// Toneless pinyin, syllables joined without spaces, e.g. `zhangwei`.
    public let pinyin: String
    /// Empty or a placeholder (无名, 不详, 某某): never to be linked on.
    public let isPlaceholder: Bool
    public init(raw: String, normalized: String, annotation: String?, pinyin: String, isPlaceholder: Bool) {
        self.raw = raw; self.normalized = normalized; self.annotation = annotation; self.pinyin = pinyin; self.isPlaceholder = isPlaceholder
    }
}

/// Normalizes names, with per-character caches of the ICU transforms (never an ICU call per record).
/// Safe to share between threads.
///
/// Characters of the CJK Unified Ideographs block (U+4E00–U+9FFF) are looked up in ``HanTable``,
/// filled 256 characters at a time; anything else (extension A/B, letters of other scripts) in a
/// lock-striped per-character cache. `normalize` of an already clean name such as `张伟` allocates
/// only its results.
public final class NameNormalizer: Sendable {
    private let han: HanTable
    private let others = StripedCache()

    public init() { han = HanTable.shared }

    /// Reads the Han table now (once): a missing or damaged `han-table.txt` is a ``KCBXError`` here,
    /// where a command can report it, rather than a stop at the first name.
    public static func loadTable() throws(KCBXError) { try HanTable.load() }

    /// The Han table as ICU gives it today, in the text of `han-table.txt` (without its final line
    /// break): what scripts/generate-data writes (through `kcbx generate-data han-table`).
    public static func tableFromICU() -> String {
        HanTable.tableText((0..<HanTable.chunkCount).flatMap { HanTable.buildWithICU($0).entries })
    }

    /// Normalizes one name.
    public func normalize(_ raw: String) -> PersonName {
        var local = LocalHanTable(han)
        return normalize(raw, local: &local)
    }

    /// Normalizes one name through a worker's own view of the table (no lock once its chunks are held).
    func normalize(_ raw: String, local: inout LocalHanTable) -> PersonName {
        if Self.isPlain(raw) { return normalizePlain(raw, local: &local) }
        let text = Substring(raw.precomposedStringWithCompatibilityMapping)  // NFKC
        // Split off annotations in (…), […] or 【…】.
        var annotation: String? = nil
        var body = String.UnicodeScalarView()
        var note = String.UnicodeScalarView()
        var depth = 0
        for s in text.unicodeScalars {
            switch s.value {
            case 0x28, 0x5B, 0x3010, 0x3014, 0xFF08:
                depth += 1
                if depth > 1 { note.append(s) }
            case 0x29, 0x5D, 0x3011, 0x3015, 0xFF09:
                if depth > 1 { note.append(s) }
                if depth > 0 { depth -= 1 }
                if depth == 0 && !note.isEmpty { note.append(Unicode.Scalar(0x3B)) }  // ';' between annotations
            default:
                if TextFolding.isSpace(s.value) { continue }
                if depth > 0 { note.append(s) } else { body.append(s) }
            }
        }
        if !note.isEmpty {
            var n = String(note)
            if n.hasSuffix(";") { n.removeLast() }
            if !n.isEmpty { annotation = n }
        }
        // Middle dots, simplification and pinyin, one scalar at a time.
        var normalized = String.UnicodeScalarView()
        var pinyin = ""
        let scalars = Array(body)
        for (i, s) in scalars.enumerated() {
            let v = s.value
            if Self.isDot(v) || (v == 0x2E && i > 0 && i + 1 < scalars.count && Self.isHan(scalars[i - 1].value) && Self.isHan(scalars[i + 1].value)) {
                // One U+00B7 between parts; none leading, trailing or doubled.
                if let last = normalized.last, last.value != 0xB7 { normalized.append(Unicode.Scalar(0xB7)) }
                continue
            }
            if v >= HanTable.first && v <= HanTable.last {
                let entry = local.entry(v)
                normalized.append(entry.simplified)
                pinyin += entry.pinyin
            } else if v < 0x80 {
                normalized.append(s)
                if (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) { pinyin.unicodeScalars.append(s) }
                else if (0x41...0x5A).contains(v) { pinyin.unicodeScalars.append(Unicode.Scalar(v + 0x20)!) }
            } else {
                let entry = others.entry(s)
                normalized.append(entry.simplified)
                pinyin += entry.pinyin
            }
        }
        if normalized.last?.value == 0xB7 { normalized.removeLast() }
        let result = String(normalized)
        return PersonName(raw: raw, normalized: result, annotation: annotation, pinyin: pinyin,
                          isPlaceholder: Self.isPlaceholder(result))
    }

    /// A name of CJK unified ideographs only, as nearly all are: no NFKC, no splitting; the raw
    /// string is reused when no character needs simplifying.
    func normalizePlain(_ raw: String, local: inout LocalHanTable) -> PersonName {
        var pinyin = ""
        var simplified = false
        for s in raw.unicodeScalars {
            let entry = local.entry(s.value)
            if entry.simplified != s { simplified = true }
            pinyin += entry.pinyin
        }
        var normalized = raw
        if simplified {
            var view = String.UnicodeScalarView()
            for s in raw.unicodeScalars { view.append(local.entry(s.value).simplified) }
            normalized = String(view)
        }
        return PersonName(raw: raw, normalized: normalized, annotation: nil, pinyin: pinyin,
                          isPlaceholder: Self.isPlaceholder(normalized))
    }

    /// Only CJK unified ideographs (NFKC leaves them as they are): no folding, no splitting needed.
    @inline(__always)
    static func isPlain(_ raw: String) -> Bool {
        raw.unicodeScalars.allSatisfy { $0.value >= HanTable.first && $0.value <= HanTable.last }
    }

    @inline(__always)
    static func isHan(_ v: UInt32) -> Bool {
        (v >= 0x3400 && v <= 0x9FFF) || (v >= 0x20000 && v <= 0x3134F) || (v >= 0xF900 && v <= 0xFAFF)
    }

    /// The middle-dot variants of minority and foreign names: · ・ • ‧ ∙ ･ ⋅ ㆍ ᐧ and the like.
    @inline(__always)
    static func isDot(_ v: UInt32) -> Bool {
        switch v {
        case 0xB7, 0x387, 0x16EB, 0x2022, 0x2027, 0x2219, 0x22C5, 0x2E31, 0x30FB, 0x318D, 0xFF65, 0x1427, 0xA78F: true
        default: false
        }
    }

    /// Names that stand for "no name": 无, 不详, 某某, 无名, 待定, 空, -, 0, ?, 未知, and masked names
    /// such as 张某某 or 王某.
    static func isPlaceholder(_ name: String) -> Bool {
        if name.isEmpty { return true }
        // Only names that could be one are looked up (a Set of Chinese text hashes slowly).
        guard let first = name.unicodeScalars.first, placeholderStarts.contains(first.value) || first.value < 0x80
                || name.unicodeScalars.last?.value == 0x67D0 else { return false }
        if placeholders.contains(name) { return true }
        if name.utf8.contains(where: { $0 &- 0x41 < 26 }), placeholders.contains(name.lowercased()) { return true }
        if name.hasSuffix("某某") { return true }
        let count = name.unicodeScalars.count
        return count == 2 && name.unicodeScalars.last?.value == 0x67D0  // 王某
    }

    /// First scalars of the placeholders that are not ASCII.
    static let placeholderStarts: Set<UInt32> = Set(placeholders.compactMap { $0.unicodeScalars.first?.value }.filter { $0 >= 0x80 })

    static let placeholders: Set<String> = [
        "无", "不详", "某某", "无名", "无名氏", "待定", "空", "-", "--", "—", "0", "?", "??", "未知", "暂无", "没有",
        "男婴", "女婴", "婴儿", "新生儿", "null", "none", "n/a", "x", "xx", "/", ".", "·",
    ]
}

/// Simplified form and toneless pinyin of every character of U+4E00–U+9FFF, as ICU gives them
/// (`Hant-Hans`, `Han-Latin; Latin-ASCII`), in chunks of 256 characters.
///
/// The table ships with kcbx (`han-table.txt` of ``GeneratedData``, written by scripts/generate-data with
/// ``buildWithICU(_:)`` and ``tableText(_:)``; a test checks that ICU still gives the same): ICU's
/// transliterator takes about half a second of CPU for the 82 chunks, in every run. Its chunks are made
/// once and never change.
final class HanTable: Sendable {
    static let first: UInt32 = 0x4E00, last: UInt32 = 0x9FFF
    static let chunkSize = 256
    static let chunkCount = Int(last - first + 1) / chunkSize  // 82
    static let shared = HanTable()

    struct Entry: Sendable {
        var simplified: Unicode.Scalar
        var pinyin: String
    }

    final class Chunk: Sendable {
        let entries: [Entry]
        init(entries: [Entry]) { self.entries = entries }
    }

    /// The chunks of the built-in table, made once (the table is read in a few milliseconds).
    private let chunks: [Chunk]

    init() {
        let entries: [Entry]
        switch HanTable.loaded {
        case .success(let table): entries = table
        case .failure(let error): fatalError("kcbx: error: \(error)")
        }
        chunks = (0..<HanTable.chunkCount).map { i in
            Chunk(entries: Array(entries[i * HanTable.chunkSize..<(i + 1) * HanTable.chunkSize]))
        }
    }

    /// The chunk holding `index`.
    func chunk(_ index: Int) -> Chunk { chunks[index] }

    static let pinyinTransform = StringTransform("Han-Latin; Latin-ASCII")
    static let simplifyTransform = StringTransform("Hant-Hans")

    /// Every entry of `han-table.txt`, read once: one line per character from U+4E00, its pinyin, then
    /// its simplified form in hexadecimal when that is another character.
    static let loaded: Result<[Entry], KCBXError> = {
        do throws(KCBXError) { return .success(try entries(GeneratedData.text(.hanTable))) } catch { return .failure(error) }
    }()

    /// Reads the table now (once), so that a missing or damaged data file is an error of the command.
    static func load() throws(KCBXError) { _ = try loaded.get() }

    /// The entries of a table text (what ``tableText(_:)`` writes), checked line by line.
    static func entries(_ text: String) throws(KCBXError) -> [Entry] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == chunkCount * chunkSize else {
            throw GeneratedData.corrupt(.hanTable, "it has \(lines.count) lines; expected \(chunkCount * chunkSize), one per character of U+4E00–U+9FFF")
        }
        var entries: [Entry] = []
        entries.reserveCapacity(lines.count)
        for (i, line) in lines.enumerated() {
            let original = Unicode.Scalar(first + UInt32(i))!
            let parts = line.split(separator: " ", omittingEmptySubsequences: false)
            let pinyin = parts[0]
            guard parts.count <= 2, pinyin.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) }) else {
                throw GeneratedData.corrupt(.hanTable, "line \(i + 1) is not lower-case pinyin and an optional hexadecimal character")
            }
            var simplified = original
            if parts.count == 2 {
                guard let s = UInt32(parts[1], radix: 16).flatMap(Unicode.Scalar.init) else {
                    throw GeneratedData.corrupt(.hanTable, "line \(i + 1): `\(parts[1])` is not a character in hexadecimal")
                }
                simplified = s
            }
            entries.append(Entry(simplified: simplified, pinyin: String(pinyin)))
        }
        return entries
    }

    /// The table's text for `entries` (what ``entries(_:)`` reads).
    static func tableText(_ entries: [Entry]) -> String {
        entries.enumerated().map { i, e in
            e.simplified.value == first + UInt32(i) ? e.pinyin : e.pinyin + " " + String(e.simplified.value, radix: 16, uppercase: true)
        }.joined(separator: "\n")
    }

    /// Chunk `index` as ICU gives it, 256 characters per transform call (each on its own line, so each
    /// is transformed on its own): how `han-table.txt` is made.
    static func buildWithICU(_ index: Int) -> Chunk {
        let base = first + UInt32(index * chunkSize)
        var text = String.UnicodeScalarView()
        for i in 0..<UInt32(chunkSize) {
            text.append(Unicode.Scalar(base + i)!)
            text.append("\n")
        }
        let source = String(text)
        let pinyin = lines(source.applyingTransform(pinyinTransform, reverse: false))
        let simple = lines(source.applyingTransform(simplifyTransform, reverse: false))
        var entries: [Entry] = []
        entries.reserveCapacity(chunkSize)
        for i in 0..<chunkSize {
            let original = Unicode.Scalar(base + UInt32(i))!
            entries.append(Entry(simplified: single(simple, i) ?? original, pinyin: asciiKey(pinyin, i)))
        }
        return Chunk(entries: entries)
    }

    static func lines(_ s: String?) -> [Substring] {
        s.map { $0.split(separator: "\n", omittingEmptySubsequences: false) } ?? []
    }

    /// The one scalar on line `i`, if the transform gave exactly one.
    static func single(_ lines: [Substring], _ i: Int) -> Unicode.Scalar? {
        guard i < lines.count else { return nil }
        let scalars = lines[i].unicodeScalars
        return scalars.count == 1 ? scalars.first : nil
    }

    /// Lower-case ASCII letters and digits of line `i`.
    static func asciiKey(_ lines: [Substring], _ i: Int) -> String {
        guard i < lines.count else { return "" }
        return asciiKey(lines[i])
    }

    static func asciiKey(_ s: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0x30...0x39, 0x61...0x7A: out.append(u)
            case 0x41...0x5A: out.append(Unicode.Scalar(u.value + 0x20)!)
            default: break
            }
        }
        return String(out)
    }
}

/// A worker's view of ``HanTable``: chunk references held locally, so that after warm-up a lookup is
/// two reads of the worker's own arrays.
struct LocalHanTable {
    private let table: HanTable
    private var chunks: [HanTable.Chunk?]

    init(_ table: HanTable) {
        self.table = table
        chunks = Array(repeating: nil, count: HanTable.chunkCount)
    }

    @inline(__always)
    mutating func entry(_ v: UInt32) -> HanTable.Entry {
        let offset = Int(v - HanTable.first)
        let c = offset / HanTable.chunkSize
        if let chunk = chunks[c] { return chunk.entries[offset % HanTable.chunkSize] }
        let chunk = table.chunk(c)
        chunks[c] = chunk
        return chunk.entries[offset % HanTable.chunkSize]
    }
}

/// Per-character ICU results for characters outside the table (CJK extensions, other scripts),
/// in 16 stripes each with its own lock. Rare in practice; each character is transformed once.
final class StripedCache: Sendable {
    private let stripes = (0..<16).map { _ in Locked([UInt32: HanTable.Entry]()) }
    private let anyLatin = StringTransform("Any-Latin; Latin-ASCII")

    func entry(_ s: Unicode.Scalar) -> HanTable.Entry {
        stripes[Int(s.value & 15)].withLock { map in
            if let e = map[s.value] { return e }
            let text = String(s)
            let simple = text.applyingTransform(HanTable.simplifyTransform, reverse: false)
            let simplified = simple.flatMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil } ?? s
            let e = HanTable.Entry(simplified: simplified,
                                   pinyin: HanTable.asciiKey(text.applyingTransform(anyLatin, reverse: false) ?? ""))
            map[s.value] = e
            return e
        }
    }
}
