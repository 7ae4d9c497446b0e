import Foundation
import Testing
@testable import SiteBuilder

/// The binary carries `site-template/` as generated Swift; this fails when someone
/// edits a template or asset and forgets `scripts/embed-site-template`.
@Suite struct BuiltInTemplateTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("site-template")

    @Test func generatedFileMatchesTheFolder() throws {
        let root = Self.folder.path
        let onDisk = try FileManager.default.subpathsOfDirectory(atPath: root)
            .filter { $0.hasSuffix(".mustache") || $0.hasPrefix("assets/") }
            .filter { path in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory) && !isDirectory.boolValue
            }
        let message = "Sources/SiteBuilder/BuiltInTemplate.swift is out of date: run scripts/embed-site-template"
        #expect(Set(onDisk) == Set(BuiltInTemplate.files.keys), "\(message)")
        for path in onDisk {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: root + "/" + path)))
            #expect(BuiltInTemplate.files[path] == bytes, "\(path): \(message)")
        }
    }

    @Test func builtInTemplateCompiles() throws {
        _ = try SiteTemplate()
    }
}
