import Foundation
import KCBXCore
import KCBXLedger
import KCBXLink
import KCBXNormalize
import KCBXReconcile
import KCBXReport

/// The one place where normalize's records and link's person index become the report's plain values
/// (``StageRecords``): the report module imports neither stage.
extension StageRecords {
    public init(_ sources: [NormalizedSource], index: PersonIndex) {
        self.init(
            sources: sources.map {
                Source(source: $0.source, role: $0.role, fields: $0.fields, header: $0.header, accepted: $0.records.count, rejects: $0.rejects)
            },
            personCount: index.persons.count,
            linkage: index.parameters.reportObject,
            linkageRows: index.parameters.reportRows.map {
                LinkageRow(field: $0.field, fieldTitle: $0.fieldTitle, level: $0.level, levelTitle: $0.levelTitle, m: $0.m, u: $0.u, weightBits: $0.weightBits)
            },
            record: { ref in
                let r = sources[ref.source].records[ref.record]
                return Record(recordNumber: r.recordNumber, values: r.values, idNumber: r.id?.shown,
                              idProblem: r.id.flatMap { !$0.defects.isEmpty || !$0.isValid ? $0.problemWords : nil },
                              name: r.name?.normalized, sex: r.sex?.rawValue, birthDate: r.birthDate, studentNumber: r.studentNumber)
            },
            members: { index.persons[Int($0)].members },
            link: { ref in
                guard ref.source < index.rule.count, ref.record < index.rule[ref.source].count else { return nil }
                let rule = index.rule[ref.source][ref.record]
                guard rule == .probabilistic || rule == .review, let link = index.link(source: ref.source, index: ref.record) else { return nil }
                return Link(record: link.record, other: link.other, review: link.rule == .review, explanation: link.explanation)
            },
            personRows: { s, range in
                let source = sources[s]
                let personOf = index.personOf[s], rule = index.rule[s], probability = index.probability[s]
                return range.map { i in
                    let record = source.records[i]
                    let link = rule[i] == .probabilistic || rule[i] == .review ? index.link(source: s, index: i) : nil
                    return PersonRow(source: source.source, recordNumber: record.recordNumber, personID: index.persons[Int(personOf[i])].id,
                                     idNumber: record.id?.shown ?? "", rule: rule[i].rawValue, probability: probability[i],
                                     weight: link?.weight, explanation: index.explanation(source: s, index: i))
                }
            })
    }
}

extension ReportInput {
    /// The report's input from the stages' results: the records and person index become ``StageRecords``.
    public init(config: PipelineConfig, period: String, sources: [NormalizedSource], index: PersonIndex,
                reconcile: ReconcileResult, manifest: RunManifest, cases: [Case] = [], ledger: LedgerFigures = .init(),
                ledgerVersion: Int = 0, ledgerVersions: [CaseWork: Int]? = nil) {
        self.init(config: config, period: period, records: StageRecords(sources, index: index), reconcile: reconcile, manifest: manifest,
                  cases: cases, ledger: ledger, ledgerVersion: ledgerVersion, ledgerVersions: ledgerVersions)
    }
}
