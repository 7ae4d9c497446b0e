import Testing
@testable import RunbookCore

@Suite("MD043 heading patterns")
struct HeadingPatternMatcherTests {
    private func headings(_ markdown: String) -> [Heading] {
        RunbookParser(config: Config()).parse(path: "runbooks/x.md", text: markdown).headings
    }

    private func check(_ pattern: [String], _ markdown: String, aliases: [String: [String]] = [:]) -> HeadingPatternMatcher.Outcome {
        HeadingPatternMatcher(pattern: pattern.map { HeadingPatternItem($0)! }, aliases: aliases).check(headings(markdown))
    }

    private func lines(_ findings: [Finding]) -> [Int] { findings.map(\.line) }

    @Test("Literals must appear in order, at their level, in any case")
    func literals() {
        let pattern = ["# Disk full", "## Summary", "## Mitigation"]
        #expect(check(pattern, "# Disk full\n## Summary\n## Mitigation\n").isMatch)
        #expect(check(pattern, "# DISK  full\n## summary\n## MITIGATION\n").isMatch)
        let wrongLevel = check(pattern, "# Disk full\n## Summary\n### Mitigation\n")
        #expect(lines(wrongLevel.missing) == [3])
        #expect(wrongLevel.misplaced.isEmpty)
        let absent = check(pattern, "# Disk full\n## Summary\n")
        #expect(lines(absent.missing) == [1])
        #expect(absent.missing.first?.message.contains("after '## Summary' (line 2)") == true)
    }

    @Test("'*' allows any number of headings, including none")
    func zeroOrMore() {
        let pattern = ["?", "## Summary", "*", "## Mitigation", "*"]
        #expect(check(pattern, "# T\n## Summary\n## Mitigation\n").isMatch)
        #expect(check(pattern, "# T\n## Summary\n### Details\n## Notes\n## Mitigation\n### More\n## Appendix\n").isMatch)
        // Nothing allows a heading between the title and Summary.
        let extra = check(pattern, "# T\n## Notes\n## Summary\n## Mitigation\n")
        #expect(extra.missing.isEmpty)
        #expect(lines(extra.misplaced) == [2])
        #expect(extra.misplaced.first?.message.contains("not allowed here") == true)
    }

    @Test("'+' needs at least one heading")
    func oneOrMore() {
        let pattern = ["# Disk full", "## Summary", "+", "## Escalation"]
        #expect(check(pattern, "# Disk full\n## Summary\n## Steps\n## Escalation\n").isMatch)
        #expect(check(pattern, "# Disk full\n## Summary\n## Steps\n### More\n## Escalation\n").isMatch)
        let none = check(pattern, "# Disk full\n## Summary\n## Escalation\n")
        #expect(none.missing.isEmpty)
        #expect(lines(none.misplaced) == [3])
        #expect(none.misplaced.first?.message.contains("'+'") == true)
    }

    @Test("'?' is exactly one heading")
    func exactlyOne() {
        let pattern = ["?", "## Summary"]
        #expect(check(pattern, "# Anything\n## Summary\n").isMatch)
        let noTitle = check(pattern, "## Summary\n")
        #expect(noTitle.missing.isEmpty)
        #expect(lines(noTitle.misplaced) == [1])
        let twoTitles = check(pattern, "# One\n# Two\n## Summary\n")
        #expect(lines(twoTitles.misplaced) == [2])
    }

    @Test("Swapped headings: the later one is reported as out of order, not missing")
    func swapped() {
        let outcome = check(["?", "## Summary", "## Diagnosis", "## Mitigation"], "# T\n## Summary\n## Mitigation\n## Diagnosis\n")
        #expect(outcome.missing.isEmpty)
        #expect(lines(outcome.misplaced) == [4])
        #expect(outcome.misplaced.first?.message.contains("out of order") == true)
        #expect(outcome.misplaced.first?.message.contains("before '## Mitigation' (line 3)") == true)
        let withWildcards = check(["?", "*", "## Summary", "*", "## Mitigation", "*"], "# T\n## Mitigation\n## Summary\n")
        #expect(withWildcards.missing.isEmpty)
        #expect(lines(withWildcards.misplaced) == [3])
    }

    @Test("An alias stands for its literal")
    func aliases() {
        let pattern = ["?", "## Mitigation"]
        #expect(check(pattern, "# T\n## Remediation\n", aliases: ["Mitigation": ["Remediation"]]).isMatch)
        #expect(!check(pattern, "# T\n## Remediation\n").isMatch)
    }

    @Test("Only wildcards match an empty document; a literal is then missing")
    func emptyDocument() {
        #expect(check(["*"], "Just text.\n").isMatch)
        #expect(lines(check(["## Summary", "*"], "Just text.\n").missing) == [1])
        #expect(lines(check(["?"], "Just text.\n").misplaced) == [1])
    }

    @Test("A repeated literal needs each occurrence")
    func repeatedLiteral() {
        let pattern = ["?", "## Diagnosis", "### Steps", "## Mitigation", "### Steps"]
        #expect(check(pattern, "# T\n## Diagnosis\n### Steps\n## Mitigation\n### Steps\n").isMatch)
        let outcome = check(pattern, "# T\n## Diagnosis\n### Steps\n## Mitigation\n")
        #expect(lines(outcome.missing) == [1])
        #expect(outcome.misplaced.isEmpty)
    }

    @Test("Many headings are matched quickly")
    func large() {
        let body = (1...3000).map { "### Step \($0)\n" }.joined()
        #expect(check(["?", "## Steps", "*", "## Escalation"], "# T\n## Steps\n" + body + "## Escalation\n").isMatch)
        // Every heading out of place is reported, each once.
        #expect(check(["# T"], "# T\n" + body).misplaced.count == 3000)
    }
}
