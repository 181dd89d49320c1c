import KCBXCore

/// What the report reads of the earlier stages' data, as plain values: the sources as read (names,
/// roles, columns, rejects), the records the lists name, the links that joined them and the link
/// parameters, and the rows of persons.csv.
///
/// The report depends on no stage before reconcile: the pipeline (``KCBXPipeline``) makes this from
/// normalize's records and link's person index, in one place (`KCBXPipeline/StageRecords+Stages.swift`).
/// Data flows one way: ingest → normalize → link → reconcile → report. Each child is read by reconcile
/// (``ChildFacts``); what is left here is what a list shows of a single record (evidence, 学籍 and
/// hukou rows to correct) and what the files for programs hold. Records are made when asked for, never
/// copied wholesale: millions of them are held once, by the stage that made them.
public struct StageRecords: Sendable {
    /// A source as read.
    public struct Source: Sendable {
        public var source: String
        public var role: SourceRole
        /// The canonical fields, in the order of each record's values.
        public var fields: [CanonicalField]
        /// The file's own columns (the columns of a reject's raw values).
        public var header: [String]
        /// Records accepted, and the rows rejected (ingest's and normalize's).
        public var accepted: Int
        public var rejects: [Reject]
        public var rowsRead: Int { accepted + rejects.count }

        public init(source: String, role: SourceRole, fields: [CanonicalField], header: [String], accepted: Int, rejects: [Reject]) {
            self.source = source; self.role = role; self.fields = fields; self.header = header; self.accepted = accepted; self.rejects = rejects
        }
    }

    /// A record as the lists show it.
    public struct Record: Sendable {
        /// 1-based record number in its file.
        public var recordNumber: Int
        /// Every value as read, aligned with the source's fields.
        public var values: RecordValues
        /// The ID number as shown (nil without one); why it is wrong, when it is (for the school to correct).
        public var idNumber: String?, idProblem: String?
        /// The name (normalized), sex (男, 女), birth date and 全国学籍号 as normalize read them.
        public var name: String?, sex: String?, birthDate: CivilDate?, studentNumber: String?

        public init(recordNumber: Int, values: RecordValues, idNumber: String?, idProblem: String?, name: String?, sex: String?,
                    birthDate: CivilDate?, studentNumber: String?) {
            self.recordNumber = recordNumber; self.values = values; self.idNumber = idNumber; self.idProblem = idProblem
            self.name = name; self.sex = sex; self.birthDate = birthDate; self.studentNumber = studentNumber
        }
    }

    /// How the probabilistic pass (or a review decision) joined a record: the two records compared and the
    /// per-field explanation (`id=exact(+12.0) name=same_pinyin(+6.3) … → weight 16.3, p 0.99998`).
    public struct Link: Sendable {
        public var record: RecordRef, other: RecordRef
        public var review: Bool
        public var explanation: String
        public init(record: RecordRef, other: RecordRef, review: Bool, explanation: String) {
            self.record = record; self.other = other; self.review = review; self.explanation = explanation
        }
    }

    /// A row of persons.csv: a record, its person and how it was joined.
    public struct PersonRow: Sendable {
        public var source: String, recordNumber: Int, personID: String
        /// The ID number as shown (unmasked).
        public var idNumber: String
        /// `exact_id`, `probabilistic`, `review` or `none`; the match probability; the link's weight in bits
        /// (nil when not joined by a link); its explanation (`exact_id` for an ID join, "" for none).
        public var rule: String, probability: Float, weight: Float?, explanation: String
        public init(source: String, recordNumber: Int, personID: String, idNumber: String, rule: String, probability: Float,
                    weight: Float?, explanation: String) {
            self.source = source; self.recordNumber = recordNumber; self.personID = personID; self.idNumber = idNumber
            self.rule = rule; self.probability = probability; self.weight = weight; self.explanation = explanation
        }
    }

    /// One level of one comparison field with its estimated m, u and weight (a row of 链接参数).
    public struct LinkageRow: Sendable {
        public var field: String, fieldTitle: String, level: String, levelTitle: String
        public var m: Double, u: Double, weightBits: Double
        public init(field: String, fieldTitle: String, level: String, levelTitle: String, m: Double, u: Double, weightBits: Double) {
            self.field = field; self.fieldTitle = fieldTitle; self.level = level; self.levelTitle = levelTitle
            self.m = m; self.u = u; self.weightBits = weightBits
        }
    }

    public var sources: [Source]
    /// Persons of the person index.
    public var personCount: Int
    /// The run's link parameters as linkage.json holds them (`lambda`, `prior_weight_bits`, `em_pairs`,
    /// `u_pairs`, per field its levels' `m`, `u`, `weight_bits`).
    public var linkage: [String: any Sendable]
    /// The same parameters a row per comparison field and level, with the titles the registry of
    /// comparisons gives them (链接参数 sheet), in the registry's order.
    public var linkageRows: [LinkageRow]
    /// The record `ref`.
    public var record: @Sendable (RecordRef) -> Record
    /// The records of the person at a position of the person index.
    public var members: @Sendable (Int32) -> [RecordRef]
    /// The link that joined record `ref` to its person, nil when joined on its ID number or not at all.
    public var link: @Sendable (RecordRef) -> Link?
    /// persons.csv's rows for records `range` of source `s`.
    public var personRows: @Sendable (_ s: Int, _ range: Range<Int>) -> [PersonRow]

    public init(sources: [Source], personCount: Int, linkage: [String: any Sendable], linkageRows: [LinkageRow],
                record: @escaping @Sendable (RecordRef) -> Record, members: @escaping @Sendable (Int32) -> [RecordRef],
                link: @escaping @Sendable (RecordRef) -> Link?, personRows: @escaping @Sendable (Int, Range<Int>) -> [PersonRow]) {
        self.sources = sources; self.personCount = personCount; self.linkage = linkage; self.linkageRows = linkageRows
        self.record = record; self.members = members; self.link = link; self.personRows = personRows
    }
}
