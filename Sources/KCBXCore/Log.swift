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

/// The process's peak resident memory so far, in MiB (from `getrusage`).
public func peakMemoryMiB() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Int(usage.ru_maxrss) / 1024
}

/// Masks an ID number for logs and masked outputs: `370783********1234`.
public func maskID(_ id: String) -> String {
    let chars = Array(id)
    guard chars.count > 10 else { return String(repeating: "*", count: chars.count) }
    return String(chars.prefix(6)) + String(repeating: "*", count: chars.count - 10) + String(chars.suffix(4))
}

/// Progress of a long step: a line rewritten in place on a terminal, plain log lines (at most one
/// every few seconds) when stderr is a file or a pipe, as under cron.
public final class Progress: Sendable {
    private let label: String
    private let total: Int?
    private let isTerminal = isatty(2) != 0
    private struct Shown { var done = 0, lastShown = Date.distantPast, onTerminal = false }
    private let state = Locked(Shown())

    /// `total` nil counts without a percentage.
    public init(_ label: String, total: Int? = nil) { self.label = label; self.total = total.map { max($0, 1) } }

    /// Adds `count` units of work done.
    public func advance(by count: Int) {
        state.withLock { shown in
            shown.done += count
            let now = Date()
            let interval: TimeInterval = isTerminal ? 0.2 : 10
            guard now.timeIntervalSince(shown.lastShown) >= interval else { return }
            shown.lastShown = now
            let done = shown.done
            let text = total.map { "\(label): \(min(100, done * 100 / $0))% (\(done)/\($0))" } ?? "\(label): \(done)"
            if isTerminal {
                shown.onTerminal = true
                FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
            } else {
                Log.info(text)
            }
        }
    }

    /// Clears the terminal line.
    public func finish() {
        state.withLock { shown in
            if shown.onTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}

/// Wall time and CPU time (all threads) of a step, logged at its end: "normalize: stored in 1.20 s (CPU 1.90 s)".
public struct StepTimer: Sendable {
    let started = Date()
    let cpu = StepTimer.cpuSeconds()
    public init() {}

    /// CPU seconds used by the process so far (user and system, every thread).
    public static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// "2.10 s (CPU 3.40 s)" since the timer started.
    public var elapsed: String {
        String(format: "%.2f s (CPU %.2f s)", Date().timeIntervalSince(started), StepTimer.cpuSeconds() - cpu)
    }
}
