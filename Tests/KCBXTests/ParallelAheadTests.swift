import Testing
import KCBXCore

/// Items made in parallel a window ahead come out all, once, in order.
@Suite struct ParallelAheadTests {
    @Test(arguments: [(0, 4), (1, 4), (7, 2), (100, 3), (5, 1)])
    func everyItemInOrder(_ count: Int, _ window: Int) {
        let made = Array(ParallelAhead(count: count, window: window) { i in "part \(i)" })
        #expect(made == (0..<count).map { "part \($0)" })
    }
}
