import Foundation
import Testing

@Suite("build: the site and index.json")
struct BuildTests {
    /// `runbook build` in `repo`, into `repo/_site` unless told otherwise.
    private func build(_ repo: FixtureRepository, _ arguments: String...) async throws -> ProcessResult {
        try await repo.runbook(["build"] + arguments)
    }

    private func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    private func index(_ site: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: site + "/index.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("a build writes every page kind and an index.json that validates against the schema it ships")
    func buildsSiteAndIndex() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try await repo.commitAll("Add the DNS runbook")
        let result = try await build(repo)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        let summary = try #require(result.stderrLines.last)
        #expect(summary.hasPrefix("built 1 runbook into _site/: "), "\(result)")
        #expect(summary.contains("0 errors, 0 warnings in "), "\(result)")
        let site = repo.path + "/_site"
        for file in ["index.html", "404.html", "index.json", "index.schema.json", "sitemap.xml", "feed.atom",
                     "runbooks/dns/index.html", "history/dns/index.html", "changes/index.html", "tags/index.html",
                     "alerts/index.html", "assets/site.css"] {
            #expect(FileManager.default.fileExists(atPath: site + "/" + file), "\(file) is missing")
        }
        #expect(try SchemaCheck.problems(site: site).isEmpty)
        let json = try index(site)
        let runbook = try #require((json["runbooks"] as? [[String: Any]])?.first)
        #expect(runbook["id"] as? String == "dns")
        let commit = try await repo.revParse("HEAD")
        #expect(((json["source"] as? [String: Any])?["commit"] as? String) == commit)
        #expect(((runbook["lineage"] as? [String: Any])?["commits"] as? [String]) == [commit])
    }

    @Test("two builds of one commit are byte-identical, and the second rewrites nothing")
    func reproducible() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try await repo.commitAll("Add the DNS runbook")
        #expect(try await build(repo, "--out", "one").status == 0)
        #expect(try await build(repo, "--out", "two").status == 0)
        let one = try SiteSnapshot(repo.path + "/one"), two = try SiteSnapshot(repo.path + "/two")
        #expect(one.files.keys.sorted() == two.files.keys.sorted())
        for (path, bytes) in one.files { #expect(two.files[path] == bytes, "\(path) differs between builds") }
        let again = try await build(repo, "--out", "one")
        #expect(again.stderrLines.last?.contains("(0 written, ") == true, "\(again)")
    }

