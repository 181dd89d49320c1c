import Foundation
import KCBXCore
import KCBXIngest
import KCBXStore

/// `kcbx validate`: every problem of the pipeline file and of every input, at once — everything `run`
/// would stop on before its first stage's result: the file's keys and vocabularies, every input read
/// through to its end with its reject rate, sources that arrive empty or shrunk since the last good
/// run, and a store and output folder that can be written.
public enum Validation {
    public static func problems(_ pipeline: URL) -> [KCBXError] {
        let (config, problems) = PipelineFile.parse(pipeline)
        guard let config, problems.isEmpty else { return problems }
        var found = writable(config)
        let (inputs, accepted) = IngestStage.check(config)
        found += inputs
        let store = FileManager.default.fileExists(atPath: config.storePath.path) ? try? Store(url: config.storePath) : nil
        do { found += try ArrivalCheck.problems(config, store: store, rows: accepted) } catch { found.append(error) }
        return found
    }

    /// The store's folder and the output folder exist (or can be made) and can be written.
    static func writable(_ config: PipelineConfig) -> [KCBXError] {
        var problems: [KCBXError] = []
        for (what, folder) in [("the store's folder", config.storePath.deletingLastPathComponent()), ("the output folder", config.outputDirectory)] {
            var existing = folder
            while !FileManager.default.fileExists(atPath: existing.path) && existing.path != "/" { existing.deleteLastPathComponent() }
            if access(existing.path, W_OK) != 0 {
                problems.append(KCBXError(.config, "\(what) cannot be written (\(existing.path) is not writable by this user); a run would fail after reading every input", file: folder.path))
            }
        }
        if FileManager.default.fileExists(atPath: config.storePath.path), access(config.storePath.path, W_OK) != 0 {
            problems.append(KCBXError(.config, "the store cannot be written by this user", file: config.storePath.path))
        }
        return problems
    }
}
