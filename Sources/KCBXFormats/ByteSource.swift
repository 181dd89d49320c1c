import CZlibGzip
import Foundation
import KCBXCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of an input file, gunzipped on the fly when the file is gzip.
///
/// Gzip is recognised by its magic bytes (`1f 8b`), whatever the file is called, and inflated as a
/// stream through zlib, member after member (concatenated gzip files are read whole). Memory is a
/// fixed buffer, whatever the size of the file. Inflation stops with an error when the inflated size
/// passes ``InputLimits/maxInflatedBytes`` (a gzip bomb), and when the gzip data is truncated or corrupt.
public final class ByteSource {
    /// The file being read.
    public let url: URL
    /// Whether the file is gzip (by its magic bytes).
    public let isGzip: Bool
    /// Bytes delivered so far (inflated bytes for a gzip file).
    public private(set) var bytesRead: Int64 = 0

    private let fd: Int32
    private let maxInflated: Int64
    /// The time budget of reading the file.
    private let deadline: ReadDeadline?
    /// The limit as a message states it.
    private let limitText: String
    /// zlib state and its compressed-input buffer (gzip only).
    /// unsafe: zlib and read(2) C APIs: z_stream and byte buffers are C memory
    private var stream: UnsafeMutablePointer<z_stream>?
    private var input: UnsafeMutablePointer<UInt8>?
    private static let inputCapacity = 256 << 10
    private var inputEOF = false
    /// Compressed bytes read from the file (gzip only), for messages.
    private var compressedRead: Int64 = 0
    /// Bytes read ahead to look for the magic number, still to be delivered (plain files).
    private var peeked: [UInt8] = []
    /// True once the last gzip member ended and no further member follows.
    private var finished = false
    /// Inside a gzip member (started, not yet at its end).
    private var inMember = false

    /// Only a regular file is an export: a named pipe would block the run forever, a device never end.
    /// Checked without opening (`stat` does not block on a FIFO); a symbolic link is followed and logged
    /// with its target's name, so the officer sees what was read.
    public static func checkRegularFile(_ url: URL, label: String) throws(KCBXError) {
        var link = stat(), target = stat()
        guard lstat(url.path, &link) == 0 else {
            throw KCBXError(.input, "\(label): cannot read the file: \(String(cString: strerror(errno)))", file: url.path)
        }
        guard stat(url.path, &target) == 0 else {
            throw KCBXError(.input, "\(label): the path is a symbolic link to a file that does not exist", file: url.path)
        }
        let kind = target.st_mode & S_IFMT
        guard kind == S_IFREG else {
            let what = kind == S_IFDIR ? "a folder" : kind == S_IFIFO ? "a named pipe (FIFO)" : kind == S_IFCHR || kind == S_IFBLK ? "a device"
                : kind == S_IFSOCK ? "a socket" : "not a regular file"
            throw KCBXError(.input, "\(label): expected a regular file (the export), found \(what)", file: url.path)
        }
        if link.st_mode & S_IFMT == S_IFLNK {
            Log.info("\(label): \(url.lastPathComponent) is a symbolic link to \(url.resolvingSymlinksInPath().path)")
        }
    }

