import GitKit
import RunbookCore
import Testing
@testable import SiteBuilder

@Suite struct SiteLayoutTests {
    @Test(arguments: [
        ("etcd-no-leader", "etcd-no-leader"), ("KubePodCrashLooping", "KubePodCrashLooping"), ("v1.2_x", "v1.2_x"),
        ("..", "-"), (".", "-"), (".hidden", "-hidden"), ("a b  c", "a-b-c"), ("a/b", "a-b"), ("a\\b", "a-b"),
        ("tab\there", "tab-here"), ("nul\u{0}x", "nul-x"), ("Überprüfung", "Uberprufung"), ("日本", "-"), ("", "_"),
        ("<script>", "-script-"), ("café:latte", "cafe-latte"),
    ])
    func segmentsAreCleaned(name: String, expected: String) {
        #expect(PathSegment.sanitize(name) == expected)
    }

    @Test func longNamesAreCut() {
        #expect(PathSegment.sanitize(String(repeating: "a", count: 300)).count == PathSegment.maximumLength)
    }

    @Test func idsKeepTheirFolders() {
        #expect(PathSegment.segments(of: "etcd/no-leader") == ["etcd", "no-leader"])
        #expect(PathSegment.segments(of: "../../etc/passwd") == ["-", "-", "etc", "passwd"])
        #expect(PathSegment.segments(of: "//") == ["_"])
        #expect(PathSegment.segments(of: "/a//b/") == ["a", "b"])
        // A combining mark makes `/` part of another character, which does not split the name.
        #expect(PathSegment.segments(of: "a/\u{301}b/c") == ["a-b", "c"])
    }

