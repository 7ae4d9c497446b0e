import RunbookCore
import Testing

@Suite struct GlobTests {
    @Test(arguments: [
        ("**/*.md", "a.md", true),
        ("**/*.md", "team/etcd/no-leader.md", true),
        ("**/*.md", "a.markdown", false),
        ("**/README.md", "README.md", true),
        ("**/README.md", "x/README.md", true),
        ("README.md", "deep/down/README.md", true),
        ("drafts/**", "drafts/a/b.md", true),
        ("drafts/**", "other/drafts/b.md", false),
        ("*.md", "x/y.md", true),
        ("team/*.md", "team/x/y.md", false),
        ("team/?.md", "team/a.md", true),
        ("a/**/b.md", "a/b.md", true),
        ("a/**/b.md", "a/x/y/b.md", true),
    ])
    func matching(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected)
    }

    @Test func hostilePatternsStayFast() {
        let pattern = Glob(String(repeating: "*a", count: 50) + "b")
        #expect(!pattern.matches(String(repeating: "a", count: 5_000)))
    }
}
