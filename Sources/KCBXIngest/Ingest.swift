import Crypto
import Dispatch
import Foundation
import KCBXCore
import KCBXFormats

/// What the ingest stage read of one source: the rows, and the file they came from.
public struct IngestedSource: Sendable {
    public var table: SourceTable
    /// Path, SHA-256 and size of the export as read.
    public var file: InputFile
}

/// An input file's identity: where it was, its SHA-256 and its size.
public struct InputFile: Sendable, Codable {
    public var path: String
    public var sha256: String
    public var bytes: Int64
}

/// The ingest stage: reads every source's export into rows of canonical fields, or rejects.
///
/// Sources are read in parallel (one per core); each file is streamed, so memory is bounded by the
/// records kept, not by the file.
public enum IngestStage {
    /// Reads every source. Throws the first source's error (file, line, what was expected).
    public static func run(_ config: PipelineConfig) throws(KCBXError) -> [IngestedSource] {
        let results = ConcurrentResults<Result<IngestedSource, KCBXError>>(count: config.sources.count)
        DispatchQueue.concurrentPerform(iterations: config.sources.count) { i in
            let source = config.sources[i]
            let started = Date()
            do throws(KCBXError) {
                let ingested = try read(source, limits: limits(config))
                Log.info("ingest: \(source.name): \(ingested.table.records.count) rows accepted, \(ingested.table.rejects.count) rejected (\(String(format: "%.1f", Date().timeIntervalSince(started))) s)")
                results[i] = .success(ingested)
            } catch {
                results[i] = .failure(error)
            }
        }
        return try results.values.map { r throws(KCBXError) in try r!.get() }
    }

    static func limits(_ config: PipelineConfig) -> InputLimits {
        var limits = config.rules.maxInflatedBytes.map { InputLimits(maxInflatedBytes: $0) } ?? InputLimits(maxInflatedBytes: 8 << 30, maxInflationRatio: 100)
        limits.maxReadSeconds = config.rules.maxReadMinutes * 60
        return limits
    }

    /// Checks every source as `run` will read it: the file exists and is a regular file, opens in its
    /// format and encoding, has the mapped columns, and reads through to its end (gzip integrity, XML
    /// well-formedness, quoting), with its rejected share within `rules.max_reject_rate` and at least one
    /// data row. Returns every problem found, in the pipeline file's order of sources (sources are
    /// checked in parallel), and the rows accepted per source that read.
    public static func check(_ config: PipelineConfig) -> (problems: [KCBXError], accepted: [String: Int]) {
        let results = ConcurrentResults<Result<Int, KCBXError>>(count: config.sources.count)
        DispatchQueue.concurrentPerform(iterations: config.sources.count) { i in
            let source = config.sources[i]
            do throws(KCBXError) {
                let table = try read(source, limits: limits(config)).table
                if let problem = rejectRateProblem(source: source, read: table.rowsRead, rejects: table.rejects, limit: config.rules.maxRejectRate) {
                    throw problem
                }
                results[i] = .success(table.rowsRead - table.rejects.count)
            } catch {
                results[i] = .failure(error)
            }
        }
        var problems: [KCBXError] = [], accepted: [String: Int] = [:]
        for (i, r) in results.values.enumerated() {
            switch r {
            case .success(let n): accepted[config.sources[i].name] = n
            case .failure(let e): problems.append(e)
            case nil: break
            }
        }
        return (problems, accepted)
    }

    /// The problem of a source whose rejected rows pass `limit` (`rules.max_reject_rate`), naming the
    /// commonest reasons and their first lines; nil when within it.
    public static func rejectRateProblem(source: SourceConfig, read: Int, rejects: [Reject], limit: Double) -> KCBXError? {
        guard read > 0 else { return nil }
        let rate = Double(rejects.count) / Double(read)
        guard rate > limit else { return nil }
        let reasons = Dictionary(grouping: rejects, by: \.reason).sorted { $0.value.count > $1.value.count }.prefix(3)
            .map { "\($0.value.count)× \($0.key) (first at line \($0.value[0].line))" }.joined(separator: "; ")
        return KCBXError(.input, "source `\(source.name)`: \(rejects.count) of \(read) rows rejected (\(String(format: "%.1f", rate * 100))%), above rules.max_reject_rate \(limit * 100)%: \(reasons). Fix the export or its column mapping and rerun.",
                         file: source.path.path)
    }

