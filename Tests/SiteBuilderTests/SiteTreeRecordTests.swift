import Foundation
import Testing
@testable import SiteBuilder

/// A folder whose stamp is the one in the tree record is not listed: its
/// entries are the record's. Only settled stamps are recorded, a folder
/// that changed is listed again, and a damaged or doctored record is not used.
@Suite struct SiteTreeRecordTests {
    private static func paths(_ listing: FolderListing) -> [String] {
        listing.entries.map(\.path).sorted()
    }

    private static func folder(_ entries: [(String, Bool)]) -> SiteTreeRecord.Folder {
        SiteTreeRecord.Folder(
            stamp: FolderStamp(inode: 7, modified: 1_000, changed: 2_000),
            entries: entries.map { SiteTreeRecord.Entry(name: $0.0, isFolder: $0.1) })
    }

    @Test func aRecordGivesBackWhatItRecorded() throws {
        let scratch = try ScratchFolder("tree-record")
        let folders = ["a": Self.folder([("index.html", false), ("b", true)]), "a/b": Self.folder([]), "c d/é": Self.folder([("...", false)])]
        try SiteTreeRecord(folders: folders).write(to: scratch.path + "/.site.tree")
        #expect(SiteTreeRecord.load(from: scratch.path + "/.site.tree").folders == folders)
        #expect(SiteTreeRecord.load(from: scratch.path + "/.missing.tree").folders.isEmpty)
    }

