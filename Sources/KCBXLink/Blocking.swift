import Foundation
import KCBXCore

/// A blocking rule (`linkage.blocking` in the pipeline file): records are compared only when they share
/// the rule's key, e.g. `birth_date+sex`. Atoms are joined with `+`; at most one atom with several keys
/// per record (`id_variants`, `parent_id`).
public struct BlockingRule: Sendable, Equatable, CustomStringConvertible {
    /// One part of a blocking key.
    public enum Atom: String, Sendable, CaseIterable {
        case birthDate = "birth_date", birthYear = "birth_year", sex, name, pinyin
        /// The ID with each pair of adjacent positions masked (17 keys): catches one changed character and two swapped ones.
        case idVariants = "id_variants"
        /// Each of the father's, mother's and guardian's ID numbers.
        case parentID = "parent_id"
        case household = "household_id", town, school = "school_code"
        /// Each of the father's, mother's, guardian's and household head's names (internal: the link stage adds it).
        case parentName = "parent_name"
        /// Internal: a record to link emits the rule's key only when it has no birth date, town, school or
        /// parent's name to block on (a name-only row, e.g. a deferral without ID); other records always do.
        case sparse
        var multi: Bool { self == .idVariants || self == .parentID || self == .parentName }
    }

    public var atoms: [Atom]
    public var description: String { atoms.map(\.rawValue).joined(separator: "+") }

    /// Parses `birth_date+sex`; `nil` with the reason when it is not a rule.
    public static func parse(_ text: String) -> Result<BlockingRule, BlockingRuleError> {
        var atoms: [Atom] = []
        for part in text.split(separator: "+").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let atom = Atom(rawValue: part) else { return .failure(.init(message: "`\(part)` is not a blocking key; expected \(Atom.allCases.map(\.rawValue).joined(separator: ", "))")) }
            atoms.append(atom)
        }
        guard !atoms.isEmpty else { return .failure(.init(message: "empty blocking rule")) }
        guard atoms.filter(\.multi).count <= 1 else { return .failure(.init(message: "a rule may use only one of id_variants, parent_id, parent_name")) }
        return .success(BlockingRule(atoms: atoms))
    }

    /// The defaults: they catch the errors of `kcbx synth` (typed and swapped ID digits, missing IDs,
    /// homophone names, shifted birth dates) without comparing all pairs.
    public static let defaults: [BlockingRule] = PipelineConfig.Linkage.defaultBlocking.compactMap { try? parse($0).get() }
}

/// Why a blocking rule could not be read.
public struct BlockingRuleError: Error, Sendable { public var message: String }

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
                let x = idBytes.pointer + g * 18
                for k in 0..<17 {
                    var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(k)
                    for i in 0..<18 where i != k && i != k + 1 { h = (h ^ UInt64(x[i])) &* 0x0000_0100_0000_01B3 }
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
