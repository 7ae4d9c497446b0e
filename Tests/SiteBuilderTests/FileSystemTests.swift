import Foundation
import Testing
@testable import SiteBuilder

@Suite struct FileSystemTests {
    @Test func entriesSayWhatEachIsWithoutFollowingLinks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entries-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileSystem.makeDirectories(folder + "/sub")
        try FileSystem.createFile(folder + "/file", [1])
        try FileManager.default.createSymbolicLink(atPath: folder + "/to-sub", withDestinationPath: folder + "/sub")
        try FileManager.default.createSymbolicLink(atPath: folder + "/dangling", withDestinationPath: folder + "/nowhere")
        let entries = try FileSystem.entries(of: folder).sorted { $0.name < $1.name }
        #expect(entries.map(\.name) == ["dangling", "file", "sub", "to-sub"])
        #expect(entries.map(\.kind) == [.symbolicLink, .file, .directory, .symbolicLink])
        #expect(try FileSystem.contents(of: folder).sorted() == entries.map(\.name))
    }
}
