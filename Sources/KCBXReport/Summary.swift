import Foundation
import KCBXCore
import KCBXLedger
import KCBXReconcile

/// summary.json: the run's figures and every figure of the bulletin, for machines.
enum Summary {
    static func object(_ input: ReportInput, _ figures: BulletinFigures) -> [String: any Sendable] {
        let findings = input.reconcile.findings
        var counts: [String: Int] = [:], priority: [String: Int] = [:]
        for f in findings {
            counts[f.code.rawValue, default: 0] += 1
            if f.priority { priority[f.code.rawValue, default: 0] += 1 }
        }
        var byCode: [String: any Sendable] = [:]
        for code in FindingCode.allCases {
            byCode[code.rawValue] = ["count": counts[code.rawValue] ?? 0, "priority": priority[code.rawValue] ?? 0] as [String: any Sendable]
        }
        return [
            "pipeline": input.config.name,
            "district": ["code": input.config.district.code, "name": input.config.district.name] as [String: any Sendable],
            "period": input.period,
            "as_of": input.config.asOf.description,
            "findings": byCode,
            "findings_total": findings.count,
            "priority_total": findings.filter(\.priority).count,
            "not_checked": input.reconcile.notChecked.map { ["code": $0.code.rawValue, "reason": $0.reason] as [String: any Sendable] },
            "persons": input.records.personCount,
            "sources": input.records.sources.map { ["name": $0.source, "role": $0.role.rawValue, "rows_read": $0.rowsRead,
                                            "accepted": $0.accepted, "rejected": $0.rejects.count] as [String: any Sendable] },
            "attendance": attendance(input.reconcile.attendance),
            "bulletin": bulletin(figures),
        ]
    }

    /// Per school, what its attendance rows were read as (roster / absences / none) and the figures behind it.
    static func attendance(_ decisions: [AttendanceDecision]) -> [String: any Sendable] {
        var counts: [String: Int] = [:]
        for d in decisions { counts[d.kind.rawValue, default: 0] += 1 }
        return [
            "roster_coverage_threshold": AttendanceKinds.rosterCoverage,
            "schools_by_kind": counts,
            "schools": decisions.map { d in
                ["school_code": d.school, "kind": d.kind.rawValue, "declared": d.declared.rawValue, "rows": d.rows,
                 "zero_day_rows": d.zeroDayRows, "active_status": d.activeStatus, "covered": d.covered,
                 "coverage": (d.coverage * 10_000).rounded() / 10_000] as [String: any Sendable]
            },
        ]
    }

    static func bulletin(_ f: BulletinFigures) -> [String: any Sendable] {
        var targets: [String: any Sendable] = [:]
        for i in BulletinFigures.Indicator.allCases { targets[i.rawValue] = i.target(f.targets) }
        targets["priority_enrolment"] = f.targets.priorityEnrolment
        func earlier(_ r: BulletinRecord?) -> any Sendable {
            r.map { ["period": $0.period, "as_of": $0.asOf, "run": $0.run ?? NSNull(), "written": $0.written ?? NSNull(),
                     "district": $0.district] as [String: any Sendable] } ?? NSNull()
        }
        return [
            "title": f.title,
            "unit": f.unit,
            "signature": f.signature,
            "rectify_by": f.deadline.description,
            "cohort": ["born_from": f.cohort.lowerBound.description, "born_to": f.cohort.upperBound.description] as [String: any Sendable],
            "definitions": f.definitions.map { ["term": $0.0, "definition": $0.1] as [String: any Sendable] },
            "text": f.paragraphs(.json),
            "targets": targets,
            "town_codes": BulletinFigures.townCodes.map(\.rawValue),
            "cases_since": f.since ?? NSNull(),
            "district": area(f.district, f),
            "towns": f.towns.map { area($0, f) },
            "towns_below_target": f.townsBelowTarget.map(\.name),
            "towns_at_target": f.townsAtTarget.map(\.name),
            "schools_at_target": f.schoolsAtTarget.map(\.code),
            "schools_not_checked": f.schoolsNotChecked.map { ["school_code": $0.unit.code, "name": $0.unit.name, "why": $0.why] as [String: any Sendable] },
            "towns_not_checked": f.townsNotChecked.map { ["town": $0.area.name, "why": $0.why] as [String: any Sendable] },
            "schools_to_correct": f.schools.map { s in
                ["school_code": s.code, "name": s.name, "town": s.town, "pupils": s.pupils, "suspected_dropouts": s.suspectedDropouts,
                 "records": Dictionary(uniqueKeysWithValues: s.records.map { ($0.key.rawValue, $0.value) })] as [String: any Sendable]
            },
            "police_to_correct": f.police.map { p in
                ["town": p.name, "records": Dictionary(uniqueKeysWithValues: p.records.map { ($0.key.rawValue, $0.value) })] as [String: any Sendable]
            },
            "sources": f.sources.map { ["name": $0.name, "file": $0.file, "data_period": $0.dataPeriod ?? NSNull(),
                                        "received": $0.received?.description ?? NSNull(), "date_shown": $0.dateText,
                                        "rows": $0.rows, "accepted": $0.accepted] as [String: any Sendable] },
            "previous": earlier(f.previous),
            "last_year": earlier(f.lastYear),
            "ledger": ["opened": f.ledger.opened, "closed": f.ledger.closed, "open": f.ledger.open] as [String: any Sendable],
            "open_cases_by_period": f.openByPeriod.map { p in
                var v: [String: any Sendable] = ["period": p.period, "open": p.open]
                if let issued = f.openAsIssued(at: p.period) { v["as_issued"] = issued }
                return v
            },
        ]
    }

