import KCBXCore
import KCBXLedger

/// Everything written about one true person, gathered while the records are written, from which the
/// findings of docs/findings.md are decided (the synthetic truth follows the contract, rule by rule).
struct PersonFacts {
    /// One 学籍 record as written.
    struct Status {
        var status: String
        var school: Int
        var studyMode: String
        /// The record's ID fails its check, or its name/birth date/sex differ from the resident hukou
        /// record or from its own ID beyond formatting.
        var mismatch: String?
        var active: Bool { status == "在读" || status == "休学" || status.isEmpty }
    }
    /// One attendance row.
    struct Attendance { var school: Int; var days: Int; var excused: Bool }

    var key: String
    var id: String
    var name: String
    var birth: CivilDate
    var male: Bool
    var town: String
    var kind: String
    var regionLocal: Bool
    var records = 0
    var hukouResident = 0
    var hukouDeceased = false
    var statuses: [Status] = []
    var attendance: [Attendance] = []
    var validDeferral: String?
    var expiredDeferral: String?
    var validExemption = false
    var disabled = false
    var taughtAtHome = false
    var poverty = false
    var povertyOut: String?
    var welfare = false
    var justice = false

    init(key: String, id: String, name: String, birth: CivilDate, male: Bool, town: String, kind: String, regionLocal: Bool) {
        self.key = key; self.id = id; self.name = name; self.birth = birth; self.male = male; self.town = town
        self.kind = kind; self.regionLocal = regionLocal
    }

    var priority: Bool { poverty || disabled || welfare || justice }
}

/// A finding the pipeline must report: (code, true person).
struct TruthFinding: Comparable {
    var code: FindingCode
    var personKey: String
    var id: String
    var name: String
    var priority: Bool
    var detail: String
    static func < (a: TruthFinding, b: TruthFinding) -> Bool { (a.code.rawValue, a.personKey) < (b.code.rawValue, b.personKey) }
}

/// A possible 空挂学籍: an active record whose person does not attend at its school. It is a finding
/// when the school sends attendance at all (known only at the end) or the person attends elsewhere.
struct PhantomCandidate {
    var finding: TruthFinding
    var school: Int
    var attendsElsewhere: Bool
}

/// The rules of docs/findings.md, applied to one person's facts.
struct FindingRules {
    let cohortFirst: CivilDate
    let cohortLast: CivilDate
    let dropoutDays: Int
    let schoolCodes: [String]

    func schoolAge(_ f: PersonFacts) -> Bool { f.birth >= cohortFirst && f.birth <= cohortLast }

    /// The findings of `f`, and the 空挂学籍 candidates that wait for the attendance files to be complete.
    func evaluate(_ f: PersonFacts) -> ([TruthFinding], [PhantomCandidate]) {
        var out: [TruthFinding] = []
        func add(_ code: FindingCode, _ detail: String) {
            out.append(TruthFinding(code: code, personKey: f.key, id: f.id, name: f.name, priority: f.priority, detail: detail))
        }
        let resident = f.hukouResident > 0
        let age = schoolAge(f)
        let active = f.statuses.filter(\.active)
        let local = resident || f.regionLocal
        let dropped = f.statuses.contains { $0.status == "辍学" }
        let onlyLeft = !f.statuses.isEmpty && f.statuses.allSatisfy { $0.status == "辍学" || $0.status == "转出" }
        let longAbsence = f.attendance.first { $0.days >= dropoutDays && !$0.excused }

        if resident && age && active.isEmpty && !onlyLeft {
            if let until = f.validDeferral {
                add(.deferred, "approved deferral/exemption valid until \(until)")
            } else if let expired = f.expiredDeferral {
                add(.notEnrolled, "no active status; deferral expired \(expired)")
            } else {
                add(.notEnrolled, "resident school-age child with no active status")
            }
        }
        if local {
            if let a = longAbsence {
                add(.suspectedDropout, "\(a.days) days absent without excuse at \(schoolCodes[a.school])")
            } else if dropped && active.isEmpty {
                add(.suspectedDropout, "学籍 status 辍学")
            } else if !active.isEmpty, let state = f.povertyOut {
                add(.suspectedDropout, "poverty record says \(state) while status is active")
            }
        }
        if active.count >= 2 { add(.duplicateStatus, "\(active.count) active status records") }
        let deceasedActive = f.hukouDeceased && !active.isEmpty
        if deceasedActive { add(.deceasedActiveStatus, "registered dead, status active at \(schoolCodes[active[0].school])") }
        if let m = f.statuses.first(where: { $0.mismatch != nil })?.mismatch { add(.identityMismatch, m) }
        if f.hukouResident >= 2 { add(.duplicateHukou, "registered \(f.hukouResident) times in hukou") }
        if f.disabled && age && active.isEmpty && !f.taughtAtHome && !f.validExemption {
            add(.disabledUnplaced, "disabled school-age child not placed")
        }
        if !resident && !f.regionLocal && !f.statuses.isEmpty {
            if active.isEmpty && onlyLeft {
                add(.outOfDistrict, "non-local child left school: \(f.statuses.map(\.status).joined(separator: "/"))")
            } else if let a = longAbsence {
                add(.outOfDistrict, "non-local child \(a.days) days absent at \(schoolCodes[a.school])")
            }
        }
        var candidates: [PhantomCandidate] = []
        if active.count < 2 && !deceasedActive {
            for s in active where !f.attendance.contains(where: { $0.school == s.school }) {
                let elsewhere = f.attendance.first { $0.school != s.school }
                let detail = elsewhere.map { "registered at \(schoolCodes[s.school]), attends \(schoolCodes[$0.school])" }
                    ?? "active status at \(schoolCodes[s.school]) with no attendance"
                candidates.append(PhantomCandidate(
                    finding: TruthFinding(code: .phantomStatus, personKey: f.key, id: f.id, name: f.name, priority: f.priority, detail: detail),
                    school: s.school, attendsElsewhere: elsewhere != nil))
            }
        }
        return (out, candidates)
    }
}
