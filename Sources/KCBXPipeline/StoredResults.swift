import Dispatch
import Foundation
import KCBXCore
import KCBXIngest
import KCBXLink
import KCBXNormalize
import KCBXReconcile
import KCBXStore

/// The stage results of one period kept in the store, in the form each stage saves and the next
/// loads: the bridge between the stages and ``Store``'s parts.
///
/// - ingest: per source an outline part (`source:N`: names, header, record numbers and lines,
///   rejects) and one part per ``ValueTable`` segment of its values (`source:N:values:K`), plus the
///   input files (`inputs`).
/// - normalize: per source an outline part and its records in parts of 65,536 (`source:N:records:K`),
///   each record pointing into the ingest result's values (which are not stored twice), and the
///   ingest run they were made from (`ingest_run`): normalized records of an older ingest are not read.
/// - link and reconcile: one part each.
public struct StoredResults {
    public let store: Store
    public let period: String

    public init(store: Store, period: String) { self.store = store; self.period = period }

    // MARK: ingest

    func saveIngest(_ result: [IngestedSource], run: Int64) throws(KCBXError) {
        var parts: [() -> (name: String, bytes: [UInt8])] = []
        for (i, source) in result.enumerated() {
            parts.append { ("source:\(i)", Self.bytes { source.table.encodeOutline(to: &$0) }) }
            for (k, segment) in source.table.values.segments.enumerated() {
                parts.append { ("source:\(i):values:\(k)", Self.bytes(capacity: segment.bytes.count + segment.ends.count * 4 + 16) { $0.write(segment) }) }
            }
        }
        let inputs = Array(Self.json(result.map(\.file)).utf8)
        parts.append { ("inputs", inputs) }
        // Made one at a time as the store writes them: the values are never held twice. (Copying them ahead on
        // the other core saved nothing measurable and held 180 MB more.)
        try store.saveResult(period: period, stage: .ingest, run: run, parts: parts.lazy.map { $0() })
    }

    /// The stored ingest result: each source's table and the input files read.
    func loadIngest() throws(KCBXError) -> (tables: [SourceTable], inputs: [InputFile]) {
        let timer = StepTimer()
        defer { Log.info("ingest results loaded in \(timer.elapsed)") }
        var outlines: [(table: SourceTable, segments: Int)] = []
        var segments: [[ValueTable.Segment]] = []
        var inputs: [InputFile] = []
        let found = try store.forEachResultPart(period: period, stage: .ingest) { (name, bytes) throws(KCBXError) in
            var r = BinaryReader(bytes)
            let key = name.split(separator: ":")
            do throws(BinaryReader.Corrupt) {
                if name == "inputs" {
                    inputs = (try? JSONDecoder().decode([InputFile].self, from: Data(bytes))) ?? []
                } else if key.count == 2, Int(key[1]) == outlines.count {
                    outlines.append(try SourceTable.decodeOutline(&r))
                    segments.append([])
                } else if key.count == 4, key[2] == "values", Int(key[1]) == outlines.count - 1, let last = outlines.last {
                    segments[segments.count - 1].append(try r.readSegment(width: last.table.fields.count))
                } else {
                    throw BinaryReader.Corrupt()
                }
            } catch {
                throw corrupt(.ingest)
            }
        }
        guard found else { throw missing(.ingest) }
        var tables: [SourceTable] = []
        for (outline, values) in zip(outlines, segments) {
            guard values.count == outline.segments, let table = try? outline.table.withValues(values) else { throw corrupt(.ingest) }
            tables.append(table)
        }
        Log.info("using the stored ingest results of \(period)")
        return (tables, inputs)
    }

    // MARK: normalize

    func saveNormalize(_ result: [NormalizedSource], tables: [SourceTable], ingestRun: Int64, run: Int64) throws(KCBXError) {
        // Every record must point into its source's ingest values: only those are stored.
        for (source, table) in zip(result, tables) where !source.records.allSatisfy({ $0.values.table === table.values }) {
            throw KCBXError(.runFailed, "internal: normalized records of `\(source.source)` do not point into its ingested values")
        }
        // The records are encoded a few parts at a time, on every core, while the store writes the parts before
        // them: the encoded result is never held whole. Each source's outline comes before its records.
        var entries: [(name: String, source: Int, range: Range<Int>?)] = [("ingest_run", -1, nil)]
        for (i, source) in result.enumerated() {
            entries.append(("source:\(i)", i, nil))
            for (k, start) in stride(from: 0, to: source.records.count, by: NormalizedSource.recordsPerPart).enumerated() {
                entries.append(("source:\(i):records:\(k)", i, start..<min(source.records.count, start + NormalizedSource.recordsPerPart)))
            }
        }
        @Sendable func encode(_ entry: (name: String, source: Int, range: Range<Int>?)) -> [UInt8] {
            guard entry.source >= 0 else { return Self.bytes { $0.write(Int(ingestRun)) } }
            guard let range = entry.range else { return Self.bytes { result[entry.source].encodeOutline(to: &$0) } }
            return Self.bytes(capacity: 1 << 22) { result[entry.source].encodeRecords(range, to: &$0) }
        }
        let planned = entries
        let parts = ParallelAhead(count: planned.count) { j -> (name: String, bytes: [UInt8]) in (planned[j].name, encode(planned[j])) }
        try store.saveResult(period: period, stage: .normalize, run: run, parts: parts)
    }

