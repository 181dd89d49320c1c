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

/// One scored pair of records: a link the probabilistic pass made, or a pair waiting for clerical review.
public struct RecordLink: Sendable, Equatable {
    /// The record that was linked (the one without a certain link of its own).
    public var record: RecordRef
    /// The record of the other person it was compared with (the best-matching member).
    public var other: RecordRef
    /// `probabilistic` or `review` for links; `none` for a pending review pair.
    public var rule: LinkRule
    /// Total match weight in bits (log2 of the likelihood ratio plus the prior).
    public var weight: Float
    /// Match probability from the weight: 2^w / (1 + 2^w).
    public var probability: Float
    /// Per comparison field (``LinkField`` order), the level reached (``LinkField/nullLevel`` when a side lacks the field).
    public var levels: [UInt8]
    /// Per comparison field, its contribution to the weight in bits.
    public var contributions: [Float]

    public init(record: RecordRef, other: RecordRef, rule: LinkRule, weight: Float, probability: Float, levels: [UInt8], contributions: [Float]) {
        self.record = record; self.other = other; self.rule = rule; self.weight = weight; self.probability = probability
        self.levels = levels; self.contributions = contributions
    }

    /// `id=one_substitution(+7.1) name=exact(+12.9) … prior -21.4 → weight 16.3, p 0.99998`.
    public var explanation: String {
        var parts: [String] = []
        for field in LinkField.allCases where field.rawValue < levels.count {
            let level = levels[field.rawValue]
            guard level != LinkField.nullLevel else { continue }
            let c = contributions[field.rawValue]
            parts.append("\(field.key)=\(field.levelName(level))(\(c >= 0 ? "+" : "")\(format(c)))")
        }
        return parts.joined(separator: " ") + " → weight \(format(weight)), p \(format(probability, 5))"
    }

    /// 比对说明 as an officer reads it, from the registry's titles: which fields agree, which nearly do
    /// (with how), which differ, which one side lacks — `相同：姓名、出生日期；相近：身份证件号（仅校验码不同）；
    /// 不同：性别；未比对（一方未填）：户号、学校`. No keys, weights or probabilities.
    public var plainExplanation: String {
        var same: [String] = [], near: [String] = [], different: [String] = [], missing: [String] = []
        for field in LinkField.allCases {
            let c = field.comparison
            guard field.rawValue < levels.count, levels[field.rawValue] != LinkField.nullLevel,
                  Int(levels[field.rawValue]) < c.levels.count else { missing.append(c.title); continue }
            let level = Int(levels[field.rawValue])
            if level == 0 { same.append(c.levels.count > 2 && c.levels[0].title != "完全一致" ? "\(c.title)（\(c.levels[0].title)）" : c.title) }
            else if level == c.levels.count - 1 { different.append(c.title) }
            else { near.append("\(c.title)（\(c.levels[level].title)）") }
        }
        return [("相同", same), ("相近", near), ("不同", different), ("未比对（一方未填）", missing)]
            .filter { !$0.1.isEmpty }.map { "\($0.0)：\($0.1.joined(separator: "、"))" }.joined(separator: "；")
    }

    func format(_ v: Float, _ digits: Int = 1) -> String {
        let scale = Float(pow10(digits))
        let r = (v * scale).rounded() / scale
        return "\(r)"
    }
    func pow10(_ n: Int) -> Int { n == 0 ? 1 : 10 * pow10(n - 1) }
}

/// A record carrying an ID number that belongs to someone else (借用/冒用身份证件号): the number's holder
/// (the resident child, or the co-twin, or the parent, whose hukou record anchors that number) is another
/// person. The record is never in the holder's person; it was linked to its own person on its other
/// fields (or to none), never on that number.
public struct BorrowedID: Sendable, Equatable {
    /// The record that carries the borrowed number.
    public var record: RecordRef
    /// The record of the number's holder that anchors it (the hukou record when there is one).
    public var holderRecord: RecordRef
    /// The holder's person (position in ``PersonIndex/persons``).
    public var holder: Int32
    /// Why the number is not the record's own.
    public var kind: BorrowKind
    public init(record: RecordRef, holderRecord: RecordRef, holder: Int32, kind: BorrowKind) {
        self.record = record; self.holderRecord = holderRecord; self.holder = holder; self.kind = kind
    }
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
    /// The links the probabilistic pass and the review decisions made, with their explanation.
    public var links: [RecordLink]
    /// Pairs between `linkage.review_threshold` and `linkage.auto_threshold` (or held back by a guard), for clerical review.
    public var reviewPairs: [RecordLink]
    /// The Fellegi–Sunter parameters of this run (m, u, λ), and the pass's figures.
    public var parameters: LinkParameters
    /// Every record whose ID number belongs to another person (see ``BorrowedID``), in record order.
    /// Reconcile reports `identity_mismatch` on the record (both identities in the detail) and judges the
    /// holder on the holder's own records only.
    public var borrowedIDs: [BorrowedID] = []
    /// Per record left unlinked because no person was clearly best (namesakes, or a name alone), the
    /// persons it may belong to (positions in ``persons``, best first, at most 3; each also a review
    /// pair), e.g. for "缓学审批名单第 n 行有同名记录，请核实" in a finding of such a person.
    public var possibleMatches: [RecordRef: [Int32]] = [:]

