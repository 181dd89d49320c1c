import Foundation

// The one place outside the C boundaries (libxml2, iconv, zlib, libxlsxwriter, SQLite, glibc, libFuzzer)
// where kcbx touches memory through pointers. The hot byte loops of ingest, normalize, link and the stage
// codec read and write through the few types here instead of holding pointers of their own:
//
// - ``UncheckedView`` (``ByteView`` for bytes): a view of elements another value owns, read without a
//   bounds check per element in release builds (checked in debug builds);
// - ``ByteBuffer``: the CSV parser's own growable byte buffer, filled in place by a C reader;
// - ``ByteSink``: bytes appended without an array's per-append checks (stage results, value tables);
// - ``ParallelBuffer``: a fixed buffer written from parallel work (each iteration its own indices);
// - `String(ascii:_:)`, `withByteView` scopes over a string's or an array's bytes, ``ByteView/isValidUTF8``.
//
// Every `unsafe` construct in this file carries its reason on the line above it. Code elsewhere uses these
// types with ordinary (safe) Swift; keep the set small and add a primitive here only when a measured hot
// loop needs it.

// MARK: - Views

/// A view of `count` elements another value owns (值的视图): a record's bytes in the CSV buffer, a value in a
/// ``ValueTable`` segment, a name's pinyin. Whoever lends a view keeps the elements alive and unchanged while
/// it is used; the lending functions say for how long. Indices are checked in debug builds only.
public struct UncheckedView<Element>: RandomAccessCollection {
    // unsafe: the view's start; the lender keeps the memory alive and unchanged while the view is used
    @usableFromInline let base: UnsafePointer<Element>?
    public let count: Int

    /// A view of `buffer` (readers at the C boundaries lend bytes libxml2 or a C buffer holds so).
    /// unsafe: takes the pointer of a buffer the caller lends (valid as long as the caller says)
    @inlinable public init(_ buffer: UnsafeBufferPointer<Element>) { base = buffer.baseAddress; count = buffer.count }

    /// No elements.
    @inlinable public init() { base = nil; count = 0 }

    /// A view of `array`'s storage beyond a closure: valid while `array` itself is kept alive and never
    /// changed (a ``ValueTable`` takes its immutable segments' storage once, so).
    @inlinable public init(pinning array: [Element]) {
        // unsafe: the pointer outlives the closure; the caller keeps the array alive and unchanged
        self = array.withUnsafeBufferPointer { UncheckedView($0) }
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    /// The element at `i` (checked in debug builds only).
    @inlinable public subscript(i: Int) -> Element {
        @inline(__always) get {
            assert(i >= 0 && i < count, "element \(i) outside a view of \(count)")
            // unsafe: unchecked load in release builds, within 0..<count by the assert above and the callers' loops
            return base.unsafelyUnwrapped[i]
        }
    }

    /// Elements `range` as a view of their own (indices from 0); the range is checked.
    @inlinable public func extracting(_ range: Range<Int>) -> UncheckedView<Element> {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "elements \(range) outside a view of \(count)")
        guard !range.isEmpty else { return UncheckedView() }
        // unsafe: a narrower view of the same memory (range checked above)
        return UncheckedView(UnsafeBufferPointer(start: base.unsafelyUnwrapped + range.lowerBound, count: range.count))
    }

    /// The elements as one buffer, for the standard library's fast paths (`Array.append(contentsOf:)`, `String(decoding:as:)`).
    @inlinable public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R? {
        // unsafe: lends the viewed memory for the call only
        try body(UnsafeBufferPointer(start: base, count: count))
    }
}

/// Bytes another value owns, as ``UncheckedView`` lends them (字节视图).
public typealias ByteView = UncheckedView<UInt8>

extension UncheckedView: Equatable where Element == UInt8 {
    /// The same bytes.
    @inlinable public static func == (a: ByteView, b: ByteView) -> Bool {
        guard a.count == b.count else { return false }
        guard a.count > 0 else { return true }
        // unsafe: memcmp over two views' memory, both count bytes long
        return memcmp(a.base.unsafelyUnwrapped, b.base.unsafelyUnwrapped, a.count) == 0
    }
}

