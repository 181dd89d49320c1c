import Foundation
import KCBXCore
import Testing

/// The one helper that holds raw memory outside the C libraries: each primitive does what the safe
/// Swift it replaces would.
@Suite("UncheckedMemory")
struct UncheckedMemoryTests {
    @Test("a byte view reads, slices, searches and compares as the bytes do", arguments: [
        ("张伟,13800138000", UInt8(0x2C), 6), ("abc", 0x2C, -1), ("", 0x2C, -1), (",", 0x2C, 0),
    ])
    func byteView(_ text: String, _ byte: UInt8, _ expected: Int) {
        let bytes = Array(text.utf8)
        bytes.withView { view in
            #expect(Array(view) == bytes)
            #expect(view.string == text)
            #expect(view.firstIndex(of: byte, in: 0..<view.count) ?? -1 == expected)
            #expect(view.contains(byte: byte) == (expected >= 0))
            var copy = text
            copy.withByteView { other in
                #expect(other == view)
                var a = Hasher(), b = Hasher()
                other.hash(into: &a); view.hash(into: &b)
                #expect(a.finalize() == b.finalize())
            }
            if view.count >= 2 {
                #expect(Array(view.extracting(1..<view.count)) == Array(bytes.dropFirst()))
                #expect(view.extracting(0..<1) != view.extracting(1..<2) || bytes[0] == bytes[1])
            }
        }
    }

    @Test("a sink appends bytes, spans and strings; a copy keeps its bytes when the original writes on")
    func sink() {
        var sink = ByteSink(capacity: 1)
        sink.reserve(2); sink.appendReserved(0x41); sink.appendReserved(0x42)
        sink.append(contentsOf: "学籍".utf8)
        let numbers: [UInt16] = [1, 0x0203]
        sink.append(numbers.span.bytes)
        let copy = sink
        sink.append(contentsOf: [0xFF])
        #expect(copy.bytes == [0x41, 0x42] + Array("学籍".utf8) + [1, 0, 3, 2])
        #expect(sink.count == copy.count + 1)
        #expect([UInt16](littleEndian: Array(copy.bytes.suffix(4)), count: 2) == numbers)
        sink.removeAll()
        #expect(sink.bytes.isEmpty && copy.count == 12)
    }

    @Test("the CSV buffer is filled by a reader, compacted and grown with its bytes kept")
    func buffer() {
        let buffer = ByteBuffer(capacity: 8)
        let n = buffer.fill(from: 0) { space in
            for (i, b) in "ab,cd".utf8.enumerated() { space[i] = b }
            return 5
        }
        #expect(n == 5 && buffer.view(0..<5).string == "ab,cd")
        buffer.moveToStart(3..<5)
        #expect(buffer.view(0..<2).string == "cd")
        buffer.resize(to: 64, keeping: 2)
        Array("ef".utf8).withView { buffer.copy($0, to: 2) }
        buffer[4] = 0x67
        #expect(buffer.capacity == 64 && buffer.view(0..<5).string == "cdefg")
    }

    @Test("ASCII strings are written byte by byte", arguments: [(0, ""), (3, "ABC"), (-1, "")])
    func ascii(_ count: Int, _ expected: String) {
        #expect(String(ascii: count) { UInt8(0x41 + $0) } == expected)
    }

    @Test("a locked value counts every thread's additions")
    func locked() {
        let total = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 1000) { _ in total.withLock { $0 += 1 } }
        #expect(total.withLock { $0 } == 1000)
    }
}
