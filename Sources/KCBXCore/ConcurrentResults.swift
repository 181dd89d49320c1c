import Foundation

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
