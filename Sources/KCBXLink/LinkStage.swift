import Dispatch
import Foundation
import KCBXCore
import KCBXNormalize

/// A clerical-review decision (人工核对结论) on a pair of records, which stands in every later run.
public struct ReviewDecision: Sendable, Equatable {
    /// ``LinkStage/fingerprint(_:_:)`` of each record.
    public var recordA: String
    public var recordB: String
    /// 是同一人 (`true`) or 不是同一人 (`false`).
    public var same: Bool
    public init(recordA: String, recordB: String, same: Bool) { self.recordA = recordA; self.recordB = recordB; self.same = same }
}

/// The link stage: gives every record its person.
///
/// 1. A deterministic pass joins records on the same valid normalized ID number (or 学籍号 when there is
///    no valid ID), guarded: a record whose name and birth date both differ from the group's (hukou) anchor
///    is not joined (a borrowed ID; reconcile reports it as `identity_mismatch`).
/// 2. Persons with different valid IDs but the same name, birth date and a parent are merged (one child
///    registered twice); weaker evidence goes to clerical review.
/// 3. A Fellegi–Sunter pass links each record without a certain link to its single best candidate person,
///    over blocked candidate pairs, with m estimated by EM and u on random pairs, names weighted by
///    their frequency, and guards against false merges (twins, different names, placeholder names).
public enum LinkStage {
    /// Tuning that is not in the pipeline file.
    public struct Options: Sendable {
        /// The best person must beat the second best by this many bits to be linked automatically.
        public var marginBits: Float = 6
        /// How much less a competitor in another town than the row's counts against the best candidate in
        /// the row's own town, in the margin test.
        public var otherTownBits: Float = 4
        /// How much less a person who already holds a row of the query's source counts, when that source
        /// holds one row per child (a school's attendance: one pupil, one row), in choosing the best candidate
        /// and in the margin test. Two namesakes at one school, one of whom attends elsewhere on their own
        /// ID number: the ID-less row is the other's.
        public var takenBits: Float = 6
        /// Blocks larger than this are skipped (with a count in the figures): a key too common to block on.
        public var maxBlock = 4000
        /// Random pairs for u, candidate pairs for EM.
        public var uPairs = 1_500_000, emPairs = 600_000
        public var seed: UInt64 = 20261130
        public init() {}
    }

    /// Links with the default linkage settings.
    public static func run(_ sources: [NormalizedSource]) -> PersonIndex { run(sources, linkage: .init()) }

