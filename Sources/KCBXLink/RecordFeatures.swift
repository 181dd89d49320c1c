import Dispatch
import KCBXCore
import KCBXNormalize

/// FNV-1a of a string's UTF-8, folded to 32 bits; 0 only for the empty string.
@inline(__always) func hash32<S: Sequence<UInt8>>(_ s: S) -> UInt32 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    var any = false
    for b in s { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3; any = true }
    guard any else { return 0 }
    let folded = UInt32(truncatingIfNeeded: h ^ (h >> 32))
    return folded == 0 ? 1 : folded
}

@inline(__always) func hash32(_ s: String) -> UInt32 { hash32(s.utf8) }

/// FNV-1a 64-bit, never 0.
@inline(__always) func hash64(_ s: String, seed: UInt64 = 0) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
    for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return h == 0 ? 1 : h
}

/// Mixes integers into a 64-bit block key.
@inline(__always) func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
    var x = a &* 0x9E37_79B9_7F4A_7C15 ^ (b &+ 0x632B_E59B_D9B4_E019)
    x ^= x >> 31; x = x &* 0xBF58_476D_1CE4_E5B9; x ^= x >> 29
    return x == 0 ? 1 : x
}

/// Every record of every source as compact arrays (one entry per record, global position = source offset + record),
/// so that comparing two records touches a few integers and no strings.
/// Immutable after init (its ParallelBuffers are written during init only), then read from every core.
final class RecordFeatures: Sendable {
    let count: Int
    /// Global position of each source's first record.
    let offsets: [Int]
    let source: ParallelBuffer<UInt16>
    /// Takes part in linkage (not a `schools` source).
    let eligible: ParallelBuffer<Bool>
    /// The ID's 18 characters (zero when it has none that can be compared).
    let idBytes: ParallelBuffer<UInt8>
    /// 0: no comparable ID; 1: an 18-character ID that is not valid; 2: a valid ID.
    let idState: ParallelBuffer<UInt8>
    /// The valid ID packed into 64 bits (0 when none).
    let idKey: ParallelBuffer<UInt64>
    /// The key of the deterministic pass: the valid ID, else the 学籍号 (0 when neither).
    let detKey: ParallelBuffer<UInt64>
    let rawName: ParallelBuffer<UInt32>, normName: ParallelBuffer<UInt32>, pinyin: ParallelBuffer<UInt32>
    let pinyinOffset: [UInt32], pinyinLength: [UInt8]
    let pinyinBytes: [UInt8]
    /// Share of named records bearing this normalized name (term frequency), 0 when unnamed.
    let nameFrequency: ParallelBuffer<Float>
    /// yyyymmdd, 0 when unknown.
    let birth: ParallelBuffer<Int32>
    /// The birth date was written in the record's own column (else normalize took it from the ID number,
    /// and it says nothing the ID does not).
    let birthOwn: ParallelBuffer<Bool>
    /// For a deferral row without a birth date: the birth dates (yyyymmdd, inclusive) a child approved in
    /// that year can have — 延缓入学 is approved at school entry (age 5–8 at the approval), 免于入学 at any
    /// school age; 0 when there is no such window.
    let birthLo: ParallelBuffer<Int32>, birthHi: ParallelBuffer<Int32>
    /// 0 unknown, 1 male, 2 female.
    let sex: ParallelBuffer<UInt8>
    /// IDs of father, mother, guardian: 3 per record.
    let parentID: ParallelBuffer<UInt32>
    /// Names of father, mother, guardian and household head (户主姓名: the father or a grandparent in hukou,
    /// the head of a poverty household): ``nameSlots`` per record.
    let parentName: ParallelBuffer<UInt32>
    static let nameSlots = 4
    /// A source about children (学籍, attendance, deferral, disability, welfare, justice): a row of it is a
    /// child's, so an adult's ID number in it is not that row's own.
    let childSource: ParallelBuffer<Bool>
    let household: ParallelBuffer<UInt32>, town: ParallelBuffer<UInt32>
    /// 学校标识码 (hashed), 0 when none.
    let school: ParallelBuffer<UInt32>
    let isHukou: ParallelBuffer<Bool>
    /// 联系电话 as its digits (``phoneNumber(_:)``), 0 when none; empty when no source maps `phone`.
    let phone: ParallelBuffer<UInt64>

