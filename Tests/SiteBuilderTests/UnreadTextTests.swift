import Foundation
import MarkdownKit
import RunbookCore
import Testing
@testable import SiteBuilder

/// A runbook whose text the build left unread is read when its page is
/// rendered; when it cannot be, the build fails and the site stays as it was.
@Suite struct UnreadTextTests {
    @Test func aPageWhoseTextCannotBeReadFailsTheBuildAndLeavesTheSite() throws {
        var catalog = TestCatalog.standard
        catalog.entries[0].runbook.document = MarkdownDocument(nodes: [])
        catalog.entries[0].source = nil
        let site = Site(catalog: catalog, template: try SiteTemplate())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unread-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let writer = SiteDirectoryWriter(directory: folder)
        // A previous site without the page, so that it has to be rendered.
        let previous = TestCatalog.make([("runbooks/db/failover.md", TestCatalog.failover)])
        try writer.replace { try Site(catalog: previous, template: try SiteTemplate()).render(into: $0) }
        let before = files(folder)

        #expect {
            try writer.replace { try site.render(into: $0) }
        } throws: { error in
            "\(error)".contains(catalog.entries[0].runbook.path) && "\(error)".contains("not read")
        }
        #expect(files(folder) == before, "the previous site is left as it was")
    }

    /// Every file under `folder`, by relative path.
    private func files(_ folder: String) -> [String: Data] {
        let paths = FileManager.default.subpaths(atPath: folder) ?? []
        return Dictionary(uniqueKeysWithValues: paths.compactMap { path in
            FileManager.default.contents(atPath: folder + "/" + path).map { (path, $0) }
        })
    }

    /// The stamp a new folder's page is recorded with is the one the next build finds.
    @Test func aPageWrittenIntoANewFolderIsRecordedWithTheStampItHas() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stamp-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = FolderOutput(
            root: folder, rootIsNew: true, rootPages: PageManifest(), previous: nil, previousPages: PageManifest(),
            previousParts: PartManifest())
        let key = PageKey(digest: TestCatalog.commit("a"))
        try output.write(Array("<p>page</p>".utf8), to: "runbooks/etcd/index.html", key: key)
        try output.write(PartedFile(bytes: Array("{}\n".utf8), ranges: [0..<2], keys: [key]), to: "index.json")
        #expect(output.manifest["runbooks/etcd/index.html"]?.stamp == FileSystem.stamp(of: folder + "/runbooks/etcd/index.html"))
        #expect(output.partManifest.files["index.json"]?.stamp == FileSystem.stamp(of: folder + "/index.json"))
    }
}
