import KCBXCore

/// What the guards allow for a compared pair.
enum Allowance: UInt8 {
    /// Never linked (e.g. different names and no close ID): the pair is dropped.
    case never = 0
    /// At most a clerical-review pair (e.g. two different valid IDs without strong evidence, twin risk).
    case reviewOnly = 1
    /// May be linked automatically when its probability passes `linkage.auto_threshold`.
    case auto = 2
}

/// Compares two records field by field and scores the pair with the run's parameters.
struct Comparator: Sendable {
    let f: RecordFeatures
    /// log2(m/u) per field and level, ``Comparisons/slots`` per field.
    let table: [Float]
    /// m of the name's exact and simplified levels, for the term-frequency adjusted weight.
    let mNameExact: Float, mNameSimplified: Float
    let prior: Float

    init(_ f: RecordFeatures, _ p: LinkParameters) {
        self.f = f
        var t = [Float](repeating: 0, count: LinkField.count * Comparisons.slots)
        for field in LinkField.allCases {
            for l in field.comparison.levels.indices { t[field.rawValue * Comparisons.slots + l] = Float(p.weight(field, l)) }
        }
        table = t
        mNameExact = Float(p.m(.name, Level.Name.exact)); mNameSimplified = Float(p.m(.name, Level.Name.simplified))
        prior = Float(p.priorWeight)
    }

    static let null = LinkField.nullLevel

    /// The level each field reaches (a lane per ``LinkField``; null when a side lacks it).
    @inline(__always)
    func levels(_ a: Int, _ b: Int) -> Levels {
        var v = Levels()
        // Over the registry's fields by position: no array of cases made per pair (every raw value below
        // `count` is a field, so the unwrap never traps).
        for i in 0..<LinkField.count { v.lanes[i] = level(LinkField(rawValue: i)!, a, b) }
        return v
    }

    /// The weight-table slot of `level` of `field`.
    @inline(__always) func weight<L: OrderedLevel>(_ field: LinkField, _ level: L) -> Float {
        table[field.rawValue * Comparisons.slots + Int(level.rawValue)]
    }

    @inline(__always)
    func idLevel(_ a: Int, _ b: Int) -> Level.ID? {
        let sa = f.idState[a], sb = f.idState[b]
        if sa == 0 || sb == 0 { return nil }
        if sa == 2 && sb == 2 && f.idKey[a] == f.idKey[b] { return .exact }
        do {
            let ids = f.idBytes, x = a * 18, y = b * 18
            var diffs = 0, first = -1, second = -1
            for k in 0..<18 where ids[x + k] != ids[y + k] {
                diffs += 1
                if diffs == 1 { first = k } else if diffs == 2 { second = k } else { return .other }
            }
            switch diffs {
            case 0: return .exact
            case 1: return first == 17 ? .checkCharacter : .oneSubstitution
            default: return second == first + 1 && ids[x + first] == ids[y + second] && ids[x + second] == ids[y + first] ? .transposition : .other
            }
        }
    }

    @inline(__always)
    func nameLevel(_ a: Int, _ b: Int) -> Level.Name? {
        let pa = f.pinyin[a], pb = f.pinyin[b]
        if pa == 0 || pb == 0 { return nil }
        if f.rawName[a] == f.rawName[b] { return .exact }
        if f.normName[a] == f.normName[b] { return .simplified }
        if pa == pb { return .samePinyin }
        // Pinyin bytes compared as views (bench-link: no bounds check per byte).
        let jw = f.pinyinBytes.withView { p in
            jaroWinkler(p.extracting(Int(f.pinyinOffset[a])..<Int(f.pinyinOffset[a]) + Int(f.pinyinLength[a])),
                        p.extracting(Int(f.pinyinOffset[b])..<Int(f.pinyinOffset[b]) + Int(f.pinyinLength[b])))
        }
        return jw >= 0.92 ? .jaroWinkler092 : jw >= 0.80 ? .jaroWinkler080 : .different
    }

    @inline(__always)
    func birthLevel(_ x: Int32, _ y: Int32) -> Level.BirthDate? {
        if x == 0 || y == 0 { return nil }
        if x == y { return .exact }
        let ya = x / 10000, ma = (x / 100) % 100, da = x % 100
        let yb = y / 10000, mb = (y / 100) % 100, db = y % 100
        if ya == yb && ma == db && da == mb { return .dayMonthSwapped }
        let same = (ya == yb ? 1 : 0) + (ma == mb ? 1 : 0) + (da == db ? 1 : 0)
        if same == 2 { return .onePartOff }
        if abs(Int(ya - yb)) <= 1, let p = CivilDate(yyyymmdd: Int(x)), let q = CivilDate(yyyymmdd: Int(y)),
           abs(p.daysSinceEpoch - q.daysSinceEpoch) <= 1 { return .onePartOff }
        return .different
    }

