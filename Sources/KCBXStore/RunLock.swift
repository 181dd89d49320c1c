import Foundation
import KCBXCore
#if canImport(Glibc)
import Glibc
#endif

/// The lock that lets one run at a time use a store: an exclusive `flock` on `<store>.lock`.
///
/// The kernel releases it when the process ends, however it ends, so a killed run never leaves a
/// stale lock behind.
public final class RunLock {
    private let fd: Int32
    public let url: URL

    /// Takes the lock or throws ``KCBXError`` of kind `.locked` (exit 3) when another run holds it.
    public init(store: URL) throws(KCBXError) {
        url = store.appendingPathExtension("lock")
        try? FileManager.default.createDirectory(at: store.deletingLastPathComponent(), withIntermediateDirectories: true)
        fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw KCBXError(.runFailed, "无法建立本库的锁文件：\(String(cString: strerror(errno)))", file: url.path) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            var holder = ""
            if let text = try? String(contentsOf: url, encoding: .utf8), !text.isEmpty { holder = "（\(text.trimmingCharacters(in: .whitespacesAndNewlines))）" }
            close(fd)
            throw KCBXError(.locked, "另一个 kcbx 运行或导入正在使用本库\(holder)，请待其结束后再试", file: url.path)
        }
        let note = "pid \(getpid()), since \(ISO8601DateFormatter().string(from: Date()))\n"
        ftruncate(fd, 0)
        _ = note.withCString { write(fd, $0, strlen($0)) }
    }

    deinit {
        ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
    }
}
