import Foundation
import Testing

/// A rebuild leaves pages whose inputs did not change as they are, without
/// rendering them (`._site.pages` beside the site records what each was
/// rendered from).
/// Whatever changed, the site it leaves must be the site a fresh build makes.
@Suite("build: rebuilds keep unchanged pages and equal a fresh build")
struct IncrementalBuildTests {
    /// The DNS runbook with tags, an alert and a link to the disk runbook.
    private static func dns(summary: String = "Internal names stop resolving inside the cluster.") -> String {
        Fixtures.valid(summary: summary + " See [the disk runbook](disk.md).")
            .replacingOccurrences(of: "owner: team-net\n", with: "owner: team-net\ntags: [net, core]\nalerts: [DNSDown]\n")
    }

    private static func disk() -> String {
        Fixtures.valid().replacingOccurrences(of: "owner: team-net\n", with: "owner: team-storage\ntags: [core]\nalerts: [DiskFull]\n")
    }

    /// Files of a site.
    private func pages(_ folder: String) throws -> [String: Data] {
        try SiteSnapshot(folder).files
    }

    /// Builds into `_site` (updating it, with the caches in `.git/runbook/`)
    /// and into a new folder with no caches, and checks both agree.
    /// - Returns: the "(N written, M unchanged)" counts of the rebuild.
    @discardableResult
    private func rebuildMatchesFresh(_ repo: FixtureRepository, _ step: String) async throws -> (written: Int, kept: Int) {
        let rebuilt = try await repo.runbook("build")
        #expect(rebuilt.status == 0, "\(step): \(rebuilt)")
        let fresh = "fresh-\(UUID().uuidString)"
        let caches = repo.path + "/.git/runbook", aside = repo.path + "/.git/runbook-aside"
        try FileManager.default.moveItem(atPath: caches, toPath: aside)
        let built = try await repo.runbook("build", "--out", fresh)
        try FileManager.default.removeItem(atPath: caches)
        try FileManager.default.moveItem(atPath: aside, toPath: caches)
        #expect(built.status == 0, "\(step): \(built)")
        let updated = try pages(repo.path + "/_site"), expected = try pages(repo.path + "/" + fresh)
        #expect(updated.keys.sorted() == expected.keys.sorted(), "\(step): different files")
        for (path, bytes) in expected where updated[path] != bytes {
            Issue.record("\(step): \(path) differs from a fresh build")
        }
        try FileManager.default.removeItem(atPath: repo.path + "/" + fresh)
        let summary = rebuilt.stderrLines.last ?? ""
        let counts = summary.split(separator: "(").last?.split(separator: " ").compactMap { Int($0) } ?? []
        return (counts.first ?? -1, counts.dropFirst().first ?? -1)
    }

