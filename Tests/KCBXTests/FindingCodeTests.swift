import Testing
import KCBXCore
import KCBXLedger
@testable import KCBXReconcile
@testable import KCBXReport

/// One descriptor per finding code (docs/findings.md "Adding a code"): every code has its rule and
/// descriptor, and every filter by code in reconcile and report is the descriptors' reading.
struct FindingCodeTests {
    @Test func everyCodeHasOneRuleAndADescriptor() {
        let ruled = FindingRules.all.map { $0.code }
        #expect(ruled.count == FindingCode.allCases.count && Set(ruled) == Set(FindingCode.allCases), "one rule per code in FindingRules.all")
        for (i, code) in FindingCode.allCases.enumerated() {
            let d = code.descriptor
            #expect(d.code == code && code.position == i, "\(code.rawValue)")
            #expect(!d.title.isEmpty && !d.asked.isEmpty, "\(code.rawValue)")
        }
        #expect(Set(FindingCode.allCases.map(\.title)).count == FindingCode.allCases.count, "titles name the sheets: one each")
        // A person's raised codes are bits of a UInt32, a roster entry's of a UInt16 (Roster.Entry.findings).
        #expect(FindingCode.allCases.count <= 16)
    }

    /// The descriptors agree with one another: a 劝返 code goes to the town, a 纠错 code to a school or
    /// the police; only a child followed up here can count against the town.
    @Test func descriptorsAreConsistent() {
        for d in FindingDescriptor.all {
            #expect((d.work == .childFollowUp) == (d.actor == .town), "\(d.code.rawValue)")
            #expect(!d.countsAgainstTown || d.followedUpHere, "\(d.code.rawValue)")
            #expect(!d.followedUpHere || d.actor == .town, "\(d.code.rawValue)")
            #expect(d.closes.contains(.movedOut) && d.closes.contains(.agedOut), "\(d.code.rawValue)")
            #expect(d.work == .childFollowUp || !d.closes.contains(.enrolled), "\(d.code.rawValue): enrolling corrects no record")
        }
    }

    @Test func reportFiltersReadTheDescriptors() {
        let all = FindingCode.allCases
        #expect(BulletinFigures.townCodes == all.filter { $0.descriptor.countsAgainstTown })
        #expect(BulletinFigures.townCodes == [.notEnrolled, .suspectedDropout, .disabledUnplaced])
        #expect(TownWorkbooks.codes == all.filter { $0.descriptor.actor == .town })
        #expect(TownWorkbooks.codes == all.filter { $0.work == .childFollowUp })
        #expect(SchoolWorkbook.codes == BulletinFigures.schoolCodes)
        #expect(Set(SchoolWorkbook.codes) == Set(all.filter { $0.descriptor.actor == .school }))
        // The order of the schools' sheets and of the bulletin's columns is the descriptors' `place`.
        #expect(SchoolWorkbook.codes == [.identityMismatch, .duplicateStatus, .phantomStatus])
        #expect(BulletinFigures.policeCodes == all.filter { $0.descriptor.actor == .police })
        // Every code goes to one list: the towns', a school's or the police's.
        #expect((TownWorkbooks.codes + SchoolWorkbook.codes + BulletinFigures.policeCodes).sorted { $0.position < $1.position } == all)
        // The police workbook lays out a sheet per code of its own (户籍重复, 死亡未销籍): a new police code
        // needs its sheet in PoliceWorkbook.
        #expect(BulletinFigures.policeCodes == [.duplicateHukou, .deceasedActiveStatus])
        // The ledgers follow the descriptors' work.
        #expect(all.filter { $0.work == .recordCorrection } == all.filter { $0.descriptor.actor != .town })
    }

    /// Made-up check: a code that counts against the town is exactly a 劝返 code that is neither an approved
    /// deferral nor a child reported to the county of registration (the list the filters once wrote by hand).
    @Test func townCountedCodesAreTheDescriptors() {
        let byHand = FindingCode.allCases.filter { $0.work == .childFollowUp && $0 != .deferred && $0 != .outOfDistrict }
        #expect(FindingDescriptor.codes { $0.countsAgainstTown } == byHand)
        let local = FindingCode.allCases.filter { $0.work == .childFollowUp && $0 != .outOfDistrict }
        #expect(FindingDescriptor.codes { $0.followedUpHere } == local)
    }

    /// The general close reasons each code takes, as ``CloseReasons`` used to decide them by hand.
    @Test func closingReasonsAreTheDescriptors() {
        let notAtSchool: Set<FindingCode> = [.notEnrolled, .deferred, .suspectedDropout, .disabledUnplaced, .outOfDistrict]
        for code in FindingCode.allCases {
            let closes = code.descriptor.closes
            #expect(closes.contains(.enrolled) == notAtSchool.contains(code), "\(code.rawValue)")
            #expect(closes.contains(.registeredDead) == (code != .deceasedActiveStatus), "\(code.rawValue)")
            #expect(closes.contains(.deferralApproved) == (code == .notEnrolled || code == .disabledUnplaced), "\(code.rawValue)")
        }
    }

    /// The roles a rule reads (``ReconcileStage/roles(of:)``): its needs, what completes it, and its descriptor's.
    @Test func rolesARuleReads() {
        #expect(ReconcileStage.roles(of: .notEnrolled) == [.hukou, .studentStatus, .deferral])
        #expect(ReconcileStage.roles(of: .suspectedDropout) == [.studentStatus, .attendance, .poverty])
        #expect(ReconcileStage.roles(of: .identityMismatch) == [.studentStatus, .hukou])
        #expect(ReconcileStage.roles(of: .disabledUnplaced) == [.disability, .studentStatus])
    }
}
