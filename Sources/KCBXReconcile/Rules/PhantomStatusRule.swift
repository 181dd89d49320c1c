import KCBXCore
import KCBXLedger

/// 空挂学籍 (`phantom_status`): an active 学籍 record at a school whose attendance export is a roster
/// (考勤花名册) that does not hold the pupil: nobody stands behind the status, or the pupil attends
/// another school. Only a roster can show this: a school that sends an absence list (缺勤名单) or nothing
/// is not checked (``AttendanceKinds``). Gives way to 一人多籍 and 死亡未销籍, which cover the record.
/// Closes when the record is cancelled or the pupil appears on the roster.
enum PhantomStatusRule: FindingRule {
    static let descriptor = FindingDescriptor(
        .phantomStatus, title: "空挂学籍", work: .recordCorrection, actor: .school, place: 3,
        asked: "核实是否在校就读；不在校的办理转出或注销学籍", closes: [.registeredDead, .movedOut, .agedOut])
    static let needs: [SourceRole] = [.studentStatus, .attendance]
    static let givesWayTo: [FindingCode] = [.duplicateStatus, .deceasedActiveStatus]

    static func decide(_ p: inout PersonCase) {
        guard p.n.active > 0, !p.hasRaised(any: givesWayTo) else { return }
        var phantom: [RecordRef] = [], schools: [String] = [], names: [String] = []
        for f in p.facts where f.kind == .statusActive && !f.suspended {
            let school = p.view.school(f)
            if !school.isEmpty && p.ctx.attendance.isRoster(school)
                && !p.facts.contains(where: { $0.kind == .attendance && p.view.school($0) == school })
                && !p.view.unlinkedAttendanceAt(school, f) && !p.possibleAttendance(at: school) {
                phantom.append(f.ref); schools.append(school); names.append(p.view.schoolName(f))
            }
        }
        guard !phantom.isEmpty else { return }
        let attended = p.view.attendanceSchools.sorted().map { p.ctx.schoolName($0) }
        let elsewhere = attended.isEmpty ? "本人无任何学校考勤记录" : "本人在\(attended.joined(separator: "、"))考勤"
        p.emit(code, phantom + p.view.refs(.attendance),
               "学籍在\(names.joined(separator: "、"))，该校考勤花名册中无此学生；\(elsewhere)", school: schools[0])
    }

    static func closeReason(_ p: PersonCase) -> String? { "空挂学籍已清理或已有考勤记录" }
}
