import MarkdownKit
import Testing

@Suite struct HTMLRendererTests {
    private func html(_ markdown: String) -> String {
        HTMLRenderer(document: MarkdownDocument.parse(markdown)).render().html
    }

    @Test func paragraphsAndInlines() {
        #expect(html("Hello *em* **strong** ~~gone~~ `co<de>`\nnext  \nbreak\n")
            == "<p>Hello <em>em</em> <strong>strong</strong> <del>gone</del> <code>co&lt;de&gt;</code>\nnext<br />\nbreak</p>\n")
    }

    @Test func textIsEscaped() {
        #expect(html("a & b < c > d \" e ' f\n") == "<p>a &amp; b &lt; c &gt; d &quot; e &#39; f</p>\n")
    }

    @Test func headingsGetGitHubAnchorsWithoutRepeats() {
        let rendered = HTMLRenderer(document: MarkdownDocument.parse("# Root Cause Fix!\n## Root cause fix\n### Ünïcode & `code`\n#### ???\n"))
            .render()
        #expect(rendered.html == """
            <h1 id="root-cause-fix">Root Cause Fix! <a class="anchor" href="#root-cause-fix" aria-label="Link to this section">#</a></h1>
            <h2 id="root-cause-fix-1">Root cause fix <a class="anchor" href="#root-cause-fix-1" aria-label="Link to this section">#</a></h2>
            <h3 id="ünïcode--code">Ünïcode &amp; <code>code</code> <a class="anchor" href="#%C3%BCn%C3%AFcode--code" aria-label="Link to this section">#</a></h3>
            <h4 id="heading">??? <a class="anchor" href="#heading" aria-label="Link to this section">#</a></h4>

            """)
        #expect(rendered.headingIDs == [1: "root-cause-fix", 3: "root-cause-fix-1", 5: "ünïcode--code", 8: "heading"])
    }

    @Test func reservedIDsAreNotGivenToHeadings() {
        var renderer = HTMLRenderer(document: MarkdownDocument.parse("## Main\n"))
        renderer.reservedIDs = ["main"]
        #expect(renderer.render().headingIDs.values.first == "main-1")
    }

    @Test func slugsFollowGitHub() {
        #expect(HeadingSlugger.slug("Root Cause Fix") == "root-cause-fix")
        #expect(HeadingSlugger.slug("What's up? (v1.2)") == "whats-up-v12")
        #expect(HeadingSlugger.slug("snake_case  two") == "snake_case--two")
        var slugger = HeadingSlugger()
        #expect(["a", "a", "a-1", "a"].map { slugger.slug(for: $0) } == ["a", "a-1", "a-1-1", "a-2"])
    }

    @Test func tablesKeepAlignment() {
        #expect(html("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n") == """
            <table>
            <thead>
            <tr>
            <th align="left">a</th>
            <th align="center">b</th>
            <th align="right">c</th>
            <th>d</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td align="left">1</td>
            <td align="center">2</td>
            <td align="right">3</td>
            <td>4</td>
            </tr>
            </tbody>
            </table>

            """)
    }

    @Test func headerOnlyTableHasNoBody() {
        #expect(html("| a |\n|---|\n") == "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>\n")
    }

    @Test func taskListsHaveDisabledCheckboxes() {
        #expect(html("- [ ] open\n- [x] done\n") == """
            <ul class="contains-task-list">
            <li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="" /> open</li>
            <li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="" checked="" /> done</li>
            </ul>

            """)
    }

    @Test func listsAreTightOrLooseAndKeepTheirStart() {
        #expect(html("3. three\n4. four\n") == "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n")
        #expect(html("1. one\n") == "<ol>\n<li>one</li>\n</ol>\n")
        #expect(html("- a\n\n- b\n") == "<ul>\n<li><p>a</p>\n</li>\n<li><p>b</p>\n</li>\n</ul>\n")
        #expect(html("- a\n  - b\n") == "<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>\n")
    }

    @Test func blockQuotesRulesAndCode() {
        #expect(html("> quoted\n\n---\n\n```bash {name=x}\necho \"<hi>\"\n```\n\n    indented\n") == """
            <blockquote>
            <p>quoted</p>
            </blockquote>
            <hr />
            <pre><code class="language-bash">echo &quot;&lt;hi&gt;&quot;
            </code></pre>
            <pre><code>indented
            </code></pre>

            """)
    }

    @Test func codeBlockLanguageIsLimitedToClassCharacters() {
        #expect(html("```ba\"sh><x\nx\n```\n") == "<pre><code class=\"language-bashx\">x\n</code></pre>\n")
    }

    @Test func autolinksAndLinksWithTitles() {
        #expect(html("see https://example.com/a?b=1&c=2 and www.example.org\n")
            == "<p>see <a href=\"https://example.com/a?b=1&amp;c=2\">https://example.com/a?b=1&amp;c=2</a> and <a href=\"http://www.example.org\">www.example.org</a></p>\n")
        #expect(html("[a](https://x.test/p \"the \\\"title\\\"\") ![i](img.png 't')\n")
            == "<p><a href=\"https://x.test/p\" title=\"the &quot;title&quot;\">a</a> <img src=\"img.png\" alt=\"i\" title=\"t\" loading=\"lazy\" /></p>\n")
    }

    @Test func urlsArePercentEncoded() {
        #expect(html("[a](<x y\"z'>)\n") == "<p><a href=\"x%20y%22z&#39;\">a</a></p>\n")
    }

    @Test func rawHTMLIsDropped() {
        #expect(html("<script>alert(1)</script>\n\ntext <b onclick=\"x()\">bold</b> <!-- c -->\n\n<div>\n*md*\n</div>\n")
            == "<p>text bold </p>\n")
    }

    @Test(arguments: [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", " javascript:alert(1)",
        "&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)", "javascript&colon;alert(1)", "java&Tab;script:alert(1)",
        "\\u0001javascript:x", "vbscript:msgbox(1)", "VBScript:x", "livescript:x", "file:///etc/passwd",
        "data:text/html;base64,PHNjcmlwdD4=", "data:image/svg+xml,%3Csvg%20onload=alert(1)%3E", "DATA:text/html,x",
    ])
    func unsafeLinksLoseTheirDestination(destination: String) {
        let markdown = destination.hasPrefix("\\u0001")
            ? "[click](<\u{1}javascript:x>) ![pic](<\u{1}javascript:x>)\n"
            : "[click](<\(destination)>) ![pic](<\(destination)>)\n"
        let output = html(markdown)
        #expect(output == "<p>click pic</p>\n", "\(destination)")
    }

    @Test func safeSchemesAndImageDataStay() {
        #expect(URLSafety.isSafe("https://example.com"))
        #expect(URLSafety.isSafe("mailto:oncall@example.com"))
        #expect(URLSafety.isSafe("../db/failover.md#x"))
        #expect(URLSafety.isSafe("/abs/path:with-colon"))
        #expect(URLSafety.isSafe("#anchor"))
        #expect(URLSafety.isSafe("data:image/png;base64,iVBORw0KGgo="))
        #expect(URLSafety.isSafe("DATA:IMAGE/WEBP,x"))
        #expect(!URLSafety.isSafe("data:image/pngx,x"))
        #expect(!URLSafety.isSafe("data:image/svg+xml;base64,PHN2Zz4="))
        #expect(!URLSafety.isSafe("\u{0}javascript:x"))
        #expect(!URLSafety.isSafe("jav\u{7F}ascript:x"))
    }

    @Test func rewrittenURLsAreUsedAndStillChecked() {
        var renderer = HTMLRenderer(document: MarkdownDocument.parse("[db](../db/failover.md#step) [evil](x.md) ![i](a.png)\n"))
        renderer.rewriteURL = { url, isImage in
            switch url {
            case "../db/failover.md#step": return "../../runbooks/db/failover/index.html#step"
            case "x.md": return "javascript:alert(1)"
            default: return isImage ? "https://repo.test/raw/a.png" : nil
            }
        }
        #expect(renderer.render().html
            == "<p><a href=\"../../runbooks/db/failover/index.html#step\">db</a> evil <img src=\"https://repo.test/raw/a.png\" alt=\"i\" loading=\"lazy\" /></p>\n")
    }

    @Test func codeBlocksCanBeDecorated() {
        var renderer = HTMLRenderer(document: MarkdownDocument.parse("```sh\nls\n```\n\n```text\nkeep\n```\n"))
        renderer.decorateCodeBlock = { node, html in
            renderer.document.nodes[node].info == "sh" ? "<figure data-node=\"\(node)\">\(html)</figure>\n" : nil
        }
        #expect(renderer.render().html
            == "<figure data-node=\"1\"><pre><code class=\"language-sh\">ls\n</code></pre>\n</figure>\n<pre><code class=\"language-text\">keep\n</code></pre>\n")
    }

    @Test func skippedNodesLeaveWithTheirSubtree() {
        var renderer = HTMLRenderer(document: MarkdownDocument.parse("# Title *x*\n\nbody\n"))
        renderer.skippedNodes = [1]
        #expect(renderer.render().html == "<p>body</p>\n")
    }

    @Test func deepNestingDoesNotOverflowTheStack() {
        let depth = 10_000
        let quotes = html(String(repeating: ">", count: depth) + " deep\n")
        #expect(quotes.hasSuffix("<p>deep</p>\n" + String(repeating: "</blockquote>\n", count: depth)))
        let lists = html((0..<2_000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n") + "\n")
        #expect(lists.split(separator: "<ul>", omittingEmptySubsequences: false).count == 2_001)
    }

    @Test func escapingHelperCoversAllFive() {
        #expect(HTMLEscaping.escape("<a href='x'>\"&\"</a>") == "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;")
    }
}