    @Test("every kind of change leaves the rebuilt site equal to a fresh one")
    func everyChangeMatchesAFreshBuild() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Self.dns())
        try repo.write("runbooks/disk.md", Self.disk())
        try await repo.commitAll("Add two runbooks")
        #expect(try await repo.runbook("build").status == 0)

        // Nothing under runbooks/ changes: only the pages naming the built commit are written.
        try repo.write("notes.txt", "not a runbook")
        try await repo.commitAll("Add notes")
        let quiet = try await rebuildMatchesFresh(repo, "an unrelated commit")
        #expect(quiet.written > 0 && quiet.written <= 4, "\(quiet)")

        try repo.write("runbooks/dns.md", Self.dns(summary: "Names stop resolving after a deploy."))
        try await repo.commitAll("Edit the DNS runbook")
        try await rebuildMatchesFresh(repo, "one runbook edited")

        try await repo.git(["mv", "runbooks/disk.md", "runbooks/storage-disk.md"])
        try await repo.commitAll("Rename the disk runbook")
        try await rebuildMatchesFresh(repo, "the linked runbook renamed")

        try repo.write("runbooks/dns.md", Self.dns().replacingOccurrences(of: "status: approved", with: "status: draft"))
        try await repo.commitAll("Withdraw the DNS runbook's approval")
        try await rebuildMatchesFresh(repo, "an approval withdrawn")

        try repo.write("runbook.yml", "site:\n  title: Ops runbooks\n  repo_url: https://git.example.com/ops/runbooks\n")
        try await repo.commitAll("Name the site")
        try await rebuildMatchesFresh(repo, "the config changed")

        try repo.write("site-template/history.mustache", "{{<layout}}{{$main}}<p class=changed>{{runbook.title}}</p>{{/main}}{{/layout}}\n")
        try await repo.commitAll("Override the history template")
        try await rebuildMatchesFresh(repo, "a template overridden")

        try repo.write("runbooks/cache.md", Self.disk().replacingOccurrences(of: "DiskFull", with: "CacheCold"))
        try await repo.commitAll("Add a third runbook")
        try await rebuildMatchesFresh(repo, "a runbook added")

        try await repo.git(["commit", "--allow-empty", "-m", "Nothing at all"])
        let again = try await rebuildMatchesFresh(repo, "an empty commit")
        #expect(again.written <= 4 && again.kept >= 19, "only the pages naming the commit: \(again)")
    }

    @Test("runbooks checked before are not parsed again, whatever other files come and go")
    func checkedRunbooksAreReused() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Self.dns())
        try repo.write("runbooks/disk.md", Self.disk())
        try await repo.commitAll("Add two runbooks")
        #expect(try await repo.runbook("build").status == 0)
        let cache = repo.path + "/.git/runbook/checked.cache"
        let written = try FileManager.default.attributesOfItem(atPath: cache)

        // Nothing new to record: the cache file is left as it was.
        try repo.write("notes.txt", "not a runbook")
        try await repo.commitAll("Add notes")
        try await rebuildMatchesFresh(repo, "a file added beside the runbooks")
        let after = try FileManager.default.attributesOfItem(atPath: cache)
        #expect(after[.systemFileNumber] as? Int == written[.systemFileNumber] as? Int, "the cache was written again")
        #expect(after[.modificationDate] as? Date == written[.modificationDate] as? Date, "the cache was written again")

        // Problems between runbooks come and go with edits the cache holds.
        try repo.write("runbooks/disk.md", Self.disk().replacingOccurrences(of: "owner: team-storage\n", with: "owner: team-storage\nid: dns\n"))
        try await repo.commitAll("Give the disk runbook the DNS runbook's id")
        try await rebuildMatchesFresh(repo, "a duplicate id")
        try repo.write("runbooks/disk.md", Self.disk())
        try await repo.commitAll("Take it back")
        try await rebuildMatchesFresh(repo, "the duplicate id gone")

        // The DNS runbook links to the disk runbook: its problems follow the tree.
        try await repo.git(["rm", "-q", "runbooks/disk.md"])
        try await repo.commitAll("Remove the disk runbook")
        try await rebuildMatchesFresh(repo, "a linked runbook removed")
    }

    @Test("a kept page changed by hand is rendered again, in both the live site and the spare")
    func aPageChangedByHandIsRenderedAgain() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Self.dns())
        try repo.write("runbooks/disk.md", Self.disk())
        try await repo.commitAll("Add two runbooks")
        #expect(try await repo.runbook("build").status == 0)
        try await repo.git(["commit", "--allow-empty", "-m", "Second"])
        #expect(try await repo.runbook("build").status == 0)

        // The page is hard-linked between the live site and the spare: both see the edit.
        let page = repo.path + "/_site/runbooks/disk/index.html"
        let original = try Data(contentsOf: URL(fileURLWithPath: page))
        let handle = try #require(FileHandle(forWritingAtPath: page))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("<!-- edited by hand -->".utf8))
        try handle.close()

        for step in ["first rebuild", "second rebuild"] {
            try await repo.git(["commit", "--allow-empty", "-m", step])
            try await rebuildMatchesFresh(repo, step)
            #expect(try Data(contentsOf: URL(fileURLWithPath: page)) == original, "\(step)")
        }
    }

    @Test("a damaged page record is ignored: every page is rendered and compared")
    func aDamagedRecordIsIgnored() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Self.dns())
        try await repo.commitAll("Add the DNS runbook")
        #expect(try await repo.runbook("build").status == 0)
        let manifest = repo.path + "/._site.pages"
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        #expect(text.hasPrefix("runbook pages 1\n"), "\(text)")
        #expect(text.contains(" runbooks/dns/index.html\n"), "\(text)")
        try (text + "not a record\n").write(toFile: manifest, atomically: true, encoding: .utf8)
        try await repo.git(["commit", "--allow-empty", "-m", "Again"])
        try await rebuildMatchesFresh(repo, "after a damaged record")
    }
}