    @Test("after a commit that changes one runbook, the other runbook's pages are kept from the previous site")
    func rebuildKeepsUnchangedPages() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try repo.write("runbooks/disk.md", Fixtures.valid())
        try await repo.commitAll("Add two runbooks")
        #expect(try await build(repo).status == 0)
        let site = repo.path + "/_site"
        func inode(_ path: String) throws -> Int {
            try #require(try FileManager.default.attributesOfItem(atPath: site + "/" + path)[.systemFileNumber] as? Int)
        }
        let before = try (inode("runbooks/disk/index.html"), inode("history/disk/index.html"), inode("runbooks/dns/index.html"))
        try repo.write("runbooks/dns.md", Fixtures.valid(summary: "Names stop resolving after a deploy."))
        try await repo.commitAll("Edit the DNS runbook")
        let result = try await build(repo)
        #expect(result.status == 0, "\(result)")
        #expect(try inode("runbooks/disk/index.html") == before.0, "an unchanged page is hard-linked, not rewritten")
        #expect(try inode("history/disk/index.html") == before.1)
        #expect(try inode("runbooks/dns/index.html") != before.2, "the changed runbook's page is new")
        #expect(try read(site + "/runbooks/dns/index.html").contains("Names stop resolving after a deploy."))
    }

    @Test("a build that fails leaves the previous site untouched")
    func failedBuildKeepsOldSite() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try await repo.commitAll("Add the DNS runbook")
        #expect(try await build(repo).status == 0)
        let before = try SiteSnapshot(repo.path + "/_site")
        // A template that does not parse fails the build after the runbooks are read.
        try repo.write("site-template/runbook.mustache", "{{#broken}}\n")
        try await repo.commitAll("Break the template")
        let failed = try await build(repo)
        #expect(failed.status == 2, "\(failed)")
        #expect(failed.stderr.contains("site-template/runbook.mustache"), "\(failed)")
        #expect(try SiteSnapshot(repo.path + "/_site").files == before.files)
        // `._site.pages` and `._site.parts` record what the live site's pages were rendered from,
        // `._site.layout` where its pages go, `._site.tree` what its folders hold.
        let records: Set = ["._site.pages", "._site.parts", "._site.layout", "._site.tree"]
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: repo.path)
            .filter { $0.hasPrefix("._site") && !records.contains($0) }
        #expect(leftovers.isEmpty, "temporary folders left behind: \(leftovers)")
    }

    @Test("--out never replaces a folder that holds something other than a site")
    func refusesForeignFolder() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try await repo.commitAll("Add the DNS runbook")
        try repo.write("notes/keep.txt", "precious")
        let result = try await build(repo, "--out", "notes")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("refusing to replace"), "\(result)")
        #expect(try read(repo.path + "/notes/keep.txt") == "precious")
    }

    @Test("--rev builds another commit; --worktree builds uncommitted files with lineage from HEAD")
    func revisionAndWorktree() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try await repo.commitAll("Add the DNS runbook")
        let first = try await repo.revParse("HEAD")
        try repo.write("runbooks/disk.md", Fixtures.valid())
        try await repo.commitAll("Add the disk runbook")
        try repo.write("runbooks/draft.md", Fixtures.valid())

        #expect(try await build(repo, "--rev", "HEAD~1", "--out", "old").status == 0)
        let old = try index(repo.path + "/old")
        #expect((old["runbooks"] as? [[String: Any]])?.map { $0["id"] as? String } == ["dns"])
        #expect(((old["source"] as? [String: Any])?["commit"] as? String) == first)

        #expect(try await build(repo, "--worktree", "--out", "preview").status == 0)
        let preview = try index(repo.path + "/preview")
        let runbooks = try #require(preview["runbooks"] as? [[String: Any]])
        #expect(runbooks.map { $0["id"] as? String } == ["disk", "dns", "draft"])
        let draftLineage = try #require(runbooks[2]["lineage"] as? [String: Any])
        #expect((draftLineage["commits"] as? [String]) == [], "an uncommitted runbook has no history yet")
        #expect(((preview["source"] as? [String: Any])?["worktree"] as? Bool) == true)
        #expect(try SchemaCheck.problems(site: repo.path + "/preview").isEmpty)

        let both = try await build(repo, "--worktree", "--rev", "HEAD")
        #expect(both.status == 2, "\(both)")
    }

    @Test("an empty repository fails with a clear message; --worktree still previews its files")
    func emptyRepository() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        let result = try await build(repo)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("HEAD has no commits yet"), "\(result)")
        #expect(result.stderr.contains("--worktree"), "\(result)")
        let preview = try await build(repo, "--worktree")
        #expect(preview.status == 0, "\(preview)")
        #expect(try SchemaCheck.problems(site: repo.path + "/_site").isEmpty)
    }

    @Test("a detached HEAD and a repository with a submodule build")
    func detachedHeadAndSubmodule() async throws {
        let library = try await FixtureRepository(name: "library")
        try library.write("README.md", "a library\n")
        try await library.commitAll("Library")
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try await repo.git(["-c", "protocol.file.allow=always", "submodule", "add", "-q", library.path, "runbooks/vendor"])
        try await repo.commitAll("Add the DNS runbook and a submodule")
        try await repo.git(["checkout", "-q", "--detach", "HEAD"])
        let result = try await build(repo)
        #expect(result.status == 0, "\(result)")
        #expect((try index(repo.path + "/_site")["runbooks"] as? [[String: Any]])?.count == 1)
    }

    @Test("a shallow clone warns and marks lineage truncated; --require-full-history makes it an error")
    func shallowClone() async throws {
        let origin = try await FixtureRepository()
        for day in 1...3 {
            try origin.write("runbooks/dns.md", Fixtures.valid(summary: "Version \(day)."))
            try await origin.commitAll("Edit \(day)")
        }
        let clone = origin.sandbox + "/shallow"
        try await origin.git(["clone", "-q", "--depth", "1", "file://" + origin.path, clone], in: origin.sandbox)
        let result = try await origin.runbook(["build", "--out", clone + "/_site"], in: clone)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("warning: the repository is a shallow clone"), "\(result)")
        let json = try index(clone + "/_site")
        #expect(((json["source"] as? [String: Any])?["shallow"] as? Bool) == true)
        let lineage = try #require((json["runbooks"] as? [[String: Any]])?.first?["lineage"] as? [String: Any])
        #expect(lineage["truncated"] as? Bool == true)
        let strict = try await origin.runbook(["build", "--require-full-history"], in: clone)
        #expect(strict.status == 2, "\(strict)")
        #expect(strict.stderr.contains("--require-full-history"), "\(strict)")
    }

    @Test("lint errors are shown, not fatal; --strict exits 1 and still writes the site")
    func lintErrors() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/broken.md", Fixtures.broken)
        try await repo.commitAll("Add a broken runbook")
        let result = try await build(repo)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderrLines.last?.contains("2 errors") == true, "\(result)")
        let strict = try await build(repo, "--strict", "--out", "strict")
        #expect(strict.status == 1, "\(strict)")
        #expect(FileManager.default.fileExists(atPath: repo.path + "/strict/index.json"))
    }

    @Test("a base URL that is not http(s) is refused, from the command line and from runbook.yml")
    func badBaseURL() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try await repo.commitAll("Add the DNS runbook")
        let flag = try await build(repo, "--base-url", "javascript:alert(1)//")
        #expect(flag.status == 2, "\(flag)")
        #expect(flag.stderr.contains("--base-url must be an http:// or https:// URL or a path starting with /"), "\(flag)")
        try repo.write("runbook.yml", "site:\n  base_url: 'javascript:alert(1)'\n")
        try await repo.commitAll("Set a bad base URL")
        let config = try await build(repo)
        #expect(config.status == 2, "\(config)")
        #expect(config.stderr.contains("runbook.yml:2:13: error: site.base_url: expected an http:// or https:// URL"), "\(config)")
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/_site"))
    }

    @Test("two paths that differ only in Unicode normalization build one page and report the other")
    func unicodeNormalizationTwins() async throws {
        let repo = try await FixtureRepository()
        let composed = "runbooks/caf\u{E9}.md", decomposed = "runbooks/cafe\u{301}.md"
        try repo.write(composed, Fixtures.valid())
        try repo.write(decomposed, Fixtures.valid(summary: "The other spelling."))
        try await repo.commitAll("Add two spellings of one name")
        let result = try await build(repo)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderrLines.last?.contains("built 1 runbook") == true, "\(result)")
        let lint = try #require(try index(repo.path + "/_site")["lint"] as? [String: Any])
        let problem = try #require((lint["unreadable"] as? [[String: Any]])?.first)
        #expect((problem["message"] as? String)?.contains("Unicode normalization") == true)
    }

    @Test("--base-url goes into the index, the feed and the sitemap")
    func baseURL() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try await repo.commitAll("Add the DNS runbook")
        #expect(try await build(repo, "--base-url", "https://runbooks.example.com/sre/").status == 0)
        let json = try index(repo.path + "/_site")
        #expect(json["baseURL"] as? String == "https://runbooks.example.com/sre/")
        #expect(try read(repo.path + "/_site/sitemap.xml").contains("https://runbooks.example.com/sre/runbooks/dns/"))
        #expect(try read(repo.path + "/_site/feed.atom").contains("https://runbooks.example.com/sre/"))
    }
}