    @inline(__always)
    func familyLevel(_ a: Int, _ b: Int) -> Level.Family? {
        var anyA = false, anyB = false, name = false
        for i in 0..<3 {
            let ia = f.parentID[a * 3 + i]
            if ia != 0 { anyA = true }
            if f.parentID[b * 3 + i] != 0 { anyB = true }
            for j in 0..<3 where ia != 0 && ia == f.parentID[b * 3 + j] { return .parentID }
        }
        let k = RecordFeatures.nameSlots
        for i in 0..<k {
            let na = f.parentName[a * k + i]
            if na != 0 { anyA = true }
            if f.parentName[b * k + i] != 0 { anyB = true }
            for j in 0..<k where na != 0 && na == f.parentName[b * k + j] { name = true }
        }
        if name { return .parentName }
        return anyA && anyB ? .different : nil
    }

    /// Per-field contributions in bits (null fields 0), with the term-frequency adjustment on agreeing names.
    @inline(__always)
    func contributions(_ a: Int, _ b: Int, _ v: Levels) -> SIMD16<Float> {
        var c = SIMD16<Float>(repeating: 0)
        for i in 0..<LinkField.count where v[i] != Comparator.null { c[i] = table[i * Comparisons.slots + Int(v[i])] }
        if let name = v.name, name <= .simplified {
            let tf = max(f.nameFrequency[a], f.nameFrequency[b], 1e-7)
            // Never below the weight of a weaker agreement (a common name still beats a similar one).
            c[LinkField.name.rawValue] = max(log2((name == .exact ? mNameExact : mNameSimplified) / tf),
                                             weight(.name, Level.Name.samePinyin), weight(.name, Level.Name.jaroWinkler092))
        }
        return c
    }

    /// The pair's total weight (prior included) and what the guards allow.
    @inline(__always)
    func score(_ a: Int, _ b: Int) -> (weight: Float, levels: Levels, allowance: Allowance, conflict: Bool) {
        let v = levels(a, b)
        let w = prior + contributions(a, b, v).sum()
        let (allowance, conflict) = guardPair(a, b, v)
        return (w, v, allowance, conflict)
    }

    /// The guards. `conflict` marks an identity conflict (different name and different birth date) that
    /// keeps the record out of the other record's person altogether.
    @inline(__always)
    func guardPair(_ a: Int, _ b: Int, _ v: Levels) -> (Allowance, Bool) {
        let id = v.id, name = v.name, birth = v.birthDate, family = v.family
        let idClose = id.reaches(.transposition)
        // Same or close ID, but another name and another birth date: another child (a borrowed ID).
        if let name, name >= .jaroWinkler092 && birth == .different { return (.never, true) }
        // Different names (siblings, twins, strangers) link only through a close ID.
        if name == .different && !idClose { return (.never, false) }
        // Records without a usable name are never linked on the other fields alone.
        if name == nil && !idClose { return (.never, false) }
        // Two different valid IDs: only with strong evidence (same name, birth date and a parent's ID: a
        // parent's name alone is common, 郭涛 fathers many lookalikes).
        if f.idState[a] == 2 && f.idState[b] == 2 && id != .exact {
            let strong = name.reaches(.samePinyin) && birth == .exact && family == .parentID
                && v.agreement(.sex) != .different
            return (strong ? .auto : .reviewOnly, false)
        }
        // Twin risk: only similar names, same birth date and a shared parent, no close ID.
        if (name == .jaroWinkler092 || name == .jaroWinkler080) && !idClose && birth == .exact
            && (family == .parentID || family == .parentName) { return (.reviewOnly, false) }
        // Both birth dates known and different beyond a typo, with no close ID: namesakes of one family name
        // (王宇泽, father 王伟) are not linked on the name and a parent's name alone.
        if birth == .different && !idClose { return (.reviewOnly, false) }
        return (.auto, false)
    }
}

/// 2^w / (1 + 2^w).
@inline(__always) func probability(weight w: Float) -> Float {
    if w > 60 { return 1 }
    if w < -60 { return 0 }
    let x = Float.exp2(w)
    return x / (1 + x)
}

extension Float {
    @inline(__always) static func exp2(_ x: Float) -> Float { Float(Foundation_exp2(Double(x))) }
}

#if canImport(Glibc)
import Glibc
@inline(__always) func Foundation_exp2(_ x: Double) -> Double { Glibc.exp2(x) }
#else
import Darwin
@inline(__always) func Foundation_exp2(_ x: Double) -> Double { Darwin.exp2(x) }
#endif

// MARK: whose ID number is it