    /// Links `sources` with the pipeline's `linkage` settings and the stored review decisions.
    public static func run(_ sources: [NormalizedSource], linkage: PipelineConfig.Linkage, decisions: [ReviewDecision] = [],
                           options: Options = .init()) -> PersonIndex {
        let clock = ContinuousClock()
        let t0 = clock.now
        let f = RecordFeatures(sources)
        let n = f.count
        var figures: [String: Int] = ["records": n]
        // The pipeline's rules, and two of the link stage's own for records without an ID: the name with a
        // parent's, guardian's or household head's name (justice, welfare, disability, 学籍 rows against
        // hukou children), and the name alone for a row that has nothing else (a deferral row).
        let rules = linkage.blocking + LinkStage.idlessRules
        Log.info("link: features of \(n) records in \(seconds(clock.now - t0)) s")

        // 1. Deterministic pass on valid IDs (else 学籍号), guarded: a record whose name and birth date both
        //    differ from the holder's (the group's hukou anchor) beyond typos is another person using the
        //    number; such records of one group that agree with each other form one person of their own.
        var uf = UnionFind(n)
        let detGroups = groups(f.detKey, eligible: f.eligible)
        var refused = [Bool](repeating: false, count: n)
        /// Per refused record, the holder's record (-1 none) and why.
        var holderOf = [Int32](repeating: -1, count: n)
        var borrowKind: [Int: BorrowKind] = [:]
        var twinRisk: [(g: Int, anchor: Int)] = []
        let plain = Comparator(f, .defaults)
        var maxBirth: Int32 = 0
        for g in 0..<n where f.isHukou[g] { maxBirth = max(maxBirth, f.birth[g]) }
        let adultBorn = maxBirth == 0 ? 0 : maxBirth - 18 * 10000
        var pending: [Int] = []
        /// A refused record joined to another refused record of its group (the borrower's first): it is
        /// linked only through that record, so that a row without a birth date cannot pull the borrower
        /// into a namesake's person.
        var follows = [Bool](repeating: false, count: n)
        for group in detGroups {
            let anchor = group.first { f.isHukou[$0] } ?? group[0]
            var others: [Int] = []
            for g in group where g != anchor {
                if let kind = plain.borrowed(anchor, g, adultBorn: adultBorn) {
                    refused[g] = true; holderOf[g] = Int32(anchor); borrowKind[g] = kind
                    if let o = others.first(where: { !(plain.nameDiffers($0, g) && plain.birthDiffers(f.birth[$0], f.birth[g])) }) {
                        uf.union(o, g); follows[g] = true
                    } else {
                        others.append(g)
                    }
                    continue
                }
                // A twin's record with the co-twin's number: decided below, once the twins are known.
                if f.isHukou[anchor] && !f.isHukou[g] && plain.nameDiffers(anchor, g) && f.birthOwn[g] && f.birth[g] == f.birth[anchor] {
                    twinRisk.append((g, anchor)); continue
                }
                // Another name and no birth date of its own (an attendance row): decided once the group's
                // borrowers are known.
                if plain.nameDiffers(anchor, g) && !f.birthOwn[g] { pending.append(g); continue }
                uf.union(anchor, g)
            }
            // A record without a birth date that bears a borrower's name (not the holder's) is the borrower's.
            for g in pending {
                if let o = others.first(where: { !plain.nameDiffers($0, g) }) {
                    refused[g] = true; holderOf[g] = Int32(anchor); borrowKind[g] = borrowKind[o]
                    uf.union(o, g); follows[g] = true
                } else {
                    uf.union(anchor, g)
                }
            }
            pending.removeAll(keepingCapacity: true)
        }
        // Twins: the record goes to the hukou child of the same birth date and family whose name it bears.
        var twinLinks: [(Int, Int)] = []
        if !twinRisk.isEmpty {
            var hukouByName: [UInt64: [Int32]] = [:]
            for g in 0..<n where f.isHukou[g] && f.idState[g] == 2 && f.pinyin[g] != 0 && f.birth[g] != 0 {
                hukouByName[mix(UInt64(f.pinyin[g]), UInt64(f.birth[g])), default: []].append(Int32(g))
            }
            for (g, anchor) in twinRisk {
                let twin = hukouByName[mix(UInt64(f.pinyin[g]), UInt64(f.birth[g]))]?.lazy.map(Int.init).first { h in
                    h != anchor && f.idKey[h] != f.idKey[anchor] && !plain.nameDiffers(g, h)
                        && ((f.household[h] != 0 && f.household[h] == f.household[anchor]) || plain.familyLevel(h, anchor).reaches(.parentName))
                }
                if let h = twin {
                    refused[g] = true; holderOf[g] = Int32(anchor); borrowKind[g] = .coTwin
                    uf.union(h, g); twinLinks.append((g, h))
                } else {
                    uf.union(anchor, g)
                }
            }
        }
        // A refused record's number is not its own: it neither scores nor blocks for it from here on.
        // A birth date normalize took from that number is the holder's, not the record's.
        for g in 0..<n where refused[g] {
            f.idState[g] = 0
            if !f.birthOwn[g] { f.birth[g] = 0 }
        }
        let detRoot = (0..<n).map { Int32(uf.find($0)) }
        var detSize = [Int32](repeating: 0, count: n)
        for g in 0..<n { detSize[Int(detRoot[g])] += 1 }
        var certainPairs = 0
        for g in 0..<n where detSize[g] > 1 { certainPairs += Int(detSize[g]) * Int(detSize[g] - 1) / 2 }
        figures["refused_same_id"] = refused.filter { $0 }.count
        figures["borrowed_ids"] = borrowKind.count
        figures["borrowed_ids_co_twin"] = borrowKind.values.filter { $0 == .coTwin }.count
        figures["borrowed_ids_parent"] = borrowKind.values.filter { $0 == .parent }.count
        // Records to link probabilistically: no valid ID, or refused by the guard (unless a twin's, joined above).
        var isQuery = [Bool](repeating: false, count: n)
        for g in 0..<n where f.eligible[g] && (f.idState[g] != 2 || refused[g]) && borrowKind[g] != .coTwin && !follows[g] { isQuery[g] = true }
        figures["records_without_certain_link"] = isQuery.filter { $0 }.count

        // Prior weight per pair of sources, from the certain links (see PairPrior).
        let sourceCount = sources.count
        var pairPriorTable = [Float](repeating: 0, count: sourceCount * sourceCount)
        do {
            var withID = [Double](repeating: 0, count: sourceCount), recordsOf = withID
            var linked = [Double](repeating: 0, count: sourceCount * sourceCount)
            var perRoot: [Int: [Int32]] = [:]
            for g in 0..<n where f.eligible[g] {
                recordsOf[Int(f.source[g])] += 1
                if detSize[Int(detRoot[g])] > 1 { perRoot[Int(detRoot[g]), default: []].append(Int32(g)) }
                if f.idState[g] == 2 { withID[Int(f.source[g])] += 1 }
            }
            for (_, members) in perRoot {
                var count = [Int](repeating: 0, count: sourceCount)
                for g in members { count[Int(f.source[Int(g)])] += 1 }
                for sIdx in 0..<sourceCount where count[sIdx] > 0 {
                    for t in 0..<sourceCount where count[t] > (t == sIdx ? 1 : 0) { linked[sIdx * sourceCount + t] += Double(count[sIdx]) }
                }
            }
            for sIdx in 0..<sourceCount { for t in 0..<sourceCount {
                let share = min(0.999, max(1e-3, linked[sIdx * sourceCount + t] / max(1, withID[sIdx])))
                pairPriorTable[sIdx * sourceCount + t] = Float(log2(share / (1 - share)) - log2(max(1, recordsOf[t])))
            } }
        }

        // 2. Parameters: u on random pairs, m by EM on blocked pairs, λ from the certain pairs.
        let t1 = clock.now
        var parameters = estimate(f, detRoot: detRoot, rules: rules, certainPairs: certainPairs, options: options)
        let comparator = Comparator(f, parameters)
        let pairPrior = PairPrior(sources: sourceCount, table: pairPriorTable.map { max($0, comparator.prior) }, source: f.source)
        Log.info("link: m/u estimated in \(seconds(clock.now - t1)) s")
        for line in parameters.lines { Log.info("link: " + line) }

        // Decisions of clerical review, by record fingerprint.
        var decidedSame: [(Int, Int)] = []
        var decidedDifferent = Set<UInt64>()
        var decidedPairs = Set<UInt64>()
        if !decisions.isEmpty {
            var byPrint: [String: [Int]] = [:]
            for g in 0..<n { byPrint[fingerprint(sources, f.ref(g)), default: []].append(g) }
            for d in decisions {
                guard let a = byPrint[d.recordA], let b = byPrint[d.recordB] else { continue }
                for x in a { for y in b where x != y {
                    decidedPairs.insert(pairKey(x, y))
                    if d.same { decidedSame.append((x, y)) } else { decidedDifferent.insert(pairKey(x, y)) }
                } }
            }
            figures["review_decisions_applied"] = decidedSame.count + decidedDifferent.count
        }

        var links: [RecordLink] = []
        var reviews: [RecordLink] = []
        func record(_ a: Int, _ b: Int, _ rule: LinkRule, prior: Float? = nil) -> RecordLink {
            let v = comparator.levels(a, b)
            let c = comparator.contributions(a, b, v)
            let w = (prior ?? comparator.prior) + c.sum()
            return RecordLink(record: f.ref(a), other: f.ref(b), rule: rule, weight: w, probability: probability(weight: w),
                              levels: LinkField.allCases.map { v[$0] }, contributions: LinkField.allCases.map { c[$0.rawValue] })
        }
        // Valid ID of each cluster root (0 none), for the guard against merging two valid IDs.
        var rootID = [UInt64](repeating: 0, count: n)
        for g in 0..<n where f.idState[g] == 2 && !refused[g] && f.idKey[g] != 0 { rootID[uf.find(g)] = f.idKey[g] }
        // Records a person must never be joined with (a borrowed number's holder), by cluster root.
        var conflictsOf: [Int: [Int32]] = [:]
        for g in 0..<n where holderOf[g] >= 0 {
            conflictsOf[uf.find(g), default: []].append(holderOf[g])
            conflictsOf[uf.find(Int(holderOf[g])), default: []].append(Int32(g))
        }
        func forbidden(_ ra: Int, _ rb: Int) -> Bool {
            if let list = conflictsOf[ra] { for x in list where uf.find(Int(x)) == rb { return true } }
            if let list = conflictsOf[rb] { for x in list where uf.find(Int(x)) == ra { return true } }
            return false
        }
        func merge(_ a: Int, _ b: Int, allowTwoIDs: Bool, force: Bool = false) -> Bool {
            let ra = uf.find(a), rb = uf.find(b)
            if ra == rb { return true }
            if rootID[ra] != 0 && rootID[rb] != 0 && rootID[ra] != rootID[rb] && !allowTwoIDs { return false }
            if !force && forbidden(ra, rb) { return false }
            let id = rootID[ra] != 0 ? rootID[ra] : rootID[rb]
            uf.union(ra, rb)
            let root = uf.find(ra)
            rootID[root] = id
            let ca = conflictsOf.removeValue(forKey: ra) ?? [], cb = conflictsOf.removeValue(forKey: rb) ?? []
            if !ca.isEmpty || !cb.isEmpty { conflictsOf[root] = ca + cb }
            return true
        }
        for (g, h) in twinLinks { links.append(record(g, h, .probabilistic)) }
        let autoW = logit(linkage.autoThreshold), reviewW = logit(linkage.reviewThreshold)

        // 3. One child under two valid IDs: same name and birth date; merged only with a shared parent.
        let t2 = clock.now
        var duplicateMerges = 0
        do {
            var reps: [Int] = []
            for g in 0..<n where f.eligible[g] && f.idState[g] == 2 && !refused[g] && Int(detRoot[g]) == g { reps.append(g) }
            // A cluster's representative is its first hukou record when it has one.
            var repOf = [Int32](repeating: -1, count: n)
            for g in 0..<n where f.eligible[g] && f.idState[g] == 2 && !refused[g] {
                let r = Int(detRoot[g])
                if repOf[r] < 0 || (f.isHukou[g] && !f.isHukou[Int(repOf[r])]) { repOf[r] = Int32(g) }
            }
            var entries: [BlockEntry] = []
            for r in reps where repOf[r] >= 0 {
                let g = Int(repOf[r])
                guard f.normName[g] != 0, f.birth[g] != 0 else { continue }
                entries.append(BlockEntry(key: mix(UInt64(f.normName[g]), UInt64(f.birth[g])), record: UInt32(g)))
            }
            entries.sort()
            var lo = 0
            while lo < entries.count {
                var hi = lo + 1
                while hi < entries.count && entries[hi].key == entries[lo].key { hi += 1 }
                if hi - lo > 1 && hi - lo <= 50 {
                    for i in lo..<hi { for j in (i + 1)..<hi {
                        let a = Int(entries[i].record), b = Int(entries[j].record)
                        let key = pairKey(a, b)
                        if decidedDifferent.contains(key) { continue }
                        let s = comparator.score(a, b)
                        if s.allowance == .auto && s.weight >= autoW {
                            if merge(a, b, allowTwoIDs: true) { links.append(record(a, b, .probabilistic)); duplicateMerges += 1 }
                        } else if s.allowance != .never && s.weight >= reviewW && !decidedPairs.contains(key) {
                            reviews.append(record(a, b, .none))
                        }
                    } }
                }
                lo = hi
            }
        }
        figures["merged_two_valid_ids"] = duplicateMerges
        Log.info("link: two-ID pass in \(seconds(clock.now - t2)) s, \(duplicateMerges) merges")

        // 4. Candidate pairs of every record without a certain link, over the blocking rules, in parallel.
        let t3 = clock.now
        let (candidates, compared, skippedBlocks) = candidatePairs(f, comparator: comparator, rules: rules, isQuery: isQuery,
                                                                  detRoot: detRoot, pairPrior: pairPrior, options: options)
        figures["pairs_compared"] = compared
        figures["blocks_skipped_too_large"] = skippedBlocks
        figures["candidate_pairs"] = candidates.count
        Log.info("link: \(compared) pairs compared, \(candidates.count) kept, in \(seconds(clock.now - t3)) s")

        // 5. Each record to its single best person: first persons anchored by a valid ID, then any.
        let t4 = clock.now
        var decided = [Bool](repeating: false, count: n)
        var probabilisticLinks = 0, reviewPairs = 0
        /// Per record left undecided, the best records of its possible persons (best first).
        var possible: [Int: [Int32]] = [:]
        // Sources holding one row per child (attendance), a bit each; per person (root), the bits of the
        // ones it already holds a row of.
        var onePerChild = [UInt32](repeating: 0, count: sources.count)
        for (s, src) in sources.enumerated() where src.role == .attendance && s < 32 { onePerChild[s] = 1 << UInt32(s) }
        let anyOnePerChild = onePerChild.contains { $0 != 0 }
        for round in 0..<2 {
            var anchored = [Bool](repeating: false, count: n)
            for g in 0..<n where rootID[uf.find(g)] != 0 { anchored[g] = true }
            var held = [UInt32](repeating: 0, count: anyOnePerChild ? n : 0)
            if anyOnePerChild {
                for g in 0..<n { let bit = onePerChild[Int(f.source[g])]; if bit != 0 { held[uf.find(g)] |= bit } }
            }
            var edges: [(q: Int, r: Int, w: Float)] = []
            var lo = 0
            while lo < candidates.count {
                var hi = lo + 1
                let q = Int(candidates[lo].q)
                while hi < candidates.count && Int(candidates[hi].q) == q { hi += 1 }
                defer { lo = hi }
                if decided[q] { continue }
                let own = uf.find(q)
                // Per target person: best weight, its record, whether auto is allowed, conflict.
                var best: [Int: (w: Float, r: Int, auto: Bool, conflict: Bool)] = [:]
                for c in candidates[lo..<hi] {
                    let r = Int(c.r)
                    if round == 0 && !anchored[r] { continue }
                    // A deferral row's child is of the age its approval implies: older or younger namesakes are no candidates.
                    if !f.fitsWindow(q, r) { continue }
                    let root = uf.find(r)
                    if root == own { continue }
                    var entry = best[root] ?? (-.infinity, r, false, forbidden(own, root))
                    if c.conflict || decidedDifferent.contains(pairKey(q, r)) { entry.conflict = true }
                    if c.allowance != Allowance.never.rawValue && c.w > entry.w {
                        entry.w = c.w; entry.r = r; entry.auto = c.allowance == Allowance.auto.rawValue
                    }
                    best[root] = entry
                }
                // A person already holding a row of a one-row-per-child source competes less for another.
                let qBit = anyOnePerChild ? onePerChild[Int(f.source[q])] : 0
                func rank(_ root: Int, _ w: Float) -> Float { qBit != 0 && held[root] & qBit != 0 ? w - options.takenBits : w }
                var first: (w: Float, r: Int, auto: Bool, root: Int, rank: Float)? = nil, second: Float = -.infinity
                for (root, e) in best where !e.conflict && e.w > -.infinity {
                    let k = rank(root, e.w)
                    if first == nil || k > first!.rank || (k == first!.rank && root < first!.root) { first = (e.w, e.r, e.auto, root, k) }
                }
                // Competitors that could only go to review (twin risk, two valid IDs) do not make the best ambiguous.
                guard let top = first else { continue }
                // A namesake in another town than the one the row names competes less than one in the same town
                // (the town of a welfare or deferral row is where the child lives); the weight itself is EM's.
                let topTown = f.town[q] == 0 ? nil : comparator.levels(q, top.r).agreement(.town)
                for (root, e) in best where !e.conflict && e.auto && root != top.root {
                    let other = topTown == .same && comparator.levels(q, e.r).agreement(.town) == .different ? e.w - options.otherTownBits : e.w
                    second = max(second, rank(root, other))
                }
                // A record on someone else's number is linked automatically only on a shared parent's ID or
                // household, or a parent's name with the very birth date: at a million children, another
                // 王浩轩 born the same day is no rarity.
                let strongEnough = !refused[q] || {
                    let v = comparator.levels(q, top.r)
                    return v.family == .parentID || v.agreement(.household) == .same || (v.family == .parentName && v.birthDate == .exact)
                }()
                if top.w >= autoW && top.auto && top.rank - second >= options.marginBits && strongEnough {
                    edges.append((q, top.r, top.w))
                } else if top.w >= reviewW {
                    // Not clear (namesakes, or too little evidence): the best three persons go to review,
                    // and stay known as the record's possible matches.
                    decided[q] = true
                    let ranked = best.filter { !$0.value.conflict && $0.value.w >= reviewW }
                        .sorted { $0.value.w > $1.value.w || ($0.value.w == $1.value.w && $0.key < $1.key) }.prefix(3)
                    possible[q] = ranked.map { Int32($0.value.r) }
                    for (_, e) in ranked where !decidedPairs.contains(pairKey(q, e.r)) {
                        reviews.append(record(q, e.r, .none, prior: pairPrior.weight(q, e.r))); reviewPairs += 1
                    }
                }
            }
            edges.sort { $0.w > $1.w }
            for e in edges {
                decided[e.q] = true
                if merge(e.q, e.r, allowTwoIDs: false) {
                    links.append(record(e.q, e.r, .probabilistic, prior: pairPrior.weight(e.q, e.r))); probabilisticLinks += 1
                } else if !decidedPairs.contains(pairKey(e.q, e.r)) {
                    reviews.append(record(e.q, e.r, .none, prior: pairPrior.weight(e.q, e.r))); reviewPairs += 1
                    possible[e.q] = [Int32(e.r)]
                }
            }
        }
        // Decisions 是同一人 join their records whatever the scores say.
        for (a, b) in decidedSame where uf.find(a) != uf.find(b) {
            _ = merge(a, b, allowTwoIDs: true, force: true)
            links.append(record(a, b, .review))
        }
        figures["links_probabilistic"] = probabilisticLinks
        figures["review_pairs"] = reviews.count
        Log.info("link: clustering in \(seconds(clock.now - t4)) s: \(probabilisticLinks) probabilistic links, \(reviews.count) review pairs")

        var index = buildIndex(sources, f, uf: &uf, detSize: detSize, detRoot: detRoot, refused: refused, borrowKind: borrowKind, links: links)
        figures["persons"] = index.persons.count
        // What reconcile needs to know: whose number a record carries, and the possible persons of a record left unlinked.
        for g in borrowKind.keys.sorted() {
            let holder = Int(holderOf[g])
            index.borrowedIDs.append(BorrowedID(record: f.ref(g), holderRecord: f.ref(holder),
                                                holder: index.personOf[f.ref(holder).source][f.ref(holder).record], kind: borrowKind[g]!))
        }
        for (q, records) in possible {
            let ref = f.ref(q), own = index.personOf[ref.source][ref.record]
            var persons: [Int32] = []
            for r in records {
                let rr = f.ref(Int(r)), p = index.personOf[rr.source][rr.record]
                if p != own && !persons.contains(p) { persons.append(p) }
            }
            // Linked after all (a later round, a review decision): nothing left to point at.
            if persons.count == records.count && !persons.isEmpty { index.possibleMatches[ref] = persons }
        }
        index.indexBorrowedIDs()
        figures["records_with_possible_matches"] = index.possibleMatches.count
        parameters.figures = figures
        var result = index
        result.reviewPairs = reviews.sorted { $0.probability > $1.probability }
        result.parameters = parameters
        Log.info("link: done in \(seconds(clock.now - t0)) s")
        return result
    }