    /// The sweep deletes entries by the names a record gives: a record naming
    /// anything but plain entries below the site is not used at all.
    @Test func aDamagedOrDoctoredRecordIsNotUsed() throws {
        let scratch = try ScratchFolder("tree-record")
        let file = scratch.path + "/.site.tree"
        for name in ["", ".", "..", "a/b", "../x", "a\u{0}"] {
            try SiteTreeRecord(folders: ["a": Self.folder([("index.html", false), (name, false)])]).write(to: file)
            #expect(SiteTreeRecord.load(from: file).folders.isEmpty, "entry \(name.debugDescription)")
        }
        for path in ["", "/a", "a/", "a//b", "a/../b", "..", "./a", "a/."] {
            try SiteTreeRecord(folders: ["a": Self.folder([]), path: Self.folder([])]).write(to: file)
            #expect(SiteTreeRecord.load(from: file).folders.isEmpty, "folder \(path.debugDescription)")
        }
        try SiteTreeRecord(folders: ["a": Self.folder([("index.html", false)])]).write(to: file)
        var bytes = try #require(FileManager.default.contents(atPath: file))
        bytes[bytes.count - 3] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: file))
        #expect(SiteTreeRecord.load(from: file).folders.isEmpty, "a flipped bit")
    }

    @Test func foldersWithTheirRecordedStampAreNotListed() throws {
        let scratch = try ScratchFolder("tree-record")
        let root = scratch.path + "/site"
        for page in ["index.html", "a/x.html", "a/b/y.html", "c/z.html"] { try scratch.write("site/" + page) }
        try scratch.backdateFolders(under: "site")
        let first = try FolderListing(of: root, now: FileSystem.now(in: scratch.path))
        #expect(first.listedCount == 4)
        #expect(Set(first.known.keys) == ["a", "a/b", "c"], "settled stamps: all but the root's")

        let second = try FolderListing(of: root, recorded: SiteTreeRecord(folders: first.known), now: FileSystem.now(in: scratch.path))
        #expect(second.listedCount == 1, "only the root")
        #expect(Self.paths(second) == Self.paths(first))
        #expect(second.known == first.known)

        // A file added, and a folder gone: each changes its folder's stamp.
        try scratch.write("site/a/new.html")
        try FileManager.default.removeItem(atPath: root + "/c")
        let third = try FolderListing(of: root, recorded: SiteTreeRecord(folders: second.known), now: FileSystem.now(in: scratch.path))
        #expect(third.listedCount == 2, "the root and a")
        #expect(Self.paths(third) == ["a", "a/b", "a/b/y.html", "a/new.html", "a/x.html", "index.html"])
        #expect(third.known["c"] == nil, "gone")
        #expect(third.known["a/b"] == second.known["a/b"])
        // Known again only if it changed before the clock's last tick, and then as it is now.
        #expect(third.known["a"].map { $0.entries.contains(SiteTreeRecord.Entry(name: "new.html", isFolder: false)) } != false)
    }

    /// A stamp taken in the clock's tick of the folder's last change could
    /// stay the same through another change in that tick: it is not recorded.
    @Test func onlySettledStampsAreKnown() throws {
        let scratch = try ScratchFolder("tree-record")
        try scratch.write("site/a/x.html")
        #expect(try FolderListing(of: scratch.path + "/site", now: 0).known.isEmpty, "changed after the clock was read")
        #expect(try FolderListing(of: scratch.path + "/site").known.isEmpty, "no clock")
        try scratch.backdateFolders(under: "site")
        #expect(try FolderListing(of: scratch.path + "/site", now: FileSystem.now(in: scratch.path)).known.keys.sorted() == ["a"])
    }

    private func writeSite(_ files: [String: String], to directory: String, listing: SpareListing? = nil) throws {
        try SiteDirectoryWriter(directory: directory).replace(spareListing: listing) { output in
            for (path, text) in files.sorted(by: { $0.key < $1.key }) { try output.write(Array(text.utf8), to: path) }
        }
    }

    /// Every folder in a record that still has the stamp recorded holds
    /// exactly the entries recorded for it. (Those a build changed or
    /// deleted after they were listed are recorded as they were.)
    /// Returns how many it looked at.
    @discardableResult
    private func expectTrue(_ record: String, of site: String) throws -> Int {
        let root = try #require(FileSystem.openFolder(site))
        defer { close(root) }
        var checked = 0
        for (folder, recorded) in SiteTreeRecord.load(from: record).folders where FolderStamp(of: folder, in: root) == recorded.stamp {
            checked += 1
            let entries = try FileSystem.entries(of: site + "/" + folder).map { SiteTreeRecord.Entry(name: $0.name, isFolder: $0.kind == .directory) }
            #expect(entries.sorted { $0.name < $1.name } == recorded.entries.sorted { $0.name < $1.name }, "\(folder)")
        }
        return checked
    }

    /// After a commit, a build lists only the spare's folders that changed
    /// since it was recorded; what is stale in the others is swept all the
    /// same, and the site is what a new folder would have been given.
    @Test func theSpareIsSweptFromItsRecord() throws {
        let scratch = try ScratchFolder("tree-record")
        let site = scratch.path + "/site"
        var pages = ["runbooks/a/index.html": "a", "runbooks/b/index.html": "b", "runbooks/c/index.html": "c", "tags/x/index.html": "x"]
        for build in 1...4 {
            pages["index.html"] = "build \(build)"
            try writeSite(pages, to: site)
            try expectTrue(scratch.path + "/.site.tree", of: site)
            if build > 1 { try expectTrue(scratch.path + "/.site.spare.tree", of: scratch.path + "/.site.spare") }
            // The live site and the spare as if written long ago: the next
            // build that lists them records their folders' settled stamps.
            if build == 2 {
                try scratch.backdateFolders(under: "site")
                try scratch.backdateFolders(under: ".site.spare")
            }
        }
        try scratch.write(".site.spare/runbooks/b/stray.html", "left by hand")
        pages["runbooks/c/index.html"] = nil
        pages["index.html"] = "build 5"
        let listing = try #require(SiteDirectoryWriter(directory: site).listSpare())
        #expect(try listing.entries.value.get().listedCount == 2, "the root, and runbooks/b, which gained a file")
        try writeSite(pages, to: site, listing: listing)

        try writeSite(pages, to: scratch.path + "/fresh")
        let written = try FileManager.default.subpathsOfDirectory(atPath: site).sorted()
        #expect(written == (try FileManager.default.subpathsOfDirectory(atPath: scratch.path + "/fresh").sorted()))
        #expect(!written.contains("runbooks/c"))
        #expect(try expectTrue(scratch.path + "/.site.tree", of: site) == 3, "runbooks/a, tags and tags/x; runbooks lost c, runbooks/b its stray")
    }
}
