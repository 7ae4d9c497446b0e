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

    /// Longer than one piece of the comparison (256 KB), and not a multiple of it.
    private static let large = (0..<(600 << 10) + 7).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 11) }

    @Test func aFileHoldsItsBytesAndNoOthers() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("holds-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileSystem.makeDirectories(folder)
        try FileSystem.createFile(folder + "/large", Self.large)
        try FileSystem.createFile(folder + "/empty", [])
        #expect(FileSystem.fileHolds(folder + "/large", Self.large))
        #expect(FileSystem.fileHolds(folder + "/empty", []))
        #expect(FileSystem.bytes(ofFile: folder + "/large") == Self.large)
        #expect(FileSystem.bytes(ofFile: folder + "/empty") == [])
        for position in [0, (256 << 10) - 1, 256 << 10, Self.large.count - 1] {
            var changed = Self.large
            changed[position] ^= 1
            #expect(!FileSystem.fileHolds(folder + "/large", changed), "a difference at \(position)")
        }
        #expect(!FileSystem.fileHolds(folder + "/large", Array(Self.large.dropLast())))
        #expect(!FileSystem.fileHolds(folder + "/large", Self.large + [0]))
        #expect(!FileSystem.fileHolds(folder + "/empty", [0]))
        #expect(!FileSystem.fileHolds(folder + "/missing", []))
        #expect(FileSystem.bytes(ofFile: folder + "/missing") == nil)
        #expect(!FileSystem.fileHolds(folder, []), "a folder holds no bytes")
        try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: folder + "/large")
        #expect(!FileSystem.fileHolds(folder + "/link", Self.large), "never through a link")
        #expect(FileSystem.bytes(ofFile: folder + "/link") == nil)
    }
}
