import Foundation
import Testing
@testable import SiteBuilder

@Suite struct SiteDirectoryWriterTests {
    struct Boom: Error {}

    private func writeSite(_ files: [String: String], to directory: String) throws -> SiteWriteSummary {
        try SiteDirectoryWriter(directory: directory).replace { output in
            for (path, text) in files.sorted(by: { $0.key < $1.key }) { try output.write(Array(text.utf8), to: path) }
        }
    }

    @Test func writesANewSiteWithItsMarker() throws {
        let scratch = try ScratchFolder("site-writer")
        let summary = try writeSite(["index.html": "home", "runbooks/a/b/index.html": "page"], to: scratch.path + "/out/site")
        #expect(summary == SiteWriteSummary(written: 2, reused: 0))
        #expect(scratch.read("out/site/index.html") == "home")
        #expect(scratch.read("out/site/runbooks/a/b/index.html") == "page")
        #expect(scratch.read("out/site/.runbook-site") == SiteDirectoryWriter.markerText)
        #expect(scratch.entries("out") == [".site.pages", ".site.parts", ".site.tree", "site"], "beside the site: what its pages were rendered from")
    }

    @Test func replacesThePreviousSiteAndReusesUnchangedFiles() throws {
        let scratch = try ScratchFolder("site-writer")
        let site = scratch.path + "/site"
        _ = try writeSite(["index.html": "home", "old.html": "gone soon", "same.css": "body {}"], to: site)
        let before = try FileManager.default.attributesOfItem(atPath: site + "/same.css")[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.02)
        let summary = try writeSite(["index.html": "new home", "same.css": "body {}"], to: site)
        #expect(summary == SiteWriteSummary(written: 1, reused: 1))
        #expect(scratch.entries("site") == [".runbook-site", "index.html", "same.css"])
        #expect(scratch.read("site/index.html") == "new home")
        let after = try FileManager.default.attributesOfItem(atPath: site + "/same.css")[.modificationDate] as? Date
        #expect(before == after)
        #expect(
            scratch.entries() == [".site.pages", ".site.parts", ".site.spare", ".site.spare.pages", ".site.spare.tree", ".site.tree", "site"], "the replaced site is kept for the next build")
    }

    @Test func laterBuildsBringTheSpareUpToDateWithoutTouchingTheLiveSite() throws {
        let scratch = try ScratchFolder("site-writer")
        let site = scratch.path + "/site"
        func inode(_ path: String) throws -> Int {
            try #require(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int)
        }
        _ = try writeSite(["index.html": "one", "a/page.html": "a", "b/page.html": "b", "same.css": "css"], to: site)
        _ = try writeSite(["index.html": "two", "a/page.html": "a", "b/page.html": "b", "same.css": "css"], to: site)
        let liveCSS = try inode(site + "/same.css")
        // The spare (the first site) is updated: two files change, one page goes, one folder becomes a file.
        let summary = try writeSite(["index.html": "three", "a/page.html": "a2", "same.css": "css", "b": "now a file"], to: site)
        #expect(summary == SiteWriteSummary(written: 3, reused: 1))
        #expect(scratch.entries("site") == [".runbook-site", "a", "b", "index.html", "same.css"])
        #expect(scratch.read("site/index.html") == "three")
        #expect(scratch.read("site/a/page.html") == "a2")
        #expect(scratch.read("site/b") == "now a file")
        #expect(try inode(site + "/same.css") == liveCSS, "unchanged files keep their inode")
        // The site before (now the spare) still holds what it held: nothing was written in place.
        #expect(scratch.read(".site.spare/index.html") == "two")
        #expect(scratch.read(".site.spare/b/page.html") == "b")
        #expect(scratch.entries() == [".site.pages", ".site.parts", ".site.spare", ".site.spare.pages", ".site.spare.tree", ".site.tree", "site"])
    }

    @Test func updatingTheSpareRemovesWhatTheBuildDidNotWriteWithoutFollowingLinks() throws {
        let scratch = try ScratchFolder("site-writer")
        let site = scratch.path + "/site"
        let pages = ["index.html", "a/page.html", "a/b/c/page.html", "a/b/d/page.html"]
        _ = try writeSite(Dictionary(uniqueKeysWithValues: pages.map { ($0, "one") }), to: site)
        _ = try writeSite(Dictionary(uniqueKeysWithValues: pages.map { ($0, "two") }), to: site)
        // Left in the spare by something else: folders, files, and links to a folder outside.
        try scratch.write("outside/keep.html", "not the site's")
        for stray in ["stale/page.html", "a/extra.html", "a/b/c/extra.html", "a/b/stale/deep/page.html"] {
            try scratch.write(".site.spare/" + stray, "old")
        }
        for link in [".site.spare/a/link", ".site.spare/link", ".site.spare/a/b/c/link"] {
            try FileManager.default.createSymbolicLink(atPath: scratch.path + "/" + link, withDestinationPath: scratch.path + "/outside")
        }
        _ = try writeSite(Dictionary(uniqueKeysWithValues: pages.map { ($0, "three") }), to: site)
        #expect(scratch.entries("site") == [".runbook-site", "a", "index.html"])
        #expect(scratch.entries("site/a") == ["b", "page.html"])
        #expect(scratch.entries("site/a/b") == ["c", "d"])
        #expect(scratch.entries("site/a/b/c") == ["page.html"])
        #expect(scratch.read("site/a/b/d/page.html") == "three")
        #expect(scratch.read("outside/keep.html") == "not the site's")
    }

    /// The spare is listed as the build begins and swept when it ends: a
    /// folder holding only stale files that the build writes into stays,
    /// a stale file where the build wants a folder gives way to the folder,
    /// and a stale tree deeper than any page goes whole.
    @Test func updatingTheSpareKeepsWhatTheBuildWroteIntoStaleFolders() throws {
        let scratch = try ScratchFolder("site-writer")
        let site = scratch.path + "/site"
        _ = try writeSite(["index.html": "one"], to: site)
        _ = try writeSite(["index.html": "two"], to: site)
        try scratch.write(".site.spare/new/old.html", "stale")
        try scratch.write(".site.spare/gone/deeper/old.html", "stale")
        try scratch.write(".site.spare/file-then-folder", "stale")
        let deep = (1...300).map { "d\($0)" }.joined(separator: "/")
        try scratch.write(".site.spare/" + deep + "/old.html", "stale")
        _ = try writeSite(["index.html": "three", "new/page.html": "new", "file-then-folder/page.html": "folder"], to: site)
        #expect(scratch.entries("site") == [".runbook-site", "file-then-folder", "index.html", "new"])
        #expect(scratch.entries("site/new") == ["page.html"])
        #expect(scratch.read("site/new/page.html") == "new")
        #expect(scratch.read("site/file-then-folder/page.html") == "folder")
    }

    /// Files the build writes after the spare was listed, where the listing
    /// has a folder, and folders where it has a file: the build's stay, and
    /// what was listed under them is not looked for.
    @Test func theSweepFollowsWhatTheBuildWroteAfterTheListing() throws {
        let scratch = try ScratchFolder("site-writer")
        let site = scratch.path + "/site"
        _ = try writeSite(["index.html": "one", "b/page.html": "b", "c": "file"], to: site)
        _ = try writeSite(["index.html": "two", "b/page.html": "b", "c": "file"], to: site)
        try scratch.write(".site.spare/d/stale.html", "stale")
        try SiteDirectoryWriter(directory: site).replace { output in
            try #require(output as? FolderOutput).waitForListing()
            for (path, text) in [("index.html", "three"), ("b", "now a file"), ("c/page.html", "now a folder"), ("d/new.html", "new")] {
                try output.write(Array(text.utf8), to: path)
            }
        }
        #expect(scratch.entries("site") == [".runbook-site", "b", "c", "d", "index.html"])
        #expect(scratch.read("site/b") == "now a file")
        #expect(scratch.read("site/c/page.html") == "now a folder")
        #expect(scratch.entries("site/d") == ["new.html"])
    }

    /// The spare listed as the build starts is the listing the build sweeps
    /// from: what was stale then goes, and what came later is not looked for
    /// (the next build's listing finds it). There is nothing to list for a
    /// build into a new folder.
    @Test func theSpareListedAsTheBuildStartsIsSweptFrom() throws {
        let scratch = try ScratchFolder("site-writer")
        let site = scratch.path + "/site"
        let writer = SiteDirectoryWriter(directory: site)
        #expect(writer.listSpare() == nil, "a first build")
        _ = try writeSite(["index.html": "one"], to: site)
        #expect(writer.listSpare() == nil, "a second build writes a new folder: there is no spare yet")
        _ = try writeSite(["index.html": "two"], to: site)
        try scratch.write(".site.spare/stale/page.html", "stale")
        let listing = try #require(writer.listSpare())
        _ = try listing.entries.value.get()
        try scratch.write(".site.spare/later.html", "after the listing")
        try writer.replace(spareListing: listing) { output in
            try output.write(Array("three".utf8), to: "index.html")
        }
        #expect(scratch.entries("site") == [".runbook-site", "index.html", "later.html"])
        #expect(scratch.read("site/index.html") == "three")
    }

    /// Folders made before the build are the build's when it writes a new
    /// folder; none are made when it will update the spare; unused, they go.
    @Test func foldersPreparedAheadAreUsedByABuildIntoANewFolder() throws {
        let scratch = try ScratchFolder("site-writer")
        let site = scratch.path + "/out/site"
        let writer = SiteDirectoryWriter(directory: site)
        let prepared = try #require(writer.prepare { ["runbooks", "runbooks/a", "tags"] })
        let summary = try writer.replace(prepared: prepared) { output in
            try output.write(Array("page".utf8), to: "runbooks/a/index.html")
            try output.write(Array("home".utf8), to: "index.html")
        }
        #expect(summary == SiteWriteSummary(written: 2, reused: 0))
        #expect(scratch.read("out/site/runbooks/a/index.html") == "page")
        #expect(scratch.entries("out/site") == [".runbook-site", "index.html", "runbooks", "tags"])
        #expect(scratch.entries("out") == [".site.pages", ".site.parts", ".site.tree", "site"])

        _ = try writeSite(["index.html": "two"], to: site)
        #expect(writer.prepare { Issue.record("the folders are not asked for"); return ["runbooks"] } == nil, "the next build updates the spare")
        #expect(scratch.entries("out") == [".site.pages", ".site.parts", ".site.spare", ".site.spare.pages", ".site.spare.tree", ".site.tree", "site"])

        let unused = try #require(SiteDirectoryWriter(directory: scratch.path + "/other").prepare { ["a"] })
        #expect(scratch.entries(".other.new-\(ProcessInfo.processInfo.processIdentifier)") == ["a"])
        unused.discard()
        #expect(scratch.entries() == ["out"], "nothing left of the unused folders")
    }

    /// A build stopped before it swapped its new folder in leaves it; the next
    /// build deletes it once that process is gone, and nothing else.
    @Test func newFoldersOfStoppedBuildsAreDeleted() throws {
        let scratch = try ScratchFolder("site-writer")
        let site = scratch.path + "/site"
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let gone = finished.processIdentifier
        let alive = getppid()
        for folder in [".site.new-\(gone)/runbooks/a", ".site.new-\(alive)/runbooks/a", ".site.old-\(gone)/runbooks/a"] {
            try scratch.write(folder + "/index.html", "left")
        }
        _ = try writeSite(["index.html": "home"], to: site)
        #expect(scratch.entries() == [".site.new-\(alive)", ".site.old-\(gone)", ".site.pages", ".site.parts", ".site.tree", "site"])
    }

    @Test func aFailureLeavesThePreviousSiteAsItWas() throws {
        let scratch = try ScratchFolder("site-writer")
        let site = scratch.path + "/site"
        _ = try writeSite(["index.html": "home", "runbooks/x/index.html": "x"], to: site)
        #expect(throws: Boom.self) {
            try SiteDirectoryWriter(directory: site).replace { output in
                try output.write(Array("half".utf8), to: "index.html")
                try output.write(Array("new".utf8), to: "runbooks/y/index.html")
                throw Boom()
            }
        }
        #expect(scratch.read("site/index.html") == "home")
        #expect(scratch.read("site/runbooks/x/index.html") == "x")
        #expect(scratch.entries("site/runbooks") == ["x"])
        // No half-written folder is left beside it.
        #expect(scratch.entries() == [".site.pages", ".site.parts", ".site.tree", "site"])
    }

    @Test func refusesAFolderThatIsNotASite() throws {
        let scratch = try ScratchFolder("site-writer")
        try scratch.write("home/.bashrc", "keep me")
        let home = scratch.path + "/home"
        #expect(throws: SiteWriteError(
            "\(home) is not empty and holds no site from runbook (no .runbook-site file); refusing to replace it: choose a new or empty folder")) {
            try writeSite(["index.html": "x"], to: home)
        }
        #expect(scratch.read("home/.bashrc") == "keep me")
        #expect(scratch.entries() == ["home"])
    }

    @Test func refusesARepositoryEvenWithACopiedMarker() throws {
        let scratch = try ScratchFolder("site-writer")
        try scratch.write("checkout/.runbook-site", "copied from a published site")
        try scratch.write("checkout/.git/HEAD", "ref: refs/heads/main")
        let checkout = scratch.path + "/checkout"
        #expect(throws: SiteWriteError("\(checkout) holds a Git repository (.git); refusing to replace it: choose another folder")) {
            try writeSite(["index.html": "x"], to: checkout)
        }
        #expect(scratch.read("checkout/.git/HEAD") == "ref: refs/heads/main")
    }

    @Test func refusesAFolderThatGainedFilesWhileTheSiteWasRendered() throws {
        let scratch = try ScratchFolder("site-writer")
        let target = scratch.path + "/out"
        #expect(throws: SiteWriteError.self) {
            try SiteDirectoryWriter(directory: target).replace { output in
                try output.write(Array("x".utf8), to: "index.html")
                try scratch.write("out/notes.txt", "written meanwhile")
            }
        }
        #expect(scratch.read("out/notes.txt") == "written meanwhile")
        #expect(scratch.entries() == ["out"], "the new folder is removed")
    }

    @Test func refusesLinksAndFilesButTakesEmptyFolders() throws {
        let scratch = try ScratchFolder("site-writer")
        try FileManager.default.createDirectory(atPath: scratch.path + "/target", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/link", withDestinationPath: scratch.path + "/target")
        #expect(throws: SiteWriteError("\(scratch.path)/link is a symbolic link; give the folder it points to, or a new folder")) {
            try writeSite(["index.html": "x"], to: scratch.path + "/link")
        }
        try scratch.write("file", "data")
        #expect(throws: SiteWriteError("\(scratch.path)/file exists and is not a folder")) {
            try writeSite(["index.html": "x"], to: scratch.path + "/file")
        }
        _ = try writeSite(["index.html": "x"], to: scratch.path + "/target")
        #expect(scratch.read("target/index.html") == "x")
        #expect(throws: SiteWriteError("refusing to write a site over the root folder /")) {
            try writeSite(["index.html": "x"], to: "/tmp/../..")
        }
    }

    @Test func renderingASiteIntoAFolderMatchesMemory() throws {
        let scratch = try ScratchFolder("site-writer")
        let site = Site(catalog: TestCatalog.standard, template: try SiteTemplate())
        let memory = MemorySiteOutput()
        try site.render(into: memory)
        try SiteDirectoryWriter(directory: scratch.path + "/site").replace { try site.render(into: $0) }
        for (path, bytes) in memory.files {
            #expect(FileManager.default.contents(atPath: scratch.path + "/site/" + path).map { [UInt8]($0) } == bytes, "\(path)")
        }
        #expect(memory.files.count == site.fileCount)
    }
}