    /// The stored normalize result, its records' values taken from the stored ingest result.
    public func loadNormalized() throws(KCBXError) -> [NormalizedSource] {
        var ingestRun: Int64? = nil
        var outlines: [(source: NormalizedSource, records: Int)] = []
        var recordParts: [[[UInt8]]] = []
        let found = try store.forEachResultPart(period: period, stage: .normalize) { (name, bytes) throws(KCBXError) in
            var r = BinaryReader(bytes)
            let key = name.split(separator: ":")
            do throws(BinaryReader.Corrupt) {
                if name == "ingest_run" {
                    ingestRun = Int64(try r.readInt())
                } else if key.count == 2, Int(key[1]) == outlines.count {
                    outlines.append(try NormalizedSource.decodeOutline(&r))
                    recordParts.append([])
                } else if key.count == 4, key[2] == "records", Int(key[1]) == outlines.count - 1 {
                    recordParts[recordParts.count - 1].append(bytes)
                } else {
                    throw BinaryReader.Corrupt()
                }
            } catch {
                throw corrupt(.normalize)
            }
        }
        guard found else { throw missing(.normalize) }
        guard let ingestRun, ingestRun == (try store.resultRun(period: period, stage: .ingest)) else {
            throw KCBXError(.usage, "the stored normalize results of \(period) were made from an earlier ingest than the one stored now; rerun from the normalize stage (--from normalize)")
        }
        let tables = try loadIngest().tables
        let timer = StepTimer()
        defer { Log.info("normalize results decoded in \(timer.elapsed)") }
        guard tables.count == outlines.count else { throw corrupt(.normalize) }
        var sources: [NormalizedSource] = []
        for (i, (outline, count)) in outlines.enumerated() {
            var source = outline
            guard let records = Self.decodeRecords(recordParts[i], of: outline, count: count, values: tables[i].values) else { throw corrupt(.normalize) }
            source.records = records
            sources.append(source)
        }
        Log.info("using the stored normalize results of \(period)")
        return sources
    }

    /// Decodes the record parts of one source in parallel, straight into the result's storage.
    static func decodeRecords(_ parts: [[UInt8]], of source: NormalizedSource, count: Int, values: ValueTable) -> [NormalizedRecord]? {
        let per = NormalizedSource.recordsPerPart
        guard parts.count == (count + per - 1) / per else { return nil }
        let ok = ConcurrentResults<Bool>(count: parts.count)
        var decoded = 0
        let records = ParallelBuffer<NormalizedRecord>.makeArray(capacity: count) { slots in
            let filled = ConcurrentResults<Int>(count: parts.count)
            DispatchQueue.concurrentPerform(iterations: parts.count) { k in
                var r = BinaryReader(parts[k])
                let expected = min(per, count - k * per)
                var n = 0
                let start = k * per
                do {
                    try source.decodeRecords(&r, count: expected, values: values) { record in
                        slots.initialize(start + n, to: record); n += 1
                    }
                    ok[k] = r.isAtEnd
                } catch {
                    ok[k] = false
                }
                filled[k] = n
            }
            // Parts decode fully or not at all in a sound store; on damage, keep only whole leading parts.
            for k in 0..<parts.count {
                let n = filled[k] ?? 0
                guard ok[k] == true, n == min(per, count - k * per) else {
                    // Release what this and later parts initialized, then stop.
                    for later in k..<parts.count { if let m = filled[later], m > 0 { slots.deinitialize((later * per)..<(later * per + m)) } }
                    break
                }
                decoded += n
            }
            return decoded
        }
        return decoded == count ? records : nil
    }

    // MARK: link, reconcile

    func saveLink(_ index: PersonIndex, run: Int64) throws(KCBXError) {
        try store.saveResult(period: period, stage: .link, run: run,
                             parts: [("index", Self.bytes { index.encode(to: &$0) }), ("linkage.json", Array(index.parameters.json.utf8))])
    }

    /// The stored person index.
    /// Refused, with what to do, when it was made for other comparison fields than this kcbx's registry.
    public func loadIndex() throws(KCBXError) -> PersonIndex {
        var parameters: [UInt8]? = nil
        _ = try store.forEachResultPart(period: period, stage: .link, only: "linkage.json") { _, bytes in parameters = bytes }
        if let parameters, let stored = LinkParameters.storedFields(json: String(decoding: parameters, as: UTF8.self)) {
            throw KCBXError(.usage, "the stored link results for \(period) were made for other comparison fields (\(stored)) than this kcbx compares (\(LinkParameters.registryFields.joined(separator: " "))); rerun the link stage (--from link)")
        }
        return try loadSingle(.link, PersonIndex.self)
    }

    func loadReconciled() throws(KCBXError) -> ReconcileResult {
        try loadSingle(.reconcile, ReconcileResult.self)
    }

    func loadSingle<T: BinaryCodable>(_ stage: Stage, _ type: T.Type) throws(KCBXError) -> T {
        let timer = StepTimer()
        defer { Log.info("\(stage.rawValue) results loaded in \(timer.elapsed)") }
        var first: [UInt8]? = nil
        let found = try store.forEachResultPart(period: period, stage: stage) { _, bytes in if first == nil { first = bytes } }
        guard found, let first else { throw missing(stage) }
        var reader = BinaryReader(first)
        guard let value = try? T(from: &reader) else { throw corrupt(stage) }
        Log.info("using the stored \(stage.rawValue) results of \(period)")
        return value
    }

    // MARK: helpers

    static func bytes(capacity: Int = 1 << 16, _ body: (inout BinaryWriter) -> Void) -> [UInt8] {
        var w = BinaryWriter(capacity: capacity)
        body(&w)
        return w.bytes
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    func missing(_ stage: Stage) -> KCBXError {
        KCBXError(.usage, "there are no stored \(stage.rawValue) results for period \(period) (or they were written by another version of kcbx); run from an earlier stage, e.g. --from \(stage.rawValue)")
    }

    func corrupt(_ stage: Stage) -> KCBXError {
        KCBXError(.usage, "the stored \(stage.rawValue) results for \(period) cannot be read; rerun from the \(stage.rawValue) stage")
    }
}
