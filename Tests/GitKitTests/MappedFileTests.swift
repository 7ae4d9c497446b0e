import Foundation
import Testing
@testable import GitKit

@Suite struct MappedFileTests {
    @Test func givesPagesBackPastItsLimitAndStillReadsTheFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mapped-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let content = (0..<(9 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ $0 >> 9) }
        try Data(content).write(to: URL(fileURLWithPath: path))
        // Room for two 2 MB blocks: reading the whole file gives pages back twice,
        // and reads spanning two blocks count both.
        let file = try #require(MappedFile(path: path, residentLimit: 4 << 20))
        for start in stride(from: 0, to: content.count, by: 4096) {
            file.noteTouched(start..<min(start + 5000, content.count))
            #expect(file.bytes[start] == content[start])
        }
        #expect(Array(file.bytes) == content)
        #expect(MappedFile(path: path + ".missing", residentLimit: 1) == nil)
        #expect(MappedFile(path: FileManager.default.temporaryDirectory.path, residentLimit: 1) == nil)
    }
}