extension UncheckedView: Hashable where Element == UInt8 {
    /// Hashes the bytes in one call (a `Hasher` takes bytes only as a raw buffer; per byte is slower).
    @inlinable public func hash(into hasher: inout Hasher) {
        // unsafe: lends the viewed bytes to the hasher for the call only
        hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(start: base, count: count)))
    }
}

extension UncheckedView where Element == UInt8 {
    /// The bytes as a string (invalid UTF-8 shown as U+FFFD).
    @inlinable public var string: String {
        // unsafe: lends the viewed bytes to String's decoder for the call only
        String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    }

    /// The first position in `range` holding `byte` (memchr), or nil.
    @inlinable public func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        guard !range.isEmpty else { return nil }
        let start = base.unsafelyUnwrapped + range.lowerBound
        // unsafe: memchr over the viewed bytes in range (checked above)
        guard let found = memchr(start, Int32(byte), range.count) else { return nil }
        return range.lowerBound + start.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether the bytes hold `byte` (memchr).
    @inlinable public func contains(byte: UInt8) -> Bool { firstIndex(of: byte, in: 0..<count) != nil }

    /// Whether the bytes are valid UTF-8 (no overlong forms, surrogates or truncated sequences); ASCII is
    /// skipped eight bytes at a time.
    public var isValidUTF8: Bool {
        var i = 0
        while i < count {
            // unsafe: an 8-byte load within the view (i + 8 <= count), to skip ASCII eight bytes at a time
            if i + 8 <= count, UnsafeRawPointer(base.unsafelyUnwrapped + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            let b = self[i]
            if b < 0x80 { i += 1; continue }
            @inline(__always) func continuation(_ k: Int) -> Bool { i + k < count && self[i + k] & 0xC0 == 0x80 }
            switch b {
            case 0xC2...0xDF:
                guard continuation(1) else { return false }
                i += 2
            case 0xE0...0xEF:
                guard continuation(1), continuation(2), !(b == 0xE0 && self[i + 1] < 0xA0), !(b == 0xED && self[i + 1] > 0x9F) else { return false }
                i += 3
            case 0xF0...0xF4:
                guard continuation(1), continuation(2), continuation(3), !(b == 0xF0 && self[i + 1] < 0x90), !(b == 0xF4 && self[i + 1] > 0x8F) else { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }
}

extension String {
    /// Calls `body` with the string's UTF-8 as a view, valid during the call (the string is made native
    /// first, as `withUTF8` does).
    @inlinable public mutating func withByteView<R>(_ body: (ByteView) throws -> R) rethrows -> R {
        // unsafe: String.withUTF8 lends its bytes for the call only
        try withUTF8 { try body(ByteView($0)) }
    }

    /// A string of `count` ASCII bytes, byte `i` being `byte(i)`, written in place (no array; ids made by
    /// the million). `byte` must return ASCII (below 0x80).
    @inlinable public init(ascii count: Int, _ byte: (Int) -> UInt8) {
        let n = Swift.max(count, 0)
        // unsafe: writes n bytes into the new string's own storage, indices 0..<n within the capacity asked for
        self.init(unsafeUninitializedCapacity: n) { buffer in
            for i in 0..<n { buffer[i] = byte(i) }
            return n
        }
    }
}

extension Array {
    /// Calls `body` with the array's elements as a view, valid during the call.
    @inlinable public func withView<R>(_ body: (UncheckedView<Element>) throws -> R) rethrows -> R {
        // unsafe: Array.withUnsafeBufferPointer lends its storage for the call only
        try withUnsafeBufferPointer { try body(UncheckedView($0)) }
    }
}

extension Array where Element: FixedWidthInteger {
    /// `count` integers stored little-endian in `bytes` (as ``BinaryWriter/append(raw:)-(RawSpan)`` wrote
    /// them), loaded straight into the new array.
    @inlinable public init(littleEndian bytes: [UInt8], count: Int) {
        let size = MemoryLayout<Element>.size
        precondition(count >= 0 && bytes.count >= count * size)
        // unsafe: loads count integers from the array's bytes (size checked above) into the new array's own storage
        self = bytes.withUnsafeBytes { raw in
            [Element](unsafeUninitializedCapacity: count) { buffer, n in
                for i in 0..<count { buffer[i] = Element(littleEndian: raw.loadUnaligned(fromByteOffset: i * size, as: Element.self)) }
                n = count
            }
        }
    }
}

// MARK: - Owned buffers

/// The CSV parser's byte buffer (解析缓冲区): read and written at any index without a bounds check in
/// release builds, grown for a long record, compacted in place, and filled by a C reader (read(2), zlib,
/// iconv). Views of it (``view(_:)``) are valid until it is next grown, compacted, filled or freed.
public final class ByteBuffer {
    // unsafe: the parser's own allocation; views into it are lent only until it next changes (see above)
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    public private(set) var capacity: Int

    public init(capacity: Int) {
        self.capacity = Swift.max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The byte at `i` (checked in debug builds only).
    @inlinable public subscript(i: Int) -> UInt8 {
        get { assert(i >= 0 && i < capacity); return base[i] }
        set { assert(i >= 0 && i < capacity); base[i] = newValue }
    }

    /// Bytes `range` as a view, valid until the buffer next changes size, place or content there.
    @inlinable public func view(_ range: Range<Int>) -> ByteView {
        precondition(range.lowerBound >= 0 && range.upperBound <= capacity)
        // unsafe: a view of the buffer's own bytes in range (checked above)
        return ByteView(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
    }

    /// Copies `bytes` to position `at` (room checked).
    @inlinable public func copy(_ bytes: ByteView, to at: Int) {
        precondition(at >= 0 && at + bytes.count <= capacity)
        guard let from = bytes.base, bytes.count > 0 else { return }
        // unsafe: copies count bytes into the buffer's own storage (room checked above)
        (base + at).update(from: from, count: bytes.count)
    }

    /// Moves bytes `range` to the start of the buffer (memmove: the ranges may overlap).
    public func moveToStart(_ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= capacity)
        // unsafe: memmove within the buffer's own storage (range checked above)
        if !range.isEmpty { memmove(base, base + range.lowerBound, range.count) }
    }

    /// Makes the buffer `newCapacity` bytes long, keeping its first `keeping` bytes.
    public func resize(to newCapacity: Int, keeping: Int) {
        precondition(keeping >= 0 && keeping <= Swift.min(capacity, newCapacity))
        // unsafe: a new allocation of the buffer's own, the kept bytes copied over and the old one freed
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(newCapacity, 1))
        grown.update(from: base, count: keeping)
        base.deallocate()
        base = grown
        capacity = Swift.max(newCapacity, 1)
    }

    /// Lets `read` write into bytes `start..<capacity` (a C reader: read(2), zlib, iconv) and returns what
    /// it returns, the bytes it wrote.
    public func fill<E: Error>(from start: Int, _ read: (UnsafeMutableRawBufferPointer) throws(E) -> Int) throws(E) -> Int {
        precondition(start >= 0 && start <= capacity)
        // unsafe: the free end of the buffer lent to a C reader for the call only
        let n = try read(UnsafeMutableRawBufferPointer(start: base + start, count: capacity - start))
        precondition(n >= 0 && n <= capacity - start)
        return n
    }
}

/// Bytes appended without an array's per-append uniqueness and capacity checks (追加写入的字节): a stage
/// result is tens of millions of small writes, a value table tens of millions of values. ``reserve(_:)``
/// makes room, then ``appendReserved(_:)`` stores without a check. Copies share the storage until one of
/// them appends, as an array's do.
public struct ByteSink: @unchecked Sendable { // unsafe: Sendable like an array: copies share the storage until one writes (isKnownUniquelyReferenced)
    /// Owns the allocation; `base`, the count and the capacity live in the sink itself, so a write is a store
    /// and no access to a class's properties.
    @usableFromInline final class Storage {
        // unsafe: the sink's own allocation, written only by a sink that holds it alone
        @usableFromInline let base: UnsafeMutablePointer<UInt8>
        @usableFromInline init(capacity: Int) { base = .allocate(capacity: capacity) }
        deinit { base.deallocate() }
    }
    @usableFromInline var storage: Storage
    // unsafe: the storage's start, kept in the sink so that a write is one store
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var used = 0
    /// Bytes appended.
    @inlinable public var count: Int { used }
    @usableFromInline var capacity: Int

    public init(capacity: Int = 1 << 16) {
        self.capacity = Swift.max(capacity, 64)
        storage = Storage(capacity: self.capacity)
        base = storage.base
    }

    /// The bytes appended (a copy).
    public var bytes: [UInt8] {
        // unsafe: copies the sink's own bytes out
        Array(UnsafeBufferPointer(start: base, count: used))
    }

    /// Forgets the bytes, keeping the storage.
    public mutating func removeAll() {
        if !isKnownUniquelyReferenced(&storage) { reallocate(minimum: capacity, keeping: 0) }
        used = 0
    }

    /// Makes room for `n` more bytes in storage this sink alone holds.
    @inlinable @inline(__always) public mutating func reserve(_ n: Int) {
        if used + n > capacity || !isKnownUniquelyReferenced(&storage) { reallocate(minimum: used + n, keeping: used) }
    }

    @usableFromInline mutating func reallocate(minimum: Int, keeping: Int) {
        let newCapacity = Swift.max(minimum, capacity * 2)
        let fresh = Storage(capacity: newCapacity)
        // unsafe: copies the kept bytes into the new storage
        fresh.base.update(from: base, count: keeping)
        storage = fresh
        base = fresh.base
        capacity = newCapacity
    }

    /// Appends a byte in room ``reserve(_:)`` made (checked in debug builds only).
    @inlinable @inline(__always) public mutating func appendReserved(_ byte: UInt8) {
        assert(used < capacity)
        // unsafe: a store within the room reserve(_:) made
        base[used] = byte
        used += 1
    }

    /// Appends `bytes` in room ``reserve(_:)`` made (checked in debug builds only).
    @inlinable @inline(__always) public mutating func appendReserved(_ bytes: ByteView) {
        assert(used + bytes.count <= capacity)
        guard let from = bytes.base, bytes.count > 0 else { return }
        // unsafe: copies into the room reserve(_:) made
        (base + used).update(from: from, count: bytes.count)
        used += bytes.count
    }

    /// Appends `bytes`.
    @inlinable public mutating func append(_ bytes: ByteView) {
        reserve(bytes.count)
        appendReserved(bytes)
    }

    /// Appends memory as it is (integers in machine order).
    @inlinable public mutating func append(_ raw: RawSpan) {
        // unsafe: RawSpan lends its bytes for the call only
        raw.withUnsafeBytes { append(ByteView($0.assumingMemoryBound(to: UInt8.self))) }
    }

    /// Appends `bytes` (contiguous storage copied in one go).
    @inlinable public mutating func append(contentsOf bytes: some Collection<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { append(ByteView($0)) }
        if done == nil { Array(bytes).withView { append($0) } }
    }
}

// MARK: - Shared state

/// A value guarded by a lock (加锁的值): the few places where threads share mutable state (a progress
/// line, the name cache) hold it so, and are then plainly `Sendable`.
public final class Locked<Value>: @unchecked Sendable { // unsafe: Sendable because every access to `value` holds `lock`
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, holding the lock.
    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock(); defer { lock.unlock() }
        return try body(&value)
    }
}

// MARK: - Parallel results

/// A fixed buffer of `count` elements written from parallel work (`DispatchQueue.concurrentPerform`, a
/// `DispatchGroup` of tasks): the one type for results made in parallel, from a slot per chunk to the
/// linkage's per-record arrays.
///
/// The contract, which is what lets it go without a lock:
/// - while the work runs, each iteration writes only its own indices (no index written by two iterations,
///   none written by one and read by another);
/// - the elements are read only after the parallel work is done (`concurrentPerform` returned, the group waited on).
///
/// Reading concurrently, with no writes, is fine (the linkage reads its feature arrays from every core).
/// Indices are checked in debug builds only: the linkage reads these in its hot loop.
///
/// ``ConcurrentResults`` is this buffer with optional slots (`nil` until written).
public final class ParallelBuffer<Element>: @unchecked Sendable { // unsafe: Sendable by the disjoint-index contract above, not by a lock
    // unsafe: the storage is raw so that disjoint indices are written from many threads without a lock or copy-on-write
    @usableFromInline let base: UnsafeMutablePointer<Element>
    public let count: Int
    /// Whether the buffer allocated its storage (else it lends an array's, see ``makeArray(capacity:_:)``).
    private let owned: Bool

    /// `count` elements, each `value`.
    public init(repeating value: Element, count: Int) {
        precondition(count >= 0)
        self.count = count
        base = .allocate(capacity: Swift.max(count, 1))
        base.initialize(repeating: value, count: count)
        owned = true
    }

    // unsafe: lends storage owned by `makeArray`, valid only during its `fill`
    private init(lending base: UnsafeMutablePointer<Element>, count: Int) {
        self.base = base; self.count = count; owned = false
    }

    deinit { if owned { base.deinitialize(count: count); base.deallocate() } }

    /// The element at `i`; written only by the iteration that owns `i`, read once the work is done.
    @inlinable public subscript(i: Int) -> Element {
        get { assert(i >= 0 && i < count); return base[i] }
        set { assert(i >= 0 && i < count); base[i] = newValue }
    }

    /// The elements, copied into an array (once the work is done).
    /// unsafe: the buffer's own storage, copied out whole
    public var values: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The first `n` elements, copied into an array.
    public func prefix(_ n: Int) -> [Element] {
        precondition(n >= 0 && n <= count)
        // unsafe: the buffer's own first n elements (checked above), copied out
        return Array(UnsafeBufferPointer(start: base, count: n))
    }

    /// Sorts the elements in `range` in place (the range one iteration owns).
    public func sort(_ range: Range<Int>) where Element: Comparable {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        // unsafe: sorts the owned range in place (checked above)
        var slice = UnsafeMutableBufferPointer(start: base + range.lowerBound, count: range.count)
        slice.sort()
    }

    /// An array of up to `capacity` elements made in parallel straight into its own storage (no copy, no
    /// retain/release of millions of values). `fill` gets the storage as a buffer of `capacity` uninitialized
    /// slots, which the iterations initialize with ``initialize(_:to:)`` (each its own), and returns `n`: on
    /// return exactly slots `0..<n` are initialized (close gaps with ``moveInitialize(_:from:count:)``,
    /// release extras with ``deinitialize(_:)``). The buffer must not outlive `fill`.
    public static func makeArray(capacity: Int, _ fill: (ParallelBuffer<Element>) -> Int) -> [Element] {
        // unsafe: the array's storage lent to the parallel work, initialized as `fill` promises
        [Element](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            guard let start = buffer.baseAddress else { initialized = 0; return }
            let lent = ParallelBuffer(lending: start, count: buffer.count)
            let n = fill(lent)
            precondition(n >= 0 && n <= capacity)
            initialized = n
        }
    }

    /// Initializes the uninitialized slot `i` (storage from ``makeArray(capacity:_:)``).
    @inlinable public func initialize(_ i: Int, to value: consuming Element) {
        assert(i >= 0 && i < count)
        (base + i).initialize(to: value)
    }

    /// Moves the `count` initialized elements at `source...` to the uninitialized slots at `i...` (which may overlap them).
    public func moveInitialize(_ i: Int, from source: Int, count n: Int) {
        precondition(i >= 0 && source >= 0 && i + n <= count && source + n <= count)
        guard n > 0, i != source else { return }
        (base + i).moveInitialize(from: base + source, count: n)
    }

    /// Releases the initialized elements in `range`, leaving the slots uninitialized.
    public func deinitialize(_ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        (base + range.lowerBound).deinitialize(count: range.count)
    }
}