    private func makeLayout(ids: [String], tags: [String] = [], alerts: [String] = []) -> SiteLayout {
        let files = ids.enumerated().map { index, id in
            (path: "runbooks/r\(index).md",
             text: "---\nid: '\(id.replacing("'", with: "''"))'\ntags: [\(tags.map { "'\($0)'" }.joined(separator: ", "))]\nalerts: [\(alerts.map { "'\($0)'" }.joined(separator: ", "))]\n---\n# T\n")
        }
        return SiteLayout(catalog: TestCatalog.make(files), assetPaths: ["site.css", "site.js"], linkStyle: .indexFiles)
    }

    @Test func namesThatCleanTheSameAreToldApartCleanNamesFirst() {
        let layout = makeLayout(ids: ["db failover", "db-failover", "DB-Failover", "db?failover"])
        #expect((0..<4).map { layout.runbookFolders["runbooks/r\($0).md"] } == [
            "runbooks/db-failover-3", "runbooks/db-failover", "runbooks/DB-Failover-2", "runbooks/db-failover-4",
        ])
        #expect((0..<4).map { layout.historyFolders["runbooks/r\($0).md"] } == [
            "history/db-failover-3", "history/db-failover", "history/DB-Failover-2", "history/db-failover-4",
        ])
    }

    @Test func duplicateIdsGetTheirOwnPages() {
        let layout = makeLayout(ids: ["same", "same"])
        #expect(layout.runbookFolders["runbooks/r0.md"] == "runbooks/same")
        #expect(layout.runbookFolders["runbooks/r1.md"] == "runbooks/same-2")
    }

    @Test func manyEqualIdsStayFast() {
        var registry = OutputPathRegistry()
        let folders = (0..<20_000).map { _ in registry.claimPage(under: "runbooks", segments: ["same"]) }
        #expect(folders.first == "runbooks/same")
        #expect(folders.last == "runbooks/same-20000")
        #expect(Set(folders).count == 20_000)
    }

    @Test func idsCannotTakeTheSitesOwnFiles() {
        // Runbook pages live under runbooks/, so ids named like the site's folders are harmless;
        // an id that would turn a page file into a folder is moved instead.
        let layout = makeLayout(ids: ["tags", "alerts", "index.json", "a", "a/index.html", "a/index.html/b"])
        #expect((0..<6).map { layout.runbookFolders["runbooks/r\($0).md"] } == [
            "runbooks/tags", "runbooks/alerts", "runbooks/index.json", "runbooks/a", "runbooks/a/index.html-2",
            "runbooks/a-index.html-b",
        ])
    }

    @Test func tagsAndAlertsAreOneFolderEach() {
        let layout = makeLayout(ids: ["x"], tags: ["db", "a/b", "index.html", "DB"], alerts: ["Kube:Down", "../../../etc"])
        // Claimed in sorted order, so `DB` (before `db`) keeps its name; folders are told apart without case.
        #expect(layout.tagFolders == ["DB": "tags/DB", "a/b": "tags/a-b", "db": "tags/db-2", "index.html": "tags/index.html-2"])
        #expect(layout.alertFolders == ["Kube:Down": "alerts/Kube-Down", "../../../etc": "alerts/--..-..-etc"])
    }

    @Test func registryRefusesFileAndFolderClashes() {
        var registry = OutputPathRegistry()
        // #expect cannot call mutating methods, so the results are collected first.
        let claims = ["assets/site.css", "assets/SITE.CSS", "assets/site.css/x", "assets"].map { registry.claimFile($0) }
        #expect(claims == [true, false, false, false])
        let page = registry.claimPage(under: "assets", segments: ["site.css"])
        #expect(page == "assets/site.css-2")
    }

    @Test func linksAreRelative() {
        let layout = makeLayout(ids: ["x"])
        #expect(layout.link(from: "", to: "runbooks/x") == "runbooks/x/index.html")
        #expect(layout.link(from: "tags/db", to: "") == "../../index.html")
        #expect(layout.link(from: "runbooks/a/b", toFile: "assets/site.css") == "../../../assets/site.css")
        let served = SiteLayout(catalog: TestCatalog.make([]), assetPaths: [], linkStyle: .directories)
        #expect(served.link(from: "", to: "") == "./")
        #expect(served.link(from: "tags/db", to: "runbooks/x") == "../../runbooks/x/")
    }

    /// A layout made while the history was read is used only for the catalog it
    /// was made from: the same runbooks in the same order, with the same ids,
    /// tags and alerts, assets and link style; lineage does not matter.
    @Test func aLayoutMadeEarlyFitsOnlyItsOwnCatalog() {
        let files = ["a", "b"].map { (path: "runbooks/\($0).md", text: "---\nid: \($0)\ntags: [x]\nalerts: [A\($0)]\n---\n# T\n") }
        let catalog = TestCatalog.make(files)
        let layout = SiteLayout(placements: catalog.entries.map { SiteLayout.Placement($0.runbook) }, assetPaths: ["site.css"], linkStyle: .indexFiles)
        let change = LineageChange(
            commit: ObjectID(hex: String(repeating: "1", count: 40))!, author: Signature(name: "A", email: "a@x", time: 0, offsetMinutes: 0),
            subject: "s", kind: .added, path: "runbooks/a.md", renamedFrom: nil, blob: nil)
        let withHistory = TestCatalog.make(files, lineages: ["runbooks/a.md": Lineage(changes: [change], approval: nil, truncated: false)])
        #expect(layout.fits(withHistory, assetPaths: ["site.css"], linkStyle: .indexFiles))
        #expect(!layout.fits(catalog, assetPaths: ["site.css", "more.css"], linkStyle: .indexFiles))
        #expect(!layout.fits(catalog, assetPaths: ["site.css"], linkStyle: .directories))
        var retagged = files
        retagged[1].text = retagged[1].text.replacing("tags: [x]", with: "tags: [y]")
        var renamed = files
        renamed[0].text = renamed[0].text.replacing("id: a", with: "id: c")
        var moved = files
        moved[1].path = "runbooks/c.md"
        for other in [retagged, renamed, moved, Array(files.prefix(1))] {
            #expect(!layout.fits(TestCatalog.make(other), assetPaths: ["site.css"], linkStyle: .indexFiles))
        }
    }

    /// A site given a layout that does not fit its catalog lays it out again:
    /// the same files and bytes as a site given none, and as one given its own.
    @Test func aSiteGivenALayoutThatDoesNotFitLaysItOutAgain() throws {
        let files = ["a", "b"].map { (path: "runbooks/\($0).md", text: "---\nid: \($0)\ntags: [x]\n---\n# T\n") }
        let catalog = TestCatalog.make(files)
        let template = try SiteTemplate()
        let other = TestCatalog.make([(path: "runbooks/b.md", text: "---\nid: a\ntags: [y]\n---\n# T\n")])
        func rendered(_ layout: SiteLayout?) throws -> [String: [UInt8]] {
            let output = MemorySiteOutput()
            try Site(catalog: catalog, template: template, layout: layout).render(into: output)
            return output.files
        }
        let expected = try rendered(nil)
        #expect(try rendered(SiteLayout(placements: other.entries.map { SiteLayout.Placement($0.runbook) }, template: template)) == expected)
        #expect(try rendered(SiteLayout(placements: catalog.entries.map { SiteLayout.Placement($0.runbook) }, template: template)) == expected)
        #expect(expected["runbooks/a/index.html"] != nil && expected["tags/x/index.html"] != nil)
    }

    /// Every page folder with the folders above it, each after its parent.
    @Test func aLayoutListsEveryFolderAfterItsParent() {
        let layout = makeLayout(ids: ["etcd/no-leader", "etcd/slow", "dns"], tags: ["net"], alerts: ["DNSDown"])
        let folders = layout.folders
        let pages = [layout.runbookFolders, layout.historyFolders, layout.tagFolders, layout.alertFolders].flatMap { $0.values }
        #expect(Set(pages).isSubset(of: Set(folders)))
        #expect(Set(folders).count == folders.count)
        for (position, folder) in folders.enumerated() {
            if let slash = folder.lastIndex(of: "/") {
                #expect(folders[..<position].contains(String(folder[..<slash])), "\(folder) after its parent")
            }
        }
        #expect(folders.contains("runbooks/etcd") && folders.contains("history") && folders.contains("alerts"))
    }
}

@Suite struct PathSegmentLimitTests {
    @Test func aVeryDeepIdBecomesAtMostEightFoldersOfAtMostAHundredBytes() {
        let id = Array(repeating: "a", count: 10_000).joined(separator: "/")
        let segments = PathSegment.segments(of: id)
        #expect(segments.count == PathSegment.maximumDepth)
        #expect(segments.allSatisfy { $0.utf8.count <= PathSegment.maximumLength })
        #expect(PathSegment.segments(of: "etcd/no-leader") == ["etcd", "no-leader"])
    }
}
