import Foundation

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

extension ParallelBuffer where Element: ExpressibleByNilLiteral {
    /// `count` empty slots.
    public convenience init(count: Int) { self.init(repeating: nil, count: count) }
}

/// A fixed number of slots filled from concurrent work, `nil` until written, read once all are done:
/// a ``ParallelBuffer`` of optionals, under the same contract (each iteration writes its own slots).
public typealias ConcurrentResults<T> = ParallelBuffer<T?>

/// Items `0..<count` made in parallel a window at a time, the next window made while the consumer
/// uses the current one: a stage result is encoded on the cores while the store writes the parts
/// before it, and never held whole.
public struct ParallelAhead<Output>: Sequence, IteratorProtocol {
    private let count: Int
    private let window: Int
    private let make: @Sendable (Int) -> Output
    private var pending: (start: Int, group: DispatchGroup, results: ConcurrentResults<Output>)?
    private var current: [Output] = []
    private var index = 0

    /// `window` items are made at once (one per core is the least that keeps every core busy).
    public init(count: Int, window: Int = 2 * ProcessInfo.processInfo.activeProcessorCount, make: @escaping @Sendable (Int) -> Output) {
        self.count = count; self.window = Swift.max(1, window); self.make = make
        pending = launch(0)
    }

    private func launch(_ start: Int) -> (start: Int, group: DispatchGroup, results: ConcurrentResults<Output>)? {
        guard start < count else { return nil }
        let n = Swift.min(window, count - start)
        let results = ConcurrentResults<Output>(count: n)
        let group = DispatchGroup()
        let make = make
        DispatchQueue.global().async(group: group) {
            DispatchQueue.concurrentPerform(iterations: n) { results[$0] = make(start + $0) }
        }
        return (start, group, results)
    }

    public mutating func next() -> Output? {
        if index == current.count {
            guard let made = pending else { return nil }
            made.group.wait()
            current = made.results.values.map { $0! }
            index = 0
            pending = launch(made.start + current.count)
        }
        defer { index += 1 }
        return current[index]
    }
}