    init(_ sources: [NormalizedSource]) {
        var starts: [Int] = []
        var sum = 0
        for s in sources { starts.append(sum); sum += s.records.count }
        let offsets = starts, total = sum
        count = total
        self.offsets = offsets
        let source = ParallelBuffer<UInt16>(repeating: 0, count: total)
        let eligible = ParallelBuffer<Bool>(repeating: false, count: total)
        let isHukou = ParallelBuffer<Bool>(repeating: false, count: total)
        let idBytes = ParallelBuffer<UInt8>(repeating: 0, count: total * 18)
        let idState = ParallelBuffer<UInt8>(repeating: 0, count: total)
        let idKey = ParallelBuffer<UInt64>(repeating: 0, count: total)
        let detKey = ParallelBuffer<UInt64>(repeating: 0, count: total)
        let rawName = ParallelBuffer<UInt32>(repeating: 0, count: total)
        let normName = ParallelBuffer<UInt32>(repeating: 0, count: total)
        let pinyin = ParallelBuffer<UInt32>(repeating: 0, count: total)
        let birth = ParallelBuffer<Int32>(repeating: 0, count: total)
        let birthOwn = ParallelBuffer<Bool>(repeating: false, count: total)
        let birthLo = ParallelBuffer<Int32>(repeating: 0, count: total), birthHi = ParallelBuffer<Int32>(repeating: 0, count: total)
        let sex = ParallelBuffer<UInt8>(repeating: 0, count: total)
        let parentID = ParallelBuffer<UInt32>(repeating: 0, count: total * 3)
        let parentName = ParallelBuffer<UInt32>(repeating: 0, count: total * RecordFeatures.nameSlots)
        let childSource = ParallelBuffer<Bool>(repeating: false, count: total)
        let household = ParallelBuffer<UInt32>(repeating: 0, count: total)
        let town = ParallelBuffer<UInt32>(repeating: 0, count: total)
        let school = ParallelBuffer<UInt32>(repeating: 0, count: total)
        let phone = ParallelBuffer<UInt64>(repeating: 0, count: sources.contains { $0.column(.phone) != nil } ? total : 0)
        let chunk = 16384
        var jobList: [(s: Int, lo: Int, hi: Int)] = []
        for (s, src) in sources.enumerated() {
            var lo = 0
            while lo < src.records.count { jobList.append((s, lo, min(src.records.count, lo + chunk))); lo += chunk }
        }
        let jobs = jobList
        let pinyinParts = ConcurrentResults<[UInt8]>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { j in
            let (s, lo, hi) = jobs[j]
            let src = sources[s]
            let cols: [Int?] = [CanonicalField.fatherId, .motherId, .guardianId].map { src.column($0) }
            let nameCols: [Int?] = [CanonicalField.fatherName, .motherName, .guardianName, .householdHead].map { src.column($0) }
            let isChildSource = [SourceRole.studentStatus, .attendance, .deferral, .disability, .welfare, .justice].contains(src.role)
            let birthCol = src.column(.birthDate)
            let approvedCol = src.role == .deferral ? src.column(.approvedOn) : nil, typeCol = src.column(.deferralType)
            let householdCol = src.column(.householdId), townCol = src.column(.town), schoolCol = src.column(.schoolCode)
            let phoneCol = src.column(.phone)
            var bytes: [UInt8] = []
            for i in lo..<hi {
                let g = offsets[s] + i
                let r = src.records[i]
                source[g] = UInt16(truncatingIfNeeded: s)
                eligible[g] = src.role != .schools
                isHukou[g] = src.role == .hukou
                childSource[g] = isChildSource
                if let id = r.id {
                    let utf8 = Array(id.normalized.utf8)
                    let kindComparable: Bool
                    switch id.kind {
                    case .resident, .legacy, .hkMacauTaiwan, .invalid: kindComparable = true
                    default: kindComparable = false
                    }
                    let comparable = utf8.count == 18 && kindComparable
                    if comparable {
                        for k in 0..<18 { idBytes[g * 18 + k] = utf8[k] }
                        idState[g] = id.isValid ? 2 : 1
                    }
                    if id.isValid {
                        let key = RecordFeatures.pack(utf8) ?? (hash64(id.normalized) | (1 << 63))
                        idKey[g] = key; detKey[g] = key
                        if !comparable { idState[g] = 2 }
                    }
                }
                if detKey[g] == 0, let sn = r.studentNumber, !sn.isEmpty { detKey[g] = hash64(sn, seed: 0x5eed) | (1 << 63) }
                if let n = r.name, !n.isPlaceholder, !n.normalized.isEmpty {
                    rawName[g] = n.raw.compactHash
                    normName[g] = hash32(n.normalized)
                    pinyin[g] = hash32(n.pinyin)
                }
                if let b = r.birthDate { birth[g] = Int32(b.yyyymmdd) }
                if let c = birthCol, !r.values[c].allSatisfy({ $0.isWhitespace }) { birthOwn[g] = true }
                if r.birthDate == nil, let c = approvedCol, let year = RecordFeatures.leadingYear(r.values[c]) {
                    let entry = typeCol.map { r.values[$0].contains("延缓") } ?? false
                    birthLo[g] = Int32((year - (entry ? 8 : 16)) * 10000 + 901); birthHi[g] = Int32((year - 5) * 10000 + 831)
                }
                sex[g] = r.sex == .male ? 1 : r.sex == .female ? 2 : 0
                for k in 0..<3 {
                    if let c = cols[k] { parentID[g * 3 + k] = RecordFeatures.idHash(r.values[c]) }
                }
                for k in 0..<RecordFeatures.nameSlots {
                    if let c = nameCols[k] { parentName[g * RecordFeatures.nameSlots + k] = r.values[c].compactHash }
                }
                if let c = householdCol { household[g] = r.values[c].compactHash }
                if let c = townCol { town[g] = r.values[c].compactHash }
                if let c = schoolCol { school[g] = r.values[c].compactHash }
                if let c = phoneCol { phone[g] = RecordFeatures.phoneNumber(r.values[c]) }
                if pinyin[g] != 0, let p = r.name?.pinyin { bytes.append(contentsOf: p.utf8.prefix(64)) }
            }
            pinyinParts[j] = bytes
        }
        // Pinyin bytes, laid out in record order.
        var pinyinBytes: [UInt8] = []
        var pinyinOffset = [UInt32](repeating: 0, count: total), pinyinLength = [UInt8](repeating: 0, count: total)
        for (j, part) in pinyinParts.values.enumerated() {
            let (s, lo, hi) = jobs[j]
            var at = 0
            for i in lo..<hi {
                let g = offsets[s] + i
                guard pinyin[g] != 0, let p = sources[s].records[i].name?.pinyin else { continue }
                let len = min(64, p.utf8.count)
                pinyinOffset[g] = UInt32(pinyinBytes.count + at); pinyinLength[g] = UInt8(len)
                at += len
            }
            pinyinBytes.append(contentsOf: part ?? [])
        }
        // Term frequency of normalized names.
        let names = normName
        var sorted = names.values.filter { $0 != 0 }
        sorted.sort()
        let named = Float(max(1, sorted.count))
        let frequency = ParallelBuffer<Float>(repeating: 0, count: total)
        let parts = (total + chunk - 1) / chunk
        let view = sorted
        DispatchQueue.concurrentPerform(iterations: parts) { c in
            for g in (c * chunk)..<min(total, (c + 1) * chunk) where names[g] != 0 {
                let n = names[g]
                let lo = lowerBound(view, n), hi = lowerBound(view, n &+ 1, from: lo)
                frequency[g] = Float((n == UInt32.max ? view.count : hi) - lo) / named
            }
        }
        self.source = source; self.eligible = eligible; self.isHukou = isHukou
        self.idBytes = idBytes; self.idState = idState; self.idKey = idKey; self.detKey = detKey
        self.rawName = rawName; self.normName = normName; self.pinyin = pinyin
        self.pinyinOffset = pinyinOffset; self.pinyinLength = pinyinLength; self.pinyinBytes = pinyinBytes
        self.nameFrequency = frequency
        self.birth = birth; self.birthOwn = birthOwn; self.birthLo = birthLo; self.birthHi = birthHi; self.sex = sex
        self.parentID = parentID; self.parentName = parentName; self.childSource = childSource
        self.household = household; self.town = town; self.school = school; self.phone = phone
    }

