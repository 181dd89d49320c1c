import Dispatch
import Foundation
import KCBXCore

/// SplitMix64: a small seeded generator, so that a run's estimates are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension LinkStage {
    /// Counts of levels per field (``Comparisons/slots`` each), from sampled pairs.
    struct LevelCounts {
        var counts = [Double](repeating: 0, count: LinkField.count * Comparisons.slots)
        mutating func add(_ v: Levels) {
            for i in 0..<LinkField.count where v[i] != LinkField.nullLevel { counts[i * Comparisons.slots + Int(v[i])] += 1 }
        }
        mutating func add(_ other: LevelCounts) { for i in counts.indices { counts[i] += other.counts[i] } }
        /// Smoothed shares of each level of `field` (half a count added to each level).
        func shares(_ field: LinkField) -> [Double]? {
            let k = field.levels.count
            let slots = (0..<k).map { counts[field.rawValue * Comparisons.slots + $0] }
            let total = slots.reduce(0, +)
            guard total >= 100 else { return nil }
            return slots.map { ($0 + 0.5) / (total + 0.5 * Double(k)) }
        }
    }

    /// Estimates u on random pairs (the ID's levels on pairs sharing region and birth date, where IDs
    /// are alike by construction), m by expectation–maximisation on blocked pairs with u fixed, and λ
    /// from the pairs the deterministic pass joined.
    static func estimate(_ f: RecordFeatures, detRoot: [Int32], rules: [BlockingRule], certainPairs: Int,
                         options: Options) -> LinkParameters {
        var p = LinkParameters.defaults
        let eligible = (0..<f.count).filter { f.eligible[$0] }
        let m = Double(eligible.count)
        // At least one other record of the same person expected per record.
        p.lambda = min(0.5, max(1 / max(1, m - 1), Double(certainPairs) / 0.95 / max(1, m * (m - 1) / 2)))
        guard eligible.count >= 2000 else { return p }
        let levels = Comparator(f, .defaults)

        // u: random pairs of records of different persons.
        let jobs = 16
        let uParts = ConcurrentResults<LevelCounts>(count: jobs)
        let perJob = options.uPairs / jobs
        DispatchQueue.concurrentPerform(iterations: jobs) { j in
            var rng = SplitMix64(seed: options.seed &+ UInt64(j))
            var c = LevelCounts()
            for _ in 0..<perJob {
                let a = eligible[Int(rng.next() % UInt64(eligible.count))], b = eligible[Int(rng.next() % UInt64(eligible.count))]
                if a == b || detRoot[a] == detRoot[b] { continue }
                c.add(levels.levels(a, b))
            }
            uParts[j] = c
        }
        var uCounts = LevelCounts()
        for c in uParts.values { if let c { uCounts.add(c) } }
        for field in LinkField.allCases { if let s = uCounts.shares(field) { p.u[field.rawValue] = s } }
        p.uPairs = perJob * jobs
        // The ID beyond exact: pairs sharing region and birth date (the first 14 characters).
        var prefix: [BlockEntry] = []
        for g in eligible where f.idState[g] != 0 {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for k in 0..<14 { h = (h ^ UInt64(f.idBytes[g * 18 + k])) &* 0x0000_0100_0000_01B3 }
            prefix.append(BlockEntry(key: h, record: UInt32(g)))
        }
        prefix.sort()
        let id = LinkField.id.rawValue
        var idCounts = [Double](repeating: 0, count: LinkField.id.levels.count)
        let prefixBlocks = blockBounds(prefix)
        if prefix.count > 1000 {
            var rng = SplitMix64(seed: options.seed ^ 0x1D)
            for _ in 0..<(options.uPairs / 4) {
                let i = Int(rng.next() % UInt64(prefix.count))
                let (lo, hi) = (Int(prefixBlocks.start[i]), Int(prefixBlocks.end[i]))
                guard hi - lo > 1 else { continue }
                let j = lo + Int(rng.next() % UInt64(hi - lo))
                let a = Int(prefix[i].record), b = Int(prefix[j].record)
                if a == b || detRoot[a] == detRoot[b] { continue }
                if let l = levels.idLevel(a, b) { idCounts[Int(l.rawValue)] += 1 }
            }
            let beyond = idCounts[1...].reduce(0, +)
            if beyond >= 100 {
                let rest = 1 - p.u[id][0]
                for l in 1..<idCounts.count { p.u[id][l] = rest * (idCounts[l] + 0.5) / (beyond + 2) }
            }
        }

        // m: EM on pairs sampled within blocks of birth date + sex and of pinyin + birth year; as Splink
        // does, each block trains only the fields it does not block on.
        var mSum = [[Double]](repeating: [Double](repeating: 0, count: Comparisons.slots), count: LinkField.count)
        var mRuns = [Double](repeating: 0, count: LinkField.count)
        var sampled = 0, iterations = 0
        let training: [(BlockingRule, Set<Int>)] = [
            (BlockingRule(atoms: [.birthDate, .sex]), [LinkField.birthDate.rawValue, LinkField.sex.rawValue]),
            (BlockingRule(atoms: [.pinyin, .birthYear]), [LinkField.name.rawValue]),
        ]
        for (ri, (rule, blocked)) in training.enumerated() {
            var entries: [BlockEntry] = []
            entries.reserveCapacity(eligible.count)
            for g in eligible { f.keys(rule, ruleIndex: 100 + ri, of: g) { entries.append(BlockEntry(key: $0, record: UInt32(g))) } }
            entries.sort()
            guard entries.count > 1 else { continue }
            let bounds = blockBounds(entries)
            var hist: [UInt32: Double] = [:]
            var rng = SplitMix64(seed: options.seed &+ 0xE3 &+ UInt64(ri))
            var count = 0
            for _ in 0..<(options.emPairs / 2) {
                let i = Int(rng.next() % UInt64(entries.count))
                let (lo, hi) = (Int(bounds.start[i]), Int(bounds.end[i]))
                guard hi - lo > 1 else { continue }
                let j = lo + Int(rng.next() % UInt64(hi - lo))
                guard i != j else { continue }
                let v = levels.levels(Int(entries[i].record), Int(entries[j].record))
                var code: UInt32 = 0
                for k in 0..<LinkField.count {
                    let l = blocked.contains(k) || v[k] == LinkField.nullLevel ? notCompared : UInt32(v[k])
                    code |= l << UInt32(3 * k)
                }
                hist[code, default: 0] += 1
                count += 1
            }
            guard count >= 1000 else { continue }
            sampled += count
            // In a fixed order: a dictionary's order changes from process to process, and with it the
            // last digits of the sums, so the same inputs would give a different linkage.json.
            let (m, its) = expectationMaximisation(hist.sorted { $0.key < $1.key }, start: p.m, u: p.u)
            iterations = max(iterations, its)
            for k in 0..<LinkField.count where !blocked.contains(k) {
                for l in 0..<LinkField.allCases[k].levels.count { mSum[k][l] += m[k][l] }
                mRuns[k] += 1
            }
        }
        guard sampled >= 1000 else { return p }
        var mm = p.m
        for k in 0..<LinkField.count where mRuns[k] > 0 {
            for l in 0..<LinkField.allCases[k].levels.count { mm[k][l] = mSum[k][l] / mRuns[k] }
        }
        p.m = mm
        p.emPairs = sampled
        p.emIterations = iterations
        return p
    }

    /// For each entry of a sorted table, the first and past-the-end positions of its block (same key).
    static func blockBounds(_ entries: [BlockEntry]) -> (start: [Int32], end: [Int32]) {
        var start = [Int32](repeating: 0, count: entries.count), end = start
        var lo = 0
        while lo < entries.count {
            var hi = lo + 1
            while hi < entries.count && entries[hi].key == entries[lo].key { hi += 1 }
            for i in lo..<hi { start[i] = Int32(lo); end[i] = Int32(hi) }
            lo = hi
        }
        return (start, end)
    }

    /// In an EM pattern: a field's 3 bits when it was not compared.
    static let notCompared: UInt32 = 7

    /// EM over a histogram of level patterns (3 bits per field, ``notCompared``), u fixed: returns m and the iterations.
    static func expectationMaximisation(_ patterns: [(key: UInt32, value: Double)], start: [[Double]], u: [[Double]]) -> ([[Double]], Int) {
        var mm = start
        var lam = 0.05
        var iterations = 0
        for _ in 0..<100 {
            iterations += 1
            var num = [[Double]](repeating: [Double](repeating: 0, count: Comparisons.slots), count: LinkField.count)
            var den = [Double](repeating: 0, count: LinkField.count)
            var matches = 0.0, all = 0.0
            for (code, count) in patterns {
                var pm = lam, pu = 1 - lam
                for k in 0..<LinkField.count {
                    let l = (code >> UInt32(3 * k)) & notCompared
                    if l != notCompared { pm *= mm[k][Int(l)]; pu *= u[k][Int(l)] }
                }
                let post = pm / (pm + pu)
                matches += post * count; all += count
                for k in 0..<LinkField.count {
                    let l = (code >> UInt32(3 * k)) & notCompared
                    if l != notCompared { num[k][Int(l)] += post * count; den[k] += post * count }
                }
            }
            var change = abs(matches / all - lam)
            lam = matches / all
            for k in 0..<LinkField.count where den[k] > 1 {
                let levelsCount = LinkField.allCases[k].levels.count
                var next = (0..<levelsCount).map { max(num[k][$0] / den[k], 1e-5) }
                let s = next.reduce(0, +)
                next = next.map { $0 / s }
                for l in 0..<levelsCount { change = max(change, abs(next[l] - mm[k][l])) }
                mm[k] = next
            }
            if change < 1e-6 { break }
        }
        return (mm, iterations)
    }
}