    /// Blocking rules the stage adds to the pipeline's (see ``run(_:linkage:decisions:options:)``).
    static let idlessRules = [BlockingRule(atoms: [.pinyin, .parentName]), BlockingRule(atoms: [.pinyin, .sparse])]

    /// A record's fingerprint for review decisions: its source and identity fields, so that a decision
    /// keeps applying when the export is re-sorted or re-exported.
    public static func fingerprint(_ sources: [NormalizedSource], _ ref: RecordRef) -> String {
        let s = sources[ref.source], r = s.records[ref.record]
        let text = [s.source, r.id?.normalized ?? "", r.name?.normalized ?? "", r.birthDate?.description ?? "",
                    r.sex?.rawValue ?? "", r.studentNumber ?? "", s.value(.schoolCode, of: r), s.value(.householdId, of: r)]
            .joined(separator: "\u{1F}")
        return base32(stableHash(text), count: 13)
    }

    // MARK: the index

    static func buildIndex(_ sources: [NormalizedSource], _ f: RecordFeatures, uf: inout UnionFind, detSize: [Int32],
                           detRoot: [Int32], refused: [Bool], borrowKind: [Int: BorrowKind] = [:], links: [RecordLink]) -> PersonIndex {
        let n = f.count
        var personOfRoot = [Int32](repeating: -1, count: n)
        var persons: [PersonIndex.Person] = []
        var flat = [Int32](repeating: 0, count: n)
        for g in 0..<n {
            // Records of `schools` sources are never linked: each is its own person.
            let root = f.eligible[g] ? uf.find(g) : g
            if personOfRoot[root] < 0 {
                personOfRoot[root] = Int32(persons.count)
                persons.append(.init(id: "", members: []))
            }
            let p = personOfRoot[root]
            flat[g] = p
            persons[Int(p)].members.append(f.ref(g))
        }
        // Stable ids: the person's best valid ID (hukou's first), else its first record.
        var used = Set<String>()
        for p in persons.indices {
            var best = -1
            for ref in persons[p].members {
                let g = f.global(ref)
                guard f.idState[g] == 2 && !refused[g] && f.idKey[g] != 0 else { continue }
                if best < 0 || (f.isHukou[g] && !f.isHukou[best]) { best = g }
                if f.isHukou[g] { break }
            }
            var id: String
            if best >= 0, let number = sources[f.ref(best).source].records[f.ref(best).record].id?.normalized {
                id = "P" + base32(stableHash("id:" + number))
            } else {
                let first = persons[p].members[0]
                id = "R" + base32(stableHash("record:\(sources[first.source].source)#\(sources[first.source].records[first.record].recordNumber)"))
            }
            if used.contains(id) {
                var k = 2
                while used.contains(id + "-\(k)") { k += 1 }
                id += "-\(k)"
            }
            used.insert(id)
            persons[p].id = id
        }
        var rule = sources.map { [LinkRule](repeating: .none, count: $0.records.count) }
        var prob = sources.map { [Float](repeating: 0, count: $0.records.count) }
        // Records that share a number and agree with each other are joined on it, borrowers among themselves too.
        for g in 0..<n where f.eligible[g] && detSize[Int(detRoot[g])] > 1 && borrowKind[g] != .coTwin {
            let r = f.ref(g); rule[r.source][r.record] = .exactID; prob[r.source][r.record] = 1
        }
        var linkP = [Float](repeating: 1, count: persons.count)
        for l in links {
            rule[l.record.source][l.record.record] = l.rule
            prob[l.record.source][l.record.record] = l.rule == .review ? 1 : l.probability
            if rule[l.other.source][l.other.record] == .none {
                rule[l.other.source][l.other.record] = l.rule
                prob[l.other.source][l.other.record] = l.rule == .review ? 1 : l.probability
            }
            let p = Int(flat[f.global(l.record)])
            linkP[p] = min(linkP[p], l.rule == .review ? 1 : l.probability)
        }
        var personOf = sources.map { [Int32](repeating: 0, count: $0.records.count) }
        for g in 0..<n {
            let r = f.ref(g), p = flat[g]
            personOf[r.source][r.record] = p
            if persons[Int(p)].members.count > 1 && rule[r.source][r.record] == .none {
                rule[r.source][r.record] = .probabilistic; prob[r.source][r.record] = linkP[Int(p)]
            }
        }
        return PersonIndex(personOf: personOf, rule: rule, probability: prob, persons: persons, links: links)
    }

