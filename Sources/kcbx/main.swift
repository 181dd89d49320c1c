import ArgumentParser
import Foundation
import KCBXCore
#if canImport(Glibc)
import Glibc
#endif

#if os(Linux)
/// Millions of records are held in a few large arrays. With the kernel's transparent huge pages only on
/// request (Debian's default, `madvise`), filling them costs a page fault per 4 KiB: about an eighth of
/// a county's ingest and normalize time. glibc's malloc asks for huge pages when its `hugetlb` tunable is
/// set, and tunables are read only at start-up, so kcbx sets it and restarts itself once, before doing
/// anything. Set `GLIBC_TUNABLES` yourself (even empty) to keep kcbx from doing so.
func restartWithHugePages() {
    guard getenv("GLIBC_TUNABLES") == nil else { return }
    setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 1)
    execv("/proc/self/exe", CommandLine.unsafeArgv)
    unsetenv("GLIBC_TUNABLES")  // exec failed: carry on without
}
restartWithHugePages()
#endif

// Files kcbx creates hold minors' personal data: readable by their owner only.
umask(0o077)
Log.bootstrap()

/// Runs the command and maps every failure to INTERFACE.md's exit codes with a plain message
/// (never a stack trace): 1 run failed, 2 bad usage/config/input, 3 locked.
func main() -> Int32 {
    do {
        var command = try Kcbx.parseAsRoot()
        try command.run()
        return 0
    } catch let error as KCBXError {
        FileHandle.standardError.write(Data("kcbx: error: \(error)\n".utf8))
        return error.exitCode
    } catch {
        let code = Kcbx.exitCode(for: error)
        if code == .success {
            // --help and --version.
            print(Kcbx.fullMessage(for: error))
            return 0
        }
        FileHandle.standardError.write(Data("kcbx: \(Kcbx.fullMessage(for: error))\n".utf8))
        if let usage = Optional(Kcbx.message(for: error)), !usage.isEmpty, code == .validationFailure {
            FileHandle.standardError.write(Data("(see `kcbx --help`)\n".utf8))
        }
        return 2
    }
}

exit(main())
