import Testing
@testable import RunbookCore

/// Edge cases of individual rules that would clutter their documented examples.
@Suite("Rule behaviour")
struct RuleBehaviourTests {
    private func lint(
        _ files: [String: String], config yaml: String = "sections: {required: [], commands: {}}",
        treePaths extra: Set<String> = [], otherRunbooks: [RunbookSummary] = []
    ) throws -> [Problem] {
        let config = try ConfigParser(path: "runbook.yml").parse(yaml)
        let sources = files.sorted { $0.key < $1.key }.map { SourceFile(path: $0.key, bytes: Array($0.value.utf8)) }
        return try Linter(config: config)
            .lint(sources, treePaths: Set(files.keys).union(extra), otherRunbooks: otherRunbooks).problems
    }

    private func findings(_ rule: String, in problems: [Problem]) -> [String] {
        problems.filter { $0.ruleID == rule }.map { "\($0.path):\($0.line):\($0.column)" }
    }

    @Test("Link targets resolve like a repository browser resolves them", arguments: [
        ("a.md", "runbooks/a.md"),
        ("./a.md?plain=1#top", "runbooks/a.md"),
        ("../docs/My%20Guide.md", "docs/My Guide.md"),
        ("/docs/x.md", "docs/x.md"),
        ("sub//dir/../b.md", "runbooks/sub/b.md"),
        ("..", ""),
    ])
    func linkTargets(_ destination: String, _ expected: String) {
        #expect(BrokenLinkRule.target(of: destination, from: ["runbooks"]) == .path(expected))
    }

    @Test("Links that are not checked, and links that escape", arguments: [
        "https://example.com/x.md", "mailto:oncall@example.com", "tel:+15555550100", "#mitigation", "//cdn.example.com/x.js", "",
    ])
    func uncheckedLinks(_ destination: String) {
        #expect(BrokenLinkRule.target(of: destination, from: ["runbooks"]) == nil)
        #expect(BrokenLinkRule.target(of: "../../x.md", from: ["runbooks"]) == .outside)
        #expect(BrokenLinkRule.target(of: "/../x.md", from: ["runbooks"]) == .outside)
    }

    @Test("Placeholders are whole upper-case words")
    func placeholderWords() {
        let found = PlaceholderRule.placeholders(in: "TODO: x (TBD) FIXME. todo TODOs XXXL MY_TODO 0xXXX TODO_2 éXXX XXX")
        #expect(found.map { "\($0.0)@\($0.1)" } == ["TODO@0", "TBD@9", "FIXME@14", "XXX@64"])
    }

    @Test("The order check keeps the earliest sections and reports the fewest")
    func longestInOrder() {
        #expect(SectionOrderRule.longestInOrder([0, 1, 2]) == [0, 1, 2])
        #expect(SectionOrderRule.longestInOrder([0, 2, 1]) == [0, 1])
        #expect(SectionOrderRule.longestInOrder([2, 0, 1]) == [1, 2])
        #expect(SectionOrderRule.longestInOrder([1, 2, 0]) == [0, 1])
        #expect(SectionOrderRule.longestInOrder([3, 2, 1, 0]) == [0])
        #expect(SectionOrderRule.longestInOrder([]) == [])
    }

    @Test("Commands in subsections and under an alias count toward the section")
    func commandsUnderAliasAndSubsections() throws {
        let problems = try lint(
            ["runbooks/a.md": "# A\n## Remediation\n### First\n```bash\nsystemctl restart etcd\n```\n### Then\n```sh\netcdctl endpoint health\n```\n"],
            config: "sections: {required: [Mitigation], aliases: {Mitigation: [Remediation]}, commands: {Mitigation: 2}}")
        #expect(findings("too-few-commands", in: problems).isEmpty)
        #expect(findings("empty-section", in: problems).isEmpty)
    }

    @Test("An empty section followed by an H1 or at the end of the file is empty")
    func emptySectionBoundaries() throws {
        let problems = try lint(["runbooks/a.md": "# A\n## One\n# Appendix\nText.\n## Two\n\n---\n"])
        #expect(findings("empty-section", in: problems) == ["runbooks/a.md:2:1", "runbooks/a.md:5:1"])
    }

    @Test("dangerous=yes acknowledges too; ignored blocks are not steps")
    func dangerousAcknowledged() throws {
        let problems = try lint([
            "runbooks/a.md": "# A\n```bash {dangerous=yes}\nrm -rf /\n```\n```bash {ignore=true}\nrm -rf /\n```\n",
        ])
        #expect(findings("dangerous-command", in: problems).isEmpty)
    }

    @Test("Each runbook sharing an id names all the others; runbooks not linted count but get no problem")
    func duplicateIDs() throws {
        let problems = try lint(
            [
                "runbooks/a.md": "---\nid: same\n---\n# A\n",
                "runbooks/b.md": "---\nid: same\n---\n# B\n",
            ],
            otherRunbooks: [RunbookSummary(path: "runbooks/c.md", id: "same", idLocation: .init(line: 2, column: 5))])
        let duplicates = problems.filter { $0.ruleID == "duplicate-id" }
        #expect(duplicates.map(\.path) == ["runbooks/a.md", "runbooks/b.md"])
        #expect(duplicates.first?.message.contains("runbooks/b.md, runbooks/c.md") == true)
    }

    @Test("Missing metadata is not reported while the front matter cannot be read")
    func missingMetadataAfterBadFrontMatter() throws {
        let problems = try lint(
            ["runbooks/a.md": "---\nowner: [x\n---\n# A\n"],
            config: "sections: {required: [], commands: {}}\nmetadata: {required: [owner, severity]}")
        #expect(findings("missing-metadata", in: problems).isEmpty)
        #expect(findings("bad-front-matter", in: problems).count == 1)
    }

    @Test("An empty H1 is an empty title")
    func emptyHeadingTitle() throws {
        let problems = try lint(["runbooks/a.md": "#\nText.\n"])
        #expect(findings("missing-title", in: problems) == ["runbooks/a.md:1:1"])
    }
}
