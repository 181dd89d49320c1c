import Dispatch
import KCBXCore

/// A compared pair kept for clustering: the record to link, the other record, the weight and the guards' verdict.
struct Candidate {
    var q: UInt32
    var r: UInt32
    var w: Float
    var allowance: UInt8
    var conflict: Bool
}

/// The prior weight of a pair by the two records' sources: a record of source S that has a valid ID
/// belongs, with share p(S→T), to a person who also has a record of source T; for a record to link, the
/// chance that one given record of T is its person's is about p/(1−p) ÷ n(T) in odds — far more than the
/// county-wide λ when S's persons are mostly in T (an attendance row is a pupil of 学籍, a deferral row a
/// child of 户籍). Never below the county-wide prior.
struct PairPrior: Sendable {
    let sources: Int
    let table: [Float]
    let source: ParallelBuffer<UInt16>
    @inline(__always) func weight(_ q: Int, _ r: Int) -> Float { table[Int(source[q]) * sources + Int(source[r])] }
}

extension LinkStage {
    /// Pairs kept when their weight reaches this (p ≈ 0.001): below it a person is no candidate at all.
    static let keepWeight: Float = -10

    /// Every blocked pair of a record to link (`isQuery`) with another record, compared in parallel.
    ///
    /// Keys of the records to link are generated first; other records contribute only keys that some
    /// record to link has (so blocks without a record to link cost nothing), and only one record per
    /// ID group contributes ID variants. The entries are partitioned by key into 64 slices, each sorted
    /// and scanned on its own.
    static func candidatePairs(_ f: RecordFeatures, comparator: Comparator, rules: [BlockingRule], isQuery: [Bool],
                               detRoot: [Int32], pairPrior: PairPrior, options: Options) -> (candidates: [Candidate], compared: Int, skipped: Int) {
        let n = f.count
        let chunk = 32768
        let chunks = max(1, (n + chunk - 1) / chunk)
        // Keys of the records to link.
        let queryParts = ConcurrentResults<[BlockEntry]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var out: [BlockEntry] = []
            for g in (c * chunk)..<min(n, (c + 1) * chunk) where isQuery[g] {
                for (ri, rule) in rules.enumerated() {
                    f.keys(rule, ruleIndex: ri, of: g, query: true) { out.append(BlockEntry(key: $0, record: UInt32(g) | BlockEntry.queryBit)) }
                }
            }
            queryParts[c] = out
        }
        var querySet = Set<UInt64>()
        for part in queryParts.values { for e in part ?? [] { querySet.insert(e.key) } }
        let keys = querySet
        // Keys of the other records, only where a record to link has the same key.
        let idVariantRules = Set(rules.indices.filter { rules[$0].atoms.contains(.idVariants) })
        let targetParts = ConcurrentResults<[BlockEntry]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var out: [BlockEntry] = []
            for g in (c * chunk)..<min(n, (c + 1) * chunk) where f.eligible[g] && !isQuery[g] {
                for (ri, rule) in rules.enumerated() {
                    if idVariantRules.contains(ri) && Int(detRoot[g]) != g { continue }
                    f.keys(rule, ruleIndex: ri, of: g) { if keys.contains($0) { out.append(BlockEntry(key: $0, record: UInt32(g))) } }
                }
            }
            targetParts[c] = out
        }
        // Partition by the key's top 6 bits.
        let partitions = 64
        let parts = queryParts.values.map { $0 ?? [] } + targetParts.values.map { $0 ?? [] }
        var counts = [[Int]](repeating: [Int](repeating: 0, count: partitions), count: parts.count)
        for (i, part) in parts.enumerated() { for e in part { counts[i][Int(e.key >> 58)] += 1 } }
        var partitionStart = [Int](repeating: 0, count: partitions + 1)
        for p in 0..<partitions { partitionStart[p + 1] = partitionStart[p] + counts.reduce(0) { $0 + $1[p] } }
        var writeAt = [[Int]](repeating: [Int](repeating: 0, count: partitions), count: parts.count)
        for p in 0..<partitions {
            var at = partitionStart[p]
            for i in parts.indices { writeAt[i][p] = at; at += counts[i][p] }
        }
        let total = partitionStart[partitions]
        let table = ParallelBuffer<BlockEntry>(repeating: BlockEntry(key: 0, record: 0), count: total)
        let cursors = writeAt
        DispatchQueue.concurrentPerform(iterations: parts.count) { i in
            var at = cursors[i]
            for e in parts[i] { let p = Int(e.key >> 58); table[at[p]] = e; at[p] += 1 }
        }
        // Sort and scan each partition.
        let bounds = partitionStart
        let results = ConcurrentResults<([Candidate], Int, Int)>(count: partitions)
        let maxBlock = options.maxBlock
        DispatchQueue.concurrentPerform(iterations: partitions) { p in
            let lo0 = bounds[p], hi0 = bounds[p + 1]
            table.sort(lo0..<hi0)
            let blockCount = hi0 - lo0
            var out: [Candidate] = []
            var compared = 0, skipped = 0
            var lo = 0
            while lo < blockCount {
                var hi = lo + 1
                let key = table[lo0 + lo].key
                while hi < blockCount && table[lo0 + hi].key == key { hi += 1 }
                defer { lo = hi }
                guard hi - lo >= 2 else { continue }
                // Records to link sort last in their block (their top bit is set).
                var qStart = hi
                while qStart > lo && table[lo0 + qStart - 1].record & BlockEntry.queryBit != 0 { qStart -= 1 }
                guard qStart < hi else { continue }
                if hi - lo > maxBlock { skipped += 1; continue }
                for qi in qStart..<hi {
                    let q = Int(table[lo0 + qi].record & ~BlockEntry.queryBit)
                    let qRoot = detRoot[q]
                    for ri in lo..<hi {
                        if ri >= qStart && ri <= qi { continue }   // pairs of two records to link: once
                        let r = Int(table[lo0 + ri].record & ~BlockEntry.queryBit)
                        if r == q || detRoot[r] == qRoot { continue }
                        compared += 1
                        let s = comparator.score(q, r)
                        let fields = s.weight - comparator.prior
                        let w = fields + pairPrior.weight(q, r)
                        let back = ri >= qStart ? fields + pairPrior.weight(r, q) : -.infinity
                        guard max(w, back) >= keepWeight, s.allowance != .never || s.conflict else { continue }
                        if w >= keepWeight || s.conflict {
                            out.append(Candidate(q: UInt32(q), r: UInt32(r), w: w, allowance: s.allowance.rawValue, conflict: s.conflict))
                        }
                        if ri >= qStart && (back >= keepWeight || s.conflict) {
                            out.append(Candidate(q: UInt32(r), r: UInt32(q), w: back, allowance: s.allowance.rawValue, conflict: s.conflict))
                        }
                    }
                }
            }
            results[p] = (out, compared, skipped)
        }
        var all: [Candidate] = []
        var compared = 0, skipped = 0
        for r in results.values {
            guard let r else { continue }
            all.append(contentsOf: r.0); compared += r.1; skipped += r.2
        }
        all.sort { $0.q < $1.q || ($0.q == $1.q && $0.r < $1.r) }
        return (all, compared, skipped)
    }
}
