import KCBXCore
import KCBXNormalize

/// How a record came to belong to its person (`link_rule` in persons.csv).
public enum LinkRule: String, Sendable, Codable {
    /// Joined on the same valid normalized ID number.
    case exactID = "exact_id"
    /// Joined by the probabilistic (Fellegi–Sunter) pass above the auto threshold.
    case probabilistic
    /// Joined by an officer's clerical-review decision.
    case review
    /// Linked to no other record.
    case none
}

/// The person index (人员索引): every record of every source belongs to exactly one person.
public struct PersonIndex: Sendable {
    /// One child (or adult) behind one or more records.
    public struct Person: Sendable {
        /// Stable across runs: derived from the person's ID number, or from the record when there is none.
        public var id: String
        /// The records, as (source index, record index within that source).
        public var members: [RecordRef]
    }

    /// Per source, per record (by position in the normalized source), the person's position in `persons`.
    public var personOf: [[Int32]]
    /// Per source, per record, how it was linked.
    public var rule: [[LinkRule]]
    /// Per source, per record, the match probability of its link (1 for exact, 0 for none).
    public var probability: [[Float]]
    public var persons: [Person]

    public init(personOf: [[Int32]], rule: [[LinkRule]], probability: [[Float]], persons: [Person]) {
        self.personOf = personOf; self.rule = rule; self.probability = probability; self.persons = persons
    }

    /// The person of record `index` of source `source`.
    public func person(source: Int, index: Int) -> Person { persons[Int(personOf[source][index])] }
}

/// The link stage: gives every record its person.
///
/// This pass joins records on valid normalized ID numbers (exact); records whose ID is missing or
/// invalid stay persons of their own until the probabilistic pass links them.
public enum LinkStage {
    public static func run(_ sources: [NormalizedSource]) -> PersonIndex {
        var byID: [String: Int32] = [:]
        var persons: [PersonIndex.Person] = []
        var personOf: [[Int32]] = []
        var rule: [[LinkRule]] = []
        var probability: [[Float]] = []
        for (s, source) in sources.enumerated() {
            var assigned: [Int32] = []
            assigned.reserveCapacity(source.records.count)
            for (i, record) in source.records.enumerated() {
                let ref = RecordRef(source: s, record: i)
                if source.role != .schools, let id = record.id, id.isValid {
                    if let p = byID[id.normalized] {
                        persons[Int(p)].members.append(ref)
                        assigned.append(p)
                    } else {
                        let p = Int32(persons.count)
                        byID[id.normalized] = p
                        persons.append(.init(id: "P" + base32(stableHash("id:" + id.normalized)), members: [ref]))
                        assigned.append(p)
                    }
                } else {
                    assigned.append(Int32(persons.count))
                    persons.append(.init(id: "R" + base32(stableHash("record:\(source.source)#\(record.recordNumber)")), members: [ref]))
                }
            }
            personOf.append(assigned)
        }
        for (s, assigned) in personOf.enumerated() {
            rule.append(assigned.map { persons[Int($0)].members.count > 1 ? .exactID : .none })
            probability.append(assigned.map { persons[Int($0)].members.count > 1 ? 1 : 0 })
            _ = s
        }
        return PersonIndex(personOf: personOf, rule: rule, probability: probability, persons: persons)
    }
}

extension PersonIndex: BinaryCodable {
    public func encode(to w: inout BinaryWriter) {
        w.write(persons.count)
        for p in persons {
            w.write(p.id); w.write(p.members.count)
            for m in p.members { w.write(m.source); w.write(m.record) }
        }
        w.write(personOf.count)
        for s in personOf.indices {
            w.write(personOf[s].count)
            for i in personOf[s].indices {
                w.write(Int(personOf[s][i])); w.write(rule[s][i].rawValue); w.write(Double(probability[s][i]))
            }
        }
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        var persons: [Person] = []
        let n = try r.readInt()
        persons.reserveCapacity(n)
        for _ in 0..<n {
            let id = try r.readString()
            var members: [RecordRef] = []
            for _ in 0..<(try r.readInt()) { members.append(RecordRef(source: try r.readInt(), record: try r.readInt())) }
            persons.append(Person(id: id, members: members))
        }
        var personOf: [[Int32]] = [], rule: [[LinkRule]] = [], probability: [[Float]] = []
        for _ in 0..<(try r.readInt()) {
            let count = try r.readInt()
            var a: [Int32] = [], ru: [LinkRule] = [], pr: [Float] = []
            a.reserveCapacity(count); ru.reserveCapacity(count); pr.reserveCapacity(count)
            for _ in 0..<count {
                a.append(Int32(try r.readInt()))
                guard let lr = LinkRule(rawValue: try r.readString()) else { throw .init() }
                ru.append(lr); pr.append(Float(try r.readDouble()))
            }
            personOf.append(a); rule.append(ru); probability.append(pr)
        }
        self.init(personOf: personOf, rule: rule, probability: probability, persons: persons)
    }
}
