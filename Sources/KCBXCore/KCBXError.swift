/// An error a user must see: what went wrong, where (file, line, column), and the exit code it maps to.
///
/// Every failure that reaches the command line is one of these; nothing else is shown to the user,
/// and none of them carries a full ID number.
public struct KCBXError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of failure this is; decides the exit code.
    public enum Kind: String, Sendable, Equatable {
        /// Bad command-line usage (exit 2).
        case usage
        /// A mistake in the pipeline file (exit 2).
        case config
        /// An input file that cannot be used (exit 2).
        case input
        /// A stage failed while running (exit 1).
        case runFailed
        /// Another run holds the lock (exit 3).
        case locked
    }

    public var kind: Kind
    public var message: String
    public var file: String?
    public var line: Int?
    public var column: Int?

    public init(_ kind: Kind, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.kind = kind; self.message = message; self.file = file; self.line = line; self.column = column
    }

    /// The process exit code of INTERFACE.md: 1 run failed, 2 bad usage/config/input, 3 locked.
    public var exitCode: Int32 {
        switch kind {
        case .usage, .config, .input: 2
        case .runFailed: 1
        case .locked: 3
        }
    }

    /// `file:line:column: message`, with the parts that are known.
    public var description: String {
        var location = ""
        if let file { location = file }
        if let line { location += (location.isEmpty ? "" : ":") + "line \(line)" }
        if let column { location += (location.isEmpty ? "" : ":") + "column \(column)" }
        return location.isEmpty ? message : "\(location): \(message)"
    }
}
