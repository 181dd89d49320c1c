import KCBXCore
import KCBXLedger
import KCBXLink
import KCBXNormalize

/// Why a case is closed (销号), read from the period's data about its child: enrolled at school X,
/// registered dead, moved out, aged out of compulsory education, deferral approved, the record
/// corrected, or — when the data says nothing — no longer found.
public struct CloseReasons {
    let ctx: ReconcileStage.Context
    let position: [String: Int]

    /// Prepares reasons for the cases of `personIDs` on this period's records.
    public init(sources: [NormalizedSource], index: PersonIndex, config: PipelineConfig, personIDs: Set<String>) {
        var ctx = ReconcileStage.Context(sources: sources, index: index, config: config)
        var position: [String: Int] = [:]
        if !personIDs.isEmpty {
            for (i, p) in index.persons.enumerated() where personIDs.contains(p.id) { position[p.id] = i }
            // A reason names the school the child enrolled at by its name.
            ctx.schoolDirectory = ChildFacts.schools(sources)
        }
        self.ctx = ctx
        self.position = position
    }

    /// The reason `c` is no longer found, in the words of the ledger.
    public func reason(for c: Case) -> String {
        guard let i = position[c.personID] else { return "本期各部门数据中未再出现该儿童" }
        let facts = ctx.index.persons[i].members.map { ReconcileStage.fact($0, ctx) }
        let p = PersonCase(Int32(i), ctx.index.persons[i], ctx, facts: facts)
        let view = p.view, n = p.n, closes = c.code.descriptor.closes
        if closes.contains(.enrolled) && n.active > 0 { return "已入学：\(view.schools(.statusActive))" }
        if closes.contains(.registeredDead) && n.dead > 0 && n.resident == 0 {
            return "户籍登记死亡\(view.values(facts.filter { $0.kind == .hukouDead }, \.statusDate, prefix: "（", suffix: "）", dates: true))"
        }
        if closes.contains(.movedOut) && n.gone > 0 && n.resident == 0 {
            return "户籍已\(view.values(facts.filter { $0.kind == .hukouGone }, \.registrationStatus, empty: "迁出"))"
        }
        if closes.contains(.agedOut), let birth = view.birthDate, birth < ctx.cohort.lowerBound { return "已超出义务教育年龄（出生\(birth)）" }
        if closes.contains(.deferralApproved) && n.validDeferral > 0 {
            return "已办理\(view.deferrals(.deferralValid))"
        }
        return FindingRules.rule(c.code).closeReason(p) ?? "本期比对未再发现"
    }
}