/// Why a record carrying an ID number is not the person that number belongs to (借用/冒用身份证件号).
public enum BorrowKind: String, Sendable, Codable {
    /// Another person's number: name and birth date both differ from the holder's beyond typos.
    case otherPerson = "other_person"
    /// A twin's record carrying the co-twin's number (same birth date and family, the other twin's name).
    case coTwin = "co_twin"
    /// A parent's (an adult's) number written in a child's row.
    case parent
}

extension Comparator {
    /// The names differ beyond what typos explain: not the same, simplified or same-pinyin name, and
    /// pinyin more than one letter apart. Unknown on either side: not different.
    func nameDiffers(_ a: Int, _ b: Int) -> Bool {
        guard let l = nameLevel(a, b), l > .samePinyin else { return false }
        return !pinyinWithinOneEdit(a, b)
    }

    /// The birth dates differ beyond a typo: not equal, not day and month swapped, not one digit changed
    /// or two adjacent digits swapped, not a day apart. Unknown on either side: not different.
    func birthDiffers(_ x: Int32, _ y: Int32) -> Bool {
        guard let l = birthLevel(x, y), l > .dayMonthSwapped else { return false }
        var dx = [Int32](repeating: 0, count: 8), dy = dx
        var a = x, b = y
        for k in (0..<8).reversed() { dx[k] = a % 10; dy[k] = b % 10; a /= 10; b /= 10 }
        var diff: [Int] = []
        for k in 0..<8 where dx[k] != dy[k] { diff.append(k) }
        if diff.count == 1 { return false }
        if diff.count == 2 && diff[1] == diff[0] + 1 && dx[diff[0]] == dy[diff[1]] && dx[diff[1]] == dy[diff[0]] { return false }
        if let p = CivilDate(yyyymmdd: Int(x)), let q = CivilDate(yyyymmdd: Int(y)), abs(p.daysSinceEpoch - q.daysSinceEpoch) <= 1 { return false }
        return true
    }

    /// Levenshtein distance ≤ 1 between the two records' pinyin, the first letter (the surname's) equal.
    func pinyinWithinOneEdit(_ a: Int, _ b: Int) -> Bool {
        // Pinyin bytes compared as views (bench-link: no bounds check per byte).
        f.pinyinBytes.withView { p in
            let x = p.extracting(Int(f.pinyinOffset[a])..<Int(f.pinyinOffset[a]) + Int(f.pinyinLength[a]))
            let y = p.extracting(Int(f.pinyinOffset[b])..<Int(f.pinyinOffset[b]) + Int(f.pinyinLength[b]))
            let (s, t) = x.count <= y.count ? (x, y) : (y, x)
            if t.count - s.count > 1 { return false }
            var i = 0
            while i < s.count && s[i] == t[i] { i += 1 }
            if i == s.count { return true }
            // An edit at the first letter is another surname (王/杨 wang/yang), not a typo.
            if i == 0 { return false }
            if s.count == t.count {   // one substitution
                var j = i + 1
                while j < s.count && s[j] == t[j] { j += 1 }
                return j == s.count
            }
            var j = i   // one insertion in t
            while j < s.count && s[j] == t[j + 1] { j += 1 }
            return j == s.count
        }
    }

    /// Whether record `g`, which carries the same valid ID as the holder's record `holder`, is someone else:
    /// its name differs from the holder's beyond typos and so does its birth date or its sex (`otherPerson`, or `parent` when
    /// the holder is 15 or more years older); or, in a child's row without a birth date, another name on an
    /// adult's number (`parent`). `adultBorn` is the birth date (yyyymmdd) before which a holder
    /// is an adult.
    func borrowed(_ holder: Int, _ g: Int, adultBorn: Int32) -> BorrowKind? {
        let bh = f.birth[holder], bg = f.birthOwn[g] ? f.birth[g] : 0
        let sexDiffers = f.sex[holder] != 0 && f.sex[g] != 0 && f.sex[holder] != f.sex[g]
        // Another birth date and another sex: another child, even under a similar name (李子豪 on 李梓瑶's number).
        if sexDiffers && birthDiffers(bh, bg) { return bg / 10000 - bh / 10000 >= 15 ? .parent : .otherPerson }
        guard nameDiffers(holder, g) else { return nil }
        if birthDiffers(bh, bg) {
            return bh != 0 && bg != 0 && bg / 10000 - bh / 10000 >= 15 ? .parent : .otherPerson
        }
        // Another name and another sex: another child, even when the birth dates are a digit apart.
        if sexDiffers { return .otherPerson }
        // A wholly different name (刘彤 on 吴思涵's number) with any other birth date: no typo does both.
        if nameLevel(holder, g) == .different && bh != 0 && bg != 0 && bh != bg { return .otherPerson }
        if bg == 0 && bh != 0 && bh < adultBorn && f.childSource[g] { return .parent }
        return nil
    }
}