    static func area(_ a: BulletinFigures.Area, _ f: BulletinFigures) -> [String: any Sendable] {
        let c = a.counts
        var findings: [String: any Sendable] = [:]
        for code in FindingCode.allCases { findings[code.rawValue] = a.findings[code] ?? 0 }
        var rates: [String: any Sendable] = [:]
        for i in BulletinFigures.rates {
            let fraction = i.fraction(c)
            rates[i.rawValue] = ["value": a.value(i) ?? NSNull(), "numerator": fraction?.part ?? 0, "denominator": fraction?.whole ?? 0] as [String: any Sendable]
        }
        func part(_ p: Population.PartCounts) -> [String: any Sendable] {
            ["due": p.due, "enrolled": p.enrolled, "net_enrolled": p.netEnrolled, "pupils": p.pupils, "entrants": p.entrants, "retained": p.retained]
        }
        var groups: [String: any Sendable] = [:]
        for g in PriorityGroup.allCases {
            let gc = c.groups[g] ?? .init()
            groups[g.key] = ["children": gc.children, "elsewhere": gc.elsewhere, "deferred": gc.deferred, "due": gc.due,
                             "enrolled": gc.enrolled, "suspected_dropouts": gc.suspectedDropouts,
                             "rate": BulletinFigures.rate(gc.enrolled, gc.due) ?? NSNull()] as [String: any Sendable]
        }
        return [
            "name": a.name, "rank": a.rank ?? NSNull(),
            "school_age": c.schoolAge, "enrolled_elsewhere": c.elsewhere, "deferred": c.deferred, "due": c.due, "enrolled": c.enrolled,
            "primary": part(c.primary), "junior": part(c.junior),
            "disabled_school_age": c.disabled, "disabled_enrolled": c.disabledEnrolled, "home_taught_without_status": c.homeTaughtWithoutStatus,
            "hardship_entrants": c.hardshipEntrants, "hardship_retained": c.hardshipRetained,
            "rates": rates, "priority_groups": groups,
            "findings": findings, "out_of_school": a.outOfSchool,
            "cases_opened": a.cases.opened, "cases_closed": a.cases.closed, "cases_open": a.cases.open,
            "cases_open_all": a.tally.openAll, "cases_open_not_counted": a.tally.openNotCounted, "children_followed": a.tally.children,
            "cases_open_by_code": Dictionary(uniqueKeysWithValues: a.tally.open.map { ($0.key.rawValue, $0.value) }),
            "due_not_enrolled": ["not_enrolled": c.unenrolledListed, "dropout_status": c.unenrolledDropout, "other": c.unenrolledOther] as [String: any Sendable],
            "below_target": f.shortfalls(a).map(\.rawValue),
        ]
    }
}