    /// Opens `url`; recognises gzip by its first two bytes.
    public init(url: URL, limits: InputLimits) throws(KCBXError) {
        self.url = url
        try Self.checkRegularFile(url, label: "input")
        var size = stat()
        let compressed = stat(url.path, &size) == 0 ? Int64(size.st_size) : 0
        self.maxInflated = limits.inflatedLimit(compressedBytes: compressed)
        self.deadline = limits.deadline()
        self.limitText = limits.describeLimit(compressedBytes: compressed)
        let fd = POSIX.openForReading(url.path)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw KCBXError(.input, "cannot open the file: \(reason)", file: url.path)
        }
        self.fd = fd
        var isDirectory = stat()
        if fstat(fd, &isDirectory) == 0, (isDirectory.st_mode & S_IFMT) == S_IFDIR {
            _ = POSIX.close(fd)
            throw KCBXError(.input, "expected a file, found a folder", file: url.path)
        }
        // Peek at the first two bytes.
        var magic = [UInt8](repeating: 0, count: 2)
        var got = 0
        while got < 2 {
            // unsafe: zlib and read(2) C APIs: z_stream and byte buffers are C memory
            let n = magic.withUnsafeMutableBytes { POSIX.read(fd, $0.baseAddress! + got, 2 - got) }
            if n < 0, errno == EINTR { continue }
            if n < 0 {
                let reason = String(cString: strerror(errno))
                _ = POSIX.close(fd)
                throw KCBXError(.input, "cannot read the file: \(reason)", file: url.path)
            }
            if n == 0 { break }
            got += n
        }
        magic.removeLast(2 - got)
        isGzip = magic == [0x1f, 0x8b]
        if isGzip {
            // unsafe: zlib and read(2) C APIs: z_stream and byte buffers are C memory
            let input = UnsafeMutablePointer<UInt8>.allocate(capacity: Self.inputCapacity)
            input[0] = 0x1f; input[1] = 0x8b
            // unsafe: zlib and read(2) C APIs: z_stream and byte buffers are C memory
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            stream.pointee.next_in = input
            stream.pointee.avail_in = 2
            compressedRead = 2
            // 15 + 16: a gzip wrapper only (the magic bytes said so), with the largest window.
            let status = inflateInit2_(stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else {
                stream.deallocate(); input.deallocate(); _ = POSIX.close(fd)
                throw KCBXError(.input, "cannot start gzip inflation (zlib status \(status))", file: url.path)
            }
            self.stream = stream
            self.input = input
            inMember = true
        } else {
            peeked = magic
        }
    }

    deinit {
        if let stream {
            inflateEnd(stream)
            stream.deallocate()
        }
        input?.deallocate()
        _ = POSIX.close(fd)
    }

    /// Fills up to `buffer.count` bytes; returns how many, 0 at the end of the data.
    /// unsafe: zlib and read(2) C APIs: z_stream and byte buffers are C memory
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(KCBXError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        try deadline?.check(url.path)
        let n = isGzip ? try inflate(into: base.assumingMemoryBound(to: UInt8.self), count: buffer.count)
                       : try readPlain(into: base, count: buffer.count)
        bytesRead += Int64(n)
        return n
    }

    // unsafe: zlib and read(2) C APIs: z_stream and byte buffers are C memory
    private func readPlain(into base: UnsafeMutableRawPointer, count: Int) throws(KCBXError) -> Int {
        var filled = 0
        if !peeked.isEmpty {
            filled = min(peeked.count, count)
            // unsafe: zlib and read(2) C APIs: z_stream and byte buffers are C memory
            peeked.withUnsafeBytes { base.copyMemory(from: $0.baseAddress!, byteCount: filled) }
            peeked.removeFirst(filled)
        }
        while filled < count {
            let n = try readFile(base + filled, count - filled)
            if n == 0 { break }
            filled += n
        }
        return filled
    }

