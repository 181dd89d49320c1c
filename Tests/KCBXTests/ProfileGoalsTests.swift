import Foundation
import Testing
import KCBXCore
import KCBXPipeline

/// The findings hold on counties whose exports follow other departments' habits: each profile of
/// `kcbx synth` is run end to end and scored against its ground truth (issue 12's goals, at test size;
/// scripts/evaluate-profiles measures them at 100,000 and 1,000,000 children).
@Suite(.serialized) struct ProfileGoalsTests {
    @Test(arguments: ["elsewhere", "absences", "borrowed", "no-ids"])
    func findingsHoldOnTheProfile(_ profile: String) throws {
        let dir = TestSupport.temporaryDirectory("kcbx-profile-\(profile)")
        let synth = try TestSupport.run(["synth", "--children", "6000", "--seed", "20261130", "--profile", profile, "--out", dir.path])
        #expect(synth.status == 0, "\(synth.stderr)")
        let run = try TestSupport.run(["run", dir.appendingPathComponent("pipeline.yaml").path])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try Evaluation.run(truth: dir.appendingPathComponent("truth"), output: dir.appendingPathComponent("out"))
        let findings = Dictionary(uniqueKeysWithValues: report.findings.map { ($0.code, $0.score) })
        for code in ["not_enrolled", "disabled_unplaced", "priority"] {
            let s = try #require(findings[code])
            #expect(s.recall == 1, "\(profile): \(code) recall \(s.recall) (\(s.truePositives) of \(s.actual))")
        }
        for (code, s) in findings {
            // At this size one false case in 30 is 0.97: the 0.99 goal is measured at 100,000 children.
            #expect(s.precision >= 0.95, "\(profile): \(code) precision \(s.precision) (\(s.truePositives) of \(s.predicted))")
        }
        let links = Dictionary(uniqueKeysWithValues: report.links.map { ($0.label, $0.score) })
        let status = try #require(links["学籍↔公安户籍"])
        #expect(status.precision >= 0.999, "\(profile): 学籍↔户籍 precision \(status.precision)")
        if profile == "elsewhere" || profile == "absences" {
            #expect(run.stderr.contains("read as absence lists"), "the attendance decision is logged")
        }
    }
}
