import Foundation
import KCBXCore
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
            "persons": input.index.persons.count,
            "sources": input.sources.map { ["name": $0.source, "role": $0.role.rawValue, "rows_read": $0.rowsRead,
                                            "accepted": $0.records.count, "rejected": $0.rejects.count] as [String: any Sendable] },
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
        for i in BulletinFigures.Indicator.allCases { targets[i.rawValue] = BulletinFigures.target(i, f.targets) }
        return [
            "title": f.title,
            "cohort": ["born_from": f.cohort.lowerBound.description, "born_to": f.cohort.upperBound.description] as [String: any Sendable],
            "definitions": f.definitions.map { ["term": $0.0, "definition": $0.1] as [String: any Sendable] },
            "targets": targets,
            "cases_since": f.since ?? NSNull(),
            "district": area(f.district, f),
            "towns": f.towns.map { area($0, f) },
            "towns_below_target": f.townsBelowTarget.map(\.name),
            "open_cases_by_period": f.openByPeriod.map { ["period": $0.period, "open": $0.open] as [String: any Sendable] },
        ]
    }

    static func area(_ a: BulletinFigures.Area, _ f: BulletinFigures) -> [String: any Sendable] {
        let c = a.counts
        var findings: [String: any Sendable] = [:]
        for code in FindingCode.allCases { findings[code.rawValue] = a.findings[code] ?? 0 }
        func r(_ v: Double?) -> any Sendable { v ?? NSNull() }
        return [
            "name": a.name, "rank": a.rank ?? NSNull(),
            "school_age": c.schoolAge, "enrolled": c.enrolled, "enrolment_rate": r(a.enrolmentRate),
            "primary_age": c.primaryAge, "primary_enrolled": c.primaryEnrolled, "primary_enrolment_rate": r(a.primaryRate),
            "junior_age": c.juniorAge, "junior_enrolled": c.juniorEnrolled, "junior_enrolment_rate": r(a.juniorRate),
            "consolidation_retained": c.retained, "consolidation_dropouts": c.dropouts, "consolidation_rate": r(a.consolidationRate),
            "disabled_school_age": c.disabled, "disabled_placed": c.disabledPlaced, "disabled_placement_rate": r(a.placementRate),
            "findings": findings, "findings_total": a.findingsTotal, "priority_children": a.priorityChildren,
            "cases_opened": a.cases.opened, "cases_closed": a.cases.closed, "cases_open": a.cases.open,
            "below_target": f.shortfalls(a).map(\.rawValue),
        ]
    }
}