    /// The year a date text starts with (2024-08-10, 2024/8/10, 2024年8月10日, 20240810), if plausible.
    static func leadingYear(_ text: String) -> Int? {
        var y = 0, n = 0
        for b in text.utf8.drop(while: { $0 == 32 }) {
            guard b >= 48 && b <= 57, n < 4 else { break }
            y = y * 10 + Int(b - 48); n += 1
        }
        return n == 4 && y >= 1990 && y <= 2100 ? y : nil
    }

    /// Whether record `r`'s birth date fits record `q`'s window (always when either is unknown).
    @inline(__always) func fitsWindow(_ q: Int, _ r: Int) -> Bool {
        let lo = birthLo[q], b = birth[r]
        return lo == 0 || b == 0 || (b >= lo && b <= birthHi[q])
    }

    /// An 18-character ID of 17 digits and a check character (0–9, X) packed exactly into 60 bits.
    static func pack(_ utf8: [UInt8]) -> UInt64? {
        guard utf8.count == 18 else { return nil }
        var v: UInt64 = 0
        for k in 0..<17 {
            let d = utf8[k] &- 48
            guard d < 10 else { return nil }
            v = v * 10 + UInt64(d)
        }
        let c = utf8[17]
        let check: UInt64 = c == 88 ? 10 : (c >= 48 && c <= 57 ? UInt64(c - 48) : 99)
        guard check < 11 else { return nil }
        return v * 11 + check + 1
    }

