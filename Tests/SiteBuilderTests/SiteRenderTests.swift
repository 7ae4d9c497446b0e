import RunbookCore
import Testing
@testable import SiteBuilder

@Suite struct SiteRenderTests {
    @Test func everyPageIsWrittenAtItsPrettyPath() throws {
        let files = try TestCatalog.render(TestCatalog.standard)
        #expect(files.keys.sorted() == [
            "404.html", "alerts/EtcdNoLeader/index.html", "alerts/PostgresDown/index.html", "alerts/index.html",
            "assets/site.css", "assets/site.js", "changes/index.html",
            "feed.atom", "history/db/failover/index.html", "history/etcd/no-leader/index.html",
            "index.html", "index.json", "index.schema.json", "runbooks/db/failover/index.html", "runbooks/etcd/no-leader/index.html",
            "search-data.js", "sitemap.xml", "tags/control-plane/index.html", "tags/db/index.html", "tags/etcd/index.html", "tags/index.html",
        ])
    }

    @Test func rendersAreByteIdentical() throws {
        let first = try TestCatalog.render(TestCatalog.standard)
        let second = try TestCatalog.render(TestCatalog.standard)
        #expect(first == second)
    }

    @Test func runbookPageShowsStepsBadgesAndHistory() throws {
        let page = try #require(try TestCatalog.render(TestCatalog.standard)["runbooks/etcd/no-leader/index.html"])
        #expect(page.contains(#"<link rel="stylesheet" href="../../../assets/site.css">"#))
        #expect(page.contains(#"<figure class="step" id="step-member-list">"#))
        #expect(page.contains(#"<span class="step-attribute">timeout=30s</span>"#))
        #expect(page.contains(#"data-copy="etcdctl endpoint health \&#10;    --cluster""#) || page.contains("data-copy=\"etcdctl endpoint health \\\n    --cluster\""))
        #expect(page.contains("<code>runbook run etcd/no-leader</code>"))
        #expect(page.contains(#"Last changed by Carol on <time datetime="2024-03-10T11:00:00+01:00">2024-03-10</time> in <a href="https://git.example.com/ops/runbooks/commit/cccccccccccccccccccccccccccccccccccccccc"><code>ccccccc</code></a>."#))
        #expect(page.contains("Approved by Dave, Erin on"))
        #expect(page.contains(#"<a href="https://git.example.com/ops/runbooks/edit/main/runbooks/etcd/no-leader.md">Edit</a>"#))
        #expect(page.contains(#"<a href="../../../history/etcd/no-leader/index.html">History (3)</a>"#))
        // The H1 is the page title, not repeated from the body; raw HTML is gone.
        #expect(page.components(separatedBy: "etcd has no leader</h1>").count == 2)
        #expect(!page.contains("<span>raw</span>"))
        // A relative link to another runbook goes to its page, keeping the anchor.
        #expect(page.contains(#"<a href="../../../runbooks/db/failover/index.html#promote">failover</a>"#))
        #expect(page.contains(##"<li class="toc-level-2"><a href="#root-cause-fix">Root Cause Fix</a></li>"##))
        #expect(page.contains(#"<th align="left">Signal</th>"#))
        #expect(page.contains(#"<input type="checkbox" class="task-list-item-checkbox" disabled="" checked="" />"#))
    }

    @Test func lintProblemsShowOnThePageAndIndex() throws {
        let files = try TestCatalog.render(TestCatalog.standard)
        let page = try #require(files["runbooks/db/failover/index.html"])
        #expect(page.contains(#"<a href="https://git.example.com/ops/runbooks/blob/main/runbooks/db/failover.md#L9">line 9</a>: missing section &#39;Symptoms&#39; <code class="rule">missing-section</code>"#))
        let index = try #require(files["index.html"])
        #expect(index.contains(#"<td class="lint-errors" data-value="errors">1 error</td>"#))
        #expect(index.contains(#"<a href="runbooks/etcd/no-leader/index.html">etcd has no leader</a>"#))
    }

    @Test func historyPageListsEveryChangeWithRenames() throws {
        let page = try #require(try TestCatalog.render(TestCatalog.standard)["history/etcd/no-leader/index.html"])
        #expect(page.contains("Move to etcd/ <span class=\"kind kind-renamed\">renamed</span><br><span class=\"renamed\">renamed from <code>old/etcd.md</code></span>"))
        #expect(page.contains("Authors: Carol, Bob, Alice"))
        #expect(page.contains("(from the commit's Approved-by/Reviewed-by lines)"))
    }

    @Test func alertPagesLeadToTheirRunbooks() throws {
        let files = try TestCatalog.render(TestCatalog.standard)
        let single = try #require(files["alerts/PostgresDown/index.html"])
        #expect(single.contains(#"<meta http-equiv="refresh" content="0; url=../../runbooks/db/failover/index.html">"#))
        let several = try #require(files["alerts/EtcdNoLeader/index.html"])
        #expect(!several.contains("http-equiv"))
        #expect(several.contains("2 runbooks answer this alert"))
    }

    @Test func directoryLinksForServedSites() throws {
        let files = try TestCatalog.render(TestCatalog.standard, linkStyle: .directories)
        #expect(try #require(files["index.html"]).contains(#"<a href="runbooks/etcd/no-leader/">etcd has no leader</a>"#))
        #expect(try #require(files["tags/etcd/index.html"]).contains(#"<a class="site-title" href="../../">Ops runbooks</a>"#))
    }

    @Test func feedAndSitemapUseTheBaseURL() throws {
        var catalog = TestCatalog.standard
        catalog.config.site.baseURL = "https://runbooks.example.com/ops"
        let files = try TestCatalog.render(catalog)
        let feed = try #require(files["feed.atom"])
        #expect(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://runbooks.example.com/ops/feed.atom\"/>"))
        #expect(feed.contains("<updated>2024-03-10T11:00:00+01:00</updated>"))
        #expect(feed.components(separatedBy: "<entry>").count == 7)
        let sitemap = try #require(files["sitemap.xml"])
        #expect(sitemap.contains("<url><loc>https://runbooks.example.com/ops/runbooks/etcd/no-leader/</loc><lastmod>2024-03-10T11:00:00+01:00</lastmod></url>"))
        #expect(try #require(files["404.html"]).contains(#"<base href="https://runbooks.example.com/ops/">"#))
        #expect(try #require(files["index.json"]).contains(#""url":"https://runbooks.example.com/ops/runbooks/etcd/no-leader/""#))
    }

    @Test func withoutBaseURLTheSitemapIsRelative() throws {
        let files = try TestCatalog.render(TestCatalog.standard)
        #expect(try #require(files["sitemap.xml"]).contains("<url><loc>runbooks/db/failover/</loc>"))
        #expect(try #require(files["feed.atom"]).contains(#"<link rel="alternate" type="text/html" href="history/etcd/no-leader/index.html"/>"#))
    }

    /// The executor and `match` build the index in memory without the parts' keys: the same bytes.
    @Test func theIndexInMemoryIsTheIndexTheSiteWrites() throws {
        let site = Site(catalog: TestCatalog.standard, template: try SiteTemplate())
        let output = MemorySiteOutput()
        try site.render(into: output)
        #expect(site.indexJSON() == output.files["index.json"])
    }

    @Test func searchDataCoversHeadingsCommandsTagsAndAlerts() throws {
        let data = try #require(try TestCatalog.render(TestCatalog.standard)["search-data.js"])
        #expect(data.hasPrefix("window.runbookSearchData=[\n\"database failover db/failover team-db db postgresdown etcdnoleader summary\",\n"))
        #expect(data.contains(" member-list etcdctl member list -w table "))
        #expect(data.contains(" control-plane etcdnoleader "))
    }

    @Test func progressReachesTheTotalInOrder() throws {
        let site = Site(catalog: TestCatalog.standard, template: try SiteTemplate())
        let seen = ProgressLog()
        try site.render(into: MemorySiteOutput()) { done, total in seen.append(done, total) }
        let calls = seen.calls
        #expect(calls.last?.0 == site.fileCount)
        #expect(calls.allSatisfy { $0.1 == site.fileCount })
        #expect(calls.map(\.0) == calls.map(\.0).sorted())
    }

    @Test func anOutputFailureStopsTheRender() throws {
        struct Full: Error {}
        struct FailingOutput: SiteOutput {
            func write(_ bytes: [UInt8], to path: String) throws { throw Full() }
        }
        #expect(throws: Full.self) { try Site(catalog: TestCatalog.standard, template: try SiteTemplate()).render(into: FailingOutput()) }
    }
}
