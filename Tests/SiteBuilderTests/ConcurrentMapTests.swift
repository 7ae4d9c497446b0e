@testable import SiteBuilder
import Testing

@Suite struct ConcurrentMapTests {
    @Test(arguments: [0, 1, 255, 256, 257, 1_000, 10_007])
    func resultsComeInTheElementsOrder(_ count: Int) {
        let numbers = Array(0..<count)
        #expect(numbers.concurrentMap(runLength: 256) { $0 * 3 + 1 } == numbers.map { $0 * 3 + 1 })
        #expect(numbers.concurrentMap(runLength: 7) { String($0) } == numbers.map { String($0) })
    }
}