    /// The reader's next row; its error names the source.
    static func next(_ reader: any RowReader, _ source: SourceConfig) throws(KCBXError) -> Row? {
        do { return try reader.next() } catch { throw named(error, source) }
    }

    /// `error` with the source's name in front of its message, so `kcbx validate` says which source it is.
    static func named(_ error: KCBXError, _ source: SourceConfig) -> KCBXError {
        var error = error
        if !error.message.hasPrefix("source `") { error.message = "source `\(source.name)`: " + error.message }
        return error
    }

    /// Opens the reader that fits the source's format (its errors name the source).
    static func open(_ source: SourceConfig, limits: InputLimits) throws(KCBXError) -> any RowReader {
        do { return try openReader(source, limits: limits) } catch { throw named(error, source) }
    }

    private static func openReader(_ source: SourceConfig, limits: InputLimits) throws(KCBXError) -> any RowReader {
        guard FileManager.default.fileExists(atPath: source.path.path) else {
            throw KCBXError(.input, "source `\(source.name)`: file not found (expected the \(source.format.rawValue) export here)", file: source.path.path)
        }
        try ByteSource.checkRegularFile(source.path, label: "source `\(source.name)`")
        switch source.format {
        case .csv:
            return try CSVReader(url: source.path, encoding: source.encoding, delimiter: source.delimiter, limits: limits)
        case .xml:
            return try XMLRecordReader(url: source.path, record: source.record ?? "", encoding: source.encoding, limits: limits)
        case .xlsx:
            return try XLSXReader(url: source.path, sheet: source.sheet, limits: limits)
        }
    }

    /// For each mapped field, its position in the file's header. Throws when a mapped header is missing,
    /// naming the header, the headers found and the nearest one.
    static func columnMap(_ source: SourceConfig, header: [String]) throws(KCBXError) -> [Int] {
        let folded = header.map(foldHeader)
        var positions: [Int] = []
        var missing: [String] = []
        for (_, wanted) in source.columns {
            let key = foldHeader(wanted)
            if let i = folded.firstIndex(of: key) {
                positions.append(i)
                if folded[(i + 1)...].contains(key) {
                    Log.warning("source `\(source.name)`: column `\(wanted)` appears more than once in \(source.path.lastPathComponent); the first (column \(i + 1)) is used")
                }
            } else {
                missing.append(wanted)
            }
        }
        guard missing.isEmpty else {
            // The first row is shown only when it looks like a header row (some mapped header is in it, and
            // no cell looks like an ID number or a date): a file without its header row, or a file that is not
            // an export at all, must not have its first row — a child's ID, a password line — printed or stored.
            let looksLikeData = header.contains(where: Self.looksLikeData)
            let found: String
            if header.isEmpty {
                found = "none"
            } else if positions.isEmpty || looksLikeData {
                found = "(not shown: the first row of \(header.count) cells has none of the mapped headers\(looksLikeData ? " and holds numbers that look like data" : ""); is the header row missing, or is this another file?)"
            } else {
                found = header.map { $0.count > 30 ? String($0.prefix(30)) + "…" : $0 }.joined(separator: ", ")
            }
            let hints = missing.compactMap { m -> String? in
                guard let near = nearest(foldHeader(m), in: folded), let i = folded.firstIndex(of: near) else { return nil }
                return "`\(m)` → `\(header[i])`?"
            }
            let hint = hints.isEmpty || positions.isEmpty || looksLikeData ? "" : "; nearest: " + hints.joined(separator: ", ")
            throw KCBXError(.input, "source `\(source.name)`: missing column\(missing.count > 1 ? "s" : "") \(missing.map { "`\($0)`" }.joined(separator: ", ")); headers found: \(found)\(hint)",
                            file: source.path.path, line: 1)
        }
        return positions
    }

    /// A cell that is data rather than a header: six or more digits in a row (an ID number, a date, a phone).
    static func looksLikeData(_ cell: String) -> Bool {
        var run = 0
        for u in cell.utf8 {
            if u >= 0x30 && u <= 0x39 { run += 1; if run >= 6 { return true } } else { run = 0 }
        }
        return false
    }

