import Foundation
import KCBXCore

// ``BlockingRule`` and its grammar are the pipeline file's (KCBXCore); the link stage applies them here.

extension RecordFeatures {
    /// Calls `emit` with each key of `rule` for record `g` (none when a field is missing).
    @inline(__always)
    func keys(_ rule: BlockingRule, ruleIndex: Int, of g: Int, query: Bool = false, _ emit: (UInt64) -> Void) {
        var base = mix(UInt64(ruleIndex) &+ 0x1000, 0)
        var multi: BlockingRule.Atom? = nil
        for atom in rule.atoms {
            let v: UInt64
            switch atom {
            case .birthDate: v = UInt64(bitPattern: Int64(birth[g]))
            case .birthYear: v = UInt64(bitPattern: Int64(birth[g] / 10000))
            case .sex: v = UInt64(sex[g])
            case .name: v = UInt64(normName[g])
            case .pinyin: v = UInt64(pinyin[g])
            case .household: v = UInt64(household[g])
            case .town: v = UInt64(town[g])
            case .school: v = UInt64(school[g])
            case .idVariants, .parentID, .parentName: multi = atom; continue
            case .sparse:
                if query && (birth[g] != 0 || town[g] != 0 || school[g] != 0 || hasParentName(g)) { return }
                continue
            }
            if v == 0 { return }
            base = mix(base, v)
        }
        switch multi {
        case nil: emit(base)
        case .parentID?:
            for k in 0..<3 where parentID[g * 3 + k] != 0 { emit(mix(base, UInt64(parentID[g * 3 + k]))) }
        case .parentName?:
            let k = RecordFeatures.nameSlots
            for i in 0..<k where parentName[g * k + i] != 0 { emit(mix(base, UInt64(parentName[g * k + i]))) }
        case .idVariants?:
            guard idState[g] != 0 else { return }
            do {
                let x = g * 18
                for k in 0..<17 {
                    var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(k)
                    for i in 0..<18 where i != k && i != k + 1 { h = (h ^ UInt64(idBytes[x + i])) &* 0x0000_0100_0000_01B3 }
                    emit(mix(base, h))
                }
            }
        default: return
        }
    }
}

extension RecordFeatures {
    @inline(__always) func hasParentName(_ g: Int) -> Bool {
        let k = RecordFeatures.nameSlots
        for i in 0..<k where parentName[g * k + i] != 0 { return true }
        return false
    }
}

/// One entry of a blocking table: a key and a record (the top bit of `record` marks a record to be linked).
struct BlockEntry: Comparable {
    var key: UInt64
    var record: UInt32
    static func < (a: BlockEntry, b: BlockEntry) -> Bool { a.key < b.key || (a.key == b.key && a.record < b.record) }
    static let queryBit: UInt32 = 1 << 31
}