    /// One `read(2)`, retried on EINTR; 0 at the end of the file.
    /// unsafe: zlib and read(2) C APIs: z_stream and byte buffers are C memory
    private func readFile(_ into: UnsafeMutableRawPointer, _ count: Int) throws(KCBXError) -> Int {
        while true {
            let n = POSIX.read(fd, into, count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            throw KCBXError(.input, "cannot read the file: \(reason)", file: url.path)
        }
    }

    /// Refills zlib's input when it is empty. Returns false at the end of the file.
    private func refillInput() throws(KCBXError) -> Bool {
        guard let stream, let input else { return false }
        if stream.pointee.avail_in > 0 { return true }
        if inputEOF { return false }
        let n = try readFile(input, Self.inputCapacity)
        if n == 0 { inputEOF = true; return false }
        compressedRead += Int64(n)
        stream.pointee.next_in = input
        stream.pointee.avail_in = uInt(n)
        return true
    }

    // unsafe: zlib and read(2) C APIs: z_stream and byte buffers are C memory
    private func inflate(into out: UnsafeMutablePointer<UInt8>, count: Int) throws(KCBXError) -> Int {
        guard let stream, !finished else { return 0 }
        stream.pointee.next_out = out
        stream.pointee.avail_out = uInt(min(count, Int(UInt32.max)))
        let wanted = Int(stream.pointee.avail_out)
        while stream.pointee.avail_out > 0 {
            if !inMember {
                // Between members: another member follows, or the data ends here.
                guard try refillInput() else { finished = true; break }
                if stream.pointee.next_in.pointee != 0x1f {
                    // Trailing zero padding (from tape tools or some exporters) is tolerated; anything else is not.
                    if try skipZeroPadding() { finished = true; break }
                    throw KCBXError(.input, "corrupt gzip file: unexpected data after the end of the compressed stream (at compressed byte \(compressedRead - Int64(stream.pointee.avail_in)))", file: url.path)
                }
                inflateReset(stream)
                inMember = true
            }
            _ = try refillInput()
            let status = CZlibGzip.inflate(stream, Z_NO_FLUSH)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                // No progress possible without input, and there is no more: the file was cut short.
                if stream.pointee.avail_in == 0, inputEOF, status == Z_BUF_ERROR || stream.pointee.avail_out > 0 {
                    throw KCBXError(.input, "truncated gzip file: the compressed data ends after \(compressedRead) bytes, in the middle of the stream; the file was cut short — copy or export it again", file: url.path)
                }
            case Z_STREAM_END:
                inMember = false
            default:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw KCBXError(.input, "corrupt gzip file: \(detail) (at compressed byte \(compressedRead - Int64(stream.pointee.avail_in)))", file: url.path)
            }
            let produced = wanted - Int(stream.pointee.avail_out)
            if bytesRead + Int64(produced) > maxInflated {
                throw KCBXError(.input, "gzip file inflates to more than \(limitText); refusing to inflate further (a gzip bomb, or set rules.max_inflated_mb higher)", file: url.path)
            }
            if status == Z_STREAM_END { continue }
        }
        return wanted - Int(stream.pointee.avail_out)
    }

    /// After the last member: true when everything left in the file is zero bytes.
    private func skipZeroPadding() throws(KCBXError) -> Bool {
        guard let stream else { return true }
        while try refillInput() {
            let available = Int(stream.pointee.avail_in)
            // unsafe: zlib and read(2) C APIs: z_stream and byte buffers are C memory
            let bytes = UnsafeBufferPointer(start: stream.pointee.next_in, count: available)
            if bytes.contains(where: { $0 != 0 }) { return false }
            stream.pointee.avail_in = 0
        }
        return true
    }

    /// A byte count for people: "8 GB", "64 MB", "1500 bytes".
    static func describe(_ bytes: Int64) -> String {
        if bytes >= 1 << 30, bytes % (1 << 30) == 0 { return "\(bytes >> 30) GB" }
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KB" }
        return "\(bytes) bytes"
    }
}

/// The POSIX calls used by the readers and writers, named so as not to clash with their methods.
enum POSIX {
    /// `open(2)` for reading.
    @inline(__always) static func openForReading(_ path: String) -> Int32 { open(path, O_RDONLY | O_CLOEXEC) }
    /// `open(2)` creating or truncating, with `mode` exactly.
    @inline(__always) static func create(_ path: String, mode: Int) -> Int32 {
        open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode))
    }
    // unsafe: zlib and read(2) C APIs: z_stream and byte buffers are C memory
    @inline(__always) static func read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { sysRead(fd, buffer, count) }
    @inline(__always) static func write(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { sysWrite(fd, p, n) }
    @inline(__always) static func close(_ fd: Int32) -> Int32 { sysClose(fd) }
    /// The text of `errno`.
    static var lastError: String { String(cString: strerror(errno)) }
}

// File-scope wrappers: here the names resolve to the C library, not to ``POSIX``'s own methods.
// unsafe: zlib and read(2) C APIs: z_stream and byte buffers are C memory
@inline(__always) private func sysRead(_ fd: Int32, _ b: UnsafeMutableRawPointer, _ n: Int) -> Int { read(fd, b, n) }
@inline(__always) private func sysWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }
@inline(__always) private func sysClose(_ fd: Int32) -> Int32 { close(fd) }