    /// The ``BorrowedID`` of record `index` of source `source`, if its number is someone else's.
    public func borrowedID(source: Int, index: Int) -> BorrowedID? {
        if borrowedByRecord.isEmpty && !borrowedIDs.isEmpty {
            return borrowedIDs.first { $0.record == RecordRef(source: source, record: index) }
        }
        return borrowedByRecord[RecordRef(source: source, record: index)].map { borrowedIDs[$0] }
    }
    /// Position in `borrowedIDs` by record (filled by `indexBorrowedIDs()`).
    var borrowedByRecord: [RecordRef: Int] = [:]
    mutating func indexBorrowedIDs() {
        borrowedByRecord = Dictionary(borrowedIDs.enumerated().map { ($0.element.record, $0.offset) }, uniquingKeysWith: { a, _ in a })
    }

    public init(personOf: [[Int32]], rule: [[LinkRule]], probability: [[Float]], persons: [Person],
                links: [RecordLink] = [], reviewPairs: [RecordLink] = [], parameters: LinkParameters = .defaults) {
        self.personOf = personOf; self.rule = rule; self.probability = probability; self.persons = persons
        self.links = links; self.reviewPairs = reviewPairs; self.parameters = parameters
        var linkOf = personOf.map { [Int32](repeating: -1, count: $0.count) }
        for (i, l) in links.enumerated() {
            if l.record.source < linkOf.count && l.record.record < linkOf[l.record.source].count { linkOf[l.record.source][l.record.record] = Int32(i) }
            if l.other.source < linkOf.count && l.other.record < linkOf[l.other.source].count && linkOf[l.other.source][l.other.record] < 0 {
                linkOf[l.other.source][l.other.record] = Int32(i)
            }
        }
        self.linkOf = linkOf
    }

    /// Per source, per record, the position in `links` of the link that joined it (-1 when none).
    public private(set) var linkOf: [[Int32]]

    /// The person of record `index` of source `source`.
    public func person(source: Int, index: Int) -> Person { persons[Int(personOf[source][index])] }

    /// The link that joined record `index` of source `source` to its person, if the probabilistic pass or a review made it.
    public func link(source: Int, index: Int) -> RecordLink? {
        let i = linkOf[source][index]
        return i < 0 ? nil : links[Int(i)]
    }

    /// How record `index` of source `source` came to its person, in words, for persons.csv and evidence.
    public func explanation(source: Int, index: Int) -> String {
        switch rule[source][index] {
        case .exactID: return "exact_id"
        case .none: return ""
        case .probabilistic, .review:
            guard let l = link(source: source, index: index) else { return rule[source][index].rawValue }
            return (l.rule == .review ? "review decision; " : "") + l.explanation
        }
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
        for list in [links, reviewPairs] {
            w.write(list.count)
            for l in list {
                w.write(l.record.source); w.write(l.record.record); w.write(l.other.source); w.write(l.other.record)
                w.write(l.rule.rawValue); w.write(Double(l.weight)); w.write(Double(l.probability))
                w.write(l.levels.count)
                for (level, c) in zip(l.levels, l.contributions) { w.write(Int(level)); w.write(Double(c)) }
            }
        }
        w.write(parameters.json)
        w.write(borrowedIDs.count)
        for b in borrowedIDs {
            w.write(b.record.source); w.write(b.record.record); w.write(b.holderRecord.source); w.write(b.holderRecord.record)
            w.write(Int(b.holder)); w.write(b.kind.rawValue)
        }
        w.write(possibleMatches.count)
        for (ref, persons) in possibleMatches.sorted(by: { $0.key < $1.key }) {
            w.write(ref.source); w.write(ref.record); w.write(persons.count)
            for p in persons { w.write(Int(p)) }
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
        var lists: [[RecordLink]] = []
        for _ in 0..<2 {
            var list: [RecordLink] = []
            for _ in 0..<(try r.readInt()) {
                let a = RecordRef(source: try r.readInt(), record: try r.readInt())
                let b = RecordRef(source: try r.readInt(), record: try r.readInt())
                guard let lr = LinkRule(rawValue: try r.readString()) else { throw .init() }
                let weight = Float(try r.readDouble()), p = Float(try r.readDouble())
                var levels: [UInt8] = [], contributions: [Float] = []
                // A lane per field of this build's registry, or the result is not this build's.
                guard try r.readInt() == LinkField.count else { throw .init() }
                for _ in 0..<LinkField.count {
                    let level = try r.readInt()
                    guard (0...255).contains(level) else { throw .init() }
                    levels.append(UInt8(level)); contributions.append(Float(try r.readDouble()))
                }
                list.append(RecordLink(record: a, other: b, rule: lr, weight: weight, probability: p, levels: levels, contributions: contributions))
            }
            lists.append(list)
        }
        guard let parameters = LinkParameters(json: try r.readString()) else { throw .init() }
        self.init(personOf: personOf, rule: rule, probability: probability, persons: persons,
                  links: lists[0], reviewPairs: lists[1], parameters: parameters)
        // Results stored before these facts existed end here.
        guard !r.isAtEnd else { return }
        for _ in 0..<(try r.readInt()) {
            let a = RecordRef(source: try r.readInt(), record: try r.readInt())
            let h = RecordRef(source: try r.readInt(), record: try r.readInt())
            let holder = try r.readInt()
            guard let kind = BorrowKind(rawValue: try r.readString()), holder >= 0, holder < persons.count else { throw .init() }
            borrowedIDs.append(BorrowedID(record: a, holderRecord: h, holder: Int32(holder), kind: kind))
        }
        indexBorrowedIDs()
        for _ in 0..<(try r.readInt()) {
            let ref = RecordRef(source: try r.readInt(), record: try r.readInt())
            var list: [Int32] = []
            for _ in 0..<(try r.readInt()) {
                let p = try r.readInt()
                guard p >= 0, p < persons.count else { throw .init() }
                list.append(Int32(p))
            }
            possibleMatches[ref] = list
        }
    }
}
