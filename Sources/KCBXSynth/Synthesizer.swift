import Foundation
import KCBXCore

/// Options of `kcbx synth`.
public struct SynthOptions: Sendable {
    public var children: Int
    public var seed: UInt64
    public var output: URL
    public init(children: Int, seed: UInt64, output: URL) { self.children = children; self.seed = seed; self.output = output }
}

/// Writes a deterministic synthetic county: every department's export, a pipeline file, and the ground truth.
public enum Synthesizer {
    /// Returns a short summary (files written, counts of planted findings) for the command to print.
    public static func run(_ options: SynthOptions) throws(KCBXError) -> String { fatalError("stub") }
}