    /// A parent's or guardian's ID as written: digits and X only, at least 15 of them; hashed.
    static func idHash(_ raw: String) -> UInt32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var n = 0
        for b in raw.utf8 {
            var c = b
            if c == 120 { c = 88 }
            guard (c >= 48 && c <= 57) || c == 88 else { continue }
            h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3; n += 1
        }
        guard n >= 15 else { return 0 }
        let folded = UInt32(truncatingIfNeeded: h ^ (h >> 32))
        return folded == 0 ? 1 : folded
    }

    /// A phone number (联系电话) as its digits in a number, 0 when unreadable: digits only (spaces, `-`,
    /// brackets, words dropped), a country prefix +86/0086/86 dropped before an 11-digit mobile; then a mobile
    /// (11 digits from 1) or a landline of 7 to 12 digits (with or without its 0-led area code). A leading 1
    /// marks the length, so that 0537… and 537… differ; the last four digits are the number's `% 10000`.
    static func phoneNumber(_ raw: String) -> UInt64 {
        var v: UInt64 = 0, n = 0
        for b in raw.utf8 where b >= 48 && b <= 57 {
            n += 1
            if n > 16 { return 0 }
            v = v * 10 + UInt64(b - 48)
        }
        let e11: UInt64 = 100_000_000_000
        // 86 or 0086 before a mobile (the zeros of 0086 vanish in the number, not in the count).
        if (n == 13 || n == 15) && v / e11 == 86 && (v % e11) / (e11 / 10) == 1 { v %= e11; n = 11 }
        guard n >= 7 && n <= 12 else { return 0 }
        var scale: UInt64 = 1
        for _ in 0..<n { scale *= 10 }
        // A mobile (from 1) has 11 digits; one longer or shorter is not a number.
        if v / (scale / 10) == 1 && n != 11 { return 0 }
        return scale + v
    }

    /// Global position of record `record` of source `source`.
    @inline(__always) func global(_ ref: RecordRef) -> Int { offsets[ref.source] + ref.record }

    /// The record at global position `g`.
    func ref(_ g: Int) -> RecordRef {
        let s = Int(source[g])
        return RecordRef(source: s, record: g - offsets[s])
    }
}

/// First position in `a` (sorted) at or after `from` whose value is ≥ `value`.
@inline(__always) func lowerBound<T: Comparable>(_ a: [T], _ value: T, from: Int = 0) -> Int {
    var lo = from, hi = a.count
    while lo < hi {
        let mid = (lo + hi) / 2
        if a[mid] < value { lo = mid + 1 } else { hi = mid }
    }
    return lo
}

extension String {
    /// hash32 of the string's UTF-8 without spaces (ASCII, tab, ideographic U+3000): values as written, compared
    /// without a per-record allocation.
    var compactHash: UInt32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var any = false
        @inline(__always) func add(_ b: UInt8) { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3; any = true }
        var pending = 0
        for b in utf8 {
            // U+3000 is E3 80 80: hold E3 80 until the third byte says whether it is one.
            if pending == 0 && b == 0xE3 { pending = 1; continue }
            if pending == 1 { if b == 0x80 { pending = 2; continue } else { add(0xE3); pending = 0 } }
            if pending == 2 { pending = 0; if b == 0x80 { continue } else { add(0xE3); add(0x80) } }
            if b == 0x20 || b == 0x09 { continue }
            add(b)
        }
        if pending >= 1 { add(0xE3) }
        if pending == 2 { add(0x80) }
        guard any else { return 0 }
        let folded = UInt32(truncatingIfNeeded: h ^ (h >> 32))
        return folded == 0 ? 1 : folded
    }
}
