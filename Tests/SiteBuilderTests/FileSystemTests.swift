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

        // From an open folder, as a build looks at the spare: never through a link either.
        let open = try #require(FileSystem.openFolder(folder))
        defer { close(open) }
        #expect(try FileSystem.entries(of: ".", in: open).map(\.name).sorted() == entries.map(\.name))
        #expect(try FileSystem.entries(of: "sub", in: open).isEmpty)
        #expect(throws: SiteWriteError.self) { try FileSystem.entries(of: "to-sub", in: open) }
        #expect(FileSystem.stamp(of: "file", in: open) == FileSystem.stamp(of: folder + "/file"))
        #expect(FileSystem.stamp(of: "file", in: open) != nil)
        #expect(FileSystem.stamp(of: "to-sub", in: open) == nil)
    }

    /// Longer than one piece of the comparison (256 KB), and not a multiple of it.
    private static let large = (0..<(600 << 10) + 7).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 11) }

    @Test func aFileHoldsItsBytesAndNoOthers() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("holds-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileSystem.makeDirectories(folder)
        try FileSystem.createFile(folder + "/large", Self.large)
        try FileSystem.createFile(folder + "/empty", [])
        #expect(FileSystem.fileHolds(folder + "/large", Self.large[...]))
        #expect(FileSystem.fileHolds(folder + "/empty", []))
        #expect(FileSystem.bytes(ofFile: folder + "/large") == Self.large)
        #expect(FileSystem.bytes(ofFile: folder + "/empty") == [])
        for position in [0, (256 << 10) - 1, 256 << 10, Self.large.count - 1] {
            var changed = Self.large
            changed[position] ^= 1
            #expect(!FileSystem.fileHolds(folder + "/large", changed[...]), "a difference at \(position)")
        }
        #expect(!FileSystem.fileHolds(folder + "/large", Self.large.dropLast()))
        #expect(!FileSystem.fileHolds(folder + "/large", (Self.large + [0])[...]))
        #expect(!FileSystem.fileHolds(folder + "/empty", [0]))
        #expect(!FileSystem.fileHolds(folder + "/missing", []))
        #expect(FileSystem.bytes(ofFile: folder + "/missing") == nil)
        #expect(!FileSystem.fileHolds(folder, []), "a folder holds no bytes")
        try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: folder + "/large")
        #expect(!FileSystem.fileHolds(folder + "/link", Self.large[...]), "never through a link")
        #expect(FileSystem.bytes(ofFile: folder + "/link") == nil)
    }

    /// A parted file is written by copying runs of the previous file (longer
    /// than one piece of a copy through a buffer, 1 MB) from the file itself.
    @Test func aPartedFileCopiesFromTheFileWithTheStampItWasRecordedWith() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pieces-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileSystem.makeDirectories(folder)
        let previous = Self.large + Self.large + Self.large
        let stamp = try FileSystem.createFile(folder + "/previous", previous)
        let pieces: [PartedFile.Piece] = [.rendered([1, 2, 3]), .previous(5..<previous.count - 9), .rendered([4])]
        let written = try FileSystem.createFile(folder + "/new", pieces: pieces, copyingFrom: folder + "/previous", stamp: stamp)
        #expect(FileSystem.bytes(ofFile: folder + "/new") == [1, 2, 3] + previous[5..<previous.count - 9] + [4])
        #expect(written == FileSystem.stamp(of: folder + "/new"))

        #expect(throws: SiteWriteError.self, "a file that is not the one recorded") {
            try FileSystem.createFile(folder + "/other", pieces: pieces, copyingFrom: folder + "/previous", stamp: "1:2:3.4")
        }
        #expect(throws: SiteWriteError.self, "a run past the file's end") {
            try FileSystem.createFile(
                folder + "/past", pieces: [.previous(0..<previous.count + 1)], copyingFrom: folder + "/previous", stamp: stamp)
        }
    }

    @Test func aPartedFileIsThePreviousFileOnlyWhenEveryByteIsInItsPlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("same-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileSystem.makeDirectories(folder)
        let stamp = try FileSystem.createFile(folder + "/previous", Self.large)
        let head = Self.large[..<10], tail = Self.large[(Self.large.count - 10)...]
        let path = folder + "/previous"
        #expect(FileSystem.file(path, stamp: stamp, is: [.rendered(head), .previous(10..<Self.large.count - 10), .rendered(tail)]))
        #expect(FileSystem.file(path, stamp: stamp, is: [.rendered(Self.large[...])]))
        #expect(!FileSystem.file(path, stamp: "1:2:3.4", is: [.rendered(Self.large[...])]), "another stamp")
        var changed = Array(tail)
        changed[9] ^= 1
        #expect(!FileSystem.file(path, stamp: stamp, is: [.rendered(head), .previous(10..<Self.large.count - 10), .rendered(changed[...])]))
        #expect(!FileSystem.file(path, stamp: stamp, is: [.rendered(head), .previous(11..<Self.large.count - 9), .rendered(tail.dropFirst())]),
                "a run copied from elsewhere")
        #expect(!FileSystem.file(path, stamp: stamp, is: [.rendered(head), .previous(10..<Self.large.count - 10)]), "shorter")
    }
}
