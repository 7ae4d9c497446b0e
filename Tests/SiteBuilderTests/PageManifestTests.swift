import Foundation
import GitKit
import Testing
@testable import SiteBuilder

@Suite struct PageManifestTests {
    private func key(_ digit: Character) throws -> PageKey {
        PageKey(digest: try #require(ObjectID(hex: String(repeating: digit, count: 40))))
    }

    @Test func recordsAreInTheByteOrderOfTheirPaths() throws {
        var manifest = PageManifest()
        // By characters `a/ä` sorts before `a/z`; by bytes (0xC3 after `z`) it comes after.
        for (index, path) in ["a/z", "a/ä", "B", "a-b", "a/b", "a", "a/b/c"].enumerated() {
            manifest[path] = PageManifest.Record(key: try key("a"), stamp: "\(index):1:2.3")
        }
        manifest["bad\nname"] = PageManifest.Record(key: try key("b"), stamp: "9:9:9.9")
        let text = String(decoding: manifest.encoded, as: UTF8.self)
        let a = String(repeating: "a", count: 40)
        #expect(text == """
            runbook pages 1
            \(a) 2:1:2.3 B
            \(a) 5:1:2.3 a
            \(a) 3:1:2.3 a-b
            \(a) 4:1:2.3 a/b
            \(a) 6:1:2.3 a/b/c
            \(a) 0:1:2.3 a/z
            \(a) 1:1:2.3 a/ä

            """)
    }

    @Test func whatIsWrittenLoadsAgain() throws {
        var manifest = PageManifest()
        manifest["runbooks/x/index.html"] = PageManifest.Record(key: try key("1"), stamp: "10:20:30.40")
        manifest["tags/with space/index.html"] = PageManifest.Record(key: try key("F"), stamp: "1:2:3.4")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pages-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try FileSystem.replaceFile(file, manifest.encoded)
        #expect(PageManifest.load(from: file).records == manifest.records)
        #expect(PageManifest.load(from: file).encoded == manifest.encoded)
    }

    @Test(arguments: [
        "runbook pages 1\n" + String(repeating: "a", count: 40) + " 1:2:3.4 x",
        "runbook pages 2\n",
        "runbook pages 1\n" + String(repeating: "a", count: 39) + " 1:2:3.4 x\n",
        "runbook pages 1\n" + String(repeating: "g", count: 40) + " 1:2:3.4 x\n",
        "runbook pages 1\n" + String(repeating: "a", count: 40) + " 1:2:3.4\n",
        "runbook pages 1\n\n",
    ])
    func anythingMalformedLoadsAsNoRecords(text: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pages-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try FileSystem.replaceFile(file, Array(text.utf8))
        #expect(PageManifest.load(from: file).records.isEmpty)
    }
}
