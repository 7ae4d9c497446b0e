import Foundation
import Testing
@testable import RunbookCore

@Suite("Writing runbooks and drafts without losing anyone's work")
struct ProtectedFileWriterTests {
    /// A fresh folder, removed when the test ends.
    final class Folder {
        let path: String
        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-writer-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        func read(_ name: String) -> String? {
            FileManager.default.contents(atPath: path + "/" + name).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    private func draftText(_ title: String) throws -> String {
        var options = DraftOptions(source: "history")
        options.title = title
        return try #require(try HistoryDrafter(config: Config()).drafts(from: Array(HistoryFixtures.bash.utf8), options: options).first).text
    }

    @Test("a new file is created with its folders, and nothing is left beside it")
    func creates() throws {
        let folder = try Folder()
        let path = folder.path + "/drafts/deep/x.md"
        #expect(try ProtectedFileWriter.write("hello\n", to: path, overwrite: .never) == .created)
        #expect(folder.read("drafts/deep/x.md") == "hello\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/drafts/deep") == ["x.md"])
        #expect(try ProtectedFileWriter.write("hello\n", to: path, overwrite: .never) == .unchanged)
    }

    @Test("an existing file is never replaced without being allowed to")
    func neverOverwrites() throws {
        let folder = try Folder()
        let path = folder.path + "/x.md"
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: AuthoringError.self) { try ProtectedFileWriter.write("new\n", to: path, overwrite: .never) }
        #expect(throws: AuthoringError.self) { try ProtectedFileWriter.write("new\n", to: path, overwrite: .untouchedDrafts) }
        #expect(folder.read("x.md") == "mine\n")
        #expect(try ProtectedFileWriter.write("new\n", to: path, overwrite: .anyFile) == .replaced)
        #expect(folder.read("x.md") == "new\n")
    }

    @Test("a draft nobody touched is replaced with --force; one a human edited only with --force-human")
    func humanEdits() throws {
        let folder = try Folder()
        let path = folder.path + "/draft.md"
        let first = try draftText("First")
        let second = try draftText("Second")
        #expect(DraftFingerprint.isUntouchedDraft(Array(first.utf8)))
        #expect(try ProtectedFileWriter.write(first, to: path, overwrite: .never) == .created)
        #expect(try ProtectedFileWriter.write(second, to: path, overwrite: .untouchedDrafts) == .replaced)

        let edited = second.replacingOccurrences(of: "TODO: what is broken", with: "The payments API is down")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        #expect(!DraftFingerprint.isUntouchedDraft(Array(edited.utf8)))
        let refusal = ProtectedFileWriter.refusal(for: path, text: first, overwrite: .untouchedDrafts)
        #expect(refusal?.description.contains("was edited since it was drafted") == true)
        #expect(throws: AuthoringError.self) { try ProtectedFileWriter.write(first, to: path, overwrite: .untouchedDrafts) }
        #expect(folder.read("draft.md") == edited)
        #expect(try ProtectedFileWriter.write(first, to: path, overwrite: .anyFile) == .replaced)
        #expect(folder.read("draft.md") == first)
    }

    @Test("symbolic links and folders in the way are refused, never followed")
    func notRegularFiles() throws {
        let folder = try Folder()
        try Data("target\n".utf8).write(to: URL(fileURLWithPath: folder.path + "/target.md"))
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/link.md", withDestinationPath: folder.path + "/target.md")
        try FileManager.default.createDirectory(atPath: folder.path + "/dir.md", withIntermediateDirectories: true)
        for name in ["link.md", "dir.md"] {
            #expect(throws: AuthoringError.self) { try ProtectedFileWriter.write("x\n", to: folder.path + "/" + name, overwrite: .anyFile) }
        }
        #expect(folder.read("target.md") == "target\n")
    }
}
