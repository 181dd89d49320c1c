import Foundation
import Logging

/// Logging to stderr with timestamps, and progress that suits both a terminal and cron.
///
/// Never log a full ID number: use ``maskID(_:)``.
public enum Log {
    /// The process-wide logger; `kcbx` bootstraps swift-log to stderr at start.
    public static let logger: Logger = Logger(label: "kcbx")

    public static func info(_ message: String) { logger.info("\(message)") }
    public static func warning(_ message: String) { logger.warning("\(message)") }
    public static func error(_ message: String) { logger.error("\(message)") }

    /// Sends swift-log's output to stderr with an ISO timestamp on every line.
    public static func bootstrap(verbose: Bool = false) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = verbose ? .debug : .info
            return handler
        }
    }
}

/// Masks an ID number for logs and masked outputs: `370783********1234`.
public func maskID(_ id: String) -> String {
    let chars = Array(id)
    guard chars.count > 10 else { return String(repeating: "*", count: chars.count) }
    return String(chars.prefix(6)) + String(repeating: "*", count: chars.count - 10) + String(chars.suffix(4))
}

/// Progress of a long step: a line rewritten in place on a terminal, plain lines (at most every
/// 10%) when stderr is a file or a pipe, as under cron.
public final class Progress: @unchecked Sendable {
    private let label: String
    private let total: Int
    private let isTerminal = isatty(2) != 0
    private var lastShown = -1
    private let lock = NSLock()

    public init(_ label: String, total: Int) { self.label = label; self.total = max(total, 1) }

    public func update(_ done: Int) {
        lock.lock(); defer { lock.unlock() }
        let percent = min(100, done * 100 / total)
        if isTerminal {
            guard percent != lastShown else { return }
            lastShown = percent
            FileHandle.standardError.write(Data("\r\(label): \(percent)% (\(done)/\(total))".utf8))
        } else if percent / 10 != lastShown / 10 || lastShown < 0 {
            lastShown = percent
            Log.info("\(label): \(percent)% (\(done)/\(total))")
        }
    }

    public func finish() {
        lock.lock(); defer { lock.unlock() }
        if isTerminal && lastShown >= 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
