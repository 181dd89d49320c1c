import Foundation

/// A blocking rule (`linkage.blocking` in the pipeline file): records are compared only when they share
/// the rule's key, e.g. `birth_date+sex`. Atoms are joined with `+`; at most one atom with several keys
/// per record (`id_variants`, `parent_id`). The pipeline file reads the rules once, with ``parse(_:)``
/// (a rule that does not parse is a problem of the file, with its line); the link stage applies them.
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

        /// An atom with several keys per record; a rule has at most one.
        public var multi: Bool { self == .idVariants || self == .parentID || self == .parentName }
        /// Internal atoms are the link stage's own: a pipeline file cannot name them.
        public var isInternal: Bool { self == .parentName || self == .sparse }
        /// The atoms a pipeline file may join with `+`.
        public static let pipelineKeys = allCases.filter { !$0.isInternal }
    }

    public var atoms: [Atom]
    public var description: String { atoms.map(\.rawValue).joined(separator: "+") }

    public init(atoms: [Atom]) { self.atoms = atoms }

    /// Parses `birth_date+sex` as a pipeline file writes it; the reason, as the pipeline file reports
    /// it, when it is not a rule.
    public static func parse(_ text: String) -> Result<BlockingRule, BlockingRuleError> {
        var atoms: [Atom] = []
        for part in text.split(separator: "+").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let atom = Atom(rawValue: part), !atom.isInternal else {
                let keys = Atom.pipelineKeys.map(\.rawValue).sorted().joined(separator: ", ")
                return .failure(.init(message: "`\(part)` is not a blocking key; expected keys joined by +, from \(keys)"))
            }
            atoms.append(atom)
        }
        guard !atoms.isEmpty else { return .failure(.init(message: "`\(text)` names no blocking key; expected keys joined by +, such as birth_date+sex")) }
        let multi = atoms.filter(\.multi)
        guard multi.count <= 1 else {
            return .failure(.init(message: "a rule may use only one of \(Atom.pipelineKeys.filter(\.multi).map(\.rawValue).joined(separator: ", "))"))
        }
        return .success(BlockingRule(atoms: atoms))
    }

    /// The defaults: they catch the errors of `kcbx synth` (typed and swapped ID digits, missing IDs,
    /// homophone names, shifted birth dates) without comparing all pairs.
    public static let defaults: [BlockingRule] = [
        BlockingRule(atoms: [.birthDate, .sex]), BlockingRule(atoms: [.pinyin, .birthYear]), BlockingRule(atoms: [.idVariants]),
        BlockingRule(atoms: [.parentID]), BlockingRule(atoms: [.name, .town]), BlockingRule(atoms: [.pinyin, .school]),
    ]
}

/// Why a blocking rule could not be read.
public struct BlockingRuleError: Error, Sendable { public var message: String }
