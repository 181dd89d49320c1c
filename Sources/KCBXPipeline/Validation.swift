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

    /// The store's folder and the output folder exist (or can be made) and can be written: the nearest
    /// existing folder on their path is a folder (not a file) that this user may write in. `output`:
    /// whether the output folder matters (a run that writes the report).
    static func writable(_ config: PipelineConfig, output: Bool = true) -> [KCBXError] {
        var problems: [KCBXError] = []
        var folders = [("the store's folder", config.storePath.deletingLastPathComponent())]
        if output { folders.append(("the output folder", config.outputDirectory)) }
        for (what, folder) in folders {
            var existing = folder
            var isFolder: ObjCBool = false
            while !FileManager.default.fileExists(atPath: existing.path, isDirectory: &isFolder) && existing.path != "/" { existing.deleteLastPathComponent() }
            if !isFolder.boolValue {
                problems.append(KCBXError(.config, "\(what) cannot be made: \(existing.path) is a file, not a folder; a run would fail after reading every input", file: folder.path))
            } else if access(existing.path, W_OK) != 0 {
                problems.append(KCBXError(.config, "\(what) cannot be written (\(existing.path) is not writable by this user); a run would fail after reading every input", file: folder.path))
            }
        }
        if FileManager.default.fileExists(atPath: config.storePath.path), access(config.storePath.path, W_OK) != 0 {
            problems.append(KCBXError(.config, "the store cannot be written by this user", file: config.storePath.path))
        }
        return problems
    }
}