    // MARK: helpers

    /// Groups of eligible records sharing a non-zero key, in record order.
    static func groups(_ keys: ParallelBuffer<UInt64>, eligible: ParallelBuffer<Bool>) -> [[Int]] {
        var entries: [BlockEntry] = []
        entries.reserveCapacity(keys.count)
        for g in 0..<keys.count where keys[g] != 0 && eligible[g] { entries.append(BlockEntry(key: keys[g], record: UInt32(g))) }
        entries.sort()
        var result: [[Int]] = []
        var lo = 0
        while lo < entries.count {
            var hi = lo + 1
            while hi < entries.count && entries[hi].key == entries[lo].key { hi += 1 }
            if hi - lo > 1 { result.append(entries[lo..<hi].map { Int($0.record) }) }
            lo = hi
        }
        return result
    }

    @inline(__always) static func pairKey(_ a: Int, _ b: Int) -> UInt64 {
        let x = UInt64(min(a, b)), y = UInt64(max(a, b))
        return x << 32 | y
    }

    static func logit(_ p: Double) -> Float {
        let q = min(max(p, 1e-12), 1 - 1e-12)
        return Float(log2(q / (1 - q)))
    }

    static func seconds(_ d: Duration) -> String {
        let c = d.components
        return String(format: "%.2f", Double(c.seconds) + Double(c.attoseconds) / 1e18)
    }
}


/// Union–find over record positions, with path halving and union by size.
struct UnionFind {
    var parent: [Int32]
    var size: [Int32]
    init(_ n: Int) { parent = (0..<n).map { Int32($0) }; size = [Int32](repeating: 1, count: n) }
    mutating func find(_ x: Int) -> Int {
        var x = x
        while Int(parent[x]) != x { parent[x] = parent[Int(parent[x])]; x = Int(parent[x]) }
        return x
    }
    mutating func union(_ a: Int, _ b: Int) {
        var ra = find(a), rb = find(b)
        if ra == rb { return }
        if size[ra] < size[rb] || (size[ra] == size[rb] && rb < ra) { swap(&ra, &rb) }
        parent[rb] = Int32(ra); size[ra] += size[rb]
    }
}