    /// Header comparison form: full-width ASCII folded, whitespace removed.
    public static func foldHeader(_ header: String) -> String {
        var out = String.UnicodeScalarView()
        for s in header.unicodeScalars {
            switch s.value {
            case 0xFF01...0xFF5E: if let ascii = Unicode.Scalar(s.value - 0xFEE0) { out.append(ascii) }
            case 0x3000, 0x20, 0x09, 0xA0, 0xFEFF: continue
            default: out.append(s)
            }
        }
        return String(out)
    }

    /// `text` with control and direction characters shown as `\u{XXXX}`, so that a reject file holds no live ones.
    static func visible(_ text: String) -> String {
        var out = ""
        for u in text.unicodeScalars {
            let v = u.value
            if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (0x7F...0x9F).contains(v) || v == 0x200E || v == 0x200F
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
                out += "\\u{" + String(v, radix: 16, uppercase: true) + "}"
            } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    /// Reads one source whole, one row at a time: every row read ends as an accepted record or as a
    /// reject with its record number, line, raw values and reason (so rows read = accepted + rejected).
    public static func read(_ source: SourceConfig, limits: InputLimits) throws(KCBXError) -> IngestedSource {
        let reader = try open(source, limits: limits)
        let hasher = FileHasher(url: source.path)
        let positions = try columnMap(source, header: reader.header)
        var builder = ValueTable.Builder(width: positions.count)
        var recordNumbers: [Int32] = [], lines: [Int32] = []
        var rejects: [Reject] = []
        let progress = Progress("ingest: \(source.name): rows")
        defer { progress.finish() }
        var sinceProgress = 0
        do {
            try reader.forEachRow { row in
                sinceProgress += 1
                if sinceProgress == 65536 { progress.advance(by: sinceProgress); sinceProgress = 0 }
                if let problem = row.problem {
                    rejects.append(Reject(recordNumber: row.recordNumber, line: row.line, raw: row.values, reason: problem))
                    return
                }
                var blank = true
                for p in positions where !row.isBlank(p) { blank = false; break }
                for (k, p) in positions.enumerated() where !row.isBlank(p) {
                    guard let bad = row.forbiddenCharacter(p) else { continue }
                    rejects.append(Reject(recordNumber: row.recordNumber, line: row.line, raw: row.values.map(Self.visible),
                                          reason: "column `\(source.columns[k].header)` holds the control or direction character \(bad); expected plain text"))
                    return
                }
                if blank {
                    rejects.append(Reject(recordNumber: row.recordNumber, line: row.line, raw: row.values, reason: "all mapped columns are empty"))
                    return
                }
                guard builder.append(row.fields, at: positions) else {
                    rejects.append(Reject(recordNumber: row.recordNumber, line: row.line, raw: row.values,
                                          reason: "the mapped values of this row are longer than \(ValueTable.maxRecordBytes) bytes (a broken quote or delimiter?)"))
                    return
                }
                recordNumbers.append(Int32(clamping: row.recordNumber))
                lines.append(Int32(clamping: row.line))
            }
        } catch {
            throw named(error, source)
        }
        let table = SourceTable(source: source.name, role: source.role, fields: source.columns.map(\.field), header: reader.header,
                                positions: positions, values: ValueTable(width: positions.count, segments: builder.finish()),
                                recordNumbers: recordNumbers, lines: lines, rejects: rejects)
        let (sha, bytes) = try hasher.finish()
        return IngestedSource(table: table, file: InputFile(path: source.path.path, sha256: sha, bytes: bytes))
    }
}

/// SHA-256 of a file, computed on a background queue while the file is parsed.
final class FileHasher: Sendable {
    private let group = DispatchGroup()
    /// Written once on the background queue, read after `group.wait()` (the ``ParallelBuffer`` contract).
    private let done = ConcurrentResults<Result<(String, Int64), KCBXError>>(count: 1)

    init(url: URL) {
        group.enter()
        DispatchQueue.global().async { [self] in
            defer { group.leave() }
            guard let handle = try? FileHandle(forReadingFrom: url) else {
                done[0] = .failure(KCBXError(.input, "cannot read the file", file: url.path)); return
            }
            defer { try? handle.close() }
            var sha = SHA256()
            var total: Int64 = 0
            while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                sha.update(data: chunk)
                total += Int64(chunk.count)
            }
            done[0] = .success((sha.finalize().map { String(format: "%02x", $0) }.joined(), total))
        }
    }

    func finish() throws(KCBXError) -> (String, Int64) {
        group.wait()
        return try (done[0] ?? .failure(KCBXError(.input, "not hashed"))).get()
    }
}

