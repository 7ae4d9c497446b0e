import GitKit
import RunbookCore
import Testing
@testable import SiteBuilder

/// Every value from a runbook, its path and its history is untrusted: a pull
/// request can put anything there, and CI may build its site.
@Suite struct SiteSafetyTests {
    static let hostile = """
        ---
        title: "<script>alert('title')</script>"
        id: "x\\"><script>alert(2)</script>"
        owner: "<img src=x onerror=alert(3)>"
        severity: "critical\\" onmouseover=\\"alert(4)"
        status: "<b>approved</b>"
        tags: ["<script>alert(5)</script>", "a/../../b"]
        alerts: ["\\"><script>alert(6)</script>", "../../../etc"]
        autonomy: "</code><script>alert(7)</script>"
        ---
        ## Diagnosis

        <script>alert('raw block')</script>

        Inline <img src=x onerror="alert('inline')"> and [link](javascript:alert('link')) and [x](JaVaScRiPt:alert(1)).

        ```bash {name="<script>alert(8)</script>" timeout='"><script>alert(9)</script>'}
        echo '<script>alert(10)</script>'
        ```
        """

    static var catalog: Catalog {
        let path = "runbooks/<img src=x onerror=alert(11)>/q\"uote.md"
        let author = Signature(name: "<script>alert(12)</script>", email: "x@example.com", time: 1_709_287_200, offsetMinutes: 0)
        let lineage = Lineage(
            changes: [
                LineageChange(commit: TestCatalog.commit("d"), author: author, subject: "</td><script>alert(13)</script>\u{1}",
                              kind: .renamed, path: path, renamedFrom: "<script>alert(14)</script>.md", blob: TestCatalog.commit("e")),
            ],
            approval: Approval(commit: TestCatalog.commit("d"), author: author, approvers: ["<script>alert(15)</script>"], fromTrailers: true),
            truncated: true)
        return TestCatalog.make([(path, hostile)], lineages: [path: lineage]) {
            $0.site.title = "<script>alert(16)</script>"
            $0.site.repoURL = "javascript:alert(17)"
        }
    }

    @Test func noMarkupFromInputSurvivesInAnyPage() throws {
        let files = try TestCatalog.render(Self.catalog)
        for (path, text) in files where path.hasSuffix(".html") || path.hasSuffix(".atom") || path.hasSuffix(".xml") {
            #expect(!text.contains("<script>alert"), "\(path)")
            #expect(!text.contains("<img src=x"), "\(path)")
            #expect(!text.contains("onerror=\"alert"), "\(path)")
            #expect(!text.contains("\" onmouseover"), "\(path)")
            #expect(!text.contains("<b>approved"), "\(path)")
            #expect(!text.lowercased().contains("href=\"javascript:"), "\(path)")
        }
        for path in ["feed.atom", "sitemap.xml"] {
            // XML forbids most control characters even escaped; one would break the whole feed.
            #expect(try #require(files[path]).unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\n" }, "\(path)")
        }
        let searchData = try #require(files["search-data.js"])
        #expect(!searchData.contains("<"))
    }

    @Test func valuesAppearEscaped() throws {
        let files = try TestCatalog.render(Self.catalog)
        let folder = try #require(files.keys.first { $0.hasPrefix("runbooks/") }).dropLast("/index.html".count)
        let page = try #require(files[folder + "/index.html"])
        #expect(page.contains("<h1>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;</h1>"))
        #expect(page.contains("<span class=\"badge-key\">owner</span> &lt;img src=x onerror=alert(3)&gt;</li>"))
        #expect(page.contains("<li class=\"badge severity severity-critical--onmouseover--alert-4-\"><span class=\"badge-key\">severity</span> critical&quot; onmouseover=&quot;alert(4)</li>"))
        #expect(page.contains("<span class=\"badge-key\">autonomy</span> &lt;/code&gt;&lt;script&gt;alert(7)&lt;/script&gt;</li>"))
        #expect(page.contains("<code>&lt;script&gt;alert(8)&lt;/script&gt;</code>"))
        #expect(page.contains("<span class=\"step-attribute\">timeout=&quot;&gt;&lt;script&gt;alert(9)&lt;/script&gt;</span>"))
        #expect(page.contains("echo &#39;&lt;script&gt;alert(10)&lt;/script&gt;&#39;"))
        #expect(page.contains("Last changed by &lt;script&gt;alert(12)&lt;/script&gt; on"))
        #expect(page.contains("Approved by &lt;script&gt;alert(15)&lt;/script&gt; on"))
        #expect(page.contains("<title>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; · &lt;script&gt;alert(16)&lt;/script&gt;</title>"))
        #expect(page.contains("<code class=\"path\">runbooks/&lt;img src=x onerror=alert(11)&gt;/q&quot;uote.md</code>"))
        // The id is quoted for the shell, so the copied line is one command.
        #expect(page.contains("<code>runbook run &#39;x&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;&#39;</code>"))
        // Raw HTML is dropped; unsafe links keep only their text; a javascript: repo URL makes no links.
        #expect(page.contains("<p>Inline  and link and x.</p>"))
        #expect(!page.contains("alert('raw block')"))
        #expect(!page.contains("Edit</a>"))
        #expect(page.contains("shallow clone"))

        let history = try #require(files.first { $0.key.hasPrefix("history/") }?.value)
        #expect(history.contains("<td>&lt;/td&gt;&lt;script&gt;alert(13)&lt;/script&gt;\u{1} <span class=\"kind kind-renamed\">renamed</span><br><span class=\"renamed\">renamed from <code>&lt;script&gt;alert(14)&lt;/script&gt;.md</code></span></td>"))
        let feed = try #require(files["feed.atom"])
        #expect(feed.contains("<title>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;: &lt;/td&gt;&lt;script&gt;alert(13)&lt;/script&gt;</title>"))
        let tags = try #require(files["tags/index.html"])
        #expect(tags.contains(">#&lt;script&gt;alert(5)&lt;/script&gt;</a>"))
        let alerts = try #require(files["alerts/index.html"])
        #expect(alerts.contains("<code>&quot;&gt;&lt;script&gt;alert(6)&lt;/script&gt;</code>"))
    }

    @Test func outputPathsStayInsideTheSite() throws {
        let files = try TestCatalog.render(Self.catalog)
        for path in files.keys {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            #expect(!path.hasPrefix("/") && !parts.contains("..") && !parts.contains(".") && !parts.contains(""), "\(path)")
            #expect(parts.allSatisfy { part in part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) } }, "\(path)")
        }
        #expect(files.keys.sorted().filter { !$0.hasPrefix("assets/") } == [
            "404.html", "alerts/--..-..-etc/index.html", "alerts/-script-alert-6-script-/index.html", "alerts/index.html",
            "changes/index.html", "feed.atom", "history/x-script-alert-2-/script-/index.html", "index.html", "index.json",
            "index.schema.json", "runbooks/x-script-alert-2-/script-/index.html", "search-data.js", "sitemap.xml",
            "tags/-script-alert-5-script-/index.html", "tags/a-..-..-b/index.html", "tags/index.html",
        ])
    }
}
