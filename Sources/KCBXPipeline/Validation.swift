import Foundation
import KCBXCore
import KCBXIngest

/// `kcbx validate`: every problem of the pipeline file and of every input, at once.
public enum Validation {
    public static func problems(_ pipeline: URL) -> [KCBXError] {
        let (config, problems) = PipelineFile.parse(pipeline)
        guard let config, problems.isEmpty else { return problems }
        return IngestStage.check(config)
    }
}
